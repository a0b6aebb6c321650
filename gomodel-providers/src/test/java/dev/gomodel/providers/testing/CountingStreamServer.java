package dev.gomodel.providers.testing;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The upstream of the Reactive Streams TCK verifications of the HTTP streams: a
 * {@link LoopbackServer} that answers a streamed request for model {@code chunks-N} with an
 * event stream that yields exactly N chunks and then ends as its wire format ends a stream, and
 * a request for any other model with HTTP 400. Events are written as they are made, one HTTP
 * chunk each, so a stream of {@link Integer#MAX_VALUE} chunks costs only what the client reads
 * before it cancels. Connections are kept alive for further requests.
 */
public final class CountingStreamServer implements AutoCloseable {

    /** A wire format's event stream of {@code count} chunks, its end included. */
    @FunctionalInterface
    private interface EventStream {
        void write(LoopbackServer.Connection connection, long count) throws IOException;
    }

    private static final Pattern COUNTING_MODEL = Pattern.compile("\"model\":\"chunks-(\\d+)\"");

    private final LoopbackServer server;

    private CountingStreamServer(EventStream events) throws IOException {
        server = new LoopbackServer((connection, number) -> {
            String body;
            while ((body = connection.readRequest()) != null) {
                Matcher model = COUNTING_MODEL.matcher(body);
                if (!model.find()) {
                    connection.writeJson(400, "{\"error\":{\"message\":\"no model of that name\","
                            + "\"type\":\"invalid_request_error\"}}");
                    continue;
                }
                connection.startEventStream();
                events.write(connection, Long.parseLong(model.group(1)));
                connection.endChunks();
            }
        });
    }

    /** OpenAI's format: one chunk per event, its content the chunk's number, then {@code [DONE]}. */
    public static CountingStreamServer openAi() throws IOException {
        return new CountingStreamServer((connection, count) -> {
            for (long i = 0; i < count; i++) {
                connection.writeChunk("data: {\"id\":\"chatcmpl-tck\",\"object\":\"chat.completion.chunk\","
                        + "\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + i
                        + "\"},\"finish_reason\":null}]}\n\n");
            }
            connection.writeChunk("data: [DONE]\n\n");
        });
    }

    /**
     * Anthropic's format. Of its events, {@code message_start}, each {@code text_delta} and
     * {@code message_delta} yield one chunk; {@code content_block_start} with empty text,
     * {@code content_block_stop} and {@code message_stop} yield none. So N chunks are:
     * <ul>
     * <li>0: {@code message_stop} alone;
     * <li>1: {@code message_start}, {@code message_stop};
     * <li>N &ge; 2: {@code message_start}, a text block of N-2 deltas, {@code message_delta}
     *     with the stop reason, {@code message_stop}.
     * </ul>
     */
    public static CountingStreamServer anthropic() throws IOException {
        return new CountingStreamServer((connection, count) -> {
            if (count >= 1) {
                event(connection, "message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_tck\","
                        + "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-tck\",\"content\":[],"
                        + "\"stop_reason\":null,\"stop_sequence\":null,"
                        + "\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}}");
            }
            if (count >= 2) {
                event(connection, "content_block_start", "{\"type\":\"content_block_start\",\"index\":0,"
                        + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
                for (long i = 0; i < count - 2; i++) {
                    event(connection, "content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                            + "\"delta\":{\"type\":\"text_delta\",\"text\":\"" + i + "\"}}");
                }
                event(connection, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
                event(connection, "message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":"
                        + "\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":" + count + "}}");
            }
            event(connection, "message_stop", "{\"type\":\"message_stop\"}");
        });
    }

    private static void event(LoopbackServer.Connection connection, String name, String data) throws IOException {
        connection.writeChunk("event: " + name + "\ndata: " + data + "\n\n");
    }

    /**
     * Reads {@code publisher}'s stream to its end, bounded to ten seconds. The TCK verifications
     * call it for their first exchanges, which load and compile the HTTP client's classes: no
     * TCK timeout should pay for that.
     *
     * @throws AssertionError if the stream did not end
     */
    public static void readToEnd(Flow.Publisher<?> publisher) throws InterruptedException {
        CountDownLatch ended = new CountDownLatch(1);
        publisher.subscribe(new Flow.Subscriber<Object>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(Object item) {
            }

            @Override
            public void onError(Throwable throwable) {
                ended.countDown();
            }

            @Override
            public void onComplete() {
                ended.countDown();
            }
        });
        if (!ended.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the stream did not end within 10 s");
        }
    }

    /** The model whose stream has {@code count} chunks. */
    public static String model(long count) {
        return "chunks-" + count;
    }

    /** A model the server answers with HTTP 400. */
    public static String rejectedModel() {
        return "rejected";
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
