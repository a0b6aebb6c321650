package dev.gomodel.chat;

import java.util.Map;

/**
 * A callable function: {@code name}, {@code description}, the JSON Schema of its
 * {@code parameters} and OpenAI's optional {@code strict} flag.
 *
 * <p>Immutable and thread-safe.
 */
public record FunctionDefinition(
        String name, String description, JsonValue parameters, Boolean strict, Map<String, JsonValue> extra) {

    public FunctionDefinition {
        extra = Copies.extra(extra);
    }
}
