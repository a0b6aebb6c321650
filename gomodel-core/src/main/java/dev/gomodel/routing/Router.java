package dev.gomodel.routing;

import dev.gomodel.ChatCompletions;
import dev.gomodel.Provider;
import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.error.GoModelException;
import dev.gomodel.internal.stream.FailedPublisher;
import dev.gomodel.internal.stream.MappingPublisher;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.List;
import java.util.Objects;
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
        this.providers = List.copyOf(builder.providers.values());
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

    /**
     * Builds a {@link Router}. Not thread-safe; {@link #build()} copies the configuration, so a
     * builder can be reused. Policies set here are the defaults of every route;
     * {@link #route(String, RoutePolicy)} and {@link #provider(Provider, ProviderPolicy)}
     * override them.
     */
    public static final class Builder {
        final Map<String, Provider> providers = new LinkedHashMap<>();
        final Map<String, ProviderPolicy> providerPolicies = new LinkedHashMap<>();
        final Map<String, List<String>> aliases = new LinkedHashMap<>();
        final Map<String, List<String>> fallbacks = new LinkedHashMap<>();
        final Map<String, RoutePolicy> routes = new LinkedHashMap<>();
        RetryPolicy retry = RetryPolicy.ofDefaults();
        CircuitBreakerPolicy circuitBreaker = CircuitBreakerPolicy.ofDefaults();
        LoadBalancing loadBalancing = LoadBalancing.WEIGHTED_RANDOM;
        Duration deadline;
        Duration attemptTimeout;
        Duration firstTokenTimeout;
        Duration streamIdleTimeout;
        boolean fallbackOnRequestErrors;
        RouterListener listener = RouterListener.NONE;
        Random random;

        private Builder() {
        }

        /**
         * Adds a provider with the default provider policy.
         *
         * @throws IllegalArgumentException if a provider of the same name was added
         */
        public Builder provider(Provider provider) {
            return provider(provider, ProviderPolicy.ofDefaults());
        }

        /**
         * Adds a provider with its own weight, circuit breaker or retry policy.
         *
         * @throws IllegalArgumentException if a provider of the same name was added
         */
        public Builder provider(Provider provider, ProviderPolicy policy) {
            Objects.requireNonNull(provider, "provider");
            if (providers.containsKey(provider.name())) {
                throw new IllegalArgumentException("providers: two providers are named \"" + provider.name()
                        + "\"; give each a distinct name");
            }
            providers.put(provider.name(), provider);
            providerPolicies.putIfAbsent(provider.name(), Objects.requireNonNull(policy, "policy"));
            return this;
        }

        /** Sets the policy of the provider named {@code name}, added before or after. */
        public Builder providerPolicy(String name, ProviderPolicy policy) {
            providerPolicies.put(requireText(name, "provider name"), Objects.requireNonNull(policy, "policy"));
            return this;
        }

        /**
         * Makes {@code alias} a model name that stands for {@code targets}
         * ({@code "provider/model"} or bare models); several targets form a pool. Aliases apply
         * only to requests without an explicit provider.
         */
        public Builder alias(String alias, String... targets) {
            return alias(alias, List.of(targets));
        }

        /** See {@link #alias(String, String...)}. */
        public Builder alias(String alias, List<String> targets) {
            aliases.put(requireText(alias, "alias"), requireTargets(targets, "aliases." + alias));
            return this;
        }

        /**
         * Tries {@code targets} in order when the route {@code model} fails with a 5xx, 429,
         * timeout, open circuit or model-unavailable error after its retries. {@code model} is
         * matched against the request's model as written and as resolved.
         */
        public Builder fallback(String model, String... targets) {
            return fallback(model, List.of(targets));
        }

        /** See {@link #fallback(String, String...)}. */
        public Builder fallback(String model, List<String> targets) {
            fallbacks.put(requireText(model, "fallback model"), requireTargets(targets, "fallbacks." + model));
            return this;
        }

        /** The default retry policy; {@link RetryPolicy#ofDefaults()} unless set. */
        public Builder retry(RetryPolicy retry) {
            this.retry = Objects.requireNonNull(retry, "retry");
            return this;
        }

        /** Shorthand for the default retry policy with another {@code maxRetries}. */
        public Builder maxRetries(int maxRetries) {
            return retry(retry.toBuilder().maxRetries(maxRetries).build());
        }

        /** The default circuit breaker of every provider; {@link CircuitBreakerPolicy#ofDefaults()} unless set. */
        public Builder circuitBreaker(CircuitBreakerPolicy circuitBreaker) {
            this.circuitBreaker = Objects.requireNonNull(circuitBreaker, "circuitBreaker");
            return this;
        }

        /** How pools pick a provider; {@link LoadBalancing#WEIGHTED_RANDOM} unless set. */
        public Builder loadBalancing(LoadBalancing loadBalancing) {
            this.loadBalancing = Objects.requireNonNull(loadBalancing, "loadBalancing");
            return this;
        }

        /** The default deadline of a whole call, retries and fallbacks included; none unless set. */
        public Builder deadline(Duration deadline) {
            this.deadline = positive(deadline, "deadline");
            return this;
        }

        /** The default limit of one attempt; none unless set (an attempt may use what is left of the deadline). */
        public Builder attemptTimeout(Duration attemptTimeout) {
            this.attemptTimeout = positive(attemptTimeout, "attemptTimeout");
            return this;
        }

        /** For streams: the default limit from an attempt's start to its first content chunk; none unless set. */
        public Builder firstTokenTimeout(Duration firstTokenTimeout) {
            this.firstTokenTimeout = positive(firstTokenTimeout, "firstTokenTimeout");
            return this;
        }

        /** For streams: the default limit between chunks once content flows; none unless set. */
        public Builder streamIdleTimeout(Duration streamIdleTimeout) {
            this.streamIdleTimeout = positive(streamIdleTimeout, "streamIdleTimeout");
            return this;
        }

        /** Whether request errors (400, 401, 403, 422...) also move on to fallbacks; false unless set. */
        public Builder fallbackOnRequestErrors(boolean fallbackOnRequestErrors) {
            this.fallbackOnRequestErrors = fallbackOnRequestErrors;
            return this;
        }

        /** Policies for one route, by the model name or alias requests use; unset values keep the defaults. */
        public Builder route(String model, RoutePolicy policy) {
            routes.put(requireText(model, "route model"), Objects.requireNonNull(policy, "policy"));
            return this;
        }

        /** Receives the router's events; {@link RouterListener#NONE} unless set. */
        public Builder listener(RouterListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** The random source of weighted pools and jitter; a seeded one makes choices repeatable. */
        public Builder random(Random random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * Applies a JSON configuration document: aliases, fallbacks and policies, as the README's
         * "Routing" section shows.
         *
         * @throws IllegalArgumentException naming the key that is unknown or invalid
         */
        public Builder config(String json) {
            RouterConfigReader.apply(json, this);
            return this;
        }

        /**
         * The router.
         *
         * @throws IllegalArgumentException if no provider was added, or a policy names a
         *     provider that was not added
         */
        public Router build() {
            if (providers.isEmpty()) {
                throw new IllegalArgumentException("providers: at least one provider is required");
            }
            for (String name : providerPolicies.keySet()) {
                if (!providers.containsKey(name)) {
                    throw new IllegalArgumentException("providers." + name + ": no provider of that name was added; added: "
                            + providers.keySet());
                }
            }
            return new Router(this);
        }

        private static String requireText(String value, String what) {
            Objects.requireNonNull(value, () -> what + " is required");
            if (value.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank");
            }
            return value;
        }

        private static List<String> requireTargets(List<String> targets, String path) {
            Objects.requireNonNull(targets, path);
            if (targets.isEmpty()) {
                throw new IllegalArgumentException(path + " must name at least one target");
            }
            for (int i = 0; i < targets.size(); i++) {
                requireText(targets.get(i), path + "[" + i + "]");
            }
            return List.copyOf(targets);
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, () -> name + " is required");
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
            return value;
        }
    }
}
