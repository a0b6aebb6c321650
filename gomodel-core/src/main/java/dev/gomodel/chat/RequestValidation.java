package dev.gomodel.chat;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The checks behind {@link ChatRequest}'s constructor, each naming the JSON path it rejects. */
final class RequestValidation {

    /** The members {@link ChatRequest} writes from its components: an extra member of such a name is never written. */
    private static final Set<String> FIELDS = Set.of("model", "messages", "max_tokens", "temperature", "tools",
            "tool_choice", "parallel_tool_calls", "stream", "stream_options", "reasoning", "provider");

    private RequestValidation() {
    }

    static void check(String model, List<Message> messages, Integer maxTokens, Double temperature,
            List<Tool> tools, ToolChoice toolChoice, Reasoning reasoning, String provider,
            Map<String, JsonValue> extra) {
        requireText(model, "model", "a model id such as \"gpt-4o-mini\" or \"openai/gpt-4o-mini\"");
        if (messages.isEmpty()) {
            throw invalid("messages", "must contain at least one message");
        }
        for (int i = 0; i < messages.size(); i++) {
            checkMessage(messages.get(i), "messages[" + i + "]");
        }
        if (maxTokens != null && maxTokens <= 0) {
            throw invalid("max_tokens", "must be positive, got " + maxTokens);
        }
        if (temperature != null && !(temperature >= 0 && temperature <= 2)) {
            throw invalid("temperature", "must be between 0 and 2, got " + temperature);
        }
        if (tools != null) {
            for (int i = 0; i < tools.size(); i++) {
                checkTool(tools.get(i), "tools[" + i + "]");
            }
        }
        if (toolChoice instanceof ToolChoice.Mode mode) {
            requireText(mode.mode(), "tool_choice", "\"auto\", \"none\", \"required\" or a function");
        } else if (toolChoice instanceof ToolChoice.Function function) {
            requireText(function.name(), "tool_choice.function.name", "the name of a function");
        } else if (toolChoice instanceof ToolChoice.Other other && !other.value().isObject()) {
            throw invalid("tool_choice", "must be an object (use ToolChoice.Mode for a string), got " + other.value());
        }
        if (reasoning != null) {
            requireText(reasoning.effort(), "reasoning.effort", "\"low\", \"medium\" or \"high\"");
        }
        if (provider != null) {
            requireText(provider, "provider", "a provider name or type, or null");
        }
        for (String name : extra.keySet()) {
            if (FIELDS.contains(name)) {
                throw invalid("extra." + name, "must not name a request field: set " + name
                        + " itself (an extra member of that name would not be sent)");
            }
        }
    }

    private static void checkMessage(Message message, String path) {
        if (message == null) {
            throw invalid(path, "must not be null");
        }
        requireText(message.role(), path + ".role", "\"system\", \"user\", \"assistant\", \"tool\" or \"developer\"");
        if (Message.TOOL.equals(message.role())) {
            requireText(message.toolCallId(), path + ".tool_call_id", "the id of the tool call it answers",
                    "is required for role \"tool\"");
        }
        if (message.content() instanceof Content.Parts parts) {
            for (int i = 0; i < parts.parts().size(); i++) {
                checkPart(parts.parts().get(i), path + ".content[" + i + "]");
            }
        }
        if (message.toolCalls() != null) {
            for (int i = 0; i < message.toolCalls().size(); i++) {
                checkToolCall(message.toolCalls().get(i), path + ".tool_calls[" + i + "]");
            }
        }
    }

    private static void checkPart(ContentPart part, String path) {
        if (part == null) {
            throw invalid(path, "must not be null");
        }
        if (part instanceof ContentPart.OtherPart other && other.type().isBlank()) {
            throw invalid(path + ".type", "must not be blank: expected the part's type, such as \"file\"");
        }
        if (part instanceof ContentPart.TextPart text && text.text() == null) {
            throw invalid(path + ".text", "is required for a text part: expected a string");
        }
        if (part instanceof ContentPart.ImagePart image) {
            if (image.imageUrl() == null) {
                throw invalid(path + ".image_url", "is required for an image_url part: expected an object with a url");
            }
            requireText(image.imageUrl().url(), path + ".image_url.url", "an http(s) or data: URL");
        }
        if (part instanceof ContentPart.AudioPart audio) {
            if (audio.inputAudio() == null) {
                throw invalid(path + ".input_audio", "is required for an input_audio part: expected an object with data and format");
            }
            requireText(audio.inputAudio().data(), path + ".input_audio.data", "base64 audio data");
            requireText(audio.inputAudio().format(), path + ".input_audio.format", "an audio format such as \"wav\"");
        }
    }

    private static void checkToolCall(ToolCall call, String path) {
        if (call == null) {
            throw invalid(path, "must not be null");
        }
        requireText(call.id(), path + ".id", "the tool call's id");
        if (call.function() == null) {
            throw invalid(path + ".function", "is required: expected the called function's name and arguments");
        }
        requireText(call.function().name(), path + ".function.name", "the called function's name");
    }

    private static void checkTool(Tool tool, String path) {
        if (tool == null) {
            throw invalid(path, "must not be null");
        }
        if (tool.function() == null) {
            throw invalid(path + ".function", "is required: expected the function's name and parameters");
        }
        requireText(tool.function().name(), path + ".function.name", "the function's name");
        if (tool.function().parameters() != null && !tool.function().parameters().isObject()) {
            throw invalid(path + ".function.parameters", "must be a JSON Schema object, got "
                    + tool.function().parameters());
        }
    }

    private static void requireText(String value, String path, String expected) {
        requireText(value, path, expected, "is required");
    }

    private static void requireText(String value, String path, String expected, String missing) {
        if (value == null) {
            throw invalid(path, missing + ": expected " + expected);
        }
        if (value.isBlank()) {
            throw invalid(path, "must not be blank: expected " + expected);
        }
    }

    private static IllegalArgumentException invalid(String path, String problem) {
        return new IllegalArgumentException(path + " " + problem);
    }
}
