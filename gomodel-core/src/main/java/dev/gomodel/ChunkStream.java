package dev.gomodel;

import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionChunk;
import java.util.Iterator;

/**
 * A stream of chunks read by blocking iteration, from
 * {@link ChatCompletions#streamBlocking(dev.gomodel.chat.ChatRequest)}. It can be iterated
 * once, by one thread. {@link #close()} cancels the exchange if it is still open; use it in
 * try-with-resources. A failure of the stream is thrown from the iterator's {@code hasNext()}
 * as the {@link dev.gomodel.error.GoModelException} it is.
 */
public interface ChunkStream extends Iterable<ChatCompletionChunk>, AutoCloseable {

    /**
     * The iterator over the chunks; the first call starts nothing new, it reads what the
     * stream already requested.
     *
     * @throws IllegalStateException on a second call
     */
    @Override
    Iterator<ChatCompletionChunk> iterator();

    /**
     * The chunks seen so far folded into a completion; after the iteration ended normally it
     * is the whole answer.
     *
     * @return the completion so far; after a failure, the partial answer
     */
    ChatCompletion completion();

    /** Cancels the exchange if it is still open. Idempotent. */
    @Override
    void close();
}
