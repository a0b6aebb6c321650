package dev.gomodel.error;

/** The upstream rejected the credentials or their permissions (HTTP 401 or 403). Immutable. */
public final class AuthenticationException extends ApiException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception for an upstream error with status 401 or 403. Providers usually get one from
     * {@link ApiException#of(ApiError)}, which picks this class by status.
     *
     * @param error what the provider read from the upstream's error
     * @throws NullPointerException if {@code error} is {@code null}
     */
    public AuthenticationException(ApiError error) {
        super(error);
    }
}
