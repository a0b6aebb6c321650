package dev.gomodel.providers.anthropic;

import static dev.gomodel.testing.Fuzz.repeat;
import static dev.gomodel.testing.Fuzz.show;
import static dev.gomodel.testing.Fuzz.splice;
import static dev.gomodel.testing.Fuzz.utf8;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonToken;
import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.json.ChatJson;
import dev.gomodel.providers.http.SseEvent;
import dev.gomodel.providers.testing.DialectRun;
import dev.gomodel.testing.Fuzz;
import dev.gomodel.testing.JsonSpans;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Anthropic's messages through {@link AnthropicResponses} and its streams through the SSE
 * decoder and {@link AnthropicStreamDialect}, damaged in every way the fuzz helpers know: a
 * message reads into a completion that is a valid wire document, or fails with an
 * {@link IllegalArgumentException}; a stream gives the same chunks however it is cut, and a bad
 * event fails it cleanly (see {@link DialectRun#assertKeptTheContract}).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AnthropicDecodingFuzzTest {

    /** The default {@code maxEventBytes}. */
    private static final int LIMIT = 8 << 20;
    private static final long CREATED = 1_750_000_000L;
    private static final HttpHeaders HEADERS = HttpHeaders.of(Map.of("request-id", List.of("req_1")), (a, b) -> true);

    static final List<String> REPLACEMENTS = List.of("null", "true", "0", "-1", "1.5", "1e400", "2147483647",
            "2147483648", "99999999999999999999999", "\"\"", "\"x\"", "\"\\u0000\\ud800\"", "[]", "[null]", "[1,\"a\"]",
            "{}", "{\"type\":\"text\"}", "{\"type\":\"tool_use\"}", "{\"type\":\"redacted_thinking\"}",
            "{\"type\":\"thinking\",\"signature\":5}");

    private static final List<String> MESSAGES = List.of("/anthropic/message-text.json",
            "/anthropic/message-thinking.json", "/anthropic/message-tools.json");
    private static final List<String> STREAMS = List.of("/anthropic/stream-text.sse", "/anthropic/stream-thinking.sse",
            "/anthropic/stream-tools.sse", "/anthropic/stream-overloaded.sse");

    static byte[] fixture(String name) {
        try (InputStream in = AnthropicDecodingFuzzTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    // ---- messages

    /**
     * Reads {@code body}: a completion that writes and reads back as the same wire JSON, or an
     * {@link IllegalArgumentException}.
     *
     * @return the completion, or {@code null} when the body was rejected
     */
    private static ChatCompletion checkMessage(byte[] body, String label) {
        ChatCompletion completion;
        try {
            completion = AnthropicResponses.read(body, CREATED);
        } catch (Throwable thrown) {
            if (thrown.getClass() != IllegalArgumentException.class || thrown.getMessage() == null) {
                throw new AssertionError(label + ": expected an IllegalArgumentException, got " + thrown
                        + "\ninput: " + show(body), thrown);
            }
            return null;
        }
        byte[] json = ChatJson.writeCompletion(completion);
        byte[] again = ChatJson.writeCompletion(ChatJson.readCompletion(json));
        assertThat(Arrays.equals(json, again) || DialectRun.sameJson(json, again))
                .as("%s: the completion as wire JSON\ninput: %s", label, show(body)).isTrue();
        return completion;
    }

    @Test
    void damagedMessagesReadIntoValidCompletionsOrFailWithTheTypedException() {
        int cases = Fuzz.cases(3000);
        int read = 0;
        for (int i = 0; i < cases; i++) {
            String name = MESSAGES.get(i % MESSAGES.size());
            if (checkMessage(Fuzz.mutate(fixture(name), Fuzz.random(i)), name + " case " + i) != null) {
                read++;
            }
        }
        assertThat(read).as("damaged messages that were read").isBetween(cases / 50, cases - cases / 4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/anthropic/message-text.json", "/anthropic/message-thinking.json",
        "/anthropic/message-tools.json"})
    void everyTruncationOfAMessageIsRejected(String name) {
        byte[] body = fixture(name);
        int whole = new String(body, UTF_8).stripTrailing().getBytes(UTF_8).length;
        for (int length = 0; length < whole; length++) {
            assertThat(checkMessage(Arrays.copyOf(body, length), name + " cut at " + length)).isNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/anthropic/message-text.json", "/anthropic/message-thinking.json",
        "/anthropic/message-tools.json"})
    void everyValueOfAMessageReplacedByEveryJsonTypeKeepsTheContract(String name) {
        byte[] body = fixture(name);
        for (JsonSpans.Span span : JsonSpans.of(body)) {
            for (String replacement : REPLACEMENTS) {
                checkMessage(splice(body, span.start(), span.end(), utf8(replacement)),
                        name + " with " + span.path() + " = " + replacement);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"[", "{\"a\":", "[{\"type\":\"text\",\"x\":"})
    void deeplyNestedMessagesAreRejectedWithoutOverflowingTheStack(String open) {
        String nested = open.repeat(100_000);
        assertThat(checkMessage(utf8(nested), "root " + open)).isNull();
        assertThat(checkMessage(utf8("{\"id\":\"m\",\"content\":" + nested), "content " + open)).isNull();
        assertThat(checkMessage(utf8("{\"id\":\"m\",\"content\":[{\"type\":\"tool_use\",\"input\":" + nested + "}]}"),
                "tool input " + open)).isNull();
    }

    /** Invalid UTF-8, raw NUL and other encodings in every string: rejected or read into a valid completion. */
    @ParameterizedTest
    @ValueSource(strings = {"/anthropic/message-text.json", "/anthropic/message-thinking.json",
        "/anthropic/message-tools.json"})
    void invalidUtf8AndNulInEveryStringKeepTheContract(String name) {
        byte[] body = fixture(name);
        List<byte[]> bad = List.of(new byte[] {(byte) 0xC3, '('}, new byte[] {(byte) 0xFF}, new byte[] {0},
                new byte[] {(byte) 0xC0, (byte) 0x80}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xF0, (byte) 0x9F}, utf8("\\u0000"), utf8("\\ud800"));
        for (JsonSpans.Span span : JsonSpans.of(body)) {
            if (span.token() == JsonToken.VALUE_STRING) {
                for (byte[] insert : bad) {
                    checkMessage(splice(body, span.start() + 1, span.start() + 1, insert),
                            name + " with " + show(insert) + " in " + span.path());
                }
            }
        }
        for (int at = 0; at < 6; at++) {
            checkMessage(splice(body, at, at, new byte[] {0}), name + " NUL at " + at);
        }
        String text = new String(body, UTF_8);
        for (String charset : List.of("UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE")) {
            checkMessage(text.getBytes(java.nio.charset.Charset.forName(charset)), name + " in " + charset);
        }
    }

    @Test
    void hugeTextAndToolInputAreReadExactly() {
        String text = "The quick brown fox jumps over the lazy dog. \u00e9\u65e5\ud83c\udf0d\\n".repeat(40_000);
        String input = "{\"q\":\"" + "x".repeat(1_000_000) + "\"}";
        byte[] body = utf8("{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude\","
                + "\"content\":[{\"type\":\"text\",\"text\":\"" + text + "\"},{\"type\":\"tool_use\",\"id\":\"t\","
                + "\"name\":\"f\",\"input\":" + input + "}],\"stop_reason\":\"tool_use\",\"usage\":{\"input_tokens\":1,"
                + "\"output_tokens\":2}}");
        ChatCompletion completion = checkMessage(body, "huge");
        assertThat(completion.choices().get(0).message().text()).isEqualTo(text.replace("\\n", "\n"));
        assertThat(completion.choices().get(0).message().toolCalls().get(0).function().arguments()).isEqualTo(input);
    }

    // ---- streams

    private static AnthropicStreamDialect dialect() {
        return new AnthropicStreamDialect("anthropic", HEADERS, CREATED);
    }

    private static DialectRun run(byte[] stream, List<ByteBuffer> pieces, String label) {
        return DialectRun.ofBytes(dialect(), pieces, LIMIT).assertKeptTheContract(label + "\ninput: " + show(stream));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/anthropic/stream-text.sse", "/anthropic/stream-thinking.sse",
        "/anthropic/stream-tools.sse", "/anthropic/stream-overloaded.sse"})
    void recordedStreamsGiveTheSameChunksHoweverCut(String name) {
        byte[] stream = fixture(name);
        DialectRun whole = run(stream, List.of(ByteBuffer.wrap(stream)), name);
        assertThat(whole.chunks()).isNotEmpty();
        assertThat(whole.thrown()).isNull();
        assertThat(whole.done() || whole.error() != null).isTrue();
        for (int i = 0; i < Fuzz.cases(2000) / STREAMS.size(); i++) {
            DialectRun cut = DialectRun.ofBytes(dialect(), Fuzz.pieces(stream, Fuzz.random(i)), LIMIT);
            assertThat(cut.outcome()).as("%s case %d", name, i).isEqualTo(whole.outcome());
        }
    }

    @Test
    void damagedStreamsKeepTheContractAndDoNotDependOnTheCuts() {
        int cases = Fuzz.cases(2000);
        int[] outcomes = new int[3];
        for (int i = 0; i < cases; i++) {
            RandomGenerator random = Fuzz.random(i);
            String name = STREAMS.get(i % STREAMS.size());
            byte[] stream = Fuzz.mutate(fixture(name), random);
            DialectRun whole = run(stream, List.of(ByteBuffer.wrap(stream)), name + " case " + i);
            // The same outcome, so the same chunks: the contract needs no second check.
            DialectRun cut = DialectRun.ofBytes(dialect(), Fuzz.pieces(stream, random), LIMIT);
            assertThat(cut.outcome()).as("%s case %d cut\ninput: %s", name, i, show(stream)).isEqualTo(whole.outcome());
            outcomes[whole.thrown() != null ? 0 : whole.error() != null ? 1 : 2]++;
        }
        assertThat(outcomes[0]).as("streams that failed").isGreaterThan(cases / 20);
        assertThat(outcomes[2]).as("streams that were read").isGreaterThan(cases / 10);
    }

    /** Every value of every event replaced by each of {@link #REPLACEMENTS}, the rest of the stream unchanged. */
    @ParameterizedTest
    @ValueSource(strings = {"/anthropic/stream-thinking.sse", "/anthropic/stream-tools.sse",
        "/anthropic/stream-overloaded.sse"})
    void everyValueOfEveryEventReplacedKeepsTheContract(String name) {
        List<SseEvent> events = DialectRun.events(fixture(name));
        for (int e = 0; e < events.size(); e++) {
            byte[] data = utf8(events.get(e).data());
            for (JsonSpans.Span span : JsonSpans.of(data)) {
                for (String replacement : REPLACEMENTS) {
                    List<SseEvent> changed = new ArrayList<>(events);
                    String json = new String(splice(data, span.start(), span.end(), utf8(replacement)), UTF_8);
                    changed.set(e, new SseEvent(events.get(e).event(), json, events.get(e).id()));
                    DialectRun.ofEvents(dialect(), changed)
                            .assertKeptTheContract(name + " event " + e + " with " + span.path() + " = " + replacement);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"[", "{\"a\":", "{\"type\":\"message_start\",\"message\":"})
    void deeplyNestedEventsFailCleanly(String open) {
        byte[] stream = utf8("event: message_start\ndata: " + new String(repeat(open, 100_000), UTF_8) + "\n\n");
        DialectRun run = run(stream, List.of(ByteBuffer.wrap(stream)), "nested " + open);
        assertThat(run.thrown()).isExactlyInstanceOf(IllegalArgumentException.class);
        byte[] error = utf8("event: error\ndata: " + new String(repeat(open, 100_000), UTF_8) + "\n\n");
        assertThat(run(error, List.of(ByteBuffer.wrap(error)), "nested error " + open).error()).isNotNull();
    }
}
