package dev.gomodel.json;

import static dev.gomodel.json.JsonFixtures.text;
import static dev.gomodel.json.JsonFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.chat.Choice;
import dev.gomodel.chat.Content;
import dev.gomodel.chat.ContentPart;
import dev.gomodel.chat.JsonValue;
import dev.gomodel.chat.Message;
import dev.gomodel.chat.Tool;
import dev.gomodel.chat.ToolChoice;
import dev.gomodel.chat.Usage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Exact output for content, nulls, numbers, key order and the edge shapes of parts and tool_choice. */
class ChatJsonValuesTest {

    private static String roundTripRequest(String json) {
        return text(ChatJson.writeRequest(ChatJson.readRequest(utf8(json))));
    }

    private static String roundTripCompletion(String json) {
        return text(ChatJson.writeCompletion(ChatJson.readCompletion(utf8(json))));
    }

    private static String roundTripChunk(String json) {
        byte[] bytes = utf8(json);
        return text(ChatJson.writeChunk(ChatJson.readChunk(bytes, 0, bytes.length)));
    }

    // ---- content

    @Test
    void nullEmptyAndPartsContentEachRoundTripAsThemselves() {
        String json = "{\"model\":\"m\",\"messages\":["
                + "{\"role\":\"assistant\",\"content\":null},"
                + "{\"role\":\"user\",\"content\":\"\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"},{\"type\":\"text\",\"text\":\"\"}]},"
                + "{\"role\":\"user\",\"content\":[]}]}";

        ChatRequest request = ChatJson.readRequest(utf8(json));

        assertThat(request.messages()).extracting(Message::content).containsExactly(
                null, Content.text(""), Content.parts(ContentPart.text("hi"), ContentPart.text("")),
                Content.parts(List.of()));
        assertThat(text(ChatJson.writeRequest(request))).isEqualTo(json);
    }

    @Test
    void messageMadeWithoutNullsIsWrittenWithContentNull() {
        Message message = new Message("assistant", null, null, null, List.of(), Map.of());
        ChatRequest request = ChatRequest.builder().model("m").message(message).build();

        assertThat(text(ChatJson.writeRequest(request)))
                .isEqualTo("{\"model\":\"m\",\"messages\":[{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[]}]}");
    }

    @Test
    void contentOfACompletionMessageRoundTripsAsNullEmptyOrText() {
        String json = "{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\",\"choices\":["
                + "{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null},\"finish_reason\":\"stop\"},"
                + "{\"index\":1,\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":\"stop\"},"
                + "{\"index\":2,\"message\":{\"role\":\"assistant\",\"content\":\"a\\\"b\\n\"},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2,\"total_tokens\":3}}";

        assertThat(roundTripCompletion(json)).isEqualTo(json);
    }

    // ---- numbers and key order

    @Test
    void bigNumbersAndKeyOrderInUnknownMembersArePreservedByteForByte() {
        String json = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\","
                + "\"metadata\":{\"b\":1,\"a\":12345678901234567890123}}],"
                + "\"logit_bias\":{\"z\":-100,\"y\":1.50,\"x\":1e400,\"w\":-0.0,\"v\":3.141592653589793238462643383279}}";

        ChatRequest request = ChatJson.readRequest(utf8(json));

        assertThat(request.messages().get(0).extra().get("metadata").json())
                .isEqualTo("{\"b\":1,\"a\":12345678901234567890123}");
        assertThat(request.extra().get("logit_bias").json())
                .isEqualTo("{\"z\":-100,\"y\":1.50,\"x\":1e400,\"w\":-0.0,\"v\":3.141592653589793238462643383279}");
        assertThat(text(ChatJson.writeRequest(request))).isEqualTo(json);
    }

    @Test
    void parametersSchemaKeepsKeyOrderAndNumbersByteForByte() {
        String parameters = "{\"type\":\"object\",\"properties\":{\"z\":{\"type\":\"integer\",\"maximum\":"
                + "12345678901234567890123},\"a\":{\"type\":\"number\",\"multipleOf\":0.010}},\"required\":[\"z\",\"a\"]}";
        String json = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"tools\":"
                + "[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":" + parameters + "}}]}";

        ChatRequest request = ChatJson.readRequest(utf8(json));

        assertThat(request.tools().get(0).function().parameters().json()).isEqualTo(parameters);
        assertThat(text(ChatJson.writeRequest(request))).isEqualTo(json);
    }

    @Test
    void freeFormValuesAreWrittenCompact() {
        String json = "{ \"model\" : \"m\", \"messages\" : [ {\"role\":\"user\",\"content\":\"hi\"} ],\n"
                + "  \"response_format\" : { \"type\" : \"json_object\" ,\n \"list\" : [ 1 , 2 ] } }";

        ChatRequest request = ChatJson.readRequest(utf8(json));

        assertThat(request.extra().get("response_format").json())
                .isEqualTo("{\"type\":\"json_object\",\"list\":[1,2]}");
    }

    @Test
    void temperatureAndCreatedKeepTheirDigits() {
        String json = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":2147483647,"
                + "\"temperature\":0.7}";

        assertThat(roundTripRequest(json)).isEqualTo(json);
        String completion = "{\"id\":\"c\",\"created\":17415702830000,\"choices\":[]}";
        assertThat(roundTripCompletion(completion)).isEqualTo(completion);
        assertThat(ChatJson.readCompletion(utf8(completion)).created()).isEqualTo(17415702830000L);
    }

    @Test
    void stringsWithEscapesAndNonAsciiRoundTrip() {
        String json = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"caf\\u00e9 \\ud83d\\ude00 \\\"q\\\" \\\\ \\t\","
                + "\"x\":\"\\u00e9\\n\"}]}";

        ChatRequest request = ChatJson.readRequest(utf8(json));

        assertThat(request.messages().get(0).text()).isEqualTo("café \uD83D\uDE00 \"q\" \\ \t");
        assertThat(request.messages().get(0).extra().get("x").asString()).isEqualTo("é\n");
        assertThat(ChatJson.readRequest(ChatJson.writeRequest(request))).isEqualTo(request);
    }

    @Test
    void unpairedSurrogatesAndEmojiInStringsAreWrittenBackAsValidUtf8() {
        String json = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"a\\ud800b\","
                + "\"x\":\"c\\udc00d \\ud83d\\ude00 \ud83d\ude00\"}]}";

        ChatRequest request = ChatJson.readRequest(utf8(json));
        byte[] written = ChatJson.writeRequest(request);

        assertThat(request.messages().get(0).text()).isEqualTo("a\ud800b");
        assertThat(request.messages().get(0).extra().get("x").asString())
                .isEqualTo("c\udc00d \ud83d\ude00 \ud83d\ude00");
        assertThat(ChatJson.readRequest(written)).isEqualTo(request);
    }

    @Test
    void unknownStringsReadAsTheTextJsonValueWritesForThem() {
        List<String> texts = List.of("default", "", "caf\u00e9 \u2615", "a\"b", "a\\b", "tab\t", "\u0001", "/", "\u007f",
                "\u2028", "\ud83d\ude00", "lone \ud800", "\ufffd");
        for (String text : texts) {
            String chunk = "{\"id\":\"c\",\"choices\":[],\"x\":" + JsonValue.of(text).json() + "}";
            byte[] bytes = utf8(chunk);

            JsonValue read = ChatJson.readChunk(bytes, 0, bytes.length).extra().get("x");

            assertThat(read.json()).as(text).isEqualTo(JsonValue.of(text).json());
            assertThat(read.asString()).as(text).isEqualTo(text);
        }
    }

    @Test
    void unknownNumbersAndStructuresReadAsCompactTextWithTheirDigits() {
        String chunk = "{\"id\":\"c\",\"choices\":[],\"a\":1e400,\"b\":-0.0,\"c\":12345678901234567890123,"
                + "\"d\": { \"k\" : [ 1 , \"\\u00e9\\n\" , null ] } }";
        byte[] bytes = utf8(chunk);

        Map<String, JsonValue> extra = ChatJson.readChunk(bytes, 0, bytes.length).extra();

        assertThat(extra).containsExactly(Map.entry("a", JsonValue.parse("1e400")),
                Map.entry("b", JsonValue.parse("-0.0")), Map.entry("c", JsonValue.parse("12345678901234567890123")),
                Map.entry("d", JsonValue.parse("{\"k\":[1,\"\u00e9\\n\",null]}")));
    }

    // ---- nulls

    @Test
    void finishReasonAndLogprobsKeepNullAndAbsentApart() {
        String chunk = "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"},\"finish_reason\":null,"
                + "\"logprobs\":null}]}";
        String withoutEither = "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"}}]}";

        assertThat(roundTripChunk(chunk)).isEqualTo(chunk);
        assertThat(roundTripChunk(withoutEither)).isEqualTo(withoutEither);
        // A choice made without nulls (as providers translating another format make them) says
        // "finish_reason": null while unfinished, as OpenAI streams it.
        Choice choice = new Choice(0, Message.assistant("x"), null, null, Map.of());
        ChatCompletion completion = new ChatCompletion("c", null, null, null, null, null, List.of(choice), null, Map.of());
        assertThat(text(ChatJson.writeCompletion(completion))).isEqualTo(
                "{\"id\":\"c\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"x\"},"
                        + "\"finish_reason\":null}]}");
    }

    @Test
    void explicitNullOfEveryModelledMemberIsReadAsNullAndWrittenBack() {
        String json = "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                + "\"provider\":null,\"system_fingerprint\":null,\"choices\":[{\"index\":0,\"delta\":{\"role\":null,"
                + "\"content\":null,\"reasoning_content\":null,\"tool_calls\":null},\"finish_reason\":null}],"
                + "\"usage\":null}";

        byte[] bytes = utf8(json);
        ChatCompletionChunk chunk = ChatJson.readChunk(bytes, 0, bytes.length);

        assertThat(chunk.systemFingerprint()).isNull();
        assertThat(chunk.usage()).isNull();
        assertThat(chunk.choices().get(0).delta().content()).isNull();
        assertThat(chunk.extra()).isEmpty();
        assertThat(chunk.nulls()).containsExactlyInAnyOrder("provider", "system_fingerprint", "usage");
        assertThat(chunk.choices().get(0).nulls()).containsExactly("finish_reason");
        assertThat(chunk.choices().get(0).delta().nulls())
                .containsExactlyInAnyOrder("role", "content", "reasoning_content", "tool_calls");
        assertThat(text(ChatJson.writeChunk(chunk))).isEqualTo(json);
    }

    @Test
    void aCompletionMessageKeepsItsExplicitNulls() {
        String json = "{\"id\":\"c\",\"system_fingerprint\":null,\"choices\":[{\"index\":0,\"message\":"
                + "{\"role\":\"assistant\",\"content\":\"hi\",\"reasoning_content\":null,\"tool_calls\":null},"
                + "\"finish_reason\":\"stop\",\"logprobs\":null}],\"usage\":{\"prompt_tokens\":1,"
                + "\"completion_tokens\":1,\"total_tokens\":2,\"prompt_tokens_details\":null,"
                + "\"completion_tokens_details\":null}}";

        ChatCompletion completion = ChatJson.readCompletion(utf8(json));

        assertThat(completion.message().toolCalls()).isNull();
        assertThat(completion.toolCalls()).isEmpty();
        assertThat(completion.message().nulls()).containsExactlyInAnyOrder("reasoning_content", "tool_calls");
        assertThat(completion.usage().promptTokensDetails()).isNull();
        assertThat(completion.usage().nulls())
                .containsExactlyInAnyOrder("prompt_tokens_details", "completion_tokens_details");
        assertThat(roundTripCompletion(json)).isEqualTo(json);
    }

    @Test
    void aMessageWithoutAContentMemberIsWrittenWithout() {
        String json = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},"
                + "{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]}]}";

        assertThat(roundTripRequest(json)).isEqualTo(json);
    }

    @Test
    void usageCountsAreAlwaysWrittenReadAsZeroWhenAbsentAndKeepTheirNulls() {
        String json = "{\"id\":\"c\",\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"total_tokens\":null}}";

        ChatCompletion completion = ChatJson.readCompletion(utf8(json));

        assertThat(completion.usage()).isEqualTo(new Usage(5, 0, 0, null, null, null, Map.of(), Set.of("total_tokens")));
        assertThat(completion.usage().totalTokens()).isZero();
        assertThat(text(ChatJson.writeCompletion(completion))).isEqualTo(
                "{\"id\":\"c\",\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":0,\"total_tokens\":null}}");
    }

    @Test
    void explicitNullsOfARequestAreWrittenBackAndAbsentMembersStayAbsent() {
        String json = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\",\"name\":null}],"
                + "\"max_tokens\":null,\"temperature\":null,\"tools\":null,\"tool_choice\":null,"
                + "\"parallel_tool_calls\":null,\"stream\":null,\"stream_options\":{\"include_usage\":null},"
                + "\"reasoning\":{\"effort\":null,\"max_tokens\":2048},\"provider\":null,\"stop\":null}";

        ChatRequest request = ChatJson.readRequest(utf8(json));

        assertThat(request.nulls()).containsExactlyInAnyOrder("max_tokens", "temperature", "tools", "tool_choice",
                "parallel_tool_calls", "stream", "provider");
        assertThat(request.extra()).containsExactly(Map.entry("stop", JsonValue.NULL));
        assertThat(text(ChatJson.writeRequest(request))).isEqualTo(json);
        assertThat(text(ChatJson.writeRequest(ChatRequest.builder().model("m").user("hi").build())))
                .isEqualTo("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    }

    // ---- content parts

    @Test
    void partWhoseTypeIsNotFirstIsReadByItsTypeAndWrittenTypeFirst() {
        String json = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":["
                + "{\"image_url\":{\"url\":\"https://example.com/a.png\"},\"cache_control\":{\"type\":\"ephemeral\"},"
                + "\"type\":\"image_url\"},"
                + "{\"text\":\"hi\",\"type\":\"text\"},"
                + "{\"video_url\":{\"url\":\"v\"},\"type\":\"video_url\",\"z\":1}]}]}";

        ChatRequest request = ChatJson.readRequest(utf8(json));

        List<ContentPart> parts = ((Content.Parts) request.messages().get(0).content()).parts();
        ContentPart.ImagePart image = (ContentPart.ImagePart) parts.get(0);
        assertThat(image.imageUrl().url()).isEqualTo("https://example.com/a.png");
        assertThat(image.extra()).containsOnlyKeys("cache_control");
        assertThat(parts.get(1)).isEqualTo(ContentPart.text("hi"));
        ContentPart.OtherPart video = (ContentPart.OtherPart) parts.get(2);
        assertThat(video.type()).isEqualTo("video_url");
        assertThat(video.members()).containsExactly(Map.entry("video_url", JsonValue.parse("{\"url\":\"v\"}")),
                Map.entry("z", JsonValue.parse("1")));
        assertThat(roundTripRequest(json)).isEqualTo("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":["
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/a.png\"},"
                + "\"cache_control\":{\"type\":\"ephemeral\"}},"
                + "{\"type\":\"text\",\"text\":\"hi\"},"
                + "{\"type\":\"video_url\",\"video_url\":{\"url\":\"v\"},\"z\":1}]}]}");
    }

    @Test
    void unknownPartIsWrittenBackExactly() {
        String json = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":["
                + "{\"type\":\"file\",\"file\":{\"file_data\":\"JVBERi0=\",\"filename\":\"a.pdf\"},\"n\":[1,{\"b\":null}]}]}]}";

        assertThat(roundTripRequest(json)).isEqualTo(json);
    }

    // ---- tool_choice

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\":\"function\",\"function\":{\"name\":\"f\"}}",
        "{\"function\":{\"name\":\"f\"},\"type\":\"function\"}"})
    void functionToolChoiceIsReadAsAFunction(String toolChoice) {
        ChatRequest request = ChatJson.readRequest(utf8(requestWithToolChoice(toolChoice)));

        assertThat(request.toolChoice()).isEqualTo(ToolChoice.function("f"));
        assertThat(text(ChatJson.writeRequest(request)))
                .endsWith("\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"f\"}}}");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\":\"function\",\"function\":{\"name\":\"f\",\"strict\":true}}",
        "{\"type\":\"function\",\"function\":{\"name\":\"f\"},\"x\":1}",
        "{\"type\":\"function\",\"function\":{\"name\":5}}",
        "{\"type\":\"function\",\"function\":{}}",
        "{\"type\":\"function\"}",
        "{\"type\":\"tool\",\"function\":{\"name\":\"f\"}}",
        "{\"type\":\"allowed_tools\",\"allowed_tools\":{\"mode\":\"required\",\"tools\":[]}}",
        "{}"})
    void anyOtherToolChoiceObjectIsKeptWhole(String toolChoice) {
        ChatRequest request = ChatJson.readRequest(utf8(requestWithToolChoice(toolChoice)));

        assertThat(request.toolChoice()).isEqualTo(new ToolChoice.Other(JsonValue.parse(toolChoice)));
        assertThat(text(ChatJson.writeRequest(request))).endsWith("\"tool_choice\":" + toolChoice + "}");
    }

    private static String requestWithToolChoice(String toolChoice) {
        return "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"tool_choice\":" + toolChoice + "}";
    }

    // ---- writing records built in code

    @Test
    void extraNamedLikeAKnownMemberIsNotWrittenTwice() {
        Message message = new Message(Message.USER, Content.text("hi"), null, null, null,
                Map.of("role", JsonValue.of("other"), "name", JsonValue.of("ann")));
        ChatRequest request = ChatRequest.builder().model("m").message(message)
                .extra("top_p", JsonValue.parse("0.9"))
                .build();
        ContentPart.OtherPart part = new ContentPart.OtherPart("x", Map.of("type", JsonValue.of("y")));
        ChatRequest withPart = ChatRequest.builder().model("m").message(Message.user(part)).build();

        assertThat(text(ChatJson.writeRequest(request))).isEqualTo(
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\",\"name\":\"ann\"}],\"top_p\":0.9}");
        assertThat(text(ChatJson.writeRequest(withPart)))
                .isEqualTo("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"x\"}]}]}");
    }

    @Test
    void requestBuiltInCodeIsWrittenInSchemaOrder() {
        ChatRequest request = ChatRequest.builder()
                .provider("anthropic")
                .reasoningEffort("low")
                .toolChoice(ToolChoice.NONE)
                .tool(Tool.function("f", null, JsonValue.parse("{\"type\":\"object\"}")))
                .temperature(1.0)
                .maxTokens(10)
                .system("s")
                .model("m")
                .build();

        assertThat(text(ChatJson.writeRequest(request))).isEqualTo("{\"model\":\"m\","
                + "\"messages\":[{\"role\":\"system\",\"content\":\"s\"}],\"max_tokens\":10,\"temperature\":1.0,"
                + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":{\"type\":\"object\"}}}],"
                + "\"tool_choice\":\"none\",\"reasoning\":{\"effort\":\"low\"},\"provider\":\"anthropic\"}");
    }
}
