package dev.gomodel.benchmarks.jmh;

import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionAccumulator;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.json.ChatJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link ChatCompletionAccumulator} folding the {@value Fixtures#STREAM_EVENTS}-event stream's
 * chunks (decoded once in setup) into its completion, per stream: what
 * {@code ChatCompletions.stream(request, handler)} does on top of delivery. {@code shape} as in
 * {@code SseStreamBenchmark}: with api.openai.com's extra members or without.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class ChunkAccumulationBenchmark {

    @Param({"openai", "minimal"})
    public String shape;

    private ChatCompletionChunk[] chunks;

    @Setup(Level.Trial)
    public void setUp() {
        List<String> payloads = Fixtures.openAiStream(Fixtures.STREAM_EVENTS, shape.equals("openai")).payloads();
        chunks = new ChatCompletionChunk[payloads.size() - 1];
        for (int i = 0; i < chunks.length; i++) {
            byte[] json = payloads.get(i).getBytes(StandardCharsets.UTF_8);
            chunks[i] = ChatJson.readChunk(json, 0, json.length);
        }
    }

    /** Every chunk accepted, then {@code result()}. */
    @Benchmark
    public ChatCompletion accumulate() {
        ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
        for (ChatCompletionChunk chunk : chunks) {
            accumulator.accept(chunk);
        }
        return accumulator.result();
    }
}
