package dev.gomodel.providers.openai;

import dev.gomodel.benchmarks.jmh.Fixtures;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.error.GoModelException;
import dev.gomodel.json.ChatJson;
import dev.gomodel.providers.http.SseDecoder;
import dev.gomodel.providers.http.SseEvent;
import dev.gomodel.providers.http.SseListener;
import dev.gomodel.providers.http.StreamDialect;
import java.net.http.HttpHeaders;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * One OpenAI stream of {@value Fixtures#STREAM_EVENTS} events (0.65 MB; 0.55 MB minimal), fed in
 * {@value Fixtures#BUFFER_BYTES}-byte buffers, per stream (divide by
 * {@value Fixtures#STREAM_EVENTS} for per event):
 * <ul>
 *   <li>{@link #decodeToChunks}: the path the provider runs per event, {@link SseDecoder} then
 *       {@link OpenAiStreamDialect} to {@link ChatCompletionChunk} records, and the sink's
 *       {@code finishReason()} check;</li>
 *   <li>{@link #sseDecoderOnly}: bytes to {@link SseEvent}s;</li>
 *   <li>{@link #dialectOnly}: ready {@link SseEvent}s through the dialect (the chunk codec on the
 *       event's bytes, the error and Groq checks);</li>
 *   <li>{@link #chunkCodecOnly}: {@code ChatJson.readChunk} on each event's bytes.</li>
 * </ul>
 * {@code shape=openai} has what api.openai.com sends today and the codec keeps as unknown
 * members ({@code service_tier}, {@code obfuscation}, a first delta's {@code refusal});
 * {@code shape=minimal} is the same stream without them, as a plain compatible server sends it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// Each operation is a whole stream, and the JIT needs seconds on two cores to compile its path.
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class SseStreamBenchmark {

    private static final HttpHeaders HEADERS = HttpHeaders.of(
            Map.of("content-type", List.of("text/event-stream; charset=utf-8")), (name, value) -> true);

    /** The default of {@code HttpProviderBuilder.maxEventBytes}. */
    private static final int MAX_EVENT_BYTES = 8 * 1024 * 1024;

    @Param({"openai", "minimal"})
    public String shape;

    private ByteBuffer[] buffers;
    private SseEvent[] events;
    private byte[][] chunkJson;

    @Setup(Level.Trial)
    public void setUp() {
        Fixtures.Stream stream = Fixtures.openAiStream(Fixtures.STREAM_EVENTS, shape.equals("openai"));
        buffers = Fixtures.buffers(stream.bytes(), Fixtures.BUFFER_BYTES);
        List<String> payloads = stream.payloads();
        events = new SseEvent[payloads.size()];
        chunkJson = new byte[payloads.size() - 1][];
        for (int i = 0; i < payloads.size(); i++) {
            events[i] = new SseEvent(null, payloads.get(i), null);
            if (i < chunkJson.length) {
                chunkJson[i] = payloads.get(i).getBytes(StandardCharsets.UTF_8);
            }
        }
        // The decoded stream must be the one intended, or the numbers mean nothing.
        int chunks = decodeToChunks(new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous."));
        if (chunks != Fixtures.STREAM_EVENTS - 1) {
            throw new IllegalStateException("expected " + (Fixtures.STREAM_EVENTS - 1) + " chunks, got " + chunks);
        }
    }

    /** The provider's per-event path over one whole stream; returns the chunks delivered. */
    @Benchmark
    public int decodeToChunks(Blackhole blackhole) {
        ChunkCounter sink = new ChunkCounter(new OpenAiStreamDialect("openai", HEADERS), blackhole);
        SseDecoder decoder = new SseDecoder(MAX_EVENT_BYTES);
        for (ByteBuffer buffer : buffers) {
            buffer.clear();
            decoder.decode(buffer, sink);
            if (sink.done) {
                break;
            }
        }
        decoder.finish(sink);
        return sink.chunks;
    }

    /** The SSE decoder alone over one whole stream; returns the events. */
    @Benchmark
    public int sseDecoderOnly(Blackhole blackhole) {
        EventCounter listener = new EventCounter(blackhole);
        SseDecoder decoder = new SseDecoder(MAX_EVENT_BYTES);
        for (ByteBuffer buffer : buffers) {
            buffer.clear();
            decoder.decode(buffer, listener);
        }
        decoder.finish(listener);
        return listener.events;
    }

    /** The dialect alone over the stream's events. */
    @Benchmark
    public int dialectOnly(Blackhole blackhole) {
        ChunkCounter sink = new ChunkCounter(new OpenAiStreamDialect("openai", HEADERS), blackhole);
        for (SseEvent event : events) {
            sink.onEvent(event);
        }
        return sink.chunks;
    }

    /** {@code ChatJson.readChunk} alone over the stream's chunk payloads. */
    @Benchmark
    public void chunkCodecOnly(Blackhole blackhole) {
        for (byte[] json : chunkJson) {
            blackhole.consume(ChatJson.readChunk(json, 0, json.length));
        }
    }

    /** What {@code StreamExchange}'s event reader does with each event, minus the hand-off to the subscriber. */
    private static final class ChunkCounter implements SseListener, StreamDialect.Sink {
        private final StreamDialect dialect;
        private final Blackhole blackhole;
        int chunks;
        boolean finishSeen;
        boolean done;

        ChunkCounter(StreamDialect dialect, Blackhole blackhole) {
            this.dialect = dialect;
            this.blackhole = blackhole;
        }

        @Override
        public void onEvent(SseEvent event) {
            if (!done) {
                dialect.onEvent(event, this);
            }
        }

        @Override
        public void chunk(ChatCompletionChunk chunk) {
            if (chunk.finishReason() != null) {
                finishSeen = true;
            }
            chunks++;
            blackhole.consume(chunk);
        }

        @Override
        public void done() {
            done = true;
        }

        @Override
        public void error(GoModelException error) {
            throw error;
        }
    }

    private static final class EventCounter implements SseListener {
        private final Blackhole blackhole;
        int events;

        EventCounter(Blackhole blackhole) {
            this.blackhole = blackhole;
        }

        @Override
        public void onEvent(SseEvent event) {
            events++;
            blackhole.consume(event);
        }
    }
}
