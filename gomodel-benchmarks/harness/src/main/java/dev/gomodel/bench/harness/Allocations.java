package dev.gomodel.bench.harness;

import java.lang.management.ManagementFactory;

/**
 * Heap bytes allocated by every thread of this JVM, as HotSpot counts them:
 * {@code com.sun.management.ThreadMXBean.getTotalThreadAllocatedBytes()}, which adds the
 * counts of live threads to what threads that already ended had allocated. So a batch's
 * figure includes the client's own threads (selector, executor, connection-pool threads),
 * threads that started or ended during the batch, and the measuring thread. Caveats: it also
 * counts the few bytes any other JVM thread allocates meanwhile (this harness allocates
 * nothing while it measures), the JIT may still change escape analysis during a batch, and it
 * counts heap only, not direct buffers.
 */
final class Allocations {

    private final com.sun.management.ThreadMXBean threads;

    Allocations() {
        threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        if (!threads.isThreadAllocatedMemorySupported()) {
            throw new IllegalStateException("this JVM does not count allocated bytes per thread");
        }
        threads.setThreadAllocatedMemoryEnabled(true);
    }

    /** Bytes allocated by all threads since the JVM started; differences between two calls are what counts. */
    long total() {
        return threads.getTotalThreadAllocatedBytes();
    }
}
