package dev.gomodel.providers.anthropic;

import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatCompletionChunk.ChunkChoice;
import dev.gomodel.chat.ChatCompletionChunk.Delta;
import dev.gomodel.chat.ChatCompletionChunk.ToolCallDelta;
import dev.gomodel.chat.FunctionCall;
import dev.gomodel.chat.JsonValue;
import dev.gomodel.chat.ToolCall;
import dev.gomodel.error.ApiError;
import dev.gomodel.error.ApiException;
import dev.gomodel.providers.http.ErrorResponses;
import dev.gomodel.providers.http.SseEvent;
import dev.gomodel.providers.http.StreamDialect;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Anthropic's stream of typed events, turned into OpenAI-style chunks. One instance per
 * stream: it remembers the message's id and model, which content block is which tool call,
 * and the usage so far.
 *
 * <ul>
 * <li>{@code message_start}: a chunk with role {@code assistant}.
 * <li>{@code content_block_start}: for {@code tool_use} a tool-call delta with its id, name and
 *     empty arguments; the tool call's index counts tool_use blocks only (0, 1, ...), not
 *     content blocks. Text or thinking a start block already holds is sent as a delta;
 *     {@code redacted_thinking} goes into the delta's {@code redacted_thinking} member.
 * <li>{@code content_block_delta}: {@code text_delta} to content, {@code thinking_delta} to
 *     reasoning content, {@code signature_delta} to the delta's {@code reasoning_signature},
 *     {@code input_json_delta} to the tool call's arguments. A tool_use block that streamed no
 *     argument text gets the start block's {@code input} (normally {@code {}}) when it stops,
 *     as the non-streamed answer has it.
 * <li>{@code message_delta}: a chunk with the mapped {@code finish_reason} and the usage:
 *     {@code message_start}'s usage members updated by this event's.
 * <li>{@code message_stop} ends the stream; {@code ping} and unknown events are ignored;
 *     {@code error} fails the stream with the typed exception ({@code overloaded_error} is a
 *     {@link dev.gomodel.error.ProviderErrorException}).
 * </ul>
 *
 * <p>Folded with {@link dev.gomodel.chat.ChatCompletionAccumulator}, the chunks give what
 * {@link AnthropicResponses} gives for the same message, except {@code created} (the time each
 * was read) and content blocks of other types, which are not streamed into chunks.
 */
final class AnthropicStreamDialect implements StreamDialect {

    private static final Set<String> MESSAGE_MEMBERS = Set.of("id", "type", "role", "model", "content", "stop_reason",
            "stop_sequence", "usage");

    private final String provider;
    private final HttpHeaders headers;
    private final long created;
    private String id;
    private String model;
    private final Map<String, JsonTree.Node> usage = new LinkedHashMap<>();
    private final Map<Integer, ToolBlock> toolBlocks = new HashMap<>();
    private int nextToolIndex;
    private final List<String> signatures = new ArrayList<>();
    private final List<String> redacted = new ArrayList<>();

    private static final class ToolBlock {
        final int index;
        final String input;
        boolean argumentsSent;

        ToolBlock(int index, String input) {
            this.index = index;
            this.input = input;
        }
    }

    AnthropicStreamDialect(String provider, HttpHeaders headers, long created) {
        this.provider = provider;
        this.headers = headers;
        this.created = created;
    }

    @Override
    public void onEvent(SseEvent event, Sink sink) {
        if ("error".equals(event.event())) {
            sink.error(error(event.dataBytes()));
            return;
        }
        if (event.isBlank()) {
            return;
        }
        JsonTree.Node data = JsonTree.parseObject(event.dataArray(), event.dataOffset(), event.dataLength());
        String type = data.string("type");
        if (type == null) {
            type = event.event() == null ? "" : event.event();
        }
        switch (type) {
            case "message_start" -> messageStart(data, sink);
            case "content_block_start" -> blockStart(data, sink);
            case "content_block_delta" -> blockDelta(data, sink);
            case "content_block_stop" -> blockStop(data, sink);
            case "message_delta" -> messageDelta(data, sink);
            case "message_stop" -> sink.done();
            case "error" -> sink.error(error(event.dataBytes()));
            default -> {
                // ping, and event types added later: nothing to deliver.
            }
        }
    }

    private ApiException error(byte[] json) {
        ApiException error = ErrorResponses.fromErrorEvent(provider, headers, json);
        return error != null ? error : ApiException.of(new ApiError(provider, 200, null, null,
                "unreadable error event", null, ErrorResponses.requestId(headers), null,
                new String(json, StandardCharsets.UTF_8)));
    }

    private void messageStart(JsonTree.Node data, Sink sink) {
        JsonTree.Node message = data.object("message");
        if (message == null) {
            throw new IllegalArgumentException("message_start without a message");
        }
        id = message.string("id");
        model = message.string("model");
        JsonTree.Node start = message.object("usage");
        if (start != null) {
            usage.putAll(start.members());
        }
        Map<String, JsonValue> extra = new LinkedHashMap<>();
        message.members().forEach((name, value) -> {
            if (!MESSAGE_MEMBERS.contains(name)) {
                extra.put(name, value.json());
            }
        });
        sink.chunk(chunk(new Delta("assistant", null, null, null, Map.of()), null, Map.of(), null, extra));
    }

    private void blockStart(JsonTree.Node data, Sink sink) {
        int index = blockIndex(data);
        JsonTree.Node block = data.object("content_block");
        if (block == null) {
            throw new IllegalArgumentException("content_block_start without a content_block");
        }
        String type = block.string("type");
        if ("tool_use".equals(type)) {
            JsonTree.Node input = block.object("input");
            ToolBlock tool = new ToolBlock(nextToolIndex++, input == null ? "{}" : input.raw());
            toolBlocks.put(index, tool);
            toolDelta(new ToolCallDelta(tool.index, block.string("id"), ToolCall.FUNCTION,
                    new FunctionCall(block.string("name"), "", Map.of()), Map.of()), sink);
        } else if ("text".equals(type)) {
            content(block.string("text"), sink);
        } else if ("thinking".equals(type)) {
            reasoning(block.string("thinking"), sink);
            signature(block.string("signature"), sink);
        } else if ("redacted_thinking".equals(type) && block.string("data") != null) {
            redacted.add(block.string("data"));
            sink.chunk(chunk(new Delta(null, null, null, null,
                    Map.of("redacted_thinking", AnthropicResponses.stringArray(redacted))), null, Map.of(), null, Map.of()));
        }
    }

    private void blockDelta(JsonTree.Node data, Sink sink) {
        int index = blockIndex(data);
        JsonTree.Node delta = data.object("delta");
        if (delta == null) {
            throw new IllegalArgumentException("content_block_delta without a delta");
        }
        String type = delta.string("type");
        if (type == null) {
            return;
        }
        switch (type) {
            case "text_delta" -> content(delta.string("text"), sink);
            case "thinking_delta" -> reasoning(delta.string("thinking"), sink);
            case "signature_delta" -> signature(delta.string("signature"), sink);
            case "input_json_delta" -> {
                ToolBlock tool = toolBlocks.get(index);
                String partial = delta.string("partial_json");
                if (tool != null && partial != null && !partial.isEmpty()) {
                    tool.argumentsSent = true;
                    toolDelta(new ToolCallDelta(tool.index, null, null, new FunctionCall(null, partial, Map.of()),
                            Map.of()), sink);
                }
            }
            default -> {
                // citations_delta and later delta types are not part of the chat-completions shape.
            }
        }
    }

    private void blockStop(JsonTree.Node data, Sink sink) {
        ToolBlock tool = toolBlocks.get(blockIndex(data));
        if (tool != null && !tool.argumentsSent) {
            tool.argumentsSent = true;
            toolDelta(new ToolCallDelta(tool.index, null, null, new FunctionCall(null, tool.input, Map.of()), Map.of()),
                    sink);
        }
    }

    private void messageDelta(JsonTree.Node data, Sink sink) {
        JsonTree.Node delta = data.object("delta");
        Map<String, JsonValue> extra = new LinkedHashMap<>();
        String finishReason = null;
        Map<String, JsonValue> choiceExtra = Map.of();
        if (delta != null) {
            finishReason = AnthropicResponses.finishReason(delta.string("stop_reason"));
            choiceExtra = AnthropicResponses.stopSequence(delta.string("stop_sequence"));
            delta.members().forEach((name, value) -> {
                if (!name.equals("stop_reason") && !name.equals("stop_sequence")) {
                    extra.put(name, value.json());
                }
            });
        }
        data.members().forEach((name, value) -> {
            if (!name.equals("type") && !name.equals("delta") && !name.equals("usage")) {
                extra.put(name, value.json());
            }
        });
        JsonTree.Node update = data.object("usage");
        if (update != null) {
            usage.putAll(update.members());
        }
        dev.gomodel.chat.Usage total = usage.isEmpty() ? null : AnthropicResponses.usage(usage, rawUsage());
        sink.chunk(chunk(new Delta(null, null, null, null, Map.of()), finishReason, choiceExtra, total, extra));
    }

    private JsonValue rawUsage() {
        StringBuilder json = new StringBuilder("{");
        usage.forEach((name, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(JsonValue.of(name).json()).append(':').append(value.raw());
        });
        return JsonValue.parse(json.append('}').toString());
    }

    private void content(String text, Sink sink) {
        if (text != null && !text.isEmpty()) {
            sink.chunk(chunk(new Delta(null, text, null, null, Map.of()), null, Map.of(), null, Map.of()));
        }
    }

    private void reasoning(String text, Sink sink) {
        if (text != null && !text.isEmpty()) {
            sink.chunk(chunk(new Delta(null, null, text, null, Map.of()), null, Map.of(), null, Map.of()));
        }
    }

    /**
     * A block's signature: the first as a string, later ones as the array of all so far, so that
     * an accumulator (which concatenates strings and keeps the last other value) ends with what
     * the non-streamed answer holds.
     */
    private void signature(String signature, Sink sink) {
        if (signature == null || signature.isEmpty()) {
            return;
        }
        signatures.add(signature);
        sink.chunk(chunk(new Delta(null, null, null, null,
                Map.of("reasoning_signature", AnthropicResponses.signatures(signatures))), null, Map.of(), null, Map.of()));
    }

    private void toolDelta(ToolCallDelta delta, Sink sink) {
        sink.chunk(chunk(new Delta(null, null, null, List.of(delta), Map.of()), null, Map.of(), null, Map.of()));
    }

    private ChatCompletionChunk chunk(Delta delta, String finishReason, Map<String, JsonValue> choiceExtra,
            dev.gomodel.chat.Usage usage, Map<String, JsonValue> extra) {
        return new ChatCompletionChunk(id, ChatCompletionChunk.OBJECT, created, model, null, null,
                List.of(new ChunkChoice(0, delta, finishReason, null, choiceExtra)), usage, extra);
    }

    private static int blockIndex(JsonTree.Node data) {
        Integer index = data.integer("index");
        if (index == null) {
            throw new IllegalArgumentException(data.string("type") + " without an index");
        }
        return index;
    }
}
