package dev.gomodel.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gomodel.chat.ChatCompletionChunk.ChunkChoice;
import dev.gomodel.chat.ChatCompletionChunk.Delta;
import dev.gomodel.chat.ChatCompletionChunk.ToolCallDelta;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatCompletionAccumulatorTest {

    private final ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();

    private static ChatCompletionChunk chunk(ChunkChoice... choices) {
        return new ChatCompletionChunk("chatcmpl-1", ChatCompletionChunk.OBJECT, 100L, "gpt-4o", null, null,
                List.of(choices), null, Map.of());
    }

    private static ChunkChoice choice(int index, Delta delta, String finishReason) {
        return new ChunkChoice(index, delta, finishReason, null, Map.of());
    }

    private static ChunkChoice content(String text) {
        return choice(0, new Delta(null, text, null, null, Map.of()), null);
    }

    private static ChunkChoice toolFragments(ToolCallDelta... calls) {
        return choice(0, new Delta(null, null, null, List.of(calls), Map.of()), null);
    }

    private static ToolCallDelta call(int index, String id, String name, String arguments) {
        return new ToolCallDelta(index, id, id == null ? null : "function", new FunctionCall(name, arguments, Map.of()),
                Map.of());
    }

    private void acceptAll(ChatCompletionChunk... chunks) {
        for (ChatCompletionChunk chunk : chunks) {
            accumulator.accept(chunk);
        }
    }

    @Test
    void concatenatesContent() {
        acceptAll(chunk(choice(0, new Delta("assistant", "", null, null, Map.of()), null)),
                chunk(content("Hel")), chunk(content("lo")), chunk(content(", world")),
                chunk(choice(0, new Delta(null, null, null, null, Map.of()), Choice.STOP)));

        ChatCompletion result = accumulator.result();

        assertThat(result.text()).isEqualTo("Hello, world");
        assertThat(result.message().role()).isEqualTo("assistant");
        assertThat(result.finishReason()).isEqualTo(Choice.STOP);
        assertThat(result.object()).isEqualTo(ChatCompletion.OBJECT);
        assertThat(result.toolCalls()).isEmpty();
        assertThat(result.message().toolCalls()).isNull();
    }

    @Test
    void concatenatesReasoningContentApartFromContent() {
        acceptAll(chunk(choice(0, new Delta("assistant", null, "Let me ", null, Map.of()), null)),
                chunk(choice(0, new Delta(null, null, "think.", null, Map.of()), null)),
                chunk(content("42")));

        Message message = accumulator.result().message();

        assertThat(message.reasoningContent()).isEqualTo("Let me think.");
        assertThat(message.text()).isEqualTo("42");
    }

    @Test
    void contentStaysNullWhenNoFragmentCame() {
        acceptAll(chunk(choice(0, new Delta("assistant", null, null, null, Map.of()), Choice.STOP)));

        Message message = accumulator.result().message();

        assertThat(message.content()).isNull();
        assertThat(message.reasoningContent()).isNull();
    }

    @Test
    void mergesToolCallFragmentsByIndex() {
        acceptAll(chunk(toolFragments(call(0, "call_1", "get_weather", ""))),
                chunk(toolFragments(call(0, null, null, "{\"city\""))),
                chunk(toolFragments(call(0, null, null, ":\"Paris\"}"))),
                chunk(choice(0, new Delta(null, null, null, null, Map.of()), Choice.TOOL_CALLS)));

        ChatCompletion result = accumulator.result();

        assertThat(result.toolCalls()).containsExactly(ToolCall.function("call_1", "get_weather", "{\"city\":\"Paris\"}"));
        assertThat(result.finishReason()).isEqualTo(Choice.TOOL_CALLS);
        assertThat(result.message().content()).isNull();
    }

    @Test
    void idTypeAndNameComeFromTheFirstFragmentThatHasThem() {
        acceptAll(chunk(toolFragments(new ToolCallDelta(0, "call_1", "function",
                        new FunctionCall("first", "{", Map.of()), Map.of()))),
                chunk(toolFragments(new ToolCallDelta(0, "call_other", "other",
                        new FunctionCall("second", "}", Map.of()), Map.of()))));

        ToolCall call = accumulator.result().toolCalls().get(0);

        assertThat(call.id()).isEqualTo("call_1");
        assertThat(call.type()).isEqualTo("function");
        assertThat(call.function().name()).isEqualTo("first");
        assertThat(call.function().arguments()).isEqualTo("{}");
    }

    @Test
    void mergesTwoParallelToolCallsWithInterleavedFragments() {
        acceptAll(chunk(toolFragments(call(0, "call_a", "weather", ""))),
                chunk(toolFragments(call(1, "call_b", "time", ""))),
                chunk(toolFragments(call(0, null, null, "{\"city\":"))),
                chunk(toolFragments(call(1, null, null, "{\"zone\":"))),
                chunk(toolFragments(call(1, null, null, "\"CET\"}"), call(0, null, null, "\"Oslo\"}"))));

        assertThat(accumulator.result().toolCalls()).containsExactly(
                ToolCall.function("call_a", "weather", "{\"city\":\"Oslo\"}"),
                ToolCall.function("call_b", "time", "{\"zone\":\"CET\"}"));
    }

    @Test
    void toolCallsAreOrderedByIndexNotByArrival() {
        acceptAll(chunk(toolFragments(call(1, "call_b", "second", "{}"))),
                chunk(toolFragments(call(0, "call_a", "first", "{}"))));

        assertThat(accumulator.result().toolCalls()).extracting(ToolCall::id).containsExactly("call_a", "call_b");
    }

    @Test
    void toolCallWithoutArgumentsOrTypeGetsDefaults() {
        acceptAll(chunk(toolFragments(new ToolCallDelta(0, "call_1", null, new FunctionCall("f", null, Map.of()),
                Map.of()))));

        ToolCall call = accumulator.result().toolCalls().get(0);

        assertThat(call.type()).isEqualTo(ToolCall.FUNCTION);
        assertThat(call.function().arguments()).isEmpty();
    }

    @Test
    void keepsMultipleChoicesApartByIndex() {
        acceptAll(chunk(choice(1, new Delta("assistant", "B", null, null, Map.of()), null),
                        choice(0, new Delta("assistant", "A", null, null, Map.of()), null)),
                chunk(choice(0, new Delta(null, "a", null, null, Map.of()), Choice.STOP)),
                chunk(choice(1, new Delta(null, "b", null, null, Map.of()), Choice.LENGTH)));

        List<Choice> choices = accumulator.result().choices();

        assertThat(choices).extracting(Choice::index).containsExactly(0, 1);
        assertThat(choices).extracting(c -> c.message().text()).containsExactly("Aa", "Bb");
        assertThat(choices).extracting(Choice::finishReason).containsExactly(Choice.STOP, Choice.LENGTH);
    }

    @Test
    void lastNonNullFinishReasonWins() {
        acceptAll(chunk(choice(0, new Delta(null, "x", null, null, Map.of()), Choice.LENGTH)),
                chunk(choice(0, null, null)));

        assertThat(accumulator.result().finishReason()).isEqualTo(Choice.LENGTH);
        accumulator.accept(chunk(choice(0, null, Choice.STOP)));
        assertThat(accumulator.result().finishReason()).isEqualTo(Choice.STOP);
    }

    @Test
    void takesUsageFromTheUsageOnlyLastChunk() {
        Usage usage = Usage.of(12, 3);
        acceptAll(chunk(content("Hi")), chunk(choice(0, null, Choice.STOP)),
                new ChatCompletionChunk("chatcmpl-1", ChatCompletionChunk.OBJECT, 100L, "gpt-4o", null, null, List.of(),
                        usage, Map.of()));

        ChatCompletion result = accumulator.result();

        assertThat(result.usage()).isEqualTo(usage);
        assertThat(result.choices()).hasSize(1);
        assertThat(result.text()).isEqualTo("Hi");
    }

    @Test
    void takesIdModelCreatedProviderAndFingerprintFromTheFirstChunkThatHasThem() {
        acceptAll(new ChatCompletionChunk("id-1", ChatCompletionChunk.OBJECT, 100L, "gpt-4o-2024", null, "fp_1",
                        List.of(content("a")), null, Map.of()),
                new ChatCompletionChunk("id-2", ChatCompletionChunk.OBJECT, 200L, "other", "openai", "fp_2",
                        List.of(content("b")), null, Map.of()));

        ChatCompletion result = accumulator.result();

        assertThat(result.id()).isEqualTo("id-1");
        assertThat(result.created()).isEqualTo(100L);
        assertThat(result.model()).isEqualTo("gpt-4o-2024");
        assertThat(result.systemFingerprint()).isEqualTo("fp_1");
        assertThat(result.provider()).isEqualTo("openai");
    }

    @Test
    void concatenatesStringAndArrayDeltaExtrasAndKeepsTheLastOtherExtra() {
        acceptAll(chunk(choice(0, new Delta("assistant", null, null, null,
                        Map.of("refusal", JsonValue.of("I can"), "annotations", JsonValue.parse("[1]"),
                                "audio", JsonValue.parse("{\"id\":\"a\"}"))), null)),
                chunk(choice(0, new Delta(null, null, null, null,
                        Map.of("refusal", JsonValue.of("'t \"help\""), "annotations", JsonValue.parse("[]"))), null)),
                chunk(choice(0, new Delta(null, null, null, null,
                        Map.of("annotations", JsonValue.parse("[2, {\"k\": 3}]"),
                                "audio", JsonValue.parse("{\"id\":\"b\"}"))), null)),
                chunk(choice(0, new Delta(null, null, null, null, Map.of("refusal", JsonValue.of("."))), null)));

        Map<String, JsonValue> extra = accumulator.result().message().extra();

        assertThat(extra.get("refusal").asString()).isEqualTo("I can't \"help\".");
        assertThat(extra.get("annotations")).isEqualTo(JsonValue.parse("[1,2, {\"k\": 3}]"));
        assertThat(extra.get("audio")).isEqualTo(JsonValue.parse("{\"id\":\"b\"}"));
    }

    @Test
    void chunkChoiceAndToolCallExtrasKeepTheLastValue() {
        acceptAll(new ChatCompletionChunk("id", null, 1L, "m", null, null,
                        List.of(new ChunkChoice(0, null, null, null, Map.of("stop_reason", JsonValue.of("a")))), null,
                        Map.of("service_tier", JsonValue.of("default"))),
                new ChatCompletionChunk("id", null, 1L, "m", null, null,
                        List.of(new ChunkChoice(0, null, null, null, Map.of("stop_reason", JsonValue.of("b")))), null,
                        Map.of("service_tier", JsonValue.of("flex"))));

        ChatCompletion result = accumulator.result();

        assertThat(result.extra()).containsExactly(Map.entry("service_tier", JsonValue.of("flex")));
        assertThat(result.choices().get(0).extra()).containsExactly(Map.entry("stop_reason", JsonValue.of("b")));
    }

    @Test
    void keepsTheLastNonNullLogprobs() {
        JsonValue first = JsonValue.parse("{\"content\":[1]}");
        acceptAll(chunk(new ChunkChoice(0, null, null, first, Map.of())),
                chunk(new ChunkChoice(0, null, null, JsonValue.NULL, Map.of())),
                chunk(new ChunkChoice(0, null, null, null, Map.of())));

        assertThat(accumulator.result().choices().get(0).logprobs()).isEqualTo(first);
    }

    @Test
    void roleDefaultsToAssistantAndOtherwiseComesFromTheFirstDelta() {
        accumulator.accept(chunk(content("x")));
        assertThat(accumulator.result().message().role()).isEqualTo(Message.ASSISTANT);

        ChatCompletionAccumulator other = new ChatCompletionAccumulator();
        other.accept(chunk(choice(0, new Delta("tool", "x", null, null, Map.of()), null)));
        other.accept(chunk(choice(0, new Delta("assistant", "y", null, null, Map.of()), null)));
        assertThat(other.result().message().role()).isEqualTo("tool");
    }

    @Test
    void countsChunksIncludingEmptyOnes() {
        assertThat(accumulator.chunkCount()).isZero();
        assertThat(accumulator.result().choices()).isEmpty();

        acceptAll(chunk(content("a")), chunk(), chunk(content("b")));

        assertThat(accumulator.chunkCount()).isEqualTo(3);
    }

    @Test
    void resultCanBeTakenMidStreamAndLaterReflectsMore() {
        accumulator.accept(chunk(content("Hel")));
        ChatCompletion partial = accumulator.result();
        accumulator.accept(chunk(content("lo")));

        assertThat(partial.text()).isEqualTo("Hel");
        assertThat(accumulator.result().text()).isEqualTo("Hello");
    }
}
