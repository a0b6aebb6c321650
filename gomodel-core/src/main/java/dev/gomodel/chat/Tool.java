package dev.gomodel.chat;

import java.util.Map;

/**
 * A tool the model may call: {@code {"type": "function", "function": {...}}}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param type the tool's {@code type}, {@value ToolCall#FUNCTION} for a function
 * @param function the function the model may call; required in a request
 * @param extra the members this record does not know, in the order they came
 */
public record Tool(String type, FunctionDefinition function, Map<String, JsonValue> extra) {

    /**
     * Copies {@code extra}; {@code null} is taken as empty.
     *
     * @param type the tool's type
     * @param function the function
     * @param extra unknown members, or {@code null} for none
     */
    public Tool {
        extra = Copies.extra(extra);
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
