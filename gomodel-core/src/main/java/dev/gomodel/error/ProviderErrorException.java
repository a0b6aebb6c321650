package dev.gomodel.error;

/** The upstream failed (HTTP 5xx, or an error event in a stream such as {@code overloaded_error}). Immutable. */
public final class ProviderErrorException extends ApiException {

    private static final long serialVersionUID = 1L;

    public ProviderErrorException(ApiError error) {
        super(error);
    }
}
