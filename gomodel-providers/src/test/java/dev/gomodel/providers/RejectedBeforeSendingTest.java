package dev.gomodel.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.gomodel.ChatCompletions;
import dev.gomodel.ChunkStream;
import dev.gomodel.GoModelClient;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.chat.Content;
import dev.gomodel.chat.ContentPart;
import dev.gomodel.chat.JsonValue;
import dev.gomodel.chat.Message;
import dev.gomodel.chat.Tool;
import dev.gomodel.chat.ToolCall;
import dev.gomodel.chat.ToolChoice;
import dev.gomodel.error.NoRouteException;
import dev.gomodel.providers.anthropic.AnthropicProvider;
import dev.gomodel.providers.openai.OpenAiProvider;
import dev.gomodel.providers.testing.RecordingSubscriber;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad requests fail before any byte goes out: sent through a real OpenAI provider, a real
 * Anthropic provider and a client whose router has both (with a fallback that would send the
 * request elsewhere), by every way of calling, against a WireMock server that answers every
 * request successfully and must have received none. A valid request through the same set-up
 * does arrive, so an empty journal means something.
 */
class RejectedBeforeSendingTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String COMPLETION = """
            {"id":"c","object":"chat.completion","created":1,"model":"gpt-4o","choices":[{"index":0,
             "message":{"role":"assistant","content":"Hi!"},"finish_reason":"stop"}]}""";
    static final String MESSAGE = """
            {"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4-5",
             "content":[{"type":"text","text":"Hi!"}],"stop_reason":"end_turn",
             "usage":{"input_tokens":3,"output_tokens":2}}""";

    /** The three ways a request reaches an upstream. */
    enum Target {
        OPENAI, ANTHROPIC, CLIENT
    }

    /** The ways of calling; each gives the failure, whether thrown or signalled. */
    enum Call {
        CREATE, CREATE_ASYNC, STREAM, STREAM_HANDLER, STREAM_BLOCKING
    }

    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeEach
    void answerEverything() {
        server.stubFor(post("/openai/v1/chat/completions").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(COMPLETION)));
        server.stubFor(post("/anthropic/v1/messages").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(MESSAGE)));
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    private static OpenAiProvider openai() {
        return OpenAiProvider.builder().apiKey("sk-test").baseUrl(server.baseUrl() + "/openai/v1").build();
    }

    private static AnthropicProvider anthropic() {
        return AnthropicProvider.builder().apiKey("sk-ant-test").baseUrl(server.baseUrl() + "/anthropic/v1").build();
    }

    private ChatCompletions open(Target target) {
        AutoCloseable closeable = switch (target) {
            case OPENAI -> openai();
            case ANTHROPIC -> anthropic();
            case CLIENT -> GoModelClient.builder().provider(openai()).provider(anthropic())
                    .routing(r -> r.fallback("claude-sonnet-4-5", "openai/gpt-4o").maxRetries(2)
                            .fallbackOnRequestErrors(true))
                    .build();
        };
        opened.add(closeable);
        return closeable instanceof GoModelClient client ? client.chat() : (ChatCompletions) closeable;
    }

    /** The model each target is asked for: the client routes {@code anthropic/...} to the Anthropic provider. */
    private static String model(Target target) {
        return switch (target) {
            case OPENAI -> "gpt-4o";
            case ANTHROPIC -> "claude-sonnet-4-5";
            case CLIENT -> "anthropic/claude-sonnet-4-5";
        };
    }

    /** Makes the call and returns what it failed with, thrown at once or signalled later; null if it succeeded. */
    private static Throwable failureOf(Call call, ChatCompletions chat, Supplier<ChatRequest> request) throws Exception {
        try {
            switch (call) {
                case CREATE -> chat.create(request.get());
                case CREATE_ASYNC -> chat.createAsync(request.get()).get(10, TimeUnit.SECONDS);
                case STREAM -> {
                    RecordingSubscriber<ChatCompletionChunk> subscriber = new RecordingSubscriber<>(Long.MAX_VALUE);
                    chat.stream(request.get()).subscribe(subscriber);
                    assertThat(subscriber.awaitTerminal(10, TimeUnit.SECONDS)).isTrue();
                    assertThat(subscriber.items).isEmpty();
                    return subscriber.error();
                }
                case STREAM_HANDLER -> {
                    CompletableFuture<?> done = chat.stream(request.get(), chunk -> {
                        throw new AssertionError("no chunk expected");
                    });
                    done.get(10, TimeUnit.SECONDS);
                }
                case STREAM_BLOCKING -> {
                    try (ChunkStream chunks = chat.streamBlocking(request.get())) {
                        chunks.iterator().hasNext();
                    }
                }
            }
            return null;
        } catch (ExecutionException | CompletionException e) {
            return e.getCause();
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static Stream<Arguments> everyTargetAndCall() {
        List<Arguments> arguments = new ArrayList<>();
        for (Target target : Target.values()) {
            for (Call call : Call.values()) {
                arguments.add(Arguments.of(target, call));
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyTargetAndCall")
    void aValidRequestDoesArrive(Target target, Call call) throws Exception {
        // The stubs answer a plain JSON body, which a stream cannot read: only create calls succeed,
        // and the client's stream falls back to OpenAI after Anthropic's unreadable answer.
        Throwable failure = failureOf(call, open(target),
                () -> ChatRequest.builder().model(model(target)).user("Hi").build());

        if (call == Call.CREATE || call == Call.CREATE_ASYNC) {
            assertThat(failure).isNull();
            assertThat(server.getAllServeEvents()).hasSize(1);
        } else {
            assertThat(server.getAllServeEvents()).isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyTargetAndCall")
    void aNullRequestIsRejectedNamingIt(Target target, Call call) throws Exception {
        Throwable failure = failureOf(call, open(target), () -> null);

        assertThat(failure).isExactlyInstanceOf(NullPointerException.class).hasMessage("request");
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    /** Requests the wire model itself refuses: no invalid {@link ChatRequest} can exist to be sent. */
    static Stream<Arguments> invalidRequests() {
        List<Arguments> cases = List.of(
                Arguments.of("temperature NaN", (UnaryOperator<ChatRequest.Builder>) b -> b.temperature(Double.NaN),
                        "temperature must be a finite number (JSON has no NaN or Infinity), got NaN"),
                Arguments.of("a blank role", (UnaryOperator<ChatRequest.Builder>) b -> b.message(Message.of(" ", "x")),
                        "messages[1].role must not be blank"),
                Arguments.of("a function call without a name", (UnaryOperator<ChatRequest.Builder>) b -> b.message(
                                Message.assistantToolCalls(List.of(ToolCall.function("call_1", null, "{}")))),
                        "messages[1].tool_calls[0].function.name is required"),
                Arguments.of("a tool message without tool_call_id",
                        (UnaryOperator<ChatRequest.Builder>) b -> b.message(Message.tool(null, "42")),
                        "messages[1].tool_call_id is required for role \"tool\""),
                Arguments.of("an image part without url",
                        (UnaryOperator<ChatRequest.Builder>) b -> b.message(Message.user(ContentPart.imageUrl(null))),
                        "messages[1].content[0].image_url.url is required"),
                Arguments.of("a tool_choice that is an array", (UnaryOperator<ChatRequest.Builder>) b ->
                                b.toolChoice(new ToolChoice.Other(JsonValue.parse("[\"f\"]"))),
                        "tool_choice must be an object"),
                Arguments.of("a tool_choice function without name",
                        (UnaryOperator<ChatRequest.Builder>) b -> b.toolChoice(ToolChoice.function(" ")),
                        "tool_choice.function.name must not be blank"),
                Arguments.of("an extra member named like a field",
                        (UnaryOperator<ChatRequest.Builder>) b -> b.extra("max_tokens", JsonValue.of(5)),
                        "extra.max_tokens must not name a request field"));
        List<Arguments> arguments = new ArrayList<>();
        for (Target target : Target.values()) {
            for (Arguments c : cases) {
                arguments.add(Arguments.of(target, c.get()[0], c.get()[1], c.get()[2]));
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("invalidRequests")
    void anInvalidRequestNeverReachesTheServer(Target target, String name, UnaryOperator<ChatRequest.Builder> breaker,
            String message) throws Exception {
        ChatCompletions chat = open(target);

        for (Call call : Call.values()) {
            Throwable failure = failureOf(call, chat,
                    () -> breaker.apply(ChatRequest.builder().model(model(target)).user("Hi")).build());

            assertThat(failure).as(call.name()).isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(message);
        }
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    /** What Anthropic cannot express, each naming the request field. */
    static Stream<Arguments> untranslatable() {
        ToolCall listArguments = ToolCall.function("toolu_1", "f", "[1]");
        List<Arguments> cases = List.of(
                untranslatable("a role Anthropic does not have", b -> b.message(Message.of("critic", "Too long.")),
                        "messages[1].role: Anthropic has no role \"critic\""),
                untranslatable("temperature above 1", b -> b.temperature(1.5),
                        "temperature: Anthropic accepts 0 to 1, got 1.5"),
                untranslatable("n above 1", b -> b.extra("n", JsonValue.of(2)), "n: Anthropic returns one choice, got n=2"),
                untranslatable("logprobs", b -> b.extra("logprobs", JsonValue.TRUE),
                        "logprobs: Anthropic does not return log probabilities"),
                untranslatable("an extra member Anthropic does not know",
                        b -> b.extra("frequency_penalty", JsonValue.of(0.5)),
                        "frequency_penalty: not supported by Anthropic"),
                untranslatable("stop that is not strings", b -> b.extra("stop", JsonValue.parse("[1,2]")),
                        "stop: expected a string or an array of strings, got '[1,2]'"),
                untranslatable("stop that is a number", b -> b.extra("stop", JsonValue.of(5)),
                        "stop: expected a string or an array of strings, got '5'"),
                untranslatable("user that is not a string", b -> b.extra("user", JsonValue.of(5)),
                        "user: expected a string, got 5"),
                untranslatable("an input_audio part", b -> b.message(Message.user(ContentPart.inputAudio("UklGRg==", "wav"))),
                        "messages[1].content[0]: input_audio parts are not supported by Anthropic"),
                untranslatable("an unknown part type", b -> b.message(Message.user(new ContentPart.OtherPart("file",
                                Map.of("file", JsonValue.parse("{\"file_id\":\"f\"}"))))),
                        "messages[1].content[0].type: unknown content part type \"file\""),
                untranslatable("an ftp image", b -> b.message(Message.user(ContentPart.imageUrl("ftp://x/a.png"))),
                        "messages[1].content[0].image_url.url: Anthropic takes http(s) and data: URLs only"),
                untranslatable("a data: URL that is not base64",
                        b -> b.message(Message.user(ContentPart.imageUrl("data:image/png,abc"))),
                        "messages[1].content[0].image_url.url: Anthropic takes data: URLs only in the form"),
                untranslatable("an image in an assistant message", b -> b.message(new Message(Message.ASSISTANT,
                                Content.parts(ContentPart.imageUrl("https://x/a.png")), null, null, null, Map.of())),
                        "messages[1].content[0]: Anthropic takes images only in user and tool messages"),
                untranslatable("an image in a system message", b -> b.message(new Message(Message.SYSTEM,
                                Content.parts(ContentPart.imageUrl("https://x/a.png")), null, null, null, Map.of())),
                        "messages[1].content[0]: only text can be part of a system prompt for Anthropic"),
                untranslatable("a user message without content", b -> b.message(new Message(Message.USER,
                                Content.parts(List.of()), null, null, null, Map.of())),
                        "messages[1].content: a user message needs content for Anthropic"),
                untranslatable("an assistant message with neither content nor tool calls",
                        b -> b.message(Message.assistant(null)),
                        "messages[1].content: an assistant message needs content or tool_calls for Anthropic"),
                untranslatable("tool calls in a user message", b -> b.message(new Message(Message.USER,
                                Content.text("Call it"), null, null, List.of(ToolCall.function("toolu_1", "f", "{}")),
                                Map.of())),
                        "messages[1].tool_calls: Anthropic takes tool calls only in assistant messages, not in a "
                                + "\"user\" message"),
                untranslatable("tool calls in a system message", b -> b.message(new Message(Message.SYSTEM,
                                Content.text("Be brief."), null, null, List.of(ToolCall.function("toolu_1", "f", "{}")),
                                Map.of())),
                        "messages[1].tool_calls: Anthropic takes tool calls only in assistant messages"),
                untranslatable("tool call arguments that are not one object",
                        b -> b.message(Message.assistantToolCalls(List.of(listArguments))),
                        "messages[1].tool_calls[0].function.arguments: Anthropic needs one JSON object"),
                untranslatable("redacted_thinking that is an object", b -> b.message(new Message(Message.ASSISTANT,
                                Content.text("ok"), null, null, null, Map.of("redacted_thinking", JsonValue.parse("{}")))),
                        "messages[1].redacted_thinking: expected a string or an array of strings, got '{}'"),
                untranslatable("a tool of another type",
                        b -> b.tool(new Tool("custom", Tool.function("f", null, null).function(), Map.of())),
                        "tools[0].type: Anthropic takes function tools only, got custom"),
                untranslatable("a tool_choice mode Anthropic does not have",
                        b -> b.toolChoice(new ToolChoice.Mode("any")),
                        "tool_choice: expected auto, none or required for Anthropic, got \"any\""),
                untranslatable("parallel_tool_calls false with a tool_choice object",
                        b -> b.toolChoice(new ToolChoice.Other(JsonValue.parse("{\"type\":\"any\"}")))
                                .parallelToolCalls(false),
                        "parallel_tool_calls: cannot be combined with a tool_choice object"),
                untranslatable("a reasoning effort Anthropic does not have", b -> b.reasoningEffort("minimal"),
                        "reasoning.effort: expected low, medium or high for Anthropic, got \"minimal\""),
                untranslatable("max_tokens that the thinking budget overflows",
                        b -> b.maxTokens(Integer.MAX_VALUE).reasoningEffort("high"),
                        "max_tokens: 2147483647 plus the thinking budget of 16384 tokens for reasoning.effort \"high\""),
                untranslatable("only system messages",
                        b -> b.messages(Arrays.asList(Message.system("Be brief."), Message.developer("Really."))),
                        "messages: Anthropic needs at least one user or assistant message"));
        List<Arguments> arguments = new ArrayList<>();
        for (Target target : List.of(Target.ANTHROPIC, Target.CLIENT)) {
            for (Arguments c : cases) {
                arguments.add(Arguments.of(target, c.get()[0], c.get()[1], c.get()[2]));
            }
        }
        return arguments.stream();
    }

    private static Arguments untranslatable(String name, UnaryOperator<ChatRequest.Builder> breaker, String message) {
        return Arguments.of(name, breaker, message);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("untranslatable")
    void whatAnthropicCannotExpressNeverReachesAnyServer(Target target, String name,
            UnaryOperator<ChatRequest.Builder> breaker, String message) throws Exception {
        ChatRequest request = breaker.apply(ChatRequest.builder().model(model(target)).user("Hi")).build();
        ChatCompletions chat = open(target);

        for (Call call : Call.values()) {
            Throwable failure = failureOf(call, chat, () -> request);

            assertThat(failure).as(call.name()).isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(message);
        }
        // Nothing went to Anthropic, and the client's fallback to OpenAI was not taken either.
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void theSameRequestsAreSentToOpenAiWhichTakesThemAsTheyAre() throws Exception {
        ChatRequest critic = ChatRequest.builder().model("gpt-4o").user("Hi").message(Message.of("critic", "Hmm"))
                .temperature(1.5).toolChoice(new ToolChoice.Mode("any")).build();

        assertThat(failureOf(Call.CREATE, open(Target.OPENAI), () -> critic)).isNull();
        assertThat(server.getAllServeEvents()).hasSize(1);
    }

    static Stream<Arguments> unroutable() {
        return Stream.of(
                Arguments.of("a provider hint nobody has", (Supplier<ChatRequest>) () -> ChatRequest.builder()
                        .model("gpt-4o").provider("mistral").user("Hi").build(), NoRouteException.class,
                        "no provider named \"mistral\" is configured"),
                Arguments.of("a provider prefix with no model after it", (Supplier<ChatRequest>) () -> ChatRequest.builder()
                        .model("openai/ ").provider("openai").user("Hi").build(), IllegalArgumentException.class,
                        "model \"openai/ \" has no model id after the provider prefix \"openai/\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unroutable")
    void aRequestTheClientCannotRouteNeverReachesAnyServer(String name, Supplier<ChatRequest> request,
            Class<? extends Throwable> type, String message) throws Exception {
        ChatCompletions chat = open(Target.CLIENT);

        for (Call call : Call.values()) {
            assertThat(failureOf(call, chat, request)).as(call.name()).isExactlyInstanceOf(type)
                    .hasMessageStartingWith(message);
        }
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void aProviderBuiltWithABadSettingFailsBeforeItExists() {
        Function<String, OpenAiProvider> withHeader = value -> OpenAiProvider.builder()
                .baseUrl(server.baseUrl() + "/openai/v1").header("X-Token", value).build();

        assertThatThrownBy(() -> withHeader.apply("sk-secret\r\nX-Injected: 1"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("header X-Token value must not contain line breaks")
                .hasMessageNotContaining("sk-secret");
        assertThat(server.getAllServeEvents()).isEmpty();
    }
}
