package dev.gomodel.benchmarks.jmh;

import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.json.ChatJson;
import java.nio.charset.StandardCharsets;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading what OpenAI answers: a non-streamed completion as api.openai.com sends it (1.8 KB,
 * indented, with usage details and the members the codec keeps as unknown), and one content
 * chunk of a stream (320 bytes; 270 without the unknown members), with {@code ChatJson}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class ResponseDeserializationBenchmark {

    private byte[] completion;
    private byte[] contentChunk;
    private byte[] minimalContentChunk;

    @Setup(Level.Trial)
    public void setUp() {
        completion = Fixtures.completionJson();
        // The stream's third event: an ordinary content chunk.
        contentChunk = Fixtures.openAiStream(8, true).payloads().get(2).getBytes(StandardCharsets.UTF_8);
        minimalContentChunk = Fixtures.openAiStream(8, false).payloads().get(2).getBytes(StandardCharsets.UTF_8);
    }

    /** {@code ChatJson.readCompletion}, the whole of {@code OpenAiProvider}'s parsing of a 2xx body. */
    @Benchmark
    public ChatCompletion readCompletion() {
        return ChatJson.readCompletion(completion);
    }

    /** {@code ChatJson.readChunk} of one content chunk as api.openai.com streams it. */
    @Benchmark
    public ChatCompletionChunk readContentChunk() {
        return ChatJson.readChunk(contentChunk, 0, contentChunk.length);
    }

    /** The same chunk without {@code service_tier} and {@code obfuscation}, which become extra members. */
    @Benchmark
    public ChatCompletionChunk readMinimalContentChunk() {
        return ChatJson.readChunk(minimalContentChunk, 0, minimalContentChunk.length);
    }
}
