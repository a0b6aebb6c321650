package dev.gomodel.providers.anthropic;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.chat.Content;
import dev.gomodel.chat.ContentPart;
import dev.gomodel.chat.FunctionDefinition;
import dev.gomodel.chat.JsonValue;
import dev.gomodel.chat.Message;
import dev.gomodel.chat.Tool;
import dev.gomodel.chat.ToolCall;
import dev.gomodel.chat.ToolChoice;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Translates a {@link ChatRequest} into the body of Anthropic's {@code POST /v1/messages}.
 * Pure: no I/O, no state; every problem is an {@link IllegalArgumentException} naming the
 * request field, thrown before anything is sent.
 *
 * <p>The rules:
 * <ul>
 * <li>{@code system} and {@code developer} messages, wherever they stand, become the top-level
 *     {@code system}: their texts joined with a blank line, or, when a text part carries
 *     {@code cache_control}, an array of text blocks (one per message string or text part)
 *     keeping each part's extra members. Only text can be a system prompt.
 * <li>{@code user} and {@code assistant} messages become {@code messages} with content blocks;
 *     {@code tool} messages become {@code user} messages holding a {@code tool_result} block.
 *     Anthropic wants the roles to alternate, so consecutive messages that end up with the
 *     same role are merged into one message, their blocks in order (several tool results
 *     become one user message, as Anthropic requires). A message made of one string is sent
 *     with string {@code content}.
 * <li>Text parts keep their extra members ({@code cache_control}, ...). Image parts: a
 *     {@code data:...;base64,} URL becomes a {@code base64} source, an http(s) URL a
 *     {@code url} source; {@code detail} has no Anthropic equivalent and is not sent.
 *     {@code input_audio} and unknown part types fail.
 * <li>Assistant {@code tool_calls} become {@code tool_use} blocks whose {@code input} is the
 *     arguments text written unchanged; it must be one JSON object. Tool calls in a message of
 *     another role fail. An assistant message's
 *     {@code reasoning_content} is sent back as a {@code thinking} block only with the
 *     {@code reasoning_signature} this provider put in the message's extra members (Anthropic
 *     rejects unsigned thinking); {@code redacted_thinking} data is sent back as
 *     {@code redacted_thinking} blocks. Other extra members of a message are not sent.
 * <li>{@code tools} become {@code {name, description, input_schema}} (an absent schema is an
 *     empty object schema; {@code strict} and the tool's extra members are passed on).
 *     {@code tool_choice} {@code auto}, {@code required}, {@code none} and a named function
 *     become {@code auto}, {@code any}, {@code none} and {@code tool}; another tool_choice
 *     object is sent as is. {@code parallel_tool_calls: false} becomes
 *     {@code disable_parallel_tool_use: true} in the tool choice ({@code auto} when none is
 *     given).
 * <li>{@code max_tokens} is required by Anthropic: the request's, else the configured default.
 *     {@code reasoning.effort} {@code low}/{@code medium}/{@code high} turns on extended
 *     thinking with the configured budget, and {@code max_tokens} becomes budget plus the
 *     request's (or default) {@code max_tokens}, since the budget counts towards it.
 * <li>Extra members: {@code stop} (a string or an array) becomes {@code stop_sequences};
 *     {@code user} becomes {@code metadata.user_id}; {@code n: 1} is dropped; Anthropic's own
 *     {@code top_p}, {@code top_k}, {@code metadata}, {@code service_tier} and
 *     {@code stop_sequences} pass through. Every other member fails, naming it.
 * <li>Fails: {@code n} above 1, {@code logprobs}/{@code top_logprobs}, a temperature above 1
 *     (Anthropic's range is 0 to 1), an unknown {@code reasoning.effort} or other
 *     {@code reasoning} member.
 * <li>{@code stream_options} is not sent: Anthropic streams always report usage.
 * </ul>
 */
final class AnthropicRequests {

    private static final JsonFactory JSON = new JsonFactory();

    /** Extra members that Anthropic knows under the same name and meaning. */
    static final Set<String> PASSED_THROUGH = Set.of("top_p", "top_k", "metadata", "service_tier", "stop_sequences");

    /**
     * What the translation is configured with.
     *
     * @param defaultMaxTokens {@code max_tokens} when the request has none
     * @param lowBudget the thinking budget for {@code reasoning.effort: low}
     * @param mediumBudget the budget for {@code medium}
     * @param highBudget the budget for {@code high}
     */
    record Options(int defaultMaxTokens, int lowBudget, int mediumBudget, int highBudget) {
    }

    private AnthropicRequests() {
    }

    /**
     * The request body.
     *
     * @throws IllegalArgumentException naming the field Anthropic cannot express
     */
    static byte[] write(ChatRequest request, boolean stream, Options options) {
        Objects.requireNonNull(request, "request");
        Translation translation = translate(request, options);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (JsonGenerator out = JSON.createGenerator(bytes)) {
            translation.write(out, request, stream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Translation translate(ChatRequest request, Options options) {
        checkExtras(request);
        Translation t = new Translation();
        List<Message> messages = request.messages();
        for (int i = 0; i < messages.size(); i++) {
            Message message = messages.get(i);
            String path = "messages[" + i + "]";
            switch (message.role()) {
                case Message.SYSTEM, Message.DEVELOPER -> t.system(message, path);
                case Message.USER -> t.turn("user", userBlocks(message, path));
                case Message.ASSISTANT -> t.turn("assistant", assistantBlocks(message, path));
                case Message.TOOL -> t.turn("user", List.of(toolResult(message, path)));
                default -> throw new IllegalArgumentException(path + ".role: Anthropic has no role \"" + message.role()
                        + "\" (expected system, developer, user, assistant or tool)");
            }
            if (message.toolCalls() != null && !message.toolCalls().isEmpty()
                    && !Message.ASSISTANT.equals(message.role())) {
                throw new IllegalArgumentException(path + ".tool_calls: Anthropic takes tool calls only in assistant "
                        + "messages, not in a \"" + message.role() + "\" message");
            }
        }
        if (t.turns.isEmpty()) {
            throw new IllegalArgumentException("messages: Anthropic needs at least one user or assistant message");
        }
        int maxTokens = request.maxTokens() != null ? request.maxTokens() : options.defaultMaxTokens();
        if (request.reasoning() != null) {
            if (!request.reasoning().extra().isEmpty()) {
                throw new IllegalArgumentException("reasoning." + request.reasoning().extra().keySet().iterator().next()
                        + ": Anthropic has no equivalent");
            }
            String effort = request.reasoning().effort();
            int budget;
            if ("low".equals(effort)) {
                budget = options.lowBudget();
            } else if ("medium".equals(effort)) {
                budget = options.mediumBudget();
            } else if ("high".equals(effort)) {
                budget = options.highBudget();
            } else {
                throw new IllegalArgumentException("reasoning.effort: expected low, medium or high for Anthropic, got "
                        + (effort == null ? "null" : "\"" + effort + "\""));
            }
            t.thinkingBudget = budget;
            if (maxTokens > Integer.MAX_VALUE - budget) {
                throw new IllegalArgumentException("max_tokens: " + maxTokens + " plus the thinking budget of " + budget
                        + " tokens for reasoning.effort \"" + effort + "\" is more than max_tokens can hold ("
                        + Integer.MAX_VALUE + ")");
            }
            maxTokens = budget + maxTokens;
        }
        t.maxTokens = maxTokens;
        if (request.temperature() != null && request.temperature() > 1) {
            throw new IllegalArgumentException("temperature: Anthropic accepts 0 to 1, got " + request.temperature());
        }
        if (request.tools() != null) {
            for (int i = 0; i < request.tools().size(); i++) {
                Tool tool = request.tools().get(i);
                if (!ToolCall.FUNCTION.equals(tool.type())) {
                    throw new IllegalArgumentException("tools[" + i + "].type: Anthropic takes function tools only, got "
                            + tool.type());
                }
            }
        }
        if (request.toolChoice() instanceof ToolChoice.Mode mode
                && !Set.of("auto", "none", "required").contains(mode.mode())) {
            throw new IllegalArgumentException("tool_choice: expected auto, none or required for Anthropic, got \""
                    + mode.mode() + "\"");
        }
        if (request.toolChoice() instanceof ToolChoice.Other && Boolean.FALSE.equals(request.parallelToolCalls())) {
            throw new IllegalArgumentException("parallel_tool_calls: cannot be combined with a tool_choice object; "
                    + "put disable_parallel_tool_use in the tool_choice object instead");
        }
        return t;
    }

    private static void checkExtras(ChatRequest request) {
        Map<String, JsonValue> extra = request.extra();
        Set<String> unknown = new TreeSet<>();
        for (Map.Entry<String, JsonValue> member : extra.entrySet()) {
            String name = member.getKey();
            JsonValue value = member.getValue();
            switch (name) {
                case "n" -> {
                    if (!value.isNull() && !value.json().equals("1")) {
                        throw new IllegalArgumentException("n: Anthropic returns one choice, got n=" + value);
                    }
                }
                case "logprobs", "top_logprobs" -> {
                    if (!value.isNull() && !value.equals(JsonValue.FALSE)) {
                        throw new IllegalArgumentException(name + ": Anthropic does not return log probabilities");
                    }
                }
                case "stop" -> {
                    if (!value.isNull()) {
                        strings(value, "stop");
                    }
                    if (extra.containsKey("stop_sequences")) {
                        throw new IllegalArgumentException("stop: give either stop or stop_sequences, not both");
                    }
                }
                case "user" -> {
                    if (!value.isNull() && !value.isString()) {
                        throw new IllegalArgumentException("user: expected a string, got " + value);
                    }
                    if (extra.containsKey("metadata")) {
                        throw new IllegalArgumentException("user: give either user or metadata.user_id, not both");
                    }
                }
                default -> {
                    if (!PASSED_THROUGH.contains(name)) {
                        unknown.add(name);
                    }
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", unknown) + ": not supported by Anthropic (supported "
                    + "extra members: stop, user, n=1, " + String.join(", ", new TreeSet<>(PASSED_THROUGH)) + ")");
        }
    }

    // ---- content ----

    /** One Anthropic content block, written when the body is. */
    @FunctionalInterface
    private interface Block {
        void write(JsonGenerator out) throws IOException;
    }

    /** A block that is plain text from string content: a message of only this can use string content. */
    private record PlainText(String text) implements Block {
        @Override
        public void write(JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeStringField("type", "text");
            out.writeStringField("text", text);
            out.writeEndObject();
        }
    }

    private static List<Block> userBlocks(Message message, String path) {
        List<Block> blocks = new ArrayList<>();
        Content content = message.content();
        if (content instanceof Content.Text text) {
            blocks.add(new PlainText(text.text()));
        } else if (content instanceof Content.Parts parts) {
            for (int j = 0; j < parts.parts().size(); j++) {
                blocks.add(part(parts.parts().get(j), path + ".content[" + j + "]", true));
            }
        }
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException(path + ".content: a user message needs content for Anthropic");
        }
        return blocks;
    }

    private static Block part(ContentPart part, String path, boolean imagesAllowed) {
        if (part instanceof ContentPart.TextPart text) {
            return out -> {
                out.writeStartObject();
                out.writeStringField("type", "text");
                out.writeStringField("text", text.text());
                writeMembers(out, text.extra(), Set.of("type", "text"));
                out.writeEndObject();
            };
        }
        if (part instanceof ContentPart.ImagePart image && imagesAllowed) {
            return image(image, path);
        }
        if (part instanceof ContentPart.ImagePart) {
            throw new IllegalArgumentException(path + ": Anthropic takes images only in user and tool messages");
        }
        if (part instanceof ContentPart.AudioPart) {
            throw new IllegalArgumentException(path + ": input_audio parts are not supported by Anthropic");
        }
        throw new IllegalArgumentException(path + ".type: unknown content part type \"" + part.type()
                + "\" for Anthropic (expected text or image_url)");
    }

    private static Block image(ContentPart.ImagePart image, String path) {
        String url = image.imageUrl().url();
        if (url == null) {
            throw new IllegalArgumentException(path + ".image_url.url is required");
        }
        String lower = url.length() > 8 ? url.substring(0, 8).toLowerCase(java.util.Locale.ROOT) : url;
        if (lower.startsWith("data:")) {
            int comma = url.indexOf(',');
            String header = comma < 0 ? "" : url.substring(5, comma);
            if (comma < 0 || !header.endsWith(";base64")) {
                throw new IllegalArgumentException(path + ".image_url.url: Anthropic takes data: URLs only in the form "
                        + "data:<media type>;base64,<data>");
            }
            String mediaType = header.substring(0, header.length() - ";base64".length());
            if (mediaType.isEmpty()) {
                mediaType = image.imageUrl().mediaType();
            }
            if (mediaType == null || mediaType.isEmpty()) {
                throw new IllegalArgumentException(path + ".image_url.url: the data: URL names no media type");
            }
            String type = mediaType;
            String data = url.substring(comma + 1);
            return out -> {
                out.writeStartObject();
                out.writeStringField("type", "image");
                out.writeObjectFieldStart("source");
                out.writeStringField("type", "base64");
                out.writeStringField("media_type", type);
                out.writeStringField("data", data);
                out.writeEndObject();
                writeMembers(out, image.extra(), Set.of("type", "source"));
                out.writeEndObject();
            };
        }
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return out -> {
                out.writeStartObject();
                out.writeStringField("type", "image");
                out.writeObjectFieldStart("source");
                out.writeStringField("type", "url");
                out.writeStringField("url", url);
                out.writeEndObject();
                writeMembers(out, image.extra(), Set.of("type", "source"));
                out.writeEndObject();
            };
        }
        throw new IllegalArgumentException(path + ".image_url.url: Anthropic takes http(s) and data: URLs only");
    }

    private static List<Block> assistantBlocks(Message message, String path) {
        List<Block> blocks = new ArrayList<>();
        JsonValue signature = message.extra().get("reasoning_signature");
        if (message.reasoningContent() != null && signature != null && signature.isString()) {
            String thinking = message.reasoningContent();
            String signed = signature.asString();
            blocks.add(out -> {
                out.writeStartObject();
                out.writeStringField("type", "thinking");
                out.writeStringField("thinking", thinking);
                out.writeStringField("signature", signed);
                out.writeEndObject();
            });
        }
        JsonValue redacted = message.extra().get("redacted_thinking");
        if (redacted != null && !redacted.isNull()) {
            for (String data : strings(redacted, path + ".redacted_thinking")) {
                blocks.add(out -> {
                    out.writeStartObject();
                    out.writeStringField("type", "redacted_thinking");
                    out.writeStringField("data", data);
                    out.writeEndObject();
                });
            }
        }
        Content content = message.content();
        if (content instanceof Content.Text text) {
            if (!text.text().isEmpty() || message.toolCalls() == null) {
                blocks.add(new PlainText(text.text()));
            }
        } else if (content instanceof Content.Parts parts) {
            for (int j = 0; j < parts.parts().size(); j++) {
                blocks.add(part(parts.parts().get(j), path + ".content[" + j + "]", false));
            }
        }
        if (message.toolCalls() != null) {
            for (int j = 0; j < message.toolCalls().size(); j++) {
                blocks.add(toolUse(message.toolCalls().get(j), path + ".tool_calls[" + j + "]"));
            }
        }
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException(path + ".content: an assistant message needs content or tool_calls "
                    + "for Anthropic");
        }
        return blocks;
    }

    private static Block toolUse(ToolCall call, String path) {
        if (call.id() == null || call.id().isBlank()) {
            throw new IllegalArgumentException(path + ".id is required for Anthropic");
        }
        if (call.function().name() == null || call.function().name().isBlank()) {
            throw new IllegalArgumentException(path + ".function.name is required for Anthropic");
        }
        String arguments = call.function().arguments();
        if (!isOneObject(arguments)) {
            throw new IllegalArgumentException(path + ".function.arguments: Anthropic needs one JSON object as a tool "
                    + "call's input, got " + abbreviate(arguments));
        }
        return out -> {
            out.writeStartObject();
            out.writeStringField("type", "tool_use");
            out.writeStringField("id", call.id());
            out.writeStringField("name", call.function().name());
            out.writeFieldName("input");
            out.writeRawValue(arguments);
            out.writeEndObject();
        };
    }

    private static Block toolResult(Message message, String path) {
        String id = message.toolCallId();
        List<Block> parts = new ArrayList<>();
        Content content = message.content();
        if (content instanceof Content.Parts list) {
            for (int j = 0; j < list.parts().size(); j++) {
                parts.add(part(list.parts().get(j), path + ".content[" + j + "]", true));
            }
        }
        return out -> {
            out.writeStartObject();
            out.writeStringField("type", "tool_result");
            out.writeStringField("tool_use_id", id);
            if (content instanceof Content.Text text) {
                out.writeStringField("content", text.text());
            } else if (content instanceof Content.Parts) {
                out.writeArrayFieldStart("content");
                for (Block part : parts) {
                    part.write(out);
                }
                out.writeEndArray();
            }
            out.writeEndObject();
        };
    }

    // ---- the whole body ----

    private record Turn(String role, List<Block> blocks) {
    }

    private record SystemText(String text, Map<String, JsonValue> extra) {
    }

    private static final class Translation {
        final List<SystemText> system = new ArrayList<>();
        final List<Turn> turns = new ArrayList<>();
        int maxTokens;
        Integer thinkingBudget;

        void system(Message message, String path) {
            Content content = message.content();
            if (content instanceof Content.Text text) {
                system.add(new SystemText(text.text(), Map.of()));
            } else if (content instanceof Content.Parts parts) {
                for (int j = 0; j < parts.parts().size(); j++) {
                    if (!(parts.parts().get(j) instanceof ContentPart.TextPart text)) {
                        throw new IllegalArgumentException(path + ".content[" + j + "]: only text can be part of a "
                                + "system prompt for Anthropic");
                    }
                    system.add(new SystemText(text.text(), text.extra()));
                }
            }
        }

        void turn(String role, List<Block> blocks) {
            Turn last = turns.isEmpty() ? null : turns.get(turns.size() - 1);
            if (last != null && last.role.equals(role)) {
                last.blocks.addAll(blocks);
            } else {
                turns.add(new Turn(role, new ArrayList<>(blocks)));
            }
        }

        void write(JsonGenerator out, ChatRequest request, boolean stream) throws IOException {
            out.writeStartObject();
            out.writeStringField("model", request.model());
            out.writeNumberField("max_tokens", maxTokens);
            writeSystem(out);
            out.writeArrayFieldStart("messages");
            for (Turn turn : turns) {
                out.writeStartObject();
                out.writeStringField("role", turn.role);
                if (turn.blocks.size() == 1 && turn.blocks.get(0) instanceof PlainText text) {
                    out.writeStringField("content", text.text());
                } else {
                    out.writeArrayFieldStart("content");
                    for (Block block : turn.blocks) {
                        block.write(out);
                    }
                    out.writeEndArray();
                }
                out.writeEndObject();
            }
            out.writeEndArray();
            writeTools(out, request);
            if (thinkingBudget != null) {
                out.writeObjectFieldStart("thinking");
                out.writeStringField("type", "enabled");
                out.writeNumberField("budget_tokens", thinkingBudget);
                out.writeEndObject();
            }
            if (request.temperature() != null) {
                out.writeNumberField("temperature", request.temperature());
            }
            Map<String, JsonValue> extra = request.extra();
            JsonValue stop = extra.get("stop");
            if (stop != null && !stop.isNull()) {
                out.writeFieldName("stop_sequences");
                if (stop.isString()) {
                    out.writeStartArray();
                    out.writeRawValue(stop.json());
                    out.writeEndArray();
                } else {
                    out.writeRawValue(stop.json());
                }
            }
            JsonValue user = extra.get("user");
            if (user != null && !user.isNull()) {
                out.writeObjectFieldStart("metadata");
                out.writeFieldName("user_id");
                out.writeRawValue(user.json());
                out.writeEndObject();
            }
            for (Map.Entry<String, JsonValue> member : extra.entrySet()) {
                if (PASSED_THROUGH.contains(member.getKey())) {
                    out.writeFieldName(member.getKey());
                    out.writeRawValue(member.getValue().json());
                }
            }
            if (stream) {
                out.writeBooleanField("stream", true);
            }
            out.writeEndObject();
        }

        private void writeSystem(JsonGenerator out) throws IOException {
            if (system.isEmpty()) {
                return;
            }
            boolean blocks = system.stream().anyMatch(part -> part.extra.containsKey("cache_control"));
            if (!blocks) {
                StringBuilder text = new StringBuilder();
                for (SystemText part : system) {
                    if (text.length() > 0) {
                        text.append("\n\n");
                    }
                    text.append(part.text);
                }
                out.writeStringField("system", text.toString());
                return;
            }
            out.writeArrayFieldStart("system");
            for (SystemText part : system) {
                out.writeStartObject();
                out.writeStringField("type", "text");
                out.writeStringField("text", part.text);
                writeMembers(out, part.extra, Set.of("type", "text"));
                out.writeEndObject();
            }
            out.writeEndArray();
        }

        private static void writeTools(JsonGenerator out, ChatRequest request) throws IOException {
            if (request.tools() != null) {
                out.writeArrayFieldStart("tools");
                for (Tool tool : request.tools()) {
                    FunctionDefinition function = tool.function();
                    out.writeStartObject();
                    out.writeStringField("name", function.name());
                    if (function.description() != null) {
                        out.writeStringField("description", function.description());
                    }
                    out.writeFieldName("input_schema");
                    out.writeRawValue(function.parameters() == null ? "{\"type\":\"object\",\"properties\":{}}"
                            : function.parameters().json());
                    if (function.strict() != null) {
                        out.writeBooleanField("strict", function.strict());
                    }
                    writeMembers(out, function.extra(), Set.of("name", "description", "input_schema", "strict"));
                    writeMembers(out, tool.extra(), Set.of("name", "description", "input_schema", "strict"));
                    out.writeEndObject();
                }
                out.writeEndArray();
            }
            ToolChoice choice = request.toolChoice();
            boolean noParallel = Boolean.FALSE.equals(request.parallelToolCalls());
            if (choice == null && !noParallel) {
                return;
            }
            if (choice instanceof ToolChoice.Other other) {
                out.writeFieldName("tool_choice");
                out.writeRawValue(other.value().json());
                return;
            }
            out.writeObjectFieldStart("tool_choice");
            String mode = choice instanceof ToolChoice.Mode m ? m.mode() : choice == null ? "auto" : null;
            if (choice instanceof ToolChoice.Function function) {
                out.writeStringField("type", "tool");
                out.writeStringField("name", function.name());
            } else {
                out.writeStringField("type", switch (mode) {
                    case "required" -> "any";
                    case "none" -> "none";
                    default -> "auto";
                });
            }
            if (noParallel && !"none".equals(mode)) {
                out.writeBooleanField("disable_parallel_tool_use", true);
            }
            out.writeEndObject();
        }
    }

    // ---- helpers ----

    private static void writeMembers(JsonGenerator out, Map<String, JsonValue> members, Set<String> skip)
            throws IOException {
        for (Map.Entry<String, JsonValue> member : members.entrySet()) {
            if (!skip.contains(member.getKey())) {
                out.writeFieldName(member.getKey());
                out.writeRawValue(member.getValue().json());
            }
        }
    }

    /** Whether {@code json} is exactly one JSON object. */
    static boolean isOneObject(String json) {
        if (json == null) {
            return false;
        }
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> strings(JsonValue value, String path) {
        if (value.isString()) {
            return List.of(value.asString());
        }
        String expected = path + ": expected a string or an array of strings, got " + abbreviate(value.json());
        if (!value.json().startsWith("[")) {
            throw new IllegalArgumentException(expected);
        }
        JsonTree.Node node;
        try {
            node = JsonTree.parseObject("{\"v\":" + value.json() + "}");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(expected, e);
        }
        List<String> strings = new ArrayList<>();
        for (JsonTree.Node item : node.array("v")) {
            if (item.kind() != JsonTree.Kind.STRING) {
                throw new IllegalArgumentException(expected);
            }
            strings.add(item.text());
        }
        return strings;
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() <= 60 ? "'" + text + "'" : "'" + text.substring(0, 57) + "...'";
    }
}
