package dev.gomodel.routing;

import dev.gomodel.benchmarks.jmh.CannedProvider;
import dev.gomodel.benchmarks.jmh.CountingSubscriber;
import dev.gomodel.benchmarks.jmh.Fixtures;
import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.json.ChatJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
 * What the router adds per streamed chunk: one stream of the {@value Fixtures#STREAM_EVENTS}-event
 * fixture's chunks (decoded once in setup) through {@code Router.stream} over the three canned
 * providers of {@link RouterCallBenchmark} (two retries, a fallback stage), to a subscriber with
 * unbounded demand; {@link #providerStream} is the canned provider's publisher alone, the floor.
 * Per stream; divide by {@value Fixtures#STREAM_EVENTS} for per chunk. {@code shape} as in
 * {@code SseStreamBenchmark}: the router copies each chunk to set its {@code provider}, and a
 * chunk's unknown members are part of what it copies.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class RouterStreamBenchmark {

    @Param({"openai", "minimal"})
    public String shape;

    private Router router;
    private CannedProvider direct;
    private ChatRequest request;
    private int expected;

    @Setup(Level.Trial)
    public void setUp() {
        ChatCompletion completion = ChatJson.readCompletion(Fixtures.completionJson());
        List<String> payloads = Fixtures.openAiStream(Fixtures.STREAM_EVENTS, shape.equals("openai")).payloads();
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        for (String payload : payloads.subList(0, payloads.size() - 1)) {
            byte[] json = payload.getBytes(StandardCharsets.UTF_8);
            chunks.add(ChatJson.readChunk(json, 0, json.length));
        }
        expected = chunks.size();
        direct = new CannedProvider("openai", "openai", Set.of("gpt-4o", "gpt-4o-mini"), completion, chunks);
        router = Router.builder()
                .provider(direct)
                .provider(new CannedProvider("azure", "azure", Set.of("gpt-4o", "gpt-4o-mini"), completion, chunks))
                .provider(new CannedProvider("backup", "openai-compatible", Set.of("gpt-4o", "llama-3.3-70b"),
                        completion, chunks))
                .fallback("gpt-4o", "backup/llama-3.3-70b")
                .maxRetries(2)
                .build();
        request = Fixtures.request("gpt-4o");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        router.close();
    }

    @Benchmark
    public long routerStream(Blackhole blackhole) {
        return drain(router.stream(request), blackhole);
    }

    @Benchmark
    public long providerStream(Blackhole blackhole) {
        return drain(direct.stream(request), blackhole);
    }

    private long drain(Flow.Publisher<ChatCompletionChunk> publisher, Blackhole blackhole) {
        CountingSubscriber subscriber = new CountingSubscriber(blackhole);
        publisher.subscribe(subscriber);
        long chunks = subscriber.completedChunks();
        if (chunks != expected) {
            throw new IllegalStateException("the stream completed after " + chunks + " chunks, not " + expected);
        }
        return chunks;
    }
}
