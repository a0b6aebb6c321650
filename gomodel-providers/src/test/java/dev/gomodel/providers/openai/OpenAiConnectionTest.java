package dev.gomodel.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.error.ConnectionException;
import dev.gomodel.error.RequestTimeoutException;
import dev.gomodel.providers.Timeouts;
import dev.gomodel.providers.testing.LoopbackServer;
import dev.gomodel.providers.testing.RecordingSubscriber;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The provider against a raw loopback server, for what needs control of the connection itself:
 * stalls, the client closing the connection, and a keep-alive connection closed by the server.
 */
class OpenAiConnectionTest {

    static final String CHUNK = "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
            + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"tick\"},\"finish_reason\":null}]}\n\n";
    static final String COMPLETION = "{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}";

    static ChatRequest hello() {
        return ChatRequest.builder().model("m").user("Hello").build();
    }

    @Test
    void theStreamIdleTimeoutFiresWithinTwiceItsSettingAfterTheChunksThatArrived() throws Exception {
        try (LoopbackServer server = new LoopbackServer((connection, number) -> {
            connection.readRequest();
            connection.startEventStream();
            connection.writeChunk(CHUNK);
            connection.awaitClientClose(10_000);
        })) {
            Duration idle = Duration.ofMillis(400);
            OpenAiProvider openai = OpenAiProvider.builder().baseUrl(server.baseUrl())
                    .timeouts(Timeouts.defaults().withIdle(idle)).build();
            RecordingSubscriber<ChatCompletionChunk> subscriber = new RecordingSubscriber<>(Long.MAX_VALUE);

            long start = System.nanoTime();
            openai.stream(hello()).subscribe(subscriber);
            assertThat(subscriber.awaitTerminal(10, TimeUnit.SECONDS)).isTrue();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

            assertThat(subscriber.items).hasSize(1);
            assertThat(subscriber.error()).isInstanceOf(RequestTimeoutException.class);
            assertThat(((RequestTimeoutException) subscriber.error()).phase()).isEqualTo(RequestTimeoutException.Phase.IDLE);
            assertThat(elapsed).isGreaterThanOrEqualTo(idle).isLessThan(idle.multipliedBy(2));
            assertThat(subscriber.violations).isEmpty();
        }
    }

    @Test
    void aJsonBodyThatStallsMidwayHitsTheIdleTimeout() throws Exception {
        try (LoopbackServer server = new LoopbackServer((connection, number) -> {
            connection.readRequest();
            connection.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"id\":");
            connection.awaitClientClose(10_000);
        })) {
            OpenAiProvider openai = OpenAiProvider.builder().baseUrl(server.baseUrl())
                    .timeouts(Timeouts.defaults().withIdle(Duration.ofMillis(300))).build();

            Throwable thrown = catchThrowable(() -> openai.create(hello()));

            assertThat(thrown).isInstanceOf(RequestTimeoutException.class);
            assertThat(((RequestTimeoutException) thrown).phase()).isEqualTo(RequestTimeoutException.Phase.IDLE);
        }
    }

    @Test
    void aStreamsErrorBodyThatStallsHitsTheIdleTimeout() throws Exception {
        try (LoopbackServer server = new LoopbackServer((connection, number) -> {
            connection.readRequest();
            connection.write("HTTP/1.1 503 X\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"error\":");
            connection.awaitClientClose(10_000);
        })) {
            OpenAiProvider openai = OpenAiProvider.builder().baseUrl(server.baseUrl())
                    .timeouts(Timeouts.defaults().withIdle(Duration.ofMillis(300))).build();
            RecordingSubscriber<ChatCompletionChunk> subscriber = new RecordingSubscriber<>(Long.MAX_VALUE);

            openai.stream(hello()).subscribe(subscriber);

            assertThat(subscriber.awaitTerminal(10, TimeUnit.SECONDS)).isTrue();
            assertThat(subscriber.error()).isInstanceOf(RequestTimeoutException.class);
            assertThat(((RequestTimeoutException) subscriber.error()).phase())
                    .isEqualTo(RequestTimeoutException.Phase.IDLE);
            assertThat(subscriber.violations).isEmpty();
        }
    }

    @Test
    void withDeadlineBoundsADirectProvidersStream() throws Exception {
        try (LoopbackServer server = new LoopbackServer((connection, number) -> {
            connection.readRequest();
            connection.startEventStream();
            connection.writeChunk(CHUNK);
            connection.awaitClientClose(10_000);
        })) {
            OpenAiProvider openai = OpenAiProvider.builder().baseUrl(server.baseUrl()).build();
            RecordingSubscriber<ChatCompletionChunk> subscriber = new RecordingSubscriber<>(Long.MAX_VALUE);

            long start = System.nanoTime();
            openai.withDeadline(Duration.ofMillis(400)).stream(hello()).subscribe(subscriber);
            assertThat(subscriber.awaitTerminal(10, TimeUnit.SECONDS)).isTrue();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

            assertThat(subscriber.items).hasSize(1);
            assertThat(subscriber.error()).isInstanceOf(RequestTimeoutException.class);
            assertThat(((RequestTimeoutException) subscriber.error()).phase()).isEqualTo(RequestTimeoutException.Phase.TOTAL);
            assertThat(elapsed).isLessThan(Duration.ofMillis(800));
            assertThat(subscriber.violations).isEmpty();
        }
    }

    @Test
    void aSubscriberThatDoesNotRequestIsNotTimedOut() throws Exception {
        try (LoopbackServer server = new LoopbackServer((connection, number) -> {
            connection.readRequest();
            connection.startEventStream();
            connection.writeChunk(CHUNK);
            connection.writeChunk("data: [DONE]\n\n");
            connection.endChunks();
            connection.awaitClientClose(10_000);
        })) {
            Duration idle = Duration.ofMillis(200);
            OpenAiProvider openai = OpenAiProvider.builder().baseUrl(server.baseUrl())
                    .timeouts(Timeouts.defaults().withIdle(idle)).build();
            RecordingSubscriber<ChatCompletionChunk> subscriber = new RecordingSubscriber<>(0);

            openai.stream(hello()).subscribe(subscriber);
            Thread.sleep(idle.multipliedBy(3).toMillis());
            assertThat(subscriber.terminalSignals()).isZero();
            subscriber.request(Long.MAX_VALUE);

            assertThat(subscriber.awaitTerminal(10, TimeUnit.SECONDS)).isTrue();
            assertThat(subscriber.completed()).isTrue();
            assertThat(subscriber.items).hasSize(1);
        }
    }

    @Test
    void aRefusedConnectionIsAConnectionException() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        OpenAiProvider openai = OpenAiProvider.builder().baseUrl("http://127.0.0.1:" + port + "/v1").build();

        Throwable thrown = catchThrowable(() -> openai.create(hello()));

        assertThat(thrown).isInstanceOf(ConnectionException.class)
                .hasMessageContaining("could not connect");
    }

    @Test
    void theConnectTimeoutFiresWithinTwiceItsSetting() throws Exception {
        List<Socket> fillers = new ArrayList<>();
        try (ServerSocket neverAccepts = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), neverAccepts.getLocalPort());
            // Fill the accept queue; once it is full the kernel drops new SYNs and a connect hangs.
            for (int i = 0; i < 16; i++) {
                Socket filler = new Socket();
                fillers.add(filler);
                try {
                    filler.connect(address, 200);
                } catch (SocketTimeoutException full) {
                    break;
                }
            }
            Assumptions.assumeTrue(fillers.size() < 16, "this kernel never filled the accept queue");
            Duration limit = Duration.ofMillis(400);
            OpenAiProvider openai = OpenAiProvider.builder().baseUrl("http://127.0.0.1:" + address.getPort() + "/v1")
                    .timeouts(Timeouts.defaults().withConnect(limit)).build();

            long start = System.nanoTime();
            Throwable thrown = catchThrowable(() -> openai.create(hello()));
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

            assertThat(thrown).isInstanceOf(RequestTimeoutException.class);
            assertThat(((RequestTimeoutException) thrown).phase()).isEqualTo(RequestTimeoutException.Phase.CONNECT);
            assertThat(elapsed).isGreaterThanOrEqualTo(limit).isLessThan(limit.multipliedBy(2));
        } finally {
            for (Socket filler : fillers) {
                filler.close();
            }
        }
    }

    @Test
    void cancelAbortsTheExchangeAndTheServerSeesTheConnectionClose() throws Exception {
        CountDownLatch streaming = new CountDownLatch(1);
        CompletableFuture<Boolean> serverSawClose = new CompletableFuture<>();
        try (LoopbackServer server = new LoopbackServer((connection, number) -> {
            connection.readRequest();
            connection.startEventStream();
            connection.writeChunk(CHUNK);
            streaming.countDown();
            serverSawClose.complete(connection.awaitClientClose(10_000));
        })) {
            OpenAiProvider openai = OpenAiProvider.builder().baseUrl(server.baseUrl()).build();
            RecordingSubscriber<ChatCompletionChunk> subscriber = new RecordingSubscriber<>(Long.MAX_VALUE);
            openai.stream(hello()).subscribe(subscriber);
            assertThat(streaming.await(10, TimeUnit.SECONDS)).isTrue();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (subscriber.items.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }

            subscriber.cancel();

            assertThat(serverSawClose.get(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(100);
            assertThat(subscriber.items).hasSize(1);
            assertThat(subscriber.terminalSignals()).isZero();
            assertThat(subscriber.violations).isEmpty();
        }
    }

    @Test
    void aNonPositiveRequestFailsTheStreamAndAbortsTheExchange() throws Exception {
        CompletableFuture<Boolean> serverSawClose = new CompletableFuture<>();
        try (LoopbackServer server = new LoopbackServer((connection, number) -> {
            connection.readRequest();
            connection.startEventStream();
            connection.writeChunk(CHUNK);
            connection.writeChunk(CHUNK);
            serverSawClose.complete(connection.awaitClientClose(5_000));
        })) {
            OpenAiProvider openai = OpenAiProvider.builder().baseUrl(server.baseUrl()).build();
            RecordingSubscriber<ChatCompletionChunk> subscriber = new RecordingSubscriber<>(1);
            openai.stream(hello()).subscribe(subscriber);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (subscriber.items.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }

            subscriber.request(0);

            assertThat(subscriber.awaitTerminal(10, TimeUnit.SECONDS)).isTrue();
            assertThat(subscriber.error()).isInstanceOf(IllegalArgumentException.class);
            assertThat(serverSawClose.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(subscriber.items).hasSize(1);
            assertThat(subscriber.violations).isEmpty();
        }
    }

    @Test
    void aKeepAliveConnectionClosedByTheServerIsRetriedOnceOnAFreshConnection() throws Exception {
        try (LoopbackServer server = new LoopbackServer((connection, number) -> {
            if (number == 1) {
                connection.readRequest();
                connection.writeJson(200, COMPLETION);
                // The server reads the next request on the kept-alive connection and closes
                // without answering: the race in which it timed the idle connection out.
                connection.readRequest();
                connection.close();
            } else {
                connection.readRequest();
                connection.writeJson(200, COMPLETION);
                connection.awaitClientClose(5_000);
            }
        })) {
            OpenAiProvider openai = OpenAiProvider.builder().baseUrl(server.baseUrl()).build();

            ChatCompletion first = openai.create(hello());
            ChatCompletion second = openai.create(hello());

            assertThat(first.text()).isEqualTo("ok");
            assertThat(second.text()).isEqualTo("ok");
            assertThat(server.connectionCount()).isEqualTo(2);
        }
    }
}
