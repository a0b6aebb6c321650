package dev.gomodel.bench.runner;

import dev.gomodel.bench.harness.Figure;
import dev.gomodel.bench.harness.Worker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The end-to-end benchmark, one command: starts the stub server's JVM, then runs every client
 * in a fresh JVM of its own per repeat, in rounds whose order rotates (round 1: raw, gomodel,
 * ...; round 2 starts with the second client, ...), prints the table of medians with each
 * figure's ratio to {@code raw}, and writes it as CSV and Markdown. Settings come from the
 * environment ({@link RunSettings}); {@code -Dgomodel.bench.dir} names the
 * {@code gomodel-benchmarks} directory. Exits with status 1 when any client run failed.
 */
public final class Runner {

    private final RunSettings settings;
    private final String java;
    private final Path logs;

    private Runner(RunSettings settings, String java, Path logs) {
        this.settings = settings;
        this.java = java;
        this.logs = logs;
    }

    public static void main(String[] args) throws Exception {
        Path benchDir = Path.of(System.getProperty("gomodel.bench.dir", "gomodel-benchmarks")).toAbsolutePath().normalize();
        RunSettings settings = RunSettings.fromEnvironment(System.getenv(), benchDir);
        Path logs = settings.outDir().resolve("logs");
        Files.createDirectories(logs);
        Runner runner = new Runner(settings, Path.of(System.getProperty("java.home"), "bin", "java").toString(), logs);
        System.exit(runner.run() ? 0 : 1);
    }

    private boolean run() throws Exception {
        Machine machine = Machine.describe();
        String date = ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT));
        List<String> names = settings.clients().stream().map(ClientSpec::name).toList();
        Results results = new Results(names);
        for (ClientSpec client : settings.clients()) {
            List<Path> jars = client.libraryJars(settings.benchDir());
            long bytes = 0;
            for (Path jar : jars) {
                bytes += Files.size(jar);
            }
            results.add(client.name(), Figure.JARS, jars.size());
            results.add(client.name(), Figure.JAR_MB, bytes / 1e6);
        }

        String header = header(machine, date);
        System.out.println(header);
        try (StubProcess stub = StubProcess.start(java, settings.benchDir(), settings.stubWarmupMillis(),
                logs.resolve("stub.log"))) {
            System.out.println("stub server at " + stub.baseUrl() + "\n");
            List<ClientSpec> clients = settings.clients();
            for (int round = 0; round < settings.repeats(); round++) {
                for (int i = 0; i < clients.size(); i++) {
                    ClientSpec client = clients.get((i + round) % clients.size());
                    runWorker(stub, client, round, results);
                }
            }
        }

        String table = results.table() + "\nLoad average at the end of the run: " + Machine.describe().load()
                + " (other work on the machine moves the numbers).\n";
        System.out.println();
        System.out.println(table);
        Path csv = settings.outDir().resolve("latest.csv");
        Path markdown = settings.outDir().resolve("latest.md");
        Files.writeString(csv, results.csv());
        Files.writeString(markdown, header + "\n" + table);
        System.out.println("CSV:      " + csv);
        System.out.println("Markdown: " + markdown);
        System.out.println("Logs:     " + logs);
        if (results.anyFailed()) {
            System.out.println("\nSome client runs FAILED; see their logs.");
        }
        return !results.anyFailed();
    }

    private String header(Machine machine, String date) {
        return "# gomodel-java end-to-end benchmark\n\n"
                + "- date: " + date + "\n"
                + "- machine: " + machine.describeLine() + "; load average at start " + machine.load() + "\n"
                + "- JDK: " + machine.jdk() + "\n"
                + "- client JVMs: " + String.join(" ", settings.jvmFlags()) + ", one fresh JVM per client and repeat, "
                + settings.repeats() + " repeat(s) in rotating order, median shown"
                + (settings.quick() ? " (QUICK run: short warm-ups, few samples)" : "") + "\n"
                + "- stub: loopback HTTP/1.1, keep-alive, pre-serialized answers, own JVM (" + String.join(" ",
                        StubProcess.JVM_FLAGS) + ")\n"
                + "- latency: " + settings.latencyCalls() + " sequential calls after " + settings.latencyWarmupMillis()
                + " ms warm-up; throughput: " + settings.threads() + " threads, " + settings.throughputMillis()
                + " ms after " + settings.throughputWarmupMillis() + " ms warm-up; stream: " + settings.streams()
                + " streams of 2,000 content chunks after " + settings.streamWarmupMillis() + " ms warm-up\n"
                + "- allocation: all threads of the client JVM (ThreadMXBean.getTotalThreadAllocatedBytes), over the "
                + "measured latency calls and the measured streams; cold start: JVM start to first completed call\n"
                + "- gomodel streams through: " + settings.gomodelStream() + "\n";
    }

    private void runWorker(StubProcess stub, ClientSpec client, int round, Results results) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(settings.jvmFlags());
        command.add("-Dgomodel.bench.stream=" + settings.gomodelStream());
        command.add("-cp");
        command.add(client.classPath(settings.benchDir()));
        command.add(client.mainClass());
        command.add("client=" + client.name());
        command.add("baseUrl=" + stub.baseUrl());
        command.add("createChars=" + stub.expected("createChars"));
        command.add("streamChunks=" + stub.expected("streamChunks"));
        command.add("streamChars=" + stub.expected("streamChars"));
        command.add("latencyWarmupMillis=" + settings.latencyWarmupMillis());
        command.add("latencyCalls=" + settings.latencyCalls());
        command.add("streamWarmupMillis=" + settings.streamWarmupMillis());
        command.add("streams=" + settings.streams());
        command.add("threads=" + settings.threads());
        command.add("throughputWarmupMillis=" + settings.throughputWarmupMillis());
        command.add("throughputMillis=" + settings.throughputMillis());

        Path log = logs.resolve(client.name() + "-" + (round + 1) + ".log");
        StubProcess.Served servedBefore = stub.served();
        Duration stubCpuBefore = stub.cpu();
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        process.getOutputStream().close();
        List<String> lines = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                }
            } catch (IOException e) {
                // The process was killed; what was read stays.
            }
        }, "worker-output");
        reader.start();
        boolean ended = process.waitFor(settings.workerTimeoutMillis(), TimeUnit.MILLISECONDS);
        if (!ended) {
            process.destroyForcibly();
            process.waitFor();
        }
        reader.join();
        double seconds = (System.nanoTime() - start) / 1e9;
        StubProcess.Served servedAfter = stub.served();
        long connections = servedAfter.connections() - servedBefore.connections();
        long requests = servedAfter.calls() - servedBefore.calls();
        double stubCpuSeconds = stub.cpu().minus(stubCpuBefore).toMillis() / 1e3;

        String prefix = String.format(Locale.ROOT, "round %d/%d  %-15s", round + 1, settings.repeats(), client.name());
        Map<Figure, Double> measured;
        long calls;
        synchronized (lines) {
            measured = Worker.parseResults(lines);
            calls = Worker.parseCalls(lines);
        }
        if (!ended || process.exitValue() != 0 || measured.size() < 8 || calls < 0) {
            results.failed(client.name());
            System.out.println(prefix + "FAILED" + (ended ? " (exit " + process.exitValue() + ")" : " (timed out)")
                    + ", log " + log);
            List<String> tail = Files.readAllLines(log);
            tail.subList(0, Math.max(0, tail.size() - 15)).clear();
            tail.forEach(line -> System.out.println("    " + line));
            return;
        }
        measured.forEach((figure, value) -> results.add(client.name(), figure, value));
        results.add(client.name(), Figure.CONNECTIONS, connections);
        System.out.println(prefix + String.format(Locale.ROOT,
                "p50 %s µs  p99 %s µs  %s calls/s  %s chunks/s  first chunk %s µs  %s KB/call  %s B/chunk  "
                        + "cold %s ms  %d conns%s  (%.1f s, stub CPU %.1f s)",
                Results.format(measured.get(Figure.LATENCY_P50)), Results.format(measured.get(Figure.LATENCY_P99)),
                Results.format(measured.get(Figure.THROUGHPUT)), Results.format(measured.get(Figure.STREAM_CHUNKS)),
                Results.format(measured.get(Figure.STREAM_FIRST)), Results.format(measured.get(Figure.ALLOC_CALL)),
                Results.format(measured.get(Figure.ALLOC_CHUNK)), Results.format(measured.get(Figure.COLD_START)),
                connections, requests == calls ? "" : String.format(Locale.ROOT, "  %d requests for %d calls", requests,
                        calls), seconds, stubCpuSeconds));
    }
}
