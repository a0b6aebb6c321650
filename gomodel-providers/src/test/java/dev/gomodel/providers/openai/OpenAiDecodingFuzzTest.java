package dev.gomodel.providers.openai;

import static dev.gomodel.testing.Fuzz.show;
import static dev.gomodel.testing.Fuzz.splice;
import static dev.gomodel.testing.Fuzz.utf8;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gomodel.error.ApiException;
import dev.gomodel.providers.http.SseEvent;
import dev.gomodel.providers.testing.DialectRun;
import dev.gomodel.testing.Fuzz;
import dev.gomodel.testing.JsonSpans;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * OpenAI-format streams through the SSE decoder and {@link OpenAiStreamDialect}, re-chunked and
 * damaged: the chunks never depend on where the bytes were cut, and a bad event gives an
 * in-stream error, an {@link IllegalArgumentException} or a
 * {@link dev.gomodel.error.GoModelException}, never another exception (see
 * {@link DialectRun#assertKeptTheContract}).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OpenAiDecodingFuzzTest {

    /** The default {@code maxEventBytes}. */
    private static final int LIMIT = 8 << 20;
    private static final HttpHeaders HEADERS = HttpHeaders.of(Map.of("x-request-id", List.of("req-1")), (a, b) -> true);

    /** Values put in place of every value of every event: wrong types, odd numbers and strings. */
    static final List<String> REPLACEMENTS = List.of("null", "true", "0", "-1", "1.5", "1e400", "2147483648",
            "99999999999999999999999", "\"\"", "\"x\"", "\"\\u0000\\ud800\"", "[]", "[null]", "{}", "{\"a\":[1]}",
            "{\"message\":\"m\",\"type\":\"rate_limit_error\"}");

    private static final List<String> STREAMS = List.of("/openai/stream.sse", "/openai/stream-tool-call.sse",
            "/presets/groq/stream.sse", "/presets/gomodel/stream.sse", "/presets/gemini/stream-tool-call.sse");

    static byte[] fixture(String name) {
        try (InputStream in = OpenAiDecodingFuzzTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static OpenAiStreamDialect dialect() {
        return new OpenAiStreamDialect("openai", HEADERS);
    }

    private static DialectRun run(byte[] stream, List<ByteBuffer> pieces, String label) {
        return DialectRun.ofBytes(dialect(), pieces, LIMIT).assertKeptTheContract(label + "\ninput: " + show(stream));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/openai/stream.sse", "/openai/stream-tool-call.sse", "/presets/groq/stream.sse",
        "/presets/gomodel/stream.sse", "/presets/gemini/stream-tool-call.sse"})
    void recordedStreamsGiveTheSameChunksHoweverCut(String name) {
        byte[] stream = fixture(name);
        DialectRun whole = run(stream, List.of(ByteBuffer.wrap(stream)), name);
        assertThat(whole.chunks()).isNotEmpty();
        assertThat(whole.done()).isTrue();
        assertThat(whole.thrown()).isNull();
        for (int i = 0; i < Fuzz.cases(2000) / STREAMS.size(); i++) {
            DialectRun cut = DialectRun.ofBytes(dialect(), Fuzz.pieces(stream, Fuzz.random(i)), LIMIT);
            assertThat(cut.outcome()).as("%s case %d", name, i).isEqualTo(whole.outcome());
        }
    }

    @Test
    void damagedStreamsKeepTheContractAndDoNotDependOnTheCuts() {
        int cases = Fuzz.cases(3000);
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
        assertThat(outcomes[0]).as("streams that failed").isGreaterThan(cases / 10);
        assertThat(outcomes[2]).as("streams that were read").isGreaterThan(cases / 10);
    }

    /** Every value of every event of every recorded stream replaced by each of {@link #REPLACEMENTS}. */
    @ParameterizedTest
    @ValueSource(strings = {"/openai/stream-tool-call.sse", "/presets/groq/stream.sse"})
    void everyValueOfEveryEventReplacedKeepsTheContract(String name) {
        List<SseEvent> events = DialectRun.events(fixture(name));
        int runs = 0;
        for (int e = 0; e < events.size(); e++) {
            byte[] data = utf8(events.get(e).data());
            if (data.length == 0 || data[0] != '{') {
                continue;
            }
            for (JsonSpans.Span span : JsonSpans.of(data)) {
                for (String replacement : REPLACEMENTS) {
                    List<SseEvent> changed = new ArrayList<>(events);
                    String json = new String(splice(data, span.start(), span.end(), utf8(replacement)), UTF_8);
                    changed.set(e, new SseEvent(events.get(e).event(), json, events.get(e).id()));
                    DialectRun.ofEvents(dialect(), changed)
                            .assertKeptTheContract(name + " event " + e + " with " + span.path() + " = " + replacement);
                    runs++;
                }
            }
        }
        assertThat(runs).isGreaterThan(100);
    }

    /** An error event, whole or damaged, becomes the typed error (or a clean failure), never anything else. */
    @Test
    void damagedErrorEventsKeepTheContract() {
        byte[] error = utf8("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"rate_limit_error\","
                + "\"param\":null,\"code\":\"rate_limit_exceeded\"}}");
        int errors = 0;
        for (int i = 0; i < Fuzz.cases(2000); i++) {
            RandomGenerator random = Fuzz.random(i);
            String data = new String(Fuzz.mutate(error, random), UTF_8);
            for (String eventName : new String[] {null, "error"}) {
                DialectRun run = DialectRun.ofEvents(dialect(), List.of(new SseEvent(eventName, data, null)))
                        .assertKeptTheContract("error event case " + i + ": " + data);
                if (run.error() != null) {
                    assertThat(run.error()).isInstanceOf(ApiException.class);
                    errors++;
                }
            }
        }
        assertThat(errors).as("error events read as errors").isPositive();
    }

    /** Events holding 100,000 levels of nesting fail cleanly, however cut, without overflowing the stack. */
    @ParameterizedTest
    @ValueSource(strings = {"[", "{\"a\":", "{\"error\":", "{\"x_groq\":"})
    void deeplyNestedEventsFailCleanly(String open) {
        byte[] stream = utf8("data: {\"id\":\"c\",\"choices\":[]}\n\ndata: " + open.repeat(100_000) + "\n\n"
                + "data: [DONE]\n\n");
        DialectRun run = run(stream, List.of(ByteBuffer.wrap(stream)), "nested " + open);
        assertThat(run.chunks()).hasSize(1);
        assertThat(run.thrown()).isExactlyInstanceOf(IllegalArgumentException.class);
        assertThat(run(stream, Fuzz.pieces(stream, Fuzz.random(0)), "nested " + open).outcome())
                .isEqualTo(run.outcome());
    }

    /** Invalid UTF-8 inside a chunk's string is replaced by the SSE decoder, so the chunk reads with U+FFFD. */
    @Test
    void invalidUtf8InAnEventIsReadAsReplacementCharacters() {
        String valid = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ab\"},"
                + "\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n";
        int betweenAAndB = valid.indexOf("\"ab\"") + 2;
        byte[] invalid = {(byte) 0xC3, '(', (byte) 0xFF, (byte) 0xED, (byte) 0xA0, (byte) 0x80};
        byte[] stream = splice(utf8(valid), betweenAAndB, betweenAAndB, invalid);
        DialectRun run = run(stream, Fuzz.pieces(stream, Fuzz.random(1)), "invalid UTF-8");
        assertThat(run.done()).isTrue();
        assertThat(run.chunks()).singleElement().satisfies(chunk ->
                assertThat(chunk.choices().get(0).delta().text())
                        .isEqualTo("a" + new String(invalid, UTF_8) + "b").contains("\ufffd(\ufffd"));
    }
}
