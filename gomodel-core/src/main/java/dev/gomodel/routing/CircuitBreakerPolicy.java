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
 *
 * @param failureThreshold how many consecutive failures open the circuit, at least 1
 * @param cooldown how long the circuit stays open before a probe is let through; zero probes at
 *     the next call
 * @param successThreshold how many successful probes close the circuit again, at least 1
 */
public record CircuitBreakerPolicy(int failureThreshold, Duration cooldown, int successThreshold) {

    private static final CircuitBreakerPolicy DEFAULTS = new CircuitBreakerPolicy(5, Duration.ofSeconds(30), 2);
    private static final CircuitBreakerPolicy DISABLED = new CircuitBreakerPolicy(Integer.MAX_VALUE, Duration.ZERO, 1);

    /**
     * Checks the values.
     *
     * @param failureThreshold consecutive failures that open the circuit
     * @param cooldown how long it stays open
     * @param successThreshold successful probes that close it
     * @throws NullPointerException if {@code cooldown} is {@code null}
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

    /**
     * The policy every provider gets unless the router or its {@link ProviderPolicy} sets
     * another.
     *
     * @return 5 failures, 30 s cool-down, 2 successes
     */
    public static CircuitBreakerPolicy ofDefaults() {
        return DEFAULTS;
    }

    /**
     * A breaker that never opens, for a provider that must always be tried.
     *
     * @return a policy whose {@link #enabled()} is {@code false}
     */
    public static CircuitBreakerPolicy disabled() {
        return DISABLED;
    }

    /**
     * Tells a real breaker from {@link #disabled()}.
     *
     * @return {@code false} if this breaker can never open
     */
    public boolean enabled() {
        return failureThreshold != Integer.MAX_VALUE;
    }
}
