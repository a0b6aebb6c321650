package dev.gomodel.json;

import static dev.gomodel.json.JsonFixtures.lines;
import static dev.gomodel.json.JsonFixtures.resource;
import static dev.gomodel.json.JsonFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input fails with an {@link IllegalArgumentException} naming the JSON path, and with nothing else. */
class ChatJsonErrorsTest {

    private static final Function<byte[], Object> REQUEST = ChatJson::readRequest;
    private static final Function<byte[], Object> COMPLETION = ChatJson::readCompletion;
    private static final Function<byte[], Object> CHUNK = json -> ChatJson.readChunk(json, 0, json.length);

    private static final String MESSAGES = "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";

    static Stream<Arguments> badInput() {
        return Stream.of(
                // wrong JSON type of a known member
                bad(COMPLETION, "{\"choices\":5}", "choices: expected an array or null, got NUMBER"),
                bad(REQUEST, "{\"model\":\"m\",\"messages\":\"x\"}", "messages: expected an array or null, got STRING"),
                bad(COMPLETION, "{\"choices\":[{\"index\":\"a\"}]}",
                        "choices[0].index: expected an integer or null, got STRING"),
                bad(COMPLETION, "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":5}}]}",
                        "choices[0].message.content: expected a string, an array of parts or null, got NUMBER"),
                bad(COMPLETION, "{\"choices\":[{\"index\":0,\"message\":[]}]}",
                        "choices[0].message: expected a message object or null, got ARRAY"),
                bad(COMPLETION, "{\"choices\":[{\"index\":0,\"message\":{\"tool_calls\":[{\"id\":1}]}}]}",
                        "choices[0].message.tool_calls[0].id: expected a string or null, got NUMBER"),
                bad(COMPLETION, "{\"choices\":[{\"index\":0,\"message\":{\"tool_calls\":{}}}]}",
                        "choices[0].message.tool_calls: expected an array or null, got OBJECT"),
                bad(COMPLETION, "{\"choices\":[{\"index\":1.5}]}", "choices[0].index: expected an integer, got NUMBER 1.5"),
                bad(COMPLETION, "{\"choices\":[{},{},{\"finish_reason\":true}]}",
                        "choices[2].finish_reason: expected a string or null, got BOOLEAN"),
                bad(COMPLETION, "{\"id\":\"c\",\"usage\":{\"prompt_tokens_details\":{\"cached_tokens\":\"1\"}}}",
                        "usage.prompt_tokens_details.cached_tokens: expected an integer or null, got STRING"),
                bad(COMPLETION, "{\"created\":\"yesterday\"}", "created: expected an integer or null, got STRING"),
                bad(COMPLETION, "{\"choices\":[null]}", "choices[0]: expected a choice object, got NULL"),
                bad(CHUNK, "{\"choices\":[{\"index\":0,\"delta\":\"x\"}]}",
                        "choices[0].delta: expected a delta object or null, got STRING"),
                bad(CHUNK, "{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":"
                        + "{\"arguments\":{}}}]}}]}",
                        "choices[0].delta.tool_calls[0].function.arguments: expected a string or null, got OBJECT"),
                bad(CHUNK, "{\"choices\":[{\"index\":0,\"delta\":{\"content\":5}}]}",
                        "choices[0].delta.content: expected a string, an array of parts or null, got NUMBER"),
                bad(CHUNK, "{\"choices\":[{\"index\":0,\"delta\":{\"content\":[{\"type\":\"thinking\",\"thinking\":7}]}}]}",
                        "choices[0].delta.content[0].thinking: expected a string, an array of parts or null, got NUMBER"),
                bad(REQUEST, "{\"model\":\"m\"," + MESSAGES + ",\"temperature\":\"hot\"}",
                        "temperature: expected a number or null, got STRING"),
                bad(REQUEST, "{\"model\":\"m\"," + MESSAGES + ",\"stream\":1}", "stream: expected a boolean or null, got NUMBER"),
                bad(REQUEST, "{\"model\":\"m\"," + MESSAGES + ",\"tool_choice\":1}",
                        "tool_choice: expected a string, an object or null, got NUMBER"),
                bad(REQUEST, "{\"model\":\"m\"," + MESSAGES + ",\"tools\":[{\"function\":{\"strict\":\"yes\"}}]}",
                        "tools[0].function.strict: expected a boolean or null, got STRING"),
                bad(REQUEST, "{\"model\":\"m\"," + MESSAGES + ",\"stream_options\":[]}",
                        "stream_options: expected a stream_options object or null, got ARRAY"),
                bad(REQUEST, "{\"model\":\"m\"," + MESSAGES + ",\"reasoning\":\"high\"}",
                        "reasoning: expected a reasoning object or null, got STRING"),
                bad(REQUEST, "{\"model\":\"m\",\"messages\":[null]}", "messages[0]: expected a message object, got NULL"),
                bad(REQUEST, "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[\"hi\"]}]}",
                        "messages[0].content[0]: expected a content part object or null, got STRING"),
                bad(REQUEST, "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"hi\"}]}]}",
                        "messages[0].content[0]: a content part needs a \"type\" member"),
                bad(REQUEST, "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":7}]}]}",
                        "messages[0].content[0].type: expected a string, got NUMBER"),
                bad(REQUEST, "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"a\"},"
                        + "{\"text\":5,\"type\":\"text\"}]}]}",
                        "messages[0].content[1].text: expected a string or null, got NUMBER"),
                bad(REQUEST, "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"image_url\":\"u\","
                        + "\"type\":\"image_url\"}]}]}",
                        "messages[0].content[0].image_url: expected an image_url object or null, got STRING"),
                bad(REQUEST, "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_audio\","
                        + "\"input_audio\":{\"data\":\"AA\",\"format\":[]}}]}]}",
                        "messages[0].content[0].input_audio.format: expected a string or null, got ARRAY"),
                // a second "type" would otherwise be kept in extra, and dropped when written
                bad(REQUEST, "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\","
                        + "\"text\":\"a\",\"type\":null}]}]}",
                        "messages[0].content[0].type: a content part must have one \"type\" member, found a second"),
                bad(REQUEST, "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"file\","
                        + "\"file\":{},\"type\":\"text\"}]}]}",
                        "messages[0].content[0].type: a content part must have one \"type\" member, found a second"),
                bad(REQUEST, "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"a\","
                        + "\"type\":\"text\",\"type\":\"image_url\"}]}]}",
                        "messages[0].content[0].type: a content part must have one \"type\" member, found a second"),
                // the root
                bad(COMPLETION, "[]", "$: expected a completion object, got ARRAY"),
                bad(CHUNK, "null", "$: expected a chunk object, got NULL"),
                bad(REQUEST, "\"x\"", "$: expected a request object, got STRING"),
                // numbers out of range
                bad(COMPLETION, "{\"usage\":{\"prompt_tokens\":3000000000}}",
                        "usage.prompt_tokens: integer 3000000000 is out of range"),
                bad(COMPLETION, "{\"created\":99999999999999999999}", "created: integer 99999999999999999999 is out of range"),
                bad(REQUEST, "{\"model\":\"m\"," + MESSAGES + ",\"max_tokens\":-2147483649}",
                        "max_tokens: integer -2147483649 is out of range"),
                bad(REQUEST, "{\"model\":\"m\"," + MESSAGES + ",\"temperature\":1e999}", "temperature: number 1e999 is out of range"),
                // not well-formed JSON
                bad(COMPLETION, "", "$: empty input"),
                bad(COMPLETION, "  \n ", "$: empty input"),
                bad(COMPLETION, "{\"id\": }", "id: malformed JSON"),
                bad(COMPLETION, "{\"id\":\"c\",\"choices\":[{\"index\":0,\"message\":{\"content\":\"hel",
                        "choices[0].message.content: malformed JSON"),
                bad(COMPLETION, "{\"id\":\"c\",\"choices\":[{\"index\":0", "choices[0]"),
                bad(COMPLETION, "{\"id\":\"c\"", "malformed JSON"),
                bad(COMPLETION, "{\"id\":\"c\",\"x\":{\"y\":[1,2", "x.y[1]: malformed JSON"),
                bad(COMPLETION, "{\"id\":\"c\"} x", "malformed JSON"),
                bad(COMPLETION, "{\"id\":\"c\"} {}", "$: trailing content after the JSON value at byte 11"),
                bad(COMPLETION, "{\"id\":\"c\"},", "malformed JSON"),
                bad(COMPLETION, "{'id':'c'}", "malformed JSON"),
                bad(COMPLETION, "{\"id\":\"c\",\"n\":01}", "n: malformed JSON"),
                bad(COMPLETION, "{\"id\":\"c\",\"n\":NaN}", "n: malformed JSON"),
                bad(COMPLETION, "{\"x\":" + "[".repeat(2000) + "]".repeat(2000) + "}", "malformed JSON"),
                // validation of the request itself
                bad(REQUEST, "{\"model\":\"m\",\"messages\":[]}", "messages must contain at least one message"),
                bad(REQUEST, "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", "model is required"),
                bad(REQUEST, "{\"model\":\"m\",\"messages\":[{\"role\":\"tool\",\"content\":\"r\"}]}",
                        "messages[0].tool_call_id is required for role \"tool\""),
                bad(REQUEST, "{\"model\":\"m\"," + MESSAGES + ",\"tools\":[{\"type\":\"function\"}]}",
                        "tools[0].function is required for a function tool"),
                bad(REQUEST, "{\"model\":\"m\"," + MESSAGES + ",\"provider\":\"openai\",\"provider\":{\"order\":[]},"
                        + "\"provider\":null}", "provider is set twice"));
    }

    private static Arguments bad(Function<byte[], Object> reader, String json, String message) {
        return Arguments.of(reader, json, message);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("badInput")
    void badInputNamesThePath(Function<byte[], Object> reader, String json, String message) {
        assertThatThrownBy(() -> reader.apply(utf8(json)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void invalidUtf8IsMalformedJson() {
        byte[] json = {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        assertThatThrownBy(() -> ChatJson.readCompletion(json))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("id: malformed JSON");
    }

    @Test
    void chunkIsReadOnlyWithinItsRange() {
        byte[] json = utf8("{\"id\":\"c\"}{\"id\":\"d\"}");

        assertThat(ChatJson.readChunk(json, 10, 10).id()).isEqualTo("d");
        assertThatThrownBy(() -> ChatJson.readChunk(json, 0, 9))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed JSON");
    }

    /** Every prefix of every fixture either reads or fails with an IllegalArgumentException. */
    @Test
    void everyTruncationFailsCleanly() {
        for (Fixture fixture : fixtures()) {
            for (int length = 0; length < fixture.json.length; length++) {
                byte[] truncated = Arrays.copyOf(fixture.json, length);
                Throwable thrown = catchThrowable(() -> fixture.reader.apply(truncated));
                if (length < fixture.json.length - 1 || thrown != null) {
                    assertThat(thrown).as("%s cut at %d", fixture.name, length)
                            .isExactlyInstanceOf(IllegalArgumentException.class);
                }
            }
        }
    }

    /**
     * Random byte changes of every fixture either fail with an IllegalArgumentException or read
     * into records that write and read back equal.
     */
    @Test
    void randomCorruptionFailsCleanly() {
        Random random = new Random(20240611);
        byte[] alphabet = utf8("{}[]\":,0123456789.-eEtruefalsn \\ux\u00e9");
        int failures = 0;
        for (Fixture fixture : fixtures()) {
            for (int round = 0; round < 400; round++) {
                byte[] corrupted = fixture.json.clone();
                for (int changes = 1 + random.nextInt(3); changes > 0; changes--) {
                    corrupted[random.nextInt(corrupted.length)] = alphabet[random.nextInt(alphabet.length)];
                }
                Object read;
                try {
                    read = fixture.reader.apply(corrupted);
                } catch (RuntimeException e) {
                    failures++;
                    assertThat(e).as("%s corrupted: %s", fixture.name, new String(corrupted, UTF_8))
                            .isExactlyInstanceOf(IllegalArgumentException.class);
                    continue;
                }
                assertThat(fixture.reader.apply(fixture.writer.apply(read)))
                        .as("%s corrupted: %s", fixture.name, new String(corrupted, UTF_8)).isEqualTo(read);
            }
        }
        assertThat(failures).as("corruptions that were rejected").isGreaterThan(100);
    }

    private record Fixture(String name, byte[] json, Function<byte[], Object> reader,
            Function<Object, byte[]> writer) {
    }

    private static java.util.List<Fixture> fixtures() {
        java.util.List<Fixture> fixtures = new java.util.ArrayList<>();
        fixtures.add(new Fixture("request", resource("request-full.json"), REQUEST,
                r -> ChatJson.writeRequest((ChatRequest) r)));
        fixtures.add(new Fixture("completion", resource("completion-full.json"), COMPLETION,
                c -> ChatJson.writeCompletion((ChatCompletion) c)));
        for (String line : lines("chunks.jsonl")) {
            fixtures.add(new Fixture("chunk", utf8(line), CHUNK,
                    c -> ChatJson.writeChunk((ChatCompletionChunk) c)));
        }
        return fixtures;
    }
}
