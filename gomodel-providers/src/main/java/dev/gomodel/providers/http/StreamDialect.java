package dev.gomodel.providers.http;

import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.error.GoModelException;
import java.net.http.HttpHeaders;

/**
 * How one provider's server-sent events become chunks: the part of streaming that differs
 * between wire formats. It is called serially, once per event, on the HTTP client's thread and
 * must not block. Implementations are stateless or made fresh per stream by
 * {@link Factory}.
 */
public interface StreamDialect {

    /** Makes a dialect for one stream; called once per subscription. */
    @FunctionalInterface
    interface Factory {
        StreamDialect newStream(String provider, HttpHeaders headers);
    }

    /** Where a dialect puts what an event meant. */
    interface Sink {
        /** A chunk to deliver. */
        void chunk(ChatCompletionChunk chunk);

        /** The upstream said the stream is complete ({@code [DONE]}, {@code message_stop}). */
        void done();

        /** The upstream reported an error inside the stream. */
        void error(GoModelException error);
    }

    /**
     * Interprets one event. The event, a view of the decoder's buffer, is valid only during the
     * call: what is kept of it must be copied.
     *
     * @throws RuntimeException if the event is malformed; the stream then fails with a
     *     {@link dev.gomodel.error.MalformedResponseException}
     */
    void onEvent(SseEvent event, Sink sink);
}
