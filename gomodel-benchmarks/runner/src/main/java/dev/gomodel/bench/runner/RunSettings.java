package dev.gomodel.bench.runner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What one benchmark run does, from the environment:
 * <ul>
 *   <li>{@code GOMODEL_BENCH_QUICK=1}: short warm-ups and measurements, one repeat (about 1–2 minutes);</li>
 *   <li>{@code GOMODEL_BENCH_REPEATS=n}: JVMs per client (default 5, quick 1); the table shows the median;</li>
 *   <li>{@code GOMODEL_BENCH_CLIENTS=raw,gomodel}: which clients (default all);</li>
 *   <li>{@code GOMODEL_BENCH_JVM_FLAGS}: the client JVMs' flags (default {@value #DEFAULT_JVM_FLAGS});</li>
 *   <li>{@code GOMODEL_BENCH_GOMODEL_STREAM=publisher|handler|blocking}: which gomodel streaming API
 *       the gomodel clients use (default publisher);</li>
 *   <li>{@code GOMODEL_BENCH_OUT=dir}: where results go (default {@code gomodel-benchmarks/results}).</li>
 * </ul>
 * Immutable.
 */
record RunSettings(
        boolean quick,
        int repeats,
        List<ClientSpec> clients,
        List<String> jvmFlags,
        String gomodelStream,
        Path benchDir,
        Path outDir,
        long stubWarmupMillis,
        long latencyWarmupMillis,
        int latencyCalls,
        long streamWarmupMillis,
        int streams,
        int threads,
        long throughputWarmupMillis,
        long throughputMillis) {

    static final String DEFAULT_JVM_FLAGS = "-Xms256m -Xmx256m -XX:+UseParallelGC";

    static RunSettings fromEnvironment(Map<String, String> env, Path benchDir) {
        boolean quick = isSet(env.get("GOMODEL_BENCH_QUICK"));
        int repeats = env.get("GOMODEL_BENCH_REPEATS") != null ? Integer.parseInt(env.get("GOMODEL_BENCH_REPEATS").trim())
                : quick ? 1 : 5;
        if (repeats < 1) {
            throw new IllegalArgumentException("GOMODEL_BENCH_REPEATS must be at least 1");
        }
        List<ClientSpec> clients = new ArrayList<>();
        String names = env.get("GOMODEL_BENCH_CLIENTS");
        if (names == null || names.isBlank()) {
            clients.addAll(ClientSpec.ALL);
        } else {
            for (String name : names.split(",")) {
                if (!name.isBlank()) {
                    clients.add(ClientSpec.named(name.trim()));
                }
            }
        }
        String flags = env.getOrDefault("GOMODEL_BENCH_JVM_FLAGS", DEFAULT_JVM_FLAGS).trim();
        List<String> jvmFlags = flags.isEmpty() ? List.of() : Arrays.asList(flags.split("\\s+"));
        String gomodelStream = env.getOrDefault("GOMODEL_BENCH_GOMODEL_STREAM", "publisher");
        Path outDir = env.get("GOMODEL_BENCH_OUT") != null ? Path.of(env.get("GOMODEL_BENCH_OUT"))
                : benchDir.resolve("results");
        return quick
                ? new RunSettings(true, repeats, clients, jvmFlags, gomodelStream, benchDir, outDir,
                        800, 1_000, 500, 800, 10, 16, 700, 1_500)
                : new RunSettings(false, repeats, clients, jvmFlags, gomodelStream, benchDir, outDir,
                        2_000, 3_000, 2_000, 4_000, 40, 16, 2_000, 3_000);
    }

    /** A generous bound on one worker JVM's run; past it the worker is killed and counted as failed. */
    long workerTimeoutMillis() {
        return 90_000 + latencyWarmupMillis + streamWarmupMillis + throughputWarmupMillis + throughputMillis
                + latencyCalls * 50L + streams * 2_000L;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank() && !value.equals("0") && !value.equalsIgnoreCase("false");
    }
}
