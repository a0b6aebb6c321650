package dev.gomodel.benchmarks.jmh;

import dev.gomodel.Provider;
import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * A provider that answers every {@code createAsync} with the same completion, already complete,
 * and every {@code stream} with the same chunks, delivered synchronously on the thread that
 * requests them, so a benchmark through the router measures the router alone. Immutable and
 * thread-safe; each stream subscription is for one thread, as the benchmarks use it.
 */
public final class CannedProvider implements Provider {

    private final String name;
    private final String type;
    private final Set<String> models;
    private final ChatCompletion completion;
    private final List<ChatCompletionChunk> chunks;

    /** A provider that answers with {@code completion} and does not stream. */
    public CannedProvider(String name, String type, Set<String> models, ChatCompletion completion) {
        this(name, type, models, completion, List.of());
    }

    /** A provider that answers with {@code completion} and streams {@code chunks}. */
    public CannedProvider(String name, String type, Set<String> models, ChatCompletion completion,
            List<ChatCompletionChunk> chunks) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.models = Set.copyOf(models);
        this.completion = Objects.requireNonNull(completion, "completion");
        this.chunks = List.copyOf(chunks);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public Set<String> models() {
        return models;
    }

    @Override
    public CompletableFuture<ChatCompletion> createAsync(ChatRequest request) {
        return CompletableFuture.completedFuture(completion);
    }

    @Override
    public Flow.Publisher<ChatCompletionChunk> stream(ChatRequest request) {
        if (chunks.isEmpty()) {
            throw new UnsupportedOperationException("this canned provider does not stream");
        }
        return subscriber -> {
            CannedSubscription subscription = new CannedSubscription(subscriber, chunks);
            subscriber.onSubscribe(subscription);
        };
    }

    @Override
    public void close() {
    }

    /**
     * Delivers the chunks as they are requested, then completes. A request made from inside
     * {@code onNext} adds demand to the loop already running instead of recursing.
     */
    private static final class CannedSubscription implements Flow.Subscription {
        private final Flow.Subscriber<? super ChatCompletionChunk> subscriber;
        private final List<ChatCompletionChunk> chunks;
        private long demand;
        private int next;
        private boolean emitting;
        private boolean ended;

        CannedSubscription(Flow.Subscriber<? super ChatCompletionChunk> subscriber, List<ChatCompletionChunk> chunks) {
            this.subscriber = subscriber;
            this.chunks = chunks;
        }

        @Override
        public void request(long n) {
            demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
            if (emitting) {
                return;
            }
            emitting = true;
            while (!ended && demand > 0 && next < chunks.size()) {
                demand--;
                subscriber.onNext(chunks.get(next++));
            }
            if (!ended && next == chunks.size()) {
                ended = true;
                subscriber.onComplete();
            }
            emitting = false;
        }

        @Override
        public void cancel() {
            ended = true;
        }
    }
}
