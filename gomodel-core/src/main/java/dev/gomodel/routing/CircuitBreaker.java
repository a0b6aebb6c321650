package dev.gomodel.routing;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * The circuit breaker of one provider, shared by every call the router sends it.
 *
 * <p>States, as {@link CircuitBreakerPolicy} describes them:
 * <ul>
 *   <li><b>closed</b>: calls pass; {@link CircuitBreakerPolicy#failureThreshold()} consecutive
 *       {@link #onFailure() failures} open the circuit, a {@link #onSuccess() success} resets
 *       the count;</li>
 *   <li><b>open</b>: calls are refused until {@link CircuitBreakerPolicy#cooldown()} has passed;
 *       the first {@link #tryAcquire()} after that moves to half-open and is the probe;</li>
 *   <li><b>half-open</b>: one probe at a time; a failed probe re-opens the circuit for a new
 *       cool-down, {@link CircuitBreakerPolicy#successThreshold()} successful probes close it,
 *       and a probe that ends without a verdict ({@link #onIgnored()}) frees the slot for the
 *       next one.</li>
 * </ul>
 * The cool-down is checked when a call arrives, so no timer is needed. A
 * {@link CircuitBreakerPolicy#disabled() disabled} policy never opens.
 *
 * <p>The verdict methods do not know which permit they answer: a call permitted while closed
 * that ends after the circuit opened is taken as a verdict on the current state (a late failure
 * while open changes nothing; a late success or {@code onIgnored} while half-open counts as the
 * probe's). Callers report exactly one verdict per permit obtained from {@link #tryAcquire()}.
 *
 * <p>Thread-safe and lock-free: the state is an immutable value in an {@link AtomicReference},
 * changed by compare-and-set loops.
 */
final class CircuitBreaker {

    /** Where the circuit is, as {@link #phase()} reports it. */
    enum Phase { CLOSED, OPEN, HALF_OPEN }

    private sealed interface State permits Closed, Open, HalfOpen {
    }

    private record Closed(int consecutiveFailures) implements State {
    }

    private record Open(long untilNanos) implements State {
    }

    private record HalfOpen(boolean probeInFlight, int successes) implements State {
    }

    private static final Closed CLOSED = new Closed(0);

    private final CircuitBreakerPolicy policy;
    private final LongSupplier nanoTime;
    private final long cooldownNanos;
    private final AtomicReference<State> state = new AtomicReference<>(CLOSED);

    /**
     * @param policy the thresholds and cool-down
     * @param nanoTime the clock, in {@link System#nanoTime()} units (differences only)
     */
    CircuitBreaker(CircuitBreakerPolicy policy, LongSupplier nanoTime) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.cooldownNanos = saturatedNanos(policy);
    }

    /** The policy this breaker follows. */
    CircuitBreakerPolicy policy() {
        return policy;
    }

    /**
     * Whether {@link #tryAcquire()} would now admit a call, without taking the permission: true
     * when closed, when open and the cool-down has passed, or when half-open with no probe in
     * flight. Another thread may take the permission first.
     */
    boolean isCallPermitted() {
        State current = state.get();
        if (current instanceof Closed) {
            return true;
        }
        if (current instanceof Open open) {
            return cooledDown(open, nanoTime.getAsLong());
        }
        return !((HalfOpen) current).probeInFlight();
    }

    /**
     * Takes the permission to send one call: always while closed; while open, only once the
     * cool-down has passed, and then the caller's call is the half-open probe; while half-open,
     * only when no probe is in flight. Every {@code true} must be answered by exactly one of
     * {@link #onSuccess()}, {@link #onFailure()} or {@link #onIgnored()}.
     *
     * @return whether the call may be sent
     */
    boolean tryAcquire() {
        while (true) {
            State current = state.get();
            if (current instanceof Closed) {
                return true;
            }
            if (current instanceof Open open) {
                if (!cooledDown(open, nanoTime.getAsLong())) {
                    return false;
                }
                if (state.compareAndSet(current, new HalfOpen(true, 0))) {
                    return true;
                }
                continue;
            }
            HalfOpen halfOpen = (HalfOpen) current;
            if (halfOpen.probeInFlight()) {
                return false;
            }
            if (state.compareAndSet(current, new HalfOpen(true, halfOpen.successes()))) {
                return true;
            }
        }
    }

    /**
     * A permitted call succeeded: while closed the failure count resets; while half-open the
     * probe counts, and enough of them close the circuit. Nothing changes while open.
     */
    void onSuccess() {
        while (true) {
            State current = state.get();
            State next;
            if (current instanceof Closed closed) {
                if (closed.consecutiveFailures() == 0) {
                    return;
                }
                next = CLOSED;
            } else if (current instanceof HalfOpen halfOpen) {
                int successes = halfOpen.successes() + 1;
                next = successes >= policy.successThreshold() ? CLOSED : new HalfOpen(false, successes);
            } else {
                return;
            }
            if (state.compareAndSet(current, next)) {
                return;
            }
        }
    }

    /**
     * A permitted call failed in a way that speaks to the provider's health (see
     * {@link Failures#countsAgainstCircuit(Throwable)}): while closed the failure count grows
     * and the circuit opens at the threshold; a failed half-open probe re-opens it for a new
     * cool-down. Nothing changes while open, nor ever under a disabled policy.
     */
    void onFailure() {
        if (!policy.enabled()) {
            return;
        }
        while (true) {
            State current = state.get();
            State next;
            if (current instanceof Closed closed) {
                int failures = closed.consecutiveFailures() + 1;
                next = failures >= policy.failureThreshold() ? openFromNow() : new Closed(failures);
            } else if (current instanceof HalfOpen) {
                next = openFromNow();
            } else {
                return;
            }
            if (state.compareAndSet(current, next)) {
                return;
            }
        }
    }

    /**
     * A permitted call ended without a verdict on the provider's health (a request error such
     * as 400, or the caller cancelled): a half-open probe slot is freed, its successes kept.
     * Nothing else changes.
     */
    void onIgnored() {
        while (true) {
            State current = state.get();
            if (!(current instanceof HalfOpen halfOpen) || !halfOpen.probeInFlight()) {
                return;
            }
            if (state.compareAndSet(current, new HalfOpen(false, halfOpen.successes()))) {
                return;
            }
        }
    }

    /**
     * Where the circuit is. An open circuit whose cool-down has passed still reports
     * {@link Phase#OPEN} until a {@link #tryAcquire()} moves it to half-open.
     */
    Phase phase() {
        State current = state.get();
        if (current instanceof Closed) {
            return Phase.CLOSED;
        }
        return current instanceof Open ? Phase.OPEN : Phase.HALF_OPEN;
    }

    @Override
    public String toString() {
        return "CircuitBreaker[" + state.get() + "]";
    }

    private Open openFromNow() {
        return new Open(nanoTime.getAsLong() + cooldownNanos);
    }

    /** Compared by difference, as {@link System#nanoTime()} values must be. */
    private static boolean cooledDown(Open open, long now) {
        return now - open.untilNanos() >= 0;
    }

    /**
     * The cool-down in nanoseconds, capped so that {@code now + cooldown} stays comparable by
     * difference with {@code now}: {@link Long#MAX_VALUE} is about 292 years.
     */
    private static long saturatedNanos(CircuitBreakerPolicy policy) {
        try {
            return policy.cooldown().toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
