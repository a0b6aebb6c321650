package dev.gomodel;

import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.error.GoModelException;
import dev.gomodel.internal.deadline.DeadlineChatCompletions;
import dev.gomodel.internal.stream.BlockingChunkStream;
import dev.gomodel.internal.stream.HandlerSubscriber;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;

/**
 * The one chat-completions API: providers implement it, the router implements it (so routers
 * nest), and {@link GoModelClient#chat()} exposes it.
 *
 * <p>Every method validates the request before any network call. Failures are
 * {@link GoModelException}s: thrown by {@link #create}, completing the future of
 * {@link #createAsync} exceptionally, or signalled once through {@code onError} by a stream.
 * Implementations are thread-safe.
 *
 * <h2>Streams</h2>
 * {@link #stream(ChatRequest)} returns a cold publisher: each subscription makes one upstream
 * request. Chunks are signalled in order, serially, and only as many as the subscriber
 * requested; the body is read no faster than that. {@code cancel()} aborts the exchange. A
 * stream completes after {@code [DONE]}, or after the body ends following a
 * {@code finish_reason}; a body that ends with neither signals
 * {@link dev.gomodel.error.IncompleteStreamException}. Exactly one terminal signal follows the
 * chunks that really arrived.
 */
public interface ChatCompletions {

    /**
     * Sends the request and waits for the completion.
     *
     * @param request the request
     * @return the completion; through a router, with its {@link ChatCompletion#route() route} and
     *     {@code provider} set
     * @throws GoModelException when the call fails
     * @throws IllegalArgumentException when the request cannot be sent as it is
     */
    default ChatCompletion create(ChatRequest request) {
        try {
            return createAsync(request).join();
        } catch (CompletionException e) {
            throw GoModelExceptions.unwrap(e);
        }
    }

    /**
     * Sends the request without holding a thread while it waits.
     *
     * @param request the request
     * @return a future that completes with the completion or exceptionally with a
     *     {@link GoModelException}; cancelling it aborts the exchange
     * @throws IllegalArgumentException when the request cannot be sent as it is; a router
     *     completes the future with it instead
     */
    CompletableFuture<ChatCompletion> createAsync(ChatRequest request);

    /**
     * Streams the request as a publisher; see the class documentation for its contract.
     *
     * @param request the request; the library sets {@code stream} and, where the provider accepts
     *     it, {@code stream_options}
     * @return a cold publisher of the chunks: nothing is sent until a subscriber subscribes, and
     *     each subscription sends its own request
     * @throws IllegalArgumentException when the request cannot be sent as it is; a router
     *     signals it to the subscriber's {@code onError} instead
     */
    Flow.Publisher<ChatCompletionChunk> stream(ChatRequest request);

    /**
     * Streams the request into {@code handler}'s callbacks. The returned future completes with
     * the accumulated completion after {@link StreamHandler#onComplete}, or exceptionally
     * after {@link StreamHandler#onError}; cancelling it cancels the stream.
     *
     * @param request the request
     * @param handler the callbacks, called serially on the HTTP client's threads
     * @return a future of the chunks folded into one completion
     */
    default CompletableFuture<ChatCompletion> stream(ChatRequest request, StreamHandler handler) {
        HandlerSubscriber subscriber = new HandlerSubscriber(handler);
        stream(request).subscribe(subscriber);
        return subscriber.result();
    }

    /**
     * A view of this API whose every call must end within {@code deadline} of its start,
     * retries, backoff waits and fallbacks included; past it the call is cancelled and fails
     * with a {@link dev.gomodel.error.RequestTimeoutException} of phase {@code TOTAL}.
     *
     * <pre>{@code
     * client.chat().withDeadline(Duration.ofSeconds(5)).create(request);
     * }</pre>
     *
     * @param deadline the longest any one call may take, counted from its start
     * @return a view that sends its calls through this API; calls made on this API directly are
     *     unchanged
     * @throws NullPointerException if {@code deadline} is {@code null}
     * @throws IllegalArgumentException if {@code deadline} is not positive or is longer than about 292 years
     */
    default ChatCompletions withDeadline(Duration deadline) {
        return new DeadlineChatCompletions(this, deadline);
    }

    /**
     * Streams the request as a blocking iteration. Use it in try-with-resources: closing it,
     * for example by leaving the loop early, cancels the exchange.
     *
     * <pre>{@code
     * try (ChunkStream chunks = chat.streamBlocking(request)) {
     *     for (ChatCompletionChunk chunk : chunks) {
     *         System.out.print(chunk.text());
     *     }
     * }
     * }</pre>
     *
     * @param request the request
     * @return a stream that can be iterated once; the exchange starts at once, not at the first
     *     {@code hasNext()}
     */
    default ChunkStream streamBlocking(ChatRequest request) {
        BlockingChunkStream chunks = new BlockingChunkStream();
        stream(request).subscribe(chunks);
        return chunks;
    }
}
