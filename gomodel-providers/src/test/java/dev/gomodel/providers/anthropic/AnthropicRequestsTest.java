package dev.gomodel.providers.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.chat.Content;
import dev.gomodel.chat.ContentPart;
import dev.gomodel.chat.FunctionCall;
import dev.gomodel.chat.FunctionDefinition;
import dev.gomodel.chat.JsonValue;
import dev.gomodel.chat.Message;
import dev.gomodel.chat.Reasoning;
import dev.gomodel.chat.Tool;
import dev.gomodel.chat.ToolCall;
import dev.gomodel.chat.ToolChoice;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule of the request translation: a request in, Anthropic's JSON out (or the error naming the field). */
class AnthropicRequestsTest {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final AnthropicRequests.Options OPTIONS = new AnthropicRequests.Options(4096, 1024, 4096, 16384);
    static final JsonValue WEATHER_SCHEMA = JsonValue.parse(
            "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}");

    static ChatRequest.Builder base() {
        return ChatRequest.builder().model("claude-sonnet-4-5");
    }

    static Arguments rule(String name, UnaryOperator<ChatRequest.Builder> request, String expected) {
        return Arguments.of(name, request.apply(base()).build(), expected);
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                rule("a user string stays a string, max_tokens defaults",
                        b -> b.user("Hello"),
                        """
                        {"model":"claude-sonnet-4-5","max_tokens":4096,"messages":[{"role":"user","content":"Hello"}]}"""),
                rule("system and developer messages join into system with a blank line, wherever they stand",
                        b -> b.system("Be brief.").user("Hi").message(Message.developer("Use French.")),
                        """
                        {"model":"claude-sonnet-4-5","max_tokens":4096,"system":"Be brief.\\n\\nUse French.",
                         "messages":[{"role":"user","content":"Hi"}]}"""),
                rule("a system part with cache_control makes system an array of text blocks",
                        b -> b.system("Rules.").message(new Message("system", Content.parts(
                                new ContentPart.TextPart("Long context", Map.of("cache_control",
                                        JsonValue.parse("{\"type\":\"ephemeral\"}")))), null, null, null, Map.of()))
                                .user("Hi"),
                        """
                        {"model":"claude-sonnet-4-5","max_tokens":4096,
                         "system":[{"type":"text","text":"Rules."},
                                   {"type":"text","text":"Long context","cache_control":{"type":"ephemeral"}}],
                         "messages":[{"role":"user","content":"Hi"}]}"""),
                rule("consecutive same-role messages merge into one with blocks in order",
                        b -> b.user("One").user("Two").assistant("Three"),
                        """
                        {"model":"claude-sonnet-4-5","max_tokens":4096,"messages":[
                         {"role":"user","content":[{"type":"text","text":"One"},{"type":"text","text":"Two"}]},
                         {"role":"assistant","content":"Three"}]}"""),
                rule("assistant tool calls become tool_use, tool messages one user message of tool_results",
                        b -> b.user("Weather in Paris and Rome?")
                                .message(new Message("assistant", Content.text("Checking."), null, null, List.of(
                                        ToolCall.function("toolu_1", "weather", "{\"city\": \"Paris\", \"n\": 123456789012345678901234567890}"),
                                        ToolCall.function("toolu_2", "weather", "{\"city\":\"Rome\"}")), Map.of()))
                                .message(Message.tool("toolu_1", "18C"))
                                .message(Message.tool("toolu_2", "25C"))
                                .user("Thanks"),
                        """
                        {"model":"claude-sonnet-4-5","max_tokens":4096,"messages":[
                         {"role":"user","content":"Weather in Paris and Rome?"},
                         {"role":"assistant","content":[{"type":"text","text":"Checking."},
                           {"type":"tool_use","id":"toolu_1","name":"weather","input":{"city":"Paris","n":123456789012345678901234567890}},
                           {"type":"tool_use","id":"toolu_2","name":"weather","input":{"city":"Rome"}}]},
                         {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"18C"},
                           {"type":"tool_result","tool_use_id":"toolu_2","content":"25C"},
                           {"type":"text","text":"Thanks"}]}]}"""),
                rule("an assistant message with only tool calls and null content has only tool_use blocks",
                        b -> b.user("Go").message(Message.assistantToolCalls(List.of(
                                ToolCall.function("toolu_9", "noop", "{}")))).message(Message.tool("toolu_9", "done")),
                        """
                        {"model":"claude-sonnet-4-5","max_tokens":4096,"messages":[
                         {"role":"user","content":"Go"},
                         {"role":"assistant","content":[{"type":"tool_use","id":"toolu_9","name":"noop","input":{}}]},
                         {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_9","content":"done"}]}]}"""),
                rule("a data: URL image becomes a base64 source, an https URL a url source",
                        b -> b.message(Message.user(ContentPart.text("What is this?"),
                                ContentPart.imageUrl("data:image/png;base64,iVBORw0KGgo="),
                                ContentPart.imageUrl("https://example.com/cat.jpg"))),
                        """
                        {"model":"claude-sonnet-4-5","max_tokens":4096,"messages":[{"role":"user","content":[
                          {"type":"text","text":"What is this?"},
                          {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}},
                          {"type":"image","source":{"type":"url","url":"https://example.com/cat.jpg"}}]}]}"""),
                rule("tools become name, description, input_schema",
                        b -> b.user("Hi").tool(Tool.function("weather", "Current weather", WEATHER_SCHEMA))
                                .tool(new Tool("function", new FunctionDefinition("noop", null, null, null, Map.of()), Map.of())),
                        """
                        {"model":"claude-sonnet-4-5","max_tokens":4096,"messages":[{"role":"user","content":"Hi"}],
                         "tools":[{"name":"weather","description":"Current weather","input_schema":
                            {"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}},
                          {"name":"noop","input_schema":{"type":"object","properties":{}}}]}"""),
                rule("tool_choice auto", b -> b.user("Hi").toolChoice(ToolChoice.AUTO),
                        """
                        {"model":"claude-sonnet-4-5","max_tokens":4096,"messages":[{"role":"user","content":"Hi"}],
                         "tool_choice":{"type":"auto"}}"""),
                rule("tool_choice required is any", b -> b.user("Hi").toolChoice(ToolChoice.REQUIRED),
                        """
                        {"model":"claude-sonnet-4-5","max_tokens":4096,"messages":[{"role":"user","content":"Hi"}],
                         "tool_choice":{"type":"any"}}"""),
                rule("tool_choice none", b -> b.user("Hi").toolChoice(ToolChoice.NONE),
                        """
                        {"model":"claude-sonnet-4-5","max_tokens":4096,"messages":[{"role":"user","content":"Hi"}],
                         "tool_choice":{"type":"none"}}"""),
                rule("a named function is type tool", b -> b.user("Hi").toolChoice(ToolChoice.function("weather")),
                        """
                        {"model":"claude-sonnet-4-5","max_tokens":4096,"messages":[{"role":"user","content":"Hi"}],
                         "tool_choice":{"type":"tool","name":"weather"}}"""),
                rule("parallel_tool_calls false alone is auto with disable_parallel_tool_use",
                        b -> b.user("Hi").parallelToolCalls(false),
                        """
                        {"model":"claude-sonnet-4-5","max_tokens":4096,"messages":[{"role":"user","content":"Hi"}],
                         "tool_choice":{"type":"auto","disable_parallel_tool_use":true}}"""),
                rule("parallel_tool_calls false joins a given tool_choice",
                        b -> b.user("Hi").toolChoice(ToolChoice.REQUIRED).parallelToolCalls(false),
                        """
                        {"model":"claude-sonnet-4-5","max_tokens":4096,"messages":[{"role":"user","content":"Hi"}],
                         "tool_choice":{"type":"any","disable_parallel_tool_use":true}}"""),
                rule("parallel_tool_calls true sends nothing", b -> b.user("Hi").parallelToolCalls(true),
                        """
                        {"model":"claude-sonnet-4-5","max_tokens":4096,"messages":[{"role":"user","content":"Hi"}]}"""),
                rule("max_tokens and temperature as given", b -> b.user("Hi").maxTokens(300).temperature(0.5),
                        """
                        {"model":"claude-sonnet-4-5","max_tokens":300,"temperature":0.5,
                         "messages":[{"role":"user","content":"Hi"}]}"""),
                rule("reasoning effort low is thinking with the low budget, max_tokens raised by it",
                        b -> b.user("Think").maxTokens(1000).reasoningEffort("low"),
                        """
                        {"model":"claude-sonnet-4-5","max_tokens":2024,"messages":[{"role":"user","content":"Think"}],
                         "thinking":{"type":"enabled","budget_tokens":1024}}"""),
                rule("reasoning effort medium with the default max_tokens",
                        b -> b.user("Think").reasoningEffort("medium"),
                        """
                        {"model":"claude-sonnet-4-5","max_tokens":8192,"messages":[{"role":"user","content":"Think"}],
                         "thinking":{"type":"enabled","budget_tokens":4096}}"""),
                rule("reasoning effort high",
                        b -> b.user("Think").maxTokens(100).reasoningEffort("high"),
                        """
                        {"model":"claude-sonnet-4-5","max_tokens":16484,"messages":[{"role":"user","content":"Think"}],
                         "thinking":{"type":"enabled","budget_tokens":16384}}"""),
                rule("stop as a string becomes stop_sequences", b -> b.user("Hi").extra("stop", JsonValue.of("END")),
                        """
                        {"model":"claude-sonnet-4-5","max_tokens":4096,"messages":[{"role":"user","content":"Hi"}],
                         "stop_sequences":["END"]}"""),
                rule("stop as an array becomes stop_sequences",
                        b -> b.user("Hi").extra("stop", JsonValue.parse("[\"END\",\"STOP\"]")),
                        """
                        {"model":"claude-sonnet-4-5","max_tokens":4096,"messages":[{"role":"user","content":"Hi"}],
                         "stop_sequences":["END","STOP"]}"""),
                rule("user becomes metadata.user_id", b -> b.user("Hi").extra("user", JsonValue.of("u-42")),
                        """
                        {"model":"claude-sonnet-4-5","max_tokens":4096,"messages":[{"role":"user","content":"Hi"}],
                         "metadata":{"user_id":"u-42"}}"""),
                rule("top_p, top_k, metadata and service_tier pass through; n=1 is dropped",
                        b -> b.user("Hi").extra("top_p", JsonValue.of(0.9)).extra("top_k", JsonValue.of(40))
                                .extra("metadata", JsonValue.parse("{\"user_id\":\"u-7\"}"))
                                .extra("service_tier", JsonValue.of("auto")).extra("n", JsonValue.of(1)),
                        """
                        {"model":"claude-sonnet-4-5","max_tokens":4096,"messages":[{"role":"user","content":"Hi"}],
                         "top_p":0.9,"top_k":40,"metadata":{"user_id":"u-7"},"service_tier":"auto"}"""),
                rule("a signed reasoning_content and redacted thinking go back as thinking blocks",
                        b -> b.user("Q").message(new Message("assistant", Content.text("A"), "Let me think", null, null,
                                Map.of("reasoning_signature", JsonValue.of("sig=="),
                                        "redacted_thinking", JsonValue.parse("[\"enc\"]")))).user("Q2"),
                        """
                        {"model":"claude-sonnet-4-5","max_tokens":4096,"messages":[
                         {"role":"user","content":"Q"},
                         {"role":"assistant","content":[{"type":"thinking","thinking":"Let me think","signature":"sig=="},
                           {"type":"redacted_thinking","data":"enc"},{"type":"text","text":"A"}]},
                         {"role":"user","content":"Q2"}]}"""),
                rule("an unsigned reasoning_content is not sent",
                        b -> b.user("Q").message(new Message("assistant", Content.text("A"), "thoughts", null, null,
                                Map.of())),
                        """
                        {"model":"claude-sonnet-4-5","max_tokens":4096,"messages":[
                         {"role":"user","content":"Q"},{"role":"assistant","content":"A"}]}"""),
                rule("text part extras such as cache_control pass through",
                        b -> b.message(Message.user(new ContentPart.TextPart("Doc", Map.of("cache_control",
                                JsonValue.parse("{\"type\":\"ephemeral\"}"))))),
                        """
                        {"model":"claude-sonnet-4-5","max_tokens":4096,"messages":[{"role":"user","content":[
                          {"type":"text","text":"Doc","cache_control":{"type":"ephemeral"}}]}]}"""),
                rule("stream_options and the provider hint are not sent",
                        b -> b.user("Hi").provider("anthropic")
                                .streamOptions(dev.gomodel.chat.StreamOptions.withUsage()),
                        """
                        {"model":"claude-sonnet-4-5","max_tokens":4096,"messages":[{"role":"user","content":"Hi"}]}"""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void translatesEachRule(String rule, ChatRequest request, String expected) throws Exception {
        byte[] body = AnthropicRequests.write(request, false, OPTIONS);

        assertThat(MAPPER.readTree(body)).isEqualTo(MAPPER.readTree(expected));
    }

    @Test
    void streamsSetStream() throws Exception {
        byte[] body = AnthropicRequests.write(base().user("Hi").build(), true, OPTIONS);

        assertThat(MAPPER.readTree(body)).isEqualTo(MAPPER.readTree("""
                {"model":"claude-sonnet-4-5","max_tokens":4096,"messages":[{"role":"user","content":"Hi"}],
                 "stream":true}"""));
    }

    @Test
    void toolCallArgumentsAreWrittenByteForByte() {
        String arguments = "{ \"z\": 1,  \"a\": 1.50e3, \"big\": 123456789012345678901234567890 }";
        byte[] body = AnthropicRequests.write(base().user("Go").message(Message.assistantToolCalls(List.of(
                ToolCall.function("toolu_1", "f", arguments)))).build(), false, OPTIONS);

        assertThat(new String(body, StandardCharsets.UTF_8)).contains("\"input\":" + arguments + "}");
    }

    static Arguments failure(String name, UnaryOperator<ChatRequest.Builder> request, String field) {
        return Arguments.of(name, request, field);
    }

    static Stream<Arguments> failures() {
        ToolCall listArgs = ToolCall.function("toolu_1", "f", "[1,2]");
        return Stream.of(
                failure("n above 1", b -> b.user("Hi").extra("n", JsonValue.of(2)), "n:"),
                failure("logprobs", b -> b.user("Hi").extra("logprobs", JsonValue.TRUE), "logprobs:"),
                failure("top_logprobs", b -> b.user("Hi").extra("top_logprobs", JsonValue.of(3)), "top_logprobs:"),
                failure("unknown extras are named", b -> b.user("Hi").extra("seed", JsonValue.of(7))
                        .extra("presence_penalty", JsonValue.of(0.1)), "presence_penalty, seed:"),
                failure("input_audio parts", b -> b.message(Message.user(ContentPart.text("Listen"),
                        ContentPart.inputAudio("UklGR", "wav"))), "messages[0].content[1]: input_audio"),
                failure("unknown part types", b -> b.message(Message.user(new ContentPart.OtherPart("file",
                        Map.of()))), "messages[0].content[0].type: unknown content part type \"file\""),
                failure("an unknown reasoning effort", b -> b.user("Hi").reasoningEffort("minimal"),
                        "reasoning.effort:"),
                failure("other reasoning members", b -> b.user("Hi").reasoning(new Reasoning("low",
                        Map.of("summary", JsonValue.of("auto")))), "reasoning.summary:"),
                failure("tool call arguments that are not one object", b -> b.user("Go")
                        .message(Message.assistantToolCalls(List.of(ToolCall.function("toolu_0", "f", "{}"), listArgs))),
                        "messages[1].tool_calls[1].function.arguments:"),
                failure("tool call arguments that are not JSON", b -> b.user("Go")
                        .message(Message.assistantToolCalls(List.of(ToolCall.function("toolu_0", "f", "{\"a\":")))),
                        "messages[1].tool_calls[0].function.arguments:"),
                failure("an image in a system message", b -> b.message(new Message("system", Content.parts(
                        ContentPart.imageUrl("https://example.com/a.png")), null, null, null, Map.of())).user("Hi"),
                        "messages[0].content[0]: only text"),
                failure("an image URL of another scheme", b -> b.message(Message.user(
                        ContentPart.imageUrl("ftp://example.com/a.png"))), "messages[0].content[0].image_url.url:"),
                failure("a data: URL that is not base64", b -> b.message(Message.user(
                        ContentPart.imageUrl("data:image/png,abc"))), "messages[0].content[0].image_url.url:"),
                failure("only system messages", b -> b.system("Alone"), "messages:"),
                failure("a temperature above 1", b -> b.user("Hi").temperature(1.5), "temperature:"),
                failure("an unknown tool_choice mode", b -> b.user("Hi").toolChoice(new ToolChoice.Mode("auto-ish")),
                        "tool_choice:"),
                failure("a role Anthropic does not have", b -> b.message(Message.of("critic", "Hmm")),
                        "messages[0].role:"),
                failure("stop and stop_sequences together", b -> b.user("Hi").extra("stop", JsonValue.of("a"))
                        .extra("stop_sequences", JsonValue.parse("[\"b\"]")), "stop:"),
                failure("user and metadata together", b -> b.user("Hi").extra("user", JsonValue.of("a"))
                        .extra("metadata", JsonValue.parse("{}")), "user:"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void whatAnthropicCannotExpressFailsNamingTheField(String name, UnaryOperator<ChatRequest.Builder> request,
            String field) {
        ChatRequest built = request.apply(base()).build();

        assertThatThrownBy(() -> AnthropicRequests.write(built, false, OPTIONS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(field);
    }

    @Test
    void argumentsOfOneObjectOnly() {
        assertThat(AnthropicRequests.isOneObject("{\"a\":[1,{}]}")).isTrue();
        assertThat(AnthropicRequests.isOneObject(" {} ")).isTrue();
        assertThat(AnthropicRequests.isOneObject("{} {}")).isFalse();
        assertThat(AnthropicRequests.isOneObject("\"{}\"")).isFalse();
        assertThat(AnthropicRequests.isOneObject("")).isFalse();
        assertThat(AnthropicRequests.isOneObject(null)).isFalse();
        assertThat(new FunctionCall("f", "{}", Map.of()).arguments()).isEqualTo("{}");
    }
}
