package dev.gomodel.providers.anthropic;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
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
import dev.gomodel.chat.ChatCompletionAccumulator;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.chat.Content;
import dev.gomodel.chat.ContentPart;
import dev.gomodel.chat.JsonValue;
import dev.gomodel.chat.Message;
import dev.gomodel.chat.Tool;
import dev.gomodel.chat.ToolCall;
import dev.gomodel.chat.ToolChoice;
import dev.gomodel.chat.Usage;
import dev.gomodel.error.ApiException;
import dev.gomodel.error.AuthenticationException;
import dev.gomodel.error.IncompleteStreamException;
import dev.gomodel.error.InvalidRequestException;
import dev.gomodel.error.NotFoundException;
import dev.gomodel.error.ProviderErrorException;
import dev.gomodel.error.RateLimitException;
import dev.gomodel.providers.testing.RecordingSubscriber;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Anthropic provider against WireMock speaking Anthropic's documented Messages API format. */
class AnthropicProviderTest {

    static final String KEY = "sk-ant-test-0123456789abcdef";
    static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_750_000_000L), ZoneOffset.UTC);

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    static String fixture(String name) {
        try (InputStream in = AnthropicProviderTest.class.getResourceAsStream("/anthropic/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static AnthropicProvider.Builder provider() {
        return AnthropicProvider.builder().apiKey(KEY).baseUrl(server.baseUrl() + "/v1").clock(CLOCK);
    }

    static ChatRequest hello() {
        return ChatRequest.builder().model("claude-sonnet-4-5").system("Be brief.").user("Hello").build();
    }

    static void stubMessage(String body) {
        server.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    static void stubStream(String body) {
        server.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(body)));
    }

    static RecordingSubscriber<ChatCompletionChunk> streamed(AnthropicProvider provider, ChatRequest request)
            throws InterruptedException {
        RecordingSubscriber<ChatCompletionChunk> subscriber = new RecordingSubscriber<>(Long.MAX_VALUE);
        provider.stream(request).subscribe(subscriber);
        assertThat(subscriber.awaitTerminal(10, TimeUnit.SECONDS)).isTrue();
        assertThat(subscriber.violations).isEmpty();
        return subscriber;
    }

    static ChatCompletion accumulate(List<ChatCompletionChunk> chunks) {
        ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
        chunks.forEach(accumulator::accept);
        return accumulator.result();
    }

    /** A request using every field the translation knows. */
    static ChatRequest everyField() {
        return ChatRequest.builder().model("claude-sonnet-4-5")
                .system("Be brief.")
                .message(Message.user(ContentPart.text("What's the weather where this photo was taken?"),
                        ContentPart.imageUrl("data:image/jpeg;base64,/9j/4AAQSkZJRg=="),
                        ContentPart.imageUrl("https://upload.example.com/photo.jpg")))
                .message(new Message("assistant", Content.text("Let me check."), null, null, List.of(
                        ToolCall.function("toolu_01", "get_weather", "{\"location\":\"Paris\"}")), Map.of()))
                .message(Message.tool("toolu_01", "18C and sunny"))
                .tool(Tool.function("get_weather", "Get the current weather", JsonValue.parse(
                        "{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\"}},\"required\":[\"location\"]}")))
                .toolChoice(ToolChoice.AUTO)
                .parallelToolCalls(false)
                .maxTokens(1000)
                .temperature(1.0)
                .reasoningEffort("low")
                .extra("stop", JsonValue.parse("[\"###\"]"))
                .extra("top_k", JsonValue.of(5))
                .extra("user", JsonValue.of("user-42"))
                .provider("anthropic")
                .build();
    }

    static final String EVERY_FIELD_BODY = """
            {"model":"claude-sonnet-4-5","max_tokens":2024,"system":"Be brief.",
             "messages":[
              {"role":"user","content":[
                {"type":"text","text":"What's the weather where this photo was taken?"},
                {"type":"image","source":{"type":"base64","media_type":"image/jpeg","data":"/9j/4AAQSkZJRg=="}},
                {"type":"image","source":{"type":"url","url":"https://upload.example.com/photo.jpg"}}]},
              {"role":"assistant","content":[{"type":"text","text":"Let me check."},
                {"type":"tool_use","id":"toolu_01","name":"get_weather","input":{"location":"Paris"}}]},
              {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_01","content":"18C and sunny"}]}],
             "tools":[{"name":"get_weather","description":"Get the current weather",
               "input_schema":{"type":"object","properties":{"location":{"type":"string"}},"required":["location"]}}],
             "tool_choice":{"type":"auto","disable_parallel_tool_use":true},
             "thinking":{"type":"enabled","budget_tokens":1024},
             "temperature":1.0,"stop_sequences":["###"],"metadata":{"user_id":"user-42"},"top_k":5}""";

    @Test
    void createSendsTheExactBodyAndHeadersForEveryField() {
        stubMessage(fixture("message-text.json"));
        AnthropicProvider anthropic = provider().beta("prompt-caching-2024-07-31").beta("output-128k-2025-02-19")
                .header("X-Trace", "t-1").build();

        anthropic.create(everyField());

        server.verify(postRequestedFor(urlEqualTo("/v1/messages"))
                .withHeader("x-api-key", equalTo(KEY))
                .withHeader("anthropic-version", equalTo("2023-06-01"))
                .withHeader("anthropic-beta", equalTo("prompt-caching-2024-07-31,output-128k-2025-02-19"))
                .withHeader("content-type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("X-Trace", equalTo("t-1"))
                .withHeader("Authorization", absent())
                .withRequestBody(equalToJson(EVERY_FIELD_BODY)));
    }

    @Test
    void aStreamSendsTheSameBodyWithStreamTrue() throws Exception {
        stubStream(fixture("stream-text.sse"));

        streamed(provider().version("2024-01-01").build(), everyField());

        server.verify(postRequestedFor(urlEqualTo("/v1/messages"))
                .withHeader("anthropic-version", equalTo("2024-01-01"))
                .withHeader("anthropic-beta", absent())
                .withHeader("Accept", equalTo("text/event-stream"))
                .withRequestBody(equalToJson(EVERY_FIELD_BODY.substring(0, EVERY_FIELD_BODY.length() - 1)
                        + ",\"stream\":true}")));
    }

    @Test
    void aTextMessageBecomesACompletion() {
        stubMessage(fixture("message-text.json"));

        ChatCompletion completion = provider().build().create(hello());

        assertThat(completion.id()).isEqualTo("msg_01XFDUDYJgAACzvnptvVoYEL");
        assertThat(completion.object()).isEqualTo("chat.completion");
        assertThat(completion.created()).isEqualTo(1_750_000_000L);
        assertThat(completion.model()).isEqualTo("claude-sonnet-4-5-20250929");
        assertThat(completion.text()).isEqualTo("Hello! How can I help you today?");
        assertThat(completion.message().role()).isEqualTo("assistant");
        assertThat(completion.message().toolCalls()).isNull();
        assertThat(completion.finishReason()).isEqualTo("stop");
        assertThat(completion.choices().get(0).extra()).isEmpty();
        assertThat(completion.usage().promptTokens()).isEqualTo(12);
        assertThat(completion.usage().completionTokens()).isEqualTo(10);
        assertThat(completion.usage().totalTokens()).isEqualTo(22);
        assertThat(completion.usage().promptTokensDetails().cachedTokens()).isZero();
        assertThat(completion.usage().rawUsage()).isEqualTo(JsonValue.parse(
                "{\"input_tokens\":12,\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0,"
                        + "\"output_tokens\":10,\"service_tier\":\"standard\"}"));
        assertThat(completion.extra()).isEmpty();
    }

    @Test
    void aStreamedTextAnswerAccumulatesToTheNonStreamedOne() throws Exception {
        stubMessage(fixture("message-text.json"));
        ChatCompletion whole = provider().build().create(hello());
        server.resetAll();
        stubStream(fixture("stream-text.sse"));

        RecordingSubscriber<ChatCompletionChunk> subscriber = streamed(provider().build(), hello());

        assertThat(subscriber.completed()).isTrue();
        List<ChatCompletionChunk> chunks = subscriber.items;
        assertThat(chunks.get(0).choices().get(0).delta().role()).isEqualTo("assistant");
        assertThat(chunks).extracting(ChatCompletionChunk::text).containsSubsequence("Hello!",
                " How can I help you today?");
        assertThat(chunks.get(chunks.size() - 1).finishReason()).isEqualTo("stop");
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.id()).isEqualTo("msg_01XFDUDYJgAACzvnptvVoYEL");
            assertThat(chunk.object()).isEqualTo("chat.completion.chunk");
        });
        assertThat(accumulate(chunks)).isEqualTo(whole);
    }

    @Test
    void parallelToolCallsKeepTheirInputByteForByte() {
        stubMessage(fixture("message-tools.json"));

        ChatCompletion completion = provider().build().create(hello());

        assertThat(completion.finishReason()).isEqualTo("tool_calls");
        assertThat(completion.text()).isEqualTo("I'll check both cities.");
        assertThat(completion.toolCalls()).containsExactly(
                ToolCall.function("toolu_01A09q90qw90lq917835lq9", "get_weather",
                        "{\"location\":\"San Francisco, CA\",\"unit\":\"celsius\",\"station\":123456789012345678901234567890}"),
                ToolCall.function("toolu_01B19q90qw90lq917835lq8", "get_weather", "{\"location\":\"New York, NY\"}"),
                ToolCall.function("toolu_01C29q90qw90lq917835lq7", "get_time", "{}"));
        Usage usage = completion.usage();
        assertThat(usage.promptTokens()).isEqualTo(350);
        assertThat(usage.completionTokens()).isEqualTo(80);
        assertThat(usage.totalTokens()).isEqualTo(430);
        assertThat(usage.promptTokensDetails().cachedTokens()).isEqualTo(200);
    }

    @Test
    void streamedToolCallsAreIndexedByToolCallAndAccumulateToTheNonStreamedAnswer() throws Exception {
        stubMessage(fixture("message-tools.json"));
        ChatCompletion whole = provider().build().create(hello());
        server.resetAll();
        stubStream(fixture("stream-tools.sse"));

        RecordingSubscriber<ChatCompletionChunk> subscriber = streamed(provider().build(), hello());

        assertThat(subscriber.completed()).isTrue();
        List<ChatCompletionChunk.ToolCallDelta> deltas = subscriber.items.stream()
                .flatMap(chunk -> chunk.choices().stream())
                .filter(choice -> choice.delta() != null && choice.delta().toolCalls() != null)
                .flatMap(choice -> choice.delta().toolCalls().stream())
                .toList();
        assertThat(deltas.get(0)).isEqualTo(new ChatCompletionChunk.ToolCallDelta(0, "toolu_01A09q90qw90lq917835lq9",
                "function", new dev.gomodel.chat.FunctionCall("get_weather", "", Map.of()), Map.of()));
        assertThat(deltas).extracting(ChatCompletionChunk.ToolCallDelta::index)
                .containsExactly(0, 0, 0, 0, 1, 1, 2, 2);
        assertThat(deltas.get(1).function().arguments()).isEqualTo("{\"location\":");
        assertThat(deltas.get(1).id()).isNull();
        assertThat(accumulate(subscriber.items)).isEqualTo(whole);
    }

    @Test
    void thinkingBecomesReasoningContentWithTheSignatureKept() {
        stubMessage(fixture("message-thinking.json"));

        ChatCompletion completion = provider().build().create(hello());

        assertThat(completion.text()).isEqualTo("27 * 453 = 12,231");
        assertThat(completion.message().reasoningContent()).isEqualTo("The user wants 27 * 453. 27 * 453 = 12231.");
        assertThat(completion.message().extra())
                .containsEntry("reasoning_signature", JsonValue.of("EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds"))
                .containsEntry("redacted_thinking", JsonValue.parse(
                        "[\"EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlxh0L5L8rLVyIwxtE3rAFBa8cr3qpP\"]"));
        assertThat(completion.finishReason()).isEqualTo("stop");
        assertThat(completion.choices().get(0).extra()).containsEntry("stop_sequence", JsonValue.of("###"));
    }

    @Test
    void streamedThinkingAccumulatesToTheNonStreamedAnswer() throws Exception {
        stubMessage(fixture("message-thinking.json"));
        ChatCompletion whole = provider().build().create(hello());
        server.resetAll();
        stubStream(fixture("stream-thinking.sse"));

        RecordingSubscriber<ChatCompletionChunk> subscriber = streamed(provider().build(), hello());

        assertThat(subscriber.completed()).isTrue();
        assertThat(subscriber.items).extracting(chunk -> chunk.choices().get(0).delta().reasoningContent())
                .containsSubsequence("The user wants 27 * 453. ", "27 * 453 = 12231.");
        assertThat(accumulate(subscriber.items)).isEqualTo(whole);
    }

    @Test
    void aReplayedAnswerSendsTheSignedThinkingBack() {
        stubMessage(fixture("message-thinking.json"));
        AnthropicProvider anthropic = provider().build();
        ChatCompletion first = anthropic.create(hello());

        anthropic.create(ChatRequest.builder().model("claude-sonnet-4-5").user("27 * 453?").message(first.message())
                .user("And times 2?").build());

        server.verify(postRequestedFor(urlEqualTo("/v1/messages")).withRequestBody(equalToJson("""
                {"model":"claude-sonnet-4-5","max_tokens":4096,"messages":[
                 {"role":"user","content":"27 * 453?"},
                 {"role":"assistant","content":[
                   {"type":"thinking","thinking":"The user wants 27 * 453. 27 * 453 = 12231.",
                    "signature":"EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds"},
                   {"type":"redacted_thinking","data":"EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlxh0L5L8rLVyIwxtE3rAFBa8cr3qpP"},
                   {"type":"text","text":"27 * 453 = 12,231"}]},
                 {"role":"user","content":"And times 2?"}]}""")));
    }

    static Stream<Arguments> errorStatuses() {
        return Stream.of(
                Arguments.of(400, InvalidRequestException.class, "invalid_request_error"),
                Arguments.of(401, AuthenticationException.class, "authentication_error"),
                Arguments.of(403, AuthenticationException.class, "permission_error"),
                Arguments.of(404, NotFoundException.class, "not_found_error"),
                Arguments.of(413, InvalidRequestException.class, "request_too_large"),
                Arguments.of(429, RateLimitException.class, "rate_limit_error"),
                Arguments.of(500, ProviderErrorException.class, "api_error"),
                Arguments.of(529, ProviderErrorException.class, "overloaded_error"));
    }

    @ParameterizedTest
    @MethodSource("errorStatuses")
    void errorStatusesMapToTypedExceptions(int status, Class<? extends ApiException> type, String errorType) {
        server.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("request-id", "req_011CSHoEeqs5C35K2UUqR7Fy")
                .withHeader("retry-after", "7")
                .withBody("{\"type\":\"error\",\"error\":{\"type\":\"" + errorType + "\",\"message\":\"Failure "
                        + status + "\"},\"request_id\":\"req_011CSHoEeqs5C35K2UUqR7Fy\"}")));

        Throwable thrown = catchThrowable(() -> provider().build().create(hello()));

        assertThat(thrown).isExactlyInstanceOf(type);
        ApiException error = (ApiException) thrown;
        assertThat(error.status()).isEqualTo(status);
        assertThat(error.type()).isEqualTo(errorType);
        assertThat(error.requestId()).isEqualTo("req_011CSHoEeqs5C35K2UUqR7Fy");
        assertThat(error.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(error.provider()).isEqualTo("anthropic");
        assertThat(error.getMessage()).contains("Failure " + status).contains("HTTP " + status).doesNotContain(KEY);
    }

    @Test
    void anErrorStatusForAStreamIsTheSameTypedException() throws Exception {
        server.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(529)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}")));

        RecordingSubscriber<ChatCompletionChunk> subscriber = streamed(provider().build(), hello());

        assertThat(subscriber.error()).isInstanceOf(ProviderErrorException.class).hasMessageContaining("Overloaded");
        assertThat(subscriber.items).isEmpty();
    }

    @Test
    void anOverloadedErrorEventInsideA200StreamIsAProviderError() throws Exception {
        server.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withHeader("request-id", "req_stream_1")
                .withBody(fixture("stream-overloaded.sse"))));

        RecordingSubscriber<ChatCompletionChunk> subscriber = streamed(provider().build(), hello());

        assertThat(subscriber.error()).isExactlyInstanceOf(ProviderErrorException.class);
        ProviderErrorException error = (ProviderErrorException) subscriber.error();
        assertThat(error.status()).isEqualTo(200);
        assertThat(error.type()).isEqualTo("overloaded_error");
        assertThat(error.getMessage()).contains("Overloaded");
        assertThat(error.requestId()).isEqualTo("req_stream_1");
        assertThat(subscriber.items).extracting(ChatCompletionChunk::text).contains("Hel");
    }

    @Test
    void aStreamEndingBeforeAStopReasonIsIncomplete() throws Exception {
        stubStream(fixture("stream-truncated.sse"));

        RecordingSubscriber<ChatCompletionChunk> subscriber = streamed(provider().build(), hello());

        assertThat(subscriber.error()).isInstanceOf(IncompleteStreamException.class);
        assertThat(accumulate(subscriber.items).text()).isEqualTo("Hello! How can I help you today?");
    }

    @Test
    void aStreamEndingAfterTheStopReasonButWithoutMessageStopCompletes() throws Exception {
        stubStream(fixture("stream-no-message-stop.sse"));

        RecordingSubscriber<ChatCompletionChunk> subscriber = streamed(provider().build(), hello());

        assertThat(subscriber.completed()).isTrue();
        assertThat(subscriber.error()).isNull();
        assertThat(accumulate(subscriber.items).finishReason()).isEqualTo("stop");
    }

    @Test
    void a200WithAnErrorBodyIsATypedError() {
        stubMessage("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}");

        assertThatThrownBy(() -> provider().build().create(hello()))
                .isInstanceOf(ProviderErrorException.class)
                .hasMessageContaining("Overloaded");
    }

    @Test
    void whatAnthropicCannotExpressFailsBeforeAnyRequest() {
        AnthropicProvider anthropic = provider().build();
        ChatRequest twoChoices = hello().toBuilder().extra("n", JsonValue.of(2)).build();

        assertThatThrownBy(() -> anthropic.create(twoChoices)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("n:");
        assertThatThrownBy(() -> anthropic.stream(twoChoices)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("n:");
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void toStringAndErrorsNeverShowTheKey() {
        server.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"}}")));
        AnthropicProvider anthropic = provider().build();

        Throwable thrown = catchThrowable(() -> anthropic.create(hello()));

        assertThat(anthropic.toString()).contains("anthropic").contains("***").doesNotContain(KEY);
        assertThat(thrown).isInstanceOf(AuthenticationException.class);
        assertThat(thrown.getMessage()).doesNotContain(KEY);
        assertThat(((ApiException) thrown).bodySnippet()).doesNotContain(KEY);
    }

    @Test
    void defaultsAndSettings() {
        AnthropicProvider anthropic = AnthropicProvider.builder().apiKey(KEY).model("claude-sonnet-4-5").build();

        assertThat(anthropic.name()).isEqualTo("anthropic");
        assertThat(anthropic.type()).isEqualTo("anthropic");
        assertThat(anthropic.baseUrl()).isEqualTo("https://api.anthropic.com/v1");
        assertThat(anthropic.models()).containsExactly("claude-sonnet-4-5");
        anthropic.close();
    }

    @Test
    void theDefaultMaxTokensAndThinkingBudgetsAreConfigurable() {
        stubMessage(fixture("message-text.json"));
        AnthropicProvider anthropic = provider().defaultMaxTokens(512).thinkingBudgets(2000, 3000, 5000).build();

        anthropic.create(ChatRequest.builder().model("claude-sonnet-4-5").user("Hi").reasoningEffort("medium").build());

        server.verify(postRequestedFor(urlEqualTo("/v1/messages")).withRequestBody(equalToJson("""
                {"model":"claude-sonnet-4-5","max_tokens":3512,"messages":[{"role":"user","content":"Hi"}],
                 "thinking":{"type":"enabled","budget_tokens":3000}}""")));
    }

    @Test
    void builderRejectsBadSettingsNamingThem() {
        assertThatThrownBy(() -> AnthropicProvider.builder().defaultMaxTokens(0))
                .hasMessageContaining("defaultMaxTokens");
        assertThatThrownBy(() -> AnthropicProvider.builder().thinkingBudgets(512, 4096, 16384))
                .hasMessageContaining("1024");
        assertThatThrownBy(() -> AnthropicProvider.builder().thinkingBudgets(4096, 2048, 16384))
                .hasMessageContaining("low <= medium <= high");
        assertThatThrownBy(() -> AnthropicProvider.builder().version(" ")).hasMessageContaining("version");
        assertThatThrownBy(() -> AnthropicProvider.builder().beta(null)).hasMessageContaining("beta");
    }
}
