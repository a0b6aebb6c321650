package dev.gomodel.chat;

import dev.gomodel.internal.json.ExplicitNulls;
import java.util.Map;
import java.util.Set;

/**
 * A tool the model may call: {@code {"type": "function", "function": {...}}}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param type the tool's {@code type}, {@value ToolCall#FUNCTION} for a function
 * @param function the function the model may call; required in a request
 * @param extra the members this record does not know, in the order they came
 * @param nulls the members above that were explicitly {@code null}; never {@code null}
 */
public record Tool(String type, FunctionDefinition function, Map<String, JsonValue> extra, Set<String> nulls) {

    /**
     * Copies {@code extra}; {@code null} is taken as empty.
     *
     * @param type the tool's type
     * @param function the function
     * @param extra unknown members, or {@code null} for none
     * @param nulls the members that are explicitly {@code null}, or {@code null} for none; a
     *     member that has a value here is dropped from it
     * @throws IllegalArgumentException if {@code nulls} names a member this record does not model
     */
    public Tool {
        extra = Copies.extra(extra);
        nulls = ExplicitNulls.TOOL.normalize(nulls, (type != null ? 1 : 0) | (function != null ? 2 : 0));
    }

    /**
     * A tool with no member explicitly {@code null}.
     *
     * @param type the tool's type
     * @param function the function, or {@code null} for a tool of another type
     * @param extra unknown members, or {@code null} for none
     */
    public Tool(String type, FunctionDefinition function, Map<String, JsonValue> extra) {
        this(type, function, extra, Set.of());
    }

    /**
     * A function tool, with no {@code strict} flag.
     *
     * @param name the name the model calls it by
     * @param description what it does, or {@code null}
     * @param parametersSchema the JSON Schema of the arguments, for example
     *     {@code JsonValue.parse("{\"type\":\"object\",\"properties\":{...}}")}, or {@code null}
     * @return a tool of type {@value ToolCall#FUNCTION}
     */
    public static Tool function(String name, String description, JsonValue parametersSchema) {
        return new Tool(ToolCall.FUNCTION, new FunctionDefinition(name, description, parametersSchema, null, Map.of()), Map.of());
    }
}
