package dev.gomodel.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatCompletionChunk.ChunkChoice;
import dev.gomodel.chat.ChatCompletionChunk.Delta;
import dev.gomodel.chat.ChatCompletionChunk.ToolCallDelta;
import dev.gomodel.chat.Content;
import dev.gomodel.chat.FunctionCall;
import dev.gomodel.chat.JsonValue;
import dev.gomodel.internal.json.ExplicitNulls;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Stream chunks: their choices, deltas and tool-call fragments. */
final class ChunkCodec {

    private static final Set<String> CHOICE = Set.of("index", "delta", "finish_reason", "logprobs");
    private static final Set<String> DELTA = Set.of("role", "content", "reasoning_content", "tool_calls");
    private static final Set<String> TOOL_CALL_DELTA = Set.of("index", "id", "type", "function");

    private ChunkCodec() {
    }

    static ChatCompletionChunk readChunk(JsonIn in) throws IOException {
        return readChunk(in, null);
    }

    /**
     * Reads a chunk of a stream whose previous chunk was {@code previous} ({@code null} for
     * none), sharing the strings that repeat (see {@link ResponseHead#ResponseHead(ChatCompletionChunk)}).
     */
    static ChatCompletionChunk readChunk(JsonIn in, ChatCompletionChunk previous) throws IOException {
        in.requireObject("a chunk object");
        ResponseHead head = new ResponseHead(previous);
        List<ChunkChoice> choices = null;
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            if (name.equals("choices")) {
                choices = in.array("a choice object", ChunkCodec::readChoice);
            } else {
                head.read(in, name);
            }
            head.track(in, name);
        }
        return new ChatCompletionChunk(head.id, head.object, head.created, head.model, head.provider,
                head.systemFingerprint, choices, head.usage, head.extra(), head.nulls());
    }

    static void writeChunk(JsonGenerator out, ChatCompletionChunk chunk) throws IOException {
        out.writeStartObject();
        ResponseHead.writeStart(out, chunk.id(), chunk.object(), chunk.created(), chunk.model(), chunk.provider(),
                chunk.systemFingerprint(), chunk.nulls());
        JsonOut.list(out, "choices", chunk.choices(), ChunkCodec::writeChoice, chunk.nulls());
        ResponseHead.writeEnd(out, chunk.usage(), chunk.extra(), chunk.nulls());
        out.writeEndObject();
    }

    private static ChunkChoice readChoice(JsonIn in) throws IOException {
        in.startObject("a choice object");
        int index = 0;
        Delta delta = null;
        String finishReason = null;
        JsonValue logprobs = null;
        Map<String, JsonValue> extra = null;
        int nulls = 0;
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            switch (name) {
                case "index" -> index = in.integer(0);
                case "delta" -> delta = readDelta(in);
                case "finish_reason" -> finishReason = in.string();
                case "logprobs" -> logprobs = in.value();
                default -> extra = in.unknown(extra, name);
            }
            nulls = in.nulls(nulls, ExplicitNulls.CHUNK_CHOICE, name);
        }
        return new ChunkChoice(index, delta, finishReason, logprobs, extra, ExplicitNulls.CHUNK_CHOICE.set(nulls));
    }

    /** {@code index} is always written (as {@code null} when it came so). */
    private static void writeChoice(JsonGenerator out, ChunkChoice choice) throws IOException {
        out.writeStartObject();
        JsonOut.count(out, "index", choice.index(), choice.nulls());
        JsonOut.object(out, "delta", choice.delta(), ChunkCodec::writeDelta, choice.nulls());
        JsonOut.string(out, "finish_reason", choice.finishReason(), choice.nulls());
        JsonOut.raw(out, "logprobs", choice.logprobs());
        JsonOut.extra(out, choice.extra(), CHOICE);
        out.writeEndObject();
    }

    private static Delta readDelta(JsonIn in) throws IOException {
        if (!in.startObject("a delta object")) {
            return null;
        }
        String role = null;
        Content content = null;
        String reasoningContent = null;
        List<ToolCallDelta> toolCalls = null;
        Map<String, JsonValue> extra = null;
        int nulls = 0;
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            switch (name) {
                case "role" -> role = in.string();
                case "content" -> content = MessageCodec.readContent(in);
                case "reasoning_content" -> reasoningContent = in.string();
                case "tool_calls" -> toolCalls = in.array("a tool call object", ChunkCodec::readToolCallDelta);
                default -> extra = in.unknown(extra, name);
            }
            nulls = in.nulls(nulls, ExplicitNulls.DELTA, name);
        }
        return new Delta(role, content, reasoningContent, toolCalls, extra, ExplicitNulls.DELTA.set(nulls));
    }

    private static void writeDelta(JsonGenerator out, Delta delta) throws IOException {
        out.writeStartObject();
        JsonOut.string(out, "role", delta.role(), delta.nulls());
        if (delta.content() != null) {
            out.writeFieldName("content");
            MessageCodec.writeContent(out, delta.content());
        } else {
            JsonOut.explicitNull(out, "content", delta.nulls());
        }
        JsonOut.string(out, "reasoning_content", delta.reasoningContent(), delta.nulls());
        JsonOut.array(out, "tool_calls", delta.toolCalls(), ChunkCodec::writeToolCallDelta, delta.nulls());
        JsonOut.extra(out, delta.extra(), DELTA);
        out.writeEndObject();
    }

    private static ToolCallDelta readToolCallDelta(JsonIn in) throws IOException {
        in.startObject("a tool call object");
        int index = 0;
        String id = null;
        String type = null;
        FunctionCall function = null;
        Map<String, JsonValue> extra = null;
        int nulls = 0;
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            switch (name) {
                case "index" -> index = in.integer(0);
                case "id" -> id = in.string();
                case "type" -> type = in.string();
                case "function" -> function = MessageCodec.readFunctionCall(in);
                default -> extra = in.unknown(extra, name);
            }
            nulls = in.nulls(nulls, ExplicitNulls.TOOL_CALL_DELTA, name);
        }
        return new ToolCallDelta(index, id, type, function, extra, ExplicitNulls.TOOL_CALL_DELTA.set(nulls));
    }

    private static void writeToolCallDelta(JsonGenerator out, ToolCallDelta call) throws IOException {
        out.writeStartObject();
        JsonOut.count(out, "index", call.index(), call.nulls());
        JsonOut.string(out, "id", call.id(), call.nulls());
        JsonOut.string(out, "type", call.type(), call.nulls());
        JsonOut.object(out, "function", call.function(), MessageCodec::writeFunctionCall, call.nulls());
        JsonOut.extra(out, call.extra(), TOOL_CALL_DELTA);
        out.writeEndObject();
    }
}
