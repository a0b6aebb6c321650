package dev.gomodel.error;

import java.time.Duration;
import java.util.Objects;

/**
 * A time limit of the call ran out; {@link #phase()} says which. The exchange was aborted.
 * Immutable.
 */
public final class RequestTimeoutException extends GoModelException {

    private static final long serialVersionUID = 1L;

    /** The limit that ran out. */
    public enum Phase {
        /** Opening the TCP/TLS connection. */
        CONNECT,
        /** Waiting for the response status and headers. */
        RESPONSE_HEADERS,
        /** Silence while reading the body: between stream events, or between bytes of a non-streamed body. */
        IDLE,
        /** One routed attempt's limit ({@code attemptTimeout}). */
        ATTEMPT,
        /** A routed stream's limit from an attempt's start to its first content chunk. */
        FIRST_TOKEN,
        /** The whole call's deadline. */
        TOTAL
    }

    /** The limit that ran out. */
    private final Phase phase;
    /** The limit's length. */
    private final Duration limit;

    /**
     * An exception whose message names the provider, the phase and the limit in milliseconds.
     *
     * @param provider the provider whose call timed out, or {@code null} for a deadline over the
     *     whole call rather than one provider
     * @param phase which limit ran out
     * @param limit how long that limit was
     * @param cause the underlying failure, or {@code null}
     * @throws NullPointerException if {@code phase} or {@code limit} is {@code null}
     */
    public RequestTimeoutException(String provider, Phase phase, Duration limit, Throwable cause) {
        super((provider == null ? "call" : provider) + " timed out: "
                + describe(Objects.requireNonNull(phase, "phase")) + " took longer than "
                + Objects.requireNonNull(limit, "limit").toMillis() + " ms", provider, cause);
        this.phase = phase;
        this.limit = limit;
    }

    private static String describe(Phase phase) {
        return switch (phase) {
            case CONNECT -> "connecting";
            case RESPONSE_HEADERS -> "waiting for the response headers";
            case IDLE -> "waiting for more of the response body";
            case ATTEMPT -> "the attempt";
            case FIRST_TOKEN -> "waiting for the stream's first content";
            case TOTAL -> "the whole call";
        };
    }

    /**
     * Says which limit ran out.
     *
     * @return the phase, never {@code null}
     */
    public Phase phase() {
        return phase;
    }

    /**
     * Says how long the limit that ran out was.
     *
     * @return the configured length of the limit, never {@code null}
     */
    public Duration limit() {
        return limit;
    }
}
