package dev.gomodel.error;

/**
 * The root of every exception gomodel-java throws for a failed call. Unchecked.
 *
 * <p>Subtypes say what went wrong: {@link ApiException} (the upstream answered with an error),
 * {@link RequestTimeoutException}, {@link ConnectionException}, {@link IncompleteStreamException},
 * {@link MalformedResponseException}, {@link NoRouteException}, {@link TlsException},
 * {@link ConcurrencyLimitException}. Bad input is reported before any
 * network call with {@link IllegalArgumentException} naming the field. Messages never contain
 * API keys. Exceptions are immutable once thrown.
 */
public class GoModelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The provider the failure came from, or {@code null}. */
    private final String provider;

    /**
     * An exception for a failed call.
     *
     * @param message what went wrong; must not contain secrets
     * @param provider the name of the provider the failure came from, or {@code null}
     * @param cause the underlying failure, or {@code null}
     */
    public GoModelException(String message, String provider, Throwable cause) {
        super(message, cause);
        this.provider = provider;
    }

    /**
     * Names the provider the failure came from.
     *
     * @return the provider's name, or {@code null} when the failure came from none (for example a
     *     closed client or no route)
     */
    public String provider() {
        return provider;
    }
}
