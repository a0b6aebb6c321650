package dev.gomodel.chat;

import java.util.Map;

/**
 * A tool call made by the assistant: {@code {"id", "type": "function", "function": {"name",
 * "arguments"}}}. In a stream chunk the same shape arrives in fragments: see {@link ChatCompletionChunk.ToolCallDelta}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the call's id, which the {@code tool} message answering it repeats; required in a
 *     request
 * @param type the call's {@code type}, {@value #FUNCTION} for a function
 * @param function the called function's name and arguments; required in a request
 * @param extra the members this record does not know, in the order they came
 */
public record ToolCall(String id, String type, FunctionCall function, Map<String, JsonValue> extra) {

    /** The {@code type} of a function tool and of a call to one. */
    public static final String FUNCTION = "function";

    /**
     * Copies {@code extra}; {@code null} is taken as empty.
     *
     * @param id the call's id
     * @param type the call's type
     * @param function the called function
     * @param extra unknown members, or {@code null} for none
     */
    public ToolCall {
        extra = Copies.extra(extra);
    }

    /**
     * A function call with its arguments as a JSON text, for example to replay an assistant turn.
     *
     * @param id the call's id
     * @param name the function's name
     * @param argumentsJson the arguments as JSON text, kept as given
     * @return a call of type {@value #FUNCTION}
     */
    public static ToolCall function(String id, String name, String argumentsJson) {
        return new ToolCall(id, FUNCTION, new FunctionCall(name, argumentsJson, Map.of()), Map.of());
    }
}
