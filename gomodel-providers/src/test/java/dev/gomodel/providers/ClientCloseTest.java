package dev.gomodel.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomodel.GoModelClient;
import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.error.GoModelException;
import dev.gomodel.error.StreamInterruptedException;
import dev.gomodel.providers.anthropic.AnthropicProvider;
import dev.gomodel.providers.openai.OpenAiProvider;
import dev.gomodel.providers.testing.LoopbackServer;
import dev.gomodel.providers.testing.RecordingSubscriber;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Closing the client ends what is in flight, releases threads and connections, and refuses later calls. */
class ClientCloseTest {

    static final String OPENAI_EVENT = "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,"
            + "\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"},\"finish_reason\":null}]}\n\n";
    static final String ANTHROPIC_EVENTS = "event: message_start\ndata: {\"type\":\"message_start\",\"message\":"
            + "{\"id\":\"msg\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"m\",\"content\":[],"
            + "\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}}\n\n"
            + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
            + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
            + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
            + "\"delta\":{\"type\":\"text_delta\",\"text\":\"Hel\"}}\n\n";

    /** Answers every request with headers and, for a stream, its first piece of text; then waits for the client to go. */
    static LoopbackServer stallingServer(String events, CountDownLatch requests) throws Exception {
        return new LoopbackServer((connection, number) -> {
            String body = connection.readRequest();
            if (body == null) {
                return;
            }
            if (body.contains("\"stream\":true")) {
                connection.startEventStream();
                connection.writeChunk(events);
            } else {
                connection.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{");
            }
            requests.countDown();
            connection.awaitClientClose(60_000);
        });
    }

    static ChatRequest request(String model) {
        return ChatRequest.builder().model(model).maxTokens(16).user("Hi").build();
    }

    @Test
    void closeEndsEveryCallInFlightReleasesThreadsAndConnectionsAndRefusesLaterCalls() throws Exception {
        CountDownLatch requests = new CountDownLatch(8);
        try (LoopbackServer openAiServer = stallingServer(OPENAI_EVENT, requests);
                LoopbackServer anthropicServer = stallingServer(ANTHROPIC_EVENTS, requests)) {
            GoModelClient client = GoModelClient.builder()
                    .provider(OpenAiProvider.builder().name("close-a").baseUrl(openAiServer.baseUrl()).apiKey("k")
                            .build())
                    .provider(AnthropicProvider.builder().name("close-b").baseUrl(anthropicServer.baseUrl())
                            .apiKey("k").build())
                    .build();
            List<CompletableFuture<ChatCompletion>> creates = new ArrayList<>();
            List<RecordingSubscriber<ChatCompletionChunk>> streams = new ArrayList<>();
            for (String model : List.of("close-a/m", "close-b/m")) {
                for (int i = 0; i < 2; i++) {
                    creates.add(client.chat().createAsync(request(model)));
                    RecordingSubscriber<ChatCompletionChunk> subscriber = new RecordingSubscriber<>(Long.MAX_VALUE);
                    client.chat().stream(request(model)).subscribe(subscriber);
                    streams.add(subscriber);
                }
            }
            assertThat(requests.await(10, TimeUnit.SECONDS)).as("all eight requests reached the servers").isTrue();
            // Every stream has delivered its first piece of text before the close.
            for (RecordingSubscriber<ChatCompletionChunk> stream : streams) {
                awaitItems(stream);
            }

            client.close();

            for (CompletableFuture<ChatCompletion> create : creates) {
                assertThatThrownBy(() -> create.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                        .cause().isInstanceOf(GoModelException.class).hasMessage("the client is closed");
            }
            for (RecordingSubscriber<ChatCompletionChunk> stream : streams) {
                assertThat(stream.awaitTerminal(5, TimeUnit.SECONDS)).isTrue();
                assertThat(stream.error()).isInstanceOf(StreamInterruptedException.class)
                        .cause().hasMessage("the client is closed");
                assertThat(stream.violations).isEmpty();
            }
            assertThat(openAiServer.awaitNoActiveConnections(5_000)).as("connections closed").isTrue();
            assertThat(anthropicServer.awaitNoActiveConnections(5_000)).as("connections closed").isTrue();
            assertThat(awaitNoThreads("gomodel-http-close-")).as("provider threads ended").isTrue();

            assertThatThrownBy(() -> client.chat().create(request("close-a/m"))).isInstanceOf(GoModelException.class)
                    .hasMessage("the client is closed");
            RecordingSubscriber<ChatCompletionChunk> late = new RecordingSubscriber<>(1);
            client.chat().stream(request("close-b/m")).subscribe(late);
            assertThat(late.awaitTerminal(1, TimeUnit.SECONDS)).isTrue();
            assertThat(late.error()).hasMessage("the client is closed");
            client.close();
        }
    }

    @Test
    void closeEndsACallWaitingToRetryAtOnce() throws Exception {
        CountDownLatch limited = new CountDownLatch(1);
        try (LoopbackServer server = new LoopbackServer((connection, number) -> {
            if (connection.readRequest() != null) {
                connection.write("HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json\r\nRetry-After: 30"
                        + "\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
                limited.countDown();
            }
        })) {
            GoModelClient client = GoModelClient.builder()
                    .provider(OpenAiProvider.builder().name("retrying").baseUrl(server.baseUrl()).build()).build();
            CompletableFuture<ChatCompletion> call = client.chat().createAsync(request("m"));
            assertThat(limited.await(5, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(100);
            assertThat(call).isNotDone();

            long start = System.nanoTime();
            client.close();

            assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS)).cause().hasMessage("the client is closed");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(server.connectionCount()).as("no retry was sent").isEqualTo(1);
        }
    }

    @Test
    void closingFromAStreamCallbackEndsTheStreamWithoutDeadlock() throws Exception {
        CountDownLatch requests = new CountDownLatch(1);
        try (LoopbackServer server = stallingServer(OPENAI_EVENT, requests)) {
            GoModelClient client = GoModelClient.builder()
                    .provider(OpenAiProvider.builder().name("callback").baseUrl(server.baseUrl()).build()).build();
            CountDownLatch ended = new CountDownLatch(1);
            AtomicReference<Throwable> error = new AtomicReference<>();
            client.chat().stream(request("m")).subscribe(new Flow.Subscriber<>() {
                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    subscription.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(ChatCompletionChunk item) {
                    client.close();
                }

                @Override
                public void onError(Throwable throwable) {
                    error.set(throwable);
                    ended.countDown();
                }

                @Override
                public void onComplete() {
                    ended.countDown();
                }
            });

            assertThat(ended.await(5, TimeUnit.SECONDS)).as("the stream ended").isTrue();
            assertThat(error.get()).isInstanceOf(StreamInterruptedException.class).cause()
                    .hasMessage("the client is closed");
            assertThat(server.awaitNoActiveConnections(5_000)).isTrue();
            assertThat(awaitNoThreads("gomodel-http-callback-")).isTrue();
        }
    }

    private static void awaitItems(RecordingSubscriber<ChatCompletionChunk> stream) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (stream.items.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertThat(stream.items).isNotEmpty();
    }

    private static boolean awaitNoThreads(String prefix) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < end) {
            if (Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.isAlive() && t.getName().startsWith(prefix))) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }
}
