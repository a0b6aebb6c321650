package dev.gomodel.error;

/**
 * The TLS handshake with the upstream failed: its certificate is not trusted, does not name the
 * host, has expired, the server asked for a client certificate that was not given, or the two
 * sides share no protocol or cipher suite. The message says which, when the JDK tells, and what
 * to configure (most often the provider's {@code sslContext}); the cause is the JDK's
 * {@link javax.net.ssl.SSLException}.
 *
 * <p>A setting, not an outage: trying again cannot succeed, so the router does not retry it,
 * does not fall back on it as if the provider were down, and does not count it against the
 * provider's circuit. Immutable.
 */
public final class TlsException extends GoModelException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception for a failed TLS handshake.
     *
     * @param message what failed and what to configure; must not contain secrets
     * @param provider the provider whose handshake failed, or {@code null}
     * @param cause the JDK's exception, or {@code null}
     */
    public TlsException(String message, String provider, Throwable cause) {
        super(message, provider, cause);
    }
}
