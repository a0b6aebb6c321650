package dev.gomodel.bench.langchain4j;

import dev.gomodel.bench.harness.BenchClient;
import dev.gomodel.bench.harness.BenchConfig;
import dev.gomodel.bench.harness.Worker;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * LangChain4j's OpenAI models with their defaults (base URL set to the stub):
 * {@code OpenAiChatModel.chat(request)} and {@code OpenAiStreamingChatModel.chat(request, handler)},
 * whose partial responses are the content deltas. Thread-safe.
 */
public final class LangChain4jClient implements BenchClient {

    private final OpenAiChatModel model;
    private final OpenAiStreamingChatModel streamingModel;
    private final BenchConfig config;

    LangChain4jClient(BenchConfig config) {
        this.config = config;
        this.model = OpenAiChatModel.builder()
                .baseUrl(config.baseUrl())
                .apiKey(config.apiKey())
                .modelName(config.model())
                .build();
        this.streamingModel = OpenAiStreamingChatModel.builder()
                .baseUrl(config.baseUrl())
                .apiKey(config.apiKey())
                .modelName(config.model())
                .build();
    }

    public static void main(String[] args) {
        Worker.run(args, Map.of("langchain4j", LangChain4jClient::new));
    }

    private ChatRequest request() {
        return ChatRequest.builder().messages(UserMessage.from(config.prompt())).build();
    }

    @Override
    public String create() {
        return model.chat(request()).aiMessage().text();
    }

    @Override
    public void stream(ContentSink sink) throws Exception {
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        streamingModel.chat(request(), new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                if (partial != null && !partial.isEmpty()) {
                    sink.accept(partial);
                }
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        done.get(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        // The models hold no resources that need closing.
    }
}
