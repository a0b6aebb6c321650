package dev.gomodel.chat;

import java.util.Map;

/**
 * The request's {@code stream_options}; {@code include_usage} asks for a last chunk carrying usage.
 *
 * <p>Immutable and thread-safe.
 *
 * @param includeUsage {@code include_usage}, or {@code null} when absent
 * @param extra the members this record does not know, in the order they came
 */
public record StreamOptions(Boolean includeUsage, Map<String, JsonValue> extra) {

    /**
     * Copies {@code extra}; {@code null} is taken as empty.
     *
     * @param includeUsage the {@code include_usage} flag, or {@code null}
     * @param extra unknown members, or {@code null} for none
     */
    public StreamOptions {
        extra = Copies.extra(extra);
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
