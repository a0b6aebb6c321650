package dev.gomodel.chat;

import java.util.Map;

/**
 * One choice of a {@link ChatCompletion}. {@code finishReason} is an open string: see the
 * constants for the well-known values. Immutable and thread-safe.
 *
 * @param index the choice's position among the completion's choices, from 0
 * @param message the answer, or {@code null} when absent
 * @param finishReason why generation stopped, such as {@link #STOP}, or {@code null}
 * @param logprobs the {@code logprobs} member as received, or {@code null} when absent
 * @param extra the members this record does not know, in the order they came
 */
public record Choice(int index, Message message, String finishReason, JsonValue logprobs, Map<String, JsonValue> extra) {

    /** The model finished its answer or reached a stop sequence. */
    public static final String STOP = "stop";
    /** The answer was cut off at {@code max_tokens} or the model's context limit. */
    public static final String LENGTH = "length";
    /** The model stopped to call tools; see {@link Message#toolCalls()}. */
    public static final String TOOL_CALLS = "tool_calls";
    /** The answer was withheld or cut off by the upstream's content filter. */
    public static final String CONTENT_FILTER = "content_filter";

    /**
     * Copies {@code extra}; {@code null} is taken as empty.
     *
     * @param index the choice's index
     * @param message the message, or {@code null}
     * @param finishReason the {@code finish_reason}, or {@code null}
     * @param logprobs the {@code logprobs}, or {@code null}
     * @param extra unknown members, or {@code null} for none
     */
    public Choice {
        extra = Copies.extra(extra);
    }
}
