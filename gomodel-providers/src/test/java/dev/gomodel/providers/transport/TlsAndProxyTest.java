package dev.gomodel.providers.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.gomodel.chat.ChatRequest;
import dev.gomodel.error.TlsException;
import dev.gomodel.providers.openai.OpenAiProvider;
import dev.gomodel.providers.testing.ConnectProxy;
import dev.gomodel.providers.testing.TestCertificates;
import dev.gomodel.providers.testing.TlsServer;
import dev.gomodel.routing.CircuitBreakerPolicy;
import dev.gomodel.routing.RetryPolicy;
import dev.gomodel.routing.Router;
import java.io.OutputStream;
import java.net.ProxySelector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS and proxy settings on the provider's builder, against a real TLS server with certificates
 * made at test time: trust through {@code sslContext}, a certificate that is not trusted or does
 * not name the host (a {@link TlsException} that says what to configure, tried once, not failed
 * over), mutual TLS, and a {@code CONNECT} proxy with and without authentication.
 */
class TlsAndProxyTest {

    static final ChatRequest HI = ChatRequest.builder().model("m").user("hi").build();

    static TlsServer answering(TlsServer.Options options) throws Exception {
        return new TlsServer(options, call -> {
            if (call.body().contains("\"stream\":true")) {
                call.startEvents();
                call.write(HttpsTransportTest.CHUNKS);
            } else {
                call.json(200, PausedStreamsTest.completion());
            }
        });
    }

    @Test
    void aServerTrustedThroughSslContextAnswersAndAnUntrustedOneFailsOnceWithoutRetryOrFallback() throws Exception {
        AtomicInteger fallbackCalls = new AtomicInteger();
        try (TlsServer server = answering(TlsServer.Options.defaults());
                TlsServer fallback = new TlsServer(call -> {
                    fallbackCalls.incrementAndGet();
                    call.json(200, PausedStreamsTest.completion());
                })) {
            try (OpenAiProvider trusting = OpenAiProvider.builder().baseUrl(server.baseUrl())
                    .sslContext(TestCertificates.trusting(TestCertificates.SERVER)).build()) {
                assertThat(trusting.create(HI).text()).isEqualTo("hi");
            }
            int connectionsBefore = server.connectionCount();
            try (Router router = Router.builder()
                    .provider(OpenAiProvider.builder().name("a").baseUrl(server.baseUrl()).build())
                    .provider(OpenAiProvider.builder().name("b").baseUrl(fallback.baseUrl())
                            .sslContext(TestCertificates.trusting(TestCertificates.SERVER)).build())
                    .retry(RetryPolicy.builder().maxRetries(2).initialBackoff(Duration.ofMillis(10)).build())
                    .circuitBreaker(new CircuitBreakerPolicy(1, Duration.ofMinutes(5), 1))
                    .fallback("m", "b/m").build()) {
                Throwable first = catchThrowable(() -> router.create(ChatRequest.builder().model("a/m").user("hi")
                        .build()));
                Throwable second = catchThrowable(() -> router.create(ChatRequest.builder().model("a/m").user("hi")
                        .build()));

                assertThat(first).isInstanceOf(TlsException.class).hasNoSuppressedExceptions()
                        .hasMessageStartingWith("a: the TLS handshake failed: the server's certificate is not trusted; "
                                + "give the provider an sslContext that trusts it");
                // The circuit (threshold 1) did not open: the second call reached the server too.
                assertThat(second).isInstanceOf(TlsException.class);
                assertThat(server.connectionCount() - connectionsBefore).as("one handshake per call, no retry")
                        .isEqualTo(2);
                assertThat(fallbackCalls).as("no fallback").hasValue(0);
            }
        }
    }

    @Test
    void aCertificateForAnotherHostFailsNamingTheHost() throws Exception {
        try (TlsServer server = answering(TlsServer.Options.defaults().withCertificate(TestCertificates.WRONG_HOST));
                OpenAiProvider provider = OpenAiProvider.builder().baseUrl(server.baseUrl())
                        .sslContext(TestCertificates.trusting(TestCertificates.WRONG_HOST)).build()) {
            assertThat(catchThrowable(() -> provider.create(HI))).isInstanceOf(TlsException.class)
                    .hasMessageContaining("the server's certificate does not name the host of the base URL");
        }
    }

    @Test
    void mutualTlsPresentsTheClientsKeyAndItsAbsenceSaysWhatToConfigure() throws Exception {
        TlsServer.Options options = TlsServer.Options.defaults().withClientAuth(TestCertificates.CLIENT);
        try (TlsServer server = answering(options)) {
            try (OpenAiProvider withKey = OpenAiProvider.builder().baseUrl(server.baseUrl())
                    .sslContext(TestCertificates.context(TestCertificates.CLIENT, TestCertificates.SERVER)).build()) {
                assertThat(withKey.create(HI).text()).isEqualTo("hi");
                assertThat(count(withKey.streamBlocking(HI))).isPositive();
            }
            // Over TLS 1.2 the server refuses a client without a certificate inside the handshake; over
            // TLS 1.3 it may do so while the client already writes its request, which the JDK reports
            // as a broken pipe, so the parameters pin 1.2 (and show that sslParameters apply).
            SSLParameters tls12 = new SSLParameters();
            tls12.setProtocols(new String[] {"TLSv1.2"});
            try (OpenAiProvider withoutKey = OpenAiProvider.builder().baseUrl(server.baseUrl())
                    .sslContext(TestCertificates.trusting(TestCertificates.SERVER)).sslParameters(tls12).build()) {
                Throwable thrown = catchThrowable(() -> withoutKey.create(HI));
                // The server's alert usually arrives (bad_certificate: "the server wants a client
                // certificate"); when it closes first, the JDK knows only that the handshake ended.
                assertThat(thrown).isInstanceOf(TlsException.class).message()
                        .containsAnyOf("the server wants a client certificate (mutual TLS)",
                                "a client key if the server wants mutual TLS");
            }
        }
    }

    @Test
    void callsGoThroughAConnectProxy() throws Exception {
        try (TlsServer server = new TlsServer(call -> {
            if (call.body().contains("\"stream\":true")) {
                call.startEvents();
                call.write(HttpsTransportTest.CHUNKS);
            } else {
                call.json(200, PausedStreamsTest.completion());
            }
        }); ConnectProxy proxy = new ConnectProxy();
                OpenAiProvider provider = OpenAiProvider.builder().baseUrl(server.baseUrl())
                        .sslContext(TestCertificates.trusting(TestCertificates.SERVER))
                        .proxy(ProxySelector.of(proxy.address())).build()) {
            assertThat(provider.create(HI).text()).isEqualTo("hi");
            assertThat(count(provider.streamBlocking(HI))).isEqualTo(2);

            assertThat(proxy.targets()).isNotEmpty().allMatch(target -> target.equals("127.0.0.1:" + server.port()));
            assertThat(server.protocols()).containsExactlyInAnyOrder("HTTP/2.0", "HTTP/1.1");
        }
    }

    static int count(dev.gomodel.ChunkStream chunks) {
        int count = 0;
        try (chunks) {
            for (var chunk : chunks) {
                count++;
            }
        }
        return count;
    }

    /**
     * The JDK refuses Basic authentication for {@code CONNECT} tunnels unless the JVM allows it,
     * and reads that setting once, so the authenticated proxy is tried from a JVM of its own.
     */
    @Test
    void anAuthenticatingProxyIsAnsweredByTheProxyAuthenticator(@TempDir Path directory) throws Exception {
        try (TlsServer server = answering(TlsServer.Options.defaults());
                ConnectProxy proxy = new ConnectProxy("gomodel", "proxy-secret")) {
            Path trust = directory.resolve("trust.p12");
            try (OutputStream out = Files.newOutputStream(trust)) {
                TestCertificates.trustStore(TestCertificates.SERVER).store(out, TestCertificates.PASSWORD);
            }
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process client = new ProcessBuilder(List.of(java.toString(), "-Djdk.http.auth.tunneling.disabledSchemes=",
                    "-cp", System.getProperty("java.class.path"), ProxyAuthClient.class.getName(), server.baseUrl(),
                    trust.toString(), new String(TestCertificates.PASSWORD), Integer.toString(proxy.address().getPort())))
                    .redirectErrorStream(true).start();
            boolean exited = client.waitFor(1, TimeUnit.MINUTES);
            String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!exited) {
                client.destroyForcibly();
            }

            assertThat(output).as(output).contains("created hi").doesNotContain("proxy-secret");
            assertThat(proxy.challenges()).isPositive();
            assertThat(proxy.targets()).contains("127.0.0.1:" + server.port());
        }
    }
}
