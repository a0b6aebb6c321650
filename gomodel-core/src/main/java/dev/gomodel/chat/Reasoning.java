package dev.gomodel.chat;

import java.util.Map;

/**
 * The request's {@code reasoning} options: {@code effort} is {@code "low"}, {@code "medium"},
 * {@code "high"} or any value an upstream accepts. Providers translate it to what their upstream
 * wants ({@code reasoning_effort}, a thinking budget).
 *
 * <p>Immutable and thread-safe.
 *
 * @param effort how hard the model should think; not blank in a request
 * @param extra the members this record does not know, in the order they came
 */
public record Reasoning(String effort, Map<String, JsonValue> extra) {

    /**
     * Copies {@code extra}; {@code null} is taken as empty.
     *
     * @param effort the effort
     * @param extra unknown members, or {@code null} for none
     */
    public Reasoning {
        extra = Copies.extra(extra);
    }

    /**
     * Reasoning options with just an effort.
     *
     * @param effort {@code "low"}, {@code "medium"}, {@code "high"} or another value the upstream
     *     accepts
     * @return the options
     */
    public static Reasoning effort(String effort) {
        return new Reasoning(effort, Map.of());
    }
}
