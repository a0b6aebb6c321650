package dev.gomodel.routing;

import java.time.Duration;
import java.util.Objects;

/**
 * When a provider's circuit opens and how it recovers: it opens after
 * {@code failureThreshold} consecutive failures (connection errors, timeouts, 429 and 5xx;
 * request errors such as 400 do not count), stays open for {@code cooldown}, then lets one
 * probe call through (half-open) and closes after {@code successThreshold} successful probes.
 * An open provider is skipped by pools and fallbacks. The check is made when a call arrives,
 * so it works at any traffic level.
 *
 * <p>Immutable and thread-safe. Defaults: 5 failures, 30 s, 2 successes.
 */
public record CircuitBreakerPolicy(int failureThreshold, Duration cooldown, int successThreshold) {

    private static final CircuitBreakerPolicy DEFAULTS = new CircuitBreakerPolicy(5, Duration.ofSeconds(30), 2);
    private static final CircuitBreakerPolicy DISABLED = new CircuitBreakerPolicy(Integer.MAX_VALUE, Duration.ZERO, 1);

    /**
     * @throws IllegalArgumentException if a threshold is below 1 or the cooldown is negative
     */
    public CircuitBreakerPolicy {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("circuitBreaker.failureThreshold must be at least 1, got "
                    + failureThreshold);
        }
        if (successThreshold < 1) {
            throw new IllegalArgumentException("circuitBreaker.successThreshold must be at least 1, got "
                    + successThreshold);
        }
        Objects.requireNonNull(cooldown, "circuitBreaker.cooldown is required");
        if (cooldown.isNegative()) {
            throw new IllegalArgumentException("circuitBreaker.cooldown must not be negative, got " + cooldown);
        }
    }

    /** 5 failures, 30 s cool-down, 2 successes. */
    public static CircuitBreakerPolicy ofDefaults() {
        return DEFAULTS;
    }

    /** A breaker that never opens. */
    public static CircuitBreakerPolicy disabled() {
        return DISABLED;
    }

    /** Whether this breaker can ever open. */
    public boolean enabled() {
        return failureThreshold != Integer.MAX_VALUE;
    }
}
