package dev.gomodel.chat;

import java.util.Map;

/**
 * A tool call made by the assistant: {@code {"id", "type": "function", "function": {"name",
 * "arguments"}}}. In a stream chunk the same shape arrives in fragments: see {@link ChatCompletionChunk.ToolCallDelta}.
 *
 * <p>Immutable and thread-safe.
 */
public record ToolCall(String id, String type, FunctionCall function, Map<String, JsonValue> extra) {

    public static final String FUNCTION = "function";

    public ToolCall {
        extra = Copies.extra(extra);
    }

    /** A function call with its arguments as a JSON text. */
    public static ToolCall function(String id, String name, String argumentsJson) {
        return new ToolCall(id, FUNCTION, new FunctionCall(name, argumentsJson, Map.of()), Map.of());
    }
}
