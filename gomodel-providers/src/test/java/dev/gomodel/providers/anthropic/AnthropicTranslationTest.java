package dev.gomodel.providers.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionAccumulator;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.JsonValue;
import dev.gomodel.error.GoModelException;
import dev.gomodel.error.InvalidRequestException;
import dev.gomodel.error.ProviderErrorException;
import dev.gomodel.providers.http.SseEvent;
import dev.gomodel.providers.http.StreamDialect;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The answer and stream translations on their own, without HTTP. */
class AnthropicTranslationTest {

    static final long CREATED = 1_700_000_000L;

    /** Records what a dialect did with events. */
    static final class Recorder implements StreamDialect.Sink {
        final List<ChatCompletionChunk> chunks = new ArrayList<>();
        final List<GoModelException> errors = new ArrayList<>();
        int done;

        @Override
        public void chunk(ChatCompletionChunk chunk) {
            chunks.add(chunk);
        }

        @Override
        public void done() {
            done++;
        }

        @Override
        public void error(GoModelException error) {
            errors.add(error);
        }

        ChatCompletion accumulated() {
            ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
            chunks.forEach(accumulator::accept);
            return accumulator.result();
        }
    }

    static Recorder play(String... events) {
        AnthropicStreamDialect dialect = new AnthropicStreamDialect("anthropic",
                HttpHeaders.of(Map.of("request-id", List.of("req_9")), (a, b) -> true), CREATED);
        Recorder recorder = new Recorder();
        for (String event : events) {
            int newline = event.indexOf('\n');
            dialect.onEvent(new SseEvent(event.substring(0, newline), event.substring(newline + 1), null), recorder);
        }
        return recorder;
    }

    static ChatCompletion read(String json) {
        return AnthropicResponses.read(json.getBytes(StandardCharsets.UTF_8), CREATED);
    }

    @Test
    void unknownMembersAndBlocksAreKeptAndToolInputIsCopiedByteForByte() {
        ChatCompletion completion = read("""
                {"id":"msg_1","type":"message","role":"assistant","model":"claude-x","container":{"id":"c1"},
                 "content":[{"type":"server_tool_use","id":"srvtoolu_1","name":"web_search","input":{"query":"q"}},
                   {"type":"tool_use","id":"toolu_1","name":"f","input": { "b" : 2.50, "a":[1, 2] ,"n":99999999999999999999 }}],
                 "stop_reason":"pause_turn","stop_sequence":null,
                 "usage":{"input_tokens":3,"output_tokens":4}}""");

        assertThat(completion.toolCalls().get(0).function().arguments())
                .isEqualTo("{ \"b\" : 2.50, \"a\":[1, 2] ,\"n\":99999999999999999999 }");
        assertThat(completion.extra()).containsEntry("container", JsonValue.parse("{\"id\":\"c1\"}"));
        assertThat(completion.message().extra()).containsEntry("content_blocks", JsonValue.parse(
                "[{\"type\":\"server_tool_use\",\"id\":\"srvtoolu_1\",\"name\":\"web_search\",\"input\":{\"query\":\"q\"}}]"));
        assertThat(completion.finishReason()).isEqualTo("pause_turn");
        assertThat(completion.text()).isNull();
        assertThat(completion.usage().promptTokens()).isEqualTo(3);
        assertThat(completion.usage().totalTokens()).isEqualTo(7);
        assertThat(completion.usage().promptTokensDetails()).isNull();
    }

    @Test
    void stopReasonsMapToFinishReasons() {
        assertThat(AnthropicResponses.finishReason("end_turn")).isEqualTo("stop");
        assertThat(AnthropicResponses.finishReason("stop_sequence")).isEqualTo("stop");
        assertThat(AnthropicResponses.finishReason("max_tokens")).isEqualTo("length");
        assertThat(AnthropicResponses.finishReason("tool_use")).isEqualTo("tool_calls");
        assertThat(AnthropicResponses.finishReason("refusal")).isEqualTo("refusal");
        assertThat(AnthropicResponses.finishReason(null)).isNull();
    }

    @Test
    void malformedAnswersFailNamingThePath() {
        assertThatThrownBy(() -> read("{\"id\":\"m\",\"content\":[{\"type\":\"text\",\"text\":5}]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("content[0].text");
        assertThatThrownBy(() -> read("{\"id\":\"m\",\"usage\":{\"input_tokens\":\"x\"}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("usage.input_tokens");
    }

    @Test
    void tokenCountsThatAreNotIntsFailNamingThePath() {
        for (String count : List.of("1.5", "1e3", "2147483648", "99999999999999999999")) {
            assertThatThrownBy(() -> read("{\"id\":\"m\",\"usage\":{\"input_tokens\":" + count + "}}")).as(count)
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("usage.input_tokens: expected an integer, got " + count);
        }
        assertThatThrownBy(() -> play(
                "message_start\n{\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"usage\":{\"output_tokens\":0.5}}}",
                "message_delta\n{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"}}"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("message.usage.output_tokens: expected an integer, got 0.5");
    }

    @Test
    void redactedThinkingWithoutDataAddsNothing() {
        ChatCompletion completion = read("{\"id\":\"m\",\"content\":[{\"type\":\"redacted_thinking\"},"
                + "{\"type\":\"redacted_thinking\",\"data\":null},{\"type\":\"redacted_thinking\",\"data\":\"d\"}]}");
        assertThat(completion.message().extra()).containsEntry("redacted_thinking", JsonValue.parse("[\"d\"]"));

        Recorder recorder = play(
                "content_block_start\n{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"redacted_thinking\"}}",
                "content_block_start\n{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"redacted_thinking\",\"data\":\"d\"}}");
        assertThat(recorder.chunks).singleElement().satisfies(chunk -> assertThat(chunk.choices().get(0).delta().extra())
                .containsEntry("redacted_thinking", JsonValue.parse("[\"d\"]")));
    }

    @Test
    void tokenCountsWhoseSumOverflowsAreRejectedNotWrapped() {
        assertThatThrownBy(() -> read("{\"id\":\"m\",\"usage\":{\"input_tokens\":2000000000,"
                + "\"cache_read_input_tokens\":2000000000,\"output_tokens\":1}}"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("usage: the token counts add up to 4000000001");
        assertThatThrownBy(() -> read("{\"id\":\"m\",\"usage\":{\"input_tokens\":2147483647,\"output_tokens\":1}}"))
                .isExactlyInstanceOf(IllegalArgumentException.class);
        assertThat(read("{\"id\":\"m\",\"usage\":{\"input_tokens\":2147483646,\"output_tokens\":1}}")
                .usage().totalTokens()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void answersInUtf16OrUtf32AreRejectedAsNotUtf8() {
        String json = "{\"id\":\"m\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}";
        for (String charset : List.of("UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE")) {
            byte[] body = json.getBytes(java.nio.charset.Charset.forName(charset));
            assertThatThrownBy(() -> AnthropicResponses.read(body, CREATED)).as(charset)
                    .isExactlyInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> play("message_start\n{\u0000\"type\":\"message_start\"}"))
                .isExactlyInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void twoSignedThinkingBlocksAccumulateLikeTheNonStreamedAnswer() {
        ChatCompletion whole = read("""
                {"id":"msg_2","type":"message","role":"assistant","model":"claude-x",
                 "content":[{"type":"thinking","thinking":"a","signature":"s1"},{"type":"text","text":"x"},
                            {"type":"thinking","thinking":"b","signature":"s2"},{"type":"text","text":"y"}],
                 "stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":1,"output_tokens":2}}""");

        Recorder recorder = play(
                "message_start\n{\"type\":\"message_start\",\"message\":{\"id\":\"msg_2\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-x\",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}}",
                "content_block_start\n{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\"}}",
                "content_block_delta\n{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"a\"}}",
                "content_block_delta\n{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"signature_delta\",\"signature\":\"s1\"}}",
                "content_block_stop\n{\"type\":\"content_block_stop\",\"index\":0}",
                "content_block_start\n{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"text\",\"text\":\"x\"}}",
                "content_block_stop\n{\"type\":\"content_block_stop\",\"index\":1}",
                "content_block_start\n{\"type\":\"content_block_start\",\"index\":2,\"content_block\":{\"type\":\"thinking\",\"thinking\":\"b\",\"signature\":\"s2\"}}",
                "content_block_stop\n{\"type\":\"content_block_stop\",\"index\":2}",
                "content_block_start\n{\"type\":\"content_block_start\",\"index\":3,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}",
                "content_block_delta\n{\"type\":\"content_block_delta\",\"index\":3,\"delta\":{\"type\":\"text_delta\",\"text\":\"y\"}}",
                "content_block_stop\n{\"type\":\"content_block_stop\",\"index\":3}",
                "message_delta\n{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":2}}",
                "message_stop\n{\"type\":\"message_stop\"}");

        assertThat(whole.message().extra()).containsEntry("reasoning_signature", JsonValue.parse("[\"s1\",\"s2\"]"));
        assertThat(recorder.accumulated()).isEqualTo(whole);
        assertThat(recorder.done).isEqualTo(1);
        assertThat(recorder.errors).isEmpty();
    }

    @Test
    void pingsAndUnknownEventsAndDeltasAreIgnored() {
        Recorder recorder = play(
                "ping\n{\"type\": \"ping\"}",
                "future_event\n{\"type\":\"future_event\",\"x\":1}",
                "content_block_delta\n{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"citations_delta\",\"citation\":{}}}");

        assertThat(recorder.chunks).isEmpty();
        assertThat(recorder.errors).isEmpty();
        assertThat(recorder.done).isZero();
    }

    @Test
    void messageDeltaUsageUpdatesTheStartUsageAndKeepsUnknownMembers() {
        Recorder recorder = play(
                "message_start\n{\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"model\":\"c\",\"usage\":{\"input_tokens\":10,\"cache_read_input_tokens\":5,\"output_tokens\":1}}}",
                "message_delta\n{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"max_tokens\",\"stop_sequence\":null,\"stop_details\":null},\"usage\":{\"input_tokens\":10,\"cache_read_input_tokens\":5,\"output_tokens\":30,\"server_tool_use\":{\"web_search_requests\":1}},\"context_management\":{\"applied_edits\":[]}}");

        ChatCompletionChunk last = recorder.chunks.get(1);
        assertThat(last.finishReason()).isEqualTo("length");
        assertThat(last.usage().promptTokens()).isEqualTo(15);
        assertThat(last.usage().completionTokens()).isEqualTo(30);
        assertThat(last.usage().promptTokensDetails().cachedTokens()).isEqualTo(5);
        assertThat(last.usage().rawUsage()).isEqualTo(JsonValue.parse(
                "{\"input_tokens\":10,\"cache_read_input_tokens\":5,\"output_tokens\":30,\"server_tool_use\":{\"web_search_requests\":1}}"));
        assertThat(last.extra()).containsKeys("stop_details", "context_management");
        assertThat(last.created()).isEqualTo(CREATED);
    }

    @Test
    void errorEventsAreTypedByTheirErrorType() {
        Recorder overloaded = play("error\n{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}");
        Recorder invalid = play("error\n{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"bad\"}}");
        Recorder unnamed = play("message\n{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"boom\"}}");
        Recorder garbled = play("error\nnot json");

        assertThat(overloaded.errors).singleElement().isInstanceOf(ProviderErrorException.class);
        assertThat(overloaded.errors.get(0).getMessage()).contains("Overloaded");
        assertThat(((ProviderErrorException) overloaded.errors.get(0)).requestId()).isEqualTo("req_9");
        assertThat(invalid.errors).singleElement().isInstanceOf(InvalidRequestException.class);
        assertThat(unnamed.errors).singleElement().isInstanceOf(ProviderErrorException.class);
        assertThat(garbled.errors).singleElement().isInstanceOf(ProviderErrorException.class);
    }

    @Test
    void aToolCallWithNoStreamedArgumentsGetsTheStartInput() {
        Recorder recorder = play(
                "message_start\n{\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"model\":\"c\"}}",
                "content_block_start\n{\"type\":\"content_block_start\",\"index\":4,\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_x\",\"name\":\"now\",\"input\":{}}}",
                "content_block_delta\n{\"type\":\"content_block_delta\",\"index\":4,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"\"}}",
                "content_block_stop\n{\"type\":\"content_block_stop\",\"index\":4}");

        ChatCompletion result = recorder.accumulated();
        assertThat(result.toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.id()).isEqualTo("toolu_x");
            assertThat(call.function().arguments()).isEqualTo("{}");
        });
        assertThat(recorder.chunks.get(1).choices().get(0).delta().toolCalls().get(0).index()).isZero();
    }
}
