package dev.gomodel.providers.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.providers.HttpSettings;
import dev.gomodel.providers.Timeouts;
import dev.gomodel.providers.openai.OpenAiProvider;
import dev.gomodel.providers.testing.RecordingSubscriber;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Which threads a provider's calls run on: a client built by the provider runs the JDK's tasks
 * inline (a stream's subscriber is called on the client's I/O thread, not handed to another),
 * an asynchronous call starts on the provider's own threads, and an executor given by the caller
 * gets the JDK's hand-offs back.
 */
class ThreadingTest {

    /** A two-chunk stream, the one {@link LoggingTest} serves. */
    static final String STREAM = LoggingTest.STREAM;

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static ChatRequest request() {
        return ChatRequest.builder().model("m").user("hi").build();
    }

    @Test
    void asynchronousCallsStartOnTheProvidersThreadsUntilItIsClosed() throws Exception {
        HttpTransport transport = HttpTransport.create(settings("starter", null));
        CompletableFuture<String> started = new CompletableFuture<>();
        transport.startAsync(() -> started.complete(Thread.currentThread().getName()),
                () -> started.complete("refused"));
        assertThat(started.get(5, TimeUnit.SECONDS)).startsWith("gomodel-http-starter-");

        transport.close();
        CompletableFuture<String> afterClose = new CompletableFuture<>();
        transport.startAsync(() -> afterClose.complete("ran"), () -> afterClose.complete("refused"));
        assertThat(afterClose.get(5, TimeUnit.SECONDS)).isEqualTo("refused");
    }

    @Test
    void withTheCallersExecutorTheJdkStartsTheCallItself() {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            HttpTransport transport = HttpTransport.create(settings("given", executor));
            Thread[] ranOn = new Thread[1];
            transport.startAsync(() -> ranOn[0] = Thread.currentThread(), () -> { });
            assertThat(ranOn[0]).isSameAs(Thread.currentThread());
            transport.close();
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void streamChunksAreDeliveredOnTheClientsIoThreadWithoutAHandOff() throws InterruptedException {
        server.stubFor(post("/v1/chat/completions").willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream").withBody(STREAM)));
        try (OpenAiProvider openai = OpenAiProvider.builder().name("inline").apiKey("k")
                .baseUrl(server.baseUrl() + "/v1").build()) {
            ThreadRecordingSubscriber subscriber = new ThreadRecordingSubscriber();
            openai.stream(request()).subscribe(subscriber);

            assertThat(subscriber.recorded.awaitTerminal(5, TimeUnit.SECONDS)).isTrue();
            assertThat(subscriber.recorded.error()).isNull();
            assertThat(subscriber.recorded.items).hasSize(2);
            assertThat(subscriber.threads).doesNotContain(Thread.currentThread().getName())
                    .noneMatch(name -> name.startsWith("gomodel-http-"));
        }
    }

    @Test
    void withTheCallersExecutorStreamChunksAreDeliveredOnIt() throws InterruptedException {
        server.stubFor(post("/v1/chat/completions").willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream").withBody(STREAM)));
        AtomicInteger count = new AtomicInteger();
        ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "callers-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try (OpenAiProvider openai = OpenAiProvider.builder().name("handed").apiKey("k").executor(executor)
                .baseUrl(server.baseUrl() + "/v1").build()) {
            ThreadRecordingSubscriber subscriber = new ThreadRecordingSubscriber();
            openai.stream(request()).subscribe(subscriber);

            assertThat(subscriber.recorded.awaitTerminal(5, TimeUnit.SECONDS)).isTrue();
            assertThat(subscriber.recorded.error()).isNull();
            assertThat(subscriber.threads).isNotEmpty().allMatch(name -> name.startsWith("callers-"));
        } finally {
            executor.shutdownNow();
        }
    }

    private static HttpSettings settings(String name, Executor executor) {
        return new HttpSettings(name, URI.create(server.baseUrl() + "/v1"), "k", Map.of(), Set.of(),
                Timeouts.defaults(), null, executor, 1 << 20, 1 << 20, 0);
    }

    /** Records the name of the thread of every chunk, and passes the signals on to a {@link RecordingSubscriber}. */
    static final class ThreadRecordingSubscriber implements Flow.Subscriber<ChatCompletionChunk> {
        final List<String> threads = new CopyOnWriteArrayList<>();
        final RecordingSubscriber<ChatCompletionChunk> recorded = new RecordingSubscriber<>(Long.MAX_VALUE);

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            recorded.onSubscribe(subscription);
        }

        @Override
        public void onNext(ChatCompletionChunk item) {
            threads.add(Thread.currentThread().getName());
            recorded.onNext(item);
        }

        @Override
        public void onError(Throwable throwable) {
            recorded.onError(throwable);
        }

        @Override
        public void onComplete() {
            recorded.onComplete();
        }
    }
}
