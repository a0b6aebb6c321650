package dev.gomodel;

import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionChunk;

/**
 * Callbacks for {@link ChatCompletions#stream(dev.gomodel.chat.ChatRequest, StreamHandler)}:
 * {@link #onChunk} for each chunk in order, then exactly one of {@link #onComplete} (with the
 * chunks folded into a completion) or {@link #onError}. Calls are serial, never concurrent, and
 * run on the HTTP client's threads, so keep them short. An exception thrown by
 * {@code onChunk} cancels the stream and is reported to {@code onError}.
 */
@FunctionalInterface
public interface StreamHandler {

    /**
     * A chunk arrived. Called once per chunk, in order.
     *
     * @param chunk the chunk
     */
    void onChunk(ChatCompletionChunk chunk);

    /**
     * The stream ended well. Does nothing by default.
     *
     * @param completion the chunks folded into one completion, as {@link
     *     dev.gomodel.chat.ChatCompletionAccumulator} folds them
     */
    default void onComplete(ChatCompletion completion) {
    }

    /**
     * The stream failed; no other callback follows. Does nothing by default; the future returned
     * by {@code stream} completes exceptionally either way.
     *
     * @param error the failure: a {@link dev.gomodel.error.GoModelException}, or what
     *     {@link #onChunk} threw
     */
    default void onError(Throwable error) {
    }
}
