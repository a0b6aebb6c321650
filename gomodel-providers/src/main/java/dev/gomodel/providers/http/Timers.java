package dev.gomodel.providers.http;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one timer thread behind every call's timeouts, shared by all providers. Its tasks only
 * flip state and cancel exchanges, so one daemon thread serves any number of open streams;
 * cancelled tasks are removed at once so finished calls leave nothing behind.
 */
final class Timers {

    private static final ScheduledThreadPoolExecutor EXECUTOR = create();

    private Timers() {
    }

    private static ScheduledThreadPoolExecutor create() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "gomodel-timer");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    static ScheduledFuture<?> schedule(Duration delay, Runnable task) {
        return EXECUTOR.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    }

    static ScheduledFuture<?> scheduleNanos(long delayNanos, Runnable task) {
        return EXECUTOR.schedule(task, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    }
}
