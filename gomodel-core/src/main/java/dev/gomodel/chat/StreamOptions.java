package dev.gomodel.chat;

import java.util.Map;

/**
 * The request's {@code stream_options}; {@code include_usage} asks for a last chunk carrying usage.
 *
 * <p>Immutable and thread-safe.
 */
public record StreamOptions(Boolean includeUsage, Map<String, JsonValue> extra) {

    public StreamOptions {
        extra = Copies.extra(extra);
    }

    /** {@code {"include_usage": true}}. */
    public static StreamOptions withUsage() {
        return new StreamOptions(true, Map.of());
    }
}
