package dev.gomodel.providers.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.gomodel.ChunkStream;
import dev.gomodel.StreamHandler;
import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.chat.JsonValue;
import dev.gomodel.error.ApiException;
import dev.gomodel.error.AuthenticationException;
import dev.gomodel.error.IncompleteStreamException;
import dev.gomodel.error.InvalidRequestException;
import dev.gomodel.error.MalformedResponseException;
import dev.gomodel.error.NotFoundException;
import dev.gomodel.error.ProviderErrorException;
import dev.gomodel.error.RateLimitException;
import dev.gomodel.error.RequestTimeoutException;
import dev.gomodel.providers.Timeouts;
import dev.gomodel.providers.testing.RecordingSubscriber;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The OpenAI provider against WireMock speaking OpenAI's documented wire format. */
class OpenAiProviderTest {

    static final String KEY = "sk-test-0123456789abcdef";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().globalTemplating(true))
            .build();

    static String fixture(String name) {
        try (InputStream in = OpenAiProviderTest.class.getResourceAsStream("/openai/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static OpenAiProvider.Builder provider() {
        return OpenAiProvider.builder().apiKey(KEY).baseUrl(server.baseUrl() + "/v1");
    }

    static ChatRequest hello() {
        return ChatRequest.builder().model("gpt-4o-mini").system("Be brief.").user("Hello").build();
    }

    static void stubCompletion(String body) {
        server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    static void stubStream(String body) {
        server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(body)));
    }

    @Test
    void createSendsTheExactBodyAndHeadersAndParsesTheCompletion() {
        stubCompletion(fixture("completion.json"));
        OpenAiProvider openai = provider().header("OpenAI-Organization", "org-42")
                .extraBody("user", JsonValue.of("u-1")).build();

        ChatCompletion completion = openai.create(ChatRequest.builder().model("gpt-4o-mini").system("Be brief.")
                .user("Hello").maxTokens(50).temperature(0.2).extra("seed", JsonValue.of(7)).build());

        server.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("OpenAI-Organization", equalTo("org-42"))
                .withRequestBody(equalToJson("""
                        {"model":"gpt-4o-mini",
                         "messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hello"}],
                         "max_tokens":50,"temperature":0.2,"seed":7,"user":"u-1"}""")));
        assertThat(completion.id()).isEqualTo("chatcmpl-abc123");
        assertThat(completion.text()).isEqualTo("Hello! How can I help you today?");
        assertThat(completion.finishReason()).isEqualTo("stop");
        assertThat(completion.usage().totalTokens()).isEqualTo(29);
        assertThat(completion.usage().promptTokensDetails().cachedTokens()).isZero();
        assertThat(completion.systemFingerprint()).isEqualTo("fp_06737a9306");
        assertThat(completion.extra()).containsEntry("service_tier", JsonValue.of("default"));
        assertThat(completion.message().extra()).containsKeys("refusal", "annotations");
    }

    @Test
    void reasoningModelsGetMaxCompletionTokensNoTemperatureAndReasoningEffort() {
        stubCompletion(fixture("completion.json"));
        provider().build().create(ChatRequest.builder().model("o3-mini").user("Think").maxTokens(500)
                .temperature(0.5).reasoningEffort("high").build());

        server.verify(postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(equalToJson("""
                {"model":"o3-mini","messages":[{"role":"user","content":"Think"}],
                 "reasoning_effort":"high","max_completion_tokens":500}""")));
    }

    @Test
    void aProviderHintIsNeverSentUpstream() {
        stubCompletion(fixture("completion.json"));
        provider().build().create(ChatRequest.builder().model("gpt-4o-mini").provider("openai").user("Hi").build());

        server.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(equalToJson("""
                        {"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hi"}]}""")));
    }

    static Stream<Arguments> errorStatuses() {
        return Stream.of(
                Arguments.of(400, InvalidRequestException.class, "invalid_request_error", "bad_param"),
                Arguments.of(401, AuthenticationException.class, "invalid_request_error", "invalid_api_key"),
                Arguments.of(403, AuthenticationException.class, "permission_error", "forbidden"),
                Arguments.of(404, NotFoundException.class, "invalid_request_error", "model_not_found"),
                Arguments.of(429, RateLimitException.class, "rate_limit_error", "rate_limit_exceeded"),
                Arguments.of(500, ProviderErrorException.class, "server_error", "internal"),
                Arguments.of(503, ProviderErrorException.class, "server_error", "overloaded"));
    }

    @ParameterizedTest
    @MethodSource("errorStatuses")
    void errorStatusesMapToTypedExceptions(int status, Class<? extends ApiException> type, String errorType,
            String code) {
        server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-request-id", "req_" + status)
                .withHeader("Retry-After", "7")
                .withBody("{\"error\":{\"message\":\"Failure " + status + "\",\"type\":\"" + errorType
                        + "\",\"param\":\"model\",\"code\":\"" + code + "\"}}")));

        Throwable thrown = catchThrowable(() -> provider().build().create(hello()));

        assertThat(thrown).isExactlyInstanceOf(type);
        ApiException error = (ApiException) thrown;
        assertThat(error.status()).isEqualTo(status);
        assertThat(error.code()).isEqualTo(code);
        assertThat(error.type()).isEqualTo(errorType);
        assertThat(error.param()).isEqualTo("model");
        assertThat(error.requestId()).isEqualTo("req_" + status);
        assertThat(error.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(error.provider()).isEqualTo("openai");
        assertThat(error.getMessage()).contains("Failure " + status).contains("HTTP " + status).doesNotContain(KEY);
        assertThat(error.bodySnippet()).contains("Failure " + status);
    }

    @Test
    void anErrorStatusDuringAStreamIsTheSameTypedException() throws Exception {
        server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withHeader("retry-after-ms", "1500")
                .withBody("{\"error\":{\"message\":\"Slow down\",\"type\":\"rate_limit_error\"}}")));
        RecordingSubscriber<ChatCompletionChunk> subscriber = new RecordingSubscriber<>(10);

        provider().build().stream(hello()).subscribe(subscriber);

        assertThat(subscriber.awaitTerminal(10, TimeUnit.SECONDS)).isTrue();
        assertThat(subscriber.error()).isInstanceOf(RateLimitException.class);
        assertThat(((RateLimitException) subscriber.error()).retryAfter()).contains(Duration.ofMillis(1500));
        assertThat(subscriber.items).isEmpty();
        assertThat(subscriber.violations).isEmpty();
    }

    @Test
    void a200WithAnErrorEnvelopeIsATypedError() {
        stubCompletion("{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}");

        assertThatThrownBy(() -> provider().build().create(hello()))
                .isInstanceOf(ProviderErrorException.class)
                .hasMessageContaining("The server had an error");
    }

    @Test
    void malformedJsonWith200IsAMalformedResponse() {
        stubCompletion("{\"id\": \"x\", \"choices\": [");

        assertThatThrownBy(() -> provider().build().create(hello()))
                .isInstanceOf(MalformedResponseException.class);
    }

    @ParameterizedTest
    @MethodSource("waysToCall")
    void theResponseHeadersTimeoutFiresWithinTwiceItsSetting(String way) {
        server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200).withFixedDelay(5_000)
                .withHeader("Content-Type", "application/json").withBody(fixture("completion.json"))));
        Duration limit = Duration.ofMillis(400);
        OpenAiProvider openai = provider().timeouts(Timeouts.defaults().withResponseHeaders(limit)).build();

        long start = System.nanoTime();
        Throwable thrown = catchThrowable(() -> {
            switch (way) {
                case "create" -> openai.create(hello());
                case "createAsync" -> openai.createAsync(hello()).join();
                default -> openai.streamBlocking(hello()).forEach(chunk -> { });
            }
        });
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        if (thrown instanceof java.util.concurrent.CompletionException) {
            thrown = thrown.getCause();
        }
        assertThat(thrown).isInstanceOf(RequestTimeoutException.class);
        assertThat(((RequestTimeoutException) thrown).phase()).isEqualTo(RequestTimeoutException.Phase.RESPONSE_HEADERS);
        assertThat(elapsed).isGreaterThanOrEqualTo(limit).isLessThan(limit.multipliedBy(2));
        // A blocking send ended by interrupting its thread leaves no interrupt behind.
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    static Stream<String> waysToCall() {
        return Stream.of("create", "createAsync", "stream");
    }

    @Test
    void theTotalDeadlineEndsASlowCall() {
        server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200).withFixedDelay(5_000)
                .withHeader("Content-Type", "application/json").withBody(fixture("completion.json"))));
        Duration limit = Duration.ofMillis(300);
        OpenAiProvider openai = provider().timeouts(Timeouts.defaults().withTotal(limit)).build();

        long start = System.nanoTime();
        Throwable thrown = catchThrowable(() -> openai.create(hello()));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(thrown).isInstanceOf(RequestTimeoutException.class);
        assertThat(((RequestTimeoutException) thrown).phase()).isEqualTo(RequestTimeoutException.Phase.TOTAL);
        assertThat(elapsed).isLessThan(limit.multipliedBy(2));
    }

    @Test
    void aStreamIsDecodedSendsStreamOptionsAndAccumulatesWithUsage() throws Exception {
        stubStream(fixture("stream.sse"));
        RecordingSubscriber<ChatCompletionChunk> subscriber = new RecordingSubscriber<>(Long.MAX_VALUE);

        provider().build().stream(hello()).subscribe(subscriber);

        assertThat(subscriber.awaitTerminal(10, TimeUnit.SECONDS)).isTrue();
        assertThat(subscriber.completed()).isTrue();
        assertThat(subscriber.violations).isEmpty();
        assertThat(subscriber.items).hasSize(6);
        assertThat(subscriber.items.stream().map(ChatCompletionChunk::text).filter(t -> t != null).toList())
                .containsExactly("", "Hel", "lo, ", "world");
        assertThat(subscriber.items.get(5).usage().totalTokens()).isEqualTo(12);
        server.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Accept", equalTo("text/event-stream"))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.stream_options.include_usage", equalTo("true"))));
    }

    @Test
    void streamUsageCanBeTurnedOff() throws Exception {
        stubStream(fixture("stream.sse"));
        RecordingSubscriber<ChatCompletionChunk> subscriber = new RecordingSubscriber<>(Long.MAX_VALUE);

        provider().streamUsage(false).build().stream(hello()).subscribe(subscriber);

        assertThat(subscriber.awaitTerminal(10, TimeUnit.SECONDS)).isTrue();
        server.verify(postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(equalToJson("""
                {"model":"gpt-4o-mini","messages":[{"role":"system","content":"Be brief."},
                 {"role":"user","content":"Hello"}],"stream":true}""")));
    }

    @Test
    void theHandlerGetsChunksThenTheAccumulatedCompletion() throws Exception {
        stubStream(fixture("stream-tool-call.sse"));
        List<ChatCompletionChunk> chunks = new CopyOnWriteArrayList<>();
        CompletableFuture<ChatCompletion> completed = new CompletableFuture<>();

        CompletableFuture<ChatCompletion> result = provider().build().stream(hello(), new StreamHandler() {
            @Override
            public void onChunk(ChatCompletionChunk chunk) {
                chunks.add(chunk);
            }

            @Override
            public void onComplete(ChatCompletion completion) {
                completed.complete(completion);
            }
        });

        ChatCompletion completion = result.get(10, TimeUnit.SECONDS);
        assertThat(completed.get(1, TimeUnit.SECONDS)).isSameAs(completion);
        assertThat(chunks).hasSize(4);
        assertThat(completion.finishReason()).isEqualTo("tool_calls");
        assertThat(completion.toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.id()).isEqualTo("call_abc");
            assertThat(call.function().name()).isEqualTo("get_weather");
            assertThat(call.function().arguments()).isEqualTo("{\"city\":\"Paris\"}");
        });
    }

    @Test
    void blockingIterationReadsEveryChunkAndTheCompletion() {
        stubStream(fixture("stream.sse"));
        StringBuilder text = new StringBuilder();

        try (ChunkStream chunks = provider().build().streamBlocking(hello())) {
            for (ChatCompletionChunk chunk : chunks) {
                if (chunk.text() != null) {
                    text.append(chunk.text());
                }
            }
            assertThat(chunks.completion().text()).isEqualTo("Hello, world");
            assertThat(chunks.completion().usage().totalTokens()).isEqualTo(12);
        }
        assertThat(text).hasToString("Hello, world");
    }

    @Test
    void anErrorEventInsideA200StreamFailsWithTheTypedError() throws Exception {
        stubStream("""
                data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":null}]}

                data: {"error":{"message":"Overloaded","type":"server_error","code":"overloaded"}}

                """);
        RecordingSubscriber<ChatCompletionChunk> subscriber = new RecordingSubscriber<>(Long.MAX_VALUE);

        provider().build().stream(hello()).subscribe(subscriber);

        assertThat(subscriber.awaitTerminal(10, TimeUnit.SECONDS)).isTrue();
        assertThat(subscriber.items).hasSize(1);
        assertThat(subscriber.error()).isInstanceOf(ProviderErrorException.class).hasMessageContaining("Overloaded");
        assertThat(((ApiException) subscriber.error()).code()).isEqualTo("overloaded");
        assertThat(subscriber.violations).isEmpty();
    }

    @Test
    void chunksThatArrivedBeforeAnErrorAreAllDeliveredFirstEvenOneRequestAtATime() throws Exception {
        stubStream("""
                data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"a"},"finish_reason":null}]}

                data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"b"},"finish_reason":null}]}

                data: {"error":{"message":"Overloaded","type":"server_error"}}

                """);
        RecordingSubscriber<ChatCompletionChunk> subscriber = new RecordingSubscriber<>(1);

        provider().build().stream(hello()).subscribe(subscriber);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (subscriber.items.size() < 1 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(100);
        assertThat(subscriber.terminalSignals()).isZero();
        subscriber.request(1);

        assertThat(subscriber.awaitTerminal(10, TimeUnit.SECONDS)).isTrue();
        assertThat(subscriber.items).extracting(ChatCompletionChunk::text).containsExactly("a", "b");
        assertThat(subscriber.error()).isInstanceOf(ProviderErrorException.class);
        assertThat(subscriber.violations).isEmpty();
    }

    @Test
    void theEndOfBodyAfterAFinishReasonCompletesWithoutDone() throws Exception {
        stubStream("""
                data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":null}]}

                data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}

                """);
        RecordingSubscriber<ChatCompletionChunk> subscriber = new RecordingSubscriber<>(Long.MAX_VALUE);

        provider().build().stream(hello()).subscribe(subscriber);

        assertThat(subscriber.awaitTerminal(10, TimeUnit.SECONDS)).isTrue();
        assertThat(subscriber.completed()).isTrue();
        assertThat(subscriber.items).hasSize(2);
    }

    @Test
    void theEndOfBodyWithoutDoneOrFinishReasonIsAnIncompleteStream() throws Exception {
        stubStream("""
                data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":null}]}

                data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":" there"},"finish_reason":null}]}

                """);
        RecordingSubscriber<ChatCompletionChunk> subscriber = new RecordingSubscriber<>(Long.MAX_VALUE);

        provider().build().stream(hello()).subscribe(subscriber);

        assertThat(subscriber.awaitTerminal(10, TimeUnit.SECONDS)).isTrue();
        assertThat(subscriber.items).hasSize(2);
        assertThat(subscriber.error()).isInstanceOf(IncompleteStreamException.class);
        assertThat(((IncompleteStreamException) subscriber.error()).chunksDelivered()).isEqualTo(2);
        assertThat(subscriber.violations).isEmpty();
    }

    @Test
    void aSubscriberRequestingOneChunkAtATimeGetsExactlyOnePerRequest() throws Exception {
        stubStream(fixture("stream.sse"));
        RecordingSubscriber<ChatCompletionChunk> subscriber = new RecordingSubscriber<>(0);

        provider().build().stream(hello()).subscribe(subscriber);

        for (int expected = 1; expected <= 6; expected++) {
            subscriber.request(1);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (subscriber.items.size() < expected && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Thread.sleep(50);
            assertThat(subscriber.items).hasSize(expected);
        }
        assertThat(subscriber.awaitTerminal(10, TimeUnit.SECONDS)).isTrue();
        assertThat(subscriber.completed()).isTrue();
        assertThat(subscriber.items).hasSize(6);
        assertThat(subscriber.violations).isEmpty();
    }

    @Test
    void oneProviderSharedBy32ThreadsGives32CorrectAnswers() throws Exception {
        server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"id":"c","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,
                         "message":{"role":"assistant","content":"echo {{jsonPath request.body '$.messages[0].content'}}"},
                         "finish_reason":"stop"}],"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}""")));
        OpenAiProvider openai = provider().build();
        List<Thread> threads = new ArrayList<>();
        List<String> answers = new CopyOnWriteArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();

        for (int i = 0; i < 32; i++) {
            String question = "question " + i;
            Thread thread = new Thread(() -> {
                try {
                    ChatCompletion done = openai.create(ChatRequest.builder().model("m").user(question).build());
                    answers.add(question + " -> " + done.text());
                } catch (Throwable t) {
                    failures.add(t);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join(30_000);
        }

        assertThat(failures).isEmpty();
        assertThat(answers).hasSize(32).allSatisfy(answer -> {
            String[] parts = answer.split(" -> ");
            assertThat(parts[1]).isEqualTo("echo " + parts[0]);
        });
    }

    @Test
    void toStringAndErrorsNeverShowTheKey() {
        server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Incorrect API key provided\",\"code\":\"invalid_api_key\"}}")));
        OpenAiProvider openai = provider().build();

        Throwable thrown = catchThrowable(() -> openai.create(hello()));

        assertThat(openai.toString()).doesNotContain(KEY).contains("***");
        assertThat(thrown).isInstanceOf(AuthenticationException.class);
        assertThat(thrown.getMessage()).doesNotContain(KEY);
        assertThat(thrown.toString()).doesNotContain(KEY);
    }

    @Test
    void aConfiguredHeaderReplacesTheDefaultOfTheSameNameInsteadOfDuplicatingIt() {
        stubCompletion(fixture("completion.json"));
        try (OpenAiProvider openai = provider().header("user-agent", "my-app/1.0").header("Authorization", "Bearer other")
                .build()) {
            openai.create(hello());
        }

        var headers = server.getAllServeEvents().get(0).getRequest().getHeaders();
        assertThat(headers.getHeader("User-Agent").values()).containsExactly("my-app/1.0");
        // The provider's own key wins over a header that names the same thing.
        assertThat(headers.getHeader("Authorization").values()).containsExactly("Bearer " + KEY);
    }

    @Test
    void callsAfterCloseFailClearly() {
        OpenAiProvider openai = provider().build();
        openai.close();

        assertThatThrownBy(() -> openai.create(hello())).hasMessageContaining("openai: the provider is closed");
    }

    @Test
    void builderRejectsBadSettingsNamingThem() {
        assertThatThrownBy(() -> OpenAiProvider.builder().baseUrl("ftp://x")).hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> OpenAiProvider.builder().apiKey(" ")).hasMessageContaining("apiKey");
        assertThatThrownBy(() -> OpenAiProvider.builder().maxEventBytes(0)).hasMessageContaining("maxEventBytes");
        assertThatThrownBy(() -> Timeouts.defaults().withIdle(Duration.ZERO)).hasMessageContaining("timeouts.idle");
    }
}
