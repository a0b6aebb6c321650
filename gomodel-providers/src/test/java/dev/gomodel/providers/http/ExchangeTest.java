package dev.gomodel.providers.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gomodel.error.GoModelException;
import dev.gomodel.providers.HttpSettings;
import dev.gomodel.providers.Timeouts;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The JDK's future of a sent request, as an exchange holds it. A call can end on the client's
 * I/O thread before the thread that sent it has even been handed that future; what it does with
 * the future then decides whether a connection already back in the pool is closed.
 */
class ExchangeTest {

    private final HttpTransport transport = HttpTransport.create(new HttpSettings("exchange",
            URI.create("http://127.0.0.1:9/v1"), "k", Map.of(), Set.of(), Timeouts.defaults(), null, null,
            1 << 20, 1 << 20, 0));
    private final JsonExchange<String> exchange = new JsonExchange<>(transport,
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:9/v1/chat/completions")).build(),
            bytes -> "parsed");

    @AfterEach
    void close() {
        transport.close();
    }

    @Test
    void aCallThatEndedNormallyLeavesTheLateFutureAlone() {
        exchange.result().complete("answer");
        CompletableFuture<HttpResponse<byte[]>> late = new CompletableFuture<>();

        exchange.attach(late);

        assertThat(late).isNotCancelled();
    }

    @Test
    void aCallAbortedBeforeItsFutureArrivedCancelsItOnArrival() {
        exchange.fail(new GoModelException("the caller gave up", "exchange", null));
        CompletableFuture<HttpResponse<byte[]>> late = new CompletableFuture<>();

        exchange.attach(late);

        assertThat(late).isCancelled();
    }

    @Test
    void anAbortAfterTheFutureArrivedCancelsIt() {
        CompletableFuture<HttpResponse<byte[]>> attached = new CompletableFuture<>();
        exchange.attach(attached);

        exchange.fail(new GoModelException("the caller gave up", "exchange", null));

        assertThat(attached).isCancelled();
    }
}
