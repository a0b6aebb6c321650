package dev.gomodel.providers.routing;

import dev.gomodel.GoModelClient;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.providers.openai.OpenAiProvider;
import dev.gomodel.providers.testing.CountingStreamServer;
import dev.gomodel.testing.Tck;
import java.io.IOException;
import java.util.concurrent.Flow;
import org.reactivestreams.tck.flow.FlowPublisherVerification;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;

/**
 * The Reactive Streams TCK against {@code client.chat().stream(request)}: the router's stream
 * over the OpenAI provider, over real HTTP to a loopback server that streams N chunks. The
 * failed publisher is a request the server answers with HTTP 400, which the router neither
 * retries nor falls back from.
 */
class RoutedStreamTckTest extends FlowPublisherVerification<ChatCompletionChunk> {

    private final CountingStreamServer server = CountingStreamServer.openAi();
    private final GoModelClient client = GoModelClient.builder()
            .provider(OpenAiProvider.builder().apiKey("sk-tck").baseUrl(server.baseUrl()).build())
            .build();

    public RoutedStreamTckTest() throws IOException {
        super(Tck.environment(), Tck.GC_TIMEOUT_MILLIS);
    }

    @Override
    public Flow.Publisher<ChatCompletionChunk> createFlowPublisher(long elements) {
        return client.chat().stream(request(CountingStreamServer.model(elements)));
    }

    @Override
    public Flow.Publisher<ChatCompletionChunk> createFailedFlowPublisher() {
        return client.chat().stream(request(CountingStreamServer.rejectedModel()));
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
        client.close();
        server.close();
    }

    private static ChatRequest request(String model) {
        return ChatRequest.builder().model(model).user("Count").build();
    }
}
