package dev.gomodel.routing;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;

/**
 * Picks the provider for one attempt from a pool, by the pool's {@link LoadBalancing}:
 * <ul>
 *   <li>{@link LoadBalancing#WEIGHTED_RANDOM}: one random number in [0, 1), scaled by the sum
 *       of the weights, lands in a provider's share of the cumulative weights;</li>
 *   <li>{@link LoadBalancing#ROUND_ROBIN}: a counter per pool key, modulo the number of
 *       providers available;</li>
 *   <li>{@link LoadBalancing#LEAST_IN_FLIGHT}: the fewest calls in flight;</li>
 *   <li>{@link LoadBalancing#LOWEST_LATENCY}: the lowest moving average latency, an untried
 *       provider ({@code 0}) first.</li>
 * </ul>
 * Ties go to the earliest provider in the list. A list of one provider returns it at once,
 * drawing no random number and leaving the round robin counter alone.
 *
 * <p>The caller filters the list to providers whose circuit permits a call, so under round
 * robin the same counter indexes a shorter list while a circuit is open; the rotation is then
 * only approximately even.
 *
 * <p>Thread-safe, if the random source is: the round robin counters are atomics in a
 * concurrent map, one per pool key ever used (pool keys come from configuration, so the map is
 * bounded by it).
 */
final class Balancer {

    private final DoubleSupplier random;
    private final ConcurrentHashMap<String, AtomicLong> roundRobin = new ConcurrentHashMap<>();

    /**
     * @param random numbers in [0, 1); one is drawn per weighted pick among several providers
     */
    Balancer(DoubleSupplier random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * The provider for the next attempt.
     *
     * @param available the pool's providers whose circuit permits a call, in configuration
     *     order; not empty
     * @param strategy how to pick
     * @param poolKey names the pool, keeping its round robin counter apart from other pools'
     * @throws IllegalArgumentException if {@code available} is empty
     */
    ProviderState pick(List<ProviderState> available, LoadBalancing strategy, String poolKey) {
        if (available.isEmpty()) {
            throw new IllegalArgumentException("no provider is available to pick from");
        }
        if (available.size() == 1) {
            return available.get(0);
        }
        return switch (strategy) {
            case WEIGHTED_RANDOM -> weightedRandom(available);
            case ROUND_ROBIN -> roundRobin(available, poolKey);
            case LEAST_IN_FLIGHT -> leastInFlight(available);
            case LOWEST_LATENCY -> lowestLatency(available);
        };
    }

    private ProviderState weightedRandom(List<ProviderState> available) {
        long total = 0;
        for (ProviderState provider : available) {
            total += provider.weight();
        }
        double point = random.getAsDouble() * total;
        long cumulative = 0;
        for (ProviderState provider : available) {
            cumulative += provider.weight();
            if (point < cumulative) {
                return provider;
            }
        }
        // Only a random number outside [0, 1) gets here.
        return available.get(available.size() - 1);
    }

    private ProviderState roundRobin(List<ProviderState> available, String poolKey) {
        Objects.requireNonNull(poolKey, "poolKey");
        AtomicLong counter = roundRobin.computeIfAbsent(poolKey, key -> new AtomicLong());
        return available.get((int) Math.floorMod(counter.getAndIncrement(), (long) available.size()));
    }

    private static ProviderState leastInFlight(List<ProviderState> available) {
        ProviderState best = available.get(0);
        int bestInFlight = best.inFlight();
        for (int i = 1; i < available.size(); i++) {
            ProviderState candidate = available.get(i);
            int inFlight = candidate.inFlight();
            if (inFlight < bestInFlight) {
                best = candidate;
                bestInFlight = inFlight;
            }
        }
        return best;
    }

    private static ProviderState lowestLatency(List<ProviderState> available) {
        ProviderState best = available.get(0);
        double bestLatency = best.latencyEwmaNanos();
        for (int i = 1; i < available.size(); i++) {
            ProviderState candidate = available.get(i);
            double latency = candidate.latencyEwmaNanos();
            if (latency < bestLatency) {
                best = candidate;
                bestLatency = latency;
            }
        }
        return best;
    }
}
