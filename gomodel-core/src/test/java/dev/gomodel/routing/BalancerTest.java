package dev.gomodel.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class BalancerTest {

    private static ProviderState provider(String name, int weight) {
        return new ProviderState(name, weight, new CircuitBreaker(CircuitBreakerPolicy.ofDefaults(), () -> 0L));
    }

    private static ProviderState provider(String name) {
        return provider(name, 1);
    }

    /** A random source that hands out the given numbers in turn and counts the draws. */
    private static final class FakeRandom implements DoubleSupplier {
        private final double[] values;
        final AtomicInteger draws = new AtomicInteger();

        FakeRandom(double... values) {
            this.values = values;
        }

        @Override
        public double getAsDouble() {
            return values[draws.getAndIncrement() % values.length];
        }
    }

    private static void inFlight(ProviderState provider, int calls) {
        for (int i = 0; i < calls; i++) {
            provider.callStarted();
        }
    }

    private static void latency(ProviderState provider, long nanos) {
        provider.callStarted();
        provider.callEnded(nanos, true);
    }

    @Test
    void weightedRandomFollowsTheWeightsOverManyPicks() {
        ProviderState light = provider("light", 1);
        ProviderState heavy = provider("heavy", 3);
        Balancer balancer = new Balancer(new Random(42)::nextDouble);

        int picks = 10_000;
        int lightPicks = 0;
        for (int i = 0; i < picks; i++) {
            if (pick(balancer, List.of(light, heavy), LoadBalancing.WEIGHTED_RANDOM, "pool") == light) {
                lightPicks++;
            }
        }

        assertThat(lightPicks / (double) picks).isBetween(0.23, 0.27);
        assertThat((picks - lightPicks) / (double) picks).isBetween(0.73, 0.77);
    }

    @ParameterizedTest(name = "random {0} -> {1}")
    @CsvSource({
        "0.0, first",
        "0.2499, first",
        "0.25, second",
        "0.5, second",
        "0.9999999, second"})
    void weightedRandomBoundaries(double random, String expected) {
        ProviderState first = provider("first", 1);
        ProviderState second = provider("second", 3);
        Balancer balancer = new Balancer(new FakeRandom(random));

        assertThat(pick(balancer, List.of(first, second), LoadBalancing.WEIGHTED_RANDOM, "pool").name())
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "random {0} -> {1}")
    @CsvSource({
        "0.0, a",
        "0.3332, a",
        "0.3334, b",
        "0.4999, b",
        "0.5, c",
        "0.99, c"})
    void weightedRandomOverThreeProviders(double random, String expected) {
        List<ProviderState> pool = List.of(provider("a", 2), provider("b", 1), provider("c", 3));
        Balancer balancer = new Balancer(new FakeRandom(random));

        assertThat(pick(balancer, pool, LoadBalancing.WEIGHTED_RANDOM, "pool").name()).isEqualTo(expected);
    }

    @Test
    void weightedRandomDrawsOneNumberPerPick() {
        FakeRandom random = new FakeRandom(0.1, 0.9);
        Balancer balancer = new Balancer(random);
        List<ProviderState> pool = List.of(provider("a"), provider("b"));

        assertThat(pick(balancer, pool, LoadBalancing.WEIGHTED_RANDOM, "pool").name()).isEqualTo("a");
        assertThat(pick(balancer, pool, LoadBalancing.WEIGHTED_RANDOM, "pool").name()).isEqualTo("b");
        assertThat(random.draws).hasValue(2);
    }

    @Test
    void weightedRandomFallsToTheLastForANumberOutOfRange() {
        Balancer balancer = new Balancer(new FakeRandom(1.0));
        List<ProviderState> pool = List.of(provider("a"), provider("b"));

        assertThat(pick(balancer, pool, LoadBalancing.WEIGHTED_RANDOM, "pool").name()).isEqualTo("b");
    }

    @ParameterizedTest
    @EnumSource(LoadBalancing.class)
    void aSingleProviderIsReturnedWithoutDrawingOrCounting(LoadBalancing strategy) {
        FakeRandom random = new FakeRandom(0.5);
        Balancer balancer = new Balancer(random);
        ProviderState only = provider("only");
        ProviderState a = provider("a");
        ProviderState b = provider("b");

        assertThat(pick(balancer, List.of(only), strategy, "pool")).isSameAs(only);
        assertThat(random.draws).hasValue(0);
        if (strategy == LoadBalancing.ROUND_ROBIN) {
            assertThat(pick(balancer, List.of(a, b), strategy, "pool")).as("the counter did not move").isSameAs(a);
        }
    }

    @ParameterizedTest
    @EnumSource(LoadBalancing.class)
    void anEmptyListIsRejected(LoadBalancing strategy) {
        Balancer balancer = new Balancer(new FakeRandom(0.5));

        assertThatThrownBy(() -> pick(balancer, List.of(), strategy, "pool"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundRobinGoesInTurn() {
        Balancer balancer = new Balancer(new FakeRandom(0.5));
        List<ProviderState> pool = List.of(provider("A"), provider("B"), provider("C"));

        List<String> order = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            order.add(pick(balancer, pool, LoadBalancing.ROUND_ROBIN, "pool").name());
        }

        assertThat(order).containsExactly("A", "B", "C", "A", "B", "C", "A");
    }

    @Test
    void roundRobinKeepsOneCounterPerPoolKey() {
        Balancer balancer = new Balancer(new FakeRandom(0.5));
        List<ProviderState> fast = List.of(provider("A"), provider("B"), provider("C"));
        List<ProviderState> smart = List.of(provider("X"), provider("Y"));

        List<String> order = new ArrayList<>();
        order.add(pick(balancer, fast, LoadBalancing.ROUND_ROBIN, "fast").name());
        order.add(pick(balancer, fast, LoadBalancing.ROUND_ROBIN, "fast").name());
        order.add(pick(balancer, smart, LoadBalancing.ROUND_ROBIN, "smart").name());
        order.add(pick(balancer, fast, LoadBalancing.ROUND_ROBIN, "fast").name());
        order.add(pick(balancer, smart, LoadBalancing.ROUND_ROBIN, "smart").name());
        order.add(pick(balancer, smart, LoadBalancing.ROUND_ROBIN, "smart").name());

        assertThat(order).containsExactly("A", "B", "X", "C", "Y", "X");
    }

    @Test
    void roundRobinIgnoresWeightsAndDrawsNoRandom() {
        FakeRandom random = new FakeRandom(0.5);
        Balancer balancer = new Balancer(random);
        List<ProviderState> pool = List.of(provider("A", 10), provider("B", 1));

        assertThat(pick(balancer, pool, LoadBalancing.ROUND_ROBIN, "pool").name()).isEqualTo("A");
        assertThat(pick(balancer, pool, LoadBalancing.ROUND_ROBIN, "pool").name()).isEqualTo("B");
        assertThat(random.draws).hasValue(0);
    }

    @Test
    void roundRobinIndexesAShorterListWithTheSameCounter() {
        Balancer balancer = new Balancer(new FakeRandom(0.5));
        ProviderState a = provider("A");
        ProviderState b = provider("B");
        ProviderState c = provider("C");

        assertThat(pick(balancer, List.of(a, b, c), LoadBalancing.ROUND_ROBIN, "pool")).isSameAs(a);
        assertThat(pick(balancer, List.of(a, c), LoadBalancing.ROUND_ROBIN, "pool")).isSameAs(c);
        assertThat(pick(balancer, List.of(a, c), LoadBalancing.ROUND_ROBIN, "pool")).isSameAs(a);
        assertThat(pick(balancer, List.of(a, b, c), LoadBalancing.ROUND_ROBIN, "pool")).isSameAs(a);
    }

    @Test
    void leastInFlightPicksTheFewestCalls() {
        Balancer balancer = new Balancer(new FakeRandom(0.5));
        ProviderState a = provider("A");
        ProviderState b = provider("B");
        ProviderState c = provider("C");
        inFlight(a, 3);
        inFlight(b, 1);
        inFlight(c, 2);

        assertThat(pick(balancer, List.of(a, b, c), LoadBalancing.LEAST_IN_FLIGHT, "pool")).isSameAs(b);

        b.callStarted();
        b.callStarted();
        assertThat(pick(balancer, List.of(a, b, c), LoadBalancing.LEAST_IN_FLIGHT, "pool")).isSameAs(c);
    }

    @Test
    void leastInFlightBreaksTiesByListOrder() {
        Balancer balancer = new Balancer(new FakeRandom(0.5));
        ProviderState a = provider("A");
        ProviderState b = provider("B");
        ProviderState c = provider("C");
        inFlight(a, 2);
        inFlight(b, 1);
        inFlight(c, 1);

        assertThat(pick(balancer, List.of(a, b, c), LoadBalancing.LEAST_IN_FLIGHT, "pool")).isSameAs(b);
        assertThat(pick(balancer, List.of(a, c, b), LoadBalancing.LEAST_IN_FLIGHT, "pool")).isSameAs(c);
        assertThat(pick(balancer, List.of(provider("X"), provider("Y")), LoadBalancing.LEAST_IN_FLIGHT, "pool")
                .name()).isEqualTo("X");
    }

    @Test
    void lowestLatencyPicksTheFastestAverage() {
        Balancer balancer = new Balancer(new FakeRandom(0.5));
        ProviderState a = provider("A");
        ProviderState b = provider("B");
        ProviderState c = provider("C");
        latency(a, 300);
        latency(b, 100);
        latency(c, 200);

        assertThat(pick(balancer, List.of(a, b, c), LoadBalancing.LOWEST_LATENCY, "pool")).isSameAs(b);

        latency(b, 1_000); // 100 + 0.3 * 900 = 370
        assertThat(pick(balancer, List.of(a, b, c), LoadBalancing.LOWEST_LATENCY, "pool")).isSameAs(c);
    }

    @Test
    void lowestLatencyTriesUntriedProvidersFirst() {
        Balancer balancer = new Balancer(new FakeRandom(0.5));
        ProviderState a = provider("A");
        ProviderState b = provider("B");
        ProviderState c = provider("C");
        latency(a, 1);

        assertThat(pick(balancer, List.of(a, b, c), LoadBalancing.LOWEST_LATENCY, "pool")).isSameAs(b);
        latency(b, 1);
        assertThat(pick(balancer, List.of(a, b, c), LoadBalancing.LOWEST_LATENCY, "pool")).isSameAs(c);
    }

    @Test
    void lowestLatencyBreaksTiesByListOrder() {
        Balancer balancer = new Balancer(new FakeRandom(0.5));
        ProviderState a = provider("A");
        ProviderState b = provider("B");
        ProviderState c = provider("C");
        latency(a, 500);
        latency(b, 200);
        latency(c, 200);

        assertThat(pick(balancer, List.of(a, b, c), LoadBalancing.LOWEST_LATENCY, "pool")).isSameAs(b);
        assertThat(pick(balancer, List.of(a, c, b), LoadBalancing.LOWEST_LATENCY, "pool")).isSameAs(c);
        assertThat(pick(balancer, List.of(provider("X"), provider("Y")), LoadBalancing.LOWEST_LATENCY, "pool")
                .name()).as("both untried").isEqualTo("X");
    }

    @ParameterizedTest
    @EnumSource(LoadBalancing.class)
    void excludingByIndexPicksAsTheShorterListWould(LoadBalancing strategy) {
        ProviderState a = provider("A", 2);
        ProviderState b = provider("B", 1);
        ProviderState c = provider("C", 3);
        ProviderState d = provider("D", 1);
        inFlight(a, 1);
        inFlight(c, 2);
        latency(b, 300);
        latency(d, 100);
        List<ProviderState> pool = List.of(a, b, c, d);
        boolean[] excluded = {false, true, false, true};
        double[] draws = {0.0, 0.2, 0.39, 0.4, 0.7, 0.99, 1.0};
        Balancer byIndex = new Balancer(new FakeRandom(draws));
        Balancer byList = new Balancer(new FakeRandom(draws));

        for (int i = 0; i < draws.length; i++) {
            ProviderState expected = pick(byList, List.of(a, c), strategy, "pool");
            assertThat(pool.get(byIndex.pick(pool, excluded, strategy, "pool"))).as("pick %d", i).isSameAs(expected);
        }
    }

    @ParameterizedTest
    @EnumSource(LoadBalancing.class)
    void oneProviderLeftIsReturnedWithoutDrawingOrCounting(LoadBalancing strategy) {
        FakeRandom random = new FakeRandom(0.5);
        Balancer balancer = new Balancer(random);
        List<ProviderState> pool = List.of(provider("A"), provider("B"), provider("C"));

        assertThat(balancer.pick(pool, new boolean[] {true, false, true}, strategy, "pool")).isEqualTo(1);
        assertThat(random.draws).hasValue(0);
        if (strategy == LoadBalancing.ROUND_ROBIN) {
            assertThat(balancer.pick(pool, null, strategy, "pool")).as("the counter did not move").isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(LoadBalancing.class)
    void everyProviderExcludedIsRejected(LoadBalancing strategy) {
        Balancer balancer = new Balancer(new FakeRandom(0.5));
        List<ProviderState> pool = List.of(provider("A"), provider("B"));

        assertThatThrownBy(() -> balancer.pick(pool, new boolean[] {true, true}, strategy, "pool"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The provider {@code balancer} picks among {@code available}, none excluded. */
    private static ProviderState pick(Balancer balancer, List<ProviderState> available, LoadBalancing strategy,
            String poolKey) {
        return available.get(balancer.pick(available, null, strategy, poolKey));
    }
}
