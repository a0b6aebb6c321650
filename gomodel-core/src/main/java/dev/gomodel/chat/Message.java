package dev.gomodel.chat;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One chat message: a {@code role}, its {@code content} and, depending on the role, the tool
 * calls an assistant made or the id of the call a tool message answers.
 *
 * <p>{@code content} is {@code null} for JSON {@code null} (an assistant message that only
 * calls tools), a {@link Content.Text} for a string ({@code ""} included) or {@link Content.Parts}
 * for a list of parts. {@code toolCalls} is {@code null} when the member is absent.
 * {@code reasoningContent} carries the {@code reasoning_content} that reasoning models return
 * beside the answer.
 *
 * <p>Rules that depend on the role ({@code tool} needs {@code tool_call_id}) are checked when a
 * {@link ChatRequest} is built, where the message's index can be named. Immutable and
 * thread-safe.
 */
public record Message(
        String role,
        Content content,
        String reasoningContent,
        String toolCallId,
        List<ToolCall> toolCalls,
        Map<String, JsonValue> extra) {

    public static final String SYSTEM = "system";
    public static final String DEVELOPER = "developer";
    public static final String USER = "user";
    public static final String ASSISTANT = "assistant";
    public static final String TOOL = "tool";

    public Message {
        toolCalls = Copies.nullableRequestList(toolCalls);
        extra = Copies.extra(extra);
    }

    /** A message with string content and nothing else. */
    public static Message of(String role, String text) {
        return new Message(role, text == null ? null : Content.text(text), null, null, null, Map.of());
    }

    /** A {@code system} message. */
    public static Message system(String text) {
        return of(SYSTEM, text);
    }

    /** A {@code developer} message (OpenAI's successor of {@code system} for reasoning models). */
    public static Message developer(String text) {
        return of(DEVELOPER, text);
    }

    /** A {@code user} message with string content. */
    public static Message user(String text) {
        return of(USER, text);
    }

    /** A {@code user} message with multi-part content (text, images, audio). */
    public static Message user(ContentPart... parts) {
        return new Message(USER, Content.parts(parts), null, null, null, Map.of());
    }

    /** An {@code assistant} message with string content. */
    public static Message assistant(String text) {
        return of(ASSISTANT, text);
    }

    /**
     * An {@code assistant} message that calls tools; its content is JSON {@code null}.
     *
     * @throws IllegalArgumentException if {@code toolCalls} is empty
     */
    public static Message assistantToolCalls(List<ToolCall> toolCalls) {
        Objects.requireNonNull(toolCalls, "toolCalls");
        if (toolCalls.isEmpty()) {
            throw new IllegalArgumentException("toolCalls must contain at least one tool call; "
                    + "use Message.assistant(text) for a message that calls none");
        }
        return new Message(ASSISTANT, null, null, null, toolCalls, Map.of());
    }

    /** A {@code tool} message answering the tool call {@code toolCallId} with {@code result} ({@code ""} for none). */
    public static Message tool(String toolCallId, String result) {
        Objects.requireNonNull(result, "result is required: expected the tool's output as text (\"\" for none)");
        return new Message(TOOL, Content.text(result), null, toolCallId, null, Map.of());
    }

    /** The content as text: the string, the text parts joined, or {@code null} for null content. */
    public String text() {
        return content == null ? null : content.asText();
    }
}
