package dev.gomodel.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProviderStateTest {

    private static ProviderState state() {
        return new ProviderState("openai", 3, new CircuitBreaker(CircuitBreakerPolicy.ofDefaults(), () -> 0L));
    }

    @Test
    void holdsNameWeightAndBreaker() {
        CircuitBreaker breaker = new CircuitBreaker(CircuitBreakerPolicy.ofDefaults(), () -> 0L);
        ProviderState state = new ProviderState("groq", 5, breaker);

        assertThat(state.name()).isEqualTo("groq");
        assertThat(state.weight()).isEqualTo(5);
        assertThat(state.breaker()).isSameAs(breaker);
    }

    @Test
    void rejectsAWeightBelowOne() {
        CircuitBreaker breaker = new CircuitBreaker(CircuitBreakerPolicy.ofDefaults(), () -> 0L);

        assertThatThrownBy(() -> new ProviderState("groq", 0, breaker))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weight");
    }

    @Test
    void countsCallsInFlight() {
        ProviderState state = state();

        state.callStarted();
        state.callStarted();
        state.callStarted();
        assertThat(state.inFlight()).isEqualTo(3);

        state.callEnded(10, true);
        state.callEnded(10, false);
        assertThat(state.inFlight()).isEqualTo(1);
        state.callEnded(-1, false);
        assertThat(state.inFlight()).isZero();
    }

    @Test
    void latencyIsZeroUntilTheFirstSampleWhichSetsIt() {
        ProviderState state = state();
        assertThat(state.latencyEwmaNanos()).isZero();
        assertThat(state.hasLatencySample()).isFalse();

        state.callStarted();
        state.callEnded(1_000, true);

        assertThat(state.latencyEwmaNanos()).isEqualTo(1_000.0);
        assertThat(state.hasLatencySample()).isTrue();
    }

    @Test
    void laterSamplesMoveTheAverageByAlpha() {
        ProviderState state = state();

        for (long sample : new long[] {1_000, 2_000, 0, 500}) {
            state.callStarted();
            state.callEnded(sample, true);
        }

        // 1000 -> 1000 + 0.3 * 1000 = 1300 -> 1300 * 0.7 = 910 -> 910 + 0.3 * (500 - 910) = 787
        assertThat(state.latencyEwmaNanos()).isCloseTo(787.0, within(1e-9));
    }

    @Test
    void failedCallsFeedTheAverageAndCallsWithoutLatencyDoNot() {
        ProviderState state = state();
        state.callStarted();
        state.callEnded(1_000, true);

        state.callStarted();
        state.callEnded(3_000, false);
        assertThat(state.latencyEwmaNanos()).isCloseTo(1_600.0, within(1e-9));

        state.callStarted();
        state.callEnded(-1, false);
        assertThat(state.latencyEwmaNanos()).isCloseTo(1_600.0, within(1e-9));
    }

    @Test
    void aZeroLatencySampleCountsAsASample() {
        ProviderState state = state();
        state.callStarted();
        state.callEnded(0, true);

        assertThat(state.hasLatencySample()).isTrue();
        assertThat(state.latencyEwmaNanos()).isZero();
        state.callStarted();
        state.callEnded(1_000, true);
        assertThat(state.latencyEwmaNanos()).as("not taken for a first sample").isCloseTo(300.0, within(1e-9));
    }

    @Test
    void concurrentCallsLoseNoCountAndKeepTheAverageInRange() throws Exception {
        ProviderState state = state();
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 10_000; i++) {
                        state.callStarted();
                        state.callEnded(5_000, i % 2 == 0);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(state.inFlight()).isZero();
        assertThat(state.latencyEwmaNanos()).isCloseTo(5_000.0, within(1e-6));
    }
}
