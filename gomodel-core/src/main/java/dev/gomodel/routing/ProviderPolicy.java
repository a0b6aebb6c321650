package dev.gomodel.routing;

/**
 * The policies of one provider: its {@code weight} in weighted pools (default 1), its circuit
 * breaker, and the retry policy used for its attempts when the route sets none ({@code null}
 * keeps the router's default for either).
 *
 * <p>Immutable and thread-safe.
 *
 * @param weight the provider's share in {@link LoadBalancing#WEIGHTED_RANDOM} pools, at least 1
 * @param circuitBreaker the provider's own circuit breaker, or {@code null} for the router's
 * @param retry the retry policy of attempts on this provider when their route sets none, or
 *     {@code null} for the router's
 */
public record ProviderPolicy(int weight, CircuitBreakerPolicy circuitBreaker, RetryPolicy retry) {

    private static final ProviderPolicy DEFAULTS = new ProviderPolicy(1, null, null);

    /**
     * Checks the weight.
     *
     * @param weight the weight, at least 1
     * @param circuitBreaker the circuit breaker, or {@code null}
     * @param retry the retry policy, or {@code null}
     * @throws IllegalArgumentException if {@code weight} is below 1
     */
    public ProviderPolicy {
        if (weight < 1) {
            throw new IllegalArgumentException("weight must be at least 1, got " + weight);
        }
    }

    /**
     * The policy of a provider added without one.
     *
     * @return weight 1, the router's breaker and retry policies
     */
    public static ProviderPolicy ofDefaults() {
        return DEFAULTS;
    }

    /**
     * A copy with another weight.
     *
     * @param weight the weight, at least 1
     * @return a policy equal to this one but for {@code weight}
     * @throws IllegalArgumentException if {@code weight} is below 1
     */
    public ProviderPolicy withWeight(int weight) {
        return new ProviderPolicy(weight, circuitBreaker, retry);
    }

    /**
     * A copy with its own circuit breaker.
     *
     * @param circuitBreaker the breaker, or {@code null} for the router's
     * @return a policy equal to this one but for {@code circuitBreaker}
     */
    public ProviderPolicy withCircuitBreaker(CircuitBreakerPolicy circuitBreaker) {
        return new ProviderPolicy(weight, circuitBreaker, retry);
    }

    /**
     * A copy with its own retry policy.
     *
     * @param retry the retry policy, or {@code null} for the router's
     * @return a policy equal to this one but for {@code retry}
     */
    public ProviderPolicy withRetry(RetryPolicy retry) {
        return new ProviderPolicy(weight, circuitBreaker, retry);
    }
}
