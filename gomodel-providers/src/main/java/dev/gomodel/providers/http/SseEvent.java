package dev.gomodel.providers.http;

import java.util.Objects;

/**
 * One event dispatched by {@link SseDecoder}: what an event stream said between two blank lines.
 * The decoder knows nothing of what the data means; interpreting it (JSON, a {@code [DONE]}
 * sentinel) is the provider's job. Immutable, so safe to hand to any thread.
 *
 * @param event the value of the last {@code event:} field of the event, or {@code null} when no
 *              (or an empty) event name was given; callers treat {@code null} as {@code "message"}
 * @param data  the values of the event's {@code data:} fields joined with {@code "\n"}; never
 *              {@code null}, possibly empty (a bare {@code data} line)
 * @param id    the last event id seen so far in the stream: the value of the most recent
 *              {@code id:} field, which carries over to later events as in the WHATWG rules, or
 *              {@code null} when the stream has not sent one
 */
public record SseEvent(String event, String data, String id) {

    /**
     * Checks that {@code data} is present.
     *
     * @throws NullPointerException if {@code data} is {@code null}
     */
    public SseEvent {
        Objects.requireNonNull(data, "data");
    }
}
