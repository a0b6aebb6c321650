package dev.gomodel.error;

import java.time.Duration;
import java.util.Objects;

/**
 * A call never left this process: its provider already had as many calls in flight as its
 * concurrency limit allows, and no slot came free within the limit's wait. This is a local
 * failure, not the provider's: the router does not retry it, does not fall back on it and does
 * not count it against the provider's circuit. Raise the limit, or call less at once. Immutable.
 */
public final class ConcurrencyLimitException extends GoModelException {

    private static final long serialVersionUID = 1L;

    /** The provider's limit of calls in flight. */
    private final int maxInFlight;
    /** How long the call waited for a slot. */
    private final Duration waited;

    /**
     * An exception for a call that waited in vain for a slot.
     *
     * @param provider the provider whose limit was reached, or {@code null}
     * @param maxInFlight the limit of calls in flight
     * @param waited how long the call waited
     * @throws NullPointerException if {@code waited} is {@code null}
     */
    public ConcurrencyLimitException(String provider, int maxInFlight, Duration waited) {
        super((provider == null ? "provider" : provider) + ": " + maxInFlight + " calls already in flight, the "
                + "provider's limit, and none ended within " + describe(Objects.requireNonNull(waited, "waited"))
                + "; the call was not sent (raise concurrencyLimit on the provider's builder, or make fewer calls "
                + "at once)", provider, null);
        this.maxInFlight = maxInFlight;
        this.waited = waited;
    }

    /**
     * The provider's limit of calls in flight.
     *
     * @return the limit
     */
    public int maxInFlight() {
        return maxInFlight;
    }

    /**
     * How long the call waited for a slot before giving up.
     *
     * @return the wait
     */
    public Duration waited() {
        return waited;
    }

    private static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
