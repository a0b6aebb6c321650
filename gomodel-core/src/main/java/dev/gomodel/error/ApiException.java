package dev.gomodel.error;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The upstream answered with an error: an HTTP error status, or an error event inside a
 * {@code 200} stream ({@link #status()} is then {@code 200}).
 *
 * <p>Subtypes follow GoModel's mapping of status codes: {@link AuthenticationException} (401,
 * 403), {@link NotFoundException} (404), {@link RateLimitException} (429),
 * {@link InvalidRequestException} (other 4xx) and {@link ProviderErrorException} (5xx and
 * anything else). {@link #of} picks the subtype. Immutable.
 */
public class ApiException extends GoModelException {

    private static final long serialVersionUID = 1L;

    /** How many characters of the raw error body are kept. */
    public static final int MAX_BODY_SNIPPET = 2_048;

    private final int status;
    private final String type;
    private final String code;
    private final String param;
    private final String requestId;
    private final Duration retryAfter;
    private final String bodySnippet;

    public ApiException(ApiError error) {
        super(messageOf(Objects.requireNonNull(error, "error")), error.provider(), null);
        this.status = error.status();
        this.type = error.type();
        this.code = error.code();
        this.param = error.param();
        this.requestId = error.requestId();
        this.retryAfter = error.retryAfter();
        this.bodySnippet = snippet(error.body());
    }

    /**
     * The exception type for {@code error}: by HTTP status, or for an in-stream error
     * ({@code status} 200) by the error's {@code type} or {@code code}.
     */
    public static ApiException of(ApiError error) {
        Objects.requireNonNull(error, "error");
        int status = error.status();
        if (status < 400) {
            status = statusForType(error.type() != null ? error.type() : error.code());
        }
        if (status == 401 || status == 403) {
            return new AuthenticationException(error);
        }
        if (status == 404) {
            return new NotFoundException(error);
        }
        if (status == 429) {
            return new RateLimitException(error);
        }
        if (status >= 400 && status < 500) {
            return new InvalidRequestException(error);
        }
        return new ProviderErrorException(error);
    }

    private static int statusForType(String type) {
        if (type == null) {
            return 500;
        }
        return switch (type) {
            case "authentication_error", "invalid_api_key", "permission_error" -> 401;
            case "not_found_error", "model_not_found" -> 404;
            case "rate_limit_error", "rate_limit_exceeded", "insufficient_quota" -> 429;
            case "invalid_request_error", "invalid_request" -> 400;
            default -> 500;
        };
    }

    /** The HTTP status; {@code 200} for an error event inside a successful stream. */
    public int status() {
        return status;
    }

    /** The error's {@code type} ({@code "invalid_request_error"}, ...), or {@code null}. */
    public String type() {
        return type;
    }

    /** The error's {@code code} ({@code "model_not_found"}, ...), or {@code null}. */
    public String code() {
        return code;
    }

    /** The request parameter the error is about, or {@code null}. */
    public String param() {
        return param;
    }

    /** The upstream's request id ({@code x-request-id} or {@code request-id}), or {@code null}. */
    public String requestId() {
        return requestId;
    }

    /** How long the upstream asked to wait ({@code retry-after-ms} or {@code Retry-After}), if it did. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The start of the raw error body, at most {@link #MAX_BODY_SNIPPET} characters; may be empty. */
    public String bodySnippet() {
        return bodySnippet;
    }

    private static String messageOf(ApiError error) {
        StringBuilder message = new StringBuilder();
        message.append(error.provider() == null ? "upstream" : error.provider());
        if (error.status() >= 400) {
            message.append(" returned HTTP ").append(error.status());
        } else {
            message.append(" sent an error event in the stream");
        }
        if (error.message() != null && !error.message().isBlank()) {
            message.append(": ").append(error.message());
        }
        if (error.code() != null) {
            message.append(" (code ").append(error.code()).append(')');
        }
        if (error.requestId() != null) {
            message.append(" [request id ").append(error.requestId()).append(']');
        }
        return message.toString();
    }

    private static String snippet(String body) {
        if (body == null) {
            return "";
        }
        return body.length() <= MAX_BODY_SNIPPET ? body : body.substring(0, MAX_BODY_SNIPPET);
    }
}
