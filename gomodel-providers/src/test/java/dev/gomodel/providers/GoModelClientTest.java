package dev.gomodel.providers;

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

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.gomodel.GoModelClient;
import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.error.GoModelException;
import dev.gomodel.error.NoRouteException;
import dev.gomodel.providers.openai.OpenAiProvider;
import dev.gomodel.providers.testing.RecordingSubscriber;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client facade end to end: environment discovery, routing by model name, closing. */
class GoModelClientTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String COMPLETION = """
            {"id":"c","object":"chat.completion","created":1,"model":"gpt-4o-mini","choices":[{"index":0,
             "message":{"role":"assistant","content":"Hi!"},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5}}""";

    @Test
    void fromEnvFindsTheOpenAiProviderAndRoutesProviderSlashModelToIt() {
        server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(COMPLETION)));
        Map<String, String> env = Map.of("OPENAI_API_KEY", "sk-env", "OPENAI_BASE_URL", server.baseUrl() + "/v1");

        try (GoModelClient client = GoModelClient.fromEnv(env::get)) {
            ChatCompletion done = client.chat().create(ChatRequest.builder().model("openai/gpt-4o-mini").user("Hi")
                    .build());

            assertThat(done.text()).isEqualTo("Hi!");
            assertThat(done.provider()).isEqualTo("openai");
            assertThat(client.providers()).singleElement().isInstanceOf(OpenAiProvider.class);
        }
        server.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer sk-env"))
                .withRequestBody(equalToJson("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")));
    }

    @Test
    void fromEnvWithoutAKeyNamesTheVariableToSet() {
        assertThatThrownBy(() -> GoModelClient.fromEnv(name -> null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OPENAI_API_KEY");
    }

    @Test
    void fromEnvWithABadBaseUrlNamesTheVariable() {
        Map<String, String> env = Map.of("OPENAI_API_KEY", "sk-env", "OPENAI_BASE_URL", "not a url");

        assertThatThrownBy(() -> GoModelClient.fromEnv(env::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("OPENAI_BASE_URL")
                .hasMessageNotContaining("sk-env");
    }

    @Test
    void aSingleProviderServesEveryModelAndStreamsNameItAsProvider() throws Exception {
        server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody("""
                        data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"x"},"finish_reason":"stop"}]}

                        data: [DONE]

                        """)));
        try (GoModelClient client = GoModelClient.builder()
                .provider(OpenAiProvider.builder().name("local").baseUrl(server.baseUrl() + "/v1").build()).build()) {
            RecordingSubscriber<ChatCompletionChunk> subscriber = new RecordingSubscriber<>(Long.MAX_VALUE);

            client.chat().stream(ChatRequest.builder().model("meta-llama/Llama-3.3-70B").user("Hi").build())
                    .subscribe(subscriber);

            assertThat(subscriber.awaitTerminal(10, TimeUnit.SECONDS)).isTrue();
            assertThat(subscriber.completed()).isTrue();
            assertThat(subscriber.items).singleElement().satisfies(chunk -> assertThat(chunk.provider()).isEqualTo("local"));
        }
        server.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.model",
                        equalTo("meta-llama/Llama-3.3-70B"))));
    }

    @Test
    void anUnknownProviderHintFailsBeforeAnyNetworkCallListingWhatIsConfigured() {
        try (GoModelClient client = GoModelClient.builder()
                .provider(OpenAiProvider.builder().baseUrl(server.baseUrl() + "/v1").build()).build()) {
            assertThatThrownBy(() -> client.chat().create(ChatRequest.builder().model("claude").provider("anthropic")
                    .user("Hi").build()))
                    .isInstanceOf(NoRouteException.class)
                    .hasMessageContaining("anthropic")
                    .hasMessageContaining("openai (openai: any model)");
        }
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void callsAfterCloseFail() {
        GoModelClient client = GoModelClient.builder()
                .provider(OpenAiProvider.builder().baseUrl(server.baseUrl() + "/v1").build()).build();
        client.close();

        assertThatThrownBy(() -> client.chat().create(ChatRequest.builder().model("m").user("Hi").build()))
                .isInstanceOf(GoModelException.class)
                .hasMessageContaining("closed");
    }
}
