package dev.gomodel.routing;

import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.error.GoModelException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One routed blocking {@code create}, run on the caller's thread: each attempt is the provider's
 * own blocking {@code create}, and a retry's back-off is a park of that thread. The decisions
 * are {@link CallContext}'s, exactly as for {@link RoutedCall}; only the waiting differs, and no
 * future, timer or hand-off to another thread is involved.
 *
 * <p>Used when the route has no deadline and no attempt timeout, which need a timer that can
 * abandon an attempt; a call with either goes through {@link RoutedCall}. Closing the router
 * ends a call parked between attempts; an attempt in flight is ended by its provider's close.
 */
final class BlockingCall implements OpenCalls.Call {

    private final CallContext context;
    private final ChatRequest request;
    private final Thread caller = Thread.currentThread();
    private volatile GoModelException closedBy;

    BlockingCall(CallContext context, ChatRequest request) {
        this.context = context;
        this.request = request;
    }

    ChatCompletion run(OpenCalls open) {
        context.listener.callStarted(context.call);
        open.open(this);
        try {
            return attempts();
        } finally {
            open.ended(this);
        }
    }

    private ChatCompletion attempts() {
        Target target = context.nextTarget();
        while (true) {
            Throwable failure;
            if (target == null) {
                failure = context.circuitOpen();
            } else {
                GoModelException closed = closedBy;
                if (closed != null) {
                    target.state().breaker().onIgnored();
                    return fail(closed);
                }
                long waited = context.waitBeforeNextNanos();
                context.listener.attemptStarted(context.call, target.name(), target.model(), context.stage(),
                        context.retry());
                target.state().callStarted();
                long start = context.now();
                try {
                    ChatCompletion completion = target.provider().create(Router.upstreamRequest(request, target));
                    context.attemptSucceeded(target, waited, context.now() - start);
                    ChatCompletion served = context.served(target, completion);
                    context.listener.callCompleted(context.call, served.usage(), served.route());
                    return served;
                } catch (RuntimeException e) {
                    failure = Failures.unwrap(e);
                    context.attemptFailed(target, failure, waited, context.now() - start);
                }
            }
            CallContext.Decision decision = context.afterFailure(target, failure);
            if (decision instanceof CallContext.Decision.Retry retry) {
                context.listener.retryScheduled(context.call, Duration.ofNanos(retry.waitNanos()), failure);
                park(retry.waitNanos());
            } else if (decision instanceof CallContext.Decision.Fail fail) {
                return fail(fail.error());
            }
            target = context.nextTarget();
        }
    }

    private ChatCompletion fail(Throwable error) {
        context.listener.callFailed(context.call, error, context.report());
        if (error instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw new CompletionException(error);
    }

    /** Waits out a back-off; a close ends the wait at once. */
    private void park(long nanos) {
        long end = System.nanoTime() + nanos;
        for (long left = nanos; left > 0 && closedBy == null; left = end - System.nanoTime()) {
            LockSupport.parkNanos(this, Math.min(left, TimeUnit.SECONDS.toNanos(1)));
        }
    }

    @Override
    public void close(GoModelException reason) {
        closedBy = reason;
        LockSupport.unpark(caller);
    }
}
