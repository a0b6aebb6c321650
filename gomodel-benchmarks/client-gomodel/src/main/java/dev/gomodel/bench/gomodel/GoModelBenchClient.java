package dev.gomodel.bench.gomodel;

import dev.gomodel.GoModelClient;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.bench.harness.BenchClient;
import dev.gomodel.bench.harness.BenchConfig;
import dev.gomodel.bench.harness.Worker;
import dev.gomodel.providers.openai.OpenAiProvider;
import dev.gomodel.routing.RetryPolicy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * gomodel-java through its public API, as an application uses it: a {@link GoModelClient},
 * a {@link ChatRequest} built per call, {@code chat().create(...)}; streams through the
 * {@code Flow.Publisher} of {@code chat().stream(request)} with a subscriber that requests
 * everything (the library's own primitive, no accumulation), or, with the system property
 * {@code gomodel.bench.stream} set to {@code handler} or {@code blocking}, through
 * {@code stream(request, handler)} (which also folds the chunks into a completion) or
 * {@code streamBlocking(request)}. Thread-safe.
 *
 * <p>Two configurations: {@code gomodel}, one {@link OpenAiProvider} at the stub; and
 * {@code gomodel-router}, a pool of two OpenAI providers at the stub behind the model's name,
 * with retries and a fallback configured (never triggered: the stub always answers 200).
 */
public final class GoModelBenchClient implements BenchClient {

    private static final String STREAM_API = System.getProperty("gomodel.bench.stream", "publisher");

    private final GoModelClient client;
    private final BenchConfig config;

    private GoModelBenchClient(GoModelClient client, BenchConfig config) {
        this.client = client;
        this.config = config;
    }

    public static void main(String[] args) {
        Worker.run(args, Map.of(
                "gomodel", GoModelBenchClient::direct,
                "gomodel-router", GoModelBenchClient::routed));
    }

    static GoModelBenchClient direct(BenchConfig config) {
        return new GoModelBenchClient(GoModelClient.builder()
                .provider(provider("openai", config))
                .build(), config);
    }

    static GoModelBenchClient routed(BenchConfig config) {
        String model = config.model();
        return new GoModelBenchClient(GoModelClient.builder()
                .provider(provider("primary", config))
                .provider(provider("secondary", config))
                .routing(routes -> routes
                        .alias(model, "primary/" + model, "secondary/" + model)
                        .fallback(model, "secondary/gpt-4o")
                        .retry(RetryPolicy.builder().maxRetries(2).initialBackoff(Duration.ofMillis(250)).build()))
                .build(), config);
    }

    private static OpenAiProvider provider(String name, BenchConfig config) {
        return OpenAiProvider.builder().name(name).baseUrl(config.baseUrl()).apiKey(config.apiKey()).build();
    }

    private ChatRequest request() {
        return ChatRequest.builder().model(config.model()).user(config.prompt()).build();
    }

    @Override
    public String create() {
        return client.chat().create(request()).text();
    }

    @Override
    public void stream(ContentSink sink) throws Exception {
        switch (STREAM_API) {
            case "publisher" -> {
                SinkSubscriber subscriber = new SinkSubscriber(sink);
                client.chat().stream(request()).subscribe(subscriber);
                subscriber.done.get(60, TimeUnit.SECONDS);
            }
            case "handler" -> client.chat().stream(request(), chunk -> deliver(chunk, sink)).get(60, TimeUnit.SECONDS);
            case "blocking" -> {
                try (var chunks = client.chat().streamBlocking(request())) {
                    for (ChatCompletionChunk chunk : chunks) {
                        deliver(chunk, sink);
                    }
                }
            }
            default -> throw new IllegalArgumentException("gomodel.bench.stream must be publisher, handler or blocking");
        }
    }

    private static void deliver(ChatCompletionChunk chunk, ContentSink sink) {
        String text = chunk.text();
        if (text != null && !text.isEmpty()) {
            sink.accept(text);
        }
    }

    @Override
    public void close() {
        client.close();
    }

    /** Requests every chunk at once and hands each content delta to the sink. */
    private static final class SinkSubscriber implements Flow.Subscriber<ChatCompletionChunk> {
        final CompletableFuture<Void> done = new CompletableFuture<>();
        private final ContentSink sink;

        SinkSubscriber(ContentSink sink) {
            this.sink = sink;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(ChatCompletionChunk chunk) {
            deliver(chunk, sink);
        }

        @Override
        public void onError(Throwable error) {
            done.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            done.complete(null);
        }
    }
}
