package dev.gomodel.providers.openai;

import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.providers.testing.CountingStreamServer;
import dev.gomodel.testing.Tck;
import java.io.IOException;
import java.util.concurrent.Flow;
import org.reactivestreams.tck.flow.FlowPublisherVerification;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;

/**
 * The Reactive Streams TCK against {@link OpenAiProvider#stream}: real HTTP to a loopback
 * server that streams N OpenAI chunks and {@code data: [DONE]}; the failed publisher is a
 * request the server answers with HTTP 400.
 */
class OpenAiStreamTckTest extends FlowPublisherVerification<ChatCompletionChunk> {

    private final CountingStreamServer server = CountingStreamServer.openAi();
    private final OpenAiProvider openai = OpenAiProvider.builder().apiKey("sk-tck").baseUrl(server.baseUrl()).build();

    public OpenAiStreamTckTest() throws IOException {
        super(Tck.environment(), Tck.GC_TIMEOUT_MILLIS);
    }

    @Override
    public Flow.Publisher<ChatCompletionChunk> createFlowPublisher(long elements) {
        return openai.stream(request(CountingStreamServer.model(elements)));
    }

    @Override
    public Flow.Publisher<ChatCompletionChunk> createFailedFlowPublisher() {
        return openai.stream(request(CountingStreamServer.rejectedModel()));
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
        openai.close();
        server.close();
    }

    private static ChatRequest request(String model) {
        return ChatRequest.builder().model(model).user("Count").build();
    }
}
