package dev.gomodel.json;

import static dev.gomodel.json.JsonFixtures.tree;
import static dev.gomodel.json.JsonFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.chat.Content;
import dev.gomodel.chat.ContentPart;
import dev.gomodel.chat.JsonValue;
import dev.gomodel.chat.Message;
import dev.gomodel.chat.ToolCall;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every object level carries an unknown member {@code "x_<level>"}; each must land in that
 * level's {@code extra} and be written back at the same place.
 */
class ChatJsonUnknownMembersTest {

    private static final String REQUEST = """
            {
              "model": "gpt-4o-mini",
              "messages": [
                {
                  "role": "user",
                  "content": [
                    {"type": "text", "text": "hi", "x_text_part": "text part"},
                    {"type": "image_url", "image_url": {"url": "https://example.com/a.png", "x_image_url": "image url"},
                     "x_image_part": "image part"},
                    {"type": "input_audio", "input_audio": {"data": "AAAA", "format": "mp3", "x_input_audio": "input audio"},
                     "x_audio_part": "audio part"},
                    {"type": "refusal", "refusal": "no", "x_other_part": "other part"}
                  ],
                  "name": "alice",
                  "x_message": "message"
                },
                {
                  "role": "assistant",
                  "content": null,
                  "tool_calls": [
                    {"id": "call_1", "type": "function",
                     "function": {"name": "f", "arguments": "{}", "x_function_call": "function call"},
                     "x_tool_call": "tool call"}
                  ]
                },
                {"role": "tool", "tool_call_id": "call_1", "content": "ok"}
              ],
              "tools": [
                {"type": "function",
                 "function": {"name": "f", "parameters": {"type": "object"}, "x_function": "function"},
                 "x_tool": "tool"}
              ],
              "stream_options": {"include_usage": true, "x_stream_options": "stream options"},
              "reasoning": {"effort": "high", "x_reasoning": "reasoning"},
              "seed": 42,
              "x_top": "top"
            }
            """;

    private static final String USAGE = """
            {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3,
             "prompt_tokens_details": {"cached_tokens": 0, "x_prompt_details": "prompt details"},
             "completion_tokens_details": {"reasoning_tokens": 0, "x_completion_details": "completion details"},
             "x_usage": "usage"}
            """;

    private static final String COMPLETION = """
            {
              "id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": "gpt-4o-mini",
              "choices": [
                {"index": 0,
                 "message": {"role": "assistant", "content": null, "x_message": "message",
                             "tool_calls": [{"id": "call_1", "type": "function",
                                             "function": {"name": "f", "arguments": "{}", "x_function_call": "function call"},
                                             "x_tool_call": "tool call"}]},
                 "finish_reason": "tool_calls",
                 "x_choice": "choice"}
              ],
              "usage": %s,
              "x_top": "top"
            }
            """.formatted(USAGE);

    private static final String CHUNK = """
            {
              "id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1, "model": "gpt-4o-mini",
              "choices": [
                {"index": 0,
                 "delta": {"role": "assistant", "refusal": null, "x_delta": "delta",
                           "tool_calls": [{"index": 0, "id": "call_1", "type": "function",
                                           "function": {"name": "f", "arguments": "", "x_function_call": "function call"},
                                           "x_tool_call_delta": "tool call delta"}]},
                 "finish_reason": null,
                 "x_chunk_choice": "chunk choice"}
              ],
              "usage": %s,
              "x_top": "top"
            }
            """.formatted(USAGE);

    static Stream<Arguments> requestLevels() {
        Function<ChatRequest, Message> user = r -> r.messages().get(0);
        Function<ChatRequest, ContentPart> part0 = r -> ((Content.Parts) user.apply(r).content()).parts().get(0);
        Function<ChatRequest, ContentPart> part1 = r -> ((Content.Parts) user.apply(r).content()).parts().get(1);
        Function<ChatRequest, ContentPart> part2 = r -> ((Content.Parts) user.apply(r).content()).parts().get(2);
        Function<ChatRequest, ContentPart> part3 = r -> ((Content.Parts) user.apply(r).content()).parts().get(3);
        Function<ChatRequest, ToolCall> call = r -> r.messages().get(1).toolCalls().get(0);
        return Stream.of(
                request("top", "", ChatRequest::extra),
                request("message", "/messages/0", r -> user.apply(r).extra()),
                request("text_part", "/messages/0/content/0", r -> ((ContentPart.TextPart) part0.apply(r)).extra()),
                request("image_part", "/messages/0/content/1", r -> ((ContentPart.ImagePart) part1.apply(r)).extra()),
                request("image_url", "/messages/0/content/1/image_url",
                        r -> ((ContentPart.ImagePart) part1.apply(r)).imageUrl().extra()),
                request("audio_part", "/messages/0/content/2", r -> ((ContentPart.AudioPart) part2.apply(r)).extra()),
                request("input_audio", "/messages/0/content/2/input_audio",
                        r -> ((ContentPart.AudioPart) part2.apply(r)).inputAudio().extra()),
                request("other_part", "/messages/0/content/3", r -> ((ContentPart.OtherPart) part3.apply(r)).members()),
                request("tool_call", "/messages/1/tool_calls/0", r -> call.apply(r).extra()),
                request("function_call", "/messages/1/tool_calls/0/function", r -> call.apply(r).function().extra()),
                request("tool", "/tools/0", r -> r.tools().get(0).extra()),
                request("function", "/tools/0/function", r -> r.tools().get(0).function().extra()),
                request("stream_options", "/stream_options", r -> r.streamOptions().extra()),
                request("reasoning", "/reasoning", r -> r.reasoning().extra()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestLevels")
    void requestKeepsUnknownMembers(String level, String pointer, Function<ChatRequest, Map<String, JsonValue>> extra) {
        ChatRequest request = ChatJson.readRequest(utf8(REQUEST));
        JsonNode written = tree(ChatJson.writeRequest(request));

        assertKept(level, pointer, extra.apply(request), written);
        assertThat(written).isEqualTo(tree(REQUEST));
    }

    static Stream<Arguments> completionLevels() {
        Function<ChatCompletion, ToolCall> call = c -> c.toolCalls().get(0);
        return Stream.of(
                completion("top", "", ChatCompletion::extra),
                completion("choice", "/choices/0", c -> c.choices().get(0).extra()),
                completion("message", "/choices/0/message", c -> c.message().extra()),
                completion("tool_call", "/choices/0/message/tool_calls/0", c -> call.apply(c).extra()),
                completion("function_call", "/choices/0/message/tool_calls/0/function", c -> call.apply(c).function().extra()),
                completion("usage", "/usage", c -> c.usage().extra()),
                completion("prompt_details", "/usage/prompt_tokens_details", c -> c.usage().promptTokensDetails().extra()),
                completion("completion_details", "/usage/completion_tokens_details",
                        c -> c.usage().completionTokensDetails().extra()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("completionLevels")
    void completionKeepsUnknownMembers(String level, String pointer,
            Function<ChatCompletion, Map<String, JsonValue>> extra) {
        ChatCompletion completion = ChatJson.readCompletion(utf8(COMPLETION));
        JsonNode written = tree(ChatJson.writeCompletion(completion));

        assertKept(level, pointer, extra.apply(completion), written);
        assertThat(written).isEqualTo(tree(COMPLETION));
    }

    static Stream<Arguments> chunkLevels() {
        Function<ChatCompletionChunk, ChatCompletionChunk.ToolCallDelta> call =
                c -> c.choices().get(0).delta().toolCalls().get(0);
        return Stream.of(
                chunk("top", "", ChatCompletionChunk::extra),
                chunk("chunk_choice", "/choices/0", c -> c.choices().get(0).extra()),
                chunk("delta", "/choices/0/delta", c -> c.choices().get(0).delta().extra()),
                chunk("tool_call_delta", "/choices/0/delta/tool_calls/0", c -> call.apply(c).extra()),
                chunk("function_call", "/choices/0/delta/tool_calls/0/function", c -> call.apply(c).function().extra()),
                chunk("usage", "/usage", c -> c.usage().extra()),
                chunk("prompt_details", "/usage/prompt_tokens_details", c -> c.usage().promptTokensDetails().extra()),
                chunk("completion_details", "/usage/completion_tokens_details",
                        c -> c.usage().completionTokensDetails().extra()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chunkLevels")
    void chunkKeepsUnknownMembers(String level, String pointer,
            Function<ChatCompletionChunk, Map<String, JsonValue>> extra) {
        byte[] json = utf8(CHUNK);
        ChatCompletionChunk chunk = ChatJson.readChunk(json, 0, json.length);
        JsonNode written = tree(ChatJson.writeChunk(chunk));

        assertKept(level, pointer, extra.apply(chunk), written);
        assertThat(written).isEqualTo(tree(CHUNK));
    }

    private static void assertKept(String level, String pointer, Map<String, JsonValue> extra, JsonNode written) {
        String name = "x_" + level;
        String value = level.replace('_', ' ');
        assertThat(extra).containsEntry(name, JsonValue.of(value));
        assertThat(written.at(pointer + "/" + name).textValue()).isEqualTo(value);
    }

    private static Arguments request(String level, String pointer, Function<ChatRequest, Map<String, JsonValue>> extra) {
        return Arguments.of(level, pointer, extra);
    }

    private static Arguments completion(String level, String pointer,
            Function<ChatCompletion, Map<String, JsonValue>> extra) {
        return Arguments.of(level, pointer, extra);
    }

    private static Arguments chunk(String level, String pointer,
            Function<ChatCompletionChunk, Map<String, JsonValue>> extra) {
        return Arguments.of(level, pointer, extra);
    }

    @org.junit.jupiter.api.Test
    void unknownMembersKeepTheirOrderAfterTheKnownOnes() {
        String json = "{\"z\":1,\"role\":\"user\",\"a\":2,\"content\":\"hi\",\"m\":3}";
        String request = "{\"model\":\"m\",\"messages\":[" + json + "]}";

        ChatRequest read = ChatJson.readRequest(utf8(request));

        assertThat(read.messages().get(0).extra()).containsExactly(
                Map.entry("z", JsonValue.parse("1")), Map.entry("a", JsonValue.parse("2")),
                Map.entry("m", JsonValue.parse("3")));
        assertThat(JsonFixtures.text(ChatJson.writeRequest(read)))
                .isEqualTo("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\",\"z\":1,\"a\":2,\"m\":3}]}");
    }
}
