package dev.gomodel.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gomodel.chat.ChatCompletionChunk.ChunkChoice;
import dev.gomodel.chat.ChatCompletionChunk.Delta;
import dev.gomodel.chat.ChatCompletionChunk.ToolCallDelta;
import dev.gomodel.json.ChatJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** The chunks of a codec fixture, {@code /dev/gomodel/json/<name>}, one per line. */
    private static List<ChatCompletionChunk> fixtureChunks(String name) {
        try (InputStream in = ChatCompletionAccumulatorTest.class.getResourceAsStream("/dev/gomodel/json/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank())
                    .map(line -> line.getBytes(StandardCharsets.UTF_8))
                    .map(json -> ChatJson.readChunk(json, 0, json.length)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void foldsMistralsThinkingPartsIntoTheReasoningAndItsTextPartsIntoTheContent() {
        List<ChatCompletionChunk> chunks = fixtureChunks("chunks-mistral-thinking.jsonl");
        chunks.forEach(accumulator::accept);

        ChatCompletion result = accumulator.result();

        assertThat(chunks).extracting(ChatCompletionChunk::text).containsExactly("", "", "", "2 + 2", " = 4.", "");
        assertThat(result.message().content()).isEqualTo(Content.text("2 + 2 = 4."));
        assertThat(result.message().reasoningContent()).isEqualTo("The user asks for 2+2. That is 4.");
        assertThat(result.finishReason()).isEqualTo(Choice.STOP);
        assertThat(result.usage().totalTokens()).isEqualTo(64);
    }

    @Test
    void aPartOfAnotherTypeIsKeptInItsPlaceAndTheContentBecomesParts() {
        ContentPart reference = new ContentPart.OtherPart("reference", Map.of("reference_ids", JsonValue.parse("[1]")));
        acceptAll(chunk(choice(0, new Delta(null, Content.parts(ContentPart.text("See")), null, null, Map.of(),
                        Set.of()), null)),
                chunk(choice(0, new Delta(null, Content.parts(reference, ContentPart.text(" the docs")), null, null,
                        Map.of(), Set.of()), null)),
                chunk(content(".")));

        assertThat(accumulator.result().message().content())
                .isEqualTo(Content.parts(ContentPart.text("See"), reference, ContentPart.text(" the docs.")));
        assertThat(accumulator.result().text()).isEqualTo("See the docs.");
    }

    @Test
    void aLaterNullNeverErasesWhatWasAccumulated() {
        List<ChatCompletionChunk> chunks = fixtureChunks("chunks-openrouter.jsonl");
        chunks.forEach(accumulator::accept);

        ChatCompletion result = accumulator.result();

        assertThat(chunks.get(2).choices().get(0).delta().extra()).containsEntry("reasoning", JsonValue.NULL);
        assertThat(result.message().extra().get("reasoning")).isEqualTo(JsonValue.of("Let me think."));
        assertThat(result.message().extra().get("reasoning_details")).isEqualTo(JsonValue.parse(
                "[{\"type\":\"reasoning.text\",\"text\":\"Let me\",\"format\":\"anthropic-claude-v1\",\"index\":0},"
                        + "{\"type\":\"reasoning.text\",\"text\":\" think.\",\"format\":\"anthropic-claude-v1\",\"index\":0}]"));
        assertThat(result.text()).isEqualTo("Java 25");
        assertThat(result.choices().get(0).extra()).containsEntry("native_finish_reason", JsonValue.of("error"));
    }

    @Test
    void aNullOfEveryOtherAccumulatedMemberMeansNothingNew() {
        ChatCompletionChunk first = new ChatCompletionChunk("c", null, 1L, "m", "p", "fp",
                List.of(new ChunkChoice(0, new Delta("assistant", Content.text("Hel"), "Think", List.of(call(0, "call_1",
                        "f", "{\"a\"")), Map.of("refusal", JsonValue.of("No"), "audio", JsonValue.parse("{\"id\":1}")),
                        Set.of()), null, JsonValue.parse("{\"content\":[]}"), Map.of("stop_reason", JsonValue.of("x")),
                        Set.of())),
                Usage.of(1, 2), Map.of("service_tier", JsonValue.of("default")), Set.of());
        ChatCompletionChunk nulls = new ChatCompletionChunk(null, null, null, null, null, null,
                List.of(new ChunkChoice(0, new Delta(null, (Content) null, null, List.of(new ToolCallDelta(0, null, null,
                        new FunctionCall(null, null, Map.of("x", JsonValue.NULL), Set.of("name", "arguments")),
                        Map.of("y", JsonValue.NULL), Set.of("id", "type"))),
                        Map.of("refusal", JsonValue.NULL, "audio", JsonValue.NULL),
                        Set.of("role", "content", "reasoning_content")), null, JsonValue.NULL,
                        Map.of("stop_reason", JsonValue.NULL), Set.of("finish_reason"))),
                null, Map.of("service_tier", JsonValue.NULL),
                Set.of("id", "created", "model", "provider", "system_fingerprint", "usage"));
        ChatCompletionChunk last = chunk(choice(0, new Delta(null, "lo", null, List.of(call(0, null, null, ":1}")),
                Map.of()), Choice.TOOL_CALLS));
        acceptAll(first, nulls, last);

        ChatCompletion result = accumulator.result();

        assertThat(result.id()).isEqualTo("c");
        assertThat(result.provider()).isEqualTo("p");
        assertThat(result.systemFingerprint()).isEqualTo("fp");
        assertThat(result.usage()).isEqualTo(Usage.of(1, 2));
        assertThat(result.nulls()).isEmpty();
        assertThat(result.extra()).containsExactly(Map.entry("service_tier", JsonValue.of("default")));
        Choice choice = result.choices().get(0);
        assertThat(choice.logprobs()).isEqualTo(JsonValue.parse("{\"content\":[]}"));
        assertThat(choice.extra()).containsExactly(Map.entry("stop_reason", JsonValue.of("x")));
        assertThat(choice.nulls()).isEmpty();
        assertThat(result.text()).isEqualTo("Hello");
        assertThat(result.message().reasoningContent()).isEqualTo("Think");
        assertThat(result.message().nulls()).isEmpty();
        assertThat(result.message().extra()).containsOnly(Map.entry("refusal", JsonValue.of("No")),
                Map.entry("audio", JsonValue.parse("{\"id\":1}")));
        ToolCall call = result.toolCalls().get(0);
        assertThat(call.id()).isEqualTo("call_1");
        assertThat(call.function().name()).isEqualTo("f");
        assertThat(call.function().arguments()).isEqualTo("{\"a\":1}");
        assertThat(call.nulls()).isEmpty();
        assertThat(call.function().nulls()).isEmpty();
        assertThat(call.extra()).containsExactly(Map.entry("y", JsonValue.NULL));
        assertThat(call.function().extra()).containsExactly(Map.entry("x", JsonValue.NULL));
    }

    @Test
    void aMemberThatCameOnlyAsNullIsNullInTheResultAndWrittenSo() {
        byte[] first = ("{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                + "\"system_fingerprint\":null,\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\","
                + "\"content\":\"Hi\",\"reasoning_content\":null},\"finish_reason\":null}],\"usage\":null}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] last = ("{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                + "\"system_fingerprint\":null,\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],"
                + "\"usage\":null}").getBytes(StandardCharsets.UTF_8);
        accumulator.accept(ChatJson.readChunk(first, 0, first.length));
        accumulator.accept(ChatJson.readChunk(last, 0, last.length));

        assertThat(new String(ChatJson.writeCompletion(accumulator.result()), StandardCharsets.UTF_8)).isEqualTo(
                "{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\",\"system_fingerprint\":null,"
                        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hi\","
                        + "\"reasoning_content\":null},\"finish_reason\":\"stop\"}],\"usage\":null}");
    }

    @Test
    void aMessageWithoutContentHasContentNullAsANonStreamedOneHas() {
        acceptAll(chunk(toolFragments(call(0, "call_1", "f", "{}"))), chunk(choice(0, null, Choice.TOOL_CALLS)));

        assertThat(new String(ChatJson.writeCompletion(accumulator.result()), StandardCharsets.UTF_8)).contains(
                "\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\"");
    }
}
