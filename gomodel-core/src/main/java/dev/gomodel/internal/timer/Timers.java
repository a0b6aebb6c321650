package dev.gomodel.internal.timer;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one timer thread behind every timeout, deadline and retry wait of the library, shared by
 * the router and all providers. Its tasks only flip state, cancel exchanges or start the next
 * attempt asynchronously, so one daemon thread serves any number of open calls; cancelled tasks
 * are removed at once so finished calls leave nothing behind.
 */
public final class Timers {

    /**
     * The longest delay a timer takes, about 292 years (the most nanoseconds a {@code long}
     * holds): every time limit is checked against it when it is configured.
     */
    public static final Duration LONGEST = Duration.ofNanos(Long.MAX_VALUE);

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

    public static ScheduledFuture<?> schedule(Duration delay, Runnable task) {
        return EXECUTOR.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    }

    public static ScheduledFuture<?> scheduleNanos(long delayNanos, Runnable task) {
        return EXECUTOR.schedule(task, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    }

    /** How many tasks wait to run; a finished call leaves none behind (tests check this). */
    public static int pending() {
        return EXECUTOR.getQueue().size();
    }
}
