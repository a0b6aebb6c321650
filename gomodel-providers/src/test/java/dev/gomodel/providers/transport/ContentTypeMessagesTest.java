package dev.gomodel.providers.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.gomodel.chat.ChatRequest;
import dev.gomodel.error.ApiException;
import dev.gomodel.error.MalformedResponseException;
import dev.gomodel.error.ProviderErrorException;
import dev.gomodel.providers.openai.OpenAiProvider;
import dev.gomodel.providers.testing.TestCertificates;
import dev.gomodel.providers.testing.TlsServer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What a proxy or a misconfigured upstream sends instead of the API's answer: the message names
 * the content type on every path and sums up an HTML page by its status and title, in one line,
 * while {@code bodySnippet()} keeps the page as it came.
 */
class ContentTypeMessagesTest {

    static final String LOGIN = "<!DOCTYPE html>\n<html>\n<head>\n  <title>Sign in &amp; continue</title>\n</head>\n"
            + "<body><h1>Sign in</h1>\n<form>...</form></body>\n</html>\n";
    static final String BAD_GATEWAY = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
            + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    @Test
    void htmlAndOtherWrongTypesAreNamedAndSummedUp() throws Exception {
        try (TlsServer server = new TlsServer(call -> {
            String body = call.body();
            if (body.contains("gateway")) {
                call.respond(502, "text/html", BAD_GATEWAY.getBytes(StandardCharsets.UTF_8));
            } else if (body.contains("plain-json")) {
                call.respond(200, "text/plain", PausedStreamsTest.completion().getBytes(StandardCharsets.UTF_8));
            } else {
                call.respond(200, "text/html; charset=utf-8", LOGIN.getBytes(StandardCharsets.UTF_8));
            }
        }); OpenAiProvider provider = OpenAiProvider.builder().baseUrl(server.baseUrl())
                .sslContext(TestCertificates.trusting(TestCertificates.SERVER)).build()) {
            Throwable create = catchThrowable(() -> provider.create(ask("login")));
            assertThat(create).isInstanceOf(MalformedResponseException.class)
                    .hasMessage("openai sent a malformed response: expected application/json, got text/html; "
                            + "charset=utf-8: an HTML page titled \"Sign in & continue\"");
            assertThat(((MalformedResponseException) create).bodySnippet()).isEqualTo(LOGIN);

            Throwable stream = catchThrowable(() -> TlsAndProxyTest.count(provider.streamBlocking(ask("login"))));
            assertThat(stream).isInstanceOf(MalformedResponseException.class)
                    .hasMessage("openai sent a malformed response: expected a text/event-stream for a streamed request, "
                            + "got text/html; charset=utf-8: an HTML page titled \"Sign in & continue\"");

            for (Throwable gateway : new Throwable[] {catchThrowable(() -> provider.create(ask("gateway"))),
                    catchThrowable(() -> TlsAndProxyTest.count(provider.streamBlocking(ask("gateway"))))}) {
                assertThat(gateway).isInstanceOf(ProviderErrorException.class)
                        .hasMessage("openai returned HTTP 502: an HTML page titled \"502 Bad Gateway\"");
                assertThat(((ApiException) gateway).bodySnippet()).isEqualTo(BAD_GATEWAY);
            }

            // JSON labelled text/plain, as some servers send it, is still read.
            assertThat(provider.create(ask("plain-json")).text()).isEqualTo("hi");
        }
    }

    static ChatRequest ask(String text) {
        return ChatRequest.builder().model("m").user(text).build();
    }
}
