package dev.gomodel.chat;

import dev.gomodel.internal.json.ExplicitNulls;
import java.util.Map;
import java.util.Set;

/**
 * One choice of a {@link ChatCompletion}. {@code finishReason} is an open string: see the
 * constants for the well-known values. Immutable and thread-safe.
 *
 * @param index the choice's position among the completion's choices, from 0
 * @param message the answer, or {@code null} when absent
 * @param finishReason why generation stopped, such as {@link #STOP}, or {@code null}
 * @param logprobs the {@code logprobs} member as received ({@link JsonValue#NULL} for JSON
 *     {@code null}), or {@code null} when absent
 * @param extra the members this record does not know, in the order they came
 * @param nulls the members above that were explicitly {@code null}; never {@code null}
 */
public record Choice(int index, Message message, String finishReason, JsonValue logprobs, Map<String, JsonValue> extra,
        Set<String> nulls) {

    /** The model finished its answer or reached a stop sequence. */
    public static final String STOP = "stop";
    /** The answer was cut off at {@code max_tokens} or the model's context limit. */
    public static final String LENGTH = "length";
    /** The model stopped to call tools; see {@link Message#toolCalls()}. */
    public static final String TOOL_CALLS = "tool_calls";
    /** The answer was withheld or cut off by the upstream's content filter. */
    public static final String CONTENT_FILTER = "content_filter";

    /** {@code finish_reason} explicitly {@code null}. */
    private static final Set<String> FINISH_REASON_NULL =
            ExplicitNulls.CHOICE.set(ExplicitNulls.CHOICE.bit("finish_reason"));

    /**
     * Copies {@code extra}; {@code null} is taken as empty.
     *
     * @param index the choice's index
     * @param message the message, or {@code null}
     * @param finishReason the {@code finish_reason}, or {@code null}
     * @param logprobs the {@code logprobs}, or {@code null}
     * @param extra unknown members, or {@code null} for none
     * @param nulls the members that are explicitly {@code null}, or {@code null} for none; a
     *     member that has a value here (an {@code index} other than 0) is dropped from it
     * @throws IllegalArgumentException if {@code nulls} names a member this record does not model
     */
    public Choice {
        extra = Copies.extra(extra);
        nulls = ExplicitNulls.CHOICE.normalize(nulls,
                (index != 0 ? 1 : 0) | (message != null ? 2 : 0) | (finishReason != null ? 4 : 0));
    }

    /**
     * A choice whose {@code finish_reason}, when {@code null}, is written as JSON {@code null}.
     *
     * @param index the choice's index
     * @param message the message, or {@code null} when absent
     * @param finishReason the {@code finish_reason}, or {@code null} for JSON {@code null}
     * @param logprobs the {@code logprobs}, or {@code null}
     * @param extra unknown members, or {@code null} for none
     */
    public Choice(int index, Message message, String finishReason, JsonValue logprobs, Map<String, JsonValue> extra) {
        this(index, message, finishReason, logprobs, extra, finishReason == null ? FINISH_REASON_NULL : Set.of());
    }
}
