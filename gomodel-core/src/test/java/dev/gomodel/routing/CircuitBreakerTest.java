package dev.gomodel.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gomodel.routing.CircuitBreaker.Phase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CircuitBreakerTest {

    private static final Duration COOLDOWN = Duration.ofSeconds(30);

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private CircuitBreaker breaker(int failureThreshold, int successThreshold) {
        return new CircuitBreaker(new CircuitBreakerPolicy(failureThreshold, COOLDOWN, successThreshold), now::get);
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    /** One permitted call that fails, as the router makes it. */
    private static void failOnce(CircuitBreaker breaker) {
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.onFailure();
    }

    private CircuitBreaker opened(int failureThreshold, int successThreshold) {
        CircuitBreaker breaker = breaker(failureThreshold, successThreshold);
        for (int i = 0; i < failureThreshold; i++) {
            failOnce(breaker);
        }
        assertThat(breaker.phase()).isEqualTo(Phase.OPEN);
        return breaker;
    }

    @Test
    void startsClosedAndPermitsCalls() {
        CircuitBreaker breaker = breaker(3, 2);

        assertThat(breaker.phase()).isEqualTo(Phase.CLOSED);
        assertThat(breaker.isCallPermitted()).isTrue();
        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.phase()).isEqualTo(Phase.CLOSED);
    }

    @ParameterizedTest(name = "threshold {0}")
    @ValueSource(ints = {1, 2, 5, 10})
    void opensAfterExactlyThresholdConsecutiveFailures(int threshold) {
        CircuitBreaker breaker = breaker(threshold, 2);

        for (int i = 1; i < threshold; i++) {
            failOnce(breaker);
            assertThat(breaker.phase()).as("after %d failures", i).isEqualTo(Phase.CLOSED);
            assertThat(breaker.isCallPermitted()).isTrue();
        }
        failOnce(breaker);

        assertThat(breaker.phase()).isEqualTo(Phase.OPEN);
        assertThat(breaker.isCallPermitted()).isFalse();
        assertThat(breaker.tryAcquire()).isFalse();
    }

    @Test
    void aSuccessInBetweenResetsTheCount() {
        CircuitBreaker breaker = breaker(3, 2);

        failOnce(breaker);
        failOnce(breaker);
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.onSuccess();
        failOnce(breaker);
        failOnce(breaker);

        assertThat(breaker.phase()).as("two failures since the success").isEqualTo(Phase.CLOSED);
        failOnce(breaker);
        assertThat(breaker.phase()).isEqualTo(Phase.OPEN);
    }

    @Test
    void ignoredOutcomesNeitherCountNorResetWhileClosed() {
        CircuitBreaker breaker = breaker(3, 2);

        failOnce(breaker);
        failOnce(breaker);
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.onIgnored();
        assertThat(breaker.phase()).isEqualTo(Phase.CLOSED);

        failOnce(breaker);
        assertThat(breaker.phase()).as("the ignored call did not reset the count").isEqualTo(Phase.OPEN);
    }

    @Test
    void staysOpenUntilTheCooldownHasPassed() {
        CircuitBreaker breaker = opened(2, 2);

        advance(COOLDOWN.minusNanos(1));
        assertThat(breaker.isCallPermitted()).isFalse();
        assertThat(breaker.tryAcquire()).isFalse();
        assertThat(breaker.phase()).isEqualTo(Phase.OPEN);

        advance(Duration.ofNanos(1));
        assertThat(breaker.isCallPermitted()).isTrue();
        assertThat(breaker.phase()).as("a peek does not move it to half-open").isEqualTo(Phase.OPEN);
        assertThat(breaker.isCallPermitted()).isTrue();
    }

    @Test
    void failuresAndSuccessesWhileOpenChangeNothing() {
        CircuitBreaker breaker = opened(1, 1);

        advance(COOLDOWN.minusSeconds(1));
        breaker.onFailure();
        breaker.onSuccess();
        breaker.onIgnored();
        assertThat(breaker.phase()).isEqualTo(Phase.OPEN);

        advance(Duration.ofSeconds(1));
        assertThat(breaker.isCallPermitted()).as("a late failure did not extend the cool-down").isTrue();
    }

    @Test
    void afterTheCooldownExactlyOneProbeIsAdmitted() {
        CircuitBreaker breaker = opened(2, 2);
        advance(COOLDOWN);

        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.phase()).isEqualTo(Phase.HALF_OPEN);
        assertThat(breaker.isCallPermitted()).isFalse();
        assertThat(breaker.tryAcquire()).isFalse();
        advance(COOLDOWN.multipliedBy(10));
        assertThat(breaker.tryAcquire()).as("time does not free a probe slot").isFalse();
    }

    @Test
    void aFailedProbeReopensForANewCooldown() {
        CircuitBreaker breaker = opened(2, 2);
        advance(COOLDOWN.plusSeconds(5));
        assertThat(breaker.tryAcquire()).isTrue();

        breaker.onFailure();

        assertThat(breaker.phase()).isEqualTo(Phase.OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
        advance(COOLDOWN.minusNanos(1));
        assertThat(breaker.tryAcquire()).as("the new cool-down counts from the failed probe").isFalse();
        advance(Duration.ofNanos(1));
        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.phase()).isEqualTo(Phase.HALF_OPEN);
    }

    @Test
    void successfulProbesCloseItAtTheSuccessThreshold() {
        CircuitBreaker breaker = opened(2, 3);
        advance(COOLDOWN);

        for (int i = 1; i < 3; i++) {
            assertThat(breaker.tryAcquire()).isTrue();
            breaker.onSuccess();
            assertThat(breaker.phase()).as("after %d successful probes", i).isEqualTo(Phase.HALF_OPEN);
            assertThat(breaker.isCallPermitted()).as("the next probe may go").isTrue();
        }
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.onSuccess();

        assertThat(breaker.phase()).isEqualTo(Phase.CLOSED);
        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.tryAcquire()).as("closed admits calls concurrently").isTrue();
    }

    @Test
    void closingStartsTheFailureCountAfresh() {
        CircuitBreaker breaker = opened(2, 1);
        advance(COOLDOWN);
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.onSuccess();
        assertThat(breaker.phase()).isEqualTo(Phase.CLOSED);

        failOnce(breaker);
        assertThat(breaker.phase()).isEqualTo(Phase.CLOSED);
        failOnce(breaker);
        assertThat(breaker.phase()).isEqualTo(Phase.OPEN);
    }

    @Test
    void aFailedProbeAfterSomeSuccessesReopensAndForgetsThem() {
        CircuitBreaker breaker = opened(1, 2);
        advance(COOLDOWN);
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.onSuccess();
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.onFailure();
        assertThat(breaker.phase()).isEqualTo(Phase.OPEN);

        advance(COOLDOWN);
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.onSuccess();
        assertThat(breaker.phase()).as("one success of two after re-opening").isEqualTo(Phase.HALF_OPEN);
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.onSuccess();
        assertThat(breaker.phase()).isEqualTo(Phase.CLOSED);
    }

    @Test
    void onIgnoredFreesTheProbeSlotAndKeepsTheSuccesses() {
        CircuitBreaker breaker = opened(1, 2);
        advance(COOLDOWN);
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.onSuccess();
        assertThat(breaker.tryAcquire()).isTrue();

        breaker.onIgnored();

        assertThat(breaker.phase()).isEqualTo(Phase.HALF_OPEN);
        assertThat(breaker.isCallPermitted()).isTrue();
        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.tryAcquire()).isFalse();
        breaker.onSuccess();
        assertThat(breaker.phase()).as("the success before the ignored probe still counts").isEqualTo(Phase.CLOSED);
    }

    @Test
    void aZeroCooldownAdmitsAProbeAtOnce() {
        CircuitBreaker breaker = new CircuitBreaker(new CircuitBreakerPolicy(1, Duration.ZERO, 1), now::get);
        failOnce(breaker);
        assertThat(breaker.phase()).isEqualTo(Phase.OPEN);

        assertThat(breaker.isCallPermitted()).isTrue();
        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.tryAcquire()).isFalse();
    }

    @Test
    void aCooldownTooLongForNanosStaysOpen() {
        CircuitBreaker breaker = new CircuitBreaker(
                new CircuitBreakerPolicy(1, Duration.ofDays(365L * 1_000), 1), now::get);
        failOnce(breaker);

        advance(Duration.ofDays(365L * 100));
        assertThat(breaker.tryAcquire()).isFalse();
        assertThat(breaker.phase()).isEqualTo(Phase.OPEN);
    }

    @Test
    void theCooldownSurvivesTheClockWrappingAround() {
        now.set(Long.MAX_VALUE - COOLDOWN.toNanos() / 2);
        CircuitBreaker breaker = opened(1, 1);

        advance(COOLDOWN.minusNanos(1));
        assertThat(now.get()).as("the clock wrapped").isNegative();
        assertThat(breaker.tryAcquire()).isFalse();
        advance(Duration.ofNanos(1));
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void aDisabledBreakerNeverOpens() {
        CircuitBreaker breaker = new CircuitBreaker(CircuitBreakerPolicy.disabled(), now::get);

        for (int i = 0; i < 100_000; i++) {
            failOnce(breaker);
        }

        assertThat(breaker.phase()).isEqualTo(Phase.CLOSED);
        assertThat(breaker.isCallPermitted()).isTrue();
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void concurrentFailuresAreAllCounted() throws Exception {
        int threads = 8;
        int perThread = 5_000;
        CircuitBreaker breaker = breaker(threads * perThread + 1, 1);

        runConcurrently(threads, thread -> {
            for (int i = 0; i < perThread; i++) {
                breaker.tryAcquire();
                breaker.onFailure();
            }
        });

        assertThat(breaker.phase()).as("one failure short of the threshold").isEqualTo(Phase.CLOSED);
        failOnce(breaker);
        assertThat(breaker.phase()).isEqualTo(Phase.OPEN);
    }

    @Test
    void concurrentCallersAfterTheCooldownAdmitOneProbe() throws Exception {
        int threads = 8;
        CircuitBreaker breaker = opened(1, 1);
        advance(COOLDOWN);
        AtomicInteger admitted = new AtomicInteger();

        runConcurrently(threads, thread -> {
            for (int i = 0; i < 1_000; i++) {
                if (breaker.tryAcquire()) {
                    admitted.incrementAndGet();
                }
            }
        });

        assertThat(admitted).hasValue(1);
        assertThat(breaker.phase()).isEqualTo(Phase.HALF_OPEN);
    }

    /**
     * After the first failure the breaker only moves between open and half-open (the success
     * threshold is out of reach), so every admitted call is a probe, and with no cool-down the
     * threads race for the probe slot all the time. No two probes may ever be in flight.
     */
    @Test
    void hammeringThreadsNeverHaveTwoProbesInFlight() throws Exception {
        int threads = 8;
        int iterations = 20_000;
        AtomicLong clock = new AtomicLong();
        CircuitBreaker breaker = new CircuitBreaker(
                new CircuitBreakerPolicy(1, Duration.ofNanos(3), Integer.MAX_VALUE), clock::incrementAndGet);
        failOnce(breaker);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        AtomicInteger probes = new AtomicInteger();

        runConcurrently(threads, thread -> {
            SplittableRandom random = new SplittableRandom(thread);
            for (int i = 0; i < iterations; i++) {
                if (!breaker.tryAcquire()) {
                    continue;
                }
                probes.incrementAndGet();
                int concurrent = inFlight.incrementAndGet();
                maxInFlight.accumulateAndGet(concurrent, Math::max);
                Thread.onSpinWait();
                inFlight.decrementAndGet();
                switch (random.nextInt(3)) {
                    case 0 -> breaker.onSuccess();
                    case 1 -> breaker.onFailure();
                    default -> breaker.onIgnored();
                }
            }
        });

        assertThat(probes.get()).as("probes were admitted").isGreaterThan(threads);
        assertThat(maxInFlight).hasValue(1);
        assertThat(breaker.phase()).isNotEqualTo(Phase.CLOSED);
    }

    /**
     * Threads mixing successes and failures through all three states, verdicts often landing
     * after the state changed under them: the breaker never ends with a probe slot held by no
     * one and, after a quiet cool-down, two successful probes close it.
     */
    @Test
    void hammeringThreadsLeaveARecoverableBreaker() throws Exception {
        int threads = 8;
        AtomicLong clock = new AtomicLong();
        CircuitBreaker breaker = new CircuitBreaker(new CircuitBreakerPolicy(3, Duration.ofNanos(50), 2),
                clock::incrementAndGet);
        AtomicInteger opened = new AtomicInteger();

        runConcurrently(threads, thread -> {
            SplittableRandom random = new SplittableRandom(100 + thread);
            for (int i = 0; i < 20_000; i++) {
                if (!breaker.tryAcquire()) {
                    opened.incrementAndGet();
                    continue;
                }
                if (random.nextInt(4) == 0) {
                    breaker.onFailure();
                } else {
                    breaker.onSuccess();
                }
            }
        });

        assertThat(opened.get()).as("the circuit opened at times").isPositive();
        clock.addAndGet(1_000);
        for (int i = 0; i < 2 && breaker.phase() != Phase.CLOSED; i++) {
            assertThat(breaker.tryAcquire()).as("probe %d", i).isTrue();
            breaker.onSuccess();
        }
        assertThat(breaker.phase()).isEqualTo(Phase.CLOSED);
    }

    private interface Body {
        void run(int thread) throws Exception;
    }

    private static void runConcurrently(int threads, Body body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    body.run(thread);
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
    }
}
