package dev.gomodel.bench.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.gomodel.bench.harness.BenchClient;
import dev.gomodel.bench.harness.BenchConfig;
import dev.gomodel.bench.harness.Worker;
import java.util.Iterator;
import java.util.Map;

/**
 * The official OpenAI Java SDK with its defaults ({@code OpenAIOkHttpClient}, base URL set to
 * the stub): {@code chat().completions().create(params)} and {@code createStreaming(params)}
 * iterated on the calling thread. Thread-safe.
 */
public final class OpenAiSdkClient implements BenchClient {

    private final OpenAIClient client;
    private final BenchConfig config;

    OpenAiSdkClient(BenchConfig config) {
        this.config = config;
        this.client = OpenAIOkHttpClient.builder().baseUrl(config.baseUrl()).apiKey(config.apiKey()).build();
    }

    public static void main(String[] args) {
        Worker.run(args, Map.of("openai", OpenAiSdkClient::new));
    }

    private ChatCompletionCreateParams params() {
        return ChatCompletionCreateParams.builder().model(config.model()).addUserMessage(config.prompt()).build();
    }

    @Override
    public String create() {
        ChatCompletion completion = client.chat().completions().create(params());
        return completion.choices().get(0).message().content().orElse(null);
    }

    @Override
    public void stream(ContentSink sink) {
        try (StreamResponse<ChatCompletionChunk> chunks = client.chat().completions().createStreaming(params())) {
            for (Iterator<ChatCompletionChunk> it = chunks.stream().iterator(); it.hasNext(); ) {
                for (ChatCompletionChunk.Choice choice : it.next().choices()) {
                    choice.delta().content().ifPresent(content -> {
                        if (!content.isEmpty()) {
                            sink.accept(content);
                        }
                    });
                }
            }
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
