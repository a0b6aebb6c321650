package dev.gomodel.routing;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the router knows about one provider across all calls: its name, its weight in weighted
 * pools, its {@link CircuitBreaker}, how many calls are in flight, and an exponentially weighted
 * moving average (EWMA) of its latency, which {@link Balancer} reads.
 *
 * <p>The latency average gives each new sample a weight of {@value #ALPHA}; the first sample
 * sets it. Until a provider has a sample, {@link #latencyEwmaNanos()} is {@code 0}, so an
 * untried provider sorts before every tried one under {@link LoadBalancing#LOWEST_LATENCY}.
 *
 * <p>Thread-safe: the counters are atomics and the average is updated by compare-and-set, so
 * concurrent calls lose no sample.
 */
final class ProviderState {

    /** The weight of a new latency sample in the moving average. */
    static final double ALPHA = 0.3;

    /** The average before any sample: NaN bits, told apart from any real average. */
    private static final long NO_SAMPLE = Double.doubleToRawLongBits(Double.NaN);

    private final String name;
    private final int weight;
    private final CircuitBreaker breaker;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong latencyEwmaBits = new AtomicLong(NO_SAMPLE);

    /**
     * @throws IllegalArgumentException if {@code weight} is below 1
     */
    ProviderState(String name, int weight, CircuitBreaker breaker) {
        this.name = Objects.requireNonNull(name, "name");
        if (weight < 1) {
            throw new IllegalArgumentException("weight must be at least 1, got " + weight);
        }
        this.weight = weight;
        this.breaker = Objects.requireNonNull(breaker, "breaker");
    }

    String name() {
        return name;
    }

    int weight() {
        return weight;
    }

    CircuitBreaker breaker() {
        return breaker;
    }

    /** An attempt was sent to this provider; pair with {@link #callEnded}. */
    void callStarted() {
        inFlight.incrementAndGet();
    }

    /**
     * An attempt started with {@link #callStarted()} ended. Its latency feeds the moving average
     * whether it succeeded or failed, since a provider that fails slowly is slow; a negative
     * {@code latencyNanos} means the attempt produced no latency (it was cancelled or never
     * reached the upstream) and only ends the in-flight count.
     *
     * @param latencyNanos how long the attempt took, or a negative number for none
     * @param success whether it succeeded; the average treats both alike
     */
    void callEnded(long latencyNanos, boolean success) {
        inFlight.decrementAndGet();
        if (latencyNanos < 0) {
            return;
        }
        double sample = latencyNanos;
        while (true) {
            long currentBits = latencyEwmaBits.get();
            double current = Double.longBitsToDouble(currentBits);
            double next = currentBits == NO_SAMPLE ? sample : current + ALPHA * (sample - current);
            if (latencyEwmaBits.compareAndSet(currentBits, Double.doubleToRawLongBits(next))) {
                return;
            }
        }
    }

    /** How many attempts to this provider are in flight now. */
    int inFlight() {
        return inFlight.get();
    }

    /** The moving average latency in nanoseconds; {@code 0} before the first sample. */
    double latencyEwmaNanos() {
        long bits = latencyEwmaBits.get();
        return bits == NO_SAMPLE ? 0 : Double.longBitsToDouble(bits);
    }

    /** Whether any attempt has given this provider a latency sample. */
    boolean hasLatencySample() {
        return latencyEwmaBits.get() != NO_SAMPLE;
    }

    @Override
    public String toString() {
        return "ProviderState[" + name + ", weight " + weight + ", in flight " + inFlight() + ", latency "
                + latencyEwmaNanos() + " ns, " + breaker + "]";
    }
}
