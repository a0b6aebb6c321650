package dev.gomodel.json;

import static dev.gomodel.json.JsonFixtures.lines;
import static dev.gomodel.json.JsonFixtures.resource;
import static dev.gomodel.json.JsonFixtures.text;
import static dev.gomodel.json.JsonFixtures.tree;
import static dev.gomodel.json.JsonFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.chat.Content;
import dev.gomodel.chat.ContentPart;
import dev.gomodel.chat.JsonValue;
import dev.gomodel.chat.Message;
import dev.gomodel.chat.Tool;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shapes real upstreams send and accept, from their public documentation, read into the
 * records and written back as they came: explicit nulls (OpenAI, vLLM, Mistral), OpenRouter's
 * provider preferences, server tools and reasoning options, an error beside a chunk's choices,
 * and Mistral's content parts in stream deltas.
 */
class ChatJsonFidelityTest {

    private static ChatCompletionChunk chunk(String line) {
        byte[] json = utf8(line);
        return ChatJson.readChunk(json, 0, json.length);
    }

    @Test
    void aCompletionsExplicitNullsAtEveryLevelAreReadAsNullAndWrittenBack() {
        byte[] input = resource("completion-nulls.json");

        ChatCompletion completion = ChatJson.readCompletion(input);

        assertThat(completion.provider()).isNull();
        assertThat(completion.systemFingerprint()).isNull();
        assertThat(completion.nulls()).containsExactlyInAnyOrder("provider", "system_fingerprint");
        Message message = completion.message();
        assertThat(message.text()).isEqualTo("Paris is 21 degrees.");
        assertThat(message.toolCalls()).isNull();
        assertThat(completion.toolCalls()).isEmpty();
        assertThat(message.reasoningContent()).isNull();
        assertThat(message.nulls()).containsExactlyInAnyOrder("reasoning_content", "tool_calls");
        assertThat(message.extra()).containsEntry("refusal", JsonValue.NULL);
        assertThat(completion.choices().get(0).logprobs()).isEqualTo(JsonValue.NULL);
        assertThat(completion.usage().promptTokensDetails()).isNull();
        assertThat(completion.usage().nulls()).containsExactly("prompt_tokens_details");
        assertThat(completion.usage().completionTokensDetails().nulls()).containsExactlyInAnyOrder(
                "reasoning_tokens", "accepted_prediction_tokens", "rejected_prediction_tokens");
        assertThat(completion.extra()).containsOnlyKeys("prompt_logprobs", "kv_transfer_params");
        assertThat(tree(ChatJson.writeCompletion(completion))).isEqualTo(tree(input));
    }

    @Test
    void openRoutersProviderPreferencesServerToolAndReasoningOptionsAreReadAndWrittenUnchanged() {
        byte[] input = resource("request-openrouter.json");

        ChatRequest request = ChatJson.readRequest(input);

        assertThat(request.provider()).isNull();
        assertThat(request.extra().get("provider")).isEqualTo(JsonValue.parse("{\"order\":[\"anthropic\","
                + "\"amazon-bedrock\"],\"allow_fallbacks\":false,\"only\":[\"anthropic\",\"amazon-bedrock\"],"
                + "\"data_collection\":\"deny\"}"));
        Tool webSearch = request.tools().get(0);
        assertThat(webSearch.type()).isEqualTo("openrouter:web_search");
        assertThat(webSearch.function()).isNull();
        assertThat(webSearch.extra()).containsExactly(Map.entry("parameters", JsonValue.parse("{\"max_results\":3}")));
        assertThat(request.tools().get(1).function().name()).isEqualTo("get_release_notes");
        assertThat(request.reasoning().effort()).isNull();
        assertThat(request.reasoning().extra()).containsExactly(Map.entry("max_tokens", JsonValue.of(2048)),
                Map.entry("exclude", JsonValue.FALSE));
        assertThat(tree(ChatJson.writeRequest(request))).isEqualTo(tree(input));
    }

    @Test
    void aStringProviderIsTheHintAndAnyOtherProviderABodyMember() {
        String hint = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"provider\":\"openai\"}";
        String object = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"provider\":{\"only\":[\"openai\"]}}";
        String array = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"provider\":[\"openai\"]}";

        assertThat(ChatJson.readRequest(utf8(hint)).provider()).isEqualTo("openai");
        assertThat(ChatJson.readRequest(utf8(hint)).extra()).isEmpty();
        assertThat(ChatJson.readRequest(utf8(object)).provider()).isNull();
        assertThat(ChatJson.readRequest(utf8(object)).extra()).containsOnlyKeys("provider");
        assertThat(text(ChatJson.writeRequest(ChatJson.readRequest(utf8(object))))).isEqualTo(object);
        assertThat(text(ChatJson.writeRequest(ChatJson.readRequest(utf8(array))))).isEqualTo(array);
    }

    @Test
    void aChunkWithAnErrorBesideItsChoicesKeepsBoth() {
        List<String> lines = lines("chunks-openrouter.jsonl");

        ChatCompletionChunk failed = chunk(lines.get(3));

        assertThat(failed.extra().get("error"))
                .isEqualTo(JsonValue.parse("{\"code\":400,\"message\":\"Token limit reached\"}"));
        assertThat(failed.finishReason()).isEqualTo("error");
        assertThat(failed.text()).isEmpty();
        assertThat(tree(ChatJson.writeChunk(failed))).isEqualTo(tree(lines.get(3)));
    }

    @Test
    void aDeltaWhoseContentIsAListOfPartsKeepsThePartsAndReadsAsTheTextPartsText() {
        List<String> lines = lines("chunks-mistral-thinking.jsonl");

        ChatCompletionChunk thinking = chunk(lines.get(1));
        ChatCompletionChunk answer = chunk(lines.get(3));

        ContentPart part = ((Content.Parts) thinking.choices().get(0).delta().content()).parts().get(0);
        assertThat(part).isInstanceOf(ContentPart.ThinkingPart.class);
        assertThat(((ContentPart.ThinkingPart) part).text()).isEqualTo("The user asks for 2+2.");
        assertThat(((ContentPart.ThinkingPart) part).thinking())
                .isEqualTo(Content.parts(ContentPart.text("The user asks for 2+2.")));
        assertThat(thinking.text()).isEmpty();
        assertThat(answer.text()).isEqualTo("2 + 2");
        assertThat(answer.choices().get(0).delta().content()).isEqualTo(Content.parts(ContentPart.text("2 + 2")));
        assertThat(chunk(lines.get(0)).text()).isEmpty();
        for (String line : lines) {
            assertThat(tree(ChatJson.writeChunk(chunk(line)))).isEqualTo(tree(line));
        }
    }

    @Test
    void theSameModelsNonStreamedMessageKeepsItsThinkingPart() {
        byte[] input = resource("completion-mistral-thinking.json");

        ChatCompletion completion = ChatJson.readCompletion(input);

        assertThat(completion.text()).isEqualTo("2 + 2 = 4.");
        List<ContentPart> parts = ((Content.Parts) completion.message().content()).parts();
        assertThat(parts.get(0)).isEqualTo(new ContentPart.ThinkingPart(
                Content.parts(ContentPart.text("The user asks for 2+2. That is 4.")), Map.of(), null));
        assertThat(completion.message().nulls()).containsExactly("tool_calls");
        assertThat(tree(ChatJson.writeCompletion(completion))).isEqualTo(tree(input));
    }

    @Test
    void aThinkingPartWithAStringAndASignatureAsAnthropicsBlocksArePassedOnRoundTrips() {
        String json = "{\"model\":\"m\",\"messages\":[{\"role\":\"assistant\",\"content\":[{\"type\":\"thinking\","
                + "\"thinking\":\"Let me check.\",\"signature\":\"EqQBCgIYAh\"},{\"type\":\"text\",\"text\":\"Yes.\"}]},"
                + "{\"role\":\"user\",\"content\":\"Why?\"}]}";

        ChatRequest request = ChatJson.readRequest(utf8(json));

        ContentPart.ThinkingPart thinking =
                (ContentPart.ThinkingPart) ((Content.Parts) request.messages().get(0).content()).parts().get(0);
        assertThat(thinking.text()).isEqualTo("Let me check.");
        assertThat(thinking.extra()).containsExactly(Map.entry("signature", JsonValue.of("EqQBCgIYAh")));
        assertThat(request.messages().get(0).text()).isEqualTo("Yes.");
        assertThat(text(ChatJson.writeRequest(request))).isEqualTo(json);
    }
}
