package dev.gomodel.providers.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.error.GoModelException;
import dev.gomodel.json.ChatJson;
import dev.gomodel.providers.http.SseDecoder;
import dev.gomodel.providers.http.SseEvent;
import dev.gomodel.providers.http.SseListener;
import dev.gomodel.providers.http.StreamDialect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Drives a {@link StreamDialect} the way the HTTP stream does, without HTTP: bytes through an
 * {@link SseDecoder}, each event to the dialect until it reports the end or an error or throws.
 * For the decoder fuzz tests.
 *
 * @param chunks the chunks the dialect produced, in order
 * @param done whether it reported the end of the stream
 * @param error the in-stream error it reported, or {@code null}
 * @param thrown what the decoder or the dialect threw, or {@code null} (an {@link Error} is
 *     never caught here: it fails the test)
 * @param clean what the decoder's {@code finish} returned; {@code false} when it was not reached
 */
public record DialectRun(List<ChatCompletionChunk> chunks, boolean done, GoModelException error,
        RuntimeException thrown, boolean clean) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * Checks the decoders' contract: anything thrown is an {@link IllegalArgumentException} (that
     * class, whose message names the problem), a {@link GoModelException} or the decoder's
     * {@link SseDecoder.EventTooLargeException}; every chunk is a valid wire chunk that reads
     * back as the same JSON.
     *
     * @return this run
     */
    public DialectRun assertKeptTheContract(String label) {
        if (thrown != null && thrown.getClass() != IllegalArgumentException.class
                && !(thrown instanceof GoModelException) && !(thrown instanceof SseDecoder.EventTooLargeException)) {
            throw new AssertionError(label + ": threw " + thrown, thrown);
        }
        for (ChatCompletionChunk chunk : chunks) {
            byte[] json = ChatJson.writeChunk(chunk);
            byte[] again = ChatJson.writeChunk(ChatJson.readChunk(json, 0, json.length));
            if (!Arrays.equals(json, again) && !sameJson(json, again)) {
                throw new AssertionError(label + ": a chunk did not read back as written: " + chunk);
            }
        }
        return this;
    }

    /**
     * Whether two JSON texts hold the same JSON. (Free-form values keep the whitespace they came
     * with, so the texts themselves may differ.)
     */
    public static boolean sameJson(byte[] a, byte[] b) {
        try {
            return MAPPER.readTree(a).equals(MAPPER.readTree(b));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What two runs over the same events must agree on: the exceptions by class and message. */
    public List<Object> outcome() {
        return List.of(chunks, done, describe(error), describe(thrown), clean);
    }

    private static String describe(Throwable throwable) {
        return throwable == null ? "none" : throwable.getClass().getName() + ": " + throwable.getMessage();
    }

    /** Feeds {@code pieces} of an event stream to a decoder and {@code dialect}. */
    public static DialectRun ofBytes(StreamDialect dialect, List<ByteBuffer> pieces, int maxEventBytes) {
        Sink sink = new Sink();
        SseDecoder decoder = new SseDecoder(maxEventBytes);
        SseListener listener = event -> sink.offer(dialect, event);
        try {
            for (ByteBuffer piece : pieces) {
                decoder.decode(piece, listener);
                if (sink.stopped()) {
                    return sink.result(false);
                }
            }
            return sink.result(decoder.finish(listener));
        } catch (RuntimeException e) {
            sink.thrown = e;
            return sink.result(false);
        }
    }

    /** Hands {@code events} straight to {@code dialect}, as a decoder would have dispatched them. */
    public static DialectRun ofEvents(StreamDialect dialect, List<SseEvent> events) {
        Sink sink = new Sink();
        try {
            for (SseEvent event : events) {
                sink.offer(dialect, event);
                if (sink.stopped()) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            sink.thrown = e;
        }
        return sink.result(sink.thrown == null);
    }

    /** The events of a whole event stream. */
    public static List<SseEvent> events(byte[] stream) {
        List<SseEvent> events = new ArrayList<>();
        SseDecoder decoder = new SseDecoder(Integer.MAX_VALUE);
        SseListener keep = event -> events.add(event.copy());
        decoder.decode(ByteBuffer.wrap(stream), keep);
        decoder.finish(keep);
        return events;
    }

    private static final class Sink implements StreamDialect.Sink {
        final List<ChatCompletionChunk> chunks = new ArrayList<>();
        boolean done;
        GoModelException error;
        RuntimeException thrown;

        void offer(StreamDialect dialect, SseEvent event) {
            if (!stopped()) {
                dialect.onEvent(event, this);
            }
        }

        boolean stopped() {
            return done || error != null;
        }

        DialectRun result(boolean clean) {
            return new DialectRun(List.copyOf(chunks), done, error, thrown, clean);
        }

        @Override
        public void chunk(ChatCompletionChunk chunk) {
            chunks.add(chunk);
        }

        @Override
        public void done() {
            done = true;
        }

        @Override
        public void error(GoModelException error) {
            this.error = error;
        }
    }
}
