package dev.gomodel.error;

/** The upstream does not know the model or path (HTTP 404). Immutable. */
public final class NotFoundException extends ApiException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception for an upstream error with status 404. Providers usually get one from
     * {@link ApiException#of(ApiError)}, which picks this class by status.
     *
     * @param error what the provider read from the upstream's error
     * @throws NullPointerException if {@code error} is {@code null}
     */
    public NotFoundException(ApiError error) {
        super(error);
    }
}
