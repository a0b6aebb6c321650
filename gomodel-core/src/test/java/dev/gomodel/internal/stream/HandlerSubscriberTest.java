package dev.gomodel.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomodel.StreamHandler;
import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.error.ConnectionException;
import dev.gomodel.testing.RecordingPublisher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HandlerSubscriberTest {

    /** Records every callback as a line, in order. */
    private static final class RecordingHandler implements StreamHandler {
        final List<String> calls = new ArrayList<>();
        ChatCompletion completion;
        Throwable error;
        RuntimeException throwOnChunk;

        @Override
        public void onChunk(ChatCompletionChunk chunk) {
            calls.add("chunk " + chunk.text());
            if (throwOnChunk != null) {
                throw throwOnChunk;
            }
        }

        @Override
        public void onComplete(ChatCompletion completion) {
            calls.add("complete");
            this.completion = completion;
        }

        @Override
        public void onError(Throwable error) {
            calls.add("error " + error.getMessage());
            this.error = error;
        }
    }

    private final RecordingHandler handler = new RecordingHandler();
    private final HandlerSubscriber subscriber = new HandlerSubscriber(handler);

    @Test
    void deliversChunksInOrderThenCompletesWithTheAccumulatedCompletion() throws Exception {
        RecordingPublisher<ChatCompletionChunk> publisher = RecordingPublisher.of(Chunks.numbered(5));

        publisher.subscribe(subscriber);

        assertThat(handler.calls).containsExactly("chunk 0", "chunk 1", "chunk 2", "chunk 3", "chunk 4", "complete");
        assertThat(handler.completion.text()).isEqualTo("01234");
        assertThat(subscriber.result().get(1, TimeUnit.SECONDS)).isSameAs(handler.completion);
        assertThat(publisher.requests()).containsExactly(Long.MAX_VALUE);
        assertThat(publisher.cancels()).isZero();
    }

    @Test
    void errorCompletesTheFutureExceptionally() {
        ConnectionException failure = new ConnectionException("reset", "openai", null);
        RecordingPublisher<ChatCompletionChunk> publisher = RecordingPublisher.failing(failure, Chunks.numbered(2));

        publisher.subscribe(subscriber);

        assertThat(handler.calls).containsExactly("chunk 0", "chunk 1", "error reset");
        assertThat(handler.error).isSameAs(failure);
        assertThat(handler.completion).isNull();
        assertThatThrownBy(() -> subscriber.result().get(1, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isSameAs(failure);
    }

    @Test
    void exceptionFromOnChunkCancelsAndReachesOnErrorOnce() {
        IllegalStateException bug = new IllegalStateException("handler bug");
        handler.throwOnChunk = bug;
        RecordingPublisher<ChatCompletionChunk> publisher = RecordingPublisher.hanging(Chunks.numbered(3));

        publisher.subscribe(subscriber);
        // An upstream that had not yet seen the cancellation may still signal.
        publisher.subscriber().onNext(Chunks.text("late"));
        publisher.subscriber().onError(new ConnectionException("cancelled", "openai", null));
        publisher.subscriber().onComplete();

        assertThat(publisher.cancels()).isEqualTo(1);
        assertThat(handler.calls).containsExactly("chunk 0", "error handler bug");
        assertThat(subscriber.result()).isCompletedExceptionally();
        assertThatThrownBy(() -> subscriber.result().join()).cause().isSameAs(bug);
    }

    @Test
    void cancellingTheFutureCancelsTheSubscription() {
        RecordingPublisher<ChatCompletionChunk> publisher = RecordingPublisher.hanging(Chunks.numbered(1));
        publisher.subscribe(subscriber);

        assertThat(subscriber.result().cancel(true)).isTrue();

        assertThat(publisher.cancels()).isEqualTo(1);
        assertThat(subscriber.result()).isCancelled();
    }

    @Test
    void handlerGetsNothingAfterTheFutureWasCancelled() {
        RecordingPublisher<ChatCompletionChunk> publisher = RecordingPublisher.hanging(Chunks.numbered(1));
        publisher.subscribe(subscriber);
        subscriber.result().cancel(true);

        // Signals already in flight when the cancellation reached the upstream.
        publisher.subscriber().onNext(Chunks.text("late"));
        publisher.subscriber().onComplete();

        assertThat(handler.calls).containsExactly("chunk 0");
        assertThatThrownBy(() -> subscriber.result().join()).isInstanceOf(CancellationException.class);
    }

    @Test
    void futureCancelledBeforeSubscriptionCancelsOnSubscribe() {
        RecordingPublisher<ChatCompletionChunk> publisher = RecordingPublisher.hanging(Chunks.numbered(2));
        subscriber.result().cancel(false);

        publisher.subscribe(subscriber);

        assertThat(publisher.cancels()).isEqualTo(1);
        assertThat(handler.calls).isEmpty();
    }

    @Test
    void onlyTheFirstTerminalSignalCounts() {
        RecordingPublisher<ChatCompletionChunk> publisher = RecordingPublisher.of(Chunks.numbered(1));
        publisher.subscribe(subscriber);

        publisher.subscriber().onError(new ConnectionException("late", null, null));
        publisher.subscriber().onComplete();

        assertThat(handler.calls).containsExactly("chunk 0", "complete");
        assertThat(subscriber.result()).isCompleted().isNotCompletedExceptionally();
    }

    @Test
    void aHandlerThrowingFromOnCompleteFailsTheFutureAndNotThePublisher() {
        IllegalStateException boom = new IllegalStateException("boom");
        StreamHandler throwing = new StreamHandler() {
            @Override
            public void onChunk(ChatCompletionChunk chunk) {
            }

            @Override
            public void onComplete(ChatCompletion completion) {
                throw boom;
            }
        };
        HandlerSubscriber subscriber = new HandlerSubscriber(throwing);
        RecordingPublisher<ChatCompletionChunk> publisher = RecordingPublisher.of(Chunks.numbered(2));

        publisher.subscribe(subscriber);

        assertThatThrownBy(() -> subscriber.result().join()).cause().isSameAs(boom);
    }

    @Test
    void aHandlerThrowingFromOnErrorIsSuppressedOnTheStreamError() {
        IllegalStateException boom = new IllegalStateException("boom");
        ConnectionException failure = new ConnectionException("lost", null, null);
        HandlerSubscriber subscriber = new HandlerSubscriber(new StreamHandler() {
            @Override
            public void onChunk(ChatCompletionChunk chunk) {
            }

            @Override
            public void onError(Throwable error) {
                throw boom;
            }
        });

        RecordingPublisher.failing(failure, List.<ChatCompletionChunk>of()).subscribe(subscriber);

        assertThatThrownBy(() -> subscriber.result().join()).cause().isSameAs(failure);
        assertThat(failure.getSuppressed()).containsExactly(boom);
    }

    @Test
    void defaultCallbacksDoNothing() {
        List<String> texts = new ArrayList<>();
        HandlerSubscriber subscriber = new HandlerSubscriber(chunk -> texts.add(chunk.text()));

        RecordingPublisher.of(Chunks.numbered(3)).subscribe(subscriber);

        assertThat(texts).containsExactly("0", "1", "2");
        assertThat(subscriber.result().join().text()).isEqualTo("012");
        HandlerSubscriber failing = new HandlerSubscriber(chunk -> { });
        RecordingPublisher.failing(new ConnectionException("x", null, null), List.<ChatCompletionChunk>of())
                .subscribe(failing);
        assertThat(failing.result()).isCompletedExceptionally();
    }
}
