package dev.gomodel.error;

/** The upstream rejected the credentials or their permissions (HTTP 401 or 403). Immutable. */
public final class AuthenticationException extends ApiException {

    private static final long serialVersionUID = 1L;

    public AuthenticationException(ApiError error) {
        super(error);
    }
}
