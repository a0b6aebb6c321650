package dev.gomodel.error;

/** The upstream is rate limiting or out of quota (HTTP 429); see {@link #retryAfter()}. Immutable. */
public final class RateLimitException extends ApiException {

    private static final long serialVersionUID = 1L;

    public RateLimitException(ApiError error) {
        super(error);
    }
}
