package dev.gomodel.examples;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.gomodel.chat.JsonValue;
import java.io.IOException;

/**
 * Anthropic's Messages API wire format, as its documentation describes it: a {@code message}
 * object, and for streams the {@code message_start}, {@code content_block_*},
 * {@code message_delta} and {@code message_stop} events.
 */
final class AnthropicFormat implements LocalEndpoint.WireFormat {

    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public String path() {
        return "/v1/messages";
    }

    /** Reads {@code model}, {@code stream}, {@code system} and the text of every message. */
    @Override
    public LocalEndpoint.Conversation read(byte[] body) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("the request must be a JSON object");
            }
            String model = null;
            boolean stream = false;
            String last = "";
            int words = 0;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "model" -> model = parser.getText();
                    case "stream" -> stream = value == JsonToken.VALUE_TRUE;
                    case "system" -> words += countText(parser);
                    case "messages" -> {
                        while (parser.nextToken() == JsonToken.START_OBJECT) {
                            String role = null;
                            StringBuilder text = new StringBuilder();
                            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                                String member = parser.currentName();
                                parser.nextToken();
                                if (member.equals("role")) {
                                    role = parser.getText();
                                } else if (member.equals("content")) {
                                    appendText(parser, text);
                                } else {
                                    parser.skipChildren();
                                }
                            }
                            words += LocalEndpoint.countWords(text.toString());
                            if ("user".equals(role)) {
                                last = text.toString();
                            }
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
            return new LocalEndpoint.Conversation(model, last, words, stream);
        } catch (IOException e) {
            throw new IllegalArgumentException("the request is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** Appends the text of a string content or of the text blocks of a content array. */
    private static void appendText(JsonParser parser, StringBuilder text) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            text.append(parser.getText());
            return;
        }
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String member = parser.currentName();
                parser.nextToken();
                if (member.equals("text")) {
                    text.append(parser.getText());
                } else {
                    parser.skipChildren();
                }
            }
        }
    }

    private static int countText(JsonParser parser) throws IOException {
        StringBuilder text = new StringBuilder();
        appendText(parser, text);
        return LocalEndpoint.countWords(text.toString());
    }

    @Override
    public String answer(LocalEndpoint.Conversation conversation, String answer, int completionWords) {
        return "{\"id\":\"msg_local\",\"type\":\"message\",\"role\":\"assistant\",\"model\":" + text(conversation.model())
                + ",\"content\":[{\"type\":\"text\",\"text\":" + text(answer) + "}],\"stop_reason\":\"end_turn\","
                + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":" + conversation.promptWords()
                + ",\"output_tokens\":" + completionWords + "}}";
    }

    @Override
    public void stream(LocalEndpoint.Conversation conversation, String[] words, LocalEndpoint.EventWriter events)
            throws IOException {
        events.write(event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_local\","
                + "\"type\":\"message\",\"role\":\"assistant\",\"model\":" + text(conversation.model())
                + ",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":"
                + conversation.promptWords() + ",\"output_tokens\":1}}}"));
        events.write(event("content_block_start",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
        events.write(event("ping", "{\"type\":\"ping\"}"));
        for (int i = 0; i < words.length; i++) {
            String piece = i == 0 ? words[i] : " " + words[i];
            events.write(event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                    + "\"delta\":{\"type\":\"text_delta\",\"text\":" + text(piece) + "}}"));
        }
        events.write(event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"));
        events.write(event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":" + words.length + "}}"));
        events.write(event("message_stop", "{\"type\":\"message_stop\"}"));
    }

    @Override
    public String error(String message) {
        return "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":" + text(message) + "}}";
    }

    private static String event(String name, String data) {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }

    private static String text(String value) {
        return value == null ? "null" : JsonValue.of(value).json();
    }
}
