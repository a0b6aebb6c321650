package dev.gomodel.error;

/**
 * No configured provider can serve the request's model or provider hint. Thrown before any
 * network call; the message lists what is configured. Immutable.
 */
public final class NoRouteException extends GoModelException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception that comes from no provider and has no cause.
     *
     * @param message what was asked for and which providers are configured
     */
    public NoRouteException(String message) {
        super(message, null, null);
    }
}
