package dev.gomodel.routing;

import dev.gomodel.ChatCompletions;
import dev.gomodel.Provider;
import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.error.GoModelException;
import dev.gomodel.internal.stream.FailedPublisher;
import dev.gomodel.internal.stream.MappingPublisher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An in-process gateway over several providers: it resolves each request's model and provider
 * hint to one provider, sends the upstream the bare model without a {@code provider} member,
 * and names the provider that served it in the response's {@code provider}.
 *
 * <p>Resolution follows GoModel: an explicit {@code provider} is authoritative and strips a
 * matching prefix from the model once; otherwise {@code "openai/gpt-4o"} splits when the prefix
 * names a configured provider or provider type; otherwise the whole string is the model id.
 * An unresolvable request fails with {@link dev.gomodel.error.NoRouteException} listing what is
 * configured, before any network call.
 *
 * <p>Immutable once built and thread-safe; it implements {@link ChatCompletions}, so routers
 * nest.
 */
public final class Router implements ChatCompletions, AutoCloseable {

    private final List<Provider> providers;
    private final ModelResolver resolver;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Router(Builder builder) {
        this.providers = List.copyOf(builder.providers);
        this.resolver = new ModelResolver(providers);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The providers in configuration order. */
    public List<Provider> providers() {
        return providers;
    }

    @Override
    public CompletableFuture<ChatCompletion> createAsync(ChatRequest request) {
        Route route;
        try {
            route = route(request);
        } catch (GoModelException e) {
            return CompletableFuture.failedFuture(e);
        }
        String name = route.provider().name();
        return route.provider().createAsync(upstreamRequest(request, route))
                .thenApply(completion -> completion.provider() == null ? completion.withProvider(name) : completion);
    }

    @Override
    public Flow.Publisher<ChatCompletionChunk> stream(ChatRequest request) {
        Route route;
        try {
            route = route(request);
        } catch (GoModelException e) {
            return new FailedPublisher<>(e);
        }
        String name = route.provider().name();
        return new MappingPublisher<>(route.provider().stream(upstreamRequest(request, route)),
                chunk -> chunk.provider() == null ? chunk.withProvider(name) : chunk);
    }

    private Route route(ChatRequest request) {
        Objects.requireNonNull(request, "request");
        if (closed.get()) {
            throw new GoModelException("the client is closed", null, null);
        }
        return resolver.resolve(request.model(), request.provider());
    }

    private static ChatRequest upstreamRequest(ChatRequest request, Route route) {
        if (request.provider() == null && request.model().equals(route.model())) {
            return request;
        }
        return request.toBuilder().model(route.model()).provider(null).build();
    }

    /** Closes every provider; later calls fail with a {@link GoModelException}. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            RuntimeException failure = null;
            for (Provider provider : providers) {
                try {
                    provider.close();
                } catch (RuntimeException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** Builds a {@link Router}; not thread-safe. */
    public static final class Builder {
        private final List<Provider> providers = new ArrayList<>();

        private Builder() {
        }

        /** Adds a provider; its name must be unique. */
        public Builder provider(Provider provider) {
            providers.add(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /**
         * The router.
         *
         * @throws IllegalArgumentException if no provider was added or two share a name
         */
        public Router build() {
            if (providers.isEmpty()) {
                throw new IllegalArgumentException("providers: at least one provider is required");
            }
            Set<String> names = new HashSet<>();
            for (Provider provider : providers) {
                if (!names.add(provider.name())) {
                    throw new IllegalArgumentException("providers: two providers are named \"" + provider.name()
                            + "\"; give each a distinct name");
                }
            }
            return new Router(this);
        }
    }
}
