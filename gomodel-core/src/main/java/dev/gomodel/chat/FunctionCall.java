package dev.gomodel.chat;

import dev.gomodel.internal.json.ExplicitNulls;
import java.util.Map;
import java.util.Set;

/**
 * The function of a tool call: its {@code name} and its {@code arguments} as a JSON text, kept
 * exactly as the model produced it (it is not always valid JSON). In a stream chunk either may
 * be {@code null} or a fragment.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the function's name, or {@code null} in a stream fragment that does not bring it
 * @param arguments the arguments as JSON text, as the model produced them, or {@code null}
 * @param extra the members this record does not know, in the order they came
 * @param nulls the members above that were explicitly {@code null}; never {@code null}
 */
public record FunctionCall(String name, String arguments, Map<String, JsonValue> extra, Set<String> nulls) {

    /**
     * Copies {@code extra}; {@code null} is taken as empty.
     *
     * @param name the function's name
     * @param arguments the arguments' JSON text
     * @param extra unknown members, or {@code null} for none
     * @param nulls the members that are explicitly {@code null}, or {@code null} for none; a
     *     member that has a value here is dropped from it
     * @throws IllegalArgumentException if {@code nulls} names a member this record does not model
     */
    public FunctionCall {
        extra = Copies.extra(extra);
        nulls = ExplicitNulls.FUNCTION_CALL.normalize(nulls, (name != null ? 1 : 0) | (arguments != null ? 2 : 0));
    }

    /**
     * A function call with no member explicitly {@code null}.
     *
     * @param name the function's name, or {@code null}
     * @param arguments the arguments' JSON text, or {@code null}
     * @param extra unknown members, or {@code null} for none
     */
    public FunctionCall(String name, String arguments, Map<String, JsonValue> extra) {
        this(name, arguments, extra, Set.of());
    }
}
