package dev.gomodel.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads a router's JSON configuration document into a {@link Router.Builder}, through the
 * builder's public methods only.
 *
 * <p>The document is read whole before the builder changes: every value is checked and every
 * policy built first, then the builder calls are tried on a scratch builder, and only then made
 * on the real one. A document with any error leaves the builder as it was. Keys the document
 * sets replace what the builder had (a {@code retry} object starts from
 * {@link RetryPolicy#ofDefaults()}, not from the builder's retry policy); aliases, fallbacks,
 * routes and providers it does not name are kept.
 */
final class RouterConfigReader {

    private static final List<String> DOCUMENT = List.of("aliases", "fallbacks", "retry", "circuit_breaker",
            "load_balancing", "deadline", "attempt_timeout", "first_token_timeout", "stream_idle_timeout",
            "fallback_on_request_errors", "routes", "providers");
    private static final List<String> RETRY = List.of("max_retries", "initial_backoff", "max_backoff", "multiplier",
            "jitter", "max_retry_after");
    private static final List<String> CIRCUIT_BREAKER = List.of("failure_threshold", "cooldown", "success_threshold");
    private static final List<String> ROUTE = List.of("retry", "deadline", "attempt_timeout", "first_token_timeout",
            "stream_idle_timeout", "load_balancing", "fallback_on_request_errors");
    private static final List<String> PROVIDER = List.of("weight", "circuit_breaker", "retry");

    /** The builder calls the document asks for, in document order within each section. */
    private final List<Consumer<Router.Builder>> steps = new ArrayList<>();

    private RouterConfigReader() {
    }

    /**
     * Applies {@code json} to {@code builder}.
     *
     * @throws IllegalArgumentException whose message starts with the key path of the problem
     *     ({@code config} for the document itself); the builder is then unchanged
     */
    static void apply(String json, Router.Builder builder) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(builder, "builder");
        RouterConfigReader reader = new RouterConfigReader();
        reader.read(ConfigValue.root(ConfigJson.parse(json)));
        Router.Builder scratch = Router.builder();
        reader.steps.forEach(step -> step.accept(scratch));
        reader.steps.forEach(step -> step.accept(builder));
    }

    private void read(ConfigValue document) {
        if (isBareFallbacks(document.members())) {
            document.entries().forEach(this::fallback);
            return;
        }
        Map<String, ConfigValue> config = document.object(DOCUMENT);
        ifPresent(config, "aliases", aliases -> aliases.entries().forEach((alias, value) -> {
            List<String> targets = value.targets();
            step(value, builder -> builder.alias(alias, targets));
        }));
        ifPresent(config, "fallbacks", fallbacks -> fallbacks.entries().forEach(this::fallback));
        step(config, "retry", RouterConfigReader::retry, Router.Builder::retry);
        step(config, "circuit_breaker", RouterConfigReader::circuitBreaker, Router.Builder::circuitBreaker);
        step(config, "load_balancing", value -> value.oneOf(LoadBalancing.class), Router.Builder::loadBalancing);
        step(config, "deadline", ConfigValue::duration, Router.Builder::deadline);
        step(config, "attempt_timeout", ConfigValue::duration, Router.Builder::attemptTimeout);
        step(config, "first_token_timeout", ConfigValue::duration, Router.Builder::firstTokenTimeout);
        step(config, "stream_idle_timeout", ConfigValue::duration, Router.Builder::streamIdleTimeout);
        step(config, "fallback_on_request_errors", ConfigValue::bool, Router.Builder::fallbackOnRequestErrors);
        ifPresent(config, "routes", routes -> routes.entries().forEach((model, value) -> {
            RoutePolicy route = route(value);
            step(value, builder -> builder.route(model, route));
        }));
        ifPresent(config, "providers", providers -> providers.entries().forEach((name, value) -> {
            ProviderPolicy provider = provider(value);
            step(value, builder -> builder.providerPolicy(name, provider));
        }));
    }

    /**
     * Whether the document is a GoModel-style fallback map, {@code {"gpt-4o": ["azure/gpt-4o"]}}:
     * none of the document's keys, and every value a string or an array (whose elements
     * {@link ConfigValue#targets()} then checks, so a bad element is reported where it is).
     */
    private static boolean isBareFallbacks(Map<String, ConfigValue> members) {
        return members.keySet().stream().noneMatch(DOCUMENT::contains)
                && members.values().stream().allMatch(value -> value.value() instanceof String
                        || value.value() instanceof List);
    }

    private void fallback(String model, ConfigValue value) {
        List<String> targets = value.targets();
        step(value, builder -> builder.fallback(model, targets));
    }

    private static RetryPolicy retry(ConfigValue value) {
        Map<String, ConfigValue> fields = value.object(RETRY);
        RetryPolicy.Builder retry = RetryPolicy.ofDefaults().toBuilder();
        set(fields, "max_retries", ConfigValue::nonNegativeInt, retry::maxRetries);
        set(fields, "initial_backoff", ConfigValue::duration, retry::initialBackoff);
        set(fields, "max_backoff", ConfigValue::duration, retry::maxBackoff);
        set(fields, "multiplier", ConfigValue::number, retry::multiplier);
        set(fields, "jitter", ConfigValue::number, retry::jitter);
        set(fields, "max_retry_after", ConfigValue::duration, retry::maxRetryAfter);
        return value.build(retry::build);
    }

    private static CircuitBreakerPolicy circuitBreaker(ConfigValue value) {
        Map<String, ConfigValue> fields = value.object(CIRCUIT_BREAKER);
        CircuitBreakerPolicy defaults = CircuitBreakerPolicy.ofDefaults();
        int failureThreshold = get(fields, "failure_threshold", ConfigValue::positiveInt, defaults.failureThreshold());
        Duration cooldown = get(fields, "cooldown", ConfigValue::duration, defaults.cooldown());
        int successThreshold = get(fields, "success_threshold", ConfigValue::positiveInt, defaults.successThreshold());
        return value.build(() -> new CircuitBreakerPolicy(failureThreshold, cooldown, successThreshold));
    }

    private static RoutePolicy route(ConfigValue value) {
        Map<String, ConfigValue> fields = value.object(ROUTE);
        RoutePolicy.Builder route = RoutePolicy.builder();
        set(fields, "retry", RouterConfigReader::retry, route::retry);
        set(fields, "deadline", ConfigValue::duration, route::deadline);
        set(fields, "attempt_timeout", ConfigValue::duration, route::attemptTimeout);
        set(fields, "first_token_timeout", ConfigValue::duration, route::firstTokenTimeout);
        set(fields, "stream_idle_timeout", ConfigValue::duration, route::streamIdleTimeout);
        set(fields, "load_balancing", field -> field.oneOf(LoadBalancing.class), route::loadBalancing);
        set(fields, "fallback_on_request_errors", ConfigValue::bool, route::fallbackOnRequestErrors);
        return value.build(route::build);
    }

    private static ProviderPolicy provider(ConfigValue value) {
        Map<String, ConfigValue> fields = value.object(PROVIDER);
        int weight = get(fields, "weight", ConfigValue::positiveInt, ProviderPolicy.ofDefaults().weight());
        CircuitBreakerPolicy circuitBreaker = get(fields, "circuit_breaker", RouterConfigReader::circuitBreaker, null);
        RetryPolicy retry = get(fields, "retry", RouterConfigReader::retry, null);
        return value.build(() -> new ProviderPolicy(weight, circuitBreaker, retry));
    }

    /** The member {@code key} read with {@code read}, or {@code otherwise} if absent. */
    private static <T> T get(Map<String, ConfigValue> fields, String key, Function<ConfigValue, T> read, T otherwise) {
        ConfigValue field = fields.get(key);
        return field == null ? otherwise : read.apply(field);
    }

    /** Reads the member {@code key}, if present, and passes it to a policy builder's {@code setter}. */
    private static <T> void set(Map<String, ConfigValue> fields, String key, Function<ConfigValue, T> read,
            Consumer<T> setter) {
        ConfigValue field = fields.get(key);
        if (field != null) {
            T value = read.apply(field);
            field.run(() -> setter.accept(value));
        }
    }

    private static void ifPresent(Map<String, ConfigValue> fields, String key, Consumer<ConfigValue> action) {
        ConfigValue field = fields.get(key);
        if (field != null) {
            action.accept(field);
        }
    }

    /** Reads the member {@code key}, if present, into a step that passes it to the router builder's {@code setter}. */
    private <T> void step(Map<String, ConfigValue> fields, String key, Function<ConfigValue, T> read,
            BiConsumer<Router.Builder, T> setter) {
        ifPresent(fields, key, field -> {
            T value = read.apply(field);
            step(field, builder -> setter.accept(builder, value));
        });
    }

    /** A builder call whose errors are prefixed with the key path of {@code at}. */
    private void step(ConfigValue at, Consumer<Router.Builder> call) {
        steps.add(builder -> at.run(() -> call.accept(builder)));
    }
}
