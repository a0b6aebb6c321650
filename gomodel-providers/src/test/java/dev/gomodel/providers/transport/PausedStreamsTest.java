package dev.gomodel.providers.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gomodel.providers.testing.TestCertificates;
import dev.gomodel.providers.testing.TlsServer;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming contract over HTTPS, where the JDK would use HTTP/2: a subscriber that pauses
 * holds a bounded amount of body in the client's heap, and paused streams do not delay other
 * calls on the same provider. Measured in a JVM of its own with a small heap, against a TLS
 * server that offers HTTP/2 and writes 64 MB per stream as fast as the client lets it.
 *
 * <p>To measure another transport, give the child JVM's arguments and the streams' HTTP version:
 * {@code mvn -pl gomodel-providers -am test -Dtest=PausedStreamsTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dgomodel.paused.streamHttpVersion=HTTP_2 -Dgomodel.paused.jvmArgs=-Djdk.httpclient.windowsize=65536}; the
 * figures are printed to the test's output, and only the default transport is held to the limits.
 */
class PausedStreamsTest {

    static final int PAUSED_STREAMS = 3;
    /** What a paused stream may hold in the client's heap: well under 1 MiB. */
    static final long MAX_HEAP_PER_PAUSED_STREAM = 512 * 1024;

    @Test
    void pausedStreamsHoldLittleHeapAndDoNotDelayOtherCalls(@TempDir Path directory) throws Exception {
        byte[] event = ("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + "y".repeat(400) + "\"},"
                + "\"finish_reason\":null}]}\n\n").getBytes(StandardCharsets.UTF_8);
        byte[] batch = new byte[event.length * 64];
        for (int i = 0; i < 64; i++) {
            System.arraycopy(event, 0, batch, i * event.length, event.length);
        }
        try (TlsServer server = new TlsServer(call -> {
            if (call.body().contains("huge")) {
                OutputStream out = call.startEvents();
                for (long sent = 0; sent < 64L * 1024 * 1024; sent += batch.length) {
                    out.write(batch);
                    out.flush();
                }
            } else {
                call.json(200, PausedStreamsTest.completion());
            }
        })) {
            Path trust = directory.resolve("trust.p12");
            try (OutputStream out = Files.newOutputStream(trust)) {
                TestCertificates.trustStore(TestCertificates.SERVER).store(out, TestCertificates.PASSWORD);
            }
            Map<String, String> result = runClient(server.baseUrl(), trust);
            if (!System.getProperty("gomodel.paused.streamHttpVersion", "").isEmpty()
                    || !System.getProperty("gomodel.paused.jvmArgs", "").isEmpty()) {
                return;
            }

            assertThat(result).as("the client's report").containsKey("createMillis").doesNotContainKey("createStalled")
                    .doesNotContainKey("noFirstChunks");
            assertThat(Long.parseLong(result.get("heapPerPausedStream"))).as("heap per paused stream")
                    .isLessThan(MAX_HEAP_PER_PAUSED_STREAM);
            assertThat(Long.parseLong(result.get("createMillis"))).as("a create beside paused streams").isLessThan(5_000);
            assertThat(server.failures()).isEmpty();
        }
    }

    static String completion() {
        return "{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":\"hi\"},\"finish_reason\":\"stop\"}]}";
    }

    private static Map<String, String> runClient(String baseUrl, Path trust) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx96m", "-XX:+UseSerialGC"));
        String jvmArgs = System.getProperty("gomodel.paused.jvmArgs", "");
        if (!jvmArgs.isBlank()) {
            command.addAll(List.of(jvmArgs.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PausedStreamsClient.class.getName(),
                baseUrl, trust.toString(), new String(TestCertificates.PASSWORD), Integer.toString(PAUSED_STREAMS)));
        String version = System.getProperty("gomodel.paused.streamHttpVersion", "");
        if (!version.isEmpty()) {
            command.add(version);
        }
        Process client = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean exited = client.waitFor(2, TimeUnit.MINUTES);
        String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!exited) {
            client.destroyForcibly();
        }
        assertThat(exited).as("the client JVM finished: " + output).isTrue();
        assertThat(client.exitValue()).as(output).isZero();
        System.out.println("PausedStreamsClient: " + output);
        return output.lines().filter(line -> line.contains("="))
                .collect(Collectors.toMap(line -> line.substring(0, line.indexOf('=')),
                        line -> line.substring(line.indexOf('=') + 1), (a, b) -> a));
    }
}
