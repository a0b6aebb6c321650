package dev.gomodel.providers.http;

import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of a JDK client that a provider built for itself: daemon threads named
 * {@code gomodel-http-<provider>-<n>}, made on demand and kept a minute when idle, like the
 * JDK's own default, but owned by the provider so that closing it ends them at once.
 *
 * <p>Thread-safe.
 */
final class HttpThreads implements Executor {

    private final ThreadPoolExecutor pool;
    private final ThreadLocal<Boolean> mine = ThreadLocal.withInitial(() -> false);

    HttpThreads(String provider) {
        AtomicInteger count = new AtomicInteger();
        pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                runnable -> {
                    Thread thread = new Thread(() -> {
                        mine.set(true);
                        runnable.run();
                    }, "gomodel-http-" + provider + "-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    @Override
    public void execute(Runnable command) {
        pool.execute(command);
    }

    /** Whether the calling thread is one of these. */
    boolean isCurrentThread() {
        return mine.get();
    }

    /** Lets running tasks finish, refuses new ones, and ends idle threads now. */
    void shutdown() {
        pool.shutdown();
    }
}
