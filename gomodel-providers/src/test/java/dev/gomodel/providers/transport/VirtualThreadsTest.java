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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blocking calls from virtual threads, on JDK 21 or later, over HTTPS: 200 at once, beyond the
 * provider's concurrency limit of 64, all succeed, and no virtual thread is pinned to its
 * carrier while it waits. Pinning is checked with Java Flight Recorder: the client JVM records
 * {@code jdk.VirtualThreadPinned} (a virtual thread that blocked while pinned for 20 ms or more,
 * the JDK's default threshold) and {@code jfr print} lists them; there must be none.
 *
 * <p>The build runs on JDK 17, so the JDK comes from the system property
 * {@code gomodel.test.jdk21Home} (CI passes it), else the running JDK when it is 21 or later;
 * without either the test is skipped, saying so.
 */
class VirtualThreadsTest {

    static final int CALLS = 200;

    @Test
    void blockingCallsFromVirtualThreadsSucceedWithoutPinning(@TempDir Path directory) throws Exception {
        Path jdk = jdk21();
        Assumptions.assumeTrue(jdk != null, "no JDK 21 or later: set -Dgomodel.test.jdk21Home=<a JDK 21+ home>");
        try (TlsServer server = new TlsServer(call -> {
            boolean stream = call.body().contains("\"stream\":true");
            Thread.sleep(50);
            if (stream) {
                call.startEvents();
                call.write(HttpsTransportTest.CHUNKS);
            } else {
                call.json(200, PausedStreamsTest.completion());
            }
        })) {
            Path trust = directory.resolve("trust.p12");
            try (OutputStream out = Files.newOutputStream(trust)) {
                TestCertificates.trustStore(TestCertificates.SERVER).store(out, TestCertificates.PASSWORD);
            }
            Path recording = directory.resolve("pinning.jfr");
            String output = run(List.of(jdk.resolve("bin/java").toString(),
                    "-XX:StartFlightRecording=filename=" + recording + ",settings=default,dumponexit=true",
                    "-cp", System.getProperty("java.class.path"), VirtualThreadsClient.class.getName(),
                    server.baseUrl(), trust.toString(), new String(TestCertificates.PASSWORD), Integer.toString(CALLS)));
            Map<String, String> result = output.lines().filter(line -> line.contains("="))
                    .collect(Collectors.toMap(line -> line.substring(0, line.indexOf('=')),
                            line -> line.substring(line.indexOf('=') + 1), (a, b) -> a));

            assertThat(result.get("ok")).as(output).isEqualTo(Integer.toString(CALLS));
            assertThat(result.get("failures")).as(output).isEqualTo("0");
            assertThat(Files.exists(recording)).as("the flight recording: " + output).isTrue();
            String pinned = run(List.of(jdk.resolve("bin/jfr").toString(), "print", "--events",
                    "jdk.VirtualThreadPinned", recording.toString()));
            assertThat(pinned).as("pinned virtual threads").doesNotContain("jdk.VirtualThreadPinned");
            System.out.println("virtual threads on JDK " + result.get("java") + ": " + CALLS
                    + " blocking calls, no jdk.VirtualThreadPinned event");
        }
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        boolean exited = process.waitFor(2, TimeUnit.MINUTES);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!exited) {
            process.destroyForcibly();
        }
        assertThat(exited).as(String.join(" ", command) + ": " + output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /** A JDK 21+ home: the property's, else the running one's if it is new enough, else {@code null}. */
    private static Path jdk21() {
        String configured = System.getProperty("gomodel.test.jdk21Home", "");
        if (!configured.isBlank()) {
            Path home = Path.of(configured);
            assertThat(home.resolve("bin/java")).as("gomodel.test.jdk21Home names a JDK").exists();
            return home;
        }
        return Runtime.version().feature() >= 21 ? Path.of(System.getProperty("java.home")) : null;
    }
}
