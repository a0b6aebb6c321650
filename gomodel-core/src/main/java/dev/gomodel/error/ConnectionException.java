package dev.gomodel.error;

/**
 * The exchange failed below HTTP: connection refused or reset, the connection closed before a
 * complete response. A failed TLS handshake is a {@link TlsException} instead. The cause is the underlying {@link java.io.IOException}.
 * Immutable.
 */
public final class ConnectionException extends GoModelException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception for a failed exchange.
     *
     * @param message what failed and when (connecting, sending, reading)
     * @param provider the provider whose exchange failed, or {@code null}
     * @param cause the underlying {@link java.io.IOException}, or {@code null}
     */
    public ConnectionException(String message, String provider, Throwable cause) {
        super(message, provider, cause);
    }
}
