package dev.gomodel.providers.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionAccumulator;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.chat.JsonValue;
import dev.gomodel.chat.Tool;
import dev.gomodel.chat.ToolChoice;
import dev.gomodel.error.ApiException;
import dev.gomodel.error.AuthenticationException;
import dev.gomodel.error.InvalidRequestException;
import dev.gomodel.error.NotFoundException;
import dev.gomodel.error.ProviderErrorException;
import dev.gomodel.providers.openai.OpenAiProvider.ReasoningField;
import dev.gomodel.providers.testing.RecordingSubscriber;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every OpenAI-compatible preset keeps, against WireMock speaking that upstream's
 * documented wire format. A new preset gets the whole suite by adding a {@link Preset} row and,
 * where its format differs from OpenAI's, fixtures under {@code /presets/<name>/}.
 */
class OpenAiCompatibleContractTest {

    static final String KEY = "sk-contract-0123456789";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /**
     * One preset: how to point it at the test server, what it must send, and how its upstream
     * answers an unknown model.
     *
     * @param name the preset's name and type
     * @param preset the untouched preset
     * @param pointAt the preset pointed at the test server's base URL
     * @param documentedBaseUrl the base URL its documentation gives
     * @param path the request path and query the upstream expects under the test server
     * @param authHeader the header the key goes in
     * @param authValue that header's value
     * @param streamOptions whether streams send {@code stream_options}
     * @param reasoning where {@code reasoning.effort} goes
     * @param reasoningModelParameters whether o-series models get {@code max_completion_tokens}
     * @param fixtures the fixture folder under {@code /presets}
     * @param errorStatus the status of its error fixture
     * @param errorType the exception that status maps to
     * @param errorText text the exception message carries
     */
    record Preset(String name, Supplier<OpenAiProvider.Builder> preset,
            Function<String, OpenAiProvider.Builder> pointAt, String documentedBaseUrl, String path,
            String authHeader, String authValue, boolean streamOptions, ReasoningField reasoning,
            boolean reasoningModelParameters, String fixtures, int errorStatus,
            Class<? extends ApiException> errorType, String errorText) {

        @Override
        public String toString() {
            return name;
        }

        OpenAiProvider atServer() {
            return pointAt.apply(server.baseUrl()).apiKey(KEY).build();
        }
    }

    static Preset cloud(String name, Supplier<OpenAiProvider.Builder> preset, String documentedBaseUrl,
            boolean streamOptions, ReasoningField reasoning, String fixtures, int errorStatus,
            Class<? extends ApiException> errorType, String errorText) {
        String path = URI.create(documentedBaseUrl).getPath();
        return new Preset(name, preset, base -> preset.get().baseUrl(base + path), documentedBaseUrl,
                path + "/chat/completions", "Authorization", "Bearer " + KEY, streamOptions, reasoning,
                name.equals("openai"), fixtures, errorStatus, errorType, errorText);
    }

    static final String MODEL_NOT_FOUND = "does not exist or you do not have access";

    static Stream<Preset> presets() {
        return Stream.of(
                cloud("openai", OpenAiCompatible::openAi, "https://api.openai.com/v1", true,
                        ReasoningField.REASONING_EFFORT, "openai-format", 404, NotFoundException.class, MODEL_NOT_FOUND),
                new Preset("azure", () -> OpenAiCompatible.azure("https://my-resource.openai.azure.com", "gpt4o-prod",
                        OpenAiCompatible.AZURE_DEFAULT_API_VERSION),
                        base -> OpenAiCompatible.azure(base, "gpt4o-prod", "2024-10-21"),
                        "https://my-resource.openai.azure.com/openai/deployments/gpt4o-prod",
                        "/openai/deployments/gpt4o-prod/chat/completions?api-version=2024-10-21", "api-key", KEY,
                        true, ReasoningField.REASONING_EFFORT, true, "azure", 404, NotFoundException.class,
                        "API deployment for this resource does not exist"),
                cloud("groq", OpenAiCompatible::groq, "https://api.groq.com/openai/v1", true,
                        ReasoningField.REASONING_EFFORT, "groq", 404, NotFoundException.class, MODEL_NOT_FOUND),
                cloud("xai", OpenAiCompatible::xai, "https://api.x.ai/v1", false, ReasoningField.REASONING_EFFORT,
                        "openai-format", 404, NotFoundException.class, MODEL_NOT_FOUND),
                cloud("deepseek", OpenAiCompatible::deepSeek, "https://api.deepseek.com", true, ReasoningField.OMIT,
                        "deepseek", 401, AuthenticationException.class, "Authentication Fails"),
                cloud("gemini", OpenAiCompatible::gemini, "https://generativelanguage.googleapis.com/v1beta/openai",
                        false, ReasoningField.REASONING_EFFORT, "gemini", 400, InvalidRequestException.class,
                        "API key not valid"),
                cloud("openrouter", OpenAiCompatible::openRouter, "https://openrouter.ai/api/v1", false,
                        ReasoningField.REASONING_OBJECT, "openrouter", 402, InvalidRequestException.class,
                        "Insufficient credits"),
                cloud("mistral", OpenAiCompatible::mistral, "https://api.mistral.ai/v1", false, ReasoningField.OMIT,
                        "mistral", 422, InvalidRequestException.class, "Extra inputs are not permitted"),
                cloud("together", OpenAiCompatible::together, "https://api.together.xyz/v1", false,
                        ReasoningField.OMIT, "openai-format", 404, NotFoundException.class, MODEL_NOT_FOUND),
                cloud("fireworks", OpenAiCompatible::fireworks, "https://api.fireworks.ai/inference/v1", false,
                        ReasoningField.REASONING_EFFORT, "openai-format", 404, NotFoundException.class, MODEL_NOT_FOUND),
                cloud("cerebras", OpenAiCompatible::cerebras, "https://api.cerebras.ai/v1", false,
                        ReasoningField.REASONING_EFFORT, "openai-format", 404, NotFoundException.class, MODEL_NOT_FOUND),
                cloud("zai", OpenAiCompatible::zai, "https://api.z.ai/api/paas/v4", false, ReasoningField.OMIT,
                        "openai-format", 404, NotFoundException.class, MODEL_NOT_FOUND),
                cloud("minimax", OpenAiCompatible::miniMax, "https://api.minimax.io/v1", false, ReasoningField.OMIT,
                        "openai-format", 404, NotFoundException.class, MODEL_NOT_FOUND),
                cloud("ollama", OpenAiCompatible::ollama, "http://localhost:11434/v1", true,
                        ReasoningField.REASONING_EFFORT, "ollama", 404, NotFoundException.class, "try pulling it first"),
                cloud("vllm", OpenAiCompatible::vllm, "http://localhost:8000/v1", true,
                        ReasoningField.REASONING_EFFORT, "vllm", 404, NotFoundException.class, "does not exist"),
                new Preset("gomodel", () -> OpenAiCompatible.goModel("https://gateway.example.com"),
                        OpenAiCompatible::goModel, "https://gateway.example.com", "/v1/chat/completions",
                        "Authorization", "Bearer " + KEY, true, ReasoningField.REASONING_OBJECT, false, "gomodel", 502,
                        ProviderErrorException.class, "upstream openai failed"));
    }

    static String fixture(Preset preset, String name) {
        InputStream in = OpenAiCompatibleContractTest.class.getResourceAsStream("/presets/" + preset.fixtures() + "/" + name);
        if (in == null) {
            in = OpenAiCompatibleContractTest.class.getResourceAsStream("/presets/openai-format/" + name);
        }
        try (InputStream stream = in) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static void stub(int status, String contentType, String body) {
        MappingBuilder mapping = post(anyUrl()).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", contentType).withHeader("x-request-id", "req_1").withBody(body));
        server.stubFor(mapping);
    }

    /** A request using every field the wire model has. */
    static ChatRequest everyField(String model) {
        return ChatRequest.builder().model(model).provider("upstream-hint")
                .system("Be brief.").user("Weather in Paris?")
                .maxTokens(100).temperature(0.2)
                .tool(Tool.function("get_weather", "Current weather", JsonValue.parse(
                        "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}")))
                .toolChoice(ToolChoice.AUTO).parallelToolCalls(false)
                .reasoningEffort("low")
                .extra("seed", JsonValue.of(7))
                .build();
    }

    /** The body {@link #everyField} must arrive as. */
    static String expectedBody(Preset preset, String model, boolean stream) {
        StringBuilder body = new StringBuilder("{\"model\":\"").append(model).append("\",");
        body.append("""
                "messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Weather in Paris?"}],
                "tools":[{"type":"function","function":{"name":"get_weather","description":"Current weather",
                  "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}],
                "tool_choice":"auto","parallel_tool_calls":false,"seed":7""");
        boolean reasoningModel = preset.reasoningModelParameters() && model.startsWith("o3");
        body.append(reasoningModel ? ",\"max_completion_tokens\":100" : ",\"max_tokens\":100,\"temperature\":0.2");
        switch (preset.reasoning()) {
            case REASONING_EFFORT -> body.append(",\"reasoning_effort\":\"low\"");
            case REASONING_OBJECT -> body.append(",\"reasoning\":{\"effort\":\"low\"}");
            case OMIT -> { }
        }
        if (preset.name().equals("gomodel")) {
            body.append(",\"provider\":\"upstream-hint\"");
        }
        if (stream) {
            body.append(",\"stream\":true");
            if (preset.streamOptions()) {
                body.append(",\"stream_options\":{\"include_usage\":true}");
            }
        }
        return body.append('}').toString();
    }

    RequestPatternBuilder sent(Preset preset) {
        RequestPatternBuilder request = postRequestedFor(urlEqualTo(preset.path()))
                .withHeader(preset.authHeader(), equalTo(preset.authValue()))
                .withHeader("Content-Type", equalTo("application/json"));
        if (!preset.authHeader().equals("Authorization")) {
            request.withHeader("Authorization", absent());
        }
        return request;
    }

    static List<ChatCompletionChunk> streamAll(OpenAiProvider provider, ChatRequest request) throws InterruptedException {
        RecordingSubscriber<ChatCompletionChunk> subscriber = new RecordingSubscriber<>(Long.MAX_VALUE);
        provider.stream(request).subscribe(subscriber);
        assertThat(subscriber.awaitTerminal(10, TimeUnit.SECONDS)).isTrue();
        assertThat(subscriber.error()).isNull();
        assertThat(subscriber.completed()).isTrue();
        assertThat(subscriber.violations).isEmpty();
        return subscriber.items;
    }

    static ChatCompletion accumulate(List<ChatCompletionChunk> chunks) {
        ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
        chunks.forEach(accumulator::accept);
        return accumulator.result();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void thePresetHasItsDocumentedBaseUrlAndType(Preset preset) {
        try (OpenAiProvider provider = preset.preset().get().build()) {
            assertThat(provider.baseUrl()).isEqualTo(preset.documentedBaseUrl());
            assertThat(provider.type()).isEqualTo(preset.name());
            assertThat(provider.name()).isEqualTo(preset.name());
            assertThat(provider.forwardsRouting()).isEqualTo(preset.name().equals("gomodel"));
            assertThat(provider.toString()).doesNotContain(KEY);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void aRequestWithEveryFieldIsSentAsTheUpstreamWantsAndTheCompletionParsed(Preset preset) {
        stub(200, "application/json", fixture(preset, "completion.json"));

        ChatCompletion completion;
        try (OpenAiProvider provider = preset.atServer()) {
            completion = provider.create(everyField("some-model"));
        }

        server.verify(sent(preset).withHeader("Accept", equalTo("application/json"))
                .withRequestBody(equalToJson(expectedBody(preset, "some-model", false))));
        assertThat(completion.text()).isEqualTo("Hello!");
        assertThat(completion.finishReason()).isEqualTo("stop");
        assertThat(completion.usage().totalTokens()).isEqualTo(15);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void reasoningModelParametersAreOnlyForOpenAiReasoningModels(Preset preset) {
        stub(200, "application/json", fixture(preset, "completion.json"));

        try (OpenAiProvider provider = preset.atServer()) {
            provider.create(everyField("o3-mini"));
        }

        server.verify(sent(preset).withRequestBody(equalToJson(expectedBody(preset, "o3-mini", false))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void aStreamSendsStreamOptionsOnlyWhereAcceptedAndFoldsToTheCompletion(Preset preset) throws Exception {
        stub(200, "text/event-stream", fixture(preset, "stream.sse"));

        List<ChatCompletionChunk> chunks;
        try (OpenAiProvider provider = preset.atServer()) {
            chunks = streamAll(provider, everyField("some-model"));
        }

        server.verify(sent(preset).withHeader("Accept", equalTo("text/event-stream"))
                .withRequestBody(equalToJson(expectedBody(preset, "some-model", true))));
        ChatCompletion completion = accumulate(chunks);
        assertThat(completion.text()).isEqualTo("Hello!");
        assertThat(completion.finishReason()).isEqualTo("stop");
        assertThat(completion.usage()).isNotNull();
        assertThat(completion.usage().totalTokens()).isEqualTo(15);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void aStreamedToolCallIsMergedByIndex(Preset preset) throws Exception {
        stub(200, "text/event-stream", fixture(preset, "stream-tool-call.sse"));

        ChatCompletion completion;
        try (OpenAiProvider provider = preset.atServer()) {
            completion = accumulate(streamAll(provider, everyField("some-model")));
        }

        assertThat(completion.finishReason()).isEqualTo("tool_calls");
        assertThat(completion.toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.id()).isEqualTo("call_1");
            assertThat(call.function().name()).isEqualTo("get_weather");
            assertThat(call.function().arguments()).isEqualTo("{\"city\":\"Paris\"}");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void theUpstreamsErrorBodyBecomesTheTypedException(Preset preset) {
        stub(preset.errorStatus(), "application/json", fixture(preset, "error.json"));

        Throwable thrown;
        try (OpenAiProvider provider = preset.atServer()) {
            thrown = catchThrowable(() -> provider.create(everyField("nope")));
        }

        assertThat(thrown).isExactlyInstanceOf(preset.errorType());
        ApiException error = (ApiException) thrown;
        assertThat(error.status()).isEqualTo(preset.errorStatus());
        assertThat(error.provider()).isEqualTo(preset.name());
        assertThat(error.requestId()).isEqualTo("req_1");
        assertThat(error.getMessage()).contains(preset.errorText()).doesNotContain(KEY);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void theSameErrorInsideA200StreamIsTheSameType(Preset preset) throws Exception {
        stub(200, "text/event-stream", """
                data: {"error":{"message":"Overloaded","type":"server_error","code":"overloaded"}}

                """);
        RecordingSubscriber<ChatCompletionChunk> subscriber = new RecordingSubscriber<>(Long.MAX_VALUE);

        try (OpenAiProvider provider = preset.atServer()) {
            provider.stream(everyField("some-model")).subscribe(subscriber);
            assertThat(subscriber.awaitTerminal(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(subscriber.error()).isInstanceOf(ProviderErrorException.class).hasMessageContaining("Overloaded");
        assertThat(subscriber.violations).isEmpty();
    }
}
