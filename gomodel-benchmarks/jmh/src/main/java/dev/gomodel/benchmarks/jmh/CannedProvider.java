package dev.gomodel.benchmarks.jmh;

import dev.gomodel.Provider;
import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * A provider that answers every {@code createAsync} with the same completion, already complete,
 * so a benchmark through the router measures the router alone. It does not stream. Immutable
 * and thread-safe.
 */
public final class CannedProvider implements Provider {

    private final String name;
    private final String type;
    private final Set<String> models;
    private final ChatCompletion completion;

    public CannedProvider(String name, String type, Set<String> models, ChatCompletion completion) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.models = Set.copyOf(models);
        this.completion = Objects.requireNonNull(completion, "completion");
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
        throw new UnsupportedOperationException("the canned provider does not stream");
    }

    @Override
    public void close() {
    }
}
