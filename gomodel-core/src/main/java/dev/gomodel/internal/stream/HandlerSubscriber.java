package dev.gomodel.internal.stream;

import dev.gomodel.StreamHandler;
import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionAccumulator;
import dev.gomodel.chat.ChatCompletionChunk;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * Adapts a {@link StreamHandler} to a {@link Flow.Subscriber}: requests without bound, folds
 * the chunks, and completes {@link #result()} when the stream ends. Cancelling the result
 * cancels the subscription, and the handler gets no signal after that. Signals arrive
 * serially, per the Flow contract.
 */
public final class HandlerSubscriber implements Flow.Subscriber<ChatCompletionChunk> {

    private final StreamHandler handler;
    private final ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
    private final CompletableFuture<ChatCompletion> result = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private boolean done;

    public HandlerSubscriber(StreamHandler handler) {
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    /** Completes with the accumulated completion, or exceptionally with the stream's error. */
    public CompletableFuture<ChatCompletion> result() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        result.whenComplete((completion, error) -> {
            if (result.isCancelled()) {
                subscription.cancel();
            }
        });
        subscription.request(Long.MAX_VALUE);
    }

    /**
     * Whether the handler must get no more signals: after a terminal signal, or once the caller
     * cancelled the result (signals already in flight then are dropped).
     */
    private boolean finished() {
        return done || result.isCancelled();
    }

    @Override
    public void onNext(ChatCompletionChunk chunk) {
        if (finished()) {
            return;
        }
        accumulator.accept(chunk);
        try {
            handler.onChunk(chunk);
        } catch (RuntimeException e) {
            subscription.cancel();
            onError(e);
        }
    }

    @Override
    public void onError(Throwable error) {
        if (finished()) {
            return;
        }
        done = true;
        try {
            handler.onError(error);
        } catch (RuntimeException handlerFailure) {
            // Subscriber methods must return normally (Flow rule 2.13): keep it on the result.
            error.addSuppressed(handlerFailure);
        }
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        if (finished()) {
            return;
        }
        done = true;
        ChatCompletion completion = accumulator.result();
        if (subscription instanceof RouteReporting routed) {
            completion = completion.withRoute(routed.route());
        }
        try {
            handler.onComplete(completion);
        } catch (RuntimeException handlerFailure) {
            result.completeExceptionally(handlerFailure);
            return;
        }
        result.complete(completion);
    }
}
