package dev.gomodel.providers.http;

import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that start a provider's asynchronous calls: daemon threads named
 * {@code gomodel-http-<provider>-<n>}, made on demand and kept a minute when idle, owned by the
 * provider so that closing it ends them at once.
 *
 * <p>The JDK client a provider builds for itself runs its own tasks inline (see
 * {@link HttpTransport}), so starting an exchange (a DNS lookup, a connection, writing the
 * request) happens on whichever thread sends. A blocking {@code create} wants exactly that; an
 * asynchronous call or a stream must not make its caller wait, and starts here instead.
 *
 * <p>Thread-safe.
 */
final class HttpThreads implements Executor {

    private final ThreadPoolExecutor pool;

    HttpThreads(String provider) {
        AtomicInteger count = new AtomicInteger();
        pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "gomodel-http-" + provider + "-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** @throws java.util.concurrent.RejectedExecutionException once shut down */
    @Override
    public void execute(Runnable command) {
        pool.execute(command);
    }

    /** Lets running tasks finish, refuses new ones, and ends idle threads now. */
    void shutdown() {
        pool.shutdown();
    }
}
