package dev.gomodel.chat;

import java.util.Map;

/**
 * A tool the model may call: {@code {"type": "function", "function": {...}}}.
 *
 * <p>Immutable and thread-safe.
 */
public record Tool(String type, FunctionDefinition function, Map<String, JsonValue> extra) {

    public Tool {
        extra = Copies.extra(extra);
    }

    /**
     * A function tool.
     *
     * @param parametersSchema the JSON Schema of the arguments, for example
     *     {@code JsonValue.parse("{\"type\":\"object\",\"properties\":{...}}")}
     */
    public static Tool function(String name, String description, JsonValue parametersSchema) {
        return new Tool(ToolCall.FUNCTION, new FunctionDefinition(name, description, parametersSchema, null, Map.of()), Map.of());
    }
}
