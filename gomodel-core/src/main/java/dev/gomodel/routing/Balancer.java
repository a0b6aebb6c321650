package dev.gomodel.routing;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import java.util.function.ToDoubleFunction;

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
     * The provider for the next attempt, as its index in {@code pool}, chosen among the providers
     * not excluded as if they alone made up the pool, without building that list.
     *
     * @param pool the pool's providers, in configuration order
     * @param excluded by index, the providers that may not be picked (an open circuit); {@code null}
     *     for none
     * @param strategy how to pick
     * @param poolKey names the pool, keeping its round robin counter apart from other pools'
     * @throws IllegalArgumentException if no provider is left to pick
     */
    int pick(List<ProviderState> pool, boolean[] excluded, LoadBalancing strategy, String poolKey) {
        int available = 0;
        int only = -1;
        for (int i = 0; i < pool.size(); i++) {
            if (excluded == null || !excluded[i]) {
                available++;
                only = i;
            }
        }
        if (available == 0) {
            throw new IllegalArgumentException("no provider is available to pick from");
        }
        if (available == 1) {
            return only;
        }
        return switch (strategy) {
            case WEIGHTED_RANDOM -> weightedRandom(pool, excluded);
            case ROUND_ROBIN -> roundRobin(pool, excluded, available, poolKey);
            case LEAST_IN_FLIGHT -> lowest(pool, excluded, ProviderState::inFlight);
            case LOWEST_LATENCY -> lowest(pool, excluded, ProviderState::latencyEwmaNanos);
        };
    }

    private static boolean skipped(boolean[] excluded, int index) {
        return excluded != null && excluded[index];
    }

    private int weightedRandom(List<ProviderState> pool, boolean[] excluded) {
        long total = 0;
        for (int i = 0; i < pool.size(); i++) {
            if (!skipped(excluded, i)) {
                total += pool.get(i).weight();
            }
        }
        double point = random.getAsDouble() * total;
        long cumulative = 0;
        int last = -1;
        for (int i = 0; i < pool.size(); i++) {
            if (skipped(excluded, i)) {
                continue;
            }
            cumulative += pool.get(i).weight();
            if (point < cumulative) {
                return i;
            }
            last = i;
        }
        // Only a random number outside [0, 1) gets here.
        return last;
    }

    private int roundRobin(List<ProviderState> pool, boolean[] excluded, int available, String poolKey) {
        Objects.requireNonNull(poolKey, "poolKey");
        AtomicLong counter = roundRobin.computeIfAbsent(poolKey, key -> new AtomicLong());
        long nth = Math.floorMod(counter.getAndIncrement(), (long) available);
        for (int i = 0; i < pool.size(); i++) {
            if (!skipped(excluded, i) && nth-- == 0) {
                return i;
            }
        }
        throw new IllegalStateException("unreachable: " + available + " providers available");
    }

    /** The available provider with the lowest {@code measure}, the first of equals. */
    private static int lowest(List<ProviderState> pool, boolean[] excluded, ToDoubleFunction<ProviderState> measure) {
        int best = -1;
        double bestValue = 0;
        for (int i = 0; i < pool.size(); i++) {
            if (skipped(excluded, i)) {
                continue;
            }
            double value = measure.applyAsDouble(pool.get(i));
            if (best < 0 || value < bestValue) {
                best = i;
                bestValue = value;
            }
        }
        return best;
    }
}
