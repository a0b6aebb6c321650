package dev.gomodel.providers.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.error.MalformedResponseException;
import dev.gomodel.providers.openai.OpenAiProvider;
import dev.gomodel.providers.testing.TestCertificates;
import dev.gomodel.providers.testing.TlsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Compression over HTTPS: the library asks for gzip and decodes JSON bodies and event streams as
 * they arrive; limits apply to the decoded bytes, so a compression bomb fails with
 * {@link MalformedResponseException}; a user's own {@code Accept-Encoding} asks only for what can
 * be decoded.
 */
class GzipTest {

    static final ChatRequest HI = ChatRequest.builder().model("m").user("hi").build();

    static byte[] gzip(byte[]... members) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte[] member : members) {
            try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
                out.write(member);
            }
        }
        return bytes.toByteArray();
    }

    /** {@code count} bytes of {@code value}, gzip-compressed, without holding them all. */
    static byte[] bomb(String prefix, byte value, int count) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(prefix.getBytes(StandardCharsets.UTF_8));
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, value);
            for (int i = 0; i < count / block.length; i++) {
                out.write(block);
            }
        }
        return bytes.toByteArray();
    }

    static OpenAiProvider.Builder provider(TlsServer server) {
        return OpenAiProvider.builder().baseUrl(server.baseUrl())
                .sslContext(TestCertificates.trusting(TestCertificates.SERVER));
    }

    @Test
    void aGzipJsonBodyIsDecodedAndGzipIsAskedFor() throws Exception {
        List<String> acceptEncodings = new CopyOnWriteArrayList<>();
        String json = PausedStreamsTest.completion();
        byte[] twoMembers = gzip(json.substring(0, 20).getBytes(StandardCharsets.UTF_8),
                json.substring(20).getBytes(StandardCharsets.UTF_8));
        try (TlsServer server = new TlsServer(call -> {
            acceptEncodings.add(String.valueOf(call.header("Accept-Encoding")));
            call.response().setHeader("Content-Encoding", "gzip");
            call.respond(200, "application/json", twoMembers);
        }); OpenAiProvider provider = provider(server).build()) {
            assertThat(provider.create(HI).text()).isEqualTo("hi");
            assertThat(provider.createAsync(HI).get(10, TimeUnit.SECONDS).text()).isEqualTo("hi");
            assertThat(acceptEncodings).containsOnly("gzip");
        }
    }

    @Test
    void aGzipEventStreamIsDecodedAsItArrives() throws Exception {
        CountDownLatch firstChunkSeen = new CountDownLatch(1);
        String chunks = HttpsTransportTest.CHUNKS;
        int split = chunks.indexOf("\n\n") + 2;
        try (TlsServer server = new TlsServer(call -> {
            call.body();
            call.response().setStatus(200);
            call.response().setContentType("text/event-stream");
            call.response().setHeader("Content-Encoding", "gzip");
            OutputStream body = call.response().getOutputStream();
            GZIPOutputStream out = new GZIPOutputStream(body, true);
            out.write(chunks.substring(0, split).getBytes(StandardCharsets.UTF_8));
            out.flush();
            // The rest only once the client decoded the first event from the compressed bytes so far.
            if (!firstChunkSeen.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the first chunk was not decoded before the body ended");
            }
            out.write(chunks.substring(split).getBytes(StandardCharsets.UTF_8));
            out.finish();
        }); OpenAiProvider provider = provider(server).build()) {
            StringBuilder text = new StringBuilder();
            CompletableFuture<ChatCompletion> done = provider.stream(HI, chunk -> {
                text.append(chunk.text());
                firstChunkSeen.countDown();
            });
            assertThat(done.get(15, TimeUnit.SECONDS).text()).isEqualTo("Hello");
            assertThat(server.failures()).isEmpty();
        }
    }

    @Test
    void aGzipBombFailsAtTheDecodedSizeLimits() throws Exception {
        byte[] jsonBomb = bomb("{\"id\":\"", (byte) 'a', 64 << 20);
        byte[] eventBomb = bomb("data: {\"id\":\"", (byte) 'a', 64 << 20);
        assertThat(jsonBomb.length).as("compressed").isLessThan(1 << 20);
        try (TlsServer server = new TlsServer(call -> {
            boolean stream = call.body().contains("\"stream\":true");
            call.response().setHeader("Content-Encoding", "gzip");
            call.respond(200, stream ? "text/event-stream" : "application/json", stream ? eventBomb : jsonBomb);
        }); OpenAiProvider provider = provider(server).build()) {
            assertThat(catchThrowable(() -> provider.create(HI))).isInstanceOf(MalformedResponseException.class)
                    .hasMessageContaining("exceeds the limit of 33554432 bytes");
            assertThat(catchThrowable(() -> TlsAndProxyTest.count(provider.streamBlocking(HI))))
                    .isInstanceOf(MalformedResponseException.class).hasMessageContaining("8388608");
        }
    }

    @Test
    void aCorruptOrUnknownEncodingFailsTyped() throws Exception {
        byte[] good = gzip(PausedStreamsTest.completion().getBytes(StandardCharsets.UTF_8));
        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 5);
        byte[] flipped = good.clone();
        flipped[good.length - 6] ^= 0x55;
        try (TlsServer server = new TlsServer(call -> {
            String body = call.body();
            call.response().setHeader("Content-Encoding", body.contains("brotli") ? "br" : "gzip");
            call.respond(200, "application/json", body.contains("truncated") ? truncated
                    : body.contains("flipped") ? flipped : good);
        }); OpenAiProvider provider = provider(server).build()) {
            for (String kind : List.of("truncated", "flipped")) {
                assertThat(catchThrowable(() -> provider.create(ChatRequest.builder().model("m").user(kind).build())))
                        .as(kind).isInstanceOf(MalformedResponseException.class).hasMessageContaining("gzip");
            }
            assertThat(catchThrowable(() -> provider.create(ChatRequest.builder().model("m").user("brotli").build())))
                    .isInstanceOf(MalformedResponseException.class)
                    .hasMessageContaining("the body is encoded as \"br\", which gomodel-java does not decode");
        }
    }

    @Test
    void aUsersAcceptEncodingIsHonouredForGzipAndRefusedForWhatCannotBeDecoded() throws Exception {
        assertThatThrownBy(() -> OpenAiProvider.builder().header("Accept-Encoding", "gzip, br"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("header Accept-Encoding asks for \"br\", which gomodel-java does not decode");
        List<String> acceptEncodings = new CopyOnWriteArrayList<>();
        byte[] good = gzip(PausedStreamsTest.completion().getBytes(StandardCharsets.UTF_8));
        try (TlsServer server = new TlsServer(call -> {
            String accept = String.valueOf(call.header("Accept-Encoding"));
            acceptEncodings.add(accept);
            if (accept.contains("gzip")) {
                call.response().setHeader("Content-Encoding", "gzip");
                call.respond(200, "application/json", good);
            } else {
                call.json(200, PausedStreamsTest.completion());
            }
        }); OpenAiProvider users = provider(server).header("Accept-Encoding", "gzip;q=1.0, identity;q=0.5").build();
                OpenAiProvider none = provider(server).compression(false).build()) {
            assertThat(users.create(HI).text()).isEqualTo("hi");
            assertThat(none.create(HI).text()).isEqualTo("hi");
            assertThat(acceptEncodings).containsExactly("gzip;q=1.0, identity;q=0.5", "null");
        }
    }
}
