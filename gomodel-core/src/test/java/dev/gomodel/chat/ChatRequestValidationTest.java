package dev.gomodel.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomodel.json.ChatJson;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChatRequestValidationTest {

    private static final JsonValue OBJECT_SCHEMA = JsonValue.parse("{\"type\":\"object\",\"properties\":{}}");

    /** A valid request to break one field of. */
    private static ChatRequest.Builder valid() {
        return ChatRequest.builder().model("gpt-4o-mini").user("Hello");
    }

    /** A request with the given messages, built through the canonical constructor (so nulls can get in). */
    private static ChatRequest withMessages(Message... messages) {
        return new ChatRequest("gpt-4o-mini", Arrays.asList(messages), null, null, null, null, null, null, null, null,
                null, Map.of());
    }

    private static Message userParts(ContentPart... parts) {
        return new Message(Message.USER, new Content.Parts(Arrays.asList(parts)), null, null, null, Map.of());
    }

    private static Message assistantCalls(ToolCall... calls) {
        return new Message(Message.ASSISTANT, null, null, null, Arrays.asList(calls), Map.of());
    }

    private static Arguments invalid(String name, Runnable build, String expectedMessage) {
        return Arguments.of(name, build, expectedMessage);
    }

    private static Arguments invalidBuilder(String name, UnaryOperator<ChatRequest.Builder> breaker,
            String expectedMessage) {
        return invalid(name, () -> breaker.apply(valid()).build(), expectedMessage);
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                invalidBuilder("missing model", b -> b.model(null),
                        "model is required: expected a model id such as \"gpt-4o-mini\" or \"openai/gpt-4o-mini\""),
                invalidBuilder("blank model", b -> b.model("  "),
                        "model must not be blank: expected a model id"),
                invalidBuilder("no messages", b -> b.messages(List.of()),
                        "messages must contain at least one message"),
                invalid("null message", () -> withMessages(Message.user("hi"), null),
                        "messages[1] must not be null"),
                invalid("null role", () -> withMessages(Message.of(null, "hi")),
                        "messages[0].role is required: expected \"system\", \"user\""),
                invalid("blank role", () -> withMessages(Message.user("hi"), Message.of(" ", "hi")),
                        "messages[1].role must not be blank: expected \"system\", \"user\""),
                invalid("tool message without tool_call_id",
                        () -> withMessages(Message.user("hi"),
                                Message.assistantToolCalls(List.of(ToolCall.function("call_1", "f", "{}"))),
                                Message.tool(null, "42")),
                        "messages[2].tool_call_id is required for role \"tool\": expected the id of the tool call it answers"),
                invalid("null tool call", () -> withMessages(assistantCalls((ToolCall) null)),
                        "messages[0].tool_calls[0] must not be null"),
                invalid("tool call without function",
                        () -> withMessages(assistantCalls(new ToolCall("call_1", "function", null, Map.of()))),
                        "messages[0].tool_calls[0].function is required for a function call: expected the called "
                                + "function's name"),
                invalid("tool call of no stated type without function",
                        () -> withMessages(assistantCalls(new ToolCall("call_1", null, null, Map.of()))),
                        "messages[0].tool_calls[0].type is required for a tool call without a function"),
                invalid("tool call without function name",
                        () -> withMessages(assistantCalls(ToolCall.function("call_1", null, "{}"))),
                        "messages[0].tool_calls[0].function.name is required: expected the called function's name"),
                invalid("text part with null text",
                        () -> withMessages(userParts(ContentPart.text("a"), ContentPart.text(null))),
                        "messages[0].content[1].text is required for a text part: expected a string"),
                invalid("null part", () -> withMessages(userParts(ContentPart.text("a"), null)),
                        "messages[0].content[1] must not be null"),
                invalid("image part without image_url",
                        () -> withMessages(userParts(new ContentPart.ImagePart(null, Map.of()))),
                        "messages[0].content[0].image_url is required for an image_url part: expected an object with a url"),
                invalid("image part without url",
                        () -> withMessages(userParts(ContentPart.imageUrl(null))),
                        "messages[0].content[0].image_url.url is required: expected an http(s) or data: URL"),
                invalid("image part with blank url",
                        () -> withMessages(userParts(ContentPart.imageUrl(""))),
                        "messages[0].content[0].image_url.url must not be blank"),
                invalid("audio part without data",
                        () -> withMessages(userParts(ContentPart.inputAudio(null, "wav"))),
                        "messages[0].content[0].input_audio.data is required: expected base64 audio data"),
                invalid("audio part without format",
                        () -> withMessages(userParts(ContentPart.inputAudio("UklGRg==", null))),
                        "messages[0].content[0].input_audio.format is required: expected an audio format"),
                invalid("audio part without input_audio",
                        () -> withMessages(userParts(new ContentPart.AudioPart(null, Map.of()))),
                        "messages[0].content[0].input_audio is required for an input_audio part: expected an object with data and format"),
                invalidBuilder("temperature NaN", b -> b.temperature(Double.NaN),
                        "temperature must be a finite number (JSON has no NaN or Infinity), got NaN"),
                invalidBuilder("tool without function", b -> b.tool(new Tool("function", null, Map.of())),
                        "tools[0].function is required for a function tool: expected the function's name"),
                invalidBuilder("tool of no stated type without function", b -> b.tool(new Tool(null, null, Map.of())),
                        "tools[0].type is required for a tool without a function"),
                invalidBuilder("tool without function name",
                        b -> b.tool(Tool.function("ok", null, OBJECT_SCHEMA)).tool(Tool.function(null, null, OBJECT_SCHEMA)),
                        "tools[1].function.name is required: expected the function's name"),
                invalid("null tool",
                        () -> new ChatRequest("m", List.of(Message.user("hi")), null, null, Arrays.asList((Tool) null),
                                null, null, null, null, null, null, Map.of()),
                        "tools[0] must not be null"),
                invalidBuilder("blank tool_choice mode", b -> b.toolChoice(new ToolChoice.Mode(" ")),
                        "tool_choice must not be blank: expected \"auto\", \"none\", \"required\" or a function"),
                invalidBuilder("blank tool_choice function name", b -> b.toolChoice(ToolChoice.function("")),
                        "tool_choice.function.name must not be blank: expected the name of a function"),
                invalidBuilder("tool_choice Other that is an array",
                        b -> b.toolChoice(new ToolChoice.Other(JsonValue.parse("[1]"))),
                        "tool_choice must be an object (use ToolChoice.Mode for a string), got [1]"),
                invalidBuilder("tool_choice Other that is a string",
                        b -> b.toolChoice(new ToolChoice.Other(JsonValue.of("auto"))),
                        "tool_choice must be an object (use ToolChoice.Mode for a string), got \"auto\""),
                invalidBuilder("blank reasoning effort", b -> b.reasoningEffort(" "),
                        "reasoning.effort must not be blank: expected \"low\", \"medium\", \"high\" or another level"),
                invalidBuilder("blank provider", b -> b.provider(""),
                        "provider must not be blank: expected a provider name or type"),
                invalidBuilder("whitespace provider", b -> b.provider(" \t"),
                        "provider must not be blank"),
                invalidBuilder("empty model", b -> b.model(""), "model must not be blank"),
                invalidBuilder("model of tabs and newlines", b -> b.model("\t\n"), "model must not be blank"),
                invalid("messages null in the canonical constructor",
                        () -> new ChatRequest("m", null, null, null, null, null, null, null, null, null, null, null),
                        "messages must contain at least one message"),
                invalid("empty role", () -> withMessages(Message.of("", "hi")),
                        "messages[0].role must not be blank"),
                invalid("tool call with blank function name",
                        () -> withMessages(assistantCalls(ToolCall.function("call_1", "\t", "{}"))),
                        "messages[0].tool_calls[0].function.name must not be blank"),
                invalid("image part with whitespace url",
                        () -> withMessages(userParts(ContentPart.imageUrl("   "))),
                        "messages[0].content[0].image_url.url must not be blank: expected an http(s) or data: URL"),
                invalid("audio part with blank data",
                        () -> withMessages(userParts(ContentPart.inputAudio(" ", "wav"))),
                        "messages[0].content[0].input_audio.data must not be blank"),
                invalid("other part with blank type",
                        () -> withMessages(userParts(new ContentPart.OtherPart(" ", Map.of()))),
                        "messages[0].content[0].type must not be blank: expected the part's type"),
                invalidBuilder("temperature +Infinity", b -> b.temperature(Double.POSITIVE_INFINITY),
                        "temperature must be a finite number (JSON has no NaN or Infinity), got Infinity"),
                invalidBuilder("temperature -Infinity", b -> b.temperature(Double.NEGATIVE_INFINITY),
                        "temperature must be a finite number (JSON has no NaN or Infinity), got -Infinity"),
                invalidBuilder("tool with blank function name", b -> b.tool(Tool.function(" ", null, OBJECT_SCHEMA)),
                        "tools[0].function.name must not be blank"),
                invalid("tools with a null among them",
                        () -> ChatRequest.builder().model("m").user("hi")
                                .tools(Arrays.asList(Tool.function("f", null, null), null)).build(),
                        "tools[1] must not be null"),
                invalidBuilder("tool_choice Other that is JSON null",
                        b -> b.toolChoice(new ToolChoice.Other(JsonValue.NULL)),
                        "tool_choice must be an object (use ToolChoice.Mode for a string), got null"),
                invalidBuilder("tool_choice Other that is a number",
                        b -> b.toolChoice(new ToolChoice.Other(JsonValue.of(1))),
                        "tool_choice must be an object"),
                invalidBuilder("empty tool_choice mode", b -> b.toolChoice(new ToolChoice.Mode("")),
                        "tool_choice must not be blank"),
                invalidBuilder("no messages with another member than prompt",
                        b -> b.messages(List.of()).extra("input", JsonValue.of("hi")),
                        "messages must contain at least one message"),
                invalidBuilder("a provider object beside the provider hint",
                        b -> b.provider("openrouter").extra("provider", JsonValue.parse("{\"order\":[\"anthropic\"]}")),
                        "provider is set twice: as the routing hint and as the body member extra.provider"),
                invalidBuilder("a provider object beside an explicitly null provider hint",
                        b -> b.explicitNull("provider").extra("provider", JsonValue.parse("{\"only\":[\"openai\"]}")),
                        "provider is set twice"),
                invalidBuilder("an extra provider that is a string, the hint's own form",
                        b -> b.extra("provider", JsonValue.of("openai")),
                        "extra.provider must not be a string or null: that is the routing hint"),
                invalidBuilder("an extra provider that is JSON null",
                        b -> b.extra("provider", JsonValue.NULL),
                        "extra.provider must not be a string or null"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void rejectsInvalidRequestNamingPathAndExpectation(String name, Runnable build, String expectedMessage) {
        assertThatThrownBy(build::run)
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(expectedMessage);
    }

    static Stream<Arguments> validRequests() {
        return Stream.of(
                Arguments.of("minimal", valid()),
                Arguments.of("every field", valid()
                        .system("Be brief")
                        .message(Message.developer("dev"))
                        .message(Message.user(ContentPart.text("look"), ContentPart.imageUrl("https://x/y.png"),
                                ContentPart.inputAudio("UklGRg==", "wav")))
                        .message(Message.assistantToolCalls(List.of(ToolCall.function("call_1", "f", "{}"))))
                        .message(Message.tool("call_1", "42"))
                        .assistant("")
                        .maxTokens(1)
                        .temperature(0.0)
                        .tool(Tool.function("f", "does f", OBJECT_SCHEMA))
                        .tool(Tool.function("g", null, null))
                        .toolChoice(ToolChoice.function("f"))
                        .parallelToolCalls(true)
                        .stream(true)
                        .streamOptions(StreamOptions.withUsage())
                        .reasoningEffort("high")
                        .provider("openai")
                        .extra("seed", JsonValue.of(7))),
                Arguments.of("temperature 2", valid().temperature(2.0)),
                Arguments.of("tool_choice auto", valid().toolChoice(ToolChoice.AUTO)),
                Arguments.of("tool_choice other object",
                        valid().toolChoice(new ToolChoice.Other(JsonValue.parse("{\"type\":\"allowed_tools\"}")))),
                Arguments.of("assistant message with null content", valid().message(Message.assistant(null))),
                Arguments.of("a role this library does not name, passed through for the upstream to judge",
                        valid().message(Message.of("critic", "Too long."))),
                Arguments.of("a tool_choice mode this library does not name (Mistral's \"any\")",
                        valid().toolChoice(new ToolChoice.Mode("any"))),
                Arguments.of("an empty tool_calls list", valid().message(new Message(Message.ASSISTANT, Content.text("ok"),
                        null, null, List.of(), Map.of()))),
                Arguments.of("an extra member of another name", valid().extra("top_p", JsonValue.of(0.5))),
                Arguments.of("other content part", valid().message(Message.user(
                        new ContentPart.OtherPart("file", Map.of("file", JsonValue.parse("{\"file_id\":\"f\"}")))))));
    }

    /**
     * Requests some upstream documents as valid, which earlier rules refused: each is built, and
     * written and read back unchanged.
     */
    static Stream<Arguments> requestsAnUpstreamAccepts() {
        return Stream.of(
                Arguments.of("OpenRouter's provider preferences object (openrouter.ai/docs, provider routing)",
                        valid().extra("provider", JsonValue.parse("{\"order\":[\"anthropic\",\"openai\"],"
                                + "\"allow_fallbacks\":false}"))),
                Arguments.of("OpenRouter's server tool, which has no function (openrouter:web_search)",
                        valid().tool(new Tool("openrouter:web_search", null,
                                Map.of("parameters", JsonValue.parse("{\"max_results\":3}"))))),
                Arguments.of("OpenAI's custom tool (type custom, no function member)",
                        valid().tool(new Tool("custom", null, Map.of("custom", JsonValue.parse(
                                "{\"name\":\"code_exec\",\"description\":\"Runs code\"}"))))),
                Arguments.of("a custom tool call in the history, which has no function member",
                        valid().message(new Message(Message.ASSISTANT, null, null, null, List.of(new ToolCall(
                                "call_1", "custom", null, Map.of("custom", JsonValue.parse(
                                        "{\"name\":\"code_exec\",\"input\":\"print(1)\"}")))), Map.of()))
                                .message(Message.tool("call_1", "1"))),
                Arguments.of("OpenRouter's reasoning {\"enabled\": true}",
                        valid().reasoning(new Reasoning(null, Map.of("enabled", JsonValue.TRUE)))),
                Arguments.of("OpenRouter's reasoning {\"max_tokens\": 2048}",
                        valid().reasoning(new Reasoning(null, Map.of("max_tokens", JsonValue.of(2048))))),
                Arguments.of("OpenRouter's reasoning {\"exclude\": true}",
                        valid().reasoning(new Reasoning(null, Map.of("exclude", JsonValue.TRUE)))),
                Arguments.of("Gemini's empty tool call ids, sent back as Gemini returned them",
                        valid().message(Message.assistantToolCalls(List.of(ToolCall.function("", "f", "{}"))))
                                .message(Message.tool("", "42"))),
                Arguments.of("a tool call without an id, for a server that ignores ids",
                        valid().message(Message.assistantToolCalls(List.of(ToolCall.function(null, "f", "{}"))))),
                Arguments.of("max_tokens -1, \"no limit\" to LM Studio and llama.cpp's server",
                        valid().maxTokens(-1)),
                Arguments.of("max_tokens 0", valid().maxTokens(0)),
                Arguments.of("a temperature above OpenAI's 2, for a server of another range", valid().temperature(2.5)),
                Arguments.of("a negative temperature, greedy sampling to llama.cpp's server", valid().temperature(-1.0)),
                Arguments.of("function parameters as JSON null", valid().tool(Tool.function("f", null, JsonValue.NULL))),
                Arguments.of("function parameters as the boolean schema true",
                        valid().tool(Tool.function("f", null, JsonValue.TRUE))),
                Arguments.of("OpenRouter's prompt in place of messages (openrouter.ai/docs, request schema)",
                        ChatRequest.builder().model("openai/gpt-4o-mini").extra("prompt", JsonValue.of("Hello"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestsAnUpstreamAccepts")
    void acceptsRequestsAnUpstreamAcceptsAndRoundTripsThem(String name, ChatRequest.Builder builder) {
        ChatRequest request = builder.build();

        byte[] json = ChatJson.writeRequest(request);

        assertThat(ChatJson.readRequest(json)).isEqualTo(request);
        assertThat(ChatJson.writeRequest(ChatJson.readRequest(json))).isEqualTo(json);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"model", "messages", "max_tokens", "temperature", "tools", "tool_choice",
            "parallel_tool_calls", "stream", "stream_options", "reasoning"})
    void anExtraMemberNamedLikeARequestFieldIsRejectedRatherThanDropped(String field) {
        assertThatThrownBy(() -> valid().extra(field, JsonValue.of(1)).build())
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("extra." + field + " must not name a request field: set " + field + " itself, or "
                        + "Builder.explicitNull(\"" + field + "\") for JSON null (an extra member of that name would "
                        + "not be sent)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validRequests")
    void acceptsValidRequests(String name, ChatRequest.Builder builder) {
        ChatRequest[] built = new ChatRequest[1];
        assertThatCode(() -> built[0] = builder.build()).doesNotThrowAnyException();
        assertThat(built[0].model()).isEqualTo("gpt-4o-mini");
        assertThat(built[0].messages()).isNotEmpty();
    }

    @Test
    void mutatingTheBuilderAfterBuildDoesNotChangeTheRequest() {
        ChatRequest.Builder builder = valid()
                .tool(Tool.function("f", null, OBJECT_SCHEMA))
                .extra("seed", JsonValue.of(1));
        ChatRequest request = builder.build();

        builder.user("second").tool(Tool.function("g", null, OBJECT_SCHEMA)).extra("top_p", JsonValue.of(0.5))
                .extra("seed", JsonValue.of(2)).model("other");

        assertThat(request.model()).isEqualTo("gpt-4o-mini");
        assertThat(request.messages()).containsExactly(Message.user("Hello"));
        assertThat(request.tools()).extracting(t -> t.function().name()).containsExactly("f");
        assertThat(request.extra()).containsExactly(Map.entry("seed", JsonValue.of(1)));
        assertThat(builder.build().messages()).hasSize(2);
    }

    @Test
    void builderIsReusableAndCopiesListsPassedToIt() {
        List<Message> messages = new java.util.ArrayList<>(List.of(Message.user("a")));
        List<Tool> tools = new java.util.ArrayList<>(List.of(Tool.function("f", null, null)));
        ChatRequest.Builder builder = ChatRequest.builder().model("m").messages(messages).tools(tools);
        messages.add(Message.user("b"));
        tools.add(Tool.function("g", null, null));

        ChatRequest request = builder.build();

        assertThat(request.messages()).hasSize(1);
        assertThat(request.tools()).hasSize(1);
    }

    @Test
    void listsAndExtraOfTheRequestAreUnmodifiable() {
        ChatRequest request = valid().tool(Tool.function("f", null, null)).extra("seed", JsonValue.of(1)).build();

        assertThatThrownBy(() -> request.messages().add(Message.user("x")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> request.tools().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> request.extra().put("x", JsonValue.TRUE))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void canonicalConstructorCopiesItsLists() {
        List<Message> messages = new java.util.ArrayList<>(List.of(Message.user("a")));
        ChatRequest request = new ChatRequest("m", messages, null, null, null, null, null, null, null, null, null, null);
        messages.add(Message.user("b"));

        assertThat(request.messages()).containsExactly(Message.user("a"));
        assertThat(request.tools()).isNull();
        assertThat(request.extra()).isEmpty();
    }

    @Test
    void toBuilderRoundTripGivesAnEqualRequest() {
        ChatRequest request = valid()
                .system("s")
                .maxTokens(10)
                .temperature(0.7)
                .tool(Tool.function("f", "d", OBJECT_SCHEMA))
                .toolChoice(ToolChoice.REQUIRED)
                .parallelToolCalls(false)
                .stream(true)
                .streamOptions(StreamOptions.withUsage())
                .reasoningEffort("low")
                .provider("openai")
                .extra("seed", JsonValue.of(3))
                .extra("user", JsonValue.of("u"))
                .build();

        ChatRequest copy = request.toBuilder().build();

        assertThat(copy).isEqualTo(request).isNotSameAs(request);
        assertThat(copy.hashCode()).isEqualTo(request.hashCode());
        assertThat(request.withModel("other")).isEqualTo(request.toBuilder().model("other").build());
        assertThat(request.withModel("other").model()).isEqualTo("other");
    }

    @Test
    void toBuilderKeepsAbsentToolsAbsent() {
        ChatRequest request = valid().build();

        assertThat(request.toBuilder().build().tools()).isNull();
    }

    @Test
    void extraWithNullValueRemovesTheMember() {
        ChatRequest request = valid()
                .extra("seed", JsonValue.of(1))
                .extra("top_p", JsonValue.of(0.9))
                .extra("seed", null)
                .build();

        assertThat(request.extra()).containsOnlyKeys("top_p");
        assertThat(request.toBuilder().extra("top_p", null).build().extra()).isEmpty();
    }

    @Test
    void builderRejectsNullMessageAndTool() {
        assertThatThrownBy(() -> valid().message(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("message");
        assertThatThrownBy(() -> valid().tool(null)).isInstanceOf(NullPointerException.class).hasMessage("tool");
        assertThatThrownBy(() -> valid().extra(null, JsonValue.TRUE)).isInstanceOf(NullPointerException.class)
                .hasMessage("name");
    }
}
