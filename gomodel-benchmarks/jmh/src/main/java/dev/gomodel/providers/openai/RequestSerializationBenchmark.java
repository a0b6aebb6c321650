package dev.gomodel.providers.openai;

import dev.gomodel.benchmarks.jmh.Fixtures;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.json.ChatJson;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A realistic request (system prompt, five turns, a function tool with a JSON Schema,
 * {@code tool_choice}, {@code temperature}, {@code max_tokens}; 1.75 KB of JSON) on its way
 * out: the codec alone, and what {@link OpenAiProvider} does before it ({@code upstreamRequest}
 * rebuilds the request for the upstream), for a plain and a streamed call.
 *
 * <p>In the provider's package: {@code upstreamRequest} is package-private.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class RequestSerializationBenchmark {

    private ChatRequest request;
    private OpenAiProvider provider;

    @Setup(Level.Trial)
    public void setUp() {
        request = Fixtures.request("gpt-4o");
        provider = OpenAiProvider.builder().apiKey("sk-benchmark").build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        provider.close();
    }

    /** {@code ChatJson.writeRequest}: records to UTF-8 bytes. */
    @Benchmark
    public byte[] chatJsonWriteRequest() {
        return ChatJson.writeRequest(request);
    }

    /** The provider's rewrite of the request alone (builder copy, validation, regex on the model). */
    @Benchmark
    public ChatRequest openAiUpstreamRequest() {
        return provider.upstreamRequest(request, false);
    }

    /** The body {@code OpenAiProvider.createAsync} sends: {@code upstreamRequest} then {@code writeRequest}. */
    @Benchmark
    public byte[] openAiCreateBody() {
        return ChatJson.writeRequest(provider.upstreamRequest(request, false));
    }

    /** The body {@code OpenAiProvider.stream} sends ({@code stream}, {@code stream_options} added). */
    @Benchmark
    public byte[] openAiStreamBody() {
        return ChatJson.writeRequest(provider.upstreamRequest(request, true));
    }
}
