package dev.gomodel.chat;

import dev.gomodel.internal.json.ExplicitNulls;
import java.util.Map;
import java.util.Set;

/**
 * The request's {@code reasoning} options: {@code effort} is {@code "low"}, {@code "medium"},
 * {@code "high"} or any value an upstream accepts. Providers translate it to what their upstream
 * wants ({@code reasoning_effort}, a thinking budget).
 *
 * <p>Immutable and thread-safe.
 *
 * @param effort how hard the model should think; not blank in a request
 * @param extra the members this record does not know, in the order they came
 * @param nulls the members above that were explicitly {@code null}; never {@code null}
 */
public record Reasoning(String effort, Map<String, JsonValue> extra, Set<String> nulls) {

    /**
     * Copies {@code extra}; {@code null} is taken as empty.
     *
     * @param effort the effort
     * @param extra unknown members, or {@code null} for none
     * @param nulls the members that are explicitly {@code null}, or {@code null} for none; a
     *     member that has a value here is dropped from it
     * @throws IllegalArgumentException if {@code nulls} names a member this record does not model
     */
    public Reasoning {
        extra = Copies.extra(extra);
        nulls = ExplicitNulls.REASONING.normalize(nulls, (effort != null ? 1 : 0));
    }

    /**
     * Reasoning options with no member explicitly {@code null}.
     *
     * @param effort the effort, or {@code null}
     * @param extra unknown members, or {@code null} for none
     */
    public Reasoning(String effort, Map<String, JsonValue> extra) {
        this(effort, extra, Set.of());
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
