package dev.gomodel.routing;

import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatCompletionChunk.ChunkChoice;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.chat.Content;
import dev.gomodel.chat.RouteReport;
import dev.gomodel.chat.RouteReport.Outcome;
import dev.gomodel.chat.Usage;
import dev.gomodel.error.GoModelException;
import dev.gomodel.error.RequestTimeoutException;
import dev.gomodel.error.StreamInterruptedException;
import dev.gomodel.internal.stream.RouteReporting;
import dev.gomodel.internal.stream.SerialEmitter;
import dev.gomodel.internal.timer.Timers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;

/**
 * One routed stream, and the subscription its subscriber holds.
 *
 * <p>Before the first content chunk the stream is not committed: chunks that carry nothing yet
 * (a role, an empty delta) are held back, and a failed attempt is retried or moved to a fallback
 * exactly as a {@code create} would be, invisibly to the subscriber. The first chunk with
 * content, a tool call, a finish reason or usage commits the stream to its attempt: held chunks
 * and that chunk are delivered, and from then on a failure ends the stream with a
 * {@link StreamInterruptedException} that says how many chunks were delivered. Output is never
 * duplicated and never silently cut short.
 *
 * <p>Signals to the subscriber go through a {@link SerialEmitter}, so they are serial. Before
 * commit the upstream is asked for one chunk at a time; after it, whenever nothing is queued and
 * the subscriber has unmet demand, the upstream is asked for that demand less what it was
 * already asked for and has not delivered (all of it at once for unbounded demand), so past
 * the chunks that committed the stream the upstream delivers no more than the subscriber asked for.
 * {@code cancel()} cancels the attempt in flight and any pending retry.
 */
final class RoutedStream implements Flow.Subscription, RouteReporting, OpenCalls.Call {

    private final CallContext context;
    private final ChatRequest request;
    private final OpenCalls open;
    private final SerialEmitter<ChatCompletionChunk> emitter;
    private volatile boolean committed;
    private volatile boolean upstreamDone;
    private volatile Throwable failure;
    private volatile Throwable interruption;
    private volatile String committedProvider;
    private volatile AttemptSubscriber current;
    private volatile Usage usage;
    private volatile RouteReport finalReport;
    private ScheduledFuture<?> pendingRetry;
    private ScheduledFuture<?> deadlineTimer;

    RoutedStream(CallContext context, ChatRequest request, Flow.Subscriber<? super ChatCompletionChunk> downstream,
            OpenCalls open) {
        this.context = context;
        this.request = request;
        this.open = open;
        this.emitter = new SerialEmitter<>(downstream, new Delivery());
    }

    void start() {
        context.listener.callStarted(context.call);
        if (context.policy.deadline() != null) {
            synchronized (this) {
                deadlineTimer = Timers.scheduleNanos(context.deadlineNanos - context.now(), this::deadlineReached);
            }
        }
        open.open(this);
        attempt();
    }

    @Override
    public RouteReport route() {
        RouteReport report = finalReport;
        return report != null ? report : context.report();
    }

    // ---- the subscriber's side ----

    @Override
    public void request(long n) {
        emitter.request(n);
    }

    @Override
    public void cancel() {
        emitter.cancel();
    }

    // ---- attempts ----

    private void attempt() {
        Target target = context.nextTarget();
        if (target == null) {
            afterFailedAttempt(null, context.circuitOpen());
            return;
        }
        AttemptSubscriber attempt = new AttemptSubscriber(target, context.waitBeforeNextNanos());
        synchronized (this) {
            if (emitter.isDone() || failure != null) {
                target.state().breaker().onIgnored();
                return;
            }
            current = attempt;
        }
        context.listener.attemptStarted(context.call, target.name(), target.model(), context.stage(), context.retry());
        target.state().callStarted();
        Flow.Publisher<ChatCompletionChunk> publisher;
        try {
            publisher = target.provider().stream(Router.upstreamRequest(request, target));
        } catch (RuntimeException e) {
            attempt.fail(e);
            return;
        }
        publisher.subscribe(attempt);
    }

    private void afterFailedAttempt(Target target, Throwable error) {
        if (emitter.isDone() || failure != null) {
            return;
        }
        CallContext.Decision decision = context.afterFailure(target, error);
        if (decision instanceof CallContext.Decision.Retry retry) {
            context.listener.retryScheduled(context.call, Duration.ofNanos(retry.waitNanos()), error);
            synchronized (this) {
                if (!emitter.isDone() && failure == null) {
                    pendingRetry = Timers.scheduleNanos(retry.waitNanos(), this::attempt);
                }
            }
        } else if (decision instanceof CallContext.Decision.NextStage) {
            attempt();
        } else if (decision instanceof CallContext.Decision.Fail fail) {
            endWith(fail.error());
        }
    }

    private void deadlineReached() {
        if (emitter.isDone()) {
            return;
        }
        stopAttempt(Outcome.TIMED_OUT);
        if (committed) {
            interrupt(new RequestTimeoutException(committedProvider, RequestTimeoutException.Phase.TOTAL,
                    context.policy.deadline(), null));
        } else {
            endWith(context.deadlineExceeded());
        }
    }

    @Override
    public void close(GoModelException reason) {
        if (emitter.isDone()) {
            return;
        }
        stopAttempt(Outcome.CANCELLED);
        if (committed) {
            interrupt(reason);
        } else {
            endWith(reason);
        }
    }

    /** Ends the stream with {@code error} as it is: the failure came before any content was delivered. */
    private void endWith(Throwable error) {
        synchronized (this) {
            if (failure != null || emitter.isDone()) {
                return;
            }
            failure = error;
        }
        stopAttempt(null);
        cancelTimers();
        emitter.drain();
    }

    /** Ends a committed stream: its failure is reported with the count of chunks delivered. */
    private void interrupt(Throwable cause) {
        synchronized (this) {
            if (interruption != null || emitter.isDone()) {
                return;
            }
            interruption = cause;
        }
        cancelTimers();
        emitter.drain();
    }

    /** Cancels the attempt in flight, reporting it with {@code outcome} unless that is {@code null}. */
    private void stopAttempt(Outcome outcome) {
        AttemptSubscriber attempt;
        synchronized (this) {
            attempt = current;
            if (pendingRetry != null) {
                pendingRetry.cancel(false);
            }
        }
        if (attempt != null) {
            attempt.abandon(outcome);
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

    // ---- delivery ----

    /** How the emitter's questions are answered for a routed stream. */
    private final class Delivery implements SerialEmitter.Source {
        @Override
        public Throwable failure(long delivered) {
            Throwable error = failure;
            if (error != null) {
                return error;
            }
            Throwable cause = interruption;
            return cause == null ? null : new StreamInterruptedException(committedProvider, delivered, cause);
        }

        @Override
        public boolean completed() {
            return upstreamDone;
        }

        @Override
        public void pull() {
            AttemptSubscriber attempt = current;
            if (committed && attempt != null) {
                attempt.requestUpTo(emitter.requested());
            }
        }

        @Override
        public void ended(Throwable error, boolean cancelled) {
            open.ended(RoutedStream.this);
            cancelTimers();
            if (cancelled) {
                stopAttempt(Outcome.CANCELLED);
                finalReport = context.report();
                context.listener.callCancelled(context.call, finalReport);
                return;
            }
            if (error != null) {
                stopAttempt(null);
            }
            finalReport = context.report();
            if (error == null) {
                context.listener.callCompleted(context.call, usage, finalReport);
            } else {
                context.listener.callFailed(context.call, error, finalReport);
            }
        }
    }

    /** Whether a chunk carries something the subscriber must see, so that delivering it commits the stream. */
    static boolean carriesContent(ChatCompletionChunk chunk) {
        if (chunk.usage() != null) {
            return true;
        }
        for (ChunkChoice choice : chunk.choices()) {
            if (choice.finishReason() != null) {
                return true;
            }
            ChatCompletionChunk.Delta delta = choice.delta();
            if (delta != null && (notEmpty(delta.content()) || notEmpty(delta.reasoningContent())
                    || (delta.toolCalls() != null && !delta.toolCalls().isEmpty()) || !delta.extra().isEmpty())) {
                return true;
            }
        }
        return false;
    }

    private static boolean notEmpty(String text) {
        return text != null && !text.isEmpty();
    }

    /** Whether a delta's content holds anything: a string that is not empty, or any part. */
    private static boolean notEmpty(Content content) {
        return content instanceof Content.Text text ? !text.text().isEmpty()
                : content instanceof Content.Parts parts && !parts.parts().isEmpty();
    }

    /** Receives one attempt's chunks. Its signal handlers and timers meet under its monitor. */
    private final class AttemptSubscriber implements Flow.Subscriber<ChatCompletionChunk> {
        private final Target target;
        private final long waitedNanos;
        private final long startNanos;
        private final List<ChatCompletionChunk> held = new ArrayList<>();
        private Flow.Subscription subscription;
        /**
         * Chunks asked of the upstream and not received yet; {@link Long#MAX_VALUE} once unbounded,
         * which it then stays. Written under the monitor; volatile so that an unbounded stream's
         * pull per chunk needs no lock.
         */
        private volatile long outstanding;
        private boolean done;
        /** Whether the stream has an idle limit, the one reader of {@link #lastActivityNanos} after commit. */
        private final boolean idleTimed = context.policy.streamIdleTimeout() != null;
        private long lastActivityNanos;
        private ScheduledFuture<?> timer;

        AttemptSubscriber(Target target, long waitedNanos) {
            this.target = target;
            this.waitedNanos = waitedNanos;
            this.startNanos = context.now();
            this.lastActivityNanos = startNanos;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            synchronized (this) {
                this.subscription = subscription;
                if (done) {
                    subscription.cancel();
                    return;
                }
                armCommitTimer();
                outstanding = 1;
            }
            subscription.request(1);
        }

        /** Before commit, the first-token and attempt limits; whichever is sooner. */
        private void armCommitTimer() {
            Duration firstToken = context.policy.firstTokenTimeout();
            Duration attemptLimit = context.policy.attemptTimeout();
            if (firstToken == null && attemptLimit == null) {
                return;
            }
            boolean firstTokenSooner = attemptLimit == null || (firstToken != null && firstToken.compareTo(attemptLimit) <= 0);
            Duration limit = firstTokenSooner ? firstToken : attemptLimit;
            RequestTimeoutException.Phase phase = firstTokenSooner ? RequestTimeoutException.Phase.FIRST_TOKEN
                    : RequestTimeoutException.Phase.ATTEMPT;
            timer = Timers.schedule(limit, () -> fail(new RequestTimeoutException(target.name(), phase, limit, null)));
        }

        @Override
        public void onNext(ChatCompletionChunk item) {
            ChatCompletionChunk chunk = item.provider() == null ? item.withProvider(target.name()) : item;
            boolean flowing;
            Flow.Subscription toRequest = null;
            synchronized (this) {
                if (done) {
                    return;
                }
                if (outstanding > 0 && outstanding != Long.MAX_VALUE) {
                    outstanding--;
                }
                if (idleTimed) {
                    lastActivityNanos = context.now();
                }
                if (chunk.usage() != null) {
                    usage = chunk.usage();
                }
                flowing = committed;
                if (!flowing) {
                    if (!carriesContent(chunk)) {
                        held.add(chunk);
                        outstanding = 1;
                        toRequest = subscription;
                    } else {
                        commit();
                        held.forEach(emitter::offer);
                        held.clear();
                        emitter.offer(chunk);
                    }
                }
            }
            if (flowing) {
                // The upstream's signals are serial, so delivering outside the monitor keeps their order.
                emitter.emit(chunk);
            } else if (toRequest != null) {
                toRequest.request(1);
            } else {
                context.listener.firstToken(context.call, Duration.ofNanos(context.now() - context.startNanos));
                emitter.drain();
            }
        }

        private void commit() {
            committed = true;
            committedProvider = target.name();
            cancelTimer();
            Duration idle = context.policy.streamIdleTimeout();
            if (idle != null) {
                timer = Timers.schedule(idle, this::checkIdle);
            }
        }

        private void checkIdle() {
            Duration idle = context.policy.streamIdleTimeout();
            synchronized (this) {
                if (done) {
                    return;
                }
                long silent = context.now() - lastActivityNanos;
                if (outstanding == 0 || silent < idle.toNanos()) {
                    timer = Timers.scheduleNanos(outstanding != 0 ? idle.toNanos() - silent : idle.toNanos(),
                            this::checkIdle);
                    return;
                }
            }
            fail(new RequestTimeoutException(target.name(), RequestTimeoutException.Phase.IDLE, idle, null));
        }

        /**
         * Asks the upstream for enough chunks that {@code wanted} are on their way: the
         * subscriber's unmet demand, asked only when nothing is queued for it.
         */
        void requestUpTo(long wanted) {
            if (outstanding == Long.MAX_VALUE) {
                return;
            }
            Flow.Subscription toRequest;
            long more;
            synchronized (this) {
                if (done || subscription == null || outstanding >= wanted) {
                    return;
                }
                if (outstanding == 0 && idleTimed) {
                    lastActivityNanos = context.now();
                }
                more = wanted - outstanding;
                outstanding = wanted;
                toRequest = subscription;
            }
            toRequest.request(more);
        }

        @Override
        public void onError(Throwable throwable) {
            fail(throwable);
        }

        /** The attempt failed: by an upstream error, a timer, or a provider that threw. */
        void fail(Throwable error) {
            long latency = stop();
            if (latency < 0) {
                return;
            }
            context.attemptFailed(target, error, waitedNanos, latency);
            if (committed) {
                interrupt(error);
            } else {
                afterFailedAttempt(target, error);
            }
        }

        @Override
        public void onComplete() {
            synchronized (this) {
                if (done) {
                    return;
                }
                done = true;
                cancelTimer();
                if (!committed) {
                    commit();
                    cancelTimer();
                    held.forEach(emitter::offer);
                    held.clear();
                }
            }
            context.attemptSucceeded(target, waitedNanos, context.now() - startNanos);
            upstreamDone = true;
            emitter.drain();
        }

        /** The call ended around this attempt (cancel, deadline, a failure elsewhere). */
        void abandon(Outcome outcome) {
            long latency = stop();
            if (latency >= 0) {
                context.attemptAbandoned(target, outcome, waitedNanos, latency);
            }
        }

        /** Ends this attempt and cancels its upstream; the attempt's latency, or -1 if it had already ended. */
        private long stop() {
            Flow.Subscription toCancel;
            synchronized (this) {
                if (done) {
                    return -1;
                }
                done = true;
                cancelTimer();
                toCancel = subscription;
            }
            if (toCancel != null) {
                toCancel.cancel();
            }
            return context.now() - startNanos;
        }

        private void cancelTimer() {
            if (timer != null) {
                timer.cancel(false);
                timer = null;
            }
        }
    }
}
