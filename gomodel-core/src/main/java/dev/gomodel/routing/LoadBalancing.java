package dev.gomodel.routing;

/**
 * How a pool (several providers serving one model) picks the provider for an attempt. Providers
 * whose circuit is open are left out first.
 */
public enum LoadBalancing {
    /** At random, in proportion to each provider's weight (default 1). The default. */
    WEIGHTED_RANDOM,
    /** In turn, in configuration order. */
    ROUND_ROBIN,
    /** The provider with the fewest calls in flight; ties go to the first configured. */
    LEAST_IN_FLIGHT,
    /** The provider with the lowest moving average latency; untried providers go first. */
    LOWEST_LATENCY
}
