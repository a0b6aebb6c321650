package dev.gomodel.providers.http;

import dev.gomodel.internal.timer.Timers;
import dev.gomodel.providers.Timeouts;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Enforces a transport's time limits for all its calls with one periodic check, instead of a
 * timer per call: scheduling and cancelling a timer for every call wakes the timer thread (and,
 * for the JDK's own request timeout, the client's selector thread) each time, a cost the
 * end-to-end benchmark shows in every call's latency. The check runs only while calls are in
 * flight, every tenth of the shortest limit (10 ms to 1 s), so a limit holds to within that
 * tick.
 *
 * <p>Thread-safe. At most one check is scheduled at a time: {@link #callStarted} schedules one
 * when none is, and a check that finds calls still in flight schedules the next.
 */
final class Watchdog {

    private static final long MIN_TICK_NANOS = Duration.ofMillis(10).toNanos();
    private static final long MAX_TICK_NANOS = Duration.ofSeconds(1).toNanos();

    private final Collection<Exchange<?>> calls;
    private final long tickNanos;
    private final AtomicBoolean scheduled = new AtomicBoolean();

    Watchdog(Collection<Exchange<?>> calls, Timeouts timeouts) {
        this.calls = calls;
        long shortest = Math.min(timeouts.idle().toNanos(), timeouts.responseHeaders().toNanos());
        if (timeouts.total() != null) {
            shortest = Math.min(shortest, timeouts.total().toNanos());
        }
        this.tickNanos = Math.max(MIN_TICK_NANOS, Math.min(MAX_TICK_NANOS, shortest / 10));
    }

    /** A call was added to the calls watched; makes sure a check is coming. */
    void callStarted() {
        if (scheduled.compareAndSet(false, true)) {
            Timers.scheduleNanos(tickNanos, this::check);
        }
    }

    private void check() {
        long now = System.nanoTime();
        for (Exchange<?> call : calls) {
            call.checkTime(now);
        }
        scheduled.set(false);
        if (!calls.isEmpty()) {
            callStarted();
        }
    }
}
