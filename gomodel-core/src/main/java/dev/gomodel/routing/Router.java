package dev.gomodel.routing;

import dev.gomodel.ChatCompletions;
import dev.gomodel.Provider;
import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.error.GoModelException;
import dev.gomodel.internal.deadline.DeadlineChatCompletions;
import dev.gomodel.internal.json.ExplicitNulls;
import dev.gomodel.internal.stream.FailedPublisher;
import dev.gomodel.internal.timer.Timers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * An in-process gateway over several providers. It implements {@link ChatCompletions}, so
 * routers nest and {@code GoModelClient.chat()} is one.
 *
 * <p>A routed call is one readable chain:
 * <pre>
 *   fallback( retry( circuit breaker( load balancer( provider ) ) ) )
 * </pre>
 * The request's model and provider hint resolve to a plan: the requested stage (one provider,
 * or a pool of providers serving the model) and its fallback stages. Each attempt picks a
 * provider of the current stage with the load balancer, skipping providers whose circuit is
 * open; a transient failure is retried on the stage with capped, jittered exponential backoff
 * that honours {@code Retry-After}; when the stage's retries are spent, or a failure is one a
 * fallback can cure (5xx, 429, timeout, open circuit, model unavailable), the next stage is
 * tried. A request error (400, 401...) ends the call at once unless configured otherwise. The
 * whole call is bounded by its deadline, and no retry starts whose wait would pass it.
 *
 * <p>Resolution follows GoModel: an explicit {@code provider} is authoritative and strips a
 * matching prefix from the model once; otherwise an alias is replaced by its targets; otherwise
 * {@code "openai/gpt-4o"} splits when the prefix names a configured provider or provider type;
 * otherwise the whole string is the model id, served by every provider that lists it (a pool).
 * The upstream sees the bare model and no {@code provider} member; the response's
 * {@code provider} names who served it and {@link ChatCompletion#route()} how.
 *
 * <p>Streams are retried and failed over only before their first content chunk reaches the
 * subscriber; after that a failure ends the stream with a
 * {@link dev.gomodel.error.StreamInterruptedException}, never with duplicated or silently
 * truncated output.
 *
 * <p>Immutable once built and thread-safe: each provider's name, type and {@code models()} are
 * read when the router is built, and each model's resolution is remembered. Per-call state
 * lives in each call; what calls share (circuit breakers, pool counters, latency averages)
 * lives in one thread-safe object per provider.
 */
public final class Router implements ChatCompletions, AutoCloseable {

    private final List<Provider> providers;
    private final Map<String, RetryPolicy> providerRetries;
    private final RoutePolicy defaults;
    private final Route defaultRoute;
    private final Map<String, Route> routes;
    private final ModelResolver resolver;
    private final Balancer balancer;
    private final DoubleSupplier random;
    private final SafeListener listener;
    private final LongSupplier nanoTime = System::nanoTime;
    private final AtomicLong callIds = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final OpenCalls open = new OpenCalls();

    private Router(Builder builder) {
        this.providers = List.copyOf(builder.providers.values());
        Map<String, RetryPolicy> retries = new LinkedHashMap<>();
        List<Target> targets = new ArrayList<>();
        for (Provider provider : builder.providers.values()) {
            ProviderPolicy policy = builder.providerPolicies.getOrDefault(provider.name(), ProviderPolicy.ofDefaults());
            CircuitBreakerPolicy breaker = policy.circuitBreaker() != null ? policy.circuitBreaker()
                    : builder.circuitBreaker;
            ProviderState state = new ProviderState(provider.name(), policy.weight(),
                    new CircuitBreaker(breaker, nanoTime));
            if (policy.retry() != null) {
                retries.put(provider.name(), policy.retry());
            }
            targets.add(new Target(provider, state, null));
        }
        this.providerRetries = Map.copyOf(retries);
        this.defaults = new RoutePolicy(builder.retry, builder.deadline, builder.attemptTimeout,
                builder.firstTokenTimeout, builder.streamIdleTimeout, builder.loadBalancing,
                builder.fallbackOnRequestErrors);
        // An attempt retries by the route's own policy, else its provider's, else the default.
        Function<Target, RetryPolicy> byProvider = target -> providerRetries.getOrDefault(target.name(), defaults.retry());
        this.defaultRoute = new Route(defaults, byProvider);
        Map<String, Route> merged = new LinkedHashMap<>();
        builder.routes.forEach((model, route) -> {
            RetryPolicy routeRetry = route.retry();
            merged.put(model, new Route(route.orElse(defaults), routeRetry != null ? target -> routeRetry : byProvider));
        });
        this.routes = Map.copyOf(merged);
        this.resolver = new ModelResolver(targets, builder.aliases, builder.fallbacks);
        Random seeded = builder.random;
        this.random = seeded != null ? seeded::nextDouble : () -> ThreadLocalRandom.current().nextDouble();
        this.balancer = new Balancer(random);
        this.listener = new SafeListener(builder.listener);
    }

    /**
     * Starts a router; at least one provider is required.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Lists the providers this router routes to.
     *
     * @return the providers in the order they were added; unmodifiable
     */
    public List<Provider> providers() {
        return providers;
    }

    /**
     * Routes the request on the calling thread: attempts are the providers' own blocking calls
     * and back-offs wait on this thread. A route with a deadline or an attempt timeout, which
     * need a timer that can abandon an attempt, runs as {@link #createAsync} does and waits.
     */
    @Override
    public ChatCompletion create(ChatRequest request) {
        CallContext context = newCall(request, false, null);
        if (context.policy.deadline() == null && context.policy.attemptTimeout() == null) {
            return new BlockingCall(context, request).run(open);
        }
        try {
            return start(context, request).join();
        } catch (CompletionException e) {
            throw Failures.unwrap(e) instanceof RuntimeException cause ? cause : e;
        }
    }

    @Override
    public CompletableFuture<ChatCompletion> createAsync(ChatRequest request) {
        return createAsync(request, null);
    }

    @Override
    public Flow.Publisher<ChatCompletionChunk> stream(ChatRequest request) {
        return stream(request, (Duration) null);
    }

    /**
     * A view of this router whose calls use {@code deadline} instead of their route's: it bounds
     * retries, waits and fallbacks, and no retry starts whose wait would pass it.
     */
    @Override
    public ChatCompletions withDeadline(Duration deadline) {
        Duration checked = DeadlineChatCompletions.requirePositive(deadline);
        return new ChatCompletions() {
            @Override
            public CompletableFuture<ChatCompletion> createAsync(ChatRequest request) {
                return Router.this.createAsync(request, checked);
            }

            @Override
            public Flow.Publisher<ChatCompletionChunk> stream(ChatRequest request) {
                return Router.this.stream(request, checked);
            }

            @Override
            public ChatCompletions withDeadline(Duration other) {
                return Router.this.withDeadline(other);
            }
        };
    }

    private CompletableFuture<ChatCompletion> createAsync(ChatRequest request, Duration deadline) {
        CallContext context;
        try {
            context = newCall(request, false, deadline);
        } catch (GoModelException | IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        return start(context, request);
    }

    private CompletableFuture<ChatCompletion> start(CallContext context, ChatRequest request) {
        RoutedCall call = new RoutedCall(context, request, open);
        call.start();
        return call.result();
    }

    private Flow.Publisher<ChatCompletionChunk> stream(ChatRequest request, Duration deadline) {
        Objects.requireNonNull(request, "request");
        return subscriber -> {
            Objects.requireNonNull(subscriber, "subscriber");
            CallContext context;
            try {
                context = newCall(request, true, deadline);
            } catch (GoModelException | IllegalArgumentException e) {
                new FailedPublisher<ChatCompletionChunk>(e).subscribe(subscriber);
                return;
            }
            RoutedStream stream = new RoutedStream(context, request, subscriber, open);
            subscriber.onSubscribe(stream);
            stream.start();
        };
    }

    private CallContext newCall(ChatRequest request, boolean stream, Duration deadline) {
        Objects.requireNonNull(request, "request");
        if (closed.get()) {
            throw closedException();
        }
        Plan plan = resolver.resolve(request.model(), request.provider());
        Route route = route(plan);
        RoutePolicy policy = route.policy();
        if (deadline != null) {
            policy = policy.toBuilder().deadline(deadline).build();
        }
        RouterCall call = new RouterCall(callIds.incrementAndGet(), request.model(), request.provider(), stream);
        return new CallContext(call, plan, policy, listener, balancer, route.retries(), nanoTime, random);
    }

    /** The route a plan takes: configured for the model as written, else as resolved, else the default. */
    Route route(Plan plan) {
        Route route = routes.get(plan.routeKey());
        if (route == null) {
            route = routes.get(plan.stages().get(0).pool().get(0).model());
        }
        return route != null ? route : defaultRoute;
    }

    /**
     * A configured route's policy with the defaults filled in, and where its attempts' retry
     * policy comes from; made once, when the router is built.
     */
    record Route(RoutePolicy policy, Function<Target, RetryPolicy> retries) {
    }

    /**
     * The request as the provider must see it: the bare model and no provider hint, or for a
     * gateway that routes it, the request as written.
     */
    static ChatRequest upstreamRequest(ChatRequest request, Target target) {
        String model = target.model();
        boolean hint = request.provider() != null || request.nulls().contains("provider");
        if (target.forwarded() || !hint && request.model().equals(model)) {
            return request;
        }
        // The hint is consumed here, an explicit null one too; a provider object in extra is the upstream's own.
        return new ChatRequest(model, request.messages(), request.maxTokens(), request.temperature(), request.tools(),
                request.toolChoice(), request.parallelToolCalls(), request.stream(), request.streamOptions(),
                request.reasoning(), null, request.extra(), ExplicitNulls.REQUEST.without(request.nulls(), "provider"));
    }

    /**
     * Ends every call in flight, including one waiting to retry, with a {@link GoModelException}
     * saying the client is closed (a stream that had delivered chunks ends with a
     * {@link dev.gomodel.error.StreamInterruptedException} caused by it), then closes every
     * provider. Later calls fail the same way. Idempotent.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            open.closeAll(closedException());
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

    private static GoModelException closedException() {
        return new GoModelException("the client is closed", null, null);
    }

    /** How many calls have not ended yet. */
    int openCalls() {
        return open.size();
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
         * Adds a provider with the default provider policy, unless
         * {@link #providerPolicy(String, ProviderPolicy)} already set one for its name.
         *
         * @param provider the provider; the router closes it when it is closed
         * @return this builder
         * @throws NullPointerException if {@code provider} is {@code null}
         * @throws IllegalArgumentException if a provider of the same name was added, or its
         *     {@code name()} or {@code type()} is blank or its {@code models()} is {@code null}
         */
        public Builder provider(Provider provider) {
            add(provider);
            providerPolicies.putIfAbsent(provider.name(), ProviderPolicy.ofDefaults());
            return this;
        }

        /**
         * Adds a provider with its own weight, circuit breaker or retry policy.
         *
         * @param provider the provider; the router closes it when it is closed
         * @param policy the provider's policy
         * @return this builder
         * @throws NullPointerException if {@code provider} or {@code policy} is {@code null}
         * @throws IllegalArgumentException if a provider of the same name was added, or its
         *     {@code name()} or {@code type()} is blank or its {@code models()} is {@code null}
         */
        public Builder provider(Provider provider, ProviderPolicy policy) {
            Objects.requireNonNull(policy, "policy");
            add(provider);
            providerPolicies.put(provider.name(), policy);
            return this;
        }

        private void add(Provider provider) {
            Objects.requireNonNull(provider, "provider");
            String name = provider.name();
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("providers: " + provider.getClass().getName()
                        + ".name() must not be null or blank, got " + (name == null ? "null" : "\"" + name + "\""));
            }
            if (provider.type() == null || provider.type().isBlank()) {
                throw new IllegalArgumentException("providers." + name + ": type() must not be null or blank");
            }
            if (provider.models() == null) {
                throw new IllegalArgumentException("providers." + name
                        + ": models() must not be null; an empty set serves any model");
            }
            if (providers.containsKey(name)) {
                throw new IllegalArgumentException("providers: two providers are named \"" + name
                        + "\"; give each a distinct name");
            }
            providers.put(name, provider);
        }

        /**
         * Sets the policy of the provider named {@code name}, added before or after; the last
         * policy set for a name wins.
         *
         * @param name the provider's name; {@link #build()} fails if no provider has it
         * @param policy the provider's policy
         * @return this builder
         * @throws NullPointerException if {@code name} or {@code policy} is {@code null}
         * @throws IllegalArgumentException if {@code name} is blank
         */
        public Builder providerPolicy(String name, ProviderPolicy policy) {
            providerPolicies.put(requireText(name, "provider name"), Objects.requireNonNull(policy, "policy"));
            return this;
        }

        /**
         * Makes {@code alias} a model name that stands for {@code targets}
         * ({@code "provider/model"} or bare models); several targets form a pool. Aliases apply
         * only to requests without an explicit provider. Setting an alias again replaces its
         * targets.
         *
         * @param alias the name requests use, such as {@code "smart"}
         * @param targets one target, or several for a pool, tried as the balancer picks
         * @return this builder
         * @throws NullPointerException if {@code alias}, {@code targets} or a target is
         *     {@code null}
         * @throws IllegalArgumentException if {@code alias} or a target is blank, or there is no
         *     target
         */
        public Builder alias(String alias, String... targets) {
            return alias(alias, targets == null ? null : Arrays.asList(targets));
        }

        /**
         * Makes {@code alias} stand for {@code targets}; see {@link #alias(String, String...)}.
         *
         * @param alias the name requests use
         * @param targets one target, or several for a pool; copied
         * @return this builder
         * @throws NullPointerException if {@code alias}, {@code targets} or a target is
         *     {@code null}
         * @throws IllegalArgumentException if {@code alias} or a target is blank, or there is no
         *     target
         */
        public Builder alias(String alias, List<String> targets) {
            aliases.put(requireText(alias, "alias"), requireTargets(targets, "aliases." + alias));
            return this;
        }

        /**
         * Tries {@code targets} in order when the route {@code model} fails with a 5xx, 429,
         * timeout, open circuit or model-unavailable error after its retries. {@code model} is
         * matched against the request's model as written and as resolved. Setting the fallbacks
         * of a model again replaces them.
         *
         * @param model the route that falls back, such as {@code "gpt-4o"} or an alias
         * @param targets the fallback stages in order, each {@code "provider/model"} or a model
         * @return this builder
         * @throws NullPointerException if {@code model}, {@code targets} or a target is
         *     {@code null}
         * @throws IllegalArgumentException if {@code model} or a target is blank, or there is no
         *     target
         */
        public Builder fallback(String model, String... targets) {
            return fallback(model, targets == null ? null : Arrays.asList(targets));
        }

        /**
         * Sets the fallbacks of {@code model}; see {@link #fallback(String, String...)}.
         *
         * @param model the route that falls back
         * @param targets the fallback stages in order; copied
         * @return this builder
         * @throws NullPointerException if {@code model}, {@code targets} or a target is
         *     {@code null}
         * @throws IllegalArgumentException if {@code model} or a target is blank, or there is no
         *     target
         */
        public Builder fallback(String model, List<String> targets) {
            fallbacks.put(requireText(model, "fallback model"), requireTargets(targets, "fallbacks." + model));
            return this;
        }

        /**
         * Sets the default retry policy, used where neither the route nor the provider sets one;
         * {@link RetryPolicy#ofDefaults()} unless set.
         *
         * @param retry the policy
         * @return this builder
         * @throws NullPointerException if {@code retry} is {@code null}
         */
        public Builder retry(RetryPolicy retry) {
            this.retry = Objects.requireNonNull(retry, "retry");
            return this;
        }

        /**
         * Shorthand for the default retry policy set so far with another {@code maxRetries}.
         *
         * @param maxRetries the number of retries, 0 or more
         * @return this builder
         * @throws IllegalArgumentException if {@code maxRetries} is negative
         */
        public Builder maxRetries(int maxRetries) {
            return retry(retry.toBuilder().maxRetries(maxRetries).build());
        }

        /**
         * Sets the circuit breaker of every provider whose {@link ProviderPolicy} sets none;
         * {@link CircuitBreakerPolicy#ofDefaults()} unless set.
         *
         * @param circuitBreaker the policy
         * @return this builder
         * @throws NullPointerException if {@code circuitBreaker} is {@code null}
         */
        public Builder circuitBreaker(CircuitBreakerPolicy circuitBreaker) {
            this.circuitBreaker = Objects.requireNonNull(circuitBreaker, "circuitBreaker");
            return this;
        }

        /**
         * Sets how pools pick a provider; {@link LoadBalancing#WEIGHTED_RANDOM} unless set.
         *
         * @param loadBalancing the strategy
         * @return this builder
         * @throws NullPointerException if {@code loadBalancing} is {@code null}
         */
        public Builder loadBalancing(LoadBalancing loadBalancing) {
            this.loadBalancing = Objects.requireNonNull(loadBalancing, "loadBalancing");
            return this;
        }

        /**
         * Sets the default deadline of a whole call, retries, waits and fallbacks included; none
         * unless set. Past it the call fails with a
         * {@link dev.gomodel.error.RequestTimeoutException} of phase {@code TOTAL}.
         *
         * @param deadline the limit
         * @return this builder
         * @throws NullPointerException if {@code deadline} is {@code null}
         * @throws IllegalArgumentException if it is not positive or is longer than about 292 years
         */
        public Builder deadline(Duration deadline) {
            this.deadline = positive(deadline, "deadline");
            return this;
        }

        /**
         * Sets the default limit of one attempt; none unless set (an attempt may use what is left
         * of the deadline). An attempt that runs out is retried or falls back like a timeout.
         *
         * @param attemptTimeout the limit
         * @return this builder
         * @throws NullPointerException if {@code attemptTimeout} is {@code null}
         * @throws IllegalArgumentException if it is not positive or is longer than about 292 years
         */
        public Builder attemptTimeout(Duration attemptTimeout) {
            this.attemptTimeout = positive(attemptTimeout, "attemptTimeout");
            return this;
        }

        /**
         * Sets, for streams, the default limit from an attempt's start to its first content chunk;
         * none unless set. A stream that misses it is retried or falls back.
         *
         * @param firstTokenTimeout the limit
         * @return this builder
         * @throws NullPointerException if {@code firstTokenTimeout} is {@code null}
         * @throws IllegalArgumentException if it is not positive or is longer than about 292 years
         */
        public Builder firstTokenTimeout(Duration firstTokenTimeout) {
            this.firstTokenTimeout = positive(firstTokenTimeout, "firstTokenTimeout");
            return this;
        }

        /**
         * Sets, for streams, the default limit between chunks once content flows; none unless
         * set.
         *
         * @param streamIdleTimeout the limit
         * @return this builder
         * @throws NullPointerException if {@code streamIdleTimeout} is {@code null}
         * @throws IllegalArgumentException if it is not positive or is longer than about 292 years
         */
        public Builder streamIdleTimeout(Duration streamIdleTimeout) {
            this.streamIdleTimeout = positive(streamIdleTimeout, "streamIdleTimeout");
            return this;
        }

        /**
         * Sets whether request errors (400, 401, 403, 422...) also move on to fallbacks; false
         * unless set, so such an error ends the call.
         *
         * @param fallbackOnRequestErrors {@code true} to fall back on request errors too
         * @return this builder
         */
        public Builder fallbackOnRequestErrors(boolean fallbackOnRequestErrors) {
            this.fallbackOnRequestErrors = fallbackOnRequestErrors;
            return this;
        }

        /**
         * Sets the policies of one route, by the model name or alias requests use; values the
         * policy leaves {@code null} keep the defaults set on this builder.
         *
         * @param model the model or alias as requests spell it, or as it resolves
         * @param policy the route's policy
         * @return this builder
         * @throws NullPointerException if {@code model} or {@code policy} is {@code null}
         * @throws IllegalArgumentException if {@code model} is blank
         */
        public Builder route(String model, RoutePolicy policy) {
            routes.put(requireText(model, "route model"), Objects.requireNonNull(policy, "policy"));
            return this;
        }

        /**
         * Sets the listener that receives the router's events; {@link RouterListener#NONE}
         * unless set.
         *
         * @param listener the listener; an exception it throws is logged and ignored
         * @return this builder
         * @throws NullPointerException if {@code listener} is {@code null}
         */
        public Builder listener(RouterListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Sets the random source of weighted pools and jitter; a seeded one makes choices
         * repeatable. Unless set, each call draws from {@link java.util.concurrent.ThreadLocalRandom}.
         *
         * @param random the source; shared by every call of the router
         * @return this builder
         * @throws NullPointerException if {@code random} is {@code null}
         */
        public Builder random(Random random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * Applies a JSON configuration document: aliases, fallbacks and policies, as the README's
         * "Routing" section shows, or a GoModel fallback map on its own. Keys the document sets
         * replace what this builder had (a {@code retry} object starts from
         * {@link RetryPolicy#ofDefaults()}); aliases, fallbacks, routes and providers it does not
         * name are kept. A document with any error leaves the builder as it was.
         *
         * @param json the configuration document
         * @return this builder
         * @throws NullPointerException if {@code json} is {@code null}
         * @throws IllegalArgumentException naming the key that is unknown or invalid
         */
        public Builder config(String json) {
            RouterConfigReader.apply(json, this);
            return this;
        }

        /**
         * Builds the router from the current settings; the builder can be changed and used again.
         *
         * @return the router
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
            Objects.requireNonNull(targets, () -> path + " is required: expected at least one target");
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
            if (value.compareTo(Timers.LONGEST) > 0) {
                throw new IllegalArgumentException(name + " must be at most " + Timers.LONGEST
                        + " (about 292 years), got " + value);
            }
            return value;
        }
    }
}
