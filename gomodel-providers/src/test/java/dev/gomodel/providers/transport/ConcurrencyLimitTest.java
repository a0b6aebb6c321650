package dev.gomodel.providers.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.chat.RouteReport;
import dev.gomodel.error.ConcurrencyLimitException;
import dev.gomodel.providers.openai.OpenAiProvider;
import dev.gomodel.providers.testing.TestCertificates;
import dev.gomodel.providers.testing.TlsServer;
import dev.gomodel.routing.CircuitBreakerPolicy;
import dev.gomodel.routing.RetryPolicy;
import dev.gomodel.routing.Router;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A provider's concurrency limit: calls beyond it wait for a slot, first come first served, and
 * fail with {@link ConcurrencyLimitException} when the wait is over, without anything sent; the
 * router neither retries that failure, nor falls back on it, nor counts it against the provider.
 */
class ConcurrencyLimitTest {

    static ChatRequest ask(String model) {
        return ChatRequest.builder().model(model).user("hi").build();
    }

    @Test
    void aCallBeyondTheLimitWaitsForASlotThenFailsTypedWithoutBeingSent() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (TlsServer server = new TlsServer(call -> {
            call.body();
            release.await(30, TimeUnit.SECONDS);
            call.json(200, PausedStreamsTest.completion());
        }); OpenAiProvider provider = OpenAiProvider.builder().baseUrl(server.baseUrl())
                .sslContext(TestCertificates.trusting(TestCertificates.SERVER))
                .concurrencyLimit(2, Duration.ofMillis(300)).build()) {
            CompletableFuture<ChatCompletion> first = provider.createAsync(ask("m"));
            CompletableFuture<ChatCompletion> second = provider.createAsync(ask("m"));
            awaitRequests(server, 2);

            long start = System.nanoTime();
            Throwable blocked = catchThrowable(() -> provider.create(ask("m")));
            long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            Throwable queued = catchThrowable(() -> provider.createAsync(ask("m")).join());

            assertThat(blocked).isInstanceOf(ConcurrencyLimitException.class)
                    .hasMessageContaining("openai: 2 calls already in flight, the provider's limit, and none ended "
                            + "within 300 ms; the call was not sent");
            assertThat(((ConcurrencyLimitException) blocked).maxInFlight()).isEqualTo(2);
            assertThat(waitedMillis).isBetween(250L, 5_000L);
            assertThat(queued).hasCauseInstanceOf(ConcurrencyLimitException.class);
            assertThat(server.requestCount()).as("nothing sent beyond the limit").isEqualTo(2);

            // A slot that comes free goes to the next caller in line.
            CompletableFuture<ChatCompletion> waiting = CompletableFuture.supplyAsync(() -> provider.create(ask("m")));
            Thread.sleep(100);
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS).text()).isEqualTo("hi");
            assertThat(second.get(10, TimeUnit.SECONDS).text()).isEqualTo("hi");
            assertThat(waiting.get(10, TimeUnit.SECONDS).text()).isEqualTo("hi");
        }
    }

    @Test
    void streamsCountTowardTheLimitUntilTheirBodyEnds() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (TlsServer server = new TlsServer(call -> {
            call.startEvents();
            call.write(HttpsTransportTest.CHUNKS.substring(0, HttpsTransportTest.CHUNKS.indexOf("\n\n") + 2));
            release.await(30, TimeUnit.SECONDS);
            call.write(HttpsTransportTest.CHUNKS.substring(HttpsTransportTest.CHUNKS.indexOf("\n\n") + 2));
        }); OpenAiProvider provider = OpenAiProvider.builder().baseUrl(server.baseUrl())
                .sslContext(TestCertificates.trusting(TestCertificates.SERVER))
                .concurrencyLimit(1, Duration.ofMillis(200)).build()) {
            StringBuilder text = new StringBuilder();
            CompletableFuture<ChatCompletion> open = provider.stream(ask("m"), chunk -> text.append(chunk.text()));
            awaitRequests(server, 1);

            Throwable second = catchThrowable(() -> provider.streamBlocking(ask("m")).forEach(chunk -> { }));

            assertThat(second).isInstanceOf(ConcurrencyLimitException.class);
            release.countDown();
            assertThat(open.get(10, TimeUnit.SECONDS).text()).isEqualTo("Hello");
            // The slot is free again.
            assertThat(provider.stream(ask("m"), chunk -> { }).get(10, TimeUnit.SECONDS).text()).isEqualTo("Hello");
        }
    }

    @Test
    void theRouterNeitherRetriesNorFallsBackOnAFullLimitNorCountsItAgainstTheProvider() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger fallbackCalls = new AtomicInteger();
        try (TlsServer busy = new TlsServer(call -> {
            call.body();
            release.await(30, TimeUnit.SECONDS);
            call.json(200, PausedStreamsTest.completion());
        }); TlsServer fallback = new TlsServer(call -> {
            fallbackCalls.incrementAndGet();
            call.json(200, PausedStreamsTest.completion());
        })) {
            Router router = Router.builder()
                    .provider(OpenAiProvider.builder().name("a").baseUrl(busy.baseUrl())
                            .sslContext(TestCertificates.trusting(TestCertificates.SERVER))
                            .concurrencyLimit(1, Duration.ofMillis(100)).build())
                    .provider(OpenAiProvider.builder().name("b").baseUrl(fallback.baseUrl())
                            .sslContext(TestCertificates.trusting(TestCertificates.SERVER)).build())
                    .retry(RetryPolicy.builder().maxRetries(2).initialBackoff(Duration.ofMillis(10)).build())
                    .circuitBreaker(new CircuitBreakerPolicy(2, Duration.ofMinutes(5), 1))
                    .fallback("m", "b/m")
                    .build();
            try {
                CompletableFuture<ChatCompletion> holding = router.createAsync(ask("a/m"));
                awaitRequests(busy, 1);

                List<Throwable> failures = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    failures.add(catchThrowable(() -> router.create(ask("a/m"))));
                }

                assertThat(failures).allSatisfy(f -> assertThat(f).isInstanceOf(ConcurrencyLimitException.class)
                        .hasNoSuppressedExceptions());
                assertThat(fallbackCalls).as("no fallback").hasValue(0);
                assertThat(busy.requestCount()).as("no retry reached the upstream").isEqualTo(1);

                release.countDown();
                assertThat(holding.get(10, TimeUnit.SECONDS).route().servedBy()).isEqualTo("a");
                // Five local failures with a threshold of two: the circuit is still closed.
                ChatCompletion after = router.create(ask("a/m"));
                assertThat(after.route().attempts()).extracting(RouteReport.Attempt::provider).containsExactly("a");
            } finally {
                router.close();
            }
        }
    }

    static void awaitRequests(TlsServer server, int count) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.requestCount() < count && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertThat(server.requestCount()).isGreaterThanOrEqualTo(count);
    }
}
