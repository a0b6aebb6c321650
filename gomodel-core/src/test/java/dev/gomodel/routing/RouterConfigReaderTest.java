package dev.gomodel.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomodel.Provider;
import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RouterConfigReaderTest {

    private static final String FULL = """
            {
              "aliases":   {"fast": "groq/llama-3.3-70b-versatile", "smart": ["openai/gpt-4o", "anthropic/claude-sonnet-4-5"]},
              "fallbacks": {"gpt-4o": ["azure/gpt-4o", "gemini/gemini-2.5-pro"]},
              "retry": {"max_retries": 2, "initial_backoff": "250ms", "max_backoff": "8s", "multiplier": 2, "jitter": 0.2, "max_retry_after": "60s"},
              "circuit_breaker": {"failure_threshold": 5, "cooldown": "30s", "success_threshold": 2},
              "load_balancing": "weighted_random",
              "deadline": "60s", "attempt_timeout": "20s", "first_token_timeout": "10s", "stream_idle_timeout": "30s",
              "fallback_on_request_errors": false,
              "routes": {"gpt-4o": {"retry": {"max_retries": 1}, "deadline": "30s", "attempt_timeout": "10s", "first_token_timeout": "5s", "stream_idle_timeout": "15s", "load_balancing": "round_robin", "fallback_on_request_errors": true}},
              "providers": {"openai": {"weight": 3, "circuit_breaker": {"failure_threshold": 3}, "retry": {"max_retries": 0}}}
            }
            """;

    /** A provider that only has a name; the router under test never calls it. */
    private record StubProvider(String name) implements Provider {
        @Override
        public String type() {
            return "openai";
        }

        @Override
        public Set<String> models() {
            return Set.of();
        }

        @Override
        public CompletableFuture<ChatCompletion> createAsync(ChatRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Flow.Publisher<ChatCompletionChunk> stream(ChatRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }

    private static Router.Builder config(String json) {
        return Router.builder().provider(new StubProvider("openai")).config(json);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertConfigError(String json) {
        return assertThatThrownBy(() -> config(json)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String retryWith(String field, String value) {
        return "{\"retry\": {\"" + field + "\": " + value + "}}";
    }

    @Test
    void theFullDocumentSetsEveryValue() {
        Router.Builder builder = config(FULL);

        assertThat(builder.aliases).containsExactly(
                Map.entry("fast", List.of("groq/llama-3.3-70b-versatile")),
                Map.entry("smart", List.of("openai/gpt-4o", "anthropic/claude-sonnet-4-5")));
        assertThat(builder.fallbacks).containsExactly(
                Map.entry("gpt-4o", List.of("azure/gpt-4o", "gemini/gemini-2.5-pro")));
        assertThat(builder.retry).isEqualTo(RetryPolicy.builder().maxRetries(2).initialBackoff(Duration.ofMillis(250))
                .maxBackoff(Duration.ofSeconds(8)).multiplier(2).jitter(0.2).maxRetryAfter(Duration.ofSeconds(60))
                .build());
        assertThat(builder.circuitBreaker).isEqualTo(new CircuitBreakerPolicy(5, Duration.ofSeconds(30), 2));
        assertThat(builder.loadBalancing).isEqualTo(LoadBalancing.WEIGHTED_RANDOM);
        assertThat(builder.deadline).isEqualTo(Duration.ofSeconds(60));
        assertThat(builder.attemptTimeout).isEqualTo(Duration.ofSeconds(20));
        assertThat(builder.firstTokenTimeout).isEqualTo(Duration.ofSeconds(10));
        assertThat(builder.streamIdleTimeout).isEqualTo(Duration.ofSeconds(30));
        assertThat(builder.fallbackOnRequestErrors).isFalse();
        assertThat(builder.routes).containsExactly(Map.entry("gpt-4o", new RoutePolicy(
                RetryPolicy.ofDefaults().toBuilder().maxRetries(1).build(), Duration.ofSeconds(30),
                Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(15), LoadBalancing.ROUND_ROBIN,
                true)));
        assertThat(builder.providerPolicies).containsExactly(Map.entry("openai", new ProviderPolicy(3,
                new CircuitBreakerPolicy(3, Duration.ofSeconds(30), 2), RetryPolicy.none())));
        assertThat(builder.build().providers()).extracting(Provider::name).containsExactly("openai");
    }

    @Test
    void valuesTheDocumentLeavesOutKeepTheirDefaults() {
        Router.Builder builder = config("""
                {"retry": {"jitter": 0}, "circuit_breaker": {"cooldown": "1m"},
                 "routes": {"gpt-4o": {"deadline": "5s"}}, "providers": {"openai": {"weight": 2}}}
                """);

        assertThat(builder.retry).isEqualTo(RetryPolicy.ofDefaults().toBuilder().jitter(0).build());
        assertThat(builder.circuitBreaker).isEqualTo(new CircuitBreakerPolicy(5, Duration.ofMinutes(1), 2));
        assertThat(builder.routes.get("gpt-4o"))
                .isEqualTo(RoutePolicy.builder().deadline(Duration.ofSeconds(5)).build());
        assertThat(builder.providerPolicies.get("openai")).isEqualTo(new ProviderPolicy(2, null, null));
        assertThat(builder.deadline).isNull();
        assertThat(builder.loadBalancing).isEqualTo(LoadBalancing.WEIGHTED_RANDOM);
    }

    @Test
    void aGoModelFallbackMapIsTheFallbacks() {
        Router.Builder builder = config("""
                {"gpt-4o": ["azure/gpt-4o", "gemini/gemini-2.5-pro"], "claude-sonnet-4-5": "bedrock/claude-sonnet-4-5"}
                """);

        assertThat(builder.fallbacks).containsExactly(
                Map.entry("gpt-4o", List.of("azure/gpt-4o", "gemini/gemini-2.5-pro")),
                Map.entry("claude-sonnet-4-5", List.of("bedrock/claude-sonnet-4-5")));
        assertThat(builder.aliases).isEmpty();
    }

    @Test
    void aFallbackMapReportsABadTargetWhereItIs() {
        assertConfigError("{\"gpt-4o\": [\"azure/gpt-4o\", 3]}")
                .hasMessage("gpt-4o[1]: expected a non-blank string, got 3");
        assertConfigError("{\"gpt-4o\": []}")
                .hasMessage("gpt-4o: expected a string or a non-empty array of strings, got []");
    }

    @Test
    void aKnownKeyMakesTheDocumentAFullOne() {
        assertConfigError("{\"deadline\": \"1s\", \"gpt-4o\": [\"azure/gpt-4o\"]}")
                .hasMessageStartingWith("gpt-4o: unknown key (known: aliases, fallbacks, retry, circuit_breaker,");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"250ms\"  | PT0.25S",
            "\"1.5s\"   | PT1.5S",
            "\"2m\"     | PT2M",
            "\"1h30m\"  | PT1H30M",
            "\"500us\"  | PT0.0005S",
            "\"500µs\"  | PT0.0005S",
            "\"500μs\"  | PT0.0005S",
            "\"10ns\"   | PT0.00000001S",
            "\".5s\"    | PT0.5S",
            "\"1h0m0.5s\" | PT1H0.5S",
            "\"+3s\"    | PT3S",
            "\"0\"      | PT0S",
            "\"1.5ns\"  | PT0.000000001S",
            "250        | PT0.25S",
            "1.5        | PT0.0015S",
            "0          | PT0S",
            "2e3        | PT2S",
    })
    void durationsAreGoDurationsOrMilliseconds(String json, String expected) {
        Router.Builder builder = config(retryWith("max_retry_after", json));

        assertThat(builder.retry.maxRetryAfter()).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"fast\"", "\"\"", "\"1\"", "\"1x\"", "\"s\"", "\".s\"", "\"1.2.3s\"", "\"-\"",
            "\"1s \"", "\"1S\"", "\"3000000h\"", "1e20", "true", "null", "[]", "{\"ms\": 5}"})
    void aDurationOfAnotherFormIsRejected(String json) {
        assertConfigError(retryWith("initial_backoff", json)).hasMessageStartingWith(
                "retry.initial_backoff: expected a duration such as \"250ms\" or a number of milliseconds, got ");
    }

    @Test
    void aDurationErrorQuotesTheValue() {
        assertConfigError(retryWith("initial_backoff", "\"fast\"")).hasMessage(
                "retry.initial_backoff: expected a duration such as \"250ms\" or a number of milliseconds, got \"fast\"");
    }

    @Test
    void aNegativeDurationIsLeftToThePolicyAndReportedWithItsPath() {
        assertConfigError(retryWith("max_retry_after", "\"-1s\""))
                .hasMessage("retry.max_retry_after: retry.maxRetryAfter must not be negative, got PT-1S")
                .hasCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void integersMustBeWholeNonNegativeNumbers() {
        assertConfigError("{\"routes\": {\"gpt-4o\": {\"retry\": {\"max_retries\": \"two\"}}}}")
                .hasMessage("routes.gpt-4o.retry.max_retries: expected a non-negative integer, got \"two\"");
        assertConfigError(retryWith("max_retries", "2.5"))
                .hasMessage("retry.max_retries: expected a non-negative integer, got 2.5");
        assertConfigError(retryWith("max_retries", "-1"))
                .hasMessage("retry.max_retries: expected a non-negative integer, got -1");
        assertConfigError(retryWith("max_retries", "10000000000"))
                .hasMessage("retry.max_retries: expected a non-negative integer, got 10000000000");
        assertThat(config(retryWith("max_retries", "3.0")).retry.maxRetries()).isEqualTo(3);
        assertThat(config(retryWith("max_retries", "0")).retry.maxRetries()).isZero();
    }

    @Test
    void thresholdsAndWeightsMustBePositive() {
        assertConfigError("{\"providers\": {\"openai\": {\"weight\": 0}}}")
                .hasMessage("providers.openai.weight: expected a positive integer, got 0");
        assertConfigError("{\"circuit_breaker\": {\"failure_threshold\": 0}}")
                .hasMessage("circuit_breaker.failure_threshold: expected a positive integer, got 0");
        assertConfigError("{\"providers\": {\"openai\": {\"circuit_breaker\": {\"success_threshold\": \"2\"}}}}")
                .hasMessage("providers.openai.circuit_breaker.success_threshold: expected a positive integer, got \"2\"");
    }

    @Test
    void numbersAndBooleansMustHaveTheirJsonType() {
        assertConfigError(retryWith("jitter", "\"0.2\""))
                .hasMessage("retry.jitter: expected a number, got \"0.2\"");
        assertConfigError("{\"fallback_on_request_errors\": \"yes\"}")
                .hasMessage("fallback_on_request_errors: expected true or false, got \"yes\"");
        assertConfigError("{\"routes\": {\"gpt-4o\": {\"fallback_on_request_errors\": 1}}}")
                .hasMessage("routes.gpt-4o.fallback_on_request_errors: expected true or false, got 1");
        assertConfigError("{\"deadline\": null}")
                .hasMessageStartingWith("deadline: expected a duration such as \"250ms\"")
                .hasMessageEndingWith(", got null");
    }

    @Test
    void loadBalancingNamesAnyCase() {
        assertThat(config("{\"load_balancing\": \"LEAST_in_flight\"}").loadBalancing)
                .isEqualTo(LoadBalancing.LEAST_IN_FLIGHT);
        assertThat(config("{\"routes\": {\"m\": {\"load_balancing\": \"lowest_latency\"}}}").routes.get("m")
                .loadBalancing()).isEqualTo(LoadBalancing.LOWEST_LATENCY);
        assertConfigError("{\"load_balancing\": \"random\"}").hasMessage(
                "load_balancing: expected one of weighted_random, round_robin, least_in_flight, lowest_latency, "
                        + "got \"random\"");
        assertConfigError("{\"routes\": {\"m\": {\"load_balancing\": 2}}}").hasMessageStartingWith(
                "routes.m.load_balancing: expected one of weighted_random,");
    }

    @Test
    void unknownKeysAreErrorsAtEveryLevel() {
        assertConfigError(retryWith("backoff", "\"1s\"")).hasMessage(
                "retry.backoff: unknown key (known: max_retries, initial_backoff, max_backoff, multiplier, jitter, "
                        + "max_retry_after)");
        assertConfigError("{\"alias\": {\"fast\": \"groq/llama\"}}").hasMessage(
                "alias: unknown key (known: aliases, fallbacks, retry, circuit_breaker, load_balancing, deadline, "
                        + "attempt_timeout, first_token_timeout, stream_idle_timeout, fallback_on_request_errors, "
                        + "routes, providers)");
        assertConfigError("{\"circuit_breaker\": {\"cool_down\": \"1s\"}}")
                .hasMessage("circuit_breaker.cool_down: unknown key (known: failure_threshold, cooldown, success_threshold)");
        assertConfigError("{\"routes\": {\"gpt-4o\": {\"timeout\": \"1s\"}}}")
                .hasMessageStartingWith("routes.gpt-4o.timeout: unknown key (known: retry, deadline,");
        assertConfigError("{\"routes\": {\"gpt-4o\": {\"retry\": {\"retries\": 1}}}}")
                .hasMessageStartingWith("routes.gpt-4o.retry.retries: unknown key (known: max_retries,");
        assertConfigError("{\"providers\": {\"openai\": {\"weigth\": 2}}}")
                .hasMessage("providers.openai.weigth: unknown key (known: weight, circuit_breaker, retry)");
        assertConfigError("{\"providers\": {\"openai\": {\"circuit_breaker\": {\"threshold\": 2}}}}")
                .hasMessageStartingWith("providers.openai.circuit_breaker.threshold: unknown key (known: failure_threshold,");
    }

    @Test
    void sectionsMustBeObjects() {
        assertConfigError("{\"retry\": 3}").hasMessage("retry: expected an object, got 3");
        assertConfigError("{\"routes\": []}").hasMessage("routes: expected an object, got []");
        assertConfigError("{\"routes\": {\"gpt-4o\": \"fast\"}}")
                .hasMessage("routes.gpt-4o: expected an object, got \"fast\"");
        assertConfigError("{\"aliases\": [\"fast\"]}").hasMessage("aliases: expected an object, got an array");
    }

    @Test
    void aliasAndFallbackTargetsMustBeNamed() {
        assertConfigError("{\"aliases\": {\"smart\": []}}")
                .hasMessage("aliases.smart: expected a string or a non-empty array of strings, got []");
        assertConfigError("{\"aliases\": {\"smart\": [\"openai/gpt-4o\", \" \"]}}")
                .hasMessage("aliases.smart[1]: expected a non-blank string, got \" \"");
        assertConfigError("{\"fallbacks\": {\"gpt-4o\": {\"to\": \"azure/gpt-4o\"}}}")
                .hasMessage("fallbacks.gpt-4o: expected a string or a non-empty array of strings, got an object");
        assertConfigError("{\"aliases\": {\"\": \"openai/gpt-4o\"}}")
                .hasMessage("aliases: expected non-blank names, got \"\"");
        assertThat(config("{\"fallbacks\": {\"gpt-4o\": \"azure/gpt-4o\"}}").fallbacks)
                .containsExactly(Map.entry("gpt-4o", List.of("azure/gpt-4o")));
    }

    @Test
    void malformedJsonNamesTheLineAndColumn() {
        assertConfigError("{\n  \"retry\": {\n    \"max_retries\": 2,\n  }\n}")
                .hasMessageStartingWith("config: not valid JSON at line 4, column 3: ")
                .hasCauseInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
        assertConfigError("{\"retry\": {}").hasMessageStartingWith("config: not valid JSON at line 1, column ");
        assertConfigError("{} {}").hasMessage("config: not valid JSON at line 1, column 4: "
                + "unexpected content after the document");
        assertConfigError("{\"deadline\": 1e-2147483648}")
                .hasMessageStartingWith("config: not valid JSON at line 1, column 14: ");
    }

    @Test
    void aDuplicateKeyIsAnError() {
        assertConfigError("{\"retry\": {\"jitter\": 0.1, \"jitter\": 0.2}}").hasMessage("retry.jitter: duplicate key");
        assertConfigError("{\"deadline\": \"1s\", \"deadline\": \"2s\"}").hasMessage("deadline: duplicate key");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[]                | config: expected an object, got []",
            "[{}]              | config: expected an object, got an array",
            "\"retry\"         | config: expected an object, got \"retry\"",
            "42                | config: expected an object, got 42",
            "null              | config: expected an object, got null",
            "' '               | config: expected a JSON object, got an empty document",
    })
    void theDocumentMustBeAnObject(String json, String message) {
        assertConfigError(json).hasMessage(message);
    }

    @Test
    void policyErrorsArePrefixedWithTheKeyPath() {
        assertConfigError("{\"retry\": {\"initial_backoff\": \"2s\", \"max_backoff\": \"1s\"}}")
                .hasMessage("retry: retry.maxBackoff (PT1S) must not be less than retry.initialBackoff (PT2S)")
                .hasCauseInstanceOf(IllegalArgumentException.class);
        assertConfigError(retryWith("multiplier", "0.5"))
                .hasMessage("retry.multiplier: retry.multiplier must be at least 1, got 0.5");
        assertConfigError(retryWith("jitter", "1.5"))
                .hasMessage("retry.jitter: retry.jitter must be between 0 and 1, got 1.5");
        assertConfigError("{\"providers\": {\"openai\": {\"circuit_breaker\": {\"cooldown\": -1}}}}")
                .hasMessage("providers.openai.circuit_breaker: circuitBreaker.cooldown must not be negative, "
                        + "got PT-0.001S");
        assertConfigError("{\"routes\": {\"gpt-4o\": {\"deadline\": \"0s\"}}}")
                .hasMessage("routes.gpt-4o: deadline must be positive, got PT0S");
        assertConfigError("{\"attempt_timeout\": 0}")
                .hasMessage("attempt_timeout: attemptTimeout must be positive, got PT0S")
                .hasCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDocumentWithAnErrorChangesNothing() {
        Router.Builder builder = Router.builder().alias("fast", "groq/llama");

        assertThatThrownBy(() -> builder.config("""
                {"aliases": {"fast": "openai/gpt-4o-mini", "smart": "openai/gpt-4o"},
                 "retry": {"max_retries": 5}, "deadline": "0s"}
                """)).hasMessageStartingWith("deadline: ");

        assertThat(builder.aliases).containsExactly(Map.entry("fast", List.of("groq/llama")));
        assertThat(builder.retry).isEqualTo(RetryPolicy.ofDefaults());
    }

    @Test
    void aSecondDocumentMergesWithTheFirstAndWinsPerKey() {
        Router.Builder builder = config("""
                {"aliases": {"fast": "groq/llama", "smart": "openai/gpt-4o"},
                 "retry": {"max_retries": 5, "jitter": 0.5}, "deadline": "60s",
                 "routes": {"a": {"deadline": "1s"}, "b": {"deadline": "2s"}}}
                """);
        builder.config("""
                {"aliases": {"fast": "openai/gpt-4o-mini"}, "fallbacks": {"smart": ["anthropic/claude"]},
                 "retry": {"jitter": 0}, "routes": {"b": {"attempt_timeout": "3s"}}}
                """);

        assertThat(builder.aliases).containsExactly(
                Map.entry("fast", List.of("openai/gpt-4o-mini")),
                Map.entry("smart", List.of("openai/gpt-4o")));
        assertThat(builder.fallbacks).containsExactly(Map.entry("smart", List.of("anthropic/claude")));
        assertThat(builder.retry).isEqualTo(RetryPolicy.ofDefaults().toBuilder().jitter(0).build());
        assertThat(builder.deadline).isEqualTo(Duration.ofSeconds(60));
        assertThat(builder.routes).containsExactly(
                Map.entry("a", RoutePolicy.builder().deadline(Duration.ofSeconds(1)).build()),
                Map.entry("b", RoutePolicy.builder().attemptTimeout(Duration.ofSeconds(3)).build()));
    }

    @Test
    void anEmptyDocumentChangesNothing() {
        Router.Builder builder = config("{}");

        assertThat(builder.aliases).isEmpty();
        assertThat(builder.fallbacks).isEmpty();
        assertThat(builder.routes).isEmpty();
        assertThat(builder.retry).isEqualTo(RetryPolicy.ofDefaults());
        assertThat(builder.providerPolicies).containsExactly(Map.entry("openai", ProviderPolicy.ofDefaults()));
    }

    @Test
    void aProviderPolicyForAnUnaddedProviderFailsAtBuild() {
        Router.Builder builder = config("{\"providers\": {\"azure\": {\"weight\": 2}}}");

        assertThat(builder.providerPolicies.get("azure")).isEqualTo(new ProviderPolicy(2, null, null));
        assertThatThrownBy(builder::build).hasMessageStartingWith("providers.azure: no provider of that name");
    }
}
