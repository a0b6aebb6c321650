package dev.gomodel.providers.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.chat.JsonValue;
import dev.gomodel.error.ApiException;
import dev.gomodel.json.ChatJson;
import dev.gomodel.error.NotFoundException;
import dev.gomodel.error.ProviderErrorException;
import dev.gomodel.error.RateLimitException;
import dev.gomodel.providers.testing.RecordingSubscriber;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What single upstreams do differently: Groq, DeepSeek, OpenRouter, Azure and the GoModel gateway. */
class OpenAiCompatibleQuirksTest {

    static final String KEY = "sk-quirks-0123456789";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static String fixture(String path) {
        try (InputStream in = OpenAiCompatibleQuirksTest.class.getResourceAsStream("/presets/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static void stub(int status, String contentType, String body) {
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", contentType).withBody(body)));
    }

    static List<ChatCompletionChunk> streamAll(OpenAiProvider provider, ChatRequest request) throws InterruptedException {
        RecordingSubscriber<ChatCompletionChunk> subscriber = new RecordingSubscriber<>(Long.MAX_VALUE);
        provider.stream(request).subscribe(subscriber);
        assertThat(subscriber.awaitTerminal(10, TimeUnit.SECONDS)).isTrue();
        assertThat(subscriber.completed()).isTrue();
        return subscriber.items;
    }

    static ChatRequest hello(String model) {
        return ChatRequest.builder().model(model).user("Hello").build();
    }

    @Test
    void groqUsageInsideXGroqIsLiftedIntoTheLastChunksUsageAndXGroqIsKept() throws Exception {
        stub(200, "text/event-stream", fixture("groq/stream.sse"));

        List<ChatCompletionChunk> chunks;
        try (OpenAiProvider groq = OpenAiCompatible.groq().apiKey(KEY).baseUrl(server.baseUrl() + "/openai/v1").build()) {
            chunks = streamAll(groq, hello("llama-3.3-70b-versatile"));
        }

        ChatCompletionChunk last = chunks.get(chunks.size() - 1);
        assertThat(last.finishReason()).isEqualTo("stop");
        assertThat(last.usage()).isNotNull();
        assertThat(last.usage().promptTokens()).isEqualTo(12);
        assertThat(last.usage().completionTokens()).isEqualTo(3);
        assertThat(last.usage().totalTokens()).isEqualTo(15);
        assertThat(last.usage().extra()).containsEntry("queue_time", JsonValue.parse("0.037"));
        assertThat(last.extra()).containsKey("x_groq");
        assertThat(last.extra().get("x_groq").json()).contains("req_01jbd6g2qdfw2adyrt2az8hz4w");
        assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(chunk -> assertThat(chunk.usage()).isNull());
    }

    @Test
    void aTopLevelUsageWinsOverXGroq() {
        byte[] json = """
                {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[],
                 "usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2},
                 "x_groq":{"id":"req_1","usage":{"prompt_tokens":9,"completion_tokens":9,"total_tokens":18}}}"""
                .getBytes(StandardCharsets.UTF_8);
        ChatCompletionChunk chunk = ChatJson.readChunk(json, 0, json.length);

        assertThat(OpenAiStreamDialect.liftGroqUsage(chunk).usage().totalTokens()).isEqualTo(2);
    }

    @Test
    void deepSeekReasoningContentArrivesInDeltasAndInTheMessage() throws Exception {
        stub(200, "text/event-stream", fixture("deepseek/stream.sse"));
        List<ChatCompletionChunk> chunks;
        try (OpenAiProvider deepSeek = OpenAiCompatible.deepSeek().apiKey(KEY).baseUrl(server.baseUrl()).build()) {
            chunks = streamAll(deepSeek, hello("deepseek-reasoner"));
        }
        assertThat(chunks).filteredOn(chunk -> !chunk.choices().isEmpty()
                        && chunk.choices().get(0).delta().reasoningContent() != null)
                .extracting(chunk -> chunk.choices().get(0).delta().reasoningContent())
                .containsExactly("First,", " 9.11 < 9.8.");
        ChatCompletion folded = OpenAiCompatibleContractTest.accumulate(chunks);
        assertThat(folded.message().reasoningContent()).isEqualTo("First, 9.11 < 9.8.");
        assertThat(folded.text()).isEqualTo("Hello!");

        server.resetAll();
        stub(200, "application/json", fixture("deepseek/completion.json"));
        ChatCompletion completion;
        try (OpenAiProvider deepSeek = OpenAiCompatible.deepSeek().apiKey(KEY).baseUrl(server.baseUrl()).build()) {
            completion = deepSeek.create(hello("deepseek-reasoner"));
        }
        assertThat(completion.message().reasoningContent()).isEqualTo("First, 9.11 < 9.8.");
        assertThat(completion.usage().completionTokensDetails().reasoningTokens()).isEqualTo(2);
        assertThat(completion.usage().extra()).containsKey("prompt_cache_hit_tokens");
    }

    @Test
    void openRoutersProviderMemberIsTheCompletionsProviderAndItsHeadersAreSent() throws Exception {
        stub(200, "application/json", fixture("openrouter/completion.json"));
        try (OpenAiProvider openRouter = OpenAiCompatible.openRouter().apiKey(KEY).baseUrl(server.baseUrl() + "/api/v1")
                .header("HTTP-Referer", "https://example.com").header("X-Title", "Example App").build()) {
            ChatCompletion completion = openRouter.create(hello("openai/gpt-4o-mini"));

            assertThat(completion.provider()).isEqualTo("OpenAI");
            assertThat(completion.usage().extra()).containsKey("cost");

            server.resetAll();
            stub(200, "text/event-stream", fixture("openrouter/stream.sse"));
            List<ChatCompletionChunk> chunks = streamAll(openRouter, hello("openai/gpt-4o-mini"));
            assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.provider()).isEqualTo("OpenAI"));
        }
        server.verify(postRequestedFor(urlEqualTo("/api/v1/chat/completions"))
                .withHeader("HTTP-Referer", equalTo("https://example.com"))
                .withHeader("X-Title", equalTo("Example App"))
                .withRequestBody(equalToJson("""
                        {"model":"openai/gpt-4o-mini","messages":[{"role":"user","content":"Hello"}],"stream":true}""")));
    }

    @Test
    void azureSendsTheKeyInApiKeyTheDeploymentInThePathAndTheApiVersionInTheQuery() throws Exception {
        stub(200, "text/event-stream", fixture("azure/stream.sse"));
        List<ChatCompletionChunk> chunks;
        try (OpenAiProvider azure = OpenAiCompatible.azure(server.baseUrl() + "/", "my deployment", "2025-04-01-preview")
                .apiKey(KEY).build()) {
            assertThat(azure.endpoint().toString()).isEqualTo(server.baseUrl()
                    + "/openai/deployments/my%20deployment/chat/completions?api-version=2025-04-01-preview");
            chunks = streamAll(azure, hello("gpt-4o-mini"));
        }
        server.verify(postRequestedFor(urlEqualTo(
                "/openai/deployments/my%20deployment/chat/completions?api-version=2025-04-01-preview"))
                .withHeader("api-key", equalTo(KEY))
                .withHeader("Authorization", absent()));
        assertThat(chunks.get(0).choices()).isEmpty();
        assertThat(chunks.get(0).extra()).containsKey("prompt_filter_results");
        assertThat(OpenAiCompatibleContractTest.accumulate(chunks).text()).isEqualTo("Hello!");
    }

    @Test
    void presetsWithoutAKeySendNoAuthHeader() {
        stub(200, "application/json", fixture("ollama/completion.json"));
        try (OpenAiProvider ollama = OpenAiCompatible.ollama().baseUrl(server.baseUrl() + "/v1").build()) {
            assertThat(ollama.create(hello("llama3.2")).systemFingerprint()).isEqualTo("fp_ollama");
        }
        server.verify(postRequestedFor(urlEqualTo("/v1/chat/completions")).withHeader("Authorization", absent()));
    }

    @Test
    void theGatewaySendsTheProviderHintAndProviderSlashModelUntouched() {
        stub(200, "application/json", fixture("gomodel/completion.json"));
        ChatCompletion completion;
        try (OpenAiProvider gateway = OpenAiCompatible.goModel(server.baseUrl() + "/").apiKey(KEY).build()) {
            assertThat(gateway.forwardsRouting()).isTrue();
            assertThat(gateway.type()).isEqualTo("gomodel");
            completion = gateway.create(ChatRequest.builder().model("anthropic/claude-sonnet-4-5").provider("anthropic")
                    .user("Hi").reasoningEffort("high").maxTokens(50).build());
        }
        server.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withRequestBody(equalToJson("""
                        {"model":"anthropic/claude-sonnet-4-5","provider":"anthropic",
                         "messages":[{"role":"user","content":"Hi"}],"max_tokens":50,"reasoning":{"effort":"high"}}""")));
        assertThat(completion.provider()).isEqualTo("openai");
    }

    @Test
    void aPlainProviderStillDropsTheHintAndDoesNotForwardRouting() {
        stub(200, "application/json", fixture("openai-format/completion.json"));
        try (OpenAiProvider groq = OpenAiCompatible.groq().apiKey(KEY).baseUrl(server.baseUrl()).build()) {
            assertThat(groq.forwardsRouting()).isFalse();
            groq.create(ChatRequest.builder().model("llama-3.3-70b-versatile").provider("groq").user("Hi").build());
        }
        server.verify(postRequestedFor(urlEqualTo("/chat/completions")).withRequestBody(equalToJson("""
                {"model":"llama-3.3-70b-versatile","messages":[{"role":"user","content":"Hi"}]}""")));
    }

    static Stream<Arguments> goModelErrors() {
        return Stream.of(
                Arguments.of(502, "provider_error", ProviderErrorException.class),
                Arguments.of(503, "provider_error", ProviderErrorException.class),
                Arguments.of(429, "rate_limit_error", RateLimitException.class),
                Arguments.of(404, "not_found_error", NotFoundException.class));
    }

    @ParameterizedTest
    @MethodSource("goModelErrors")
    void goModelsErrorEnvelopeMapsToTheTypedException(int status, String type, Class<? extends ApiException> expected) {
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("Retry-After", "3")
                .withBody("{\"error\":{\"type\":\"" + type + "\",\"message\":\"gateway says " + type
                        + "\",\"param\":\"model\",\"code\":\"c_" + status + "\"}}")));

        Throwable thrown;
        try (OpenAiProvider gateway = OpenAiCompatible.goModel(server.baseUrl()).apiKey(KEY).build()) {
            thrown = catchThrowable(() -> gateway.create(hello("openai/gpt-4o-mini")));
        }

        assertThat(thrown).isExactlyInstanceOf(expected);
        ApiException error = (ApiException) thrown;
        assertThat(error.type()).isEqualTo(type);
        assertThat(error.code()).isEqualTo("c_" + status);
        assertThat(error.param()).isEqualTo("model");
        assertThat(error.status()).isEqualTo(status);
        assertThat(error.provider()).isEqualTo("gomodel");
        assertThat(error.retryAfter()).contains(Duration.ofSeconds(3));
        assertThat(error.getMessage()).contains("gateway says " + type).doesNotContain(KEY);
    }

    @Test
    void presetsRejectBadArguments() {
        assertThatThrownBy(() -> OpenAiCompatible.azure("ftp://x", "d", "2024-10-21")).hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> OpenAiCompatible.azure("https://x", " ", "2024-10-21")).hasMessageContaining("deployment");
        assertThatThrownBy(() -> OpenAiCompatible.goModel("not a url")).hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> OpenAiProvider.builder().chatPath("chat")).hasMessageContaining("chatPath");
        assertThatThrownBy(() -> OpenAiProvider.builder().type("Groq!")).hasMessageContaining("type");
    }
}
