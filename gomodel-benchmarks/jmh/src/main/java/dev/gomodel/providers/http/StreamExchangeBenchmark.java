package dev.gomodel.providers.http;

import dev.gomodel.benchmarks.jmh.CountingSubscriber;
import dev.gomodel.benchmarks.jmh.Fixtures;
import dev.gomodel.providers.HttpSettings;
import dev.gomodel.providers.Timeouts;
import dev.gomodel.providers.openai.OpenAiDialects;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The whole streamed-response path below the HTTP client, per stream of
 * {@value Fixtures#STREAM_EVENTS} events: the body subscriber {@code StreamExchange} gives the
 * JDK client receives the body in {@value Fixtures#BUFFER_BYTES}-byte buffers, decodes events,
 * runs the OpenAI dialect, and its {@code SerialEmitter} delivers each chunk to a subscriber
 * with unbounded demand. Compared with {@code SseStreamBenchmark.decodeToChunks} it adds the
 * queue and drain loop of the emitter, the body-log check and the exchange's bookkeeping. No
 * socket is opened: the benchmark plays the JDK client's part.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// Each operation is a whole stream, and the JIT needs seconds on two cores to compile its path.
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class StreamExchangeBenchmark {

    @Param({"openai", "minimal"})
    public String shape;

    private HttpTransport transport;
    private HttpRequest request;
    private ByteBuffer[] buffers;
    private List<List<ByteBuffer>> deliveries;
    private StreamDialect.Factory dialects;

    @Setup(Level.Trial)
    public void setUp() {
        HttpSettings settings = new HttpSettings("openai", URI.create("http://127.0.0.1:9/v1"), null, Map.of(),
                Set.of(), Timeouts.defaults(), null, null, 32 * 1024 * 1024, 8 * 1024 * 1024, 0);
        transport = HttpTransport.create(settings);
        request = HttpRequest.newBuilder(settings.resolve("/chat/completions")).build();
        buffers = Fixtures.buffers(Fixtures.openAiStream(Fixtures.STREAM_EVENTS, shape.equals("openai")).bytes(),
                Fixtures.BUFFER_BYTES);
        deliveries = new ArrayList<>(buffers.length);
        for (ByteBuffer buffer : buffers) {
            deliveries.add(List.of(buffer));
        }
        dialects = OpenAiDialects.factory();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        transport.close();
    }

    /** One stream from the first body buffer to the subscriber's {@code onComplete}; returns the chunks. */
    @Benchmark
    public long stream(Blackhole blackhole) {
        CountingSubscriber subscriber = new CountingSubscriber(blackhole);
        StreamExchange exchange = new StreamExchange(transport, request, dialects, subscriber);
        subscriber.onSubscribe(exchange);
        HttpResponse.BodySubscriber<Void> body = exchange.bodySubscriber(OK);
        body.onSubscribe(NO_OP);
        for (int i = 0; i < buffers.length; i++) {
            buffers[i].clear();
            body.onNext(deliveries.get(i));
        }
        body.onComplete();
        return subscriber.completedChunks();
    }

    private static final Flow.Subscription NO_OP = new Flow.Subscription() {
        @Override
        public void request(long n) {
        }

        @Override
        public void cancel() {
        }
    };

    private static final HttpResponse.ResponseInfo OK = new HttpResponse.ResponseInfo() {
        private final HttpHeaders headers = HttpHeaders.of(
                Map.of("content-type", List.of("text/event-stream; charset=utf-8")), (name, value) -> true);

        @Override
        public int statusCode() {
            return 200;
        }

        @Override
        public HttpHeaders headers() {
            return headers;
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    };
}
