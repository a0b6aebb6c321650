package dev.gomodel.error;

/** The upstream rejected the request as invalid (HTTP 4xx other than 401, 403, 404 and 429). Immutable. */
public final class InvalidRequestException extends ApiException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception for an upstream error with a 4xx status other than 401, 403, 404 and 429. Providers usually get one from
     * {@link ApiException#of(ApiError)}, which picks this class by status.
     *
     * @param error what the provider read from the upstream's error
     * @throws NullPointerException if {@code error} is {@code null}
     */
    public InvalidRequestException(ApiError error) {
        super(error);
    }
}
