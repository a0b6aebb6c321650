package dev.gomodel.bench.harness;

/**
 * What every benchmarked client implements: one non-streamed call and one streamed call of the
 * same request (the configured model and one user message), each doing all the work a user's
 * code would: build the request, send it, parse the whole answer into the library's own typed
 * object or tree, and read the content.
 *
 * <p>Implementations must be thread-safe: the throughput scenario calls {@link #create()} from
 * many threads at once. Connections are kept alive the way the library does by default.
 */
public interface BenchClient extends AutoCloseable {

    /** Sends the request, parses the whole answer and returns its content text. */
    String create() throws Exception;

    /**
     * Sends the request as a stream, parses every event, passes each non-empty content delta
     * to {@code sink} in order, and returns once the stream has ended.
     */
    void stream(ContentSink sink) throws Exception;

    /** Releases the client's resources. */
    @Override
    void close();

    /** Receives the content deltas of one stream; called serially, from any thread. */
    @FunctionalInterface
    interface ContentSink {
        void accept(String delta);
    }

    /** Makes a client for a configuration. */
    @FunctionalInterface
    interface Factory {
        BenchClient open(BenchConfig config) throws Exception;
    }
}
