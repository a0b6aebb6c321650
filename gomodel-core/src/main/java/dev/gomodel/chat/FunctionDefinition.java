package dev.gomodel.chat;

import dev.gomodel.internal.json.ExplicitNulls;
import java.util.Map;
import java.util.Set;

/**
 * A callable function: {@code name}, {@code description}, the JSON Schema of its
 * {@code parameters} and OpenAI's optional {@code strict} flag.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the name the model calls the function by; required in a request
 * @param description what the function does, for the model to decide when to call it, or
 *     {@code null}
 * @param parameters the JSON Schema object of the arguments, or {@code null} when absent
 * @param strict OpenAI's {@code strict} flag (arguments must match the schema exactly), or
 *     {@code null} when absent
 * @param extra the members this record does not know, in the order they came
 * @param nulls the members above that were explicitly {@code null}; never {@code null}
 */
public record FunctionDefinition(
        String name, String description, JsonValue parameters, Boolean strict, Map<String, JsonValue> extra,
        Set<String> nulls) {

    /**
     * Copies {@code extra}; {@code null} is taken as empty.
     *
     * @param name the function's name
     * @param description the description, or {@code null}
     * @param parameters the arguments' JSON Schema, or {@code null}
     * @param strict the {@code strict} flag, or {@code null}
     * @param extra unknown members, or {@code null} for none
     * @param nulls the members that are explicitly {@code null}, or {@code null} for none; a
     *     member that has a value here is dropped from it
     * @throws IllegalArgumentException if {@code nulls} names a member this record does not model
     */
    public FunctionDefinition {
        extra = Copies.extra(extra);
        nulls = ExplicitNulls.FUNCTION_DEFINITION.normalize(nulls,
                (name != null ? 1 : 0) | (description != null ? 2 : 0) | (strict != null ? 4 : 0));
    }

    /**
     * A function definition with no member explicitly {@code null}.
     *
     * @param name the function's name
     * @param description the description, or {@code null}
     * @param parameters the arguments' JSON Schema, or {@code null}
     * @param strict the {@code strict} flag, or {@code null}
     * @param extra unknown members, or {@code null} for none
     */
    public FunctionDefinition(String name, String description, JsonValue parameters, Boolean strict,
            Map<String, JsonValue> extra) {
        this(name, description, parameters, strict, extra, Set.of());
    }
}
