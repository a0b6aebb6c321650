package dev.gomodel.examples;

import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatCompletionChunk.ChunkChoice;
import dev.gomodel.chat.ChatCompletionChunk.Delta;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.chat.Choice;
import dev.gomodel.chat.JsonValue;
import dev.gomodel.chat.Message;
import dev.gomodel.chat.Usage;
import dev.gomodel.json.ChatJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** OpenAI's chat-completions wire format, read and written with the library's own codec. */
final class OpenAiFormat implements LocalEndpoint.WireFormat {

    private static final String ID = "chatcmpl-local";

    @Override
    public String path() {
        return "/v1/chat/completions";
    }

    @Override
    public LocalEndpoint.Conversation read(byte[] body) {
        ChatRequest request = ChatJson.readRequest(body);
        String last = "";
        int words = 0;
        for (Message message : request.messages()) {
            words += LocalEndpoint.countWords(message.text());
            if (Message.USER.equals(message.role()) && message.text() != null) {
                last = message.text();
            }
        }
        return new LocalEndpoint.Conversation(request.model(), last, words, Boolean.TRUE.equals(request.stream()));
    }

    @Override
    public String answer(LocalEndpoint.Conversation conversation, String answer, int completionWords) {
        ChatCompletion completion = new ChatCompletion(ID, ChatCompletion.OBJECT, now(), conversation.model(), null,
                null, List.of(new Choice(0, Message.assistant(answer), Choice.STOP, null, Map.of())),
                Usage.of(conversation.promptWords(), completionWords), Map.of());
        return new String(ChatJson.writeCompletion(completion), StandardCharsets.UTF_8);
    }

    @Override
    public void stream(LocalEndpoint.Conversation conversation, String[] words, LocalEndpoint.EventWriter events)
            throws IOException {
        String model = conversation.model();
        events.write(event(chunk(model, new Delta(Message.ASSISTANT, "", null, null, Map.of()), null, null)));
        for (int i = 0; i < words.length; i++) {
            String piece = i == 0 ? words[i] : " " + words[i];
            events.write(event(chunk(model, new Delta(null, piece, null, null, Map.of()), null, null)));
        }
        events.write(event(chunk(model, new Delta(null, null, null, null, Map.of()), Choice.STOP, null)));
        events.write(event(new ChatCompletionChunk(ID, ChatCompletionChunk.OBJECT, now(), model, null, null, List.of(),
                Usage.of(conversation.promptWords(), words.length), Map.of())));
        events.write("data: [DONE]\n\n");
    }

    @Override
    public String error(String message) {
        return "{\"error\":{\"message\":" + JsonValue.of(message) + ",\"type\":\"server_error\"}}";
    }

    private static ChatCompletionChunk chunk(String model, Delta delta, String finishReason, Usage usage) {
        return new ChatCompletionChunk(ID, ChatCompletionChunk.OBJECT, now(), model, null, null,
                List.of(new ChunkChoice(0, delta, finishReason, null, Map.of())), usage, Map.of());
    }

    private static String event(ChatCompletionChunk chunk) {
        return "data: " + new String(ChatJson.writeChunk(chunk), StandardCharsets.UTF_8) + "\n\n";
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }
}
