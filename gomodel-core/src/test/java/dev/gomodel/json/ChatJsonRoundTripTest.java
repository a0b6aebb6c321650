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
import dev.gomodel.chat.Choice;
import dev.gomodel.chat.Content;
import dev.gomodel.chat.ContentPart;
import dev.gomodel.chat.JsonValue;
import dev.gomodel.chat.Message;
import dev.gomodel.chat.ToolChoice;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ChatJsonRoundTripTest {

    @Test
    void requestWithEveryFieldRoundTrips() {
        byte[] input = resource("request-full.json");

        ChatRequest request = ChatJson.readRequest(input);
        byte[] written = ChatJson.writeRequest(request);

        assertThat(tree(written)).isEqualTo(tree(input));
        assertThat(ChatJson.readRequest(written)).isEqualTo(request);
    }

    @Test
    void requestWithEveryFieldReadsIntoTheRecords() {
        ChatRequest request = ChatJson.readRequest(resource("request-full.json"));

        assertThat(request.model()).isEqualTo("openai/gpt-4o-mini");
        assertThat(request.maxTokens()).isEqualTo(256);
        assertThat(request.temperature()).isEqualTo(0.7);
        assertThat(request.parallelToolCalls()).isFalse();
        assertThat(request.stream()).isTrue();
        assertThat(request.streamOptions().includeUsage()).isTrue();
        assertThat(request.reasoning().effort()).isEqualTo("medium");
        assertThat(request.provider()).isEqualTo("openai");
        assertThat(request.toolChoice()).isEqualTo(ToolChoice.AUTO);
        assertThat(request.extra()).isEmpty();

        assertThat(request.messages()).extracting(Message::role)
                .containsExactly("system", "developer", "user", "assistant", "tool");
        assertThat(request.messages().get(1).content()).isEqualTo(Content.text(""));
        Content.Parts parts = (Content.Parts) request.messages().get(2).content();
        assertThat(parts.parts()).hasSize(4);
        assertThat(parts.parts().get(0)).isEqualTo(ContentPart.text("What is in this image and this recording?"));
        ContentPart.ImagePart image = (ContentPart.ImagePart) parts.parts().get(1);
        assertThat(image.imageUrl().url()).isEqualTo("https://example.com/cat.png");
        assertThat(image.imageUrl().detail()).isEqualTo("high");
        assertThat(image.imageUrl().mediaType()).isEqualTo("image/png");
        assertThat(parts.parts().get(2)).isEqualTo(ContentPart.inputAudio("UklGRiQAAABXQVZF", "wav"));
        ContentPart.OtherPart file = (ContentPart.OtherPart) parts.parts().get(3);
        assertThat(file.type()).isEqualTo("file");
        assertThat(file.members()).containsOnlyKeys("file");
        assertThat(file.members().get("file").json())
                .isEqualTo("{\"file_id\":\"file-abc123\",\"filename\":\"report.pdf\"}");

        Message assistant = request.messages().get(3);
        assertThat(assistant.content()).isNull();
        assertThat(assistant.reasoningContent()).isEqualTo("The user asks about the weather in Paris.");
        assertThat(assistant.toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.id()).isEqualTo("call_abc123");
            assertThat(call.type()).isEqualTo("function");
            assertThat(call.function().name()).isEqualTo("get_weather");
            assertThat(call.function().arguments()).isEqualTo("{\"city\":\"Paris\",\"unit\":\"celsius\"}");
        });
        Message tool = request.messages().get(4);
        assertThat(tool.toolCallId()).isEqualTo("call_abc123");
        assertThat(tool.text()).isEqualTo("{\"temperature\":21}");

        assertThat(request.tools()).singleElement().satisfies(t -> {
            assertThat(t.type()).isEqualTo("function");
            assertThat(t.function().name()).isEqualTo("get_weather");
            assertThat(t.function().description()).isEqualTo("Current weather for a city");
            assertThat(t.function().strict()).isTrue();
            assertThat(t.function().parameters().json()).startsWith("{\"type\":\"object\",\"properties\":{\"city\"");
        });
    }

    static Stream<Object[]> toolChoices() {
        return Stream.of(
                new Object[] {"\"required\"", ToolChoice.REQUIRED},
                new Object[] {"{\"type\": \"function\", \"function\": {\"name\": \"get_weather\"}}",
                        ToolChoice.function("get_weather")},
                new Object[] {"{\"type\":\"allowed_tools\",\"allowed_tools\":{\"mode\":\"auto\",\"tools\":"
                        + "[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}}]}}",
                        new ToolChoice.Other(JsonValue.parse("{\"type\":\"allowed_tools\",\"allowed_tools\":"
                                + "{\"mode\":\"auto\",\"tools\":[{\"type\":\"function\",\"function\":"
                                + "{\"name\":\"get_weather\"}}]}}"))});
    }

    @ParameterizedTest
    @MethodSource("toolChoices")
    void everyKindOfToolChoiceRoundTrips(String toolChoiceJson, ToolChoice expected) {
        byte[] input = utf8(text(resource("request-full.json")).replace("\"tool_choice\": \"auto\"",
                "\"tool_choice\": " + toolChoiceJson));

        ChatRequest request = ChatJson.readRequest(input);
        byte[] written = ChatJson.writeRequest(request);

        assertThat(request.toolChoice()).isEqualTo(expected);
        assertThat(tree(written)).isEqualTo(tree(input));
        assertThat(ChatJson.readRequest(written)).isEqualTo(request);
    }

    @Test
    void completionWithEveryFieldRoundTrips() {
        byte[] input = resource("completion-full.json");

        ChatCompletion completion = ChatJson.readCompletion(input);
        byte[] written = ChatJson.writeCompletion(completion);

        assertThat(tree(written)).isEqualTo(tree(input));
        assertThat(ChatJson.readCompletion(written)).isEqualTo(completion);
    }

    @Test
    void completionWithEveryFieldReadsIntoTheRecords() {
        ChatCompletion completion = ChatJson.readCompletion(resource("completion-full.json"));

        assertThat(completion.id()).isEqualTo("chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG");
        assertThat(completion.object()).isEqualTo(ChatCompletion.OBJECT);
        assertThat(completion.created()).isEqualTo(1741570283L);
        assertThat(completion.model()).isEqualTo("gpt-4o-2024-08-06");
        assertThat(completion.provider()).isEqualTo("openai");
        assertThat(completion.systemFingerprint()).isEqualTo("fp_fc9f1d7035");
        assertThat(completion.extra()).containsExactly(java.util.Map.entry("service_tier", JsonValue.of("default")));

        Choice first = completion.choices().get(0);
        assertThat(first.index()).isZero();
        assertThat(first.finishReason()).isEqualTo(Choice.STOP);
        assertThat(first.message().text()).isEqualTo("The image shows a cat.");
        assertThat(first.message().reasoningContent()).isEqualTo("Looking at the picture first.");
        assertThat(first.message().extra()).containsOnlyKeys("refusal", "annotations");
        assertThat(first.logprobs().json()).startsWith("{\"content\":[{\"token\":\"The\",\"logprob\":-0.00012,");
        Choice second = completion.choices().get(1);
        assertThat(second.index()).isEqualTo(1);
        assertThat(second.logprobs()).isEqualTo(JsonValue.NULL);
        assertThat(second.message().content()).isNull();
        assertThat(second.message().toolCalls()).singleElement()
                .satisfies(call -> assertThat(call.function().name()).isEqualTo("get_weather"));

        var usage = completion.usage();
        assertThat(usage.promptTokens()).isEqualTo(1117);
        assertThat(usage.completionTokens()).isEqualTo(46);
        assertThat(usage.totalTokens()).isEqualTo(1163);
        assertThat(usage.promptTokensDetails().cachedTokens()).isEqualTo(1024);
        assertThat(usage.promptTokensDetails().audioTokens()).isZero();
        assertThat(usage.promptTokensDetails().textTokens()).isEqualTo(1000);
        assertThat(usage.promptTokensDetails().imageTokens()).isEqualTo(117);
        assertThat(usage.completionTokensDetails().reasoningTokens()).isEqualTo(12);
        assertThat(usage.completionTokensDetails().audioTokens()).isZero();
        assertThat(usage.completionTokensDetails().acceptedPredictionTokens()).isEqualTo(3);
        assertThat(usage.completionTokensDetails().rejectedPredictionTokens()).isEqualTo(1);
        assertThat(usage.rawUsage().json())
                .isEqualTo("{\"input_tokens\":1117,\"output_tokens\":46,\"cache_read_input_tokens\":1024}");
    }

    static Stream<String> chunks() {
        return lines("chunks.jsonl").stream();
    }

    @ParameterizedTest
    @MethodSource("chunks")
    void chunkRoundTrips(String line) {
        byte[] input = utf8(line);

        ChatCompletionChunk chunk = ChatJson.readChunk(input, 0, input.length);
        byte[] written = ChatJson.writeChunk(chunk);

        assertThat(tree(written)).isEqualTo(tree(input));
        assertThat(ChatJson.readChunk(written, 0, written.length)).isEqualTo(chunk);
    }

    @Test
    void chunksReadIntoTheRecords() {
        var chunks = chunks().map(JsonFixtures::utf8).map(b -> ChatJson.readChunk(b, 0, b.length)).toList();

        assertThat(chunks.get(0).object()).isEqualTo(ChatCompletionChunk.OBJECT);
        assertThat(chunks.get(0).choices().get(0).delta().role()).isEqualTo("assistant");
        assertThat(chunks.get(0).text()).isEmpty();
        assertThat(chunks.get(0).choices().get(0).logprobs()).isEqualTo(JsonValue.NULL);
        assertThat(chunks.get(0).finishReason()).isNull();
        assertThat(chunks.get(1).text()).isEqualTo("Hello");
        assertThat(chunks.get(2).choices().get(0).delta().reasoningContent()).isEqualTo("Let me think.");
        assertThat(chunks.get(2).choices().get(0).logprobs()).isNull();
        var firstFragment = chunks.get(3).choices().get(0).delta().toolCalls().get(0);
        assertThat(firstFragment.index()).isZero();
        assertThat(firstFragment.id()).isEqualTo("call_DdmO9pD3xa9XTPNJ32zg2hcA");
        assertThat(firstFragment.type()).isEqualTo("function");
        assertThat(firstFragment.function().name()).isEqualTo("get_weather");
        assertThat(firstFragment.function().arguments()).isEmpty();
        var secondFragment = chunks.get(4).choices().get(0).delta().toolCalls().get(0);
        assertThat(secondFragment.id()).isNull();
        assertThat(secondFragment.function().name()).isNull();
        assertThat(secondFragment.function().arguments()).isEqualTo("{\"location\":");
        assertThat(chunks.get(5).finishReason()).isEqualTo(Choice.TOOL_CALLS);
        assertThat(chunks.get(5).choices().get(0).delta().toolCalls()).isNull();
        assertThat(chunks.get(6).choices()).isEmpty();
        assertThat(chunks.get(6).provider()).isEqualTo("openai");
        assertThat(chunks.get(6).usage().totalTokens()).isEqualTo(21);
        assertThat(chunks.get(6).usage().completionTokensDetails().reasoningTokens()).isEqualTo(4);
    }

    @Test
    void chunkIsReadFromTheMiddleOfALargerBuffer() {
        String line = lines("chunks.jsonl").get(1);
        byte[] event = utf8("data: " + line + "\n\n");

        ChatCompletionChunk chunk = ChatJson.readChunk(event, 6, line.length());

        assertThat(chunk.text()).isEqualTo("Hello");
    }

    @Test
    void requestIsWrittenToAStreamLeftOpen() throws Exception {
        ChatRequest request = ChatJson.readRequest(resource("request-full.json"));
        var out = new java.io.ByteArrayOutputStream() {
            boolean closed;

            @Override
            public void close() {
                closed = true;
            }
        };

        ChatJson.writeRequest(request, out);

        assertThat(out.toByteArray()).isEqualTo(ChatJson.writeRequest(request));
        assertThat(out.closed).isFalse();
    }
}
