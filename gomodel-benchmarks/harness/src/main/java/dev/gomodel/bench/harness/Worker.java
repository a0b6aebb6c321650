package dev.gomodel.bench.harness;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * One client's JVM in the end-to-end benchmark. Each client module's {@code main} calls
 * {@link #run}; the runner starts that {@code main} in a fresh JVM per repeat, with only the
 * client's own jars on the class path, and reads the {@code RESULT <figure> <value>} lines it
 * prints.
 *
 * <p>In order, in one JVM: cold start (JVM start to the first completed call, client
 * construction included), sequential latency and the bytes allocated per call, one long stream
 * at a time (chunks per second, time to first chunk, bytes per chunk), then throughput from
 * many threads. Each measured scenario warms up first. Every answer is checked to be whole
 * (content length, number of chunks), so no client can skip work; any failure ends the JVM
 * with status 1. Last it prints {@code CALLS <n>}, the calls it completed, which the runner
 * compares with the requests the stub served to reveal requests a library sent again.
 */
public final class Worker {

    private final WorkerSettings settings;
    private final BenchClient client;
    private final Allocations allocations = new Allocations();
    /** Calls completed and checked, warm-ups included. */
    private final LongAdder completed = new LongAdder();

    private Worker(WorkerSettings settings, BenchClient client) {
        this.settings = settings;
        this.client = client;
    }

    /**
     * Runs every scenario with the client named by the {@code client=} argument.
     *
     * @param clients the clients this module offers, by name
     */
    public static void run(String[] args, Map<String, BenchClient.Factory> clients) {
        try {
            WorkerSettings settings = WorkerSettings.parse(args);
            BenchClient.Factory factory = clients.get(settings.client());
            if (factory == null) {
                throw new IllegalArgumentException("no client " + settings.client() + " here; have " + clients.keySet());
            }
            BenchClient client = factory.open(BenchConfig.forStub(settings.baseUrl()));
            String first = client.create();
            long firstDone = System.currentTimeMillis();
            // Only now touch the management API, so its loading is not part of the cold start.
            long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
            Worker worker = new Worker(settings, client);
            worker.checkCreate(first);
            result(Figure.COLD_START, firstDone - jvmStart);
            worker.latency();
            worker.streaming();
            worker.throughput();
            client.close();
            System.out.println("CALLS " + worker.completed.sum());
        } catch (Throwable e) {
            System.err.println("worker failed:");
            e.printStackTrace();
            System.out.flush();
            System.exit(1);
        }
        System.out.flush();
        // Some libraries keep non-daemon threads (connection pools, schedulers) after close.
        System.exit(0);
    }

    private void latency() throws Exception {
        long end = System.nanoTime() + settings.latencyWarmupMillis() * 1_000_000;
        while (System.nanoTime() < end) {
            checkCreate(client.create());
        }
        long[] nanos = new long[settings.latencyCalls()];
        long allocatedBefore = allocations.total();
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            String text = client.create();
            nanos[i] = System.nanoTime() - start;
            checkCreate(text);
        }
        long allocated = allocations.total() - allocatedBefore;
        Arrays.sort(nanos);
        result(Figure.LATENCY_P50, percentile(nanos, 0.50) / 1_000.0);
        result(Figure.LATENCY_P99, percentile(nanos, 0.99) / 1_000.0);
        result(Figure.ALLOC_CALL, allocated / (double) nanos.length / 1_000.0);
    }

    private void streaming() throws Exception {
        CountingSink sink = new CountingSink();
        long end = System.nanoTime() + settings.streamWarmupMillis() * 1_000_000;
        while (System.nanoTime() < end) {
            sink.reset();
            client.stream(sink);
            checkStream(sink);
        }
        int streams = settings.streams();
        double[] chunksPerSecond = new double[streams];
        double[] firstChunkMicros = new double[streams];
        long chunks = 0;
        long allocatedBefore = allocations.total();
        for (int i = 0; i < streams; i++) {
            sink.reset();
            long start = System.nanoTime();
            client.stream(sink);
            long elapsed = System.nanoTime() - start;
            checkStream(sink);
            chunks += sink.chunks;
            chunksPerSecond[i] = sink.chunks * 1e9 / elapsed;
            firstChunkMicros[i] = (sink.firstNanos - start) / 1_000.0;
        }
        long allocated = allocations.total() - allocatedBefore;
        result(Figure.STREAM_CHUNKS, median(chunksPerSecond));
        result(Figure.STREAM_FIRST, median(firstChunkMicros));
        result(Figure.ALLOC_CHUNK, allocated / (double) chunks);
    }

    private void throughput() throws Exception {
        LongAdder calls = new LongAdder();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread[] threads = new Thread[settings.threads()];
        StopFlag stop = new StopFlag();
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(() -> {
                try {
                    while (!stop.stopped) {
                        checkCreate(client.create());
                        calls.increment();
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "bench-load-" + i);
            threads[i].start();
        }
        Thread.sleep(settings.throughputWarmupMillis());
        long callsBefore = calls.sum();
        long start = System.nanoTime();
        Thread.sleep(settings.throughputMillis());
        long done = calls.sum() - callsBefore;
        long elapsed = System.nanoTime() - start;
        stop.stopped = true;
        for (Thread thread : threads) {
            thread.join(60_000);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a throughput thread failed", failure.get());
        }
        result(Figure.THROUGHPUT, done * 1e9 / elapsed);
    }

    private void checkCreate(String text) {
        if (text == null || text.length() != settings.createChars()) {
            throw new IllegalStateException("expected content of " + settings.createChars() + " chars, got "
                    + (text == null ? "null" : text.length() + " chars"));
        }
        completed.increment();
    }

    private void checkStream(CountingSink sink) {
        if (sink.chunks != settings.streamChunks() || sink.chars != settings.streamChars()) {
            throw new IllegalStateException("expected " + settings.streamChunks() + " content chunks of "
                    + settings.streamChars() + " chars in all, got " + sink.chunks + " of " + sink.chars);
        }
        completed.increment();
    }

    /** The nearest-rank percentile of sorted values. */
    private static long percentile(long[] sorted, double quantile) {
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static void result(Figure figure, double value) {
        System.out.println(String.format(Locale.ROOT, "RESULT %s %.3f", figure.key(), value));
    }

    /** Counts the deltas of one stream and when the first came; reused, so measuring allocates nothing. */
    private static final class CountingSink implements BenchClient.ContentSink {
        int chunks;
        long chars;
        long firstNanos;

        @Override
        public void accept(String delta) {
            if (chunks++ == 0) {
                firstNanos = System.nanoTime();
            }
            chars += delta.length();
        }

        void reset() {
            chunks = 0;
            chars = 0;
            firstNanos = 0;
        }
    }

    private static final class StopFlag {
        volatile boolean stopped;
    }

    /** The calls a worker's output says it completed, or -1 when it did not get that far. */
    public static long parseCalls(List<String> lines) {
        for (String line : lines) {
            if (line.startsWith("CALLS ")) {
                return Long.parseLong(line.substring(6).trim());
            }
        }
        return -1;
    }

    /** The figures a worker's output reports, by key; lines that are not results are ignored. */
    public static Map<Figure, Double> parseResults(List<String> lines) {
        Map<Figure, Double> results = new EnumMap<>(Figure.class);
        for (String line : lines) {
            if (line.startsWith("RESULT ")) {
                String[] parts = line.split(" ");
                results.put(Figure.ofKey(parts[1]), Double.parseDouble(parts[2]));
            }
        }
        return results;
    }
}
