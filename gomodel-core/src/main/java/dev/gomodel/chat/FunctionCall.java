package dev.gomodel.chat;

import java.util.Map;

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
 */
public record FunctionCall(String name, String arguments, Map<String, JsonValue> extra) {

    /**
     * Copies {@code extra}; {@code null} is taken as empty.
     *
     * @param name the function's name
     * @param arguments the arguments' JSON text
     * @param extra unknown members, or {@code null} for none
     */
    public FunctionCall {
        extra = Copies.extra(extra);
    }
}
