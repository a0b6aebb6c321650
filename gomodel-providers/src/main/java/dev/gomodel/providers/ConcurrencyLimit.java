package dev.gomodel.providers;

import java.time.Duration;
import java.util.Objects;

/**
 * How many calls a provider sends at once, and how long a call beyond that waits for one to
 * end. Calls that wait are served first come, first served, hold no thread while they wait
 * (but for a blocking {@code create}, which waits on its caller's thread), and fail with
 * {@link dev.gomodel.error.ConcurrencyLimitException} when the wait is over; the wait counts
 * toward the call's {@code responseHeaders} and {@code total} time limits. The limit also
 * bounds connections: a stream over HTTP/1.1 holds one connection, so a provider opens at most
 * {@code maxInFlight} at once.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxInFlight the most calls in flight at once, streams included, until each response
 *     body ends
 * @param maxWait the longest a call waits for a slot
 */
public record ConcurrencyLimit(int maxInFlight, Duration maxWait) {

    private static final ConcurrencyLimit DEFAULTS = new ConcurrencyLimit(256, Duration.ofSeconds(30));

    /**
     * Checks the values.
     *
     * @param maxInFlight the most calls in flight at once
     * @param maxWait the longest a call waits for a slot
     * @throws IllegalArgumentException if {@code maxInFlight} is not positive or {@code maxWait}
     *     is negative
     * @throws NullPointerException if {@code maxWait} is {@code null}
     */
    public ConcurrencyLimit {
        if (maxInFlight <= 0) {
            throw new IllegalArgumentException("concurrencyLimit maxInFlight must be positive, got " + maxInFlight);
        }
        Objects.requireNonNull(maxWait, "concurrencyLimit maxWait");
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("concurrencyLimit maxWait must not be negative, got " + maxWait);
        }
    }

    /**
     * The default: 256 calls in flight, and a wait of up to 30 seconds for a slot.
     *
     * @return the defaults
     */
    public static ConcurrencyLimit defaults() {
        return DEFAULTS;
    }
}
