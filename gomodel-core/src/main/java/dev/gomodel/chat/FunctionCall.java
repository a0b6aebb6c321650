package dev.gomodel.chat;

import java.util.Map;

/**
 * The function of a tool call: its {@code name} and its {@code arguments} as a JSON text, kept
 * exactly as the model produced it (it is not always valid JSON). In a stream chunk either may
 * be {@code null} or a fragment.
 *
 * <p>Immutable and thread-safe.
 */
public record FunctionCall(String name, String arguments, Map<String, JsonValue> extra) {

    public FunctionCall {
        extra = Copies.extra(extra);
    }
}
