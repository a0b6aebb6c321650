package dev.gomodel.providers.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.providers.openai.OpenAiProvider;
import dev.gomodel.providers.testing.TestCertificates;
import dev.gomodel.providers.testing.TlsServer;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/**
 * Calls over HTTPS to a server that offers HTTP/2, as every public upstream does: non-streamed
 * calls go over HTTP/2, streams over HTTP/1.1 unless asked otherwise, and providers with equal
 * transport settings share one JDK client and so one connection.
 */
class HttpsTransportTest {

    static final String CHUNKS = "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
            + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hel\"},\"finish_reason\":null}]}\n\n"
            + "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
            + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lo\"},\"finish_reason\":\"stop\"}]}\n\n"
            + "data: [DONE]\n\n";

    static TlsServer server() throws Exception {
        return new TlsServer(call -> {
            if (call.body().contains("\"stream\":true")) {
                call.startEvents();
                call.write(CHUNKS);
            } else {
                call.json(200, PausedStreamsTest.completion());
            }
        });
    }

    @Test
    void createGoesOverHttp2AndStreamsOverHttp11() throws Exception {
        try (TlsServer server = server();
                OpenAiProvider provider = OpenAiProvider.builder().baseUrl(server.baseUrl())
                        .sslContext(TestCertificates.trusting(TestCertificates.SERVER)).build()) {
            ChatCompletion done = provider.create(ChatRequest.builder().model("m").user("hi").build());
            assertThat(done.text()).isEqualTo("hi");
            assertThat(server.protocols()).containsExactly("HTTP/2.0");

            StringBuilder text = new StringBuilder();
            provider.streamBlocking(ChatRequest.builder().model("m").user("hi").build())
                    .forEach(chunk -> text.append(chunk.text() == null ? "" : chunk.text()));
            assertThat(text).hasToString("Hello");
            assertThat(server.protocols()).containsExactlyInAnyOrder("HTTP/2.0", "HTTP/1.1");
            assertThat(server.failures()).isEmpty();
        }
    }

    @Test
    void streamsGoOverHttp2WhenAskedAndCallsOverHttp11WhenAsked() throws Exception {
        try (TlsServer server = server();
                OpenAiProvider provider = OpenAiProvider.builder().baseUrl(server.baseUrl())
                        .sslContext(TestCertificates.trusting(TestCertificates.SERVER))
                        .streamHttpVersion(HttpClient.Version.HTTP_2).build()) {
            List<ChatCompletionChunk> chunks = new ArrayList<>();
            provider.streamBlocking(ChatRequest.builder().model("m").user("hi").build()).forEach(chunks::add);
            assertThat(chunks).hasSize(2);
            assertThat(server.protocols()).containsExactly("HTTP/2.0");
        }
        try (TlsServer server = server();
                OpenAiProvider provider = OpenAiProvider.builder().baseUrl(server.baseUrl())
                        .sslContext(TestCertificates.trusting(TestCertificates.SERVER))
                        .httpVersion(HttpClient.Version.HTTP_1_1).build()) {
            provider.create(ChatRequest.builder().model("m").user("hi").build());
            assertThat(server.protocols()).containsExactly("HTTP/1.1");
        }
    }

    @Test
    void providersWithEqualTransportSettingsShareOneClientAndConnection() throws Exception {
        SSLContext trust = TestCertificates.trusting(TestCertificates.SERVER);
        try (TlsServer server = server()) {
            List<OpenAiProvider> providers = new ArrayList<>();
            try {
                for (int i = 0; i < 50; i++) {
                    providers.add(OpenAiProvider.builder().name("p" + i).baseUrl(server.baseUrl()).sslContext(trust)
                            .build());
                }
                for (OpenAiProvider provider : providers) {
                    provider.create(ChatRequest.builder().model("m").user("hi").build());
                }
                assertThat(server.connectionCount()).as("one HTTP/2 connection for 50 providers").isEqualTo(1);
            } finally {
                providers.forEach(OpenAiProvider::close);
            }

            // Other settings, another client: a second connection.
            try (OpenAiProvider other = OpenAiProvider.builder().baseUrl(server.baseUrl())
                    .sslContext(TestCertificates.trusting(TestCertificates.SERVER)).build()) {
                other.create(ChatRequest.builder().model("m").user("hi").build());
            }
            assertThat(server.connectionCount()).isEqualTo(2);
        }
    }
}
