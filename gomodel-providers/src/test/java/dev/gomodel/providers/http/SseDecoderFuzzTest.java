package dev.gomodel.providers.http;

import static dev.gomodel.testing.Fuzz.show;
import static dev.gomodel.testing.Fuzz.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomodel.providers.http.SseDecoder.EventTooLargeException;
import dev.gomodel.testing.Fuzz;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Random event streams, whole and re-chunked, against {@link SseReference}: the decoder yields
 * exactly the events and comments the rules give, whatever the buffer boundaries (inside a
 * multi-byte character, between CR and LF, empty buffers); over the size limit it throws
 * {@link EventTooLargeException} at the same event however the bytes were cut, and nothing else.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SseDecoderFuzzTest {

    private static final int LIMIT = 1 << 20;

    private static final String[] FIELDS = {"data:", "data: ", "data", "data:  ", "event:", "event: ", "id:", "id: ",
        "retry: ", ":", ": ", "dat", "DATA:", " data:", "data :", "ev", "idx:", "\u00e9:", ""};
    private static final String[] WORDS = {"x", "hello", "{\"a\":1}", "[DONE]", "message_start", "error", "7", " ",
        ":", "::", "\u00e9", "\u65e5\u672c", "\ud83c\udf0d", "\u0000", "\t"};
    private static final byte[][] BYTES = {{(byte) 0xC3, '('}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xFF},
        {(byte) 0x80}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {(byte) 0xF0, (byte) 0x9F}, {0}};
    private static final String[] ENDS = {"\n", "\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\r\r", "\n\r"};

    /** A random stream of fields, comments, blank lines, odd bytes and mixed line ends. */
    static byte[] randomStream(RandomGenerator random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (random.nextInt(8) == 0) {
            out.writeBytes(BYTES[4]);
        }
        for (int lines = random.nextInt(24); lines > 0; lines--) {
            out.writeBytes(utf8(FIELDS[random.nextInt(FIELDS.length)]));
            for (int words = random.nextInt(4); words > 0; words--) {
                if (random.nextInt(6) == 0) {
                    out.writeBytes(BYTES[random.nextInt(BYTES.length)]);
                } else {
                    out.writeBytes(utf8(WORDS[random.nextInt(WORDS.length)]));
                }
            }
            if (lines > 1 || random.nextInt(4) != 0) {
                out.writeBytes(utf8(ENDS[random.nextInt(ENDS.length)]));
            }
        }
        return out.toByteArray();
    }

    static byte[] fixture(String name) {
        try (InputStream in = SseDecoderFuzzTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** What the decoder made of some input: the log, what finish said, whether it threw the typed exception. */
    record Decoded(List<Object> log, boolean clean, boolean tooLarge) {
    }

    private static final class Recorder implements SseListener {
        final List<Object> log = new ArrayList<>();

        @Override
        public void onEvent(SseEvent event) {
            log.add(event.copy());
        }

        @Override
        public void onComment(String comment) {
            log.add("comment:" + comment);
        }
    }

    /** Feeds the pieces, then finishes; any exception but the typed one fails the test. */
    static Decoded decode(List<ByteBuffer> pieces, int limit, String label) {
        SseDecoder decoder = new SseDecoder(limit);
        Recorder recorder = new Recorder();
        for (ByteBuffer piece : pieces) {
            try {
                decoder.decode(piece, recorder);
            } catch (EventTooLargeException e) {
                assertThat(e.limit()).isEqualTo(limit);
                assertThatThrownBy(() -> decoder.decode(ByteBuffer.allocate(1), recorder))
                        .isInstanceOf(IllegalStateException.class);
                assertThat(decoder.finish(recorder)).as("finish after the typed failure").isFalse();
                return new Decoded(recorder.log, false, true);
            } catch (Throwable e) {
                throw new AssertionError(label + ": decode threw " + e, e);
            }
            assertThat(piece.hasRemaining()).as("%s: a buffer was left unread", label).isFalse();
        }
        boolean clean = decoder.finish(recorder);
        assertThat(decoder.finish(recorder)).as("%s: finish again", label).isEqualTo(clean);
        return new Decoded(recorder.log, clean, false);
    }

    static Decoded whole(byte[] stream, int limit, String label) {
        return decode(List.of(ByteBuffer.wrap(stream)), limit, label);
    }

    private static void assertAsReference(byte[] stream, int limit, Decoded decoded, String label) {
        SseReference.Outcome expected = SseReference.decode(stream, limit);
        assertThat(decoded).as("%s\ninput: %s", label, show(stream))
                .isEqualTo(new Decoded(expected.log(), expected.clean(), expected.tooLarge()));
    }

    @Test
    void randomStreamsDecodeAsTheRulesSayHoweverTheyAreCut() {
        int cases = Fuzz.cases(2000);
        int events = 0;
        for (int i = 0; i < cases; i++) {
            RandomGenerator random = Fuzz.random(i);
            byte[] stream = randomStream(random);
            Decoded whole = whole(stream, LIMIT, "case " + i);
            assertAsReference(stream, LIMIT, whole, "case " + i);
            for (int cut = 0; cut < 2; cut++) {
                assertThat(decode(Fuzz.pieces(stream, random), LIMIT, "case " + i))
                        .as("case %d cut #%d\ninput: %s", i, cut, show(stream)).isEqualTo(whole);
            }
            events += whole.log.size();
        }
        assertThat(events).as("events and comments decoded").isGreaterThan(cases);
    }

    @Test
    void mutatedRecordedStreamsDecodeAsTheRulesSayHoweverTheyAreCut() {
        List<byte[]> seeds = List.of(fixture("/openai/stream.sse"), fixture("/openai/stream-tool-call.sse"),
                fixture("/anthropic/stream-tools.sse"), fixture("/anthropic/stream-thinking.sse"));
        int cases = Fuzz.cases(1500);
        for (int i = 0; i < cases; i++) {
            RandomGenerator random = Fuzz.random(i);
            byte[] stream = Fuzz.mutate(seeds.get(i % seeds.size()), random);
            Decoded whole = whole(stream, LIMIT, "case " + i);
            assertAsReference(stream, LIMIT, whole, "case " + i);
            assertThat(decode(Fuzz.pieces(stream, random), LIMIT, "case " + i))
                    .as("case %d cut\ninput: %s", i, show(stream)).isEqualTo(whole);
        }
    }

    /** Small limits: the typed failure comes at the same event, whole or cut, and only then. */
    @Test
    void overTheLimitFailsWithTheTypedExceptionAtTheSameEventHoweverCut() {
        int cases = Fuzz.cases(2000);
        int tooLarge = 0;
        for (int i = 0; i < cases; i++) {
            RandomGenerator random = Fuzz.random(i);
            byte[] stream = randomStream(random);
            int limit = 1 + random.nextInt(48);
            Decoded whole = whole(stream, limit, "case " + i);
            assertAsReference(stream, limit, whole, "case " + i + " limit " + limit);
            assertThat(decode(Fuzz.pieces(stream, random), limit, "case " + i))
                    .as("case %d limit %d cut\ninput: %s", i, limit, show(stream)).isEqualTo(whole);
            tooLarge += whole.tooLarge ? 1 : 0;
        }
        assertThat(tooLarge).as("streams over the limit").isGreaterThan(cases / 10);
    }

    /**
     * A line that never ends, an event that never ends and an endless comment are cut off by the
     * first byte over the limit, however the bytes arrive: the decoder never holds more than
     * {@code maxEventBytes} of them.
     */
    @Test
    void endlessLinesAndEventsFailOnTheFirstByteOverTheLimit() {
        int limit = 16 * 1024;
        for (String unit : List.of("x", "data: x\n", "data: \u00e9\r\n", ": keep-alive")) {
            byte[] stream = utf8(unit.repeat(5 * limit / unit.length()));
            long firstByteOver = firstByteOverTheLimit(stream, limit);
            assertThat(firstByteOver).as("the reference fails %s", unit).isBetween(2L, (long) stream.length);
            for (int pieceSize : new int[] {1, 7, 4096}) {
                SseDecoder decoder = new SseDecoder(limit);
                Recorder recorder = new Recorder();
                long fed = 0;
                for (int from = 0; from < stream.length; from += pieceSize) {
                    int length = Math.min(pieceSize, stream.length - from);
                    try {
                        decoder.decode(ByteBuffer.wrap(stream, from, length), recorder);
                    } catch (EventTooLargeException e) {
                        break;
                    }
                    fed += length;
                }
                assertThat(firstByteOver).as("%s in pieces of %d: the failing piece holds byte %d", unit, pieceSize,
                        firstByteOver).isBetween(fed + 1, fed + pieceSize);
            }
        }
    }

    /** The 1-based index of the byte at which the reference first finds the event too large. */
    private static long firstByteOverTheLimit(byte[] stream, int limit) {
        int fits = 0;
        int fails = stream.length;
        while (fails - fits > 1) {
            int middle = (fits + fails) >>> 1;
            if (SseReference.decode(java.util.Arrays.copyOf(stream, middle), limit).tooLarge()) {
                fails = middle;
            } else {
                fits = middle;
            }
        }
        return fails;
    }

    /** Many events and comments, each far under the limit, pass however long the stream runs. */
    @Test
    void aLongStreamOfSmallEventsNeverHitsTheLimit() {
        int limit = 256;
        SseDecoder decoder = new SseDecoder(limit);
        int[] events = new int[1];
        SseListener counter = new SseListener() {
            @Override
            public void onEvent(SseEvent event) {
                events[0]++;
            }
        };
        byte[] block = utf8(("data: {\"i\":12345}\r\n\r\n: keep-alive\n" + "event: e\nid: 9\ndata: y\n\n").repeat(100));
        for (int i = 0; i < 1_000; i++) {
            decoder.decode(ByteBuffer.wrap(block), counter);
        }
        assertThat(decoder.finish(counter)).isTrue();
        assertThat(events[0]).isEqualTo(1_000 * 200);
    }

    /** A large event just under the limit, cut into pieces, arrives whole and exact. */
    @Test
    void aLargeEventUnderTheLimitArrivesWhole() {
        String data = "{\"content\":\"" + "\u00e9\u65e5\ud83c\udf0dabc".repeat(400_000) + "\"}";
        byte[] stream = utf8("data: " + data + "\r\n\r\n");
        Decoded decoded = decode(Fuzz.pieces(stream, Fuzz.random(0), 64 * 1024), stream.length, "large event");
        assertThat(decoded.log).containsExactly(new SseEvent(null, data, null));
        assertThat(decoded.clean).isTrue();
    }
}
