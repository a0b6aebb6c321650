package dev.gomodel.error;

/** The upstream is rate limiting or out of quota (HTTP 429); see {@link #retryAfter()}. Immutable. */
public final class RateLimitException extends ApiException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception for an upstream error with status 429. Providers usually get one from
     * {@link ApiException#of(ApiError)}, which picks this class by status.
     *
     * @param error what the provider read from the upstream's error
     * @throws NullPointerException if {@code error} is {@code null}
     */
    public RateLimitException(ApiError error) {
        super(error);
    }
}
