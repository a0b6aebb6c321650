package dev.gomodel.chat;

import dev.gomodel.internal.json.ExplicitNulls;
import java.util.Map;
import java.util.Set;

/**
 * Token usage. The three counts read as 0 when the upstream omits them or sends JSON
 * {@code null} (which {@code nulls} remembers); the details are {@code null} when absent or
 * JSON {@code null}. {@code rawUsage} is GoModel's {@code raw_usage}: the provider's own
 * usage object, kept as received. Immutable and thread-safe.
 *
 * @param promptTokens every input token, cached ones included
 * @param completionTokens every generated token, reasoning included
 * @param totalTokens the sum of the two, as the upstream reports it
 * @param promptTokensDetails how the input tokens divide, or {@code null} when absent
 * @param completionTokensDetails how the generated tokens divide, or {@code null} when absent
 * @param rawUsage the provider's own usage object when a provider translated it, or {@code null}
 * @param extra the members this record does not know, in the order they came
 * @param nulls the members above that were explicitly {@code null}; never {@code null}
 */
public record Usage(
        int promptTokens,
        int completionTokens,
        int totalTokens,
        PromptTokensDetails promptTokensDetails,
        CompletionTokensDetails completionTokensDetails,
        JsonValue rawUsage,
        Map<String, JsonValue> extra,
        Set<String> nulls) {

    /**
     * Copies {@code extra}; {@code null} is taken as empty.
     *
     * @param promptTokens the input tokens
     * @param completionTokens the generated tokens
     * @param totalTokens their total
     * @param promptTokensDetails the input details, or {@code null}
     * @param completionTokensDetails the output details, or {@code null}
     * @param rawUsage the provider's usage object, or {@code null}
     * @param extra unknown members, or {@code null} for none
     * @param nulls the members that are explicitly {@code null}, or {@code null} for none; a
     *     member that has a value here (a count other than 0) is dropped from it
     * @throws IllegalArgumentException if {@code nulls} names a member this record does not model
     */
    public Usage {
        extra = Copies.extra(extra);
        nulls = ExplicitNulls.USAGE.normalize(nulls, (promptTokens != 0 ? 1 : 0) | (completionTokens != 0 ? 2 : 0)
                | (totalTokens != 0 ? 4 : 0) | (promptTokensDetails != null ? 8 : 0)
                | (completionTokensDetails != null ? 16 : 0));
    }

    /**
     * Usage with no member explicitly {@code null}.
     *
     * @param promptTokens the input tokens
     * @param completionTokens the generated tokens
     * @param totalTokens their total
     * @param promptTokensDetails the input details, or {@code null}
     * @param completionTokensDetails the output details, or {@code null}
     * @param rawUsage the provider's usage object, or {@code null}
     * @param extra unknown members, or {@code null} for none
     */
    public Usage(int promptTokens, int completionTokens, int totalTokens, PromptTokensDetails promptTokensDetails,
            CompletionTokensDetails completionTokensDetails, JsonValue rawUsage, Map<String, JsonValue> extra) {
        this(promptTokens, completionTokens, totalTokens, promptTokensDetails, completionTokensDetails, rawUsage, extra,
                Set.of());
    }

    /**
     * Usage with just the three counts.
     *
     * @param promptTokens the input tokens
     * @param completionTokens the generated tokens
     * @return usage whose {@code totalTokens} is their sum, with no details
     */
    public static Usage of(int promptTokens, int completionTokens) {
        return new Usage(promptTokens, completionTokens, promptTokens + completionTokens, null, null, null, Map.of());
    }

    /**
     * {@code prompt_tokens_details}: cached, audio, text and image tokens; each {@code null} when absent.
     *
     * @param cachedTokens input tokens read from the upstream's prompt cache
     * @param audioTokens input tokens of audio
     * @param textTokens input tokens of text
     * @param imageTokens input tokens of images
     * @param extra the members this record does not know, in the order they came
     * @param nulls the members above that were explicitly {@code null}; never {@code null}
     */
    public record PromptTokensDetails(
            Integer cachedTokens, Integer audioTokens, Integer textTokens, Integer imageTokens,
            Map<String, JsonValue> extra, Set<String> nulls) {

        /**
         * Copies {@code extra}; {@code null} is taken as empty.
         *
         * @param cachedTokens cached input tokens, or {@code null}
         * @param audioTokens audio input tokens, or {@code null}
         * @param textTokens text input tokens, or {@code null}
         * @param imageTokens image input tokens, or {@code null}
         * @param extra unknown members, or {@code null} for none
         * @param nulls the members that are explicitly {@code null}, or {@code null} for none; a
         *     member that has a value here is dropped from it
         * @throws IllegalArgumentException if {@code nulls} names a member this record does not model
         */
        public PromptTokensDetails {
            extra = Copies.extra(extra);
            nulls = ExplicitNulls.PROMPT_TOKENS_DETAILS.normalize(nulls, (cachedTokens != null ? 1 : 0)
                    | (audioTokens != null ? 2 : 0) | (textTokens != null ? 4 : 0) | (imageTokens != null ? 8 : 0));
        }

        /**
         * Details with no member explicitly {@code null}.
         *
         * @param cachedTokens cached input tokens, or {@code null}
         * @param audioTokens audio input tokens, or {@code null}
         * @param textTokens text input tokens, or {@code null}
         * @param imageTokens image input tokens, or {@code null}
         * @param extra unknown members, or {@code null} for none
         */
        public PromptTokensDetails(Integer cachedTokens, Integer audioTokens, Integer textTokens, Integer imageTokens,
                Map<String, JsonValue> extra) {
            this(cachedTokens, audioTokens, textTokens, imageTokens, extra, Set.of());
        }
    }

    /**
     * {@code completion_tokens_details}: reasoning, audio and prediction tokens; each {@code null} when absent.
     *
     * @param reasoningTokens generated tokens spent on reasoning
     * @param audioTokens generated tokens of audio
     * @param acceptedPredictionTokens tokens of a predicted output that appeared in the answer
     * @param rejectedPredictionTokens tokens of a predicted output that did not, yet were billed
     * @param extra the members this record does not know, in the order they came
     * @param nulls the members above that were explicitly {@code null}; never {@code null}
     */
    public record CompletionTokensDetails(
            Integer reasoningTokens, Integer audioTokens, Integer acceptedPredictionTokens,
            Integer rejectedPredictionTokens, Map<String, JsonValue> extra, Set<String> nulls) {

        /**
         * Copies {@code extra}; {@code null} is taken as empty.
         *
         * @param reasoningTokens reasoning tokens, or {@code null}
         * @param audioTokens audio output tokens, or {@code null}
         * @param acceptedPredictionTokens accepted prediction tokens, or {@code null}
         * @param rejectedPredictionTokens rejected prediction tokens, or {@code null}
         * @param extra unknown members, or {@code null} for none
         * @param nulls the members that are explicitly {@code null}, or {@code null} for none; a
         *     member that has a value here is dropped from it
         * @throws IllegalArgumentException if {@code nulls} names a member this record does not model
         */
        public CompletionTokensDetails {
            extra = Copies.extra(extra);
            nulls = ExplicitNulls.COMPLETION_TOKENS_DETAILS.normalize(nulls, (reasoningTokens != null ? 1 : 0)
                    | (audioTokens != null ? 2 : 0) | (acceptedPredictionTokens != null ? 4 : 0)
                    | (rejectedPredictionTokens != null ? 8 : 0));
        }

        /**
         * Details with no member explicitly {@code null}.
         *
         * @param reasoningTokens reasoning tokens, or {@code null}
         * @param audioTokens audio output tokens, or {@code null}
         * @param acceptedPredictionTokens accepted prediction tokens, or {@code null}
         * @param rejectedPredictionTokens rejected prediction tokens, or {@code null}
         * @param extra unknown members, or {@code null} for none
         */
        public CompletionTokensDetails(Integer reasoningTokens, Integer audioTokens, Integer acceptedPredictionTokens,
                Integer rejectedPredictionTokens, Map<String, JsonValue> extra) {
            this(reasoningTokens, audioTokens, acceptedPredictionTokens, rejectedPredictionTokens, extra, Set.of());
        }
    }
}
