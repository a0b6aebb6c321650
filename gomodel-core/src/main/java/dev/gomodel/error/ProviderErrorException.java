package dev.gomodel.error;

/** The upstream failed (HTTP 5xx, or an error event in a stream such as {@code overloaded_error}). Immutable. */
public final class ProviderErrorException extends ApiException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception for an upstream error with a 5xx status, or an in-stream error. Providers usually get one from
     * {@link ApiException#of(ApiError)}, which picks this class by status.
     *
     * @param error what the provider read from the upstream's error
     * @throws NullPointerException if {@code error} is {@code null}
     */
    public ProviderErrorException(ApiError error) {
        super(error);
    }
}
