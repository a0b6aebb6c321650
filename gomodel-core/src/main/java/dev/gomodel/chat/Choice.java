package dev.gomodel.chat;

import java.util.Map;

/**
 * One choice of a {@link ChatCompletion}. {@code finishReason} is an open string: see the
 * constants for the well-known values. Immutable and thread-safe.
 */
public record Choice(int index, Message message, String finishReason, JsonValue logprobs, Map<String, JsonValue> extra) {

    public static final String STOP = "stop";
    public static final String LENGTH = "length";
    public static final String TOOL_CALLS = "tool_calls";
    public static final String CONTENT_FILTER = "content_filter";

    public Choice {
        extra = Copies.extra(extra);
    }
}
