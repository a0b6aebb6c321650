package dev.gomodel.providers.http;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Collects a whole response body into bytes, up to a limit. Over the limit it either keeps the
 * first {@code limit} bytes and stops reading (error bodies, of which a snippet is enough) or
 * fails with {@code tooLarge} (success bodies, which must be whole).
 */
final class BodyCollector implements java.net.http.HttpResponse.BodySubscriber<byte[]> {

    private final int limit;
    private final boolean truncate;
    private final Consumer<Flow.Subscription> onSubscribe;
    private final Runnable onActivity;
    private final Supplier<RuntimeException> tooLarge;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private byte[] bytes;
    private int size;

    /**
     * @param sizeHint the {@code Content-Length}, or -1
     * @param tooLarge makes the failure over the limit; {@code null} to truncate instead
     */
    BodyCollector(int limit, long sizeHint, Supplier<RuntimeException> tooLarge, Consumer<Flow.Subscription> onSubscribe,
            Runnable onActivity) {
        this.limit = limit;
        this.truncate = tooLarge == null;
        this.tooLarge = tooLarge;
        this.onSubscribe = onSubscribe;
        this.onActivity = onActivity;
        this.bytes = new byte[(int) Math.max(256, Math.min(sizeHint < 0 ? 8_192 : sizeHint, limit))];
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        onSubscribe.accept(new Abandoning(subscription));
        subscription.request(Long.MAX_VALUE);
    }

    /**
     * The subscription as the exchange holds it: cancelling it also ends the body's future. The
     * JDK client counts an exchange as finished only once that future is done, and on JDK 17 a
     * client with an unfinished exchange, and its selector thread, is never released.
     */
    private final class Abandoning implements Flow.Subscription {
        private final Flow.Subscription upstream;

        Abandoning(Flow.Subscription upstream) {
            this.upstream = upstream;
        }

        @Override
        public void request(long n) {
            upstream.request(n);
        }

        @Override
        public void cancel() {
            upstream.cancel();
            result.completeExceptionally(new CancellationException("the body is no longer read"));
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        onActivity.run();
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            int remaining = buffer.remaining();
            if ((long) size + remaining > limit) {
                // The result first, then the cancel: over HTTP/2 the JDK fails the exchange with its
                // own "stream cancelled" unless the body's outcome is already known.
                if (truncate) {
                    int keep = limit - size;
                    ensureCapacity(limit);
                    buffer.get(bytes, size, keep);
                    size = limit;
                    result.complete(Arrays.copyOf(bytes, size));
                } else {
                    result.completeExceptionally(tooLarge.get());
                }
                subscription.cancel();
                return;
            }
            ensureCapacity(size + remaining);
            buffer.get(bytes, size, remaining);
            size += remaining;
        }
    }

    private void ensureCapacity(int needed) {
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(limit, Math.max(needed, (long) bytes.length * 2)));
        }
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(size == bytes.length ? bytes : Arrays.copyOf(bytes, size));
    }
}
