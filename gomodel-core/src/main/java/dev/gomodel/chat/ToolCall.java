package dev.gomodel.chat;

import dev.gomodel.internal.json.ExplicitNulls;
import java.util.Map;
import java.util.Set;

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
 * @param nulls the members above that were explicitly {@code null}; never {@code null}
 */
public record ToolCall(String id, String type, FunctionCall function, Map<String, JsonValue> extra, Set<String> nulls) {

    /** The {@code type} of a function tool and of a call to one. */
    public static final String FUNCTION = "function";

    /**
     * Copies {@code extra}; {@code null} is taken as empty.
     *
     * @param id the call's id
     * @param type the call's type
     * @param function the called function
     * @param extra unknown members, or {@code null} for none
     * @param nulls the members that are explicitly {@code null}, or {@code null} for none; a
     *     member that has a value here is dropped from it
     * @throws IllegalArgumentException if {@code nulls} names a member this record does not model
     */
    public ToolCall {
        extra = Copies.extra(extra);
        nulls = ExplicitNulls.TOOL_CALL.normalize(nulls,
                (id != null ? 1 : 0) | (type != null ? 2 : 0) | (function != null ? 4 : 0));
    }

    /**
     * A tool call with no member explicitly {@code null}.
     *
     * @param id the call's id
     * @param type the call's type
     * @param function the called function
     * @param extra unknown members, or {@code null} for none
     */
    public ToolCall(String id, String type, FunctionCall function, Map<String, JsonValue> extra) {
        this(id, type, function, extra, Set.of());
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
