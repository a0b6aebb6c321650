package dev.gomodel.routing;

import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.chat.RouteReport.Outcome;
import dev.gomodel.error.GoModelException;
import dev.gomodel.error.RequestTimeoutException;
import dev.gomodel.internal.timer.Timers;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One routed {@code create}: attempts run one after another, each asynchronously; waits between
 * them are timer tasks, so no thread is held while a call backs off. {@link #result()} is the
 * caller's future: cancelling it cancels the attempt in flight and any pending retry.
 */
final class RoutedCall implements OpenCalls.Call {

    private final CallContext context;
    private final ChatRequest request;
    private final OpenCalls open;
    private final CompletableFuture<ChatCompletion> result = new CompletableFuture<>();
    /** Set once by whichever end comes first: completion, failure or the caller's cancellation. */
    private final AtomicBoolean ended = new AtomicBoolean();
    private Attempt current;
    private ScheduledFuture<?> pendingRetry;
    private ScheduledFuture<?> deadlineTimer;

    /** One attempt in flight. */
    private final class Attempt {
        final Target target;
        final long waitedNanos;
        final long startNanos;
        CompletableFuture<ChatCompletion> future;
        ScheduledFuture<?> timer;
        boolean timedOut;
        boolean finished;

        Attempt(Target target, long waitedNanos) {
            this.target = target;
            this.waitedNanos = waitedNanos;
            this.startNanos = context.now();
        }
    }

    RoutedCall(CallContext context, ChatRequest request, OpenCalls open) {
        this.context = context;
        this.request = request;
        this.open = open;
    }

    CompletableFuture<ChatCompletion> result() {
        return result;
    }

    void start() {
        context.listener.callStarted(context.call);
        if (context.policy.deadline() != null) {
            deadlineTimer = Timers.scheduleNanos(context.deadlineNanos - context.now(),
                    () -> fail(context.deadlineExceeded(), Outcome.TIMED_OUT));
        }
        result.whenComplete((completion, error) -> {
            open.ended(this);
            if (error instanceof CancellationException && ended.compareAndSet(false, true)) {
                stop(Outcome.CANCELLED);
                context.listener.callCancelled(context.call, context.report());
            }
        });
        open.open(this);
        attempt();
    }

    @Override
    public void close(GoModelException reason) {
        fail(reason, Outcome.CANCELLED);
    }

    private void attempt() {
        Target target = context.nextTarget();
        if (target == null) {
            onFailure(null, context.circuitOpen());
            return;
        }
        Attempt attempt;
        synchronized (this) {
            if (ended.get()) {
                target.state().breaker().onIgnored();
                return;
            }
            attempt = new Attempt(target, context.waitBeforeNextNanos());
            current = attempt;
        }
        context.listener.attemptStarted(context.call, target.name(), target.model(), context.stage(), context.retry());
        target.state().callStarted();
        CompletableFuture<ChatCompletion> future;
        try {
            future = target.provider().createAsync(Router.upstreamRequest(request, target));
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        boolean stoppedMeanwhile;
        synchronized (this) {
            attempt.future = future;
            stoppedMeanwhile = attempt.finished;
            if (!stoppedMeanwhile && context.policy.attemptTimeout() != null) {
                attempt.timer = Timers.schedule(context.policy.attemptTimeout(), () -> timeOut(attempt));
            }
        }
        if (stoppedMeanwhile) {
            // The call ended (cancelled, out of time) while this attempt was being sent.
            future.cancel(true);
            return;
        }
        future.whenComplete((completion, error) -> finished(attempt, completion, error));
    }

    private void timeOut(Attempt attempt) {
        CompletableFuture<ChatCompletion> future;
        synchronized (this) {
            if (attempt.finished) {
                return;
            }
            attempt.timedOut = true;
            future = attempt.future;
        }
        future.cancel(true);
    }

    private void finished(Attempt attempt, ChatCompletion completion, Throwable error) {
        boolean timedOut;
        synchronized (this) {
            if (attempt.finished) {
                return;
            }
            attempt.finished = true;
            timedOut = attempt.timedOut;
            if (attempt.timer != null) {
                attempt.timer.cancel(false);
            }
        }
        long latency = context.now() - attempt.startNanos;
        Throwable failure = error == null ? null : unwrap(error);
        if (timedOut) {
            failure = new RequestTimeoutException(attempt.target.name(), RequestTimeoutException.Phase.ATTEMPT,
                    context.policy.attemptTimeout(), failure);
        }
        if (failure == null) {
            context.attemptSucceeded(attempt.target, attempt.waitedNanos, latency);
            complete(context.served(attempt.target, completion));
            return;
        }
        context.attemptFailed(attempt.target, failure, attempt.waitedNanos, latency);
        onFailure(attempt.target, failure);
    }

    private void onFailure(Target target, Throwable failure) {
        if (ended.get()) {
            return;
        }
        CallContext.Decision decision = context.afterFailure(target, failure);
        if (decision instanceof CallContext.Decision.Retry retry) {
            context.listener.retryScheduled(context.call, Duration.ofNanos(retry.waitNanos()), failure);
            synchronized (this) {
                if (!ended.get()) {
                    pendingRetry = Timers.scheduleNanos(retry.waitNanos(), this::attempt);
                }
            }
        } else if (decision instanceof CallContext.Decision.NextStage) {
            attempt();
        } else if (decision instanceof CallContext.Decision.Fail fail) {
            fail(fail.error(), null);
        }
    }

    /** Ends the call with {@code completion}; the listener hears of it before the caller does. */
    private void complete(ChatCompletion completion) {
        if (ended.compareAndSet(false, true)) {
            cancelTimers();
            context.listener.callCompleted(context.call, completion.usage(), completion.route());
            result.complete(completion);
        }
    }

    /** Ends the call with {@code error}; {@code inFlight} reports an attempt still running, if any. */
    private void fail(Throwable error, Outcome inFlight) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        if (inFlight != null) {
            stop(inFlight);
        }
        cancelTimers();
        context.listener.callFailed(context.call, error, context.report());
        result.completeExceptionally(error);
    }

    /** Stops the attempt in flight (reporting it with {@code outcome}) and any pending retry. */
    private void stop(Outcome outcome) {
        Attempt attempt;
        synchronized (this) {
            attempt = current;
            if (pendingRetry != null) {
                pendingRetry.cancel(false);
            }
            if (attempt == null || attempt.finished) {
                attempt = null;
            } else {
                attempt.finished = true;
                if (attempt.timer != null) {
                    attempt.timer.cancel(false);
                }
            }
        }
        cancelTimers();
        if (attempt != null) {
            context.attemptAbandoned(attempt.target, outcome, attempt.waitedNanos, context.now() - attempt.startNanos);
            if (attempt.future != null) {
                attempt.future.cancel(true);
            }
        }
    }

    private synchronized void cancelTimers() {
        if (deadlineTimer != null) {
            deadlineTimer.cancel(false);
        }
        if (pendingRetry != null) {
            pendingRetry.cancel(false);
        }
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
