package dev.gomodel.error;

/**
 * The root of every exception gomodel-java throws for a failed call. Unchecked.
 *
 * <p>Subtypes say what went wrong: {@link ApiException} (the upstream answered with an error),
 * {@link RequestTimeoutException}, {@link ConnectionException}, {@link IncompleteStreamException},
 * {@link MalformedResponseException}, {@link NoRouteException}. Bad input is reported before any
 * network call with {@link IllegalArgumentException} naming the field. Messages never contain
 * API keys. Exceptions are immutable once thrown.
 */
public class GoModelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String provider;

    public GoModelException(String message, String provider, Throwable cause) {
        super(message, cause);
        this.provider = provider;
    }

    /** The name of the provider the failure came from, or {@code null} when it came from none. */
    public String provider() {
        return provider;
    }
}
