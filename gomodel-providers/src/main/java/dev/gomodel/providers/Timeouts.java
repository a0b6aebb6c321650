package dev.gomodel.providers;

import dev.gomodel.internal.timer.Timers;
import java.time.Duration;
import java.util.Objects;

/**
 * The time limits of a provider's HTTP calls. Each one really holds on the JDK client:
 *
 * <ul>
 *   <li>{@code connect}: opening the connection (set on the {@code HttpClient} the provider
 *       builds; a client you supply keeps its own);</li>
 *   <li>{@code responseHeaders}: from sending the request to receiving the status and headers.
 *       A non-streamed completion's headers arrive only when the whole answer is generated, so
 *       this is long by default;</li>
 *   <li>{@code idle}: the longest silence while the library waits for more of a response body,
 *       between stream events or between bytes of a non-streamed body. Time during which a
 *       stream's subscriber has not asked for more does not count;</li>
 *   <li>{@code total}: an optional deadline for the whole call, streams included;
 *       {@code null} for none.</li>
 * </ul>
 * A stream is never cut by a whole-body timer other than {@code total}. Defaults: connect 10 s,
 * response headers 10 min, idle 2 min, no total. Immutable and thread-safe.
 *
 * @param connect the limit on opening the connection
 * @param responseHeaders the limit from sending the request to its status and headers
 * @param idle the longest silence while waiting for more of a body
 * @param total the limit of the whole call, or {@code null} for none
 */
public record Timeouts(Duration connect, Duration responseHeaders, Duration idle, Duration total) {

    private static final Timeouts DEFAULTS =
            new Timeouts(Duration.ofSeconds(10), Duration.ofMinutes(10), Duration.ofMinutes(2), null);

    /**
     * Checks the limits.
     *
     * @param connect the connect limit
     * @param responseHeaders the response-headers limit
     * @param idle the idle limit
     * @param total the whole call's limit, or {@code null}
     * @throws NullPointerException if a limit but {@code total} is {@code null}
     * @throws IllegalArgumentException if a limit is zero, negative or longer than about 292 years
     */
    public Timeouts {
        requirePositive(connect, "connect");
        requirePositive(responseHeaders, "responseHeaders");
        requirePositive(idle, "idle");
        if (total != null) {
            requirePositive(total, "total");
        }
    }

    /**
     * The limits a provider has unless its builder is given others.
     *
     * @return connect 10 s, response headers 10 min, idle 2 min, no total deadline
     */
    public static Timeouts defaults() {
        return DEFAULTS;
    }

    /**
     * A copy with another connect timeout.
     *
     * @param connect the limit on opening the connection
     * @return limits equal to these but for {@code connect}
     * @throws NullPointerException if {@code connect} is {@code null}
     * @throws IllegalArgumentException if it is not positive or is longer than about 292 years
     */
    public Timeouts withConnect(Duration connect) {
        return new Timeouts(connect, responseHeaders, idle, total);
    }

    /**
     * A copy with another response-headers timeout.
     *
     * @param responseHeaders the limit from sending the request to its status and headers
     * @return limits equal to these but for {@code responseHeaders}
     * @throws NullPointerException if {@code responseHeaders} is {@code null}
     * @throws IllegalArgumentException if it is not positive or is longer than about 292 years
     */
    public Timeouts withResponseHeaders(Duration responseHeaders) {
        return new Timeouts(connect, responseHeaders, idle, total);
    }

    /**
     * A copy with another idle timeout.
     *
     * @param idle the longest silence while waiting for more of a body
     * @return limits equal to these but for {@code idle}
     * @throws NullPointerException if {@code idle} is {@code null}
     * @throws IllegalArgumentException if it is not positive or is longer than about 292 years
     */
    public Timeouts withIdle(Duration idle) {
        return new Timeouts(connect, responseHeaders, idle, total);
    }

    /**
     * A copy with a total deadline per call.
     *
     * @param total the limit of the whole call, streams included, or {@code null} for none
     * @return limits equal to these but for {@code total}
     * @throws IllegalArgumentException if it is not positive or is longer than about 292 years
     */
    public Timeouts withTotal(Duration total) {
        return new Timeouts(connect, responseHeaders, idle, total);
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, () -> "timeouts." + name + " is required");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("timeouts." + name + " must be positive, got " + value);
        }
        if (value.compareTo(Timers.LONGEST) > 0) {
            throw new IllegalArgumentException("timeouts." + name + " must be at most " + Timers.LONGEST
                    + " (about 292 years), got " + value);
        }
    }
}
