package dev.gomodel.routing;

/**
 * The policies of one provider: its {@code weight} in weighted pools (default 1), its circuit
 * breaker, and the retry policy used for its attempts when the route sets none ({@code null}
 * keeps the router's default for either).
 *
 * <p>Immutable and thread-safe.
 */
public record ProviderPolicy(int weight, CircuitBreakerPolicy circuitBreaker, RetryPolicy retry) {

    private static final ProviderPolicy DEFAULTS = new ProviderPolicy(1, null, null);

    /**
     * @throws IllegalArgumentException if {@code weight} is below 1
     */
    public ProviderPolicy {
        if (weight < 1) {
            throw new IllegalArgumentException("weight must be at least 1, got " + weight);
        }
    }

    /** Weight 1, the router's breaker and retry policies. */
    public static ProviderPolicy ofDefaults() {
        return DEFAULTS;
    }

    /** This policy with another weight. */
    public ProviderPolicy withWeight(int weight) {
        return new ProviderPolicy(weight, circuitBreaker, retry);
    }

    /** This policy with its own circuit breaker. */
    public ProviderPolicy withCircuitBreaker(CircuitBreakerPolicy circuitBreaker) {
        return new ProviderPolicy(weight, circuitBreaker, retry);
    }

    /** This policy with its own retry policy. */
    public ProviderPolicy withRetry(RetryPolicy retry) {
        return new ProviderPolicy(weight, circuitBreaker, retry);
    }
}
