package dev.gomodel.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.gomodel.Provider;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.error.MalformedResponseException;
import dev.gomodel.providers.anthropic.AnthropicProvider;
import dev.gomodel.providers.openai.OpenAiProvider;
import dev.gomodel.testing.Fuzz;
import dev.gomodel.providers.testing.RecordingSubscriber;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Over real HTTP: answers and streams that are deeply nested, not UTF-8, hold NUL bytes or
 * overflow the event limit end every call with a {@link MalformedResponseException}, whatever
 * the provider: no other exception, no error, no hang.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MalformedResponsesEndToEndTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final ChatRequest HELLO = ChatRequest.builder().model("m").user("Hello").build();

    /** Larger than every nested event here, so that nesting, not size, is what fails them. */
    private static final int MAX_EVENT_BYTES = 1 << 20;

    enum Upstream {
        OPENAI("/v1/chat/completions", "{\"id\":\"c\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"content\":\"TEXT\"},\"finish_reason\":\"stop\"}]}",
                "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"TEXT\"},\"finish_reason\":null}]}"),
        ANTHROPIC("/v1/messages", "{\"id\":\"m\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"c\","
                + "\"content\":[{\"type\":\"text\",\"text\":\"TEXT\"}],\"stop_reason\":\"end_turn\"}",
                "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
                        + "\"delta\":{\"type\":\"text_delta\",\"text\":\"TEXT\"}}");

        final String path;
        final String answer;
        final String event;

        Upstream(String path, String answer, String event) {
            this.path = path;
            this.answer = answer;
            this.event = event;
        }

        Provider provider() {
            String base = server.baseUrl() + "/v1";
            return this == OPENAI
                    ? OpenAiProvider.builder().apiKey("sk-test").baseUrl(base).maxEventBytes(MAX_EVENT_BYTES).build()
                    : AnthropicProvider.builder().apiKey("sk-test").baseUrl(base).maxEventBytes(MAX_EVENT_BYTES).build();
        }

        /** The answer, or the stream's event, with {@code bad} in place of the text. */
        byte[] with(String template, byte[] bad) {
            int at = template.indexOf("TEXT");
            return Fuzz.splice(template.getBytes(UTF_8), at, at + 4, bad);
        }
    }

    /**
     * What goes where a text should be: each breaks the JSON or its encoding.
     *
     * @param readInStream whether a stream reads it anyway: invalid UTF-8 alone, which the SSE
     *     decoder replaces with U+FFFD before the JSON is parsed
     */
    record Bad(String name, byte[] bytes, boolean readInStream) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        List<Bad> bad = List.of(
                new Bad("100,000 [", ("\"," + "[".repeat(100_000)).getBytes(UTF_8), false),
                new Bad("100,000 {\"a\":", ("\",\"x\":" + "{\"a\":".repeat(100_000)).getBytes(UTF_8), false),
                new Bad("5,000 [ closed", ("\",\"x\":" + "[".repeat(5_000) + "]".repeat(5_000) + ",\"y\":\"")
                        .getBytes(UTF_8), false),
                new Bad("C3 28", new byte[] {'a', (byte) 0xC3, '(', 'b'}, true),
                new Bad("ED A0 80 FF", new byte[] {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80, (byte) 0xFF}, true),
                new Bad("NUL in a string", new byte[] {'a', 0, 'b'}, false),
                new Bad("NUL between tokens", new byte[] {'a', '"', 0, '}'}, false));
        return Stream.of(Upstream.values()).flatMap(upstream -> bad.stream().map(b -> Arguments.of(upstream, b)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aMalformedAnswerFailsTheCallWithTheTypedException(Upstream upstream, Bad bad) throws Exception {
        server.stubFor(post(upstream.path).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(upstream.with(upstream.answer, bad.bytes()))));
        Provider provider = upstream.provider();
        try {
            Throwable thrown = catchThrowable(() -> provider.createAsync(HELLO).get(30, TimeUnit.SECONDS));
            assertThat(thrown).isInstanceOf(ExecutionException.class);
            assertThat(thrown.getCause()).isInstanceOf(MalformedResponseException.class);
        } finally {
            provider.close();
        }
    }

    /**
     * In a stream the SSE decoder replaces invalid UTF-8 with U+FFFD, so an event whose only
     * fault is its encoding is read; every other fault fails the stream with the typed exception.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void aMalformedStreamEventFailsTheStreamWithTheTypedException(Upstream upstream, Bad bad) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(upstream.with(upstream.event, "ok".getBytes(UTF_8)));
        body.writeBytes("\n\n".getBytes(UTF_8));
        body.writeBytes(upstream.with(upstream.event, bad.bytes()));
        body.writeBytes("\n\n".getBytes(UTF_8));
        server.stubFor(post(upstream.path).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(body.toByteArray())));
        Provider provider = upstream.provider();
        try {
            RecordingSubscriber<ChatCompletionChunk> subscriber = new RecordingSubscriber<>(Long.MAX_VALUE);
            provider.stream(HELLO).subscribe(subscriber);

            assertThat(subscriber.awaitTerminal(30, TimeUnit.SECONDS)).isTrue();
            assertThat(subscriber.violations).isEmpty();
            assertThat(subscriber.items).isNotEmpty();
            assertThat(subscriber.items.get(0).choices().get(0).delta().text()).isEqualTo("ok");
            if (bad.readInStream()) {
                assertThat(subscriber.items).hasSize(2);
                assertThat(subscriber.items.get(1).choices().get(0).delta().text()).contains("\ufffd");
            } else {
                assertThat(subscriber.error()).isInstanceOf(MalformedResponseException.class);
                assertThat(subscriber.items).hasSize(1);
            }
        } finally {
            provider.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Upstream.class)
    void anEventOverTheSizeLimitFailsTheStreamWithTheTypedException(Upstream upstream) throws Exception {
        byte[] huge = "x".repeat(MAX_EVENT_BYTES).getBytes(UTF_8);
        server.stubFor(post(upstream.path).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(upstream.with(upstream.event, huge))));
        Provider provider = upstream.provider();
        try {
            RecordingSubscriber<ChatCompletionChunk> subscriber = new RecordingSubscriber<>(Long.MAX_VALUE);
            provider.stream(HELLO).subscribe(subscriber);

            assertThat(subscriber.awaitTerminal(30, TimeUnit.SECONDS)).isTrue();
            assertThat(subscriber.error()).isInstanceOf(MalformedResponseException.class)
                    .hasMessageContaining("exceeds the limit of " + MAX_EVENT_BYTES + " bytes");
            assertThat(subscriber.items).isEmpty();
        } finally {
            provider.close();
        }
    }

    /** An answer in UTF-16 (which Jackson would guess from its NULs) is not what Anthropic's wire format promises. */
    @Test
    void anAnthropicAnswerInUtf16IsMalformed() {
        Upstream upstream = Upstream.ANTHROPIC;
        server.stubFor(post(upstream.path).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(upstream.answer.replace("TEXT", "hi").getBytes(StandardCharsets.UTF_16LE))));
        Provider provider = upstream.provider();
        try {
            Throwable thrown = catchThrowable(() -> provider.createAsync(HELLO).get(30, TimeUnit.SECONDS));
            assertThat(thrown.getCause()).isInstanceOf(MalformedResponseException.class);
        } finally {
            provider.close();
        }
    }
}
