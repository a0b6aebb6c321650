package dev.gomodel.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.gomodel.chat.JsonValue;
import dev.gomodel.chat.Usage;
import dev.gomodel.chat.Usage.CompletionTokensDetails;
import dev.gomodel.chat.Usage.PromptTokensDetails;
import dev.gomodel.internal.json.ExplicitNulls;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/** {@code usage} with its token details and GoModel's {@code raw_usage}; shared by completions and chunks. */
final class UsageCodec {

    private static final Set<String> USAGE = Set.of("prompt_tokens", "completion_tokens", "total_tokens",
            "prompt_tokens_details", "completion_tokens_details", "raw_usage");
    private static final Set<String> PROMPT_DETAILS = Set.of("cached_tokens", "audio_tokens", "text_tokens",
            "image_tokens");
    private static final Set<String> COMPLETION_DETAILS = Set.of("reasoning_tokens", "audio_tokens",
            "accepted_prediction_tokens", "rejected_prediction_tokens");

    private UsageCodec() {
    }

    /** The three counts read as 0 when absent or null ({@code nulls} tells the two apart). */
    static Usage readUsage(JsonIn in) throws IOException {
        if (!in.startObject("a usage object")) {
            return null;
        }
        int promptTokens = 0;
        int completionTokens = 0;
        int totalTokens = 0;
        PromptTokensDetails promptDetails = null;
        CompletionTokensDetails completionDetails = null;
        JsonValue rawUsage = null;
        Map<String, JsonValue> extra = null;
        int nulls = 0;
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            switch (name) {
                case "prompt_tokens" -> promptTokens = in.integer(0);
                case "completion_tokens" -> completionTokens = in.integer(0);
                case "total_tokens" -> totalTokens = in.integer(0);
                case "prompt_tokens_details" -> promptDetails = readPromptDetails(in);
                case "completion_tokens_details" -> completionDetails = readCompletionDetails(in);
                case "raw_usage" -> rawUsage = in.value();
                default -> extra = in.unknown(extra, name);
            }
            nulls = in.nulls(nulls, ExplicitNulls.USAGE, name);
        }
        return new Usage(promptTokens, completionTokens, totalTokens, promptDetails, completionDetails, rawUsage,
                extra, ExplicitNulls.USAGE.set(nulls));
    }

    /** The three counts are always written: as {@code null} when they came so, else as numbers. */
    static void writeUsage(JsonGenerator out, Usage usage) throws IOException {
        out.writeStartObject();
        JsonOut.count(out, "prompt_tokens", usage.promptTokens(), usage.nulls());
        JsonOut.count(out, "completion_tokens", usage.completionTokens(), usage.nulls());
        JsonOut.count(out, "total_tokens", usage.totalTokens(), usage.nulls());
        JsonOut.object(out, "prompt_tokens_details", usage.promptTokensDetails(), UsageCodec::writePromptDetails,
                usage.nulls());
        JsonOut.object(out, "completion_tokens_details", usage.completionTokensDetails(),
                UsageCodec::writeCompletionDetails, usage.nulls());
        JsonOut.raw(out, "raw_usage", usage.rawUsage());
        JsonOut.extra(out, usage.extra(), USAGE);
        out.writeEndObject();
    }

    private static PromptTokensDetails readPromptDetails(JsonIn in) throws IOException {
        if (!in.startObject("a prompt_tokens_details object")) {
            return null;
        }
        Integer cached = null;
        Integer audio = null;
        Integer text = null;
        Integer image = null;
        Map<String, JsonValue> extra = null;
        int nulls = 0;
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            switch (name) {
                case "cached_tokens" -> cached = in.integer();
                case "audio_tokens" -> audio = in.integer();
                case "text_tokens" -> text = in.integer();
                case "image_tokens" -> image = in.integer();
                default -> extra = in.unknown(extra, name);
            }
            nulls = in.nulls(nulls, ExplicitNulls.PROMPT_TOKENS_DETAILS, name);
        }
        return new PromptTokensDetails(cached, audio, text, image, extra,
                ExplicitNulls.PROMPT_TOKENS_DETAILS.set(nulls));
    }

    private static void writePromptDetails(JsonGenerator out, PromptTokensDetails details) throws IOException {
        out.writeStartObject();
        JsonOut.integer(out, "cached_tokens", details.cachedTokens(), details.nulls());
        JsonOut.integer(out, "audio_tokens", details.audioTokens(), details.nulls());
        JsonOut.integer(out, "text_tokens", details.textTokens(), details.nulls());
        JsonOut.integer(out, "image_tokens", details.imageTokens(), details.nulls());
        JsonOut.extra(out, details.extra(), PROMPT_DETAILS);
        out.writeEndObject();
    }

    private static CompletionTokensDetails readCompletionDetails(JsonIn in) throws IOException {
        if (!in.startObject("a completion_tokens_details object")) {
            return null;
        }
        Integer reasoning = null;
        Integer audio = null;
        Integer accepted = null;
        Integer rejected = null;
        Map<String, JsonValue> extra = null;
        int nulls = 0;
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            switch (name) {
                case "reasoning_tokens" -> reasoning = in.integer();
                case "audio_tokens" -> audio = in.integer();
                case "accepted_prediction_tokens" -> accepted = in.integer();
                case "rejected_prediction_tokens" -> rejected = in.integer();
                default -> extra = in.unknown(extra, name);
            }
            nulls = in.nulls(nulls, ExplicitNulls.COMPLETION_TOKENS_DETAILS, name);
        }
        return new CompletionTokensDetails(reasoning, audio, accepted, rejected, extra,
                ExplicitNulls.COMPLETION_TOKENS_DETAILS.set(nulls));
    }

    private static void writeCompletionDetails(JsonGenerator out, CompletionTokensDetails details)
            throws IOException {
        out.writeStartObject();
        JsonOut.integer(out, "reasoning_tokens", details.reasoningTokens(), details.nulls());
        JsonOut.integer(out, "audio_tokens", details.audioTokens(), details.nulls());
        JsonOut.integer(out, "accepted_prediction_tokens", details.acceptedPredictionTokens(), details.nulls());
        JsonOut.integer(out, "rejected_prediction_tokens", details.rejectedPredictionTokens(), details.nulls());
        JsonOut.extra(out, details.extra(), COMPLETION_DETAILS);
        out.writeEndObject();
    }
}
