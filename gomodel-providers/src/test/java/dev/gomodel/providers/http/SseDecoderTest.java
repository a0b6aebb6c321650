package dev.gomodel.providers.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SseDecoderTest {

    private static final int LIMIT = 1 << 20;

    private static final String CHUNK_PREFIX =
            "{\"id\":\"chatcmpl-9x7Qe\",\"object\":\"chat.completion.chunk\",\"created\":1718000000,"
                    + "\"model\":\"gpt-4o-mini-2024-07-18\",\"system_fingerprint\":\"fp_0ba0d124f1\",";

    /** A recorded OpenAI-style chat-completions stream, as the server sent it. */
    private static final String OPENAI_STREAM = ""
            + "data: " + CHUNK_PREFIX + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\","
            + "\"refusal\":null},\"logprobs\":null,\"finish_reason\":null}]}\n\n"
            + "data: " + CHUNK_PREFIX + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"h\u00e9llo\"},"
            + "\"logprobs\":null,\"finish_reason\":null}]}\n\n"
            + "data: " + CHUNK_PREFIX + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\" \ud83c\udf0d\"},"
            + "\"logprobs\":null,\"finish_reason\":null}]}\n\n"
            + ": keep-alive\n\n"
            + "data: " + CHUNK_PREFIX + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\", \u65e5\u672c\"},"
            + "\"logprobs\":null,\"finish_reason\":null}]}\n\n"
            + "data: " + CHUNK_PREFIX + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\" and\"},"
            + "\"logprobs\":null,\"finish_reason\":null}]}\n\n"
            + "data: " + CHUNK_PREFIX + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\" good\"},"
            + "\"logprobs\":null,\"finish_reason\":null}]}\n\n"
            + "data: " + CHUNK_PREFIX + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\" day\"},"
            + "\"logprobs\":null,\"finish_reason\":null}]}\n\n"
            + "data: " + CHUNK_PREFIX + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"!\"},"
            + "\"logprobs\":null,\"finish_reason\":null}]}\n\n"
            + "data: " + CHUNK_PREFIX + "\"choices\":[{\"index\":0,\"delta\":{},"
            + "\"logprobs\":null,\"finish_reason\":\"stop\"}]}\n\n"
            + "data: " + CHUNK_PREFIX + "\"choices\":[],\"usage\":{\"prompt_tokens\":12,"
            + "\"completion_tokens\":9,\"total_tokens\":21}}\n\n"
            + "data: [DONE]\n\n";

    private static final byte[] OPENAI_BYTES = OPENAI_STREAM.getBytes(StandardCharsets.UTF_8);

    /** Records callbacks in order: {@link SseEvent}s and comments as {@code "comment:" + text}. */
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

        List<SseEvent> events() {
            return log.stream().filter(SseEvent.class::isInstance).map(SseEvent.class::cast).toList();
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Decodes {@code bytes} cut at the given offsets, then finishes; checks finish returned true. */
    private static List<Object> decodeSplit(byte[] bytes, int... cuts) {
        SseDecoder decoder = new SseDecoder(LIMIT);
        Recorder recorder = new Recorder();
        int from = 0;
        for (int cut : cuts) {
            decoder.decode(ByteBuffer.wrap(Arrays.copyOfRange(bytes, from, cut)), recorder);
            from = cut;
        }
        decoder.decode(ByteBuffer.wrap(Arrays.copyOfRange(bytes, from, bytes.length)), recorder);
        assertThat(decoder.finish(recorder)).as("finish after cuts %s", Arrays.toString(cuts)).isTrue();
        return recorder.log;
    }

    private static List<Object> decodeWhole(String stream) {
        return decodeSplit(utf8(stream));
    }

    private static SseEvent message(String data) {
        return new SseEvent(null, data, null);
    }

    @Nested
    class RecordedOpenAiStream {

        private List<Object> expected() {
            return decodeSplit(OPENAI_BYTES);
        }

        @Test
        void wholeStreamDecodesToElevenEventsAndTheKeepAlive() {
            List<Object> log = expected();

            assertThat(log).hasSize(12);
            assertThat(log.get(3)).isEqualTo("comment:keep-alive");
            List<SseEvent> events = log.stream().filter(SseEvent.class::isInstance)
                    .map(SseEvent.class::cast).toList();
            assertThat(events).hasSize(11);
            assertThat(events).allSatisfy(e -> {
                assertThat(e.event()).isNull();
                assertThat(e.id()).isNull();
            });
            assertThat(events.get(0).data()).startsWith("{\"id\":\"chatcmpl-9x7Qe\"")
                    .contains("\"role\":\"assistant\"").endsWith("}]}");
            assertThat(events.get(1).data()).contains("\"content\":\"h\u00e9llo\"");
            assertThat(events.get(2).data()).contains("\"content\":\" \ud83c\udf0d\"");
            assertThat(events.get(3).data()).contains("\"content\":\", \u65e5\u672c\"");
            assertThat(events.get(8).data()).contains("\"finish_reason\":\"stop\"");
            assertThat(events.get(10)).isEqualTo(message("[DONE]"));
        }

        @Test
        void oneByteAtATimeGivesTheSameEvents() {
            SseDecoder decoder = new SseDecoder(LIMIT);
            Recorder recorder = new Recorder();
            for (byte b : OPENAI_BYTES) {
                decoder.decode(ByteBuffer.wrap(new byte[] {b}), recorder);
            }
            assertThat(decoder.finish(recorder)).isTrue();

            assertThat(recorder.log).isEqualTo(expected());
        }

        @Test
        void twoPiecesSplitAtEveryByteBoundaryGiveTheSameEvents() {
            List<Object> expected = expected();
            for (int cut = 0; cut <= OPENAI_BYTES.length; cut++) {
                assertThat(decodeSplit(OPENAI_BYTES, cut)).as("cut at %d", cut).isEqualTo(expected);
            }
        }

        @Test
        void threePiecesSplitAtManyBoundaryPairsGiveTheSameEvents() {
            List<Object> expected = expected();
            int emoji = OPENAI_STREAM.indexOf('\ud83c');
            int emojiByte = OPENAI_STREAM.substring(0, emoji).getBytes(StandardCharsets.UTF_8).length;
            int pairs = 0;
            for (int first = 0; first <= OPENAI_BYTES.length; first += 7) {
                for (int second = first; second <= OPENAI_BYTES.length; second += 5) {
                    assertThat(decodeSplit(OPENAI_BYTES, first, second))
                            .as("cuts at %d and %d", first, second).isEqualTo(expected);
                    pairs++;
                }
            }
            // Every pair of cuts around and inside the four-byte emoji.
            for (int first = emojiByte - 2; first <= emojiByte + 5; first++) {
                for (int second = first; second <= emojiByte + 6; second++) {
                    assertThat(decodeSplit(OPENAI_BYTES, first, second))
                            .as("cuts at %d and %d", first, second).isEqualTo(expected);
                    pairs++;
                }
            }
            assertThat(pairs).isGreaterThan(10_000);
        }

        @Test
        void directAndOffsetBuffersAreReadFromPositionToLimitAndFullyConsumed() {
            SseDecoder decoder = new SseDecoder(LIMIT);
            Recorder recorder = new Recorder();
            int half = OPENAI_BYTES.length / 2;

            ByteBuffer direct = ByteBuffer.allocateDirect(half);
            direct.put(OPENAI_BYTES, 0, half).flip();
            decoder.decode(direct, recorder);
            assertThat(direct.hasRemaining()).isFalse();

            byte[] padded = new byte[OPENAI_BYTES.length - half + 20];
            Arrays.fill(padded, (byte) 'X');
            System.arraycopy(OPENAI_BYTES, half, padded, 10, OPENAI_BYTES.length - half);
            ByteBuffer slice = ByteBuffer.wrap(padded, 10, OPENAI_BYTES.length - half);
            decoder.decode(slice, recorder);
            assertThat(slice.position()).isEqualTo(slice.limit());

            assertThat(decoder.finish(recorder)).isTrue();
            assertThat(recorder.log).isEqualTo(expected());
        }
    }

    @Nested
    class LineEndings {

        private final List<Object> expected = List.of(
                new SseEvent("greeting", "hello\nworld", "1"),
                "comment:ping",
                new SseEvent(null, "second", "1"));

        @Test
        void lf() {
            assertThat(decodeWhole("event: greeting\nid: 1\ndata: hello\ndata: world\n\n: ping\ndata: second\n\n"))
                    .isEqualTo(expected);
        }

        @Test
        void crlf() {
            assertThat(decodeWhole(
                    "event: greeting\r\nid: 1\r\ndata: hello\r\ndata: world\r\n\r\n: ping\r\ndata: second\r\n\r\n"))
                    .isEqualTo(expected);
        }

        @Test
        void cr() {
            assertThat(decodeWhole("event: greeting\rid: 1\rdata: hello\rdata: world\r\r: ping\rdata: second\r\r"))
                    .isEqualTo(expected);
        }

        @Test
        void mixed() {
            assertThat(decodeWhole("event: greeting\rid: 1\r\ndata: hello\ndata: world\r\r\n: ping\n\rdata: second\r\n\n"))
                    .isEqualTo(expected);
        }

        @Test
        void mixedEndingsSplitAtEveryBoundary() {
            byte[] bytes = utf8("event: greeting\rid: 1\r\ndata: hello\ndata: world\r\r\n: ping\n\rdata: second\r\n\n");
            for (int cut = 0; cut <= bytes.length; cut++) {
                assertThat(decodeSplit(bytes, cut)).as("cut at %d", cut).isEqualTo(expected);
            }
        }

        @Test
        void crEndingOneBufferAndLfStartingTheNextAreOneLineEnd() {
            SseDecoder decoder = new SseDecoder(LIMIT);
            Recorder recorder = new Recorder();

            decoder.decode(ByteBuffer.wrap(utf8("data: a\r")), recorder);
            decoder.decode(ByteBuffer.wrap(utf8("\ndata: b\r")), recorder);
            assertThat(recorder.log).isEmpty();
            // Had the LF counted as a second line end, "a" would have been dispatched alone.
            decoder.decode(ByteBuffer.wrap(utf8("\n\r")), recorder);
            assertThat(recorder.log).containsExactly(message("a\nb"));

            decoder.decode(ByteBuffer.wrap(utf8("\ndata: c\r")), recorder);
            decoder.decode(ByteBuffer.wrap(utf8("\r")), recorder);
            assertThat(recorder.log).containsExactly(message("a\nb"), message("c"));
            assertThat(decoder.finish(recorder)).isTrue();
        }

        @Test
        void crAtEndOfBufferThenNonLfStartsANewLine() {
            SseDecoder decoder = new SseDecoder(LIMIT);
            Recorder recorder = new Recorder();

            decoder.decode(ByteBuffer.wrap(utf8("data: a\r")), recorder);
            decoder.decode(ByteBuffer.wrap(utf8("data: b\r")), recorder);
            decoder.decode(ByteBuffer.wrap(new byte[0]), recorder);
            decoder.decode(ByteBuffer.wrap(utf8("\r")), recorder);

            assertThat(recorder.log).containsExactly(message("a\nb"));
        }

        @Test
        void lfThenCrAreTwoLineEnds() {
            assertThat(decodeWhole("data: a\n\r")).containsExactly(message("a"));
        }
    }

    @Nested
    class Fields {

        @Test
        void multiLineDataIsJoinedWithNewlines() {
            assertThat(decodeWhole("data: {\ndata:   \"a\": 1\ndata: }\n\n"))
                    .containsExactly(message("{\n  \"a\": 1\n}"));
        }

        @Test
        void eventNameAppliesToOneEventOnly() {
            assertThat(decodeWhole("event: message_start\ndata: 1\n\ndata: 2\n\nevent: ping\nevent: done\ndata: 3\n\n"))
                    .containsExactly(new SseEvent("message_start", "1", null), message("2"),
                            new SseEvent("done", "3", null));
        }

        @Test
        void emptyEventNameMeansNone() {
            assertThat(decodeWhole("event:\ndata: x\n\n")).containsExactly(message("x"));
        }

        @Test
        void eventNameOfAnEventWithoutDataIsDiscardedAtTheBlankLine() {
            assertThat(decodeWhole("event: lost\n\ndata: x\n\n")).containsExactly(message("x"));
        }

        @Test
        void idCarriesOverUntilReplacedOrCleared() {
            assertThat(decodeWhole("id: 7\ndata: a\n\ndata: b\n\nid: 8\ndata: c\n\nid\ndata: d\n\n"))
                    .containsExactly(new SseEvent(null, "a", "7"), new SseEvent(null, "b", "7"),
                            new SseEvent(null, "c", "8"), new SseEvent(null, "d", ""));
        }

        @Test
        void idContainingNulIsIgnored() {
            assertThat(decodeWhole("id: 1\ndata: a\n\nid: 2\u00003\ndata: b\n\n"))
                    .containsExactly(new SseEvent(null, "a", "1"), new SseEvent(null, "b", "1"));
        }

        @Test
        void idWithoutDataIsKeptForTheNextEvent() {
            assertThat(decodeWhole("id: 42\n\ndata: a\n\n")).containsExactly(new SseEvent(null, "a", "42"));
        }

        @Test
        void commentsStripOneLeadingSpace() {
            assertThat(decodeWhole(": keep-alive\n:tight\n:  two spaces\n:\ndata: x\n\n"))
                    .containsExactly("comment:keep-alive", "comment:tight", "comment: two spaces", "comment:",
                            message("x"));
        }

        @Test
        void commentBetweenDataLinesDoesNotEndTheEvent() {
            assertThat(decodeWhole("data: a\n: note\ndata: b\n\n"))
                    .containsExactly("comment:note", message("a\nb"));
        }

        @Test
        void commentsAreIgnoredByTheDefaultListener() {
            SseDecoder decoder = new SseDecoder(LIMIT);
            List<SseEvent> events = new ArrayList<>();
            SseListener onlyEvents = event -> events.add(event.copy());

            decoder.decode(ByteBuffer.wrap(utf8(": keep-alive\ndata: x\n\n")), onlyEvents);

            assertThat(events).containsExactly(message("x"));
        }

        @Test
        void fieldWithoutColonHasAnEmptyValue() {
            assertThat(decodeWhole("data\n\ndata\ndata\n\nevent\ndata: x\n\n"))
                    .containsExactly(message(""), message("\n"), message("x"));
        }

        @Test
        void valueWithoutSpaceAfterColonIsTakenWhole() {
            assertThat(decodeWhole("event:update\nid:9\ndata:{\"k\":1}\n\n"))
                    .containsExactly(new SseEvent("update", "{\"k\":1}", "9"));
        }

        @Test
        void onlyOneLeadingSpaceIsStrippedAndLaterColonsAreKept() {
            assertThat(decodeWhole("data:  two\ndata: a: b:c \n\n"))
                    .containsExactly(message(" two\na: b:c "));
        }

        @Test
        void retryAndUnknownFieldsAreIgnored() {
            assertThat(decodeWhole("retry: 3000\nfoo: bar\nDATA: upper\ndata : spaced name\ndatum: x\ndata: kept\n\n"))
                    .containsExactly(message("kept"));
        }

        @Test
        void blankLineWithoutDataDispatchesNothing() {
            assertThat(decodeWhole("\n\n\r\n: hi\n\nretry: 5\n\n")).containsExactly("comment:hi");
        }

        @Test
        void leadingByteOrderMarkIsSkipped() {
            byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
            byte[] body = utf8("data: x\n\n");
            byte[] stream = new byte[bom.length + body.length];
            System.arraycopy(bom, 0, stream, 0, 3);
            System.arraycopy(body, 0, stream, 3, body.length);

            for (int cut = 0; cut <= stream.length; cut++) {
                assertThat(decodeSplit(stream, cut)).as("cut at %d", cut).containsExactly(message("x"));
            }
        }

        @Test
        void byteOrderMarkLaterInTheStreamIsNotSkipped() {
            // Only one BOM is skipped; a second one makes the field name "\uFEFFdata", which is unknown.
            assertThat(decodeWhole("\uFEFF\uFEFFdata: a\n\ndata: b\n\uFEFFdata: c\n\n"))
                    .containsExactly(message("b"));
        }

        @Test
        void malformedUtf8IsReplacedNotThrown() {
            byte[] stream = {'d', 'a', 't', 'a', ':', ' ', 'a', (byte) 0xC3, '\n',
                'd', 'a', 't', 'a', ':', ' ', (byte) 0xFF, 'b', '\n', '\n'};

            assertThat(decodeSplit(stream)).containsExactly(message("a\uFFFD\n\uFFFDb"));
        }

        @Test
        void malformedUtf8InDataIsHandedOverAsTheBytesOfTheReplacementCharacter() {
            byte[] stream = {'d', 'a', 't', 'a', ':', ' ', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '\n', '\n'};
            List<byte[]> data = new ArrayList<>();

            new SseDecoder(LIMIT).decode(ByteBuffer.wrap(stream), event -> data.add(event.dataBytes()));

            byte[] value = Arrays.copyOfRange(stream, 6, 11);
            assertThat(data).singleElement().isEqualTo(utf8(new String(value, StandardCharsets.UTF_8)));
            assertThat(new String(data.get(0), StandardCharsets.UTF_8)).startsWith("\"\uFFFD").endsWith("\uFFFD\"");
        }

        @Test
        void wellFormedUtf8IsWhatDecodingLeavesUnchanged() {
            java.util.Random random = new java.util.Random(7);
            byte[][] edges = {{(byte) 0xC2, (byte) 0x80}, {(byte) 0xC1, (byte) 0xBF}, {(byte) 0xE0, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xE0, (byte) 0x9F, (byte) 0xBF}, {(byte) 0xED, (byte) 0x9F, (byte) 0xBF},
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xEF, (byte) 0xBF, (byte) 0xBF},
                {(byte) 0xF0, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xF0, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF},
                {(byte) 0xF4, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0x80}};
            for (byte[] edge : edges) {
                assertThat(SseDecoder.isWellFormedUtf8(edge, 0, edge.length)).as(Arrays.toString(edge))
                        .isEqualTo(Arrays.equals(edge, utf8(new String(edge, StandardCharsets.UTF_8))));
            }
            for (int i = 0; i < 20_000; i++) {
                byte[] bytes = new byte[random.nextInt(8)];
                for (int k = 0; k < bytes.length; k++) {
                    bytes[k] = (byte) (random.nextBoolean() ? 0x80 + random.nextInt(0x80) : random.nextInt(256));
                }
                assertThat(SseDecoder.isWellFormedUtf8(bytes, 0, bytes.length)).as(Arrays.toString(bytes))
                        .isEqualTo(Arrays.equals(bytes, utf8(new String(bytes, StandardCharsets.UTF_8))));
            }
            // Mostly ASCII, as JSON is, at any offset, so that runs of eight ASCII bytes are passed over
            // whole and a non-ASCII byte can fall anywhere in or after one.
            for (int i = 0; i < 20_000; i++) {
                byte[] bytes = new byte[random.nextInt(48)];
                for (int k = 0; k < bytes.length; k++) {
                    bytes[k] = (byte) (random.nextInt(10) > 0 ? random.nextInt(0x80) : 0x80 + random.nextInt(0x80));
                }
                int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
                byte[] range = Arrays.copyOfRange(bytes, from, bytes.length);
                assertThat(SseDecoder.isWellFormedUtf8(bytes, from, bytes.length)).as(Arrays.toString(range))
                        .isEqualTo(Arrays.equals(range, utf8(new String(range, StandardCharsets.UTF_8))));
            }
        }

        @Test
        void aRepeatedEventNameIsTheSameStringAndAChangedOneIsRead() {
            List<String> names = new ArrayList<>();
            new SseDecoder(LIMIT).decode(ByteBuffer.wrap(utf8("event: delta\ndata: 1\n\nevent: delta\ndata: 2\n\n"
                    + "event: stop\ndata: 3\n\nevent: delta\ndata: 4\n\ndata: 5\n\n")), event -> names.add(event.event()));

            assertThat(names).containsExactly("delta", "delta", "stop", "delta", null);
            assertThat(names.get(1)).isSameAs(names.get(0));
        }

        @Test
        void aDispatchedEventIsAViewOfTheDecodersBufferAndACopyKeepsItsData() {
            List<SseEvent> views = new ArrayList<>();
            List<SseEvent> copies = new ArrayList<>();
            new SseDecoder(LIMIT).decode(ByteBuffer.wrap(utf8("data: first\n\ndata: later\n\n")), event -> {
                views.add(event);
                copies.add(event.copy());
                assertThat(event.data()).isEqualTo(event.copy().data());
            });

            assertThat(copies).containsExactly(message("first"), message("later"));
            assertThat(views.get(0).dataArray()).isSameAs(views.get(1).dataArray());
        }

        @Test
        void multiByteCharactersSplitAtEveryByteDecodeWhole() {
            byte[] stream = utf8("event: \u00e9v\u00e9nement\ndata: h\u00e9llo \ud83c\udf0d \u65e5\u672c\n\n");
            for (int cut = 0; cut <= stream.length; cut++) {
                assertThat(decodeSplit(stream, cut)).as("cut at %d", cut)
                        .containsExactly(new SseEvent("\u00e9v\u00e9nement", "h\u00e9llo \ud83c\udf0d \u65e5\u672c", null));
            }
        }
    }

    @Nested
    class Finish {

        @Test
        void pendingEventWithoutFinalBlankLineIsDispatched() {
            SseDecoder decoder = new SseDecoder(LIMIT);
            Recorder recorder = new Recorder();
            decoder.decode(ByteBuffer.wrap(utf8("data: a\n\nevent: last\ndata: b\ndata: c\n")), recorder);
            assertThat(recorder.log).containsExactly(message("a"));

            assertThat(decoder.finish(recorder)).isTrue();
            assertThat(recorder.log).containsExactly(message("a"), new SseEvent("last", "b\nc", null));
        }

        @Test
        void pendingEventEndingInCrIsDispatched() {
            SseDecoder decoder = new SseDecoder(LIMIT);
            Recorder recorder = new Recorder();
            decoder.decode(ByteBuffer.wrap(utf8("data: a\r")), recorder);

            assertThat(decoder.finish(recorder)).isTrue();
            assertThat(recorder.log).containsExactly(message("a"));
        }

        @Test
        void cutMidLineReturnsFalseAndDispatchesNothingOfIt() {
            SseDecoder decoder = new SseDecoder(LIMIT);
            Recorder recorder = new Recorder();
            decoder.decode(ByteBuffer.wrap(utf8("data: whole\n\ndata: {\"partial\":")), recorder);

            assertThat(decoder.finish(recorder)).isFalse();
            assertThat(recorder.log).containsExactly(message("whole"));
        }

        @Test
        void cutMidLineAlsoDropsTheEventItBelongedTo() {
            SseDecoder decoder = new SseDecoder(LIMIT);
            Recorder recorder = new Recorder();
            decoder.decode(ByteBuffer.wrap(utf8("data: first line\ndata: second li")), recorder);

            assertThat(decoder.finish(recorder)).isFalse();
            assertThat(recorder.log).isEmpty();
        }

        @Test
        void cutInsideAMultiByteCharacterReturnsFalse() {
            byte[] stream = utf8("data: \ud83c\udf0d\n\n");
            SseDecoder decoder = new SseDecoder(LIMIT);
            Recorder recorder = new Recorder();
            decoder.decode(ByteBuffer.wrap(stream, 0, 8), recorder);

            assertThat(decoder.finish(recorder)).isFalse();
            assertThat(recorder.log).isEmpty();
        }

        @Test
        void cleanEndReturnsTrueWithNothingMore() {
            SseDecoder decoder = new SseDecoder(LIMIT);
            Recorder recorder = new Recorder();
            decoder.decode(ByteBuffer.wrap(utf8("data: a\n\n: bye\n")), recorder);

            assertThat(decoder.finish(recorder)).isTrue();
            assertThat(recorder.log).containsExactly(message("a"), "comment:bye");
        }

        @Test
        void emptyStreamAndBareByteOrderMarkEndCleanly() {
            assertThat(new SseDecoder(LIMIT).finish(new Recorder())).isTrue();

            SseDecoder decoder = new SseDecoder(LIMIT);
            Recorder recorder = new Recorder();
            decoder.decode(ByteBuffer.wrap(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}), recorder);
            assertThat(decoder.finish(recorder)).isTrue();
            assertThat(recorder.log).isEmpty();
        }

        @Test
        void firstLineCutAfterAByteOrderMarkReturnsFalse() {
            SseDecoder decoder = new SseDecoder(LIMIT);
            Recorder recorder = new Recorder();
            decoder.decode(ByteBuffer.wrap(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'd', 'a', 't', 'a'}),
                    recorder);

            assertThat(decoder.finish(recorder)).isFalse();
            assertThat(recorder.log).isEmpty();
        }

        @Test
        void pendingEventNameWithoutDataIsNotDispatched() {
            SseDecoder decoder = new SseDecoder(LIMIT);
            Recorder recorder = new Recorder();
            decoder.decode(ByteBuffer.wrap(utf8("data: a\n\nevent: orphan\nid: 5\n")), recorder);

            assertThat(decoder.finish(recorder)).isTrue();
            assertThat(recorder.log).containsExactly(message("a"));
        }

        @Test
        void decodeAfterFinishIsRejectedAndFinishRepeatsItsAnswer() {
            SseDecoder decoder = new SseDecoder(LIMIT);
            Recorder recorder = new Recorder();
            decoder.decode(ByteBuffer.wrap(utf8("data: a\ndata: b")), recorder);
            assertThat(decoder.finish(recorder)).isFalse();

            assertThatThrownBy(() -> decoder.decode(ByteBuffer.wrap(utf8("\n\n")), recorder))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(decoder.finish(recorder)).isFalse();
            assertThat(recorder.log).isEmpty();
        }
    }

    @Nested
    class SizeLimit {

        private static final int MAX = 100;

        @Test
        void singleLineJustUnderAndAtTheLimitPasses() {
            // "data: " (6 bytes) + 94 bytes = a 100-byte line.
            String atLimit = "x".repeat(MAX - 6);
            String underLimit = "y".repeat(MAX - 7);
            SseDecoder decoder = new SseDecoder(MAX);
            Recorder recorder = new Recorder();

            decoder.decode(ByteBuffer.wrap(utf8("data: " + underLimit + "\n\ndata: " + atLimit + "\n\n")), recorder);

            assertThat(recorder.log).containsExactly(message(underLimit), message(atLimit));
            assertThat(decoder.finish(recorder)).isTrue();
        }

        @Test
        void singleHugeLineThrowsEvenWithoutALineEnd() {
            SseDecoder decoder = new SseDecoder(MAX);
            Recorder recorder = new Recorder();

            assertThatThrownBy(() -> decoder.decode(ByteBuffer.wrap(utf8("data: " + "x".repeat(MAX - 5))), recorder))
                    .isInstanceOf(SseDecoder.EventTooLargeException.class)
                    .hasMessageContaining("100 bytes")
                    .extracting(e -> ((SseDecoder.EventTooLargeException) e).limit()).isEqualTo(MAX);
            assertThat(recorder.log).isEmpty();
        }

        @Test
        void hugeLineArrivingByteByByteThrowsOnceItPassesTheLimit() {
            SseDecoder decoder = new SseDecoder(MAX);
            Recorder recorder = new Recorder();
            for (int i = 0; i < MAX; i++) {
                decoder.decode(ByteBuffer.wrap(new byte[] {':'}), recorder);
            }

            assertThatThrownBy(() -> decoder.decode(ByteBuffer.wrap(new byte[] {':'}), recorder))
                    .isInstanceOf(SseDecoder.EventTooLargeException.class);
        }

        @Test
        void manyDataLinesAddingUpPastTheLimitThrow() {
            // Eight "data: 123456789" lines hold 80 bytes of data (value + newline each); a
            // 21-byte ninth line makes 101.
            SseDecoder decoder = new SseDecoder(MAX);
            Recorder recorder = new Recorder();
            String stream = "data: 123456789\n".repeat(8) + "data: " + "9".repeat(15) + "\n\n";

            assertThatThrownBy(() -> decoder.decode(ByteBuffer.wrap(utf8(stream)), recorder))
                    .isInstanceOf(SseDecoder.EventTooLargeException.class)
                    .hasMessageContaining(String.valueOf(MAX));
            assertThat(recorder.log).isEmpty();
        }

        @Test
        void manyShortDataLinesEventuallyThrow() {
            SseDecoder decoder = new SseDecoder(MAX);
            Recorder recorder = new Recorder();

            assertThatThrownBy(() -> decoder.decode(ByteBuffer.wrap(utf8("data\n".repeat(101))), recorder))
                    .isInstanceOf(SseDecoder.EventTooLargeException.class);
            assertThat(recorder.log).isEmpty();
        }

        @Test
        void manyDataLinesAddingUpToTheLimitPass() {
            // 80 bytes of data plus a 20-byte ninth line: exactly 100.
            SseDecoder decoder = new SseDecoder(MAX);
            Recorder recorder = new Recorder();
            String stream = "data: 123456789\n".repeat(8) + "data: " + "9".repeat(14) + "\n\n";

            decoder.decode(ByteBuffer.wrap(utf8(stream)), recorder);

            assertThat(recorder.log).containsExactly(message("123456789\n".repeat(8) + "9".repeat(14)));
        }

        @Test
        void theLimitAppliesPerEventNotPerStream() {
            String event = "data: " + "z".repeat(80) + "\n\n";
            SseDecoder decoder = new SseDecoder(MAX);
            Recorder recorder = new Recorder();

            decoder.decode(ByteBuffer.wrap(utf8(event.repeat(50))), recorder);

            assertThat(recorder.events()).hasSize(50).allSatisfy(e -> assertThat(e.data()).hasSize(80));
        }

        @Test
        void largeLimitAllowsLinesFarLongerThanTheInitialBuffer() {
            String big = "\u00e9".repeat(300_000); // 600,000 bytes
            SseDecoder decoder = new SseDecoder(2_000_000);
            Recorder recorder = new Recorder();

            decoder.decode(ByteBuffer.wrap(utf8("data: " + big + "\ndata: " + big + "\n\ndata: small\n\n")), recorder);

            assertThat(recorder.log).containsExactly(message(big + "\n" + big), message("small"));
        }

        @Test
        void decoderIsUnusableAfterAnOversizedEvent() {
            SseDecoder decoder = new SseDecoder(MAX);
            Recorder recorder = new Recorder();
            assertThatThrownBy(() -> decoder.decode(ByteBuffer.wrap(utf8("x".repeat(MAX + 1))), recorder))
                    .isInstanceOf(SseDecoder.EventTooLargeException.class);

            assertThatThrownBy(() -> decoder.decode(ByteBuffer.wrap(utf8("\n\ndata: a\n\n")), recorder))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(decoder.finish(recorder)).isFalse();
            assertThat(recorder.log).isEmpty();
        }

        @Test
        void nonPositiveLimitIsRejected() {
            assertThatThrownBy(() -> new SseDecoder(0)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
