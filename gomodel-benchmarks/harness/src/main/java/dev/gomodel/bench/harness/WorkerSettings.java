package dev.gomodel.bench.harness;

import java.util.HashMap;
import java.util.Map;

/**
 * A worker's command line: which client, where the stub is, what a whole answer looks like,
 * and how long each scenario warms up and measures. Immutable.
 */
record WorkerSettings(
        String client,
        String baseUrl,
        int createChars,
        int streamChunks,
        int streamChars,
        long latencyWarmupMillis,
        int latencyCalls,
        long streamWarmupMillis,
        int streams,
        int threads,
        long throughputWarmupMillis,
        long throughputMillis) {

    /** Parses {@code key=value} arguments; every key is required. */
    static WorkerSettings parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("expected key=value, got " + arg);
            }
            values.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return new WorkerSettings(
                required(values, "client"),
                required(values, "baseUrl"),
                Integer.parseInt(required(values, "createChars")),
                Integer.parseInt(required(values, "streamChunks")),
                Integer.parseInt(required(values, "streamChars")),
                Long.parseLong(required(values, "latencyWarmupMillis")),
                Integer.parseInt(required(values, "latencyCalls")),
                Long.parseLong(required(values, "streamWarmupMillis")),
                Integer.parseInt(required(values, "streams")),
                Integer.parseInt(required(values, "threads")),
                Long.parseLong(required(values, "throughputWarmupMillis")),
                Long.parseLong(required(values, "throughputMillis")));
    }

    private static String required(Map<String, String> values, String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing argument " + key + "=...");
        }
        return value;
    }
}
