package dev.gomodel.routing;

import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.RouteReport;
import dev.gomodel.chat.RouteReport.Outcome;
import dev.gomodel.error.ApiException;
import dev.gomodel.error.CircuitOpenException;
import dev.gomodel.error.RequestTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * What one routed call has done and may do next: its place in the {@link Plan} (stage and
 * retry), the attempts made so far for the route report, and the decision after each failure.
 * Create calls and streams share it; what they share between calls (breakers, balancer) lives in
 * {@link ProviderState} and {@link Balancer}.
 *
 * <p>Methods are synchronized: a call's attempts end on HTTP threads, its timers fire on the
 * timer thread, and its caller may cancel it, but each decision must see the one before.
 */
final class CallContext {

    /** What to do after a failed attempt. */
    sealed interface Decision {
        /** Try the same stage again after {@code waitNanos}. */
        record Retry(long waitNanos) implements Decision {
        }

        /** Move on to the next fallback stage now. */
        record NextStage() implements Decision {
        }

        /** End the call with {@code error}. */
        record Fail(Throwable error) implements Decision {
        }
    }

    final RouterCall call;
    final Plan plan;
    final RoutePolicy policy;
    final SafeListener listener;
    private final Balancer balancer;
    private final Function<Target, RetryPolicy> retryPolicies;
    private final LongSupplier nanoTime;
    private final DoubleSupplier random;
    final long startNanos;
    final long deadlineNanos;
    private int stage;
    private int retry;
    private long waitBeforeNextNanos;
    private final List<RouteReport.Attempt> attempts = new ArrayList<>(2);
    /** Made at the first failure; most calls have none. */
    private List<Throwable> failures;

    CallContext(RouterCall call, Plan plan, RoutePolicy policy, SafeListener listener, Balancer balancer,
            Function<Target, RetryPolicy> retryPolicies, LongSupplier nanoTime, DoubleSupplier random) {
        this.call = call;
        this.plan = plan;
        this.policy = policy;
        this.listener = listener;
        this.balancer = balancer;
        this.retryPolicies = retryPolicies;
        this.nanoTime = nanoTime;
        this.random = random;
        this.startNanos = nanoTime.getAsLong();
        this.deadlineNanos = policy.deadline() == null ? Long.MAX_VALUE
                : startNanos + Math.min(policy.deadline().toNanos(), Long.MAX_VALUE - startNanos);
    }

    long now() {
        return nanoTime.getAsLong();
    }

    synchronized int stage() {
        return stage;
    }

    synchronized int retry() {
        return retry;
    }

    /** The wait made before the attempt about to start, for its report entry. */
    synchronized long waitBeforeNextNanos() {
        return waitBeforeNextNanos;
    }

    /**
     * The target of the next attempt in the current stage, with its circuit acquired; providers
     * whose circuit is open are recorded as skipped. {@code null} when no provider of the stage
     * may be called.
     */
    Target nextTarget() {
        List<RouteReport.Attempt> skipped = null;
        Target chosen = null;
        synchronized (this) {
            Plan.Stage current = plan.stages().get(stage);
            List<Target> pool = current.pool();
            // Which of the pool may not be picked; made only once a circuit turns a provider away.
            boolean[] excluded = null;
            int left = pool.size();
            for (int i = 0; i < pool.size(); i++) {
                Target target = pool.get(i);
                if (!target.state().breaker().isCallPermitted()) {
                    excluded = exclude(excluded, pool.size(), i);
                    left--;
                    skipped = add(skipped, skip(target));
                }
            }
            while (left > 0) {
                int index = balancer.pick(current.states(), excluded, policy.loadBalancing(), current.label());
                Target target = pool.get(index);
                if (target.state().breaker().tryAcquire()) {
                    chosen = target;
                    break;
                }
                skipped = add(skipped, skip(target));
                excluded = exclude(excluded, pool.size(), index);
                left--;
            }
            if (skipped != null) {
                attempts.addAll(skipped);
            }
        }
        if (skipped != null) {
            for (RouteReport.Attempt attempt : skipped) {
                listener.attemptFinished(call, attempt);
            }
        }
        return chosen;
    }

    private static boolean[] exclude(boolean[] excluded, int size, int index) {
        boolean[] marked = excluded != null ? excluded : new boolean[size];
        marked[index] = true;
        return marked;
    }

    private static List<RouteReport.Attempt> add(List<RouteReport.Attempt> skipped, RouteReport.Attempt attempt) {
        List<RouteReport.Attempt> list = skipped != null ? skipped : new ArrayList<>(2);
        list.add(attempt);
        return list;
    }

    private RouteReport.Attempt skip(Target target) {
        return new RouteReport.Attempt(target.name(), target.model(), stage, retry, Outcome.SKIPPED_CIRCUIT_OPEN, null,
                Duration.ZERO, Duration.ZERO);
    }

    /** The failure that stands for a stage whose providers all have open circuits. */
    synchronized CircuitOpenException circuitOpen() {
        Plan.Stage current = plan.stages().get(stage);
        return new CircuitOpenException("every provider that serves " + current.label()
                + " has an open circuit; none was tried", current.pool().get(0).name());
    }

    /** The completion an attempt on {@code target} returned, as the caller gets it: with its provider and the route. */
    ChatCompletion served(Target target, ChatCompletion completion) {
        String provider = completion.provider() == null ? target.name() : completion.provider();
        return new ChatCompletion(completion.id(), completion.object(), completion.created(), completion.model(),
                provider, completion.systemFingerprint(), completion.choices(), completion.usage(), completion.extra(),
                completion.nulls(), report());
    }

    /** An attempt succeeded: its provider's statistics and breaker hear of it, and it is reported. */
    void attemptSucceeded(Target target, long waitedNanos, long latencyNanos) {
        target.state().callEnded(latencyNanos, true);
        target.state().breaker().onSuccess();
        recordAttempt(target, Outcome.OK, null, waitedNanos, latencyNanos);
    }

    /**
     * An attempt failed: its provider's breaker counts the failure if it says something about
     * the provider's health (not for a request error), and it is reported.
     */
    void attemptFailed(Target target, Throwable failure, long waitedNanos, long latencyNanos) {
        target.state().callEnded(latencyNanos, false);
        if (Failures.countsAgainstCircuit(failure)) {
            target.state().breaker().onFailure();
        } else {
            target.state().breaker().onIgnored();
        }
        recordAttempt(target, outcomeOf(failure), failure, waitedNanos, latencyNanos);
    }

    /**
     * The call ended around an attempt still running (cancelled, out of time): no verdict on
     * the provider; reported with {@code outcome} unless that is {@code null}.
     */
    void attemptAbandoned(Target target, Outcome outcome, long waitedNanos, long latencyNanos) {
        target.state().callEnded(latencyNanos, false);
        target.state().breaker().onIgnored();
        if (outcome != null) {
            recordAttempt(target, outcome, null, waitedNanos, latencyNanos);
        }
    }

    /** Records a finished attempt and tells the listener. */
    private void recordAttempt(Target target, Outcome outcome, Throwable failure, long waitedNanos, long latencyNanos) {
        RouteReport.Attempt attempt;
        synchronized (this) {
            attempt = new RouteReport.Attempt(target.name(), target.model(), stage, retry, outcome, failure,
                    Duration.ofNanos(waitedNanos), Duration.ofNanos(Math.max(0, latencyNanos)));
            attempts.add(attempt);
        }
        listener.attemptFinished(call, attempt);
    }

    /** The report of everything so far. */
    synchronized RouteReport report() {
        return new RouteReport(attempts, Duration.ofNanos(now() - startNanos));
    }

    /**
     * Decides what follows a failed attempt ({@code target} is {@code null} when the stage had
     * no provider to try). A ladder of guards, each with its reason.
     */
    synchronized Decision afterFailure(Target target, Throwable error) {
        if (failures == null) {
            failures = new ArrayList<>(2);
        }
        failures.add(error);
        boolean retryable = Failures.isRetryable(error);
        boolean fallback = Failures.triggersFallback(error, policy.fallbackOnRequestErrors());

        // A request error would fail the same way anywhere: end the call with it.
        if (!retryable && !fallback) {
            return new Decision.Fail(finalError(error));
        }
        // A transient failure is tried again on the same stage, if the wait is acceptable.
        if (retryable && target != null) {
            RetryPolicy retryPolicy = retryPolicies.apply(target);
            if (retry < retryPolicy.maxRetries()) {
                long wait = retryPolicy.backoff(retry, random.getAsDouble()).toNanos();
                Duration retryAfter = retryAfter(error);
                boolean waitable = retryAfter == null || retryAfter.compareTo(retryPolicy.maxRetryAfter()) <= 0;
                if (retryAfter != null) {
                    wait = Math.max(wait, retryAfter.toNanos());
                }
                // No retry starts whose wait would pass the deadline.
                if (waitable && wait < deadlineNanos - now()) {
                    retry++;
                    waitBeforeNextNanos = wait;
                    return new Decision.Retry(wait);
                }
            }
        }
        // A failure that a fallback can cure moves on to the next stage, at once.
        if (fallback && stage + 1 < plan.stages().size()) {
            stage++;
            retry = 0;
            waitBeforeNextNanos = 0;
            return new Decision.NextStage();
        }
        // Nothing is left to try.
        return new Decision.Fail(finalError(error));
    }

    /**
     * The error a failed call ends with: the last real failure (an open circuit counts only when
     * nothing was tried), with every other attempt's failure attached as suppressed.
     */
    private Throwable finalError(Throwable last) {
        Throwable chosen = last;
        if (chosen instanceof CircuitOpenException) {
            for (int i = failures.size() - 1; i >= 0; i--) {
                if (!(failures.get(i) instanceof CircuitOpenException)) {
                    chosen = failures.get(i);
                    break;
                }
            }
        }
        for (Throwable failure : failures) {
            if (failure != chosen) {
                chosen.addSuppressed(failure);
            }
        }
        return chosen;
    }

    /** The failure that ends a call whose deadline ran out, with the attempts so far suppressed on it. */
    synchronized RequestTimeoutException deadlineExceeded() {
        RequestTimeoutException timeout = new RequestTimeoutException(null, RequestTimeoutException.Phase.TOTAL,
                policy.deadline(), null);
        if (failures != null) {
            failures.forEach(timeout::addSuppressed);
        }
        return timeout;
    }

    private static Duration retryAfter(Throwable error) {
        return error instanceof ApiException api ? api.retryAfter().orElse(null) : null;
    }

    /** How a failed attempt is reported. */
    private static Outcome outcomeOf(Throwable failure) {
        if (failure == null) {
            return Outcome.OK;
        }
        return failure instanceof RequestTimeoutException ? Outcome.TIMED_OUT : Outcome.ERROR;
    }
}
