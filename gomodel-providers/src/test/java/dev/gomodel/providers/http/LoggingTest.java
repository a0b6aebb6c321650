package dev.gomodel.providers.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.providers.anthropic.AnthropicProvider;
import dev.gomodel.providers.openai.OpenAiProvider;
import dev.gomodel.providers.testing.LogCapture;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the providers log: bodies only when asked and cut short, never a key, and the clear-text warning. */
class LoggingTest {

    static final String KEY = "sk-log-test-7f3a9c";
    static final String LONG_PROMPT = "tell me a story ".repeat(100);
    static final String ANSWER = "{\"id\":\"c1\",\"object\":\"chat.completion\",\"model\":\"m\",\"choices\":[{\"index\":0,"
            + "\"message\":{\"role\":\"assistant\",\"content\":\"" + "once upon a time ".repeat(50) + "\"},"
            + "\"finish_reason\":\"stop\"}]}";
    static final String STREAM = "data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},"
            + "\"finish_reason\":null}]}\n\n"
            + "data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
            + "data: [DONE]\n\n";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static ChatRequest request() {
        return ChatRequest.builder().model("m").user(LONG_PROMPT).build();
    }

    @Test
    void bodiesAreNotLoggedUnlessAskedFor() {
        server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withHeader("Content-Type",
                "application/json").withBody(ANSWER)));
        try (LogCapture logs = new LogCapture();
                OpenAiProvider openai = OpenAiProvider.builder().apiKey(KEY).baseUrl(server.baseUrl() + "/v1").build()) {
            openai.create(request());

            assertThat(logs.lines()).noneMatch(line -> line.contains("tell me a story") || line.contains("once upon"))
                    .noneMatch(line -> line.contains(KEY));
        }
    }

    @Test
    void askedForBodiesAreLoggedCutToTheLimitWithoutHeaders() {
        server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withHeader("Content-Type",
                "application/json").withBody(ANSWER)));
        try (LogCapture logs = new LogCapture();
                OpenAiProvider openai = OpenAiProvider.builder().apiKey(KEY).baseUrl(server.baseUrl() + "/v1")
                        .logBodies(120).build()) {
            openai.create(request());

            List<LogRecord> bodies = bodyRecords(logs);
            assertThat(bodies).hasSize(2).allMatch(record -> record.getLevel() == Level.INFO);
            List<String> lines = logs.lines();
            assertThat(lines).anyMatch(line -> line.contains("POST") && line.contains("tell me a story")
                    && line.endsWith("... (truncated)"));
            assertThat(lines).anyMatch(line -> line.contains("HTTP 200") && line.contains("\"content\":\"once up")
                    && line.endsWith("... (truncated)"));
            // The cut leaves at most the limit of the body itself in the line.
            assertThat(lines).allMatch(line -> line.length() < 120 + 200, "cut to the limit");
            assertThat(lines).noneMatch(line -> line.contains(KEY) || line.contains("Authorization"));
        }
    }

    @Test
    void askedForStreamEventsAreLoggedOneByOne() throws Exception {
        server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withHeader("Content-Type",
                "text/event-stream").withBody(STREAM)));
        try (LogCapture logs = new LogCapture();
                OpenAiProvider openai = OpenAiProvider.builder().apiKey(KEY).baseUrl(server.baseUrl() + "/v1")
                        .logBodies(10_000).build()) {
            List<ChatCompletionChunk> chunks = new ArrayList<>();
            openai.stream(request(), new dev.gomodel.StreamHandler() {
                @Override
                public void onChunk(ChatCompletionChunk chunk) {
                    chunks.add(chunk);
                }
            }).get();

            assertThat(chunks).hasSize(2);
            List<String> events = logs.lines().stream().filter(line -> line.contains(": event message ")).toList();
            assertThat(events).hasSize(3);
            assertThat(events.get(0)).contains("\"content\":\"Hi\"").doesNotContain("truncated");
            assertThat(events.get(2)).endsWith("[DONE]");
        }
    }

    @Test
    void anAnthropicErrorBodyIsLoggedWhenAskedFor() {
        server.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(400).withHeader("Content-Type",
                "application/json").withBody("{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\","
                        + "\"message\":\"max_tokens: too large\"}}")));
        try (LogCapture logs = new LogCapture();
                AnthropicProvider anthropic = AnthropicProvider.builder().apiKey(KEY)
                        .baseUrl(server.baseUrl() + "/v1").logBodies(500).build()) {
            try {
                anthropic.create(request());
            } catch (RuntimeException expected) {
                assertThat(expected.getMessage()).contains("max_tokens: too large");
            }

            assertThat(logs.lines()).anyMatch(line -> line.contains("HTTP 400") && line.contains("max_tokens: too large"))
                    .noneMatch(line -> line.contains(KEY));
        }
    }

    @Test
    void plainHttpToAnotherHostWarnsOnceAndLoopbackOrHttpsDoNot() {
        try (LogCapture logs = new LogCapture()) {
            OpenAiProvider.builder().apiKey(KEY).baseUrl("http://llm.example.internal/v1").build().close();
            OpenAiProvider.builder().apiKey(KEY).baseUrl("http://10.1.2.3:8000/v1")
                    .httpClient(HttpClient.newHttpClient()).build().close();
            OpenAiProvider.builder().apiKey(KEY).baseUrl("http://127.0.0.1:8000/v1").build().close();
            OpenAiProvider.builder().apiKey(KEY).baseUrl("http://localhost:8000/v1").build().close();
            OpenAiProvider.builder().apiKey(KEY).baseUrl("https://llm.example.internal/v1").build().close();

            List<String> warnings = logs.records().stream().filter(record -> record.getLevel() == Level.WARNING)
                    .map(record -> new java.util.logging.SimpleFormatter().formatMessage(record)).toList();
            assertThat(warnings).hasSize(2);
            assertThat(warnings.get(0)).contains("http://llm.example.internal/v1").contains("unencrypted");
            assertThat(warnings.get(1)).contains("http://10.1.2.3:8000/v1");
            assertThat(logs.lines()).noneMatch(line -> line.contains(KEY));
        }
    }

    private static List<LogRecord> bodyRecords(LogCapture logs) {
        return logs.records().stream().filter(record -> record.getLoggerName().endsWith("BodyLog")).toList();
    }
}
