package dev.gomodel.providers.anthropic;

import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.providers.testing.CountingStreamServer;
import dev.gomodel.testing.Tck;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Flow;
import org.reactivestreams.tck.flow.FlowPublisherVerification;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;

/**
 * The Reactive Streams TCK against {@link AnthropicProvider#stream}: real HTTP to a loopback
 * server that streams Anthropic events yielding N chunks (see
 * {@link CountingStreamServer#anthropic()} for which events); the failed publisher is a
 * request the server answers with HTTP 400.
 */
class AnthropicStreamTckTest extends FlowPublisherVerification<ChatCompletionChunk> {

    private final CountingStreamServer server = CountingStreamServer.anthropic();
    /** Chunks carry the time their stream was read; fixed, so every stream's chunks are equal. */
    private final AnthropicProvider anthropic = AnthropicProvider.builder().apiKey("sk-ant-tck")
            .baseUrl(server.baseUrl()).clock(Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC))
            .build();

    public AnthropicStreamTckTest() throws IOException {
        super(Tck.environment(), Tck.GC_TIMEOUT_MILLIS);
    }

    @Override
    public Flow.Publisher<ChatCompletionChunk> createFlowPublisher(long elements) {
        return anthropic.stream(request(CountingStreamServer.model(elements)));
    }

    @Override
    public Flow.Publisher<ChatCompletionChunk> createFailedFlowPublisher() {
        return anthropic.stream(request(CountingStreamServer.rejectedModel()));
    }

    @Override
    public long maxElementsFromPublisher() {
        return Tck.MAX_ELEMENTS;
    }

    @BeforeClass
    public void warmUp() throws InterruptedException {
        CountingStreamServer.readToEnd(createFlowPublisher(3));
        CountingStreamServer.readToEnd(createFailedFlowPublisher());
    }

    @AfterClass(alwaysRun = true)
    public void stop() throws IOException {
        anthropic.close();
        server.close();
    }

    private static ChatRequest request(String model) {
        return ChatRequest.builder().model(model).user("Count").build();
    }
}
