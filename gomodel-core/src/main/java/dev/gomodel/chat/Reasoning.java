package dev.gomodel.chat;

import java.util.Map;

/**
 * The request's {@code reasoning} options: {@code effort} is {@code "low"}, {@code "medium"},
 * {@code "high"} or any value an upstream accepts. Providers translate it to what their upstream
 * wants ({@code reasoning_effort}, a thinking budget).
 *
 * <p>Immutable and thread-safe.
 */
public record Reasoning(String effort, Map<String, JsonValue> extra) {

    public Reasoning {
        extra = Copies.extra(extra);
    }

    /** Reasoning with the given effort. */
    public static Reasoning effort(String effort) {
        return new Reasoning(effort, Map.of());
    }
}
