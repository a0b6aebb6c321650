package dev.gomodel.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordsTest {

    @Test
    void extraKeepsInsertionOrder() {
        LinkedHashMap<String, JsonValue> extra = new LinkedHashMap<>();
        for (String name : List.of("zeta", "alpha", "mu", "beta", "omega", "gamma", "delta", "epsilon")) {
            extra.put(name, JsonValue.of(name));
        }

        Map<String, JsonValue> copy = Copies.extra(extra);

        assertThat(copy.keySet()).containsExactly("zeta", "alpha", "mu", "beta", "omega", "gamma", "delta", "epsilon");
        assertThat(new Tool("function", null, extra).extra().keySet())
                .containsExactly("zeta", "alpha", "mu", "beta", "omega", "gamma", "delta", "epsilon");
    }

    @Test
    void extraIsACopyAndUnmodifiable() {
        LinkedHashMap<String, JsonValue> extra = new LinkedHashMap<>();
        extra.put("seed", JsonValue.of(1));
        Map<String, JsonValue> copy = Copies.extra(extra);
        extra.put("top_p", JsonValue.of(0.5));

        assertThat(copy).containsExactly(Map.entry("seed", JsonValue.of(1)));
        assertThatThrownBy(() -> copy.put("x", JsonValue.TRUE)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(Copies.extra(null)).isEmpty();
    }

    @Test
    void extraIsCopiedOnceAndSharedByCopiesOfTheRecord() {
        LinkedHashMap<String, JsonValue> extra = new LinkedHashMap<>();
        extra.put("service_tier", JsonValue.of("default"));
        ChatCompletionChunk chunk = new ChatCompletionChunk("c", ChatCompletionChunk.OBJECT, 1L, "m", null, null,
                List.of(), null, extra);

        assertThat(Copies.extra(chunk.extra())).isSameAs(chunk.extra());
        assertThat(chunk.withProvider("openai").extra()).isSameAs(chunk.extra());
        assertThatThrownBy(() -> chunk.extra().entrySet().iterator().next().setValue(JsonValue.TRUE))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> chunk.extra().keySet().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(chunk.extra()).isEqualTo(Map.of("service_tier", JsonValue.of("default")))
                .hasSameHashCodeAs(Map.of("service_tier", JsonValue.of("default")));
    }

    @Test
    void anUnmodifiableViewOfAMapSomeoneElseHoldsIsStillCopied() {
        LinkedHashMap<String, JsonValue> extra = new LinkedHashMap<>();
        extra.put("seed", JsonValue.of(1));
        Map<String, JsonValue> copy = Copies.extra(Collections.unmodifiableMap(extra));
        extra.put("top_p", JsonValue.of(0.5));

        assertThat(copy).containsExactly(Map.entry("seed", JsonValue.of(1)));
    }

    @Test
    void extraRejectsNullValueNamingTheMember() {
        Map<String, JsonValue> extra = new HashMap<>();
        extra.put("seed", null);

        assertThatThrownBy(() -> Copies.extra(extra))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("\"seed\"")
                .hasMessageContaining("JsonValue.NULL");
        assertThatThrownBy(() -> new Usage(1, 2, 3, null, null, null, extra))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("\"seed\"");
    }

    @Test
    void extraRejectsNullName() {
        Map<String, JsonValue> extra = new HashMap<>();
        extra.put(null, JsonValue.TRUE);

        assertThatThrownBy(() -> Copies.extra(extra))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("extra member name");
    }

    @Test
    void messageUserWithText() {
        Message message = Message.user("Hello");

        assertThat(message.role()).isEqualTo(Message.USER);
        assertThat(message.content()).isEqualTo(new Content.Text("Hello"));
        assertThat(message.text()).isEqualTo("Hello");
        assertThat(message.toolCalls()).isNull();
        assertThat(message.toolCallId()).isNull();
        assertThat(message.extra()).isEmpty();
    }

    @Test
    void messageUserWithParts() {
        Message message = Message.user(ContentPart.text("What is "), ContentPart.imageUrl("https://x/cat.png"),
                ContentPart.text("this?"));

        assertThat(message.role()).isEqualTo(Message.USER);
        assertThat(message.content()).isInstanceOf(Content.Parts.class);
        assertThat(((Content.Parts) message.content()).parts()).extracting(ContentPart::type)
                .containsExactly("text", "image_url", "text");
        assertThat(message.text()).isEqualTo("What is this?");
    }

    @Test
    void messageTool() {
        Message message = Message.tool("call_1", "{\"temp\":21}");

        assertThat(message.role()).isEqualTo(Message.TOOL);
        assertThat(message.toolCallId()).isEqualTo("call_1");
        assertThat(message.text()).isEqualTo("{\"temp\":21}");
    }

    @Test
    void messageWithNullTextHasNullContent() {
        Message message = Message.assistant(null);

        assertThat(message.content()).isNull();
        assertThat(message.text()).isNull();
        assertThat(Message.assistant("").text()).isEmpty();
    }

    @Test
    void assistantToolCallsHasNullContentAndCopiedCalls() {
        List<ToolCall> calls = new java.util.ArrayList<>(List.of(ToolCall.function("call_1", "f", "{}")));
        Message message = Message.assistantToolCalls(calls);
        calls.clear();

        assertThat(message.content()).isNull();
        assertThat(message.toolCalls()).containsExactly(ToolCall.function("call_1", "f", "{}"));
        assertThat(message.toolCalls().get(0).type()).isEqualTo(ToolCall.FUNCTION);
        assertThatThrownBy(() -> message.toolCalls().add(null)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void partsAsTextJoinsOnlyTextPartsWithoutSeparator() {
        Content parts = Content.parts(
                ContentPart.text("a"),
                ContentPart.inputAudio("UklGRg==", "wav"),
                new ContentPart.TextPart(null, Map.of()),
                ContentPart.text("b"),
                new ContentPart.OtherPart("file", Map.of()),
                ContentPart.text(""));

        assertThat(parts.asText()).isEqualTo("ab");
        assertThat(Content.parts(List.of()).asText()).isEmpty();
        assertThat(Content.text("").asText()).isEmpty();
    }

    @Test
    void partsAreCopiedAndUnmodifiable() {
        List<ContentPart> list = new java.util.ArrayList<>(List.of(ContentPart.text("a")));
        Content.Parts parts = new Content.Parts(list);
        list.add(ContentPart.text("b"));

        assertThat(parts.asText()).isEqualTo("a");
        assertThatThrownBy(() -> parts.parts().add(ContentPart.text("c")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void completionAccessorsOnEmptyChoices() {
        ChatCompletion completion = new ChatCompletion("id", ChatCompletion.OBJECT, 1L, "m", null, null, null, null,
                null);

        assertThat(completion.choices()).isEmpty();
        assertThat(completion.message()).isNull();
        assertThat(completion.text()).isNull();
        assertThat(completion.finishReason()).isNull();
        assertThat(completion.toolCalls()).isEmpty();
        assertThat(completion.extra()).isEmpty();
    }

    @Test
    void completionAccessorsReadTheFirstChoice() {
        ToolCall call = ToolCall.function("call_1", "f", "{\"a\":1}");
        ChatCompletion completion = new ChatCompletion("id", ChatCompletion.OBJECT, 1L, "m", null, null, List.of(
                new Choice(0, new Message(Message.ASSISTANT, Content.text("first"), null, null, List.of(call), Map.of()),
                        Choice.TOOL_CALLS, null, Map.of()),
                new Choice(1, Message.assistant("second"), Choice.STOP, null, Map.of())), Usage.of(3, 4), Map.of());

        assertThat(completion.text()).isEqualTo("first");
        assertThat(completion.finishReason()).isEqualTo(Choice.TOOL_CALLS);
        assertThat(completion.toolCalls()).containsExactly(call);
        assertThat(completion.usage().totalTokens()).isEqualTo(7);
        assertThat(completion.withProvider("openai").provider()).isEqualTo("openai");
        assertThat(completion.withProvider("openai").withProvider(null)).isEqualTo(completion);
    }

    @Test
    void completionToolCallsIsEmptyWhenTheMessageHasNone() {
        ChatCompletion completion = new ChatCompletion("id", ChatCompletion.OBJECT, 1L, "m", null, null,
                List.of(new Choice(0, Message.assistant("hi"), Choice.STOP, null, Map.of())), null, Map.of());

        assertThat(completion.toolCalls()).isEmpty();
        assertThat(completion.text()).isEqualTo("hi");
    }

    @Test
    void completionWithoutMessageInFirstChoice() {
        ChatCompletion completion = new ChatCompletion("id", ChatCompletion.OBJECT, 1L, "m", null, null,
                List.of(new Choice(0, null, Choice.LENGTH, null, Map.of())), null, Map.of());

        assertThat(completion.text()).isNull();
        assertThat(completion.toolCalls()).isEmpty();
        assertThat(completion.finishReason()).isEqualTo(Choice.LENGTH);
    }

    @Test
    void chunkTextAndFinishReason() {
        ChatCompletionChunk empty = new ChatCompletionChunk("id", ChatCompletionChunk.OBJECT, 1L, "m", null, null,
                List.of(), Usage.of(1, 1), Map.of());
        ChatCompletionChunk chunk = new ChatCompletionChunk("id", ChatCompletionChunk.OBJECT, 1L, "m", null, null,
                List.of(new ChatCompletionChunk.ChunkChoice(0,
                                new ChatCompletionChunk.Delta(null, "hi", null, null, Map.of()), null, null, Map.of()),
                        new ChatCompletionChunk.ChunkChoice(1, null, Choice.STOP, null, Map.of())),
                null, Map.of());

        assertThat(empty.text()).isNull();
        assertThat(empty.finishReason()).isNull();
        assertThat(chunk.text()).isEqualTo("hi");
        assertThat(chunk.finishReason()).isEqualTo(Choice.STOP);
        assertThat(chunk.withProvider("groq").provider()).isEqualTo("groq");
    }

    @Test
    void factoriesFillTheirDefaults() {
        assertThat(Tool.function("f", "d", null).type()).isEqualTo("function");
        assertThat(Tool.function("f", "d", null).function().strict()).isNull();
        assertThat(StreamOptions.withUsage().includeUsage()).isTrue();
        assertThat(Reasoning.effort("low").effort()).isEqualTo("low");
        assertThat(Usage.of(2, 5)).isEqualTo(new Usage(2, 5, 7, null, null, null, Map.of()));
        assertThat(ToolChoice.function("f")).isEqualTo(new ToolChoice.Function("f"));
        assertThat(ToolChoice.AUTO).isEqualTo(new ToolChoice.Mode("auto"));
    }
}
