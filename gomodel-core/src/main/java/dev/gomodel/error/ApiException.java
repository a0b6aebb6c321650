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

    /** The HTTP status, or 200 for an in-stream error. */
    private final int status;
    /** The error's {@code type}, or {@code null}. */
    private final String type;
    /** The error's {@code code}, or {@code null}. */
    private final String code;
    /** The request parameter at fault, or {@code null}. */
    private final String param;
    /** The upstream's request id, or {@code null}. */
    private final String requestId;
    /** The wait the upstream asked for, or {@code null} when it asked for none. */
    private final Duration retryAfter;
    /** The start of the raw error body, never {@code null}. */
    private final String bodySnippet;

    /**
     * An exception of exactly this class for {@code error}; use {@link #of(ApiError)} to get the
     * subtype its status calls for. The message names the provider, the status, the upstream's
     * message, code and request id; the body is kept only as {@link #bodySnippet()}.
     *
     * @param error what the provider read from the upstream's error
     * @throws NullPointerException if {@code error} is {@code null}
     */
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
     * ({@code status} 200) by the error's {@code type} or, without one, its {@code code}, which
     * maps like an HTTP status when it is one (OpenRouter's {@code {"code": 429, ...}}).
     *
     * @param error what the provider read from the upstream's error
     * @return an {@link AuthenticationException}, {@link NotFoundException},
     *     {@link RateLimitException}, {@link InvalidRequestException} or, for 5xx and anything not
     *     recognised, a {@link ProviderErrorException}
     * @throws NullPointerException if {@code error} is {@code null}
     */
    public static ApiException of(ApiError error) {
        Objects.requireNonNull(error, "error");
        int status = error.status();
        if (status < 400) {
            status = error.type() != null ? statusForType(error.type()) : statusForCode(error.code());
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

    /** A code that is an HTTP error status maps as that status; any other as a type. */
    private static int statusForCode(String code) {
        if (code != null && code.length() == 3 && code.charAt(0) >= '4' && code.charAt(0) <= '5'
                && code.charAt(1) >= '0' && code.charAt(1) <= '9' && code.charAt(2) >= '0' && code.charAt(2) <= '9') {
            return Integer.parseInt(code);
        }
        return statusForType(code);
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

    /**
     * The HTTP status the upstream answered with.
     *
     * @return the status; {@code 200} for an error event inside a successful stream
     */
    public int status() {
        return status;
    }

    /**
     * The error's {@code type}, as the upstream names it.
     *
     * @return the type ({@code "invalid_request_error"}, ...), or {@code null}
     */
    public String type() {
        return type;
    }

    /**
     * The error's {@code code}, as the upstream names it.
     *
     * @return the code ({@code "model_not_found"}, ...), or {@code null}
     */
    public String code() {
        return code;
    }

    /**
     * The request parameter the error is about, as the upstream reported it.
     *
     * @return the parameter (such as {@code "messages"}), or {@code null}
     */
    public String param() {
        return param;
    }

    /**
     * The upstream's id for the failed request, to quote to its support.
     *
     * @return the {@code x-request-id} or {@code request-id} header, or {@code null}
     */
    public String requestId() {
        return requestId;
    }

    /**
     * How long the upstream asked to wait before trying again.
     *
     * @return the wait from {@code retry-after-ms} or {@code Retry-After}, or empty if it asked
     *     for none
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * The start of the raw error body, for diagnosis.
     *
     * @return at most {@link #MAX_BODY_SNIPPET} characters; empty, never {@code null}, when there
     *     was no body
     */
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
