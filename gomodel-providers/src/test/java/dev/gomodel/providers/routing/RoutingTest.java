package dev.gomodel.providers.routing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.chat.RouteReport;
import dev.gomodel.chat.RouteReport.Outcome;
import dev.gomodel.chat.Usage;
import dev.gomodel.error.InvalidRequestException;
import dev.gomodel.error.ProviderErrorException;
import dev.gomodel.error.RequestTimeoutException;
import dev.gomodel.error.StreamInterruptedException;
import dev.gomodel.providers.openai.OpenAiCompatible;
import dev.gomodel.providers.openai.OpenAiProvider;
import dev.gomodel.providers.testing.RecordingSubscriber;
import dev.gomodel.routing.CircuitBreakerPolicy;
import dev.gomodel.routing.LoadBalancing;
import dev.gomodel.routing.ProviderPolicy;
import dev.gomodel.routing.RetryPolicy;
import dev.gomodel.routing.Router;
import dev.gomodel.routing.RouterCall;
import dev.gomodel.routing.RouterListener;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The router over several real HTTP providers at once: each provider is an OpenAI-compatible
 * endpoint under its own path of one WireMock server.
 */
class RoutingTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final RetryPolicy FAST_RETRIES = RetryPolicy.builder().maxRetries(2).initialBackoff(Duration.ofMillis(10))
            .maxBackoff(Duration.ofMillis(50)).build();

    final RecordingListener listener = new RecordingListener();

    static String completion(String text) {
        return "{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":\"" + text + "\"},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":2,\"completion_tokens\":3,\"total_tokens\":5}}";
    }

    static ResponseDefinitionBuilder ok(String text) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(completion(text));
    }

    static ResponseDefinitionBuilder error(int status) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"failure " + status + "\",\"type\":\"server_error\"}}");
    }

    static String path(String provider) {
        return "/" + provider + "/v1/chat/completions";
    }

    static OpenAiProvider provider(String name, String... models) {
        OpenAiProvider.Builder builder = OpenAiProvider.builder().name(name).baseUrl(server.baseUrl() + "/" + name + "/v1");
        for (String model : models) {
            builder.model(model);
        }
        return builder.build();
    }

    static ChatRequest ask(String model) {
        return ChatRequest.builder().model(model).user("Hi").build();
    }

    static int requestsTo(String provider) {
        return server.findAll(postRequestedFor(urlEqualTo(path(provider)))).size();
    }

    @Test
    void a503ThenA200IsRetriedOnTheSameProvider() {
        server.stubFor(post(path("a")).inScenario("flaky").whenScenarioStateIs(STARTED).willReturn(error(503))
                .willSetStateTo("healthy"));
        server.stubFor(post(path("a")).inScenario("flaky").whenScenarioStateIs("healthy").willReturn(ok("second time")));
        Router router = Router.builder().provider(provider("a")).retry(FAST_RETRIES).listener(listener).build();

        ChatCompletion done = router.create(ask("gpt-4o"));

        assertThat(done.text()).isEqualTo("second time");
        assertThat(done.provider()).isEqualTo("a");
        assertThat(done.route().attempts()).extracting(RouteReport.Attempt::outcome)
                .containsExactly(Outcome.ERROR, Outcome.OK);
        assertThat(done.route().attempts().get(0).failure()).isInstanceOf(ProviderErrorException.class);
        assertThat(done.route().attempts().get(1).retry()).isEqualTo(1);
        assertThat(listener.events).containsExactly("start gpt-4o", "attempt a stage 0 retry 0",
                "finished a ERROR", "retry after ProviderErrorException", "attempt a stage 0 retry 1", "finished a OK",
                "completed 5 tokens");
        assertThat(requestsTo("a")).isEqualTo(2);
    }

    @Test
    void a429WithRetryAfterOneSecondIsWaitedFor() {
        server.stubFor(post(path("a")).inScenario("limited").whenScenarioStateIs(STARTED)
                .willReturn(error(429).withHeader("Retry-After", "1")).willSetStateTo("free"));
        server.stubFor(post(path("a")).inScenario("limited").whenScenarioStateIs("free").willReturn(ok("after waiting")));
        Router router = Router.builder().provider(provider("a")).retry(FAST_RETRIES).build();

        long start = System.nanoTime();
        ChatCompletion done = router.create(ask("gpt-4o"));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(done.text()).isEqualTo("after waiting");
        assertThat(elapsed).isBetween(Duration.ofMillis(950), Duration.ofMillis(2_500));
        assertThat(done.route().attempts().get(1).waited()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void a400IsNeitherRetriedNorFallenBackFrom() {
        server.stubFor(post(path("a")).willReturn(error(400)));
        server.stubFor(post(path("b")).willReturn(ok("never")));
        Router router = Router.builder().provider(provider("a")).provider(provider("b")).retry(FAST_RETRIES)
                .fallback("gpt-4o", "b/gpt-4o").listener(listener).build();

        Throwable thrown = catchThrowable(() -> router.create(ask("a/gpt-4o")));

        assertThat(thrown).isInstanceOf(InvalidRequestException.class);
        assertThat(requestsTo("a")).isEqualTo(1);
        assertThat(requestsTo("b")).isZero();
        assertThat(listener.events).last().isEqualTo("failed InvalidRequestException");
    }

    @Test
    void fallbackGoesAcrossThreeProvidersInOrderAndKeepsEveryFailure() {
        server.stubFor(post(path("a")).willReturn(error(500)));
        server.stubFor(post(path("b")).willReturn(error(503)));
        server.stubFor(post(path("c")).willReturn(ok("from c")));
        Router router = Router.builder().provider(provider("a")).provider(provider("b")).provider(provider("c"))
                .retry(RetryPolicy.none()).fallback("gpt-4o", "b/gpt-4o-b", "c/gpt-4o-c").listener(listener).build();

        ChatCompletion done = router.create(ask("a/gpt-4o"));

        assertThat(done.text()).isEqualTo("from c");
        assertThat(done.route().servedBy()).isEqualTo("c");
        assertThat(done.route().attempts()).extracting(a -> a.provider() + "/" + a.model() + " " + a.stage())
                .containsExactly("a/gpt-4o 0", "b/gpt-4o-b 1", "c/gpt-4o-c 2");
        server.verify(postRequestedFor(urlEqualTo(path("c"))).withRequestBody(matchingJsonPath("$.model",
                equalTo("gpt-4o-c"))));
    }

    @Test
    void whenEveryStageFailsTheLastFailureIsThrownWithTheOthersSuppressed() {
        server.stubFor(post(path("a")).willReturn(error(500)));
        server.stubFor(post(path("b")).willReturn(error(503)));
        Router router = Router.builder().provider(provider("a")).provider(provider("b")).retry(RetryPolicy.none())
                .fallback("gpt-4o", "b/gpt-4o").build();

        Throwable thrown = catchThrowable(() -> router.create(ask("a/gpt-4o")));

        assertThat(thrown).isInstanceOf(ProviderErrorException.class).hasMessageContaining("503");
        assertThat(thrown.getSuppressed()).singleElement().satisfies(s -> assertThat(s).hasMessageContaining("500"));
    }

    @Test
    void anOpenCircuitIsSkippedThenProbedHalfOpenThenClosed() throws Exception {
        server.stubFor(post(path("a")).inScenario("outage").whenScenarioStateIs(STARTED).willReturn(error(500)));
        server.stubFor(post(path("b")).willReturn(ok("from b")));
        Router router = Router.builder().provider(provider("a")).provider(provider("b")).retry(RetryPolicy.none())
                .circuitBreaker(new CircuitBreakerPolicy(2, Duration.ofMillis(400), 2))
                .fallback("gpt-4o", "b/gpt-4o").build();

        // Two failures open a's circuit; each call falls back to b.
        assertThat(router.create(ask("a/gpt-4o")).route().servedBy()).isEqualTo("b");
        assertThat(router.create(ask("a/gpt-4o")).route().servedBy()).isEqualTo("b");
        // Open: a is skipped without a request.
        ChatCompletion skipped = router.create(ask("a/gpt-4o"));
        assertThat(skipped.route().attempts()).extracting(RouteReport.Attempt::provider, RouteReport.Attempt::outcome)
                .containsExactly(tuple("a", Outcome.SKIPPED_CIRCUIT_OPEN),
                        tuple("b", Outcome.OK));
        assertThat(requestsTo("a")).isEqualTo(2);

        // a recovers; after the cool-down one probe goes through, and two successes close it.
        server.stubFor(post(path("a")).inScenario("outage").whenScenarioStateIs(STARTED).willReturn(ok("from a")));
        Thread.sleep(450);
        assertThat(router.create(ask("a/gpt-4o")).route().servedBy()).isEqualTo("a");
        assertThat(router.create(ask("a/gpt-4o")).route().servedBy()).isEqualTo("a");
        assertThat(router.create(ask("a/gpt-4o")).route().attempts()).singleElement()
                .satisfies(attempt -> assertThat(attempt.outcome()).isEqualTo(Outcome.OK));
        assertThat(requestsTo("a")).isEqualTo(5);
    }

    @Test
    void aWeightedPoolWithAFixedSeedSplitsAsWeighted() {
        server.stubFor(post(path("a")).willReturn(ok("a")));
        server.stubFor(post(path("b")).willReturn(ok("b")));
        Router router = Router.builder()
                .provider(provider("a", "llama-3.3-70b"), ProviderPolicy.ofDefaults().withWeight(1))
                .provider(provider("b", "llama-3.3-70b"), ProviderPolicy.ofDefaults().withWeight(3))
                .random(new Random(7)).build();
        Map<String, Integer> served = new HashMap<>();

        for (int i = 0; i < 1_000; i++) {
            served.merge(router.create(ask("llama-3.3-70b")).provider(), 1, Integer::sum);
        }

        assertThat(served.get("a")).isBetween(200, 300);
        assertThat(served.get("b")).isBetween(700, 800);
        assertThat(served.get("a") + served.get("b")).isEqualTo(1_000);
    }

    @Test
    void roundRobinTakesTurnsExactly() {
        for (String name : List.of("a", "b", "c")) {
            server.stubFor(post(path(name)).willReturn(ok(name)));
        }
        Router router = Router.builder().provider(provider("a", "m")).provider(provider("b", "m"))
                .provider(provider("c", "m")).loadBalancing(LoadBalancing.ROUND_ROBIN).build();

        StringBuilder order = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            order.append(router.create(ask("m")).provider());
        }

        assertThat(order).hasToString("abcabc");
    }

    @Test
    void anAliasNamesAPool() {
        server.stubFor(post(path("a")).willReturn(ok("a")));
        server.stubFor(post(path("b")).willReturn(ok("b")));
        Router router = Router.builder().provider(provider("a")).provider(provider("b"))
                .alias("fast", "a/llama-fast", "b/llama-fast").loadBalancing(LoadBalancing.ROUND_ROBIN).build();

        assertThat(router.create(ask("fast")).provider()).isEqualTo("a");
        assertThat(router.create(ask("fast")).provider()).isEqualTo("b");
        server.verify(postRequestedFor(urlEqualTo(path("b"))).withRequestBody(matchingJsonPath("$.model",
                equalTo("llama-fast"))));
    }

    @Test
    void anAttemptTimeoutCutsASlowProviderAndTheCallFallsBackWithinItsDeadline() {
        server.stubFor(post(path("slow")).willReturn(ok("too late").withFixedDelay(3_000)));
        server.stubFor(post(path("b")).willReturn(ok("from b")));
        Router router = Router.builder().provider(provider("slow")).provider(provider("b")).retry(RetryPolicy.none())
                .deadline(Duration.ofSeconds(2)).attemptTimeout(Duration.ofMillis(300))
                .fallback("gpt-4o", "b/gpt-4o").build();

        long start = System.nanoTime();
        ChatCompletion done = router.create(ask("slow/gpt-4o"));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(done.text()).isEqualTo("from b");
        assertThat(done.route().attempts().get(0).outcome()).isEqualTo(Outcome.TIMED_OUT);
        assertThat(elapsed).isLessThan(Duration.ofMillis(1_500));
    }

    @Test
    void theTotalDeadlineEndsACallThatCannotFinishInTime() {
        server.stubFor(post(path("slow")).willReturn(ok("too late").withFixedDelay(3_000)));
        Router router = Router.builder().provider(provider("slow")).deadline(Duration.ofMillis(400))
                .listener(listener).build();

        long start = System.nanoTime();
        Throwable thrown = catchThrowable(() -> router.create(ask("gpt-4o")));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(thrown).isInstanceOf(RequestTimeoutException.class);
        assertThat(((RequestTimeoutException) thrown).phase()).isEqualTo(RequestTimeoutException.Phase.TOTAL);
        assertThat(elapsed).isLessThan(Duration.ofMillis(800));
        assertThat(listener.lastRoute.attempts()).singleElement()
                .satisfies(a -> assertThat(a.outcome()).isEqualTo(Outcome.TIMED_OUT));
    }

    @Test
    void noRetryStartsWhoseWaitWouldPassTheDeadline() {
        server.stubFor(post(path("a")).willReturn(error(503).withHeader("Retry-After", "5")));
        Router router = Router.builder().provider(provider("a")).retry(FAST_RETRIES).deadline(Duration.ofSeconds(2))
                .build();

        long start = System.nanoTime();
        Throwable thrown = catchThrowable(() -> router.create(ask("gpt-4o")));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(thrown).isInstanceOf(ProviderErrorException.class);
        assertThat(elapsed).isLessThan(Duration.ofMillis(1_000));
        assertThat(requestsTo("a")).isEqualTo(1);
    }

    @Test
    void cancellingDuringABackoffWaitIssuesNoFurtherAttempt() throws Exception {
        server.stubFor(post(path("a")).willReturn(error(503).withHeader("Retry-After", "1")));
        Router router = Router.builder().provider(provider("a")).retry(FAST_RETRIES).listener(listener).build();

        CompletableFuture<ChatCompletion> call = router.createAsync(ask("gpt-4o"));
        Thread.sleep(300);
        call.cancel(true);
        Thread.sleep(1_500);

        assertThat(requestsTo("a")).isEqualTo(1);
        assertThat(call).isCancelled();
        assertThat(listener.events).last().isEqualTo("cancelled");
    }

    static String chunk(String content, String finish) {
        return "data: {\"id\":\"s\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{"
                + "\"index\":0,\"delta\":{" + (content == null ? "\"role\":\"assistant\"" : "\"content\":\"" + content + "\"")
                + "},\"finish_reason\":" + (finish == null ? "null" : "\"" + finish + "\"") + "}]}\n\n";
    }

    static ResponseDefinitionBuilder sse(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body);
    }

    @Test
    void aStreamWhoseFirstProviderFailsBeforeContentFallsOverInvisibly() throws Exception {
        server.stubFor(post(path("a")).willReturn(sse(chunk(null, null)
                + "data: {\"error\":{\"message\":\"Overloaded\",\"type\":\"server_error\"}}\n\n")));
        server.stubFor(post(path("b")).willReturn(sse(chunk(null, null) + chunk("Hello", null) + chunk(" there", "stop")
                + "data: [DONE]\n\n")));
        Router router = Router.builder().provider(provider("a")).provider(provider("b")).retry(RetryPolicy.none())
                .fallback("gpt-4o", "b/gpt-4o").listener(listener).build();
        RecordingSubscriber<ChatCompletionChunk> subscriber = new RecordingSubscriber<>(Long.MAX_VALUE);

        router.stream(ask("a/gpt-4o")).subscribe(subscriber);

        assertThat(subscriber.awaitTerminal(10, TimeUnit.SECONDS)).isTrue();
        assertThat(subscriber.completed()).isTrue();
        assertThat(subscriber.items).extracting(ChatCompletionChunk::provider).containsOnly("b");
        assertThat(subscriber.items).extracting(ChatCompletionChunk::text).containsExactly(null, "Hello", " there");
        assertThat(subscriber.violations).isEmpty();
        assertThat(listener.events).containsSubsequence("finished a ERROR", "attempt b stage 1 retry 0", "first token",
                "finished b OK", "completed");
    }

    @Test
    void aStreamThatFailsAfterThreeChunksEndsWithTheTypedErrorAndExactlyThreeChunks() throws Exception {
        server.stubFor(post(path("a")).willReturn(sse(chunk("one", null) + chunk(" two", null) + chunk(" three", null)
                + "data: {\"error\":{\"message\":\"Overloaded\",\"type\":\"server_error\"}}\n\n")));
        server.stubFor(post(path("b")).willReturn(sse(chunk("never", "stop") + "data: [DONE]\n\n")));
        Router router = Router.builder().provider(provider("a")).provider(provider("b")).retry(FAST_RETRIES)
                .fallback("gpt-4o", "b/gpt-4o").build();
        RecordingSubscriber<ChatCompletionChunk> subscriber = new RecordingSubscriber<>(Long.MAX_VALUE);

        router.stream(ask("a/gpt-4o")).subscribe(subscriber);

        assertThat(subscriber.awaitTerminal(10, TimeUnit.SECONDS)).isTrue();
        assertThat(subscriber.items).hasSize(3);
        assertThat(subscriber.error()).isInstanceOf(StreamInterruptedException.class)
                .hasCauseInstanceOf(ProviderErrorException.class);
        assertThat(((StreamInterruptedException) subscriber.error()).chunksDelivered()).isEqualTo(3);
        assertThat(requestsTo("a")).isEqualTo(1);
        assertThat(requestsTo("b")).isZero();
        assertThat(subscriber.violations).isEmpty();
    }

    @Test
    void aStreamedCompletionReportsItsRoute() {
        server.stubFor(post(path("a")).willReturn(sse(chunk("Hi", "stop") + "data: [DONE]\n\n")));
        Router router = Router.builder().provider(provider("a")).build();

        ChatCompletion done = router.stream(ask("gpt-4o"), chunk -> { }).join();

        assertThat(done.text()).isEqualTo("Hi");
        assertThat(done.route().servedBy()).isEqualTo("a");
    }

    @Test
    void aRouterIsConfiguredFromJson() {
        server.stubFor(post(path("a")).willReturn(error(503)));
        server.stubFor(post(path("b")).willReturn(ok("from b")));
        Router router = Router.builder().provider(provider("a")).provider(provider("b")).config("""
                {"aliases": {"smart": "a/gpt-4o"},
                 "fallbacks": {"smart": ["b/gpt-4o"]},
                 "retry": {"max_retries": 1, "initial_backoff": "10ms", "max_backoff": "20ms"}}
                """).build();

        ChatCompletion done = router.create(ask("smart"));

        assertThat(done.route().attempts()).extracting(a -> a.provider() + " " + a.outcome())
                .containsExactly("a ERROR", "a ERROR", "b OK");
    }

    @Test
    void aPerRequestDeadlineOverridesTheRoutesAndBoundsRetryWaits() {
        server.stubFor(post(path("slow")).willReturn(ok("too late").withFixedDelay(3_000)));
        server.stubFor(post(path("a")).willReturn(error(503).withHeader("Retry-After", "5")));
        Router router = Router.builder().provider(provider("slow")).provider(provider("a")).retry(FAST_RETRIES)
                .deadline(Duration.ofMinutes(1)).build();

        long start = System.nanoTime();
        Throwable slow = catchThrowable(() -> router.withDeadline(Duration.ofMillis(300)).create(ask("slow/gpt-4o")));
        Throwable limited = catchThrowable(() -> router.withDeadline(Duration.ofSeconds(2)).create(ask("a/gpt-4o")));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(slow).isInstanceOf(RequestTimeoutException.class);
        assertThat(((RequestTimeoutException) slow).limit()).isEqualTo(Duration.ofMillis(300));
        assertThat(limited).isInstanceOf(ProviderErrorException.class);
        assertThat(requestsTo("a")).isEqualTo(1);
        assertThat(elapsed).isLessThan(Duration.ofMillis(1_500));
    }

    @Test
    void aListenerThatThrowsNeverBreaksACall() {
        server.stubFor(post(path("a")).willReturn(ok("fine")));
        server.stubFor(post(path("a")).withHeader("Accept", equalTo("text/event-stream"))
                .willReturn(sse(chunk("streamed fine", "stop") + "data: [DONE]\n\n")));
        Router router = Router.builder().provider(provider("a")).listener(new RouterListener() {
            @Override
            public void callStarted(RouterCall call) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void callCompleted(RouterCall call, Usage usage,
                    RouteReport route) {
                throw new IllegalStateException("listener bug");
            }
        }).build();

        assertThat(router.create(ask("gpt-4o")).text()).isEqualTo("fine");
        assertThat(router.stream(ask("gpt-4o"), chunk -> { }).join().text()).isEqualTo("streamed fine");
    }

    @Test
    void aStreamThatMissesItsFirstTokenTimeoutFallsBack() throws Exception {
        server.stubFor(post(path("slow")).willReturn(sse(chunk("late", "stop") + "data: [DONE]\n\n")
                .withFixedDelay(3_000)));
        server.stubFor(post(path("b")).willReturn(sse(chunk("quick", "stop") + "data: [DONE]\n\n")));
        Router router = Router.builder().provider(provider("slow")).provider(provider("b")).retry(RetryPolicy.none())
                .firstTokenTimeout(Duration.ofMillis(300)).fallback("gpt-4o", "b/gpt-4o").build();
        RecordingSubscriber<ChatCompletionChunk> subscriber = new RecordingSubscriber<>(Long.MAX_VALUE);

        long start = System.nanoTime();
        router.stream(ask("slow/gpt-4o")).subscribe(subscriber);
        assertThat(subscriber.awaitTerminal(10, TimeUnit.SECONDS)).isTrue();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(subscriber.completed()).isTrue();
        assertThat(subscriber.items).extracting(ChatCompletionChunk::text).containsExactly("quick");
        assertThat(elapsed).isLessThan(Duration.ofMillis(1_500));
    }

    @Test
    void cancellingAStreamDuringABackoffWaitIssuesNoFurtherAttempt() throws Exception {
        server.stubFor(post(path("a")).willReturn(error(503).withHeader("Retry-After", "1")));
        Router router = Router.builder().provider(provider("a")).retry(FAST_RETRIES).listener(listener).build();
        RecordingSubscriber<ChatCompletionChunk> subscriber = new RecordingSubscriber<>(Long.MAX_VALUE);

        router.stream(ask("gpt-4o")).subscribe(subscriber);
        Thread.sleep(300);
        subscriber.cancel();
        Thread.sleep(1_500);

        assertThat(requestsTo("a")).isEqualTo(1);
        assertThat(subscriber.terminalSignals()).isZero();
        assertThat(listener.events).last().isEqualTo("cancelled");
    }

    @Test
    void aGatewayReceivesAnUnknownProviderHintAndTheModelAsWritten() {
        server.stubFor(post("/gateway/v1/chat/completions").willReturn(ok("from the gateway")));
        server.stubFor(post(path("a")).willReturn(ok("from a")));
        Router router = Router.builder().provider(provider("a", "gpt-4o"))
                .provider(OpenAiCompatible.goModel(server.baseUrl() + "/gateway").name("gateway").build()).build();

        ChatCompletion done = router.create(ChatRequest.builder().model("claude-sonnet-4-5").provider("anthropic")
                .user("Hi").build());

        assertThat(done.text()).isEqualTo("from the gateway");
        server.verify(postRequestedFor(urlEqualTo("/gateway/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.provider", equalTo("anthropic")))
                .withRequestBody(matchingJsonPath("$.model", equalTo("claude-sonnet-4-5"))));
        assertThat(router.create(ask("a/gpt-4o")).provider()).isEqualTo("a");
    }
}
