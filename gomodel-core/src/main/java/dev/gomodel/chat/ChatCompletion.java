package dev.gomodel.chat;

import dev.gomodel.internal.json.ExplicitNulls;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A chat-completions response: {@code {"id", "object": "chat.completion", "created", "model",
 * "provider", "system_fingerprint", "choices", "usage"}}.
 *
 * <p>{@code provider} names who served the request (set by the router when the upstream does
 * not say). {@code route} is how the router served it: not part of the JSON, {@code null} when
 * the completion did not come through a router. {@link #text()}, {@link #message()},
 * {@link #finishReason()} and {@link #toolCalls()} read the first choice. Immutable and
 * thread-safe.
 *
 * <p>A member the upstream sent as JSON {@code null} reads as a {@code null} component (an empty
 * {@code choices}) like an absent one; {@code nulls} keeps the difference, so the completion is
 * written back as it came (see the package documentation).
 *
 * @param id the upstream's id for this completion, or {@code null} when absent
 * @param object the {@code object} member, {@value #OBJECT} from a conforming upstream
 * @param created when the completion was created, in seconds since the Unix epoch, or {@code null}
 * @param model the model that answered, as the upstream names it, or {@code null}
 * @param provider the provider that served the request, or {@code null} when unknown
 * @param systemFingerprint the upstream's {@code system_fingerprint}, or {@code null}
 * @param choices the choices in {@code index} order, usually one; never {@code null}
 * @param usage the token counts, or {@code null} when the upstream reported none
 * @param extra the members this record does not know, in the order they came
 * @param nulls the members above that were explicitly {@code null}; never {@code null}
 * @param route how the router served the call, or {@code null} when no router was involved
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
        Set<String> nulls,
        RouteReport route) {

    /** The {@code object} value of a non-streamed completion. */
    public static final String OBJECT = "chat.completion";

    /**
     * Copies {@code choices} and {@code extra}; {@code null} for either is taken as empty.
     *
     * @param id the completion's id, or {@code null}
     * @param object the {@code object} member, normally {@value #OBJECT}
     * @param created the creation time in Unix seconds, or {@code null}
     * @param model the model that answered, or {@code null}
     * @param provider the provider that served it, or {@code null}
     * @param systemFingerprint the {@code system_fingerprint}, or {@code null}
     * @param choices the choices; {@code null} for none
     * @param usage the token counts, or {@code null}
     * @param extra unknown members, or {@code null} for none; no value may be {@code null}
     *     (use {@link JsonValue#NULL})
     * @param nulls the members that are explicitly {@code null}, or {@code null} for none; a
     *     member that has a value here is dropped from it
     * @param route the router's report, or {@code null}
     * @throws NullPointerException if a choice, or an {@code extra} name or value, is {@code null}
     * @throws IllegalArgumentException if {@code nulls} names a member this record does not model
     */
    public ChatCompletion {
        choices = Copies.list(choices);
        extra = Copies.extra(extra);
        nulls = ExplicitNulls.RESPONSE.normalize(nulls, (id != null ? 1 : 0) | (object != null ? 2 : 0)
                | (created != null ? 4 : 0) | (model != null ? 8 : 0) | (provider != null ? 16 : 0)
                | (systemFingerprint != null ? 32 : 0) | (choices.isEmpty() ? 0 : 64) | (usage != null ? 128 : 0));
    }

    /**
     * A completion that did not come through a router: its {@link #route()} is {@code null}.
     *
     * @param id the completion's id, or {@code null}
     * @param object the {@code object} member, normally {@value #OBJECT}
     * @param created the creation time in Unix seconds, or {@code null}
     * @param model the model that answered, or {@code null}
     * @param provider the provider that served it, or {@code null}
     * @param systemFingerprint the {@code system_fingerprint}, or {@code null}
     * @param choices the choices; {@code null} for none
     * @param usage the token counts, or {@code null}
     * @param extra unknown members, or {@code null} for none
     * @param nulls the members that are explicitly {@code null}, or {@code null} for none
     */
    public ChatCompletion(String id, String object, Long created, String model, String provider,
            String systemFingerprint, List<Choice> choices, Usage usage, Map<String, JsonValue> extra,
            Set<String> nulls) {
        this(id, object, created, model, provider, systemFingerprint, choices, usage, extra, nulls, null);
    }

    /**
     * A completion that did not come through a router and has no member explicitly
     * {@code null}: a {@code null} component is an absent member.
     *
     * @param id the completion's id, or {@code null}
     * @param object the {@code object} member, normally {@value #OBJECT}
     * @param created the creation time in Unix seconds, or {@code null}
     * @param model the model that answered, or {@code null}
     * @param provider the provider that served it, or {@code null}
     * @param systemFingerprint the {@code system_fingerprint}, or {@code null}
     * @param choices the choices; {@code null} for none
     * @param usage the token counts, or {@code null}
     * @param extra unknown members, or {@code null} for none
     */
    public ChatCompletion(String id, String object, Long created, String model, String provider,
            String systemFingerprint, List<Choice> choices, Usage usage, Map<String, JsonValue> extra) {
        this(id, object, created, model, provider, systemFingerprint, choices, usage, extra, Set.of(), null);
    }

    /**
     * Reads the first choice's message.
     *
     * @return the message of {@code choices().get(0)}, or {@code null} when there is no choice
     */
    public Message message() {
        return choices.isEmpty() ? null : choices.get(0).message();
    }

    /**
     * Reads the first choice's text, as {@link Message#text()} does.
     *
     * @return the text, or {@code null} when the message has no content (it only calls tools) or
     *     there is no choice
     */
    public String text() {
        Message message = message();
        return message == null ? null : message.text();
    }

    /**
     * Reads why the first choice stopped.
     *
     * @return its {@code finish_reason}, such as {@link Choice#STOP}, or {@code null} when absent
     *     or there is no choice
     */
    public String finishReason() {
        return choices.isEmpty() ? null : choices.get(0).finishReason();
    }

    /**
     * Reads the tools the first choice's message calls.
     *
     * @return its tool calls in order; an empty list, never {@code null}, when there are none
     */
    public List<ToolCall> toolCalls() {
        Message message = message();
        return message == null || message.toolCalls() == null ? List.of() : message.toolCalls();
    }

    /**
     * A copy with another provider; the router uses it to name who served a call.
     *
     * @param provider the provider's name, or {@code null}
     * @return a completion equal to this one but for {@code provider}
     */
    public ChatCompletion withProvider(String provider) {
        return new ChatCompletion(id, object, created, model, provider, systemFingerprint, choices, usage, extra, nulls,
                route);
    }

    /**
     * A copy carrying a route report; the router attaches one to every completion it returns.
     *
     * @param route how the call was routed, or {@code null}
     * @return a completion equal to this one but for {@code route}
     */
    public ChatCompletion withRoute(RouteReport route) {
        return new ChatCompletion(id, object, created, model, provider, systemFingerprint, choices, usage, extra, nulls,
                route);
    }
}
