package dev.gomodel.providers.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.chat.RouteReport;
import dev.gomodel.providers.openai.OpenAiProvider;
import dev.gomodel.providers.testing.TestCertificates;
import dev.gomodel.providers.testing.TlsServer;
import dev.gomodel.routing.Router;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 200 calls at once through a router with its default retries and circuit breaker, against a TLS
 * server that allows 128 concurrent HTTP/2 streams per connection, as nginx does: every call
 * succeeds at its first attempt and the circuit stays closed. Streams go over HTTP/1.1 by
 * default, one connection each; over HTTP/2, and for non-streamed calls, the calls beyond the
 * server's limit wait for a stream instead of failing.
 */
class StreamLimitTest {

    static final int CALLS = 200;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"streams over HTTP/1.1 (default)", "streams over HTTP/2", "creates over HTTP/2"})
    void twoHundredCallsAgainstALimitOf128AllSucceedAtTheirFirstAttempt(String shape) throws Exception {
        boolean streams = shape.startsWith("streams");
        try (TlsServer server = new TlsServer(call -> {
            if (call.body().contains("\"stream\":true")) {
                call.startEvents();
                String chunks = HttpsTransportTest.CHUNKS;
                call.write(chunks.substring(0, chunks.indexOf("\n\n") + 2));
                Thread.sleep(1_000);
                call.write(chunks.substring(chunks.indexOf("\n\n") + 2));
            } else {
                Thread.sleep(1_000);
                call.json(200, PausedStreamsTest.completion());
            }
        })) {
            OpenAiProvider.Builder provider = OpenAiProvider.builder().baseUrl(server.baseUrl())
                    .sslContext(TestCertificates.trusting(TestCertificates.SERVER));
            if (shape.equals("streams over HTTP/2")) {
                provider.streamHttpVersion(HttpClient.Version.HTTP_2);
            }
            try (Router router = Router.builder().provider(provider.build()).build()) {
                ChatRequest request = ChatRequest.builder().model("m").user("hi").build();
                Function<Integer, CompletableFuture<ChatCompletion>> call = n -> streams
                        ? router.stream(request, chunk -> { }) : router.createAsync(request);
                // One call first, so that the burst finds a pooled connection, as in steady traffic
                // (at a cold start the JDK opens a connection per call until one is pooled).
                call.apply(-1).get(30, TimeUnit.SECONDS);
                List<CompletableFuture<ChatCompletion>> calls = new ArrayList<>();
                for (int i = 0; i < CALLS; i++) {
                    calls.add(call.apply(i));
                }
                List<ChatCompletion> done = new ArrayList<>();
                for (CompletableFuture<ChatCompletion> each : calls) {
                    done.add(each.get(60, TimeUnit.SECONDS));
                }

                assertThat(done).hasSize(CALLS).allSatisfy(completion -> {
                    assertThat(completion.text()).isIn("Hello", "hi");
                    assertThat(completion.route().attempts()).extracting(RouteReport.Attempt::outcome)
                            .containsExactly(RouteReport.Outcome.OK);
                });
                // The circuit is closed: one more call goes straight to the provider.
                assertThat(router.createAsync(request).get(30, TimeUnit.SECONDS).route().attempts())
                        .extracting(RouteReport.Attempt::outcome).containsExactly(RouteReport.Outcome.OK);
                assertThat(server.failures()).isEmpty();
                System.out.println(shape + ": " + server.connectionCount() + " connections, at most "
                        + server.maxConcurrentRequests() + " requests at once");
                if (!shape.equals("streams over HTTP/1.1 (default)")) {
                    // The server counts a request until its handler returns, a moment after the client
                    // saw the body end and sent the next one: one or two over 128 is that moment.
                    assertThat(server.maxConcurrentRequests()).as("the server's limit was reached, never passed")
                            .isBetween(100, 130);
                }
            }
        }
    }
}
