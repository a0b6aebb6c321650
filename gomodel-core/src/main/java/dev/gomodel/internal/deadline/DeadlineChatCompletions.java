package dev.gomodel.internal.deadline;

import dev.gomodel.ChatCompletions;
import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.error.RequestTimeoutException;
import dev.gomodel.internal.timer.Timers;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;

/**
 * Any {@link ChatCompletions} with a deadline per call: when it passes, the call is cancelled
 * and fails with a {@link RequestTimeoutException} of phase {@code TOTAL}. The router has its
 * own, deadline-aware version; this one serves every other implementation.
 */
public final class DeadlineChatCompletions implements ChatCompletions {

    private final ChatCompletions delegate;
    private final Duration deadline;

    public DeadlineChatCompletions(ChatCompletions delegate, Duration deadline) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.deadline = requirePositive(deadline);
    }

    /** Checks a per-call deadline. */
    public static Duration requirePositive(Duration deadline) {
        Objects.requireNonNull(deadline, "deadline");
        if (deadline.isZero() || deadline.isNegative()) {
            throw new IllegalArgumentException("deadline must be positive, got " + deadline);
        }
        if (deadline.compareTo(Timers.LONGEST) > 0) {
            throw new IllegalArgumentException("deadline must be at most " + Timers.LONGEST + " (about 292 years), got "
                    + deadline);
        }
        return deadline;
    }

    @Override
    public CompletableFuture<ChatCompletion> createAsync(ChatRequest request) {
        CompletableFuture<ChatCompletion> inner = delegate.createAsync(request);
        CompletableFuture<ChatCompletion> outer = new CompletableFuture<>();
        ScheduledFuture<?> timer = Timers.schedule(deadline, () -> {
            if (outer.completeExceptionally(new RequestTimeoutException(null, RequestTimeoutException.Phase.TOTAL,
                    deadline, null))) {
                inner.cancel(true);
            }
        });
        inner.whenComplete((completion, error) -> {
            timer.cancel(false);
            if (error == null) {
                outer.complete(completion);
            } else {
                outer.completeExceptionally(error);
            }
        });
        outer.whenComplete((completion, error) -> {
            if (outer.isCancelled()) {
                inner.cancel(true);
            }
        });
        return outer;
    }

    @Override
    public Flow.Publisher<ChatCompletionChunk> stream(ChatRequest request) {
        Flow.Publisher<ChatCompletionChunk> upstream = delegate.stream(request);
        return subscriber -> {
            Objects.requireNonNull(subscriber, "subscriber");
            upstream.subscribe(new DeadlineSubscriber(subscriber));
        };
    }

    @Override
    public ChatCompletions withDeadline(Duration deadline) {
        return new DeadlineChatCompletions(delegate, deadline);
    }

    /**
     * Passes signals through until the deadline, then cancels the upstream and signals the
     * timeout. Signals and the timer meet under this object's monitor, so they stay serial.
     */
    private final class DeadlineSubscriber implements Flow.Subscriber<ChatCompletionChunk> {
        private final Flow.Subscriber<? super ChatCompletionChunk> downstream;
        private Flow.Subscription subscription;
        private ScheduledFuture<?> timer;
        private boolean done;

        DeadlineSubscriber(Flow.Subscriber<? super ChatCompletionChunk> downstream) {
            this.downstream = downstream;
        }

        @Override
        public synchronized void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            downstream.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                    subscription.request(n);
                }

                @Override
                public void cancel() {
                    synchronized (DeadlineSubscriber.this) {
                        done = true;
                        stopTimer();
                    }
                    subscription.cancel();
                }
            });
            if (!done) {
                timer = Timers.schedule(deadline, this::expire);
            }
        }

        private void expire() {
            synchronized (this) {
                if (done) {
                    return;
                }
                done = true;
                subscription.cancel();
                downstream.onError(new RequestTimeoutException(null, RequestTimeoutException.Phase.TOTAL, deadline,
                        null));
            }
        }

        @Override
        public synchronized void onNext(ChatCompletionChunk item) {
            if (!done) {
                downstream.onNext(item);
            }
        }

        @Override
        public synchronized void onError(Throwable throwable) {
            if (!done) {
                done = true;
                stopTimer();
                downstream.onError(throwable);
            }
        }

        @Override
        public synchronized void onComplete() {
            if (!done) {
                done = true;
                stopTimer();
                downstream.onComplete();
            }
        }

        private void stopTimer() {
            if (timer != null) {
                timer.cancel(false);
            }
        }
    }
}
