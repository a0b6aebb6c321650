package dev.gomodel.chat;

import dev.gomodel.internal.json.ExplicitNulls;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One chat message: a {@code role}, its {@code content} and, depending on the role, the tool
 * calls an assistant made or the id of the call a tool message answers.
 *
 * <p>{@code content} is {@code null} for JSON {@code null} (an assistant message that only
 * calls tools) or an absent member, a {@link Content.Text} for a string ({@code ""} included) or
 * {@link Content.Parts} for a list of parts; {@code nulls} tells JSON {@code null} from absent.
 * The factories and the constructor without {@code nulls} make a {@code null} content JSON
 * {@code null}, so it is written as {@code "content": null}. {@code toolCalls} is {@code null}
 * when the member is absent.
 * {@code reasoningContent} carries the {@code reasoning_content} that reasoning models return
 * beside the answer.
 *
 * <p>Rules that depend on the role ({@code tool} needs {@code tool_call_id}) are checked when a
 * {@link ChatRequest} is built, where the message's index can be named. Immutable and
 * thread-safe.
 *
 * @param role who speaks, such as {@link #USER}; required in a request
 * @param content the content, or {@code null} for JSON {@code null}
 * @param reasoningContent the {@code reasoning_content} beside the answer, or {@code null}
 * @param toolCallId the id of the tool call a {@code tool} message answers, or {@code null}
 * @param toolCalls the tool calls an assistant message makes, or {@code null} when the member is
 *     absent
 * @param extra the members this record does not know, in the order they came
 * @param nulls the members above that were explicitly {@code null}; never {@code null}
 */
public record Message(
        String role,
        Content content,
        String reasoningContent,
        String toolCallId,
        List<ToolCall> toolCalls,
        Map<String, JsonValue> extra,
        Set<String> nulls) {

    /** The role of instructions that frame the conversation. */
    public static final String SYSTEM = "system";
    /** The role of instructions to OpenAI reasoning models, which take it in place of {@link #SYSTEM}. */
    public static final String DEVELOPER = "developer";
    /** The role of what the user says. */
    public static final String USER = "user";
    /** The role of the model's answers and tool calls. */
    public static final String ASSISTANT = "assistant";
    /** The role of a tool's result, answering one tool call by its id. */
    public static final String TOOL = "tool";

    /** {@code content} explicitly {@code null}. */
    private static final Set<String> CONTENT_NULL = ExplicitNulls.MESSAGE.set(ExplicitNulls.MESSAGE.bit("content"));

    /**
     * Copies {@code toolCalls} (keeping {@code null}) and {@code extra} ({@code null} is taken as
     * empty). A {@code null} tool call is kept, so that building a {@link ChatRequest} can reject
     * it naming its JSON path.
     *
     * @param role the role
     * @param content the content, or {@code null}
     * @param reasoningContent the reasoning content, or {@code null}
     * @param toolCallId the answered tool call's id, or {@code null}
     * @param toolCalls the tool calls, or {@code null}
     * @param extra unknown members, or {@code null} for none
     * @param nulls the members that are explicitly {@code null}, or {@code null} for none; a
     *     member that has a value here is dropped from it
     * @throws NullPointerException if an {@code extra} name or value is {@code null}
     * @throws IllegalArgumentException if {@code nulls} names a member this record does not model
     */
    public Message {
        toolCalls = Copies.nullableRequestList(toolCalls);
        extra = Copies.extra(extra);
        nulls = ExplicitNulls.MESSAGE.normalize(nulls, (role != null ? 1 : 0) | (content != null ? 2 : 0)
                | (reasoningContent != null ? 4 : 0) | (toolCallId != null ? 8 : 0) | (toolCalls != null ? 16 : 0));
    }

    /**
     * A message whose {@code content}, when {@code null}, is JSON {@code null}; every other
     * {@code null} component is an absent member.
     *
     * @param role the role
     * @param content the content, or {@code null} for JSON {@code null}
     * @param reasoningContent the reasoning content, or {@code null}
     * @param toolCallId the answered tool call's id, or {@code null}
     * @param toolCalls the tool calls, or {@code null}
     * @param extra unknown members, or {@code null} for none
     * @throws NullPointerException if an {@code extra} name or value is {@code null}
     */
    public Message(String role, Content content, String reasoningContent, String toolCallId, List<ToolCall> toolCalls,
            Map<String, JsonValue> extra) {
        this(role, content, reasoningContent, toolCallId, toolCalls, extra, content == null ? CONTENT_NULL : Set.of());
    }

    /**
     * A message with string content and nothing else.
     *
     * @param role the role, such as {@link #USER}
     * @param text the content, or {@code null} for JSON {@code null} content
     * @return the message
     */
    public static Message of(String role, String text) {
        return new Message(role, text == null ? null : Content.text(text), null, null, null, Map.of());
    }

    /**
     * A {@code system} message.
     *
     * @param text the instructions
     * @return the message
     */
    public static Message system(String text) {
        return of(SYSTEM, text);
    }

    /**
     * A {@code developer} message (OpenAI's successor of {@code system} for reasoning models).
     *
     * @param text the instructions
     * @return the message
     */
    public static Message developer(String text) {
        return of(DEVELOPER, text);
    }

    /**
     * A {@code user} message with string content.
     *
     * @param text what the user says
     * @return the message
     */
    public static Message user(String text) {
        return of(USER, text);
    }

    /**
     * A {@code user} message with multi-part content (text, images, audio).
     *
     * @param parts the parts, in order
     * @return the message
     * @throws NullPointerException if {@code parts} is {@code null}
     */
    public static Message user(ContentPart... parts) {
        return new Message(USER, Content.parts(parts), null, null, null, Map.of());
    }

    /**
     * An {@code assistant} message with string content.
     *
     * @param text what the assistant said
     * @return the message
     */
    public static Message assistant(String text) {
        return of(ASSISTANT, text);
    }

    /**
     * An {@code assistant} message that calls tools; its content is JSON {@code null}.
     *
     * @param toolCalls the calls, usually those of {@link ChatCompletion#toolCalls()}
     * @return the message
     * @throws NullPointerException if {@code toolCalls} is {@code null}
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

    /**
     * A {@code tool} message answering the tool call {@code toolCallId} with {@code result}.
     *
     * @param toolCallId the {@link ToolCall#id()} of the call it answers; required in a request
     * @param result the tool's output as text, {@code ""} for none
     * @return the message
     * @throws NullPointerException if {@code result} is {@code null}
     */
    public static Message tool(String toolCallId, String result) {
        Objects.requireNonNull(result, "result is required: expected the tool's output as text (\"\" for none)");
        return new Message(TOOL, Content.text(result), null, toolCallId, null, Map.of());
    }

    /**
     * Reads the content as text.
     *
     * @return the string, the text parts joined without separator, or {@code null} when the
     *     content is JSON {@code null}
     */
    public String text() {
        return content == null ? null : content.asText();
    }
}
