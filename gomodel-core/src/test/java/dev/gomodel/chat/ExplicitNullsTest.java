package dev.gomodel.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomodel.chat.ChatCompletionChunk.ChunkChoice;
import dev.gomodel.chat.ChatCompletionChunk.Delta;
import dev.gomodel.chat.ChatCompletionChunk.ToolCallDelta;
import dev.gomodel.chat.ContentPart.AudioPart;
import dev.gomodel.chat.ContentPart.ImagePart;
import dev.gomodel.chat.ContentPart.ImageUrl;
import dev.gomodel.chat.ContentPart.InputAudio;
import dev.gomodel.chat.ContentPart.TextPart;
import dev.gomodel.chat.ContentPart.ThinkingPart;
import dev.gomodel.chat.Usage.CompletionTokensDetails;
import dev.gomodel.chat.Usage.PromptTokensDetails;
import dev.gomodel.json.ChatJson;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each record's {@code nulls}: it holds only members of the record whose component is unset, is
 * refused for a name the record does not model, and takes part in equality.
 */
class ExplicitNullsTest {

    private static final ChatRequest REQUEST = ChatRequest.builder().model("m").user("hi").build();

    /**
     * One record type: its nullable members, and the record with every component set or unset,
     * made with the given {@code nulls}.
     */
    record Kind(String name, List<String> members, Function<Set<String>, Object> allSet,
            Function<Set<String>, Object> allUnset, Function<Object, Set<String>> nulls) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Kind> kinds() {
        FunctionCall call = new FunctionCall("f", "{}", Map.of());
        Usage usage = Usage.of(1, 1);
        return Stream.of(
                new Kind("ChatCompletion", List.of("id", "object", "created", "model", "provider", "system_fingerprint",
                        "choices", "usage"),
                        n -> new ChatCompletion("i", "o", 1L, "m", "p", "f",
                                List.of(new Choice(0, null, "stop", null, Map.of())), usage, Map.of(), n),
                        n -> new ChatCompletion(null, null, null, null, null, null, null, null, null, n),
                        r -> ((ChatCompletion) r).nulls()),
                new Kind("ChatCompletionChunk", List.of("id", "object", "created", "model", "provider",
                        "system_fingerprint", "choices", "usage"),
                        n -> new ChatCompletionChunk("i", "o", 1L, "m", "p", "f",
                                List.of(new ChunkChoice(0, null, null, null, Map.of())), usage, Map.of(), n),
                        n -> new ChatCompletionChunk(null, null, null, null, null, null, null, null, null, n),
                        r -> ((ChatCompletionChunk) r).nulls()),
                new Kind("Choice", List.of("index", "message", "finish_reason"),
                        n -> new Choice(1, Message.assistant("a"), "stop", null, Map.of(), n),
                        n -> new Choice(0, null, null, null, Map.of(), n), r -> ((Choice) r).nulls()),
                new Kind("ChunkChoice", List.of("index", "delta", "finish_reason"),
                        n -> new ChunkChoice(1, new Delta("r", "c", null, null, Map.of()), "stop", null, Map.of(), n),
                        n -> new ChunkChoice(0, null, null, null, Map.of(), n), r -> ((ChunkChoice) r).nulls()),
                new Kind("Delta", List.of("role", "content", "reasoning_content", "tool_calls"),
                        n -> new Delta("r", Content.text("c"), "t", List.of(), Map.of(), n),
                        n -> new Delta(null, (Content) null, null, null, Map.of(), n), r -> ((Delta) r).nulls()),
                new Kind("ToolCallDelta", List.of("index", "id", "type", "function"),
                        n -> new ToolCallDelta(1, "i", "function", call, Map.of(), n),
                        n -> new ToolCallDelta(0, null, null, null, Map.of(), n), r -> ((ToolCallDelta) r).nulls()),
                new Kind("Message", List.of("role", "content", "reasoning_content", "tool_call_id", "tool_calls"),
                        n -> new Message("r", Content.text("c"), "t", "i", List.of(), Map.of(), n),
                        n -> new Message(null, null, null, null, null, Map.of(), n), r -> ((Message) r).nulls()),
                new Kind("TextPart", List.of("text"), n -> new TextPart("t", Map.of(), n),
                        n -> new TextPart(null, Map.of(), n), r -> ((TextPart) r).nulls()),
                new Kind("ImagePart", List.of("image_url"),
                        n -> new ImagePart(new ImageUrl("u", null, null, Map.of()), Map.of(), n),
                        n -> new ImagePart(null, Map.of(), n), r -> ((ImagePart) r).nulls()),
                new Kind("AudioPart", List.of("input_audio"),
                        n -> new AudioPart(new InputAudio("d", "wav", Map.of()), Map.of(), n),
                        n -> new AudioPart(null, Map.of(), n), r -> ((AudioPart) r).nulls()),
                new Kind("ThinkingPart", List.of("thinking"), n -> new ThinkingPart(Content.text("t"), Map.of(), n),
                        n -> new ThinkingPart(null, Map.of(), n), r -> ((ThinkingPart) r).nulls()),
                new Kind("ImageUrl", List.of("url", "detail", "media_type"),
                        n -> new ImageUrl("u", "high", "image/png", Map.of(), n),
                        n -> new ImageUrl(null, null, null, Map.of(), n), r -> ((ImageUrl) r).nulls()),
                new Kind("InputAudio", List.of("data", "format"), n -> new InputAudio("d", "wav", Map.of(), n),
                        n -> new InputAudio(null, null, Map.of(), n), r -> ((InputAudio) r).nulls()),
                new Kind("ToolCall", List.of("id", "type", "function"), n -> new ToolCall("i", "function", call, Map.of(), n),
                        n -> new ToolCall(null, null, null, Map.of(), n), r -> ((ToolCall) r).nulls()),
                new Kind("FunctionCall", List.of("name", "arguments"), n -> new FunctionCall("f", "{}", Map.of(), n),
                        n -> new FunctionCall(null, null, Map.of(), n), r -> ((FunctionCall) r).nulls()),
                new Kind("Tool", List.of("type", "function"),
                        n -> new Tool("function", new FunctionDefinition("f", null, null, null, Map.of()), Map.of(), n),
                        n -> new Tool(null, null, Map.of(), n), r -> ((Tool) r).nulls()),
                new Kind("FunctionDefinition", List.of("name", "description", "strict"),
                        n -> new FunctionDefinition("f", "d", null, true, Map.of(), n),
                        n -> new FunctionDefinition(null, null, null, null, Map.of(), n),
                        r -> ((FunctionDefinition) r).nulls()),
                new Kind("StreamOptions", List.of("include_usage"), n -> new StreamOptions(true, Map.of(), n),
                        n -> new StreamOptions(null, Map.of(), n), r -> ((StreamOptions) r).nulls()),
                new Kind("Reasoning", List.of("effort"), n -> new Reasoning("low", Map.of(), n),
                        n -> new Reasoning(null, Map.of(), n), r -> ((Reasoning) r).nulls()),
                new Kind("Usage", List.of("prompt_tokens", "completion_tokens", "total_tokens", "prompt_tokens_details",
                        "completion_tokens_details"),
                        n -> new Usage(1, 2, 3, new PromptTokensDetails(1, null, null, null, Map.of()),
                                new CompletionTokensDetails(1, null, null, null, Map.of()), null, Map.of(), n),
                        n -> new Usage(0, 0, 0, null, null, null, Map.of(), n), r -> ((Usage) r).nulls()),
                new Kind("PromptTokensDetails", List.of("cached_tokens", "audio_tokens", "text_tokens", "image_tokens"),
                        n -> new PromptTokensDetails(1, 2, 3, 4, Map.of(), n),
                        n -> new PromptTokensDetails(null, null, null, null, Map.of(), n),
                        r -> ((PromptTokensDetails) r).nulls()),
                new Kind("CompletionTokensDetails", List.of("reasoning_tokens", "audio_tokens",
                        "accepted_prediction_tokens", "rejected_prediction_tokens"),
                        n -> new CompletionTokensDetails(1, 2, 3, 4, Map.of(), n),
                        n -> new CompletionTokensDetails(null, null, null, null, Map.of(), n),
                        r -> ((CompletionTokensDetails) r).nulls()),
                new Kind("ChatRequest", List.of("model", "messages", "max_tokens", "temperature", "tools", "tool_choice",
                        "parallel_tool_calls", "stream", "stream_options", "reasoning", "provider"),
                        n -> new ChatRequest("m", REQUEST.messages(), 1, 0.5, List.of(), ToolChoice.AUTO, true, true,
                                StreamOptions.withUsage(), Reasoning.effort("low"), "p", Map.of(), n),
                        // Valid requests need a model and a message (or a prompt): those two are set.
                        n -> new ChatRequest("m", null, null, null, null, null, null, null, null, null, null,
                                Map.of("prompt", JsonValue.of("hi")), n),
                        r -> ((ChatRequest) r).nulls()));
    }

    static Stream<Arguments> members() {
        return kinds().flatMap(kind -> kind.members().stream().map(member -> Arguments.of(kind, member)));
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("members")
    void aNullMemberIsKeptWhenItsComponentIsUnsetAndDroppedWhenItHasAValue(Kind kind, String member) {
        Object unset = kind.allUnset().apply(Set.of(member));
        Object set = kind.allSet().apply(Set.of(member));

        // A request's model is required, so its "unset" request has one.
        boolean requiredOfARequest = kind.name().equals("ChatRequest") && member.equals("model");
        assertThat(kind.nulls().apply(unset)).isEqualTo(requiredOfARequest ? Set.of() : Set.of(member));
        assertThat(kind.nulls().apply(set)).isEmpty();
        if (!requiredOfARequest) {
            assertThat(unset).isNotEqualTo(kind.allUnset().apply(Set.of()));
        }
        assertThat(set).isEqualTo(kind.allSet().apply(Set.of())).hasSameHashCodeAs(kind.allSet().apply(Set.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void everyMemberAtOnceIsKeptAndAnUnknownNameIsRefusedNamingTheMembers(Kind kind) {
        Set<String> all = new HashSet<>(kind.members());
        if (kind.name().equals("ChatRequest")) {
            all.remove("model");
        }

        assertThat(kind.nulls().apply(kind.allUnset().apply(all))).containsExactlyInAnyOrderElementsOf(all);
        assertThat(kind.nulls().apply(kind.allUnset().apply(null))).isEmpty();
        assertThatThrownBy(() -> kind.allUnset().apply(Set.of("refusal")))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("nulls: \"refusal\" is not a member of ")
                .hasMessageContaining("expected one of " + String.join(", ", kind.members()))
                .hasMessageEndingWith("(an unknown member that is null goes in extra as JsonValue.NULL)");
    }

    @Test
    void theSetsAreImmutableSharedAndEqualToAnySetOfTheSameNames() {
        Message a = new Message("user", Content.text("hi"), null, null, null, Map.of(),
                new HashSet<>(List.of("reasoning_content", "tool_calls")));
        Message b = new Message("user", Content.text("hi"), null, null, null, Map.of(),
                Set.of("tool_calls", "reasoning_content"));

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.nulls()).isSameAs(b.nulls()).isEqualTo(Set.of("reasoning_content", "tool_calls"))
                .hasSameHashCodeAs(Set.of("reasoning_content", "tool_calls"));
        assertThatThrownBy(() -> a.nulls().add("role")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> a.nulls().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new Message("user", null, null, null, null, Map.of(), new HashSet<>(
                java.util.Arrays.asList("content", null)))).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theSameNullsReadTwiceAreTheSameSet() {
        byte[] json = "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"},\"finish_reason\":null}],\"usage\":null}"
                .getBytes(StandardCharsets.UTF_8);

        ChatCompletionChunk first = ChatJson.readChunk(json, 0, json.length);
        ChatCompletionChunk second = ChatJson.readChunk(json, 0, json.length);

        assertThat(second.nulls()).isSameAs(first.nulls()).containsExactly("usage");
        assertThat(second.choices().get(0).nulls()).isSameAs(first.choices().get(0).nulls());
        assertThat(second).isEqualTo(first);
        byte[] absent = "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(ChatJson.readChunk(absent, 0, absent.length)).isNotEqualTo(first);
    }

    @Test
    void aValueSetLaterReplacesTheNull() {
        ChatCompletion completion = new ChatCompletion("c", null, null, null, null, null, List.of(), null, Map.of(),
                Set.of("provider", "system_fingerprint"));

        ChatCompletion served = completion.withProvider("openai");

        assertThat(served.nulls()).containsExactly("system_fingerprint");
        assertThat(served.withProvider(null).nulls()).containsExactly("system_fingerprint");
    }

    @Test
    void constructorsWithoutNullsWriteAMissingContentAndFinishReasonAsNullAsBefore() {
        assertThat(Message.assistantToolCalls(List.of(ToolCall.function("1", "f", "{}"))).nulls())
                .containsExactly("content");
        assertThat(Message.of("assistant", null).nulls()).containsExactly("content");
        assertThat(new Choice(0, null, null, null, Map.of()).nulls()).containsExactly("finish_reason");
        assertThat(new ChunkChoice(0, null, null, null, Map.of()).nulls()).containsExactly("finish_reason");
        assertThat(new Choice(0, null, "stop", null, Map.of()).nulls()).isEmpty();
        assertThat(new Delta(null, (String) null, null, null, Map.of()).nulls()).isEmpty();
    }

    @Test
    void theBuilderSendsAnExplicitNullUntilAValueReplacesIt() {
        ChatRequest.Builder builder = ChatRequest.builder().model("m").user("hi").temperature(0.5)
                .explicitNull("temperature").explicitNull("tools").explicitNull("stop");

        ChatRequest request = builder.build();

        assertThat(request.temperature()).isNull();
        assertThat(request.nulls()).containsExactlyInAnyOrder("temperature", "tools");
        assertThat(request.extra()).containsExactly(Map.entry("stop", JsonValue.NULL));
        assertThat(new String(ChatJson.writeRequest(request), StandardCharsets.UTF_8)).isEqualTo(
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"temperature\":null,"
                        + "\"tools\":null,\"stop\":null}");
        assertThat(request.toBuilder().build()).isEqualTo(request);
        assertThat(request.toBuilder().temperature(0.2).build().nulls()).containsExactly("tools");
        assertThat(request.toBuilder().tools(null).build().nulls()).containsExactly("temperature");
        assertThat(request.toBuilder().tool(Tool.function("f", null, null)).build().nulls())
                .containsExactly("temperature");
        assertThatThrownBy(() -> builder.explicitNull(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("member");
    }
}
