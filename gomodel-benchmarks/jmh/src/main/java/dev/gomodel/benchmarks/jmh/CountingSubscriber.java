package dev.gomodel.benchmarks.jmh;

import dev.gomodel.chat.ChatCompletionChunk;
import java.util.concurrent.Flow;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A stream's subscriber for the benchmarks: requests everything, hands each chunk to the
 * blackhole and counts it. Not thread-safe: one per stream, for publishers that deliver on the
 * benchmark's thread.
 */
public final class CountingSubscriber implements Flow.Subscriber<ChatCompletionChunk> {

    private final Blackhole blackhole;
    private long chunks;
    private boolean completed;
    private Throwable error;

    public CountingSubscriber(Blackhole blackhole) {
        this.blackhole = blackhole;
    }

    /**
     * The chunks delivered, once the stream completed.
     *
     * @throws IllegalStateException if it did not complete
     */
    public long completedChunks() {
        if (!completed) {
            throw new IllegalStateException("the stream ended after " + chunks + " chunks without completing: " + error);
        }
        return chunks;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(ChatCompletionChunk item) {
        chunks++;
        blackhole.consume(item);
    }

    @Override
    public void onError(Throwable throwable) {
        error = throwable;
    }

    @Override
    public void onComplete() {
        completed = true;
    }
}
