package dev.gomodel.chat;

import java.util.List;
import java.util.Map;

/**
 * A chat-completions response: {@code {"id", "object": "chat.completion", "created", "model",
 * "provider", "system_fingerprint", "choices", "usage"}}.
 *
 * <p>{@code provider} names who served the request (set by the router when the upstream does
 * not say). {@code route} is how the router served it: not part of the JSON, {@code null} when
 * the completion did not come through a router. {@link #text()}, {@link #message()},
 * {@link #finishReason()} and {@link #toolCalls()} read the first choice. Immutable and
 * thread-safe.
 */
public record ChatCompletion(
        String id,
        String object,
        Long created,
        String model,
        String provider,
        String systemFingerprint,
        List<Choice> choices,
        Usage usage,
        Map<String, JsonValue> extra,
        RouteReport route) {

    /** The {@code object} value of a non-streamed completion. */
    public static final String OBJECT = "chat.completion";

    public ChatCompletion {
        choices = Copies.list(choices);
        extra = Copies.extra(extra);
    }

    /** A completion that did not come through a router. */
    public ChatCompletion(String id, String object, Long created, String model, String provider,
            String systemFingerprint, List<Choice> choices, Usage usage, Map<String, JsonValue> extra) {
        this(id, object, created, model, provider, systemFingerprint, choices, usage, extra, null);
    }

    /** The first choice's message, or {@code null} when there is no choice. */
    public Message message() {
        return choices.isEmpty() ? null : choices.get(0).message();
    }

    /** The first choice's text, or {@code null} when it has none (a tool call, no choice). */
    public String text() {
        Message message = message();
        return message == null ? null : message.text();
    }

    /** The first choice's {@code finish_reason}, or {@code null}. */
    public String finishReason() {
        return choices.isEmpty() ? null : choices.get(0).finishReason();
    }

    /** The first choice's tool calls; empty when there are none. */
    public List<ToolCall> toolCalls() {
        Message message = message();
        return message == null || message.toolCalls() == null ? List.of() : message.toolCalls();
    }

    /** This completion with {@code provider} set. */
    public ChatCompletion withProvider(String provider) {
        return new ChatCompletion(id, object, created, model, provider, systemFingerprint, choices, usage, extra, route);
    }

    /** This completion with its route report. */
    public ChatCompletion withRoute(RouteReport route) {
        return new ChatCompletion(id, object, created, model, provider, systemFingerprint, choices, usage, extra, route);
    }
}
