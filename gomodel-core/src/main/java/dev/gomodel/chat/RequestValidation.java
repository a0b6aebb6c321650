package dev.gomodel.chat;

import dev.gomodel.internal.json.ExplicitNulls;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks behind {@link ChatRequest}'s constructor, each naming the JSON path it rejects.
 *
 * <p>A request is refused only for what is certainly wrong: what no upstream accepts (no model,
 * no message and no {@code prompt}, a message without a role, a {@code tool} message that names
 * no tool call, a function without a name, a part without what its type needs) or what the
 * JSON cannot hold (a non-finite number, two values for one member). Ranges, the values of open
 * strings, tool call ids and schemas are left to the upstream, since upstreams differ on them.
 */
final class RequestValidation {

    private RequestValidation() {
    }

    static void check(String model, List<Message> messages, Double temperature, List<Tool> tools,
            ToolChoice toolChoice, Reasoning reasoning, String provider, Map<String, JsonValue> extra,
            Set<String> nulls) {
        requireText(model, "model", "a model id such as \"gpt-4o-mini\" or \"openai/gpt-4o-mini\"");
        // OpenRouter takes a prompt string in place of messages.
        if (messages.isEmpty() && !extra.containsKey("prompt")) {
            throw invalid("messages", "must contain at least one message");
        }
        for (int i = 0; i < messages.size(); i++) {
            checkMessage(messages.get(i), "messages[" + i + "]");
        }
        if (temperature != null && !Double.isFinite(temperature)) {
            throw invalid("temperature", "must be a finite number (JSON has no NaN or Infinity), got " + temperature);
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
        if (reasoning != null && reasoning.effort() != null && reasoning.effort().isBlank()) {
            throw invalid("reasoning.effort", "must not be blank: expected \"low\", \"medium\", \"high\" or "
                    + "another level the upstream accepts, or no effort");
        }
        if (provider != null) {
            requireText(provider, "provider", "a provider name or type, or null");
        }
        for (Map.Entry<String, JsonValue> member : extra.entrySet()) {
            String name = member.getKey();
            if (name.equals("provider")) {
                checkProviderMember(member.getValue(), provider != null || nulls.contains("provider"));
            } else if (ExplicitNulls.REQUEST.bit(name) != 0) {
                throw invalid("extra." + name, "must not name a request field: set " + name + " itself, or "
                        + "Builder.explicitNull(\"" + name + "\") for JSON null (an extra member of that name "
                        + "would not be sent)");
            }
        }
    }

    /** {@code provider} in {@code extra}: an upstream's own member, which must not be confused with the hint. */
    private static void checkProviderMember(JsonValue value, boolean hintSet) {
        if (value.isString() || value.isNull()) {
            throw invalid("extra.provider", "must not be a string or null: that is the routing hint, set with "
                    + "provider(...) or Builder.explicitNull(\"provider\"); an extra provider is an upstream's "
                    + "own member, such as OpenRouter's routing preferences object, got " + value);
        }
        if (hintSet) {
            throw invalid("provider", "is set twice: as the routing hint and as the body member extra.provider, "
                    + "which share one JSON member; route by the model's provider/ prefix instead of the hint");
        }
    }

    private static void checkMessage(Message message, String path) {
        if (message == null) {
            throw invalid(path, "must not be null");
        }
        requireText(message.role(), path + ".role", "\"system\", \"user\", \"assistant\", \"tool\" or \"developer\"");
        // Required, but may be empty: Gemini's OpenAI endpoint gives its tool calls the id "".
        if (Message.TOOL.equals(message.role()) && message.toolCallId() == null) {
            throw invalid(path + ".tool_call_id", "is required for role \"tool\": expected the id of the tool call "
                    + "it answers");
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
                throw invalid(path + ".input_audio",
                        "is required for an input_audio part: expected an object with data and format");
            }
            requireText(audio.inputAudio().data(), path + ".input_audio.data", "base64 audio data");
            requireText(audio.inputAudio().format(), path + ".input_audio.format", "an audio format such as \"wav\"");
        }
    }

    /** A call of a function tool (or of no stated type) needs the function's name; other types their own members. */
    private static void checkToolCall(ToolCall call, String path) {
        if (call == null) {
            throw invalid(path, "must not be null");
        }
        if (call.type() != null && !call.type().equals(ToolCall.FUNCTION)) {
            return;
        }
        if (call.type() == null && call.function() == null) {
            throw invalid(path + ".type", "is required for a tool call without a function: expected \"function\" "
                    + "with a function member, or the call's own type");
        }
        if (call.function() == null) {
            throw invalid(path + ".function", "is required for a function call: expected the called function's "
                    + "name and arguments");
        }
        requireText(call.function().name(), path + ".function.name", "the called function's name");
    }

    /** A function tool (or one of no stated type) needs a named function; a tool of another type its own members. */
    private static void checkTool(Tool tool, String path) {
        if (tool == null) {
            throw invalid(path, "must not be null");
        }
        if (tool.type() != null && !tool.type().equals(ToolCall.FUNCTION)) {
            return;
        }
        if (tool.type() == null && tool.function() == null) {
            throw invalid(path + ".type", "is required for a tool without a function: expected \"function\" with a "
                    + "function member, or the tool's own type such as \"openrouter:web_search\"");
        }
        if (tool.function() == null) {
            throw invalid(path + ".function", "is required for a function tool: expected the function's name and "
                    + "parameters (a tool of another type, such as \"openrouter:web_search\", needs none)");
        }
        requireText(tool.function().name(), path + ".function.name", "the function's name");
    }

    private static void requireText(String value, String path, String expected) {
        if (value == null) {
            throw invalid(path, "is required: expected " + expected);
        }
        if (value.isBlank()) {
            throw invalid(path, "must not be blank: expected " + expected);
        }
    }

    private static IllegalArgumentException invalid(String path, String problem) {
        return new IllegalArgumentException(path + " " + problem);
    }
}
