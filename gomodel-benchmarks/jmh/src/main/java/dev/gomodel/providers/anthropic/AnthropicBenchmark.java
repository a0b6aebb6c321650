package dev.gomodel.providers.anthropic;

import dev.gomodel.benchmarks.jmh.Fixtures;
import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatRequest;
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
 * The Anthropic translation both ways: a {@code message} response (about 1.2 KB, a text and a
 * {@code tool_use} block, usage with cache counts) to a {@link ChatCompletion}, alone and as
 * {@code AnthropicProvider} runs it on a 2xx body (it first parses the body once to look for an
 * error); and the benchmark request to Anthropic's body.
 *
 * <p>In the provider's package: the translation classes are package-private.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class AnthropicBenchmark {

    private static final long CREATED = 1_764_059_123L;

    private byte[] message;
    private ChatRequest request;
    private AnthropicProvider provider;

    @Setup(Level.Trial)
    public void setUp() {
        message = Fixtures.anthropicMessageJson();
        request = Fixtures.request("claude-sonnet-4-5");
        provider = AnthropicProvider.builder().apiKey("sk-ant-benchmark").build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        provider.close();
    }

    /** {@code AnthropicResponses.read}: the translation alone. */
    @Benchmark
    public ChatCompletion readMessage() {
        return AnthropicResponses.read(message, CREATED);
    }

    /**
     * What {@code AnthropicProvider.parseCompletion} does with a 2xx body: a tree to check
     * {@code type}, then the translation, which parses the body again.
     */
    @Benchmark
    public ChatCompletion providerParse() {
        JsonTree.Node root = JsonTree.parseObject(message);
        if ("error".equals(root.string("type"))) {
            throw new IllegalStateException("the fixture is an error");
        }
        return AnthropicResponses.read(message, CREATED);
    }

    /** The body {@code AnthropicProvider.createAsync} sends for the benchmark request. */
    @Benchmark
    public byte[] requestBody() {
        return provider.requestBody(request, false);
    }
}
