package dev.gomodel.routing;

import dev.gomodel.Provider;
import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.chat.NumberedChunks;
import dev.gomodel.error.ApiError;
import dev.gomodel.error.InvalidRequestException;
import dev.gomodel.internal.stream.FailedPublisher;
import dev.gomodel.testing.Tck;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Flow;
import org.reactivestreams.tck.flow.FlowPublisherVerification;
import org.testng.annotations.AfterClass;

/**
 * The Reactive Streams TCK against {@link Router#stream}: a routed stream over one provider
 * whose upstream is the reference publisher. The model says how many chunks it streams
 * ({@code chunks-5}); for the failed publisher the upstream answers with a 400 error, which
 * the router neither retries nor falls back from.
 */
class RouterTckTest extends FlowPublisherVerification<ChatCompletionChunk> {

    private static final String FAIL = "fail";

    private final ExecutorService upstreamThreads = Tck.threads("tck-upstream");
    private final Router router = Router.builder().provider(new CountingProvider()).build();

    public RouterTckTest() {
        super(Tck.environment(), Tck.GC_TIMEOUT_MILLIS);
    }

    @Override
    public Flow.Publisher<ChatCompletionChunk> createFlowPublisher(long elements) {
        return router.stream(request("chunks-" + elements));
    }

    @Override
    public Flow.Publisher<ChatCompletionChunk> createFailedFlowPublisher() {
        return router.stream(request(FAIL));
    }

    @Override
    public long maxElementsFromPublisher() {
        return Tck.MAX_ELEMENTS;
    }

    @AfterClass(alwaysRun = true)
    public void stop() {
        router.close();
        upstreamThreads.shutdownNow();
    }

    private static ChatRequest request(String model) {
        return ChatRequest.builder().model(model).user("Count").build();
    }

    /** Streams as many chunks as its model names, each with content, then completes. */
    private final class CountingProvider implements Provider {
        @Override
        public String name() {
            return "counting";
        }

        @Override
        public String type() {
            return "test";
        }

        @Override
        public Set<String> models() {
            return Set.of();
        }

        @Override
        public CompletableFuture<ChatCompletion> createAsync(ChatRequest request) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException("streams only"));
        }

        @Override
        public Flow.Publisher<ChatCompletionChunk> stream(ChatRequest request) {
            if (request.model().equals(FAIL)) {
                return new FailedPublisher<>(new InvalidRequestException(new ApiError(name(), 400,
                        "invalid_request_error", null, "messages must not be empty", "messages", null, null, null)));
            }
            long count = Long.parseLong(request.model().substring("chunks-".length()));
            return Tck.upstream(count, NumberedChunks::chunk, upstreamThreads);
        }

        @Override
        public void close() {
        }
    }
}
