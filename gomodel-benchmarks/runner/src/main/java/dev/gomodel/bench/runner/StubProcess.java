package dev.gomodel.bench.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The stub server's JVM: started with its own small heap, it reports its port and what a whole
 * answer holds, and ends when its standard input is closed. Not thread-safe.
 */
final class StubProcess implements AutoCloseable {

    static final List<String> JVM_FLAGS = List.of("-Xms128m", "-Xmx128m", "-XX:+UseParallelGC");

    private final Process process;
    private final Map<String, String> ready;

    private StubProcess(Process process, Map<String, String> ready) {
        this.process = process;
        this.ready = ready;
    }

    static StubProcess start(String java, Path benchDir, long warmupMillis, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(JVM_FLAGS);
        command.add("-cp");
        command.add(benchDir.resolve("stub-server/target/classes").toString());
        command.add("dev.gomodel.bench.stub.StubServer");
        command.add(Long.toString(warmupMillis));
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("READY ")) {
            process.destroyForcibly();
            throw new IOException("the stub server did not start (see " + log + "): " + line);
        }
        Map<String, String> ready = new HashMap<>();
        for (String pair : line.substring(6).split(" ")) {
            int eq = pair.indexOf('=');
            ready.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return new StubProcess(process, ready);
    }

    int port() {
        return Integer.parseInt(ready.get("port"));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    /** What the stub said a whole answer holds: {@code createChars}, {@code streamChunks}, {@code streamChars}. */
    String expected(String key) {
        return ready.get(key);
    }

    /** What the stub has served so far: chat calls, and on how many connections. */
    record Served(long connections, long calls) {
    }

    Served served() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port())) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /stats HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Served(counter(answer, "connections"), counter(answer, "creates") + counter(answer, "streams"));
        }
    }

    private static long counter(String stats, String name) throws IOException {
        int at = stats.indexOf(name + "=");
        if (at < 0) {
            throw new IOException("unexpected /stats answer: " + stats);
        }
        int start = at + name.length() + 1;
        int end = start;
        while (end < stats.length() && Character.isDigit(stats.charAt(end))) {
            end++;
        }
        return Long.parseLong(stats.substring(start, end));
    }

    /** The CPU time the stub's JVM has used so far, or zero where the OS does not tell. */
    Duration cpu() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    @Override
    public void close() throws IOException {
        process.getOutputStream().close();
        try {
            if (process.waitFor(5, TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
    }
}
