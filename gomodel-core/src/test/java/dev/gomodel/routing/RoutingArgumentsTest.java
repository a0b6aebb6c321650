package dev.gomodel.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomodel.ChatCompletions;
import dev.gomodel.GoModelClient;
import dev.gomodel.Provider;
import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.error.NoRouteException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every public builder method, constructor and factory of the routing policies, the router and
 * the client facade given a bad argument: a missing argument is a {@link NullPointerException},
 * an unusable one an {@link IllegalArgumentException}, and the message starts with the setting's
 * name (as the JSON configuration spells its path where it has one) and says what was expected.
 */
class RoutingArgumentsTest {

    private static final FakeProvider OPENAI = new FakeProvider("openai", "openai");

    private static Arguments missing(String name, ThrowingCallable call, String message) {
        return Arguments.of(name, call, NullPointerException.class, message);
    }

    private static Arguments bad(String name, ThrowingCallable call, String message) {
        return Arguments.of(name, call, IllegalArgumentException.class, message);
    }

    private static Router.Builder router() {
        return Router.builder().provider(OPENAI);
    }

    /** A provider that answers nothing: only its name, type and models matter here. */
    private record Described(String name, String type, Set<String> models) implements Provider {
        @Override
        public CompletableFuture<ChatCompletion> createAsync(ChatRequest request) {
            throw new AssertionError("not called");
        }

        @Override
        public Flow.Publisher<ChatCompletionChunk> stream(ChatRequest request) {
            throw new AssertionError("not called");
        }

        @Override
        public void close() {
        }
    }

    static Stream<Arguments> badArguments() {
        Duration negative = Duration.ofMillis(-1);
        // A "no limit" that a timer cannot hold: it used to fail every call with "long overflow".
        Duration millennium = Duration.ofDays(365_000);
        String tooLong = " must be at most PT2562047H47M16.854775807S (about 292 years), got PT8760000H";
        return Stream.of(
                // Router.Builder: providers
                missing("provider(null)", () -> Router.builder().provider(null), "provider"),
                missing("provider(p, null policy)", () -> Router.builder().provider(OPENAI, null), "policy"),
                bad("a provider whose name() is null",
                        () -> Router.builder().provider(new Described(null, "openai", Set.of())),
                        "providers: dev.gomodel.routing.RoutingArgumentsTest$Described.name() must not be null or blank, "
                                + "got null"),
                bad("a provider whose name() is blank",
                        () -> Router.builder().provider(new Described(" ", "openai", Set.of())),
                        "providers: dev.gomodel.routing.RoutingArgumentsTest$Described.name() must not be null or blank, "
                                + "got \" \""),
                bad("a provider whose type() is null", () -> Router.builder().provider(new Described("p", null, Set.of())),
                        "providers.p: type() must not be null or blank"),
                bad("a provider whose type() is empty", () -> Router.builder().provider(new Described("p", "", Set.of())),
                        "providers.p: type() must not be null or blank"),
                bad("a provider whose models() is null",
                        () -> Router.builder().provider(new Described("p", "openai", null)),
                        "providers.p: models() must not be null; an empty set serves any model"),
                bad("two providers of one name", () -> router().provider(new FakeProvider("openai", "openai")),
                        "providers: two providers are named \"openai\"; give each a distinct name"),
                missing("providerPolicy(null, policy)", () -> router().providerPolicy(null, ProviderPolicy.ofDefaults()),
                        "provider name is required"),
                bad("providerPolicy(blank, policy)", () -> router().providerPolicy(" ", ProviderPolicy.ofDefaults()),
                        "provider name must not be blank"),
                missing("providerPolicy(name, null)", () -> router().providerPolicy("openai", null), "policy"),
                // aliases and fallbacks
                missing("alias(null, targets)", () -> router().alias(null, "gpt-4o"), "alias is required"),
                bad("alias(blank, targets)", () -> router().alias("\t", "gpt-4o"), "alias must not be blank"),
                bad("alias without targets", () -> router().alias("fast"), "aliases.fast must name at least one target"),
                bad("alias with an empty list", () -> router().alias("fast", List.of()),
                        "aliases.fast must name at least one target"),
                missing("alias with a null array", () -> router().alias("fast", (String[]) null),
                        "aliases.fast is required: expected at least one target"),
                missing("alias with a null list", () -> router().alias("fast", (List<String>) null),
                        "aliases.fast is required: expected at least one target"),
                missing("alias with a null target", () -> router().alias("fast", "gpt-4o", null),
                        "aliases.fast[1] is required"),
                bad("alias with a blank target", () -> router().alias("fast", "gpt-4o", "  "),
                        "aliases.fast[1] must not be blank"),
                missing("fallback(null, targets)", () -> router().fallback(null, "gpt-4o"), "fallback model is required"),
                bad("fallback(blank, targets)", () -> router().fallback("", "gpt-4o"), "fallback model must not be blank"),
                bad("fallback without targets", () -> router().fallback("gpt-4o"),
                        "fallbacks.gpt-4o must name at least one target"),
                missing("fallback with a null array", () -> router().fallback("gpt-4o", (String[]) null),
                        "fallbacks.gpt-4o is required: expected at least one target"),
                missing("fallback with a null target", () -> router().fallback("gpt-4o", (String) null),
                        "fallbacks.gpt-4o[0] is required"),
                bad("fallback with a blank target", () -> router().fallback("gpt-4o", "openai/gpt-4o-mini", " "),
                        "fallbacks.gpt-4o[1] must not be blank"),
                // policies and limits
                missing("retry(null)", () -> router().retry(null), "retry"),
                bad("maxRetries(-1)", () -> router().maxRetries(-1), "retry.maxRetries must not be negative, got -1"),
                missing("circuitBreaker(null)", () -> router().circuitBreaker(null), "circuitBreaker"),
                missing("loadBalancing(null)", () -> router().loadBalancing(null), "loadBalancing"),
                missing("listener(null)", () -> router().listener(null), "listener"),
                missing("random(null)", () -> router().random(null), "random"),
                missing("deadline(null)", () -> router().deadline(null), "deadline is required"),
                bad("deadline(0)", () -> router().deadline(Duration.ZERO), "deadline must be positive, got PT0S"),
                bad("deadline(-1 ms)", () -> router().deadline(negative), "deadline must be positive, got PT-0.001S"),
                bad("deadline(1000 years)", () -> router().deadline(millennium), "deadline" + tooLong),
                bad("deadline(ChronoUnit.FOREVER)", () -> router().deadline(ChronoUnit.FOREVER.getDuration()),
                        "deadline must be at most PT2562047H47M16.854775807S (about 292 years), got PT"),
                bad("attemptTimeout(1000 years)", () -> router().attemptTimeout(millennium), "attemptTimeout" + tooLong),
                bad("firstTokenTimeout(1000 years)", () -> router().firstTokenTimeout(millennium),
                        "firstTokenTimeout" + tooLong),
                bad("streamIdleTimeout(1000 years)", () -> router().streamIdleTimeout(millennium),
                        "streamIdleTimeout" + tooLong),
                bad("config with a 1000-year deadline", () -> router().config("{\"deadline\": \"8760000h\"}"),
                        "deadline: expected a duration such as \"250ms\" or a number of milliseconds, got \"8760000h\""),
                missing("attemptTimeout(null)", () -> router().attemptTimeout(null), "attemptTimeout is required"),
                bad("attemptTimeout(0)", () -> router().attemptTimeout(Duration.ZERO),
                        "attemptTimeout must be positive, got PT0S"),
                missing("firstTokenTimeout(null)", () -> router().firstTokenTimeout(null), "firstTokenTimeout is required"),
                bad("firstTokenTimeout(-1 ms)", () -> router().firstTokenTimeout(negative),
                        "firstTokenTimeout must be positive"),
                missing("streamIdleTimeout(null)", () -> router().streamIdleTimeout(null), "streamIdleTimeout is required"),
                bad("streamIdleTimeout(0)", () -> router().streamIdleTimeout(Duration.ZERO),
                        "streamIdleTimeout must be positive"),
                missing("route(null, policy)", () -> router().route(null, RoutePolicy.inherit()), "route model is required"),
                bad("route(blank, policy)", () -> router().route(" ", RoutePolicy.inherit()), "route model must not be blank"),
                missing("route(model, null)", () -> router().route("gpt-4o", null), "policy"),
                missing("config(null)", () -> router().config(null), "json"),
                bad("config(\"\")", () -> router().config(""), "config: expected a JSON object, got an empty document"),
                bad("config(\"   \")", () -> router().config("   "), "config: expected a JSON object, got an empty document"),
                // Router.Builder.build
                bad("build() without providers", () -> Router.builder().build(),
                        "providers: at least one provider is required"),
                bad("build() with a policy for a provider not added",
                        () -> router().providerPolicy("ghost", ProviderPolicy.ofDefaults()).build(),
                        "providers.ghost: no provider of that name was added; added: [openai]"),
                bad("build() with an alias that resolves nowhere",
                        () -> Router.builder().provider(new FakeProvider("work", "openai", "gpt-4o")).alias("fast", "llama")
                                .build(),
                        "aliases.fast[0]: no configured provider serves model \"llama\""),
                bad("build() with a fallback with nothing after its provider prefix",
                        () -> router().fallback("gpt-4o", "openai/").build(),
                        "fallbacks.gpt-4o[0]: model \"openai/\" has no model id after the provider prefix \"openai/\""),
                // RetryPolicy.Builder
                bad("RetryPolicy maxRetries(-1)", () -> RetryPolicy.builder().maxRetries(-1),
                        "retry.maxRetries must not be negative, got -1"),
                missing("RetryPolicy initialBackoff(null)", () -> RetryPolicy.builder().initialBackoff(null),
                        "retry.initialBackoff is required"),
                bad("RetryPolicy initialBackoff(-1 ms)", () -> RetryPolicy.builder().initialBackoff(negative),
                        "retry.initialBackoff must not be negative, got PT-0.001S"),
                missing("RetryPolicy maxBackoff(null)", () -> RetryPolicy.builder().maxBackoff(null),
                        "retry.maxBackoff is required"),
                bad("RetryPolicy maxBackoff(-1 ms)", () -> RetryPolicy.builder().maxBackoff(negative),
                        "retry.maxBackoff must not be negative"),
                missing("RetryPolicy maxRetryAfter(null)", () -> RetryPolicy.builder().maxRetryAfter(null),
                        "retry.maxRetryAfter is required"),
                bad("RetryPolicy maxRetryAfter(-1 ms)", () -> RetryPolicy.builder().maxRetryAfter(negative),
                        "retry.maxRetryAfter must not be negative"),
                bad("RetryPolicy initialBackoff(1000 years)", () -> RetryPolicy.builder().initialBackoff(millennium),
                        "retry.initialBackoff" + tooLong),
                bad("RetryPolicy maxBackoff(1000 years)", () -> RetryPolicy.builder().maxBackoff(millennium),
                        "retry.maxBackoff" + tooLong),
                bad("RetryPolicy maxRetryAfter(1000 years)", () -> RetryPolicy.builder().maxRetryAfter(millennium),
                        "retry.maxRetryAfter" + tooLong),
                bad("RetryPolicy multiplier(0.5)", () -> RetryPolicy.builder().multiplier(0.5),
                        "retry.multiplier must be at least 1, got 0.5"),
                bad("RetryPolicy multiplier(NaN)", () -> RetryPolicy.builder().multiplier(Double.NaN),
                        "retry.multiplier must be at least 1, got NaN"),
                bad("RetryPolicy multiplier(Infinity)", () -> RetryPolicy.builder().multiplier(Double.POSITIVE_INFINITY),
                        "retry.multiplier must be at least 1, got Infinity"),
                bad("RetryPolicy jitter(-0.1)", () -> RetryPolicy.builder().jitter(-0.1),
                        "retry.jitter must be between 0 and 1, got -0.1"),
                bad("RetryPolicy jitter(1.5)", () -> RetryPolicy.builder().jitter(1.5),
                        "retry.jitter must be between 0 and 1, got 1.5"),
                bad("RetryPolicy jitter(NaN)", () -> RetryPolicy.builder().jitter(Double.NaN),
                        "retry.jitter must be between 0 and 1, got NaN"),
                bad("RetryPolicy maxBackoff below initialBackoff", () -> RetryPolicy.builder()
                                .initialBackoff(Duration.ofSeconds(2)).maxBackoff(Duration.ofSeconds(1)).build(),
                        "retry.maxBackoff (PT1S) must not be less than retry.initialBackoff (PT2S)"),
                // CircuitBreakerPolicy, ProviderPolicy, RoutePolicy
                bad("CircuitBreakerPolicy failureThreshold 0", () -> new CircuitBreakerPolicy(0, Duration.ZERO, 1),
                        "circuitBreaker.failureThreshold must be at least 1, got 0"),
                bad("CircuitBreakerPolicy successThreshold -1", () -> new CircuitBreakerPolicy(1, Duration.ZERO, -1),
                        "circuitBreaker.successThreshold must be at least 1, got -1"),
                missing("CircuitBreakerPolicy cooldown null", () -> new CircuitBreakerPolicy(1, null, 1),
                        "circuitBreaker.cooldown is required"),
                bad("CircuitBreakerPolicy cooldown -1 ms", () -> new CircuitBreakerPolicy(1, negative, 1),
                        "circuitBreaker.cooldown must not be negative, got PT-0.001S"),
                bad("ProviderPolicy weight 0", () -> new ProviderPolicy(0, null, null), "weight must be at least 1, got 0"),
                bad("ProviderPolicy withWeight(-3)", () -> ProviderPolicy.ofDefaults().withWeight(-3),
                        "weight must be at least 1, got -3"),
                bad("RoutePolicy deadline 0", () -> new RoutePolicy(null, Duration.ZERO, null, null, null, null, null),
                        "deadline must be positive, got PT0S"),
                bad("RoutePolicy deadline 1000 years",
                        () -> new RoutePolicy(null, millennium, null, null, null, null, null), "deadline" + tooLong),
                bad("RoutePolicy.Builder streamIdleTimeout 1000 years",
                        () -> RoutePolicy.builder().streamIdleTimeout(millennium).build(), "streamIdleTimeout" + tooLong),
                bad("RoutePolicy.Builder attemptTimeout -1 ms",
                        () -> RoutePolicy.builder().attemptTimeout(negative).build(), "attemptTimeout must be positive"),
                bad("RoutePolicy.Builder firstTokenTimeout 0",
                        () -> RoutePolicy.builder().firstTokenTimeout(Duration.ZERO).build(),
                        "firstTokenTimeout must be positive"),
                bad("RoutePolicy.Builder streamIdleTimeout 0",
                        () -> RoutePolicy.builder().streamIdleTimeout(Duration.ZERO).build(),
                        "streamIdleTimeout must be positive"),
                bad("RoutePolicy.Builder maxRetries(-1)", () -> RoutePolicy.builder().maxRetries(-1),
                        "retry.maxRetries must not be negative"),
                // GoModelClient
                missing("GoModelClient.Builder.provider(null)", () -> GoModelClient.builder().provider(null), "provider"),
                missing("GoModelClient.Builder.routing(null)", () -> GoModelClient.builder().routing(null),
                        "configuration"),
                bad("GoModelClient.Builder.build() without providers", () -> GoModelClient.builder().build(),
                        "providers: at least one provider is required"),
                missing("GoModelClient.fromEnv(null)", () -> GoModelClient.fromEnv(null), "env"),
                // per-call arguments
                missing("Router.withDeadline(null)", () -> router().build().withDeadline(null), "deadline"),
                bad("Router.withDeadline(0)", () -> router().build().withDeadline(Duration.ZERO),
                        "deadline must be positive, got PT0S"),
                bad("ChatCompletions.withDeadline(-1 ms)", () -> ((ChatCompletions) OPENAI).withDeadline(negative),
                        "deadline must be positive"),
                bad("Router.withDeadline(1000 years)", () -> router().build().withDeadline(millennium),
                        "deadline" + tooLong),
                bad("ChatCompletions.withDeadline(1000 years)", () -> ((ChatCompletions) OPENAI).withDeadline(millennium),
                        "deadline" + tooLong),
                missing("Router.create(null)", () -> router().build().create(null), "request"),
                missing("Router.createAsync(null)", () -> router().build().createAsync(null), "request"),
                missing("Router.stream(null)", () -> router().build().stream(null), "request"),
                missing("Router.withDeadline(d).create(null)",
                        () -> router().build().withDeadline(Duration.ofSeconds(1)).create(null), "request"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badArguments")
    void aBadArgumentFailsNamingIt(String name, ThrowingCallable call, Class<? extends RuntimeException> type,
            String message) {
        assertThatThrownBy(call).isExactlyInstanceOf(type).hasMessageStartingWith(message);
    }

    static Stream<Arguments> unroutableRequests() {
        return Stream.of(
                Arguments.of("a provider hint no provider has", ChatRequest.builder().model("gpt-4o").provider("mistral"),
                        NoRouteException.class, "no provider named \"mistral\" is configured"),
                Arguments.of("a provider prefix with no model after it",
                        ChatRequest.builder().model("openai/").provider("openai"), IllegalArgumentException.class,
                        "model \"openai/\" has no model id after the provider prefix \"openai/\""),
                Arguments.of("a model no provider serves", ChatRequest.builder().model("llama"),
                        NoRouteException.class, "no configured provider serves model \"llama\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unroutableRequests")
    void aRequestThatCannotBeRoutedFailsWithoutCallingAnyProvider(String name, ChatRequest.Builder request,
            Class<? extends RuntimeException> type, String message) throws Exception {
        FakeProvider work = new FakeProvider("openai", "openai", "gpt-4o");
        FakeProvider other = new FakeProvider("other", "together", "gpt-4o");
        Router router = Router.builder().provider(work).provider(other).fallback("gpt-4o", "other/gpt-4o").build();
        ChatRequest built = request.user("Hi").build();

        assertThatThrownBy(() -> router.create(built)).isExactlyInstanceOf(type).hasMessageStartingWith(message);
        assertThat(router.createAsync(built)).failsWithin(5, TimeUnit.SECONDS)
                .withThrowableThat().havingCause().isExactlyInstanceOf(type);
        AtomicReference<Throwable> streamed = new AtomicReference<>();
        router.stream(built).subscribe(new ErrorOnly(streamed::set));
        assertThat(streamed.get()).isExactlyInstanceOf(type).hasMessageStartingWith(message);
        assertThat(work.requests).isEmpty();
        assertThat(other.requests).isEmpty();
    }

    @Test
    void aFailureOfTheCallerNeverMovesOnToTheFallback() {
        RuntimeException rejected = new IllegalArgumentException("temperature: the upstream cannot express it");
        FakeProvider fallback = new FakeProvider("other", "together");
        Router router = Router.builder()
                .provider(new Rejecting(rejected))
                .provider(fallback)
                .fallback("gpt-4o", "other/gpt-4o")
                .build();

        assertThatThrownBy(() -> router.create(ChatRequest.builder().model("strict/gpt-4o").user("Hi").build()))
                .isSameAs(rejected);
        assertThat(fallback.requests).isEmpty();
    }

    /** A provider whose every call is refused before it would send anything, as a translation failure is. */
    private record Rejecting(RuntimeException failure) implements Provider {
        @Override
        public String name() {
            return "strict";
        }

        @Override
        public String type() {
            return "anthropic";
        }

        @Override
        public Set<String> models() {
            return Set.of();
        }

        @Override
        public CompletableFuture<ChatCompletion> createAsync(ChatRequest request) {
            throw failure;
        }

        @Override
        public Flow.Publisher<ChatCompletionChunk> stream(ChatRequest request) {
            throw failure;
        }

        @Override
        public void close() {
        }
    }

    /** Records the error a stream ends with; a chunk would be a failure of the test. */
    private record ErrorOnly(Consumer<Throwable> onError) implements Flow.Subscriber<ChatCompletionChunk> {
        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(1);
        }

        @Override
        public void onNext(ChatCompletionChunk item) {
            throw new AssertionError("no chunk expected, got " + item);
        }

        @Override
        public void onError(Throwable throwable) {
            onError.accept(throwable);
        }

        @Override
        public void onComplete() {
            throw new AssertionError("no completion expected");
        }
    }
}
