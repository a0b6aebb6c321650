package dev.gomodel.providers.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.gomodel.GoModelClient;
import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.chat.Content;
import dev.gomodel.chat.ContentPart;
import dev.gomodel.chat.JsonValue;
import dev.gomodel.error.InvalidRequestException;
import dev.gomodel.error.ProviderErrorException;
import dev.gomodel.json.ChatJson;
import dev.gomodel.providers.testing.RecordingSubscriber;
import dev.gomodel.testing.JsonMeaning;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What real upstreams send and accept, end to end through the OpenAI-compatible provider against
 * a local server speaking their documented wire format: explicit nulls both ways, OpenRouter's
 * provider preferences, server tools and reasoning options, an error object beside a chunk's
 * choices, Mistral's content parts in stream deltas, and a {@code "reasoning": null} that must
 * not erase the reasoning streamed before it.
 */
class FidelityEndToEndTest {

    static final String KEY = "sk-fidelity-0123456789";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static String fixture(String path) {
        try (InputStream in = FidelityEndToEndTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The data of each event of an SSE fixture but {@code [DONE]}. */
    static List<String> events(String sse) {
        List<String> events = new ArrayList<>();
        for (String line : sse.split("\n")) {
            if (line.startsWith("data: ") && !line.equals("data: [DONE]")) {
                events.add(line.substring("data: ".length()));
            }
        }
        return events;
    }

    static void stub(int status, String contentType, String body) {
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", contentType).withBody(body)));
    }

    static Object sentBody() {
        assertThat(server.getAllServeEvents()).hasSize(1);
        return meaning(server.getAllServeEvents().get(0).getRequest().getBody());
    }

    static OpenAiProvider openRouter() {
        return OpenAiCompatible.openRouter().apiKey(KEY).baseUrl(server.baseUrl() + "/api/v1").build();
    }

    static OpenAiProvider mistral() {
        return OpenAiCompatible.mistral().apiKey(KEY).baseUrl(server.baseUrl() + "/v1").build();
    }

    static RecordingSubscriber<ChatCompletionChunk> streamed(OpenAiProvider provider, ChatRequest request)
            throws InterruptedException {
        RecordingSubscriber<ChatCompletionChunk> subscriber = new RecordingSubscriber<>(Long.MAX_VALUE);
        provider.stream(request).subscribe(subscriber);
        assertThat(subscriber.awaitTerminal(10, TimeUnit.SECONDS)).isTrue();
        assertThat(subscriber.violations).isEmpty();
        return subscriber;
    }

    static ChatRequest hello(String model) {
        return ChatRequest.builder().model(model).user("Hello").build();
    }

    static Object meaning(byte[] json) {
        return JsonMeaning.of(json);
    }

    static Object meaning(String json) {
        return JsonMeaning.of(json.getBytes(StandardCharsets.UTF_8));
    }

    // ---- explicit nulls

    @Test
    void aCompletionsExplicitNullsReachTheCallerAndAreWrittenBackAsTheyCame() {
        String body = fixture("/presets/vllm/completion-nulls.json");
        stub(200, "application/json", body);

        ChatCompletion completion;
        try (OpenAiProvider vllm = OpenAiCompatible.vllm().baseUrl(server.baseUrl() + "/v1").build()) {
            completion = vllm.create(hello("meta-llama/Llama-3.3-70B-Instruct"));
        }

        assertThat(completion.systemFingerprint()).isNull();
        assertThat(completion.nulls()).containsExactly("system_fingerprint");
        assertThat(completion.message().nulls()).containsExactly("reasoning_content");
        assertThat(completion.usage().nulls()).containsExactly("prompt_tokens_details");
        assertThat(meaning(ChatJson.writeCompletion(completion))).isEqualTo(meaning(body));
    }

    @Test
    void everyStreamedChunkIsWrittenBackAsItCameItsNullsIncluded() throws Exception {
        String sse = fixture("/openai/stream.sse");
        stub(200, "text/event-stream", sse);

        RecordingSubscriber<ChatCompletionChunk> subscriber;
        try (OpenAiProvider openAi = OpenAiProvider.builder().apiKey(KEY).baseUrl(server.baseUrl()).build()) {
            subscriber = streamed(openAi, hello("gpt-4o-mini"));
        }

        assertThat(subscriber.completed()).isTrue();
        List<String> events = events(sse);
        assertThat(subscriber.items).hasSameSizeAs(events);
        for (int i = 0; i < events.size(); i++) {
            assertThat(meaning(ChatJson.writeChunk(subscriber.items.get(i))))
                    .isEqualTo(meaning(events.get(i)));
        }
        assertThat(subscriber.items.get(0).nulls()).containsExactly("usage");
    }

    @Test
    void aRequestsExplicitNullsArriveAsNullAndItsAbsentMembersStayAbsent() {
        stub(200, "application/json", fixture("/openai/completion.json"));

        try (OpenAiProvider openAi = OpenAiProvider.builder().apiKey(KEY).baseUrl(server.baseUrl()).build()) {
            openAi.create(ChatRequest.builder().model("gpt-4o-mini").user("Hello").explicitNull("temperature")
                    .explicitNull("tool_choice").explicitNull("stop").build());
        }

        assertThat(sentBody()).isEqualTo(meaning("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":"
                + "\"user\",\"content\":\"Hello\"}],\"temperature\":null,\"tool_choice\":null,\"stop\":null}"));
    }

    // ---- what OpenRouter accepts

    @Test
    void openRoutersDocumentedRequestIsReadAndSentUnchanged() {
        String request = fixture("/presets/openrouter/request-preferences.json");
        stub(200, "application/json", fixture("/presets/openrouter/completion.json"));

        try (OpenAiProvider openRouter = openRouter()) {
            openRouter.create(ChatJson.readRequest(request.getBytes(StandardCharsets.UTF_8)));
        }

        assertThat(sentBody()).isEqualTo(meaning(request));
    }

    @Test
    void providerPreferencesGoToOpenRouterFromTheRequestOrTheProviderWhileTheHintIsConsumed() {
        stub(200, "application/json", fixture("/presets/openrouter/completion.json"));
        JsonValue preferences = JsonValue.parse("{\"order\":[\"anthropic\"],\"allow_fallbacks\":false}");
        String expected = "{\"model\":\"anthropic/claude-sonnet-4.5\",\"messages\":[{\"role\":\"user\",\"content\":"
                + "\"Hello\"}],\"provider\":{\"order\":[\"anthropic\"],\"allow_fallbacks\":false}}";

        try (GoModelClient client = GoModelClient.builder().provider(openRouter()).build()) {
            ChatCompletion completion = client.chat().create(ChatRequest.builder()
                    .model("openrouter/anthropic/claude-sonnet-4.5").user("Hello").extra("provider", preferences)
                    .build());
            assertThat(completion.provider()).isEqualTo("OpenAI");
        }
        assertThat(sentBody()).isEqualTo(meaning(expected));

        server.resetRequests();
        try (OpenAiProvider openRouter = OpenAiCompatible.openRouter().apiKey(KEY)
                .baseUrl(server.baseUrl() + "/api/v1").extraBody("provider", preferences).build()) {
            openRouter.create(ChatRequest.builder().model("anthropic/claude-sonnet-4.5").provider("openrouter")
                    .user("Hello").build());
        }
        assertThat(sentBody()).isEqualTo(meaning(expected));
    }

    @Test
    void aGatewaySentTheHintGetsTheHintRatherThanTheProvidersPreferences() {
        stub(200, "application/json", fixture("/presets/gomodel/completion.json"));

        try (OpenAiProvider gateway = OpenAiCompatible.goModel(server.baseUrl())
                .extraBody("provider", JsonValue.parse("{\"order\":[\"anthropic\"]}")).build()) {
            gateway.create(ChatRequest.builder().model("gpt-4o-mini").provider("openai").user("Hello").build());
            assertThat(sentBody()).isEqualTo(meaning("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":"
                    + "\"user\",\"content\":\"Hello\"}],\"provider\":\"openai\"}"));

            server.resetRequests();
            gateway.create(hello("gpt-4o-mini"));
            assertThat(sentBody()).isEqualTo(meaning("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":"
                    + "\"user\",\"content\":\"Hello\"}],\"provider\":{\"order\":[\"anthropic\"]}}"));
        }
    }

    // ---- an error beside a chunk's choices

    @Test
    void aMidStreamErrorBesideChoicesEndsTheStreamWithTheTypedExceptionAfterWhatCameBefore() throws Exception {
        stub(200, "text/event-stream", fixture("/presets/openrouter/stream-error.sse"));

        RecordingSubscriber<ChatCompletionChunk> subscriber;
        try (OpenAiProvider openRouter = openRouter()) {
            subscriber = streamed(openRouter, hello("anthropic/claude-sonnet-4.5"));
        }

        assertThat(subscriber.completed()).isFalse();
        assertThat(subscriber.terminalSignals()).isEqualTo(1);
        assertThat(subscriber.items).extracting(ChatCompletionChunk::text).containsExactly("", "Java 25");
        assertThat(subscriber.error()).isExactlyInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Token limit reached");
        InvalidRequestException error = (InvalidRequestException) subscriber.error();
        assertThat(error.status()).isEqualTo(200);
        assertThat(error.code()).isEqualTo("400");
    }

    @Test
    void anErrorChunkThatBringsTextIsDeliveredBeforeTheError() throws Exception {
        stub(200, "text/event-stream", """
                data: {"id":"gen-1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":"Hel"},"finish_reason":null}]}

                data: {"id":"gen-1","object":"chat.completion.chunk","created":1,"model":"m","error":{"code":502,"message":"Provider disconnected"},"choices":[{"index":0,"delta":{"content":"lo"},"finish_reason":"error"}]}

                """);

        RecordingSubscriber<ChatCompletionChunk> subscriber;
        try (OpenAiProvider openRouter = openRouter()) {
            subscriber = streamed(openRouter, hello("m"));
        }

        assertThat(subscriber.items).extracting(ChatCompletionChunk::text).containsExactly("Hel", "lo");
        assertThat(subscriber.error()).isExactlyInstanceOf(ProviderErrorException.class)
                .hasMessageContaining("Provider disconnected");
    }

    @Test
    void aCompletionBodyWithAnErrorBesideItsChoicesIsAnError() {
        stub(200, "application/json", fixture("/presets/openrouter/completion-error.json"));

        Throwable thrown;
        try (OpenAiProvider openRouter = openRouter()) {
            thrown = catchThrowable(() -> openRouter.create(hello("anthropic/claude-sonnet-4.5")));
        }

        assertThat(thrown).isExactlyInstanceOf(ProviderErrorException.class)
                .hasMessageContaining("Provider returned error");
    }

    // ---- content parts in deltas

    @Test
    void mistralsThinkingPartsStreamAndFoldIntoTheReasoning() throws Exception {
        String sse = fixture("/presets/mistral/stream-thinking.sse");
        stub(200, "text/event-stream", sse);

        RecordingSubscriber<ChatCompletionChunk> subscriber;
        ChatCompletion folded;
        try (OpenAiProvider mistral = mistral()) {
            subscriber = streamed(mistral, hello("magistral-medium-2509"));
            folded = mistral.stream(hello("magistral-medium-2509"), chunk -> { }).join();
        }

        assertThat(subscriber.completed()).isTrue();
        assertThat(subscriber.items).extracting(ChatCompletionChunk::text).containsExactly("", "", "", "2 + 2", " = 4.",
                "");
        assertThat(subscriber.items.get(1).choices().get(0).delta().content()).isEqualTo(Content.parts(
                new ContentPart.ThinkingPart(Content.parts(ContentPart.text("The user asks for 2+2.")), Map.of(),
                        null)));
        List<String> events = events(sse);
        for (int i = 0; i < events.size(); i++) {
            assertThat(meaning(ChatJson.writeChunk(subscriber.items.get(i))))
                    .isEqualTo(meaning(events.get(i)));
        }
        assertThat(folded.text()).isEqualTo("2 + 2 = 4.");
        assertThat(folded.message().reasoningContent()).isEqualTo("The user asks for 2+2. That is 4.");
    }

    @Test
    void mistralsNonStreamedThinkingAnswerReadsAsBefore() {
        stub(200, "application/json", fixture("/presets/mistral/completion-thinking.json"));

        ChatCompletion completion;
        try (OpenAiProvider mistral = mistral()) {
            completion = mistral.create(hello("magistral-medium-2509"));
        }

        assertThat(completion.text()).isEqualTo("2 + 2 = 4.");
        assertThat(((Content.Parts) completion.message().content()).parts().get(0))
                .isInstanceOf(ContentPart.ThinkingPart.class);
    }

    // ---- the accumulator never loses text

    @Test
    void aLaterReasoningNullDoesNotEraseTheReasoningStreamedBeforeIt() {
        stub(200, "text/event-stream", fixture("/presets/openrouter/stream-reasoning.sse"));

        ChatCompletion folded;
        try (GoModelClient client = GoModelClient.builder().provider(openRouter()).build()) {
            folded = client.chat().stream(hello("openrouter/anthropic/claude-sonnet-4.5"), chunk -> { }).join();
        }

        assertThat(folded.text()).isEqualTo("Java 25 is out.");
        assertThat(folded.message().extra().get("reasoning")).isEqualTo(JsonValue.of("Let me think."));
        assertThat(folded.message().extra().get("reasoning_details").json()).contains("Let me", " think.");
        assertThat(folded.usage().completionTokensDetails().reasoningTokens()).isEqualTo(4);
        assertThat(folded.choices().get(0).extra()).containsEntry("native_finish_reason", JsonValue.of("end_turn"));
    }

    @Test
    void aStreamHandlersFutureFailsWithTheMidStreamError() {
        stub(200, "text/event-stream", fixture("/presets/openrouter/stream-error.sse"));

        Throwable thrown;
        try (OpenAiProvider openRouter = openRouter()) {
            thrown = catchThrowable(() -> openRouter.stream(hello("anthropic/claude-sonnet-4.5"), chunk -> { }).join());
        }

        assertThat(thrown).isInstanceOf(CompletionException.class)
                .hasCauseExactlyInstanceOf(InvalidRequestException.class);
    }
}
