package dev.gomodel.json;

import static dev.gomodel.json.JsonFixtures.lines;
import static dev.gomodel.json.JsonFixtures.resource;
import static dev.gomodel.testing.Fuzz.repeat;
import static dev.gomodel.testing.Fuzz.show;
import static dev.gomodel.testing.Fuzz.splice;
import static dev.gomodel.testing.Fuzz.utf8;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.chat.JsonValue;
import dev.gomodel.testing.Fuzz;
import dev.gomodel.testing.JsonSpans;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Randomized and exhaustive bad input for {@link ChatJson}'s three readers. The contract under
 * test: a reader either returns records that write and read back to the same records, or throws
 * an {@link IllegalArgumentException} (exactly that class) whose message names the JSON path;
 * never another exception or error, never a hang. Seeds are fixed (see {@link Fuzz}).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ChatJsonFuzzTest {

    /** Jackson's default nesting limit: deeper input is rejected. */
    private static final int MAX_DEPTH = 1000;

    enum Reader {
        REQUEST(ChatJson::readRequest, value -> ChatJson.writeRequest((ChatRequest) value)),
        COMPLETION(ChatJson::readCompletion, value -> ChatJson.writeCompletion((ChatCompletion) value)),
        CHUNK(json -> ChatJson.readChunk(json, 0, json.length),
                value -> ChatJson.writeChunk((ChatCompletionChunk) value));

        final Function<byte[], Object> read;
        final Function<Object, byte[]> write;

        Reader(Function<byte[], Object> read, Function<Object, byte[]> write) {
            this.read = read;
            this.write = write;
        }

        /** A small valid document of this kind with {@code member} (a {@code "name":value} text) added. */
        byte[] withMember(String member) {
            return utf8(switch (this) {
                case REQUEST -> "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]," + member + "}";
                case COMPLETION -> "{\"id\":\"c\",\"choices\":[]," + member + "}";
                case CHUNK -> "{\"id\":\"c\",\"choices\":[]," + member + "}";
            });
        }

        /** A small valid document of this kind whose message (or delta) text is {@code json}, a JSON string. */
        byte[] withText(String json) {
            return utf8(switch (this) {
                case REQUEST -> "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":" + json + "}]}";
                case COMPLETION -> "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                        + json + "}}]}";
                case CHUNK -> "{\"choices\":[{\"index\":0,\"delta\":{\"content\":" + json + "}}]}";
            });
        }

        /** The text {@link #withText} put in. */
        String text(Object value) {
            return switch (this) {
                case REQUEST -> ((ChatRequest) value).messages().get(0).text();
                case COMPLETION -> ((ChatCompletion) value).choices().get(0).message().text();
                case CHUNK -> ((ChatCompletionChunk) value).choices().get(0).delta().text();
            };
        }
    }

    record Seed(String name, Reader reader, byte[] json) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Seed> seeds() {
        List<Seed> seeds = new ArrayList<>();
        seeds.add(new Seed("request-full", Reader.REQUEST, resource("request-full.json")));
        seeds.add(new Seed("request-parts", Reader.REQUEST, utf8("{\"model\":\"m\",\"messages\":[{\"role\":\"user\","
                + "\"content\":[{\"text\":\"a\",\"type\":\"text\"},{\"image_url\":{\"url\":\"u\"},\"type\":\"image_url\"},"
                + "{\"type\":\"other\",\"x\":[1,{\"y\":null}]}]}],\"tool_choice\":{\"type\":\"function\","
                + "\"function\":{\"name\":\"f\"}},\"temperature\":1e0,\"x\":{\"k\":[true,false,-0.0]}}")));
        seeds.add(new Seed("completion-full", Reader.COMPLETION, resource("completion-full.json")));
        List<String> chunks = lines("chunks.jsonl");
        for (int i = 0; i < chunks.size(); i++) {
            seeds.add(new Seed("chunk-" + i, Reader.CHUNK, utf8(chunks.get(i))));
        }
        return seeds;
    }

    // ---- random damage

    @Test
    void mutatedDocumentsReadStablyOrFailWithTheTypedException() {
        List<Seed> seeds = seeds();
        int cases = Fuzz.cases(3000);
        int[] outcomes = new int[2];
        for (int i = 0; i < cases; i++) {
            Seed seed = seeds.get(i % seeds.size());
            byte[] input = Fuzz.mutate(seed.json, Fuzz.random(i));
            outcomes[check(seed.reader, input, seed + " case " + i) ? 1 : 0]++;
        }
        assertThat(outcomes[0]).as("rejected inputs").isGreaterThan(cases / 4);
        assertThat(outcomes[1]).as("inputs read").isGreaterThan(cases / 50);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyTruncationIsRejected(Seed seed) {
        int whole = new String(seed.json, UTF_8).stripTrailing().getBytes(UTF_8).length;
        for (int length = 0; length < whole; length++) {
            byte[] cut = Arrays.copyOf(seed.json, length);
            assertRejected(seed.reader, cut, seed + " cut at " + length);
        }
    }

    // ---- every member, every JSON type

    private static final List<String> REPLACEMENTS = List.of("null", "true", "false", "0", "-1", "1.5", "-0", "1e400",
            "-1e400", "1e-400", "2147483648", "-2147483649", "9223372036854775808", "99999999999999999999999",
            "1" + "0".repeat(1000), "\"\"", "\" \"", "\"x\"", "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00\\ud800\"",
            "[]", "[null]", "[1,\"a\"]", "[[]]", "{}", "{\"a\":1}", "{\"type\":\"text\"}", "{\"type\":5}");

    /**
     * Every value of every seed replaced by each of {@link #REPLACEMENTS}: a wrong JSON type, an
     * out-of-range number, an empty or odd string. A rejection names the replaced value's path
     * (or its parent's, its child's or a sibling's, for checks that span members).
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void everyValueReplacedByEveryJsonTypeReadsOrNamesItsPath(Seed seed) {
        for (JsonSpans.Span span : JsonSpans.of(seed.json)) {
            for (String replacement : REPLACEMENTS) {
                byte[] input = splice(seed.json, span.start(), span.end(), utf8(replacement));
                String label = seed + " with " + span.path() + " = " + shorten(replacement);
                Throwable thrown = read(seed.reader, input, label);
                if (thrown != null) {
                    String path = leadingPath(thrown.getMessage());
                    assertThat(related(path, span.path()))
                            .as("%s: the message names %s: %s", label, path, thrown.getMessage()).isTrue();
                }
            }
        }
    }

    /** Every member written twice, the second time with another value: the last one is read, and stays. */
    @ParameterizedTest
    @MethodSource("seeds")
    void everyMemberDuplicatedReadsStablyOrFailsWithTheTypedException(Seed seed) {
        int read = 0;
        for (JsonSpans.Span span : JsonSpans.of(seed.json)) {
            if (!span.isMember(seed.json)) {
                continue;
            }
            String name = span.path().substring(span.path().lastIndexOf('.') + 1);
            for (String value : List.of("null", "\"dup\"", "7", "{}", "[]")) {
                byte[] input = splice(seed.json, span.end(), span.end(), utf8(",\"" + name + "\":" + value));
                if (check(seed.reader, input, seed + " with " + span.path() + " again as " + value)) {
                    read++;
                }
            }
        }
        assertThat(read).as("documents with a duplicated member that were read").isPositive();
    }

    /**
     * A random unknown member added to every object of every seed is read, kept and written back
     * at the same place with the same value: nothing a sender adds is dropped.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void unknownMembersAddedAnywhereAreKeptAndWrittenBack(Seed seed) {
        int index = 0;
        for (JsonSpans.Span span : JsonSpans.of(seed.json)) {
            if (span.token() != JsonToken.START_OBJECT) {
                continue;
            }
            for (int round = 0; round < 4; round++) {
                String value = Fuzz.randomJson(Fuzz.random(index++), 3);
                byte[] input = splice(seed.json, span.start() + 1, span.start() + 1,
                        utf8("\"x_fuzz\":" + value + (span.end() - span.start() > 2 ? "," : "")));
                String label = seed + " with x_fuzz = " + value + " in " + span.path();
                Object read = readStably(seed.reader, input, label);
                JsonNode written = at(JsonFixtures.tree(seed.reader.write.apply(read)), span.path());
                assertThat(written.get("x_fuzz")).as(label).isEqualTo(JsonFixtures.tree(value));
            }
        }
    }

    /** The node at a path as {@link JsonSpans} names it. */
    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        Matcher step = Pattern.compile("([^.\\[\\]$]+)|\\[(\\d+)]").matcher(path);
        while (step.find()) {
            node = step.group(1) != null ? node.get(step.group(1)) : node.get(Integer.parseInt(step.group(2)));
        }
        return node;
    }

    // ---- deep nesting

    /** How each level of nesting opens and closes. */
    static Stream<Arguments> deepNesting() {
        return Stream.of(Arguments.of("[", "]"), Arguments.of("{\"a\":", "}"), Arguments.of("[{\"a\":", "}]"),
                Arguments.of("[1,", "]"));
    }

    /**
     * 100,000 levels of nesting at the root, in an unknown member and in the members kept as raw
     * JSON, closed or not: rejected as malformed (Jackson's depth limit), never a
     * {@link StackOverflowError}.
     */
    @ParameterizedTest
    @MethodSource("deepNesting")
    void deepNestingIsRejectedWithoutOverflowingTheStack(String open, String close) {
        int depth = 100_000;
        byte[] unclosed = repeat(open, depth);
        byte[] closed = utf8(open.repeat(depth) + "0" + close.repeat(depth));
        for (Reader reader : Reader.values()) {
            for (byte[] nested : List.of(unclosed, closed)) {
                assertRejected(reader, nested, reader + " root " + open);
                assertRejected(reader, reader.withMember("\"x\":" + new String(nested, UTF_8)),
                        reader + " unknown member " + open);
            }
        }
        String deep = new String(closed, UTF_8);
        assertRejected(Reader.REQUEST, utf8("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":" + deep + "}}]}"),
                "parameters " + open);
        assertRejected(Reader.COMPLETION, utf8("{\"choices\":[{\"index\":0,\"logprobs\":" + deep + "}]}"),
                "logprobs " + open);
        assertRejected(Reader.CHUNK, utf8("{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,"
                + "\"function\":{\"x\":" + deep + "}}]}}]}"), "tool call extra " + open);
        assertRejected(Reader.REQUEST, utf8("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":"
                + "[{\"text\":\"a\",\"x\":" + deep + ",\"type\":\"text\"}]}]}"), "part buffered before its type " + open);
    }

    /** Nesting just inside the limit is kept whole in an unknown member and written back. */
    @ParameterizedTest
    @EnumSource(Reader.class)
    void nestingInsideTheLimitIsKeptAndWrittenBack(Reader reader) {
        int depth = MAX_DEPTH - 10;
        String nested = "[{\"a\":".repeat(depth / 2) + "0" + "}]".repeat(depth / 2);
        Object value = readStably(reader, reader.withMember("\"x\":" + nested), reader + " nested " + depth);
        JsonValue kept = extra(value).get("x");
        assertThat(kept.json()).isEqualTo(nested);
    }

    // ---- huge strings

    private static final String HUGE_UNIT = "The quick brown fox jumps over the lazy dog \u00e9\u65e5\ud83c\udf0d\n\"\\\u0000";
    private static final int HUGE_COUNT = 3 * 1024 * 1024 / HUGE_UNIT.length();
    /** Several megabytes of text, with multi-byte characters and every kind of escape. */
    private static final String HUGE_TEXT = HUGE_UNIT.repeat(HUGE_COUNT);
    /** {@link #HUGE_TEXT} as a JSON string. */
    private static final String HUGE_JSON = "\""
            + "The quick brown fox jumps over the lazy dog \u00e9\u65e5\ud83c\udf0d\\n\\\"\\\\\\u0000".repeat(HUGE_COUNT) + "\"";

    /** Several megabytes in a message's text are read exactly. */
    @ParameterizedTest
    @EnumSource(Reader.class)
    void hugeTextIsReadExactly(Reader reader) {
        Object value = readStably(reader, reader.withText(HUGE_JSON), reader + " huge text");
        assertThat(reader.text(value)).isEqualTo(HUGE_TEXT);
    }

    /** Several megabytes in an unknown member (kept as JSON text, the same code for every reader). */
    @Test
    void hugeUnknownMemberIsKeptExactly() {
        Object value = readStably(Reader.COMPLETION, Reader.COMPLETION.withMember("\"x\":" + HUGE_JSON),
                "huge unknown member");
        assertThat(extra(value).get("x").asString()).isEqualTo(HUGE_TEXT);
    }

    /** A string longer than Jackson's limit (20,000,000 characters) or a name over 50,000 is rejected. */
    @ParameterizedTest
    @EnumSource(Reader.class)
    void stringsOverTheLimitAreRejected(Reader reader) {
        assertRejected(reader, reader.withText("\"" + "a".repeat(20_000_001) + "\""), reader + " text over the limit");
        assertRejected(reader, reader.withMember("\"" + "k".repeat(50_001) + "\":1"), reader + " name over the limit");
    }

    // ---- invalid UTF-8 and NUL

    private static final List<byte[]> INVALID_UTF8 = List.of(
            new byte[] {(byte) 0xC3, '('}, new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0x80},
            new byte[] {(byte) 0xBF}, new byte[] {(byte) 0xFE}, new byte[] {(byte) 0xFF},
            new byte[] {(byte) 0xC0, (byte) 0x80}, new byte[] {(byte) 0xC1, (byte) 0xBF},
            new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98},
            new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, new byte[] {0});

    /** Invalid UTF-8 (and a raw NUL) inside every string of every seed: rejected, or read and kept stable. */
    @ParameterizedTest
    @MethodSource("seeds")
    void invalidUtf8InEveryStringIsRejectedOrReadStably(Seed seed) {
        for (JsonSpans.Span span : JsonSpans.of(seed.json)) {
            if (span.token() != JsonToken.VALUE_STRING) {
                continue;
            }
            for (byte[] bad : INVALID_UTF8) {
                byte[] input = splice(seed.json, span.start() + 1, span.start() + 1, bad);
                check(seed.reader, input, seed + " with " + show(bad) + " in " + span.path());
            }
        }
    }

    /** A NUL byte at every position of a small document, including before it (where Jackson guesses UTF-16/32). */
    @ParameterizedTest
    @EnumSource(Reader.class)
    void nulAtEveryPositionIsRejectedOrReadStably(Reader reader) {
        byte[] json = reader.withMember("\"x\":[1,\"y\"]");
        for (int at = 0; at <= json.length; at++) {
            for (byte[] nul : List.of(new byte[] {0}, new byte[] {0, 0}, new byte[] {0, 0, 0})) {
                check(reader, splice(json, at, at, nul), reader + " NUL x" + nul.length + " at " + at);
            }
        }
    }

    /** The same document in UTF-16 or UTF-32 (with NULs in every character) is rejected or read as itself. */
    @ParameterizedTest
    @EnumSource(Reader.class)
    void otherUnicodeEncodingsAreRejectedOrReadAsTheSameDocument(Reader reader) {
        byte[] json = reader.withMember("\"x\":\"\u00e9\"");
        Object expected = reader.read.apply(json);
        String text = new String(json, UTF_8);
        for (String charset : List.of("UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE")) {
            byte[] encoded = text.getBytes(Charset.forName(charset));
            Throwable thrown = read(reader, encoded, reader + " in " + charset);
            if (thrown == null) {
                assertThat(reader.read.apply(encoded)).as(charset).isEqualTo(expected);
            }
        }
    }

    /** Escaped NUL, lone surrogates and a reversed pair in every string member survive a round trip. */
    @ParameterizedTest
    @MethodSource("seeds")
    void escapedNulAndLoneSurrogatesInEveryStringReadStably(Seed seed) {
        for (JsonSpans.Span span : JsonSpans.of(seed.json)) {
            if (span.token() != JsonToken.VALUE_STRING) {
                continue;
            }
            for (String escape : List.of("\\u0000", "\\ud800", "\\udfff\\ud800", "\\ud83c\\udf0d")) {
                byte[] input = splice(seed.json, span.start() + 1, span.start() + 1, utf8(escape));
                check(seed.reader, input, seed + " with " + escape + " in " + span.path());
            }
        }
    }

    // ---- checks

    /**
     * Reads {@code input}; when it reads, checks the round trip; when it fails, checks the type.
     *
     * @return whether it was read
     */
    private static boolean check(Reader reader, byte[] input, String label) {
        Object value;
        try {
            value = reader.read.apply(input);
        } catch (Throwable thrown) {
            assertTyped(thrown, input, label);
            return false;
        }
        assertStable(reader, value, input, label);
        return true;
    }

    /** {@code null} if it read (and round-tripped), else the typed exception. */
    private static Throwable read(Reader reader, byte[] input, String label) {
        Object value;
        try {
            value = reader.read.apply(input);
        } catch (Throwable thrown) {
            assertTyped(thrown, input, label);
            return thrown;
        }
        assertStable(reader, value, input, label);
        return null;
    }

    private static Object readStably(Reader reader, byte[] input, String label) {
        Object value;
        try {
            value = reader.read.apply(input);
        } catch (Throwable thrown) {
            throw new AssertionError(label + ": expected to read, threw " + thrown, thrown);
        }
        assertStable(reader, value, input, label);
        return value;
    }

    private static void assertRejected(Reader reader, byte[] input, String label) {
        Object value;
        try {
            value = reader.read.apply(input);
        } catch (Throwable thrown) {
            assertTyped(thrown, input, label);
            return;
        }
        fail("%s: expected a rejection, read %s", label, value);
    }

    private static void assertTyped(Throwable thrown, byte[] input, String label) {
        // The path may hold any member name, so only its presence is checked here.
        if (thrown.getClass() != IllegalArgumentException.class || thrown.getMessage() == null
                || !thrown.getMessage().contains(" ")) {
            throw new AssertionError(label + ": expected an IllegalArgumentException with a message, got " + thrown
                    + "\ninput: " + show(input), thrown);
        }
    }

    /** The value writes, reads back equal, and writes the same bytes again. */
    private static void assertStable(Reader reader, Object value, byte[] input, String label) {
        try {
            byte[] written = reader.write.apply(value);
            Object again = reader.read.apply(written);
            assertThat(again).as("%s: read back\ninput: %s\nwritten: %s", label, show(input), show(written))
                    .isEqualTo(value);
            assertThat(reader.write.apply(again)).as("%s: written again", label).isEqualTo(written);
        } catch (RuntimeException e) {
            throw new AssertionError(label + ": the round trip threw " + e + "\ninput: " + show(input), e);
        }
    }

    private static Map<String, JsonValue> extra(Object value) {
        if (value instanceof ChatRequest request) {
            return request.extra();
        }
        if (value instanceof ChatCompletion completion) {
            return completion.extra();
        }
        return ((ChatCompletionChunk) value).extra();
    }

    /** The path a message starts with: up to the first {@code ": "} or space. */
    private static String leadingPath(String message) {
        int colon = message.indexOf(": ");
        int space = message.indexOf(' ');
        int end = colon < 0 ? space : space < 0 ? colon : Math.min(colon, space);
        return end < 0 ? "" : message.substring(0, end);
    }

    /** Whether {@code reported} is {@code replaced}, the root, an ancestor, a descendant or a sibling. */
    private static boolean related(String reported, String replaced) {
        return reported.equals("$") || reported.equals(replaced) || isUnder(reported, replaced)
                || isUnder(replaced, reported) || parent(reported).equals(parent(replaced));
    }

    private static boolean isUnder(String path, String ancestor) {
        return path.startsWith(ancestor + ".") || path.startsWith(ancestor + "[");
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "$" : path.substring(0, cut);
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
