package dev.gomodel.routing;

import dev.gomodel.error.ApiException;
import dev.gomodel.error.AuthenticationException;
import dev.gomodel.error.CircuitOpenException;
import dev.gomodel.error.ConnectionException;
import dev.gomodel.error.IncompleteStreamException;
import dev.gomodel.error.InvalidRequestException;
import dev.gomodel.error.MalformedResponseException;
import dev.gomodel.error.NotFoundException;
import dev.gomodel.error.ProviderErrorException;
import dev.gomodel.error.RateLimitException;
import dev.gomodel.error.RequestTimeoutException;
import dev.gomodel.error.StreamInterruptedException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

/**
 * How the router treats a failed attempt: whether to retry it on the same stage, whether to move
 * on to the fallbacks, whether it counts against the provider's circuit, and whether it says the
 * model is unavailable. Every method first unwraps {@link CompletionException} and
 * {@link ExecutionException}, and answers {@code false} for {@code null}.
 *
 * <p>An error event inside a stream arrives as an {@link ApiException} with status 200; it is
 * judged by the status {@link ApiException#of} gave its subtype ({@code overloaded_error} and
 * other server errors as 500, {@code rate_limit_error} as 429, {@code invalid_request_error}
 * as 400, ...).
 *
 * <p>Message-based rules read the upstream's own message, without the provider name, status,
 * code and request id that {@link ApiException#getMessage()} adds around it.
 *
 * <p>Stateless and thread-safe.
 */
final class Failures {

    /** Identifiers such as {@code model_not_found} or {@code model_decommissioned}, once {@code -./ } became {@code _}. */
    private static final Pattern UNAVAILABLE_IDENTIFIER = Pattern.compile(
            "not_?found|does_?not_?exist|not_?available|unavailable|not_?supported|unsupported|deprecated"
                    + "|decommissioned|retired|no_?longer_?(?:supported|available)");

    /**
     * "The model `x` does not exist", "model 'x' not found", "models/x is not found", "the model
     * has been decommissioned and is no longer supported": the word model, at most one name
     * token, then the verdict. A verdict about something else that merely ends with "this
     * model" ("'max_tokens' is not supported with this model") does not match.
     */
    private static final Pattern MODEL_THEN_VERDICT = Pattern.compile(
            "\\bmodels?\\b"
                    + "(?:\\s*[:=]?\\s*(?:`[^`\\s]{1,128}`|'[^'\\s]{1,128}'|\"[^\"\\s]{1,128}\"|[\\w./:@-]{1,128}))?"
                    + "\\s+(?:is\\s+|are\\s+|was\\s+|were\\s+|has\\s+been\\s+|have\\s+been\\s+)?"
                    + "(?:now\\s+|currently\\s+|temporarily\\s+)?"
                    + "(?:not\\s+found|not\\s+available|unavailable|not\\s+supported|unsupported|deprecated"
                    + "|decommissioned|retired|no\\s+longer\\s+(?:supported|available)"
                    + "|does\\s+not\\s+exist|doesn't\\s+exist|do\\s+not\\s+exist)\\b",
            Pattern.CASE_INSENSITIVE);

    /** "Unsupported model: x", "unknown model x". */
    private static final Pattern VERDICT_THEN_MODEL = Pattern.compile(
            "\\b(?:unsupported|unknown|unavailable|deprecated|decommissioned|retired)\\s+models?\\b",
            Pattern.CASE_INSENSITIVE);

    /** snake_case identifiers inside a message that mention a model, such as {@code model_not_found}. */
    private static final Pattern MODEL_IDENTIFIER = Pattern.compile("\\w*model\\w*", Pattern.CASE_INSENSITIVE);

    private static final int MAX_UNWRAP = 16;

    private Failures() {
    }

    /**
     * Whether trying the same stage again may succeed: connection failures, timeouts of any
     * phase, streams that broke off before their end, HTTP 408, 409, 429, 500, 502, 503, 504 and
     * 529, in-stream server errors, and any error that says "overloaded"; never quota errors
     * ({@code insufficient_quota}, a code or type about quota, or a 429 whose message mentions
     * quota), other 4xx, malformed responses, open circuits, missing routes or cancellations.
     */
    static boolean isRetryable(Throwable failure) {
        Throwable error = unwrap(failure);
        if (error instanceof ConnectionException || error instanceof RequestTimeoutException
                || error instanceof IncompleteStreamException) {
            return true;
        }
        if (error instanceof ApiException api) {
            if (isQuota(api)) {
                return false;
            }
            if (isOverloaded(api)) {
                return true;
            }
            return switch (effectiveStatus(api)) {
                case 408, 409, 429, 500, 502, 503, 504, 529 -> true;
                default -> false;
            };
        }
        return false;
    }

    /**
     * Whether the upstream says the model is unavailable, as GoModel decides it: HTTP 404, or a
     * code, type or message saying the model is not found, does not exist, is unsupported,
     * unavailable, deprecated, decommissioned or retired ({@code model_not_found},
     * {@code model_decommissioned}, "The model `x` does not exist", "model is deprecated",
     * "... is no longer supported"). Case-insensitive; the text must mention a model, so a
     * 400 about a path not found is not taken for it.
     */
    static boolean isModelUnavailable(Throwable failure) {
        if (!(unwrap(failure) instanceof ApiException api)) {
            return false;
        }
        if (effectiveStatus(api) == 404) {
            return true;
        }
        return identifierSaysModelUnavailable(api.code()) || identifierSaysModelUnavailable(api.type())
                || messageSaysModelUnavailable(upstreamMessage(api));
    }

    /**
     * Whether the route moves on to its fallbacks after this failure (once its retries are
     * spent): 5xx and in-stream server errors, 429 (quota included), other retryable statuses
     * (408, 409, "overloaded"), timeouts, connection failures, broken-off or malformed
     * responses, open circuits, and model-unavailable errors. Other upstream errors (400, 401,
     * 403, 422...) fall back only when {@code onRequestErrors}; anything else (a
     * {@link StreamInterruptedException}, which already delivered output, missing routes, bad
     * arguments, cancellations) never does.
     */
    static boolean triggersFallback(Throwable failure, boolean onRequestErrors) {
        Throwable error = unwrap(failure);
        if (error instanceof ConnectionException || error instanceof RequestTimeoutException
                || error instanceof IncompleteStreamException || error instanceof MalformedResponseException
                || error instanceof CircuitOpenException) {
            return true;
        }
        if (error instanceof ApiException api) {
            int status = effectiveStatus(api);
            if (status >= 500 || status == 429 || isRetryable(api) || isModelUnavailable(api)) {
                return true;
            }
            return onRequestErrors;
        }
        return false;
    }

    /**
     * Whether this failure speaks to the provider's health and counts against its circuit:
     * connection failures, timeouts, broken-off or malformed responses, 429, 5xx, in-stream
     * server errors and "overloaded" errors. Request errors (other 4xx, model-unavailable
     * included) do not; nor does anything that is not the provider's doing. A
     * {@link StreamInterruptedException} is judged by its cause.
     */
    static boolean countsAgainstCircuit(Throwable failure) {
        Throwable error = unwrap(failure);
        if (error instanceof StreamInterruptedException interrupted && interrupted.getCause() != null
                && interrupted.getCause() != interrupted) {
            return countsAgainstCircuit(interrupted.getCause());
        }
        if (error instanceof ConnectionException || error instanceof RequestTimeoutException
                || error instanceof IncompleteStreamException || error instanceof MalformedResponseException) {
            return true;
        }
        if (error instanceof ApiException api) {
            int status = effectiveStatus(api);
            return status == 429 || status >= 500 || isOverloaded(api);
        }
        return false;
    }

    /** The failure inside any {@link CompletionException} or {@link ExecutionException} wrappers. */
    static Throwable unwrap(Throwable failure) {
        Throwable error = failure;
        for (int i = 0; i < MAX_UNWRAP
                && (error instanceof CompletionException || error instanceof ExecutionException)
                && error.getCause() != null; i++) {
            error = error.getCause();
        }
        return error;
    }

    /**
     * The HTTP status an error stands for: its own when it is one (400 and up), else the one
     * {@link ApiException#of} chose its subtype by, so an in-stream {@code overloaded_error}
     * is a 500 and an in-stream {@code rate_limit_error} a 429.
     */
    static int effectiveStatus(ApiException api) {
        if (api.status() >= 400) {
            return api.status();
        }
        if (api instanceof AuthenticationException) {
            return 401;
        }
        if (api instanceof NotFoundException) {
            return 404;
        }
        if (api instanceof RateLimitException) {
            return 429;
        }
        if (api instanceof InvalidRequestException) {
            return 400;
        }
        if (api instanceof ProviderErrorException) {
            return 500;
        }
        // A plain ApiException built directly: the same mapping as ApiException.of.
        String kind = api.type() != null ? api.type() : api.code();
        if (kind == null) {
            return 500;
        }
        return switch (kind) {
            case "authentication_error", "invalid_api_key", "permission_error" -> 401;
            case "not_found_error", "model_not_found" -> 404;
            case "rate_limit_error", "rate_limit_exceeded", "insufficient_quota" -> 429;
            case "invalid_request_error", "invalid_request" -> 400;
            default -> 500;
        };
    }

    private static boolean isQuota(ApiException api) {
        if (contains(api.type(), "quota") || contains(api.code(), "quota")) {
            return true;
        }
        return effectiveStatus(api) == 429 && contains(upstreamMessage(api), "quota");
    }

    private static boolean isOverloaded(ApiException api) {
        return contains(api.type(), "overloaded") || contains(api.code(), "overloaded")
                || contains(upstreamMessage(api), "overloaded");
    }

    private static boolean identifierSaysModelUnavailable(String identifier) {
        if (identifier == null) {
            return false;
        }
        String normalized = identifier.toLowerCase(Locale.ROOT).replaceAll("[-./ ]", "_");
        return normalized.contains("model") && UNAVAILABLE_IDENTIFIER.matcher(normalized).find();
    }

    private static boolean messageSaysModelUnavailable(String message) {
        if (message.isEmpty() || !message.toLowerCase(Locale.ROOT).contains("model")) {
            return false;
        }
        if (MODEL_THEN_VERDICT.matcher(message).find() || VERDICT_THEN_MODEL.matcher(message).find()) {
            return true;
        }
        var identifiers = MODEL_IDENTIFIER.matcher(message);
        while (identifiers.find()) {
            String word = identifiers.group();
            if (word.contains("_") && identifierSaysModelUnavailable(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The upstream's message as it came, without what {@link ApiException} puts around it
     * ({@code "<provider> returned HTTP <status>: "}, {@code " (code <code>)"},
     * {@code " [request id <id>]"}), so a provider named "model-hub" or a request id does not
     * feed the text rules; empty when the upstream sent none.
     */
    static String upstreamMessage(ApiException api) {
        String full = api.getMessage();
        if (full == null) {
            return "";
        }
        String prefix = (api.provider() == null ? "upstream" : api.provider())
                + (api.status() >= 400 ? " returned HTTP " + api.status() : " sent an error event in the stream");
        if (!full.startsWith(prefix)) {
            return full;
        }
        String rest = full.substring(prefix.length());
        if (api.requestId() != null) {
            rest = withoutSuffix(rest, " [request id " + api.requestId() + "]");
        }
        if (api.code() != null) {
            rest = withoutSuffix(rest, " (code " + api.code() + ")");
        }
        return rest.startsWith(": ") ? rest.substring(2) : "";
    }

    private static String withoutSuffix(String text, String suffix) {
        return text.endsWith(suffix) ? text.substring(0, text.length() - suffix.length()) : text;
    }

    private static boolean contains(String text, String word) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(word);
    }
}
