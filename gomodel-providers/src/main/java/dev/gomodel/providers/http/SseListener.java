package dev.gomodel.providers.http;

/**
 * Receives what {@link SseDecoder} finds in an event stream, in stream order. It is called on
 * the thread that calls {@link SseDecoder#decode} or {@link SseDecoder#finish}, typically one of
 * the HTTP client's threads, so implementations should be quick and must not block. An exception
 * thrown by a callback propagates out of the decoder call that made it.
 */
public interface SseListener {

    /**
     * A complete event arrived (its terminating blank line was seen, or the stream ended). The
     * event is valid only during this call: keep {@link SseEvent#copy()} to use it later.
     */
    void onEvent(SseEvent event);

    /**
     * A comment line ({@code :text}) arrived; {@code comment} is the text after the colon with one
     * leading space removed. Servers send comments as keep-alives. Ignored by default.
     */
    default void onComment(String comment) {
    }
}
