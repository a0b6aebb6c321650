package dev.gomodel.chat;

import dev.gomodel.internal.json.ExplicitNulls;
import java.util.Map;
import java.util.Set;

/**
 * The request's {@code stream_options}; {@code include_usage} asks for a last chunk carrying usage.
 *
 * <p>Immutable and thread-safe.
 *
 * @param includeUsage {@code include_usage}, or {@code null} when absent
 * @param extra the members this record does not know, in the order they came
 * @param nulls the members above that were explicitly {@code null}; never {@code null}
 */
public record StreamOptions(Boolean includeUsage, Map<String, JsonValue> extra, Set<String> nulls) {

    /**
     * Copies {@code extra}; {@code null} is taken as empty.
     *
     * @param includeUsage the {@code include_usage} flag, or {@code null}
     * @param extra unknown members, or {@code null} for none
     * @param nulls the members that are explicitly {@code null}, or {@code null} for none; a
     *     member that has a value here is dropped from it
     * @throws IllegalArgumentException if {@code nulls} names a member this record does not model
     */
    public StreamOptions {
        extra = Copies.extra(extra);
        nulls = ExplicitNulls.STREAM_OPTIONS.normalize(nulls, (includeUsage != null ? 1 : 0));
    }

    /**
     * Stream options with no member explicitly {@code null}.
     *
     * @param includeUsage the {@code include_usage} flag, or {@code null}
     * @param extra unknown members, or {@code null} for none
     */
    public StreamOptions(Boolean includeUsage, Map<String, JsonValue> extra) {
        this(includeUsage, extra, Set.of());
    }

    /**
     * The options the library sends with a streaming call, unless the provider declines them.
     *
     * @return {@code {"include_usage": true}}
     */
    public static StreamOptions withUsage() {
        return new StreamOptions(true, Map.of());
    }
}
