package dev.gomodel.bench.harness;

/**
 * The figures the end-to-end benchmark reports, in table order, with how a worker names them
 * on its {@code RESULT} lines.
 */
public enum Figure {
    LATENCY_P50("latency_p50_us", "non-streaming latency p50, sequential", "µs", false),
    LATENCY_P99("latency_p99_us", "non-streaming latency p99, sequential", "µs", false),
    THROUGHPUT("throughput_per_s", "non-streaming throughput, 16 threads", "calls/s", true),
    STREAM_CHUNKS("stream_chunks_per_s", "streamed chunks per second", "chunks/s", true),
    STREAM_FIRST("stream_first_chunk_us", "stream: time to first chunk", "µs", false),
    ALLOC_CALL("alloc_per_call_kb", "bytes allocated per call", "KB", false),
    ALLOC_CHUNK("alloc_per_chunk_bytes", "bytes allocated per streamed chunk", "B", false),
    COLD_START("cold_start_ms", "JVM start to first completed call", "ms", false),
    JARS("runtime_jars", "runtime jars", "jars", false),
    JAR_MB("runtime_jar_mb", "runtime jars, total size", "MB", false),
    CONNECTIONS("connections", "connections opened per JVM run (info)", "conns", false);

    private final String key;
    private final String label;
    private final String unit;
    private final boolean higherIsBetter;

    Figure(String key, String label, String unit, boolean higherIsBetter) {
        this.key = key;
        this.label = label;
        this.unit = unit;
        this.higherIsBetter = higherIsBetter;
    }

    /** The name on a worker's {@code RESULT} line and in the CSV. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** The unit the value is shown in ({@code KB} is 1,000 bytes, {@code MB} 1,000,000). */
    public String unit() {
        return unit;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The figure a key names. */
    public static Figure ofKey(String key) {
        for (Figure figure : values()) {
            if (figure.key.equals(key)) {
                return figure;
            }
        }
        throw new IllegalArgumentException("unknown figure " + key);
    }
}
