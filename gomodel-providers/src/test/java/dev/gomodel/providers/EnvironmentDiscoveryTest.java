package dev.gomodel.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.gomodel.GoModelClient;
import dev.gomodel.Provider;
import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.providers.openai.OpenAiProvider;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code GoModelClient.fromEnv} finding every provider from its variables, over real HTTP. */
class EnvironmentDiscoveryTest {

    static final String KEY = "sk-env-0123456789";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String COMPLETION = """
            {"id":"c","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,
             "message":{"role":"assistant","content":"Hi!"},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5}}""";

    /** Key variable, base-URL variable and provider name of each keyed cloud upstream. */
    static Stream<Arguments> keyedUpstreams() {
        return Stream.of(
                Arguments.of("OPENAI_API_KEY", "OPENAI_BASE_URL", "openai"),
                Arguments.of("GROQ_API_KEY", "GROQ_BASE_URL", "groq"),
                Arguments.of("XAI_API_KEY", "XAI_BASE_URL", "xai"),
                Arguments.of("DEEPSEEK_API_KEY", "DEEPSEEK_BASE_URL", "deepseek"),
                Arguments.of("GEMINI_API_KEY", "GEMINI_BASE_URL", "gemini"),
                Arguments.of("OPENROUTER_API_KEY", "OPENROUTER_BASE_URL", "openrouter"),
                Arguments.of("MISTRAL_API_KEY", "MISTRAL_BASE_URL", "mistral"),
                Arguments.of("TOGETHER_API_KEY", "TOGETHER_BASE_URL", "together"),
                Arguments.of("FIREWORKS_API_KEY", "FIREWORKS_BASE_URL", "fireworks"),
                Arguments.of("CEREBRAS_API_KEY", "CEREBRAS_BASE_URL", "cerebras"),
                Arguments.of("ZAI_API_KEY", "ZAI_BASE_URL", "zai"),
                Arguments.of("MINIMAX_API_KEY", "MINIMAX_BASE_URL", "minimax"));
    }

    static void stubCompletion() {
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(COMPLETION)));
    }

    static ChatCompletion ask(GoModelClient client, String model) {
        return client.chat().create(ChatRequest.builder().model(model).user("Hi").build());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyedUpstreams")
    void aKeyTurnsTheUpstreamOnAndItsBaseUrlPointsItElsewhere(String keyVariable, String baseUrlVariable, String name) {
        stubCompletion();
        Map<String, String> env = Map.of(keyVariable, KEY, baseUrlVariable, server.baseUrl() + "/" + name + "/v1");

        try (GoModelClient client = GoModelClient.fromEnv(env::get)) {
            assertThat(client.providers()).singleElement().satisfies(provider -> {
                assertThat(provider.name()).isEqualTo(name);
                assertThat(provider.type()).isEqualTo(name);
            });
            ChatCompletion done = ask(client, name + "/some-model");
            assertThat(done.text()).isEqualTo("Hi!");
            assertThat(done.provider()).isEqualTo(name);
        }
        server.verify(postRequestedFor(urlEqualTo("/" + name + "/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withRequestBody(matchingJsonPath("$.model", equalTo("some-model"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyedUpstreams")
    void withoutABaseUrlTheUpstreamsDocumentedUrlIsUsed(String keyVariable, String baseUrlVariable, String name) {
        try (GoModelClient client = GoModelClient.fromEnv(Map.of(keyVariable, KEY)::get)) {
            OpenAiProvider provider = (OpenAiProvider) client.providers().get(0);
            assertThat(provider.baseUrl()).startsWith("https://").doesNotContain("localhost");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyedUpstreams")
    void aMalformedValueNamesTheVariableAndNeverTheKey(String keyVariable, String baseUrlVariable, String name) {
        assertThatThrownBy(() -> GoModelClient.fromEnv(Map.of(keyVariable, KEY, baseUrlVariable, "not a url")::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(baseUrlVariable)
                .hasMessageNotContaining(KEY);
        String badKey = "sk-secret with spaces";
        assertThatThrownBy(() -> GoModelClient.fromEnv(Map.of(keyVariable, badKey)::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(keyVariable)
                .hasMessageNotContaining("sk-secret");
    }

    @Test
    void azureNeedsKeyEndpointAndDeploymentAndDefaultsTheApiVersion() {
        stubCompletion();
        Map<String, String> env = Map.of("AZURE_OPENAI_API_KEY", KEY, "AZURE_OPENAI_ENDPOINT", server.baseUrl(),
                "AZURE_OPENAI_DEPLOYMENT", "gpt4o-prod");

        try (GoModelClient client = GoModelClient.fromEnv(env::get)) {
            assertThat(client.providers()).singleElement().satisfies(p -> assertThat(p.type()).isEqualTo("azure"));
            assertThat(ask(client, "azure/gpt-4o").provider()).isEqualTo("azure");
        }
        server.verify(postRequestedFor(urlEqualTo("/openai/deployments/gpt4o-prod/chat/completions?api-version=2024-10-21"))
                .withHeader("api-key", equalTo(KEY))
                .withHeader("Authorization", absent()));
    }

    @Test
    void azureTakesAnApiVersion() {
        stubCompletion();
        Map<String, String> env = Map.of("AZURE_OPENAI_API_KEY", KEY, "AZURE_OPENAI_ENDPOINT", server.baseUrl() + "/",
                "AZURE_OPENAI_DEPLOYMENT", "o3-mini", "AZURE_OPENAI_API_VERSION", "2025-04-01-preview");

        try (GoModelClient client = GoModelClient.fromEnv(env::get)) {
            ask(client, "o3-mini");
        }
        server.verify(postRequestedFor(urlEqualTo("/openai/deployments/o3-mini/chat/completions?api-version=2025-04-01-preview")));
    }

    static Stream<Arguments> badAzure() {
        return Stream.of(
                Arguments.of(Map.of("AZURE_OPENAI_API_KEY", KEY, "AZURE_OPENAI_DEPLOYMENT", "d"), "AZURE_OPENAI_API_KEY is set but AZURE_OPENAI_ENDPOINT"),
                Arguments.of(Map.of("AZURE_OPENAI_API_KEY", KEY, "AZURE_OPENAI_ENDPOINT", "https://x.openai.azure.com"), "AZURE_OPENAI_API_KEY is set but AZURE_OPENAI_DEPLOYMENT"),
                Arguments.of(Map.of("AZURE_OPENAI_API_KEY", KEY, "AZURE_OPENAI_ENDPOINT", "x.openai.azure.com", "AZURE_OPENAI_DEPLOYMENT", "d"), "AZURE_OPENAI_ENDPOINT"),
                Arguments.of(Map.of("AZURE_OPENAI_API_KEY", KEY, "AZURE_OPENAI_ENDPOINT", "https://x.openai.azure.com", "AZURE_OPENAI_DEPLOYMENT", "a/b"), "AZURE_OPENAI_DEPLOYMENT"),
                Arguments.of(Map.of("AZURE_OPENAI_API_KEY", KEY, "AZURE_OPENAI_ENDPOINT", "https://x.openai.azure.com", "AZURE_OPENAI_DEPLOYMENT", "d", "AZURE_OPENAI_API_VERSION", "yesterday"), "AZURE_OPENAI_API_VERSION"));
    }

    @ParameterizedTest
    @MethodSource("badAzure")
    void anIncompleteOrMalformedAzureConfigurationNamesTheVariable(Map<String, String> env, String message) {
        assertThatThrownBy(() -> GoModelClient.fromEnv(env::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message)
                .hasMessageNotContaining(KEY);
    }

    @Test
    void ollamaIsOnWithItsBaseUrlAndSendsNoKey() {
        stubCompletion();
        try (GoModelClient client = GoModelClient.fromEnv(Map.of("OLLAMA_BASE_URL", server.baseUrl() + "/v1")::get)) {
            assertThat(ask(client, "ollama/llama3.2").provider()).isEqualTo("ollama");
        }
        server.verify(postRequestedFor(urlEqualTo("/v1/chat/completions")).withHeader("Authorization", absent())
                .withRequestBody(matchingJsonPath("$.model", equalTo("llama3.2"))));
    }

    @Test
    void vllmIsOnWithItsBaseUrlAndTakesAnOptionalKey() {
        stubCompletion();
        Map<String, String> env = Map.of("VLLM_BASE_URL", server.baseUrl() + "/v1", "VLLM_API_KEY", KEY);
        try (GoModelClient client = GoModelClient.fromEnv(env::get)) {
            assertThat(ask(client, "vllm/meta-llama/Llama-3.3-70B-Instruct").provider()).isEqualTo("vllm");
        }
        server.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withRequestBody(matchingJsonPath("$.model", equalTo("meta-llama/Llama-3.3-70B-Instruct"))));
    }

    @Test
    void theGoModelGatewayIsOnWithItsBaseUrlAndForwardsRouting() {
        stubCompletion();
        Map<String, String> env = Map.of("GOMODEL_BASE_URL", server.baseUrl(), "GOMODEL_API_KEY", KEY);
        try (GoModelClient client = GoModelClient.fromEnv(env::get)) {
            Provider gateway = client.providers().get(0);
            assertThat(gateway.type()).isEqualTo("gomodel");
            assertThat(gateway.forwardsRouting()).isTrue();
            ask(client, "gomodel/gpt-4o-mini");
        }
        RequestPatternBuilder sent = postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + KEY));
        server.verify(sent);
    }

    static Stream<Arguments> badLocal() {
        return Stream.of(
                Arguments.of(Map.of("OLLAMA_BASE_URL", "localhost:11434"), "OLLAMA_BASE_URL"),
                Arguments.of(Map.of("VLLM_BASE_URL", "ftp://x"), "VLLM_BASE_URL"),
                Arguments.of(Map.of("VLLM_BASE_URL", "http://localhost:8000/v1", "VLLM_API_KEY", "a b"), "VLLM_API_KEY"),
                Arguments.of(Map.of("GOMODEL_BASE_URL", "gateway"), "GOMODEL_BASE_URL"),
                Arguments.of(Map.of("GOMODEL_API_KEY", KEY), "GOMODEL_API_KEY is set but GOMODEL_BASE_URL"));
    }

    @ParameterizedTest
    @MethodSource("badLocal")
    void aMalformedLocalOrGatewayValueNamesTheVariable(Map<String, String> env, String message) {
        assertThatThrownBy(() -> GoModelClient.fromEnv(env::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message)
                .hasMessageNotContaining(KEY);
    }

    @Test
    void everyVariableSetGivesEveryProviderInEntryOrder() {
        Map<String, String> env = new HashMap<>();
        keyedUpstreams().forEach(arguments -> env.put((String) arguments.get()[0], KEY));
        env.put("ANTHROPIC_API_KEY", KEY);
        env.putAll(Map.of("AZURE_OPENAI_API_KEY", KEY, "AZURE_OPENAI_ENDPOINT", "https://x.openai.azure.com",
                "AZURE_OPENAI_DEPLOYMENT", "d", "OLLAMA_BASE_URL", "http://localhost:11434/v1",
                "VLLM_BASE_URL", "http://localhost:8000/v1", "GOMODEL_BASE_URL", "https://gateway.example.com"));

        try (GoModelClient client = GoModelClient.fromEnv(env::get)) {
            assertThat(client.providers()).extracting(Provider::name).containsExactly("openai", "anthropic", "azure", "groq", "xai",
                    "deepseek", "gemini", "openrouter", "mistral", "together", "fireworks", "cerebras", "zai",
                    "minimax", "ollama", "vllm", "gomodel");
        }
    }

    @Test
    void withNothingSetTheErrorListsEveryVariableThatTurnsAProviderOn() {
        assertThatThrownBy(() -> GoModelClient.fromEnv(name -> null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OPENAI_API_KEY, ANTHROPIC_API_KEY, AZURE_OPENAI_API_KEY, GROQ_API_KEY, XAI_API_KEY, DEEPSEEK_API_KEY, "
                        + "GEMINI_API_KEY, OPENROUTER_API_KEY, MISTRAL_API_KEY, TOGETHER_API_KEY, FIREWORKS_API_KEY, "
                        + "CEREBRAS_API_KEY, ZAI_API_KEY, MINIMAX_API_KEY, OLLAMA_BASE_URL, VLLM_BASE_URL, GOMODEL_BASE_URL");
    }

    @Test
    void anAnthropicKeyTurnsTheAnthropicProviderOnAndItsBaseUrlPointsItElsewhere() {
        server.stubFor(post(urlEqualTo("/anthropic/v1/messages")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-x\","
                        + "\"content\":[{\"type\":\"text\",\"text\":\"Hi!\"}],\"stop_reason\":\"end_turn\","
                        + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":3,\"output_tokens\":2}}")));
        Map<String, String> env = Map.of("ANTHROPIC_API_KEY", KEY, "ANTHROPIC_BASE_URL",
                server.baseUrl() + "/anthropic/v1");

        try (GoModelClient client = GoModelClient.fromEnv(env::get)) {
            ChatCompletion done = ask(client, "anthropic/claude-x");
            assertThat(done.text()).isEqualTo("Hi!");
            assertThat(done.provider()).isEqualTo("anthropic");
        }
        server.verify(postRequestedFor(urlEqualTo("/anthropic/v1/messages"))
                .withHeader("x-api-key", equalTo(KEY))
                .withRequestBody(matchingJsonPath("$.model", equalTo("claude-x"))));
        assertThatThrownBy(() -> GoModelClient.fromEnv(Map.of("ANTHROPIC_API_KEY", KEY, "ANTHROPIC_BASE_URL",
                "not a url")::get))
                .hasMessageStartingWith("ANTHROPIC_BASE_URL").hasMessageNotContaining(KEY);
    }

    @Test
    void blankValuesCountAsUnset() {
        assertThatThrownBy(() -> GoModelClient.fromEnv(Map.of("GROQ_API_KEY", "  ", "OLLAMA_BASE_URL", "")::get))
                .isInstanceOf(IllegalStateException.class);
    }
}
