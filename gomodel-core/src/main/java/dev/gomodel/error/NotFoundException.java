package dev.gomodel.error;

/** The upstream does not know the model or path (HTTP 404). Immutable. */
public final class NotFoundException extends ApiException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(ApiError error) {
        super(error);
    }
}
