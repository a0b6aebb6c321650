package dev.gomodel.benchmarks.jmh;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarizes a recording made with {@code -prof jfr}: where the benchmark threads allocate, by
 * class and by allocation site, and where they spend CPU (execution samples, by the method on
 * top and by the nearest {@code dev.gomodel} method). Only JMH worker threads count, so setup
 * and the harness stay out. Shares are of the total; multiply an allocation share by
 * {@code -prof gc}'s {@code gc.alloc.rate.norm} for bytes per operation.
 *
 * <p>Allocations come from {@code jdk.ObjectAllocationSample} (the default: sampled at TLAB
 * refills, which in a tight benchmark loop can alias onto whichever object happens to cross the
 * buffer's end, so read its shares with suspicion) or, exact, from
 * {@code jdk.ObjectAllocationOutsideTLAB} with {@code allocations.jfc} and {@code -XX:-UseTLAB}
 * (see README.md, "Profiling").
 *
 * <pre>{@code
 * java -cp target/benchmarks.jar dev.gomodel.benchmarks.jmh.JfrTop path/to/profile.jfr [top]
 * }</pre>
 *
 * A command-line tool: not thread-safe, not part of any benchmark.
 */
public final class JfrTop {

    private static final String OURS = "dev.gomodel.";

    private final Map<String, Long> bytesByClass = new HashMap<>();
    private final Map<String, Long> bytesBySite = new HashMap<>();
    private final Map<String, Long> objectsByClass = new HashMap<>();
    private final Map<String, Long> objectsBySite = new HashMap<>();
    private final Map<String, Long> bytesByOurs = new HashMap<>();
    private final Map<String, Long> objectsByOurs = new HashMap<>();
    private final Map<String, Long> cpuBySelf = new HashMap<>();
    private final Map<String, Long> cpuByOurs = new HashMap<>();
    private long bytes;
    private long cpuSamples;

    private JfrTop() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: JfrTop <recording.jfr> [top]");
            System.exit(2);
        }
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        JfrTop summary = new JfrTop();
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            summary.add(event);
        }
        summary.print(top);
    }

    private void add(RecordedEvent event) {
        String type = event.getEventType().getName();
        if (!isWorker(event) || event.getStackTrace() == null) {
            return;
        }
        List<RecordedFrame> frames = event.getStackTrace().getFrames();
        if (frames.isEmpty()) {
            return;
        }
        boolean sampled = type.equals("jdk.ObjectAllocationSample");
        if (sampled || type.equals("jdk.ObjectAllocationOutsideTLAB")) {
            long weight = sampled ? event.getLong("weight") : event.getLong("allocationSize");
            String allocated = event.getClass("objectClass").getName();
            bytes += weight;
            String site = allocated + "  at " + site(event.getStackTrace());
            bytesByClass.merge(allocated, weight, Long::sum);
            bytesBySite.merge(site, weight, Long::sum);
            objectsByClass.merge(allocated, 1L, Long::sum);
            objectsBySite.merge(site, 1L, Long::sum);
            String ours = nearestOurs(frames).replaceFirst(":-?\\d+$", "");
            bytesByOurs.merge(ours, weight, Long::sum);
            objectsByOurs.merge(ours, 1L, Long::sum);
        } else if (type.equals("jdk.ExecutionSample")) {
            cpuSamples++;
            cpuBySelf.merge(method(frames.get(0)), 1L, Long::sum);
            cpuByOurs.merge(nearestOurs(frames), 1L, Long::sum);
        }
    }

    private static boolean isWorker(RecordedEvent event) {
        RecordedThread thread = event.hasField("eventThread") ? event.getThread("eventThread") : null;
        if (thread == null && event.hasField("sampledThread")) {
            thread = event.getThread("sampledThread");
        }
        return thread != null && thread.getJavaName() != null && thread.getJavaName().contains("jmh-worker");
    }

    /** The top frame, and the nearest frame of ours when the top is the JDK's or Jackson's. */
    private static String site(RecordedStackTrace stack) {
        List<RecordedFrame> frames = stack.getFrames();
        String first = frame(frames.get(0));
        String ours = nearestOurs(frames);
        if (ours.equals(first)) {
            return first;
        }
        return first + "  <-  " + ours;
    }

    /** The nearest library frame; else the nearest benchmark frame (what the benchmark does itself). */
    private static String nearestOurs(List<RecordedFrame> frames) {
        String benchmark = null;
        for (RecordedFrame frame : frames) {
            String method = method(frame);
            if (!method.startsWith(OURS) || method.contains(".jmh_generated.")) {
                continue;
            }
            if (!method.contains("Benchmark") && !method.startsWith(OURS + "benchmarks.")) {
                return frame(frame);
            }
            if (benchmark == null) {
                benchmark = frame(frame);
            }
        }
        return benchmark != null ? benchmark : "(no dev.gomodel frame)";
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static String frame(RecordedFrame frame) {
        return method(frame) + ":" + frame.getLineNumber();
    }

    private void print(int top) {
        System.out.printf("allocations (jmh-worker threads): %,d bytes%n", bytes);
        printShares("bytes by class (share, events)", bytesByClass, objectsByClass, bytes, top);
        printShares("bytes by nearest dev.gomodel method (share, events)", bytesByOurs, objectsByOurs, bytes, top);
        printShares("bytes by site (share, events; class  at  top frame  <-  nearest dev.gomodel frame)", bytesBySite,
                objectsBySite, bytes, top);
        System.out.printf("%nexecution samples (jmh-worker threads): %,d%n", cpuSamples);
        printShares("CPU by top frame", cpuBySelf, null, cpuSamples, top);
        printShares("CPU by nearest dev.gomodel frame", cpuByOurs, null, cpuSamples, top);
    }

    private static void printShares(String title, Map<String, Long> counts, Map<String, Long> events, long total,
            int top) {
        System.out.printf("%n-- %s%n", title);
        if (total == 0) {
            System.out.println("   (none)");
            return;
        }
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(top)
                .forEach(entry -> System.out.printf("%6.1f%%  %s%s%n", 100.0 * entry.getValue() / total,
                        events == null ? "" : String.format("%,10d  ", events.get(entry.getKey())), entry.getKey()));
    }
}
