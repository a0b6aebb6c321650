package dev.gomodel.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every public factory, builder method and constructor of the chat package given a bad
 * argument: a missing argument is a {@link NullPointerException}, a present but unusable one an
 * {@link IllegalArgumentException}, and either message starts with the argument's name and says
 * what was expected. Request-level rules (JSON paths inside a {@link ChatRequest}) are in
 * {@link ChatRequestValidationTest}.
 */
class FactoryArgumentsTest {

    private static Arguments missing(String name, ThrowingCallable call, String message) {
        return Arguments.of(name, call, NullPointerException.class, message);
    }

    private static Arguments bad(String name, ThrowingCallable call, String message) {
        return Arguments.of(name, call, IllegalArgumentException.class, message);
    }

    private static Map<String, JsonValue> extraWithNullValue() {
        Map<String, JsonValue> extra = new HashMap<>();
        extra.put("seed", null);
        return extra;
    }

    private static Map<String, JsonValue> extraWithNullName() {
        Map<String, JsonValue> extra = new HashMap<>();
        extra.put(null, JsonValue.TRUE);
        return extra;
    }

    static Stream<Arguments> badArguments() {
        return Stream.of(
                // ChatRequest.Builder
                missing("ChatRequest.Builder.message(null)", () -> ChatRequest.builder().message(null), "message"),
                missing("ChatRequest.Builder.messages(null)", () -> ChatRequest.builder().messages(null), "messages"),
                missing("ChatRequest.Builder.messages with a null element",
                        () -> ChatRequest.builder().messages(Arrays.asList(Message.user("a"), null)), "messages[1]"),
                missing("ChatRequest.Builder.tool(null)", () -> ChatRequest.builder().tool(null), "tool"),
                missing("ChatRequest.Builder.extra(null, value)",
                        () -> ChatRequest.builder().extra(null, JsonValue.TRUE), "name"),
                // Message
                missing("Message.tool(id, null)", () -> Message.tool("call_1", null),
                        "result is required: expected the tool's output as text"),
                missing("Message.assistantToolCalls(null)", () -> Message.assistantToolCalls(null), "toolCalls"),
                bad("Message.assistantToolCalls(empty)", () -> Message.assistantToolCalls(List.of()),
                        "toolCalls must contain at least one tool call; use Message.assistant(text)"),
                missing("Message.user((ContentPart[]) null)", () -> Message.user((ContentPart[]) null), "parts"),
                missing("Message with a null extra value",
                        () -> new Message("user", null, null, null, null, extraWithNullValue()),
                        "extra member \"seed\" (use JsonValue.NULL for JSON null)"),
                missing("Message with a null extra name",
                        () -> new Message("user", null, null, null, null, extraWithNullName()), "extra member name"),
                // Content and its parts
                missing("Content.text(null)", () -> Content.text(null), "text is required: expected a string"),
                missing("Content.parts((List) null)", () -> Content.parts((List<ContentPart>) null), "parts"),
                missing("Content.parts((ContentPart[]) null)", () -> Content.parts((ContentPart[]) null), "parts"),
                missing("new OtherPart(null, members)", () -> new ContentPart.OtherPart(null, Map.of()), "type"),
                missing("new TextPart with a null extra value", () -> new ContentPart.TextPart("a", extraWithNullValue()),
                        "extra member \"seed\""),
                // ToolChoice
                missing("ToolChoice.function(null)", () -> ToolChoice.function(null),
                        "name is required: expected the name of the function to call"),
                missing("new ToolChoice.Mode(null)", () -> new ToolChoice.Mode(null),
                        "mode is required: expected \"auto\", \"none\" or \"required\""),
                missing("new ToolChoice.Other(null)", () -> new ToolChoice.Other(null),
                        "value is required: expected a tool_choice JSON object"),
                // JsonValue
                missing("JsonValue.parse(null)", () -> JsonValue.parse(null), "json"),
                bad("JsonValue.parse(\"\")", () -> JsonValue.parse(""), "JSON value is empty"),
                bad("JsonValue.parse(blank)", () -> JsonValue.parse("   "), "JSON value is empty"),
                bad("JsonValue.parse(malformed)", () -> JsonValue.parse("{\"a\":"), "not valid JSON: "),
                bad("JsonValue.parse(two values)", () -> JsonValue.parse("1 2"),
                        "JSON value has trailing content after offset 2"),
                missing("JsonValue.of((String) null)", () -> JsonValue.of((String) null), "text"),
                bad("JsonValue.of(NaN)", () -> JsonValue.of(Double.NaN), "JSON numbers must be finite, got NaN"),
                bad("JsonValue.of(Infinity)", () -> JsonValue.of(Double.POSITIVE_INFINITY),
                        "JSON numbers must be finite, got Infinity"),
                bad("JsonValue.of(-Infinity)", () -> JsonValue.of(Double.NEGATIVE_INFINITY),
                        "JSON numbers must be finite, got -Infinity"),
                // The accumulator and the route report
                missing("ChatCompletionAccumulator.accept(null)", () -> new ChatCompletionAccumulator().accept(null),
                        "chunk"),
                missing("new RouteReport(null, elapsed)", () -> new RouteReport(null, Duration.ZERO), "attempts"),
                missing("new RouteReport(attempts, null)", () -> new RouteReport(List.of(), null), "elapsed"),
                missing("new Attempt without provider", () -> new RouteReport.Attempt(null, "m", 0, 0,
                        RouteReport.Outcome.OK, null, Duration.ZERO, Duration.ZERO), "provider"),
                missing("new Attempt without outcome", () -> new RouteReport.Attempt("p", "m", 0, 0, null, null,
                        Duration.ZERO, Duration.ZERO), "outcome"),
                missing("new Attempt without waited", () -> new RouteReport.Attempt("p", "m", 0, 0,
                        RouteReport.Outcome.OK, null, null, Duration.ZERO), "waited"),
                missing("new Attempt without latency", () -> new RouteReport.Attempt("p", "m", 0, 0,
                        RouteReport.Outcome.OK, null, Duration.ZERO, null), "latency"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badArguments")
    void aBadArgumentFailsNamingIt(String name, ThrowingCallable call, Class<? extends RuntimeException> type,
            String message) {
        assertThatThrownBy(call).isExactlyInstanceOf(type).hasMessageStartingWith(message);
    }

    @Test
    void theResponseRecordsTakeWhateverAnUpstreamSent() {
        // Responses are parsed, not built: a missing id, model or message, a negative count or an
        // unknown finish_reason is kept as it came rather than failing the whole answer.
        Choice choice = new Choice(-1, null, "brand_new_reason", null, null);
        ChatCompletion completion = new ChatCompletion(null, null, null, null, null, null, null,
                new Usage(-1, 0, -1, null, null, null, null), null);
        ChatCompletionChunk chunk = new ChatCompletionChunk(null, null, null, null, null, null, null, null, null);

        assertThat(choice.finishReason()).isEqualTo("brand_new_reason");
        assertThat(completion.choices()).isEmpty();
        assertThat(completion.usage().promptTokens()).isEqualTo(-1);
        assertThat(chunk.choices()).isEmpty();
        assertThat(chunk.extra()).isEmpty();
    }

    @Test
    void aMessageAndAToolCallOnTheirOwnAreNotCheckedUntilARequestHoldsThem() {
        // The same records carry responses, where a role or a name may be missing; the request
        // names the JSON path when it holds one (see ChatRequestValidationTest).
        Message noRole = Message.of(null, "hi");
        ToolCall noName = ToolCall.function("call_1", null, "{}");

        assertThat(noRole.role()).isNull();
        assertThat(noName.function().name()).isNull();
        assertThatThrownBy(() -> ChatRequest.builder().model("m").message(noRole).build())
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("messages[0].role is required");
        assertThatThrownBy(() -> ChatRequest.builder().model("m").user("hi")
                        .message(Message.assistantToolCalls(List.of(noName))).build())
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("messages[1].tool_calls[0].function.name is required");
    }
}
