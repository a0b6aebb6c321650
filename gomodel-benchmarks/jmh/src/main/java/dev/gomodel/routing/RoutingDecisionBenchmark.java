package dev.gomodel.routing;

import dev.gomodel.Provider;
import dev.gomodel.benchmarks.jmh.CannedProvider;
import dev.gomodel.benchmarks.jmh.Fixtures;
import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.json.ChatJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The router's decision before it hands a call to a provider, piece by piece, over a pool of
 * three providers that all serve {@code gpt-4o} (default weighted random balancing, default
 * circuit breakers, two retries, a fallback stage for {@code gpt-4o}):
 * <ul>
 *   <li>{@link #resolve}: {@code ModelResolver.resolve}, the {@code provider/model} resolution
 *       to a {@link Plan}, for a bare model (a pool of three), {@code openai/gpt-4o} (one
 *       provider) and an alias naming the three;</li>
 *   <li>{@link #balancerPick}: one weighted pick among three (no model involved);</li>
 *   <li>{@link #breakerPermit}: a closed breaker's permit and its verdict (no model involved);</li>
 *   <li>{@link #nextTarget}: {@code CallContext.nextTarget} on a resolved plan (breaker checks,
 *       balancer, permit);</li>
 *   <li>{@link #decide}: all of it, as {@code Router.newCall} and the first step of
 *       {@code RoutedCall.attempt} run it: resolve, route (policy and retries, merged when the
 *       router is built), call context, next target,
 *       and the request as the target must see it.</li>
 * </ul>
 * The parts are package-private: this class sits in the router's package.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RoutingDecisionBenchmark {

    /** The pool of three, assembled from the same parts and in the same way as Router's constructor. */
    @State(Scope.Benchmark)
    public static class Pool {

        @Param({"gpt-4o", "openai/gpt-4o", "smart"})
        public String model;

        ModelResolver resolver;
        Balancer balancer;
        RoutePolicy defaults;
        Map<String, Router.Route> routes;
        Router.Route defaultRoute;
        Map<String, RetryPolicy> providerRetries;
        Function<Target, RetryPolicy> retries;
        SafeListener listener;
        LongSupplier nanoTime;
        DoubleSupplier random;
        AtomicLong callIds;
        CallContext context;
        ChatRequest request;

        @Setup(Level.Trial)
        public void setUp() {
            ChatCompletion completion = ChatJson.readCompletion(Fixtures.completionJson());
            List<Provider> providers = List.of(
                    new CannedProvider("openai", "openai", Set.of("gpt-4o", "gpt-4o-mini"), completion),
                    new CannedProvider("azure", "azure", Set.of("gpt-4o", "gpt-4o-mini"), completion),
                    new CannedProvider("backup", "openai-compatible", Set.of("gpt-4o", "llama-3.3-70b"), completion));
            nanoTime = System::nanoTime;
            List<Target> targets = new ArrayList<>();
            for (Provider provider : providers) {
                ProviderState state = new ProviderState(provider.name(), 1,
                        new CircuitBreaker(CircuitBreakerPolicy.ofDefaults(), nanoTime));
                targets.add(new Target(provider, state, null));
            }
            resolver = new ModelResolver(targets,
                    Map.of("smart", List.of("openai/gpt-4o", "azure/gpt-4o", "backup/gpt-4o")),
                    Map.of("gpt-4o", List.of("backup/llama-3.3-70b")));
            random = () -> ThreadLocalRandom.current().nextDouble();
            balancer = new Balancer(random);
            RetryPolicy retry = RetryPolicy.ofDefaults().toBuilder().maxRetries(2).build();
            defaults = new RoutePolicy(retry, null, null, null, null, LoadBalancing.WEIGHTED_RANDOM, false);
            routes = Map.of();
            providerRetries = Map.of();
            retries = target -> providerRetries.getOrDefault(target.name(), defaults.retry());
            defaultRoute = new Router.Route(defaults, retries);
            listener = new SafeListener(RouterListener.NONE);
            callIds = new AtomicLong();
            request = Fixtures.request(model);
            context = new CallContext(new RouterCall(0, model, null, false), resolver.resolve(model, null), defaults,
                    listener, balancer, retries, nanoTime, random);
        }
    }

    /** Three providers' states and a balancer, for the pieces that do not depend on the model. */
    @State(Scope.Benchmark)
    public static class Parts {

        Balancer balancer;
        List<ProviderState> states;

        @Setup(Level.Trial)
        public void setUp() {
            LongSupplier nanoTime = System::nanoTime;
            states = new ArrayList<>();
            for (String name : List.of("openai", "azure", "backup")) {
                states.add(new ProviderState(name, 1, new CircuitBreaker(CircuitBreakerPolicy.ofDefaults(), nanoTime)));
            }
            balancer = new Balancer(() -> ThreadLocalRandom.current().nextDouble());
        }
    }

    @Benchmark
    public Plan resolve(Pool pool) {
        return pool.resolver.resolve(pool.model, null);
    }

    @Benchmark
    public ProviderState balancerPick(Parts parts) {
        return parts.states.get(parts.balancer.pick(parts.states, null, LoadBalancing.WEIGHTED_RANDOM, "gpt-4o"));
    }

    @Benchmark
    public boolean breakerPermit(Parts parts) {
        CircuitBreaker breaker = parts.states.get(0).breaker();
        boolean permitted = breaker.isCallPermitted() && breaker.tryAcquire();
        breaker.onSuccess();
        return permitted;
    }

    @Benchmark
    public Target nextTarget(Pool pool) {
        Target target = pool.context.nextTarget();
        // Every permit is answered; on a closed circuit this changes nothing.
        target.state().breaker().onIgnored();
        return target;
    }

    /** Router.newCall, then what RoutedCall.attempt does before it calls the provider. */
    @Benchmark
    public ChatRequest decide(Pool pool) {
        ChatRequest request = pool.request;
        Plan plan = pool.resolver.resolve(request.model(), request.provider());
        Router.Route route = pool.routes.get(plan.routeKey());
        if (route == null) {
            route = pool.routes.get(plan.stages().get(0).pool().get(0).model());
        }
        if (route == null) {
            route = pool.defaultRoute;
        }
        RouterCall call = new RouterCall(pool.callIds.incrementAndGet(), request.model(), request.provider(), false);
        CallContext context = new CallContext(call, plan, route.policy(), pool.listener, pool.balancer,
                route.retries(), pool.nanoTime, pool.random);
        Target target = context.nextTarget();
        target.state().breaker().onIgnored();
        return Router.upstreamRequest(request, target);
    }
}
