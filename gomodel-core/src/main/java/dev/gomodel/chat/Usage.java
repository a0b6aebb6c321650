package dev.gomodel.chat;

import java.util.Map;

/**
 * Token usage. The three counts read as 0 when the upstream omits them; the details are
 * {@code null} when absent. {@code rawUsage} is GoModel's {@code raw_usage}: the provider's own
 * usage object, kept as received. Immutable and thread-safe.
 */
public record Usage(
        int promptTokens,
        int completionTokens,
        int totalTokens,
        PromptTokensDetails promptTokensDetails,
        CompletionTokensDetails completionTokensDetails,
        JsonValue rawUsage,
        Map<String, JsonValue> extra) {

    public Usage {
        extra = Copies.extra(extra);
    }

    /** Usage with just the three counts. */
    public static Usage of(int promptTokens, int completionTokens) {
        return new Usage(promptTokens, completionTokens, promptTokens + completionTokens, null, null, null, Map.of());
    }

    /** {@code prompt_tokens_details}: cached, audio, text and image tokens; each {@code null} when absent. */
    public record PromptTokensDetails(
            Integer cachedTokens, Integer audioTokens, Integer textTokens, Integer imageTokens,
            Map<String, JsonValue> extra) {

        public PromptTokensDetails {
            extra = Copies.extra(extra);
        }
    }

    /** {@code completion_tokens_details}: reasoning, audio and prediction tokens; each {@code null} when absent. */
    public record CompletionTokensDetails(
            Integer reasoningTokens, Integer audioTokens, Integer acceptedPredictionTokens,
            Integer rejectedPredictionTokens, Map<String, JsonValue> extra) {

        public CompletionTokensDetails {
            extra = Copies.extra(extra);
        }
    }
}
