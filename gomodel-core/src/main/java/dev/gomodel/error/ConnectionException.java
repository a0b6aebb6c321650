package dev.gomodel.error;

/**
 * The exchange failed below HTTP: connection refused or reset, TLS failure, the connection
 * closed before a complete response. The cause is the underlying {@link java.io.IOException}.
 * Immutable.
 */
public final class ConnectionException extends GoModelException {

    private static final long serialVersionUID = 1L;

    public ConnectionException(String message, String provider, Throwable cause) {
        super(message, provider, cause);
    }
}
