package dev.gomodel.internal.deadline;

import dev.gomodel.ChatCompletions;
import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.chat.NumberedChunks;
import dev.gomodel.error.ConnectionException;
import dev.gomodel.internal.stream.FailedPublisher;
import dev.gomodel.testing.Tck;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Flow;
import org.reactivestreams.tck.flow.FlowPublisherVerification;
import org.testng.annotations.AfterClass;

/**
 * The Reactive Streams TCK against the stream of {@link DeadlineChatCompletions} (what
 * {@code withDeadline} gives any {@code ChatCompletions} but the router), with a deadline no
 * test reaches, over the reference upstream.
 */
class DeadlineChatCompletionsTckTest extends FlowPublisherVerification<ChatCompletionChunk> {

    private static final String FAIL = "fail";

    private final ExecutorService upstreamThreads = Tck.threads("tck-upstream");
    private final ChatCompletions chat = new DeadlineChatCompletions(new ChatCompletions() {
        @Override
        public CompletableFuture<ChatCompletion> createAsync(ChatRequest request) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException("streams only"));
        }

        @Override
        public Flow.Publisher<ChatCompletionChunk> stream(ChatRequest request) {
            if (request.model().equals(FAIL)) {
                return new FailedPublisher<>(new ConnectionException("connection refused", "tck", null));
            }
            long count = Long.parseLong(request.model().substring("chunks-".length()));
            return Tck.upstream(count, NumberedChunks::chunk, upstreamThreads);
        }
    }, Duration.ofMinutes(10));

    public DeadlineChatCompletionsTckTest() {
        super(Tck.environment(), Tck.GC_TIMEOUT_MILLIS);
    }

    @Override
    public Flow.Publisher<ChatCompletionChunk> createFlowPublisher(long elements) {
        return chat.stream(request("chunks-" + elements));
    }

    @Override
    public Flow.Publisher<ChatCompletionChunk> createFailedFlowPublisher() {
        return chat.stream(request(FAIL));
    }

    @Override
    public long maxElementsFromPublisher() {
        return Tck.MAX_ELEMENTS;
    }

    @AfterClass(alwaysRun = true)
    public void stopUpstream() {
        upstreamThreads.shutdownNow();
    }

    private static ChatRequest request(String model) {
        return ChatRequest.builder().model(model).user("Count").build();
    }
}
