package dev.gomodel.providers.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gomodel.providers.testing.LoopbackServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Memory stays bounded whatever the upstream sends: a 100 MB streamed answer passes through a
 * client JVM with a 64 MB heap, and a single event larger than the limit fails with a clear
 * error instead of being buffered.
 */
class LargeStreamTest {

    static final int PIECE_CHARS = 400;
    static final long STREAM_BYTES = 100L * 1024 * 1024;

    @Test
    void aHundredMegabyteStreamPassesThroughASixtyFourMegabyteHeap() throws Exception {
        String piece = "y".repeat(PIECE_CHARS);
        byte[] event = ("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + piece + "\"},\"finish_reason\":null}]}\n\n")
                .getBytes(StandardCharsets.UTF_8);
        long events = STREAM_BYTES / event.length + 1;
        try (LoopbackServer server = new LoopbackServer((connection, number) -> {
            String body;
            while ((body = connection.readRequest()) != null) {
                connection.startEventStream();
                if (body.contains("oversized")) {
                    // One event that never ends: far past the 8 MiB default limit.
                    connection.writeChunk("data: {\"id\":\"");
                    String filler = "z".repeat(64 * 1024);
                    for (int i = 0; i < 100 * 16; i++) {
                        try {
                            connection.writeChunk(filler);
                        } catch (IOException clientGaveUp) {
                            return;
                        }
                    }
                    return;
                }
                // 100 MB in HTTP chunks of 64 events each.
                byte[] batch = new byte[event.length * 64];
                for (int i = 0; i < 64; i++) {
                    System.arraycopy(event, 0, batch, i * event.length, event.length);
                }
                String batchText = new String(batch, StandardCharsets.UTF_8);
                for (long sent = 0; sent < events; sent += 64) {
                    connection.writeChunk(batchText);
                }
                connection.writeChunk("data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{},"
                        + "\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n");
                connection.endChunks();
            }
        })) {
            long sentEvents = ((events + 63) / 64) * 64;
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process client = new ProcessBuilder(java.toString(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                    LargeStreamClient.class.getName(), server.baseUrl()).redirectErrorStream(true).start();
            boolean exited = client.waitFor(4, TimeUnit.MINUTES);
            String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!exited) {
                client.destroyForcibly();
            }

            assertThat(exited).as("the client JVM finished: " + output).isTrue();
            assertThat(client.exitValue()).as(output).isZero();
            List<String> lines = output.lines().toList();
            assertThat(lines).as(output).contains("huge chunks=" + (sentEvents + 1) + " chars=" + sentEvents * PIECE_CHARS
                    + " maxHeap=" + maxHeapOfA64MegabyteJvm(lines));
            assertThat(lines).as(output).anyMatch(line -> line.startsWith("oversized failed MalformedResponseException:")
                    && line.contains("8388608"));
        }
    }

    /** The client prints the heap it ran with; this checks it was the small one, and returns it. */
    private static String maxHeapOfA64MegabyteJvm(List<String> lines) {
        String heap = lines.stream().filter(line -> line.startsWith("huge ")).findFirst().orElse("maxHeap=0")
                .replaceAll(".*maxHeap=", "");
        assertThat(Long.parseLong(heap)).isLessThanOrEqualTo(64L * 1024 * 1024);
        return heap;
    }
}
