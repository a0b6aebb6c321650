package dev.gomodel.error;

/** The upstream rejected the request as invalid (HTTP 4xx other than 401, 403, 404 and 429). Immutable. */
public final class InvalidRequestException extends ApiException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(ApiError error) {
        super(error);
    }
}
