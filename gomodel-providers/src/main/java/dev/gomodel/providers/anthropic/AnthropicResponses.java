package dev.gomodel.providers.anthropic;

import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.Choice;
import dev.gomodel.chat.Content;
import dev.gomodel.chat.FunctionCall;
import dev.gomodel.chat.JsonValue;
import dev.gomodel.chat.Message;
import dev.gomodel.chat.ToolCall;
import dev.gomodel.chat.Usage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates an Anthropic {@code message} into a {@link ChatCompletion}, and holds the
 * mappings the stream shares with it. Pure.
 *
 * <ul>
 * <li>{@code text} blocks are joined into the message's content ({@code null} when there is
 *     none); {@code thinking} blocks into {@code reasoning_content}, their {@code signature} kept
 *     as the message's {@code reasoning_signature} (a string, or an array when several blocks
 *     were signed); {@code redacted_thinking} data as {@code redacted_thinking} (an array).
 *     Other block types are kept whole, in order, in the message's {@code content_blocks}.
 * <li>{@code tool_use} blocks become function tool calls whose {@code arguments} are the
 *     {@code input} JSON exactly as received.
 * <li>{@code stop_reason}: {@code end_turn} and {@code stop_sequence} become {@code stop},
 *     {@code max_tokens} {@code length}, {@code tool_use} {@code tool_calls}; other values pass
 *     unchanged. A matched {@code stop_sequence} is kept in the choice's extra members.
 * <li>Usage: {@code prompt_tokens} counts all input, {@code input_tokens} plus cache reads plus
 *     cache writes, as OpenAI's prompt tokens include cached ones;
 *     {@code prompt_tokens_details.cached_tokens} is {@code cache_read_input_tokens};
 *     {@code raw_usage} is Anthropic's usage object as received.
 * <li>Anthropic sends no creation time: {@code created} is the time the answer was read.
 *     Members this translation does not know are kept in the completion's extra members.
 * </ul>
 */
final class AnthropicResponses {

    private static final Set<String> MESSAGE_MEMBERS = Set.of("id", "type", "role", "model", "content", "stop_reason",
            "stop_sequence", "usage");

    private AnthropicResponses() {
    }

    /**
     * The completion for a {@code message} body.
     *
     * @throws IllegalArgumentException if the body is not a well-formed message
     */
    static ChatCompletion read(byte[] body, long created) {
        JsonTree.Node root = JsonTree.parseObject(body);
        StringBuilder text = null;
        StringBuilder thinking = null;
        List<String> signatures = new ArrayList<>();
        List<String> redacted = new ArrayList<>();
        List<JsonValue> otherBlocks = new ArrayList<>();
        List<ToolCall> toolCalls = new ArrayList<>();
        for (JsonTree.Node block : root.array("content")) {
            String type = block.string("type");
            if ("text".equals(type)) {
                text = append(text, block.string("text"));
            } else if ("thinking".equals(type)) {
                thinking = append(thinking, block.string("thinking"));
                if (block.string("signature") != null) {
                    signatures.add(block.string("signature"));
                }
            } else if ("redacted_thinking".equals(type)) {
                String data = block.string("data");
                if (data != null) {
                    redacted.add(data);
                }
            } else if ("tool_use".equals(type)) {
                JsonTree.Node input = block.object("input");
                toolCalls.add(new ToolCall(block.string("id"), ToolCall.FUNCTION,
                        new FunctionCall(block.string("name"), input == null ? "{}" : input.raw(), Map.of()), Map.of()));
            } else {
                otherBlocks.add(block.json());
            }
        }
        Map<String, JsonValue> messageExtra = new LinkedHashMap<>();
        JsonValue signature = signatures(signatures);
        if (signature != null) {
            messageExtra.put("reasoning_signature", signature);
        }
        if (!redacted.isEmpty()) {
            messageExtra.put("redacted_thinking", stringArray(redacted));
        }
        if (!otherBlocks.isEmpty()) {
            messageExtra.put("content_blocks", JsonValue.parse(join(otherBlocks)));
        }
        Message message = new Message(Message.ASSISTANT, text == null ? null : Content.text(text.toString()),
                thinking == null ? null : thinking.toString(), null, toolCalls.isEmpty() ? null : toolCalls, messageExtra);
        Choice choice = new Choice(0, message, finishReason(root.string("stop_reason")), null,
                stopSequence(root.string("stop_sequence")));
        JsonTree.Node usage = root.object("usage");
        Map<String, JsonValue> extra = new LinkedHashMap<>();
        root.members().forEach((name, value) -> {
            if (!MESSAGE_MEMBERS.contains(name)) {
                extra.put(name, value.json());
            }
        });
        return new ChatCompletion(root.string("id"), ChatCompletion.OBJECT, created, root.string("model"), null, null,
                List.of(choice), usage == null ? null : usage(usage.members(), usage.json()), extra);
    }

    /** OpenAI's {@code finish_reason} for an Anthropic {@code stop_reason}; {@code null} stays {@code null}. */
    static String finishReason(String stopReason) {
        if (stopReason == null) {
            return null;
        }
        return switch (stopReason) {
            case "end_turn", "stop_sequence" -> Choice.STOP;
            case "max_tokens" -> Choice.LENGTH;
            case "tool_use" -> Choice.TOOL_CALLS;
            default -> stopReason;
        };
    }

    /** The choice's extra members for a matched stop sequence. */
    static Map<String, JsonValue> stopSequence(String stopSequence) {
        return stopSequence == null ? Map.of() : Map.of("stop_sequence", JsonValue.of(stopSequence));
    }

    /**
     * The usage for Anthropic's usage members; {@code raw} is the object they came from.
     *
     * @throws IllegalArgumentException if a count is not an integer that fits an {@code int}, or
     *     the prompt or total count would not
     */
    static Usage usage(Map<String, JsonTree.Node> members, JsonValue raw) {
        int input = count(members, "input_tokens");
        int output = count(members, "output_tokens");
        int cacheRead = count(members, "cache_read_input_tokens");
        int cacheWrite = count(members, "cache_creation_input_tokens");
        long prompt = (long) input + cacheRead + cacheWrite;
        long total = prompt + output;
        if (prompt != (int) prompt || total != (int) total) {
            throw new IllegalArgumentException("usage: the token counts add up to " + total + ", out of range");
        }
        Usage.PromptTokensDetails details = members.containsKey("cache_read_input_tokens")
                ? new Usage.PromptTokensDetails(cacheRead, null, null, null, Map.of()) : null;
        return new Usage((int) prompt, output, (int) total, details, null, raw, Map.of());
    }

    private static int count(Map<String, JsonTree.Node> members, String name) {
        JsonTree.Node node = members.get(name);
        Integer count = node == null ? null : node.intValue();
        return count == null ? 0 : count;
    }

    /** {@code reasoning_signature}: one signature as a string, several as an array, none as {@code null}. */
    static JsonValue signatures(List<String> signatures) {
        if (signatures.isEmpty()) {
            return null;
        }
        return signatures.size() == 1 ? JsonValue.of(signatures.get(0)) : stringArray(signatures);
    }

    static JsonValue stringArray(List<String> strings) {
        List<JsonValue> values = new ArrayList<>(strings.size());
        for (String string : strings) {
            values.add(JsonValue.of(string));
        }
        return JsonValue.parse(join(values));
    }

    private static String join(List<JsonValue> values) {
        StringBuilder json = new StringBuilder("[");
        for (JsonValue value : values) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(value.json());
        }
        return json.append(']').toString();
    }

    private static StringBuilder append(StringBuilder builder, String text) {
        StringBuilder result = builder == null ? new StringBuilder() : builder;
        return text == null ? result : result.append(text);
    }
}
