package dev.gomodel.internal.stream;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The delivery half of a publisher: a queue of items, the subscriber's demand, and one drain
 * loop (guarded by {@code wip}) through which every signal to the subscriber passes, so signals
 * are serial whichever thread produces items, requests or cancels. The {@link Source} that owns
 * the stream says how it ends and is asked for more only when the queue is empty and the
 * subscriber wants more, so a slow subscriber slows the upstream instead of filling memory.
 *
 * <p>Ordering: an end (error or completion) is signalled only once every queued item has been
 * delivered, so nothing received is dropped. {@code cancel()} stops delivery at once. An
 * exception thrown by the subscriber's {@code onNext} is treated as a cancellation (Flow rule
 * 2.13) and logged; the subscriber gets no further signal. A non-positive {@code request(n)}
 * breaks the subscriber's side of the contract: the stream is cancelled at once, queued items
 * are dropped, and the subscriber gets the {@link IllegalArgumentException} (rule 3.9).
 */
public final class SerialEmitter<T> {

    private static final System.Logger LOG = System.getLogger(SerialEmitter.class.getName());

    /** The owner of the stream, asked from inside the drain loop. */
    public interface Source {
        /**
         * The error the stream ends with, or {@code null} while it has none; asked only when
         * nothing is queued.
         *
         * @param delivered how many items the subscriber received
         */
        Throwable failure(long delivered);

        /** Whether the stream completed; asked only when nothing is queued and there is no failure. */
        boolean completed();

        /** Nothing is queued and the subscriber wants more: ask the upstream for more. */
        void pull();

        /**
         * The stream ended; called once, before the terminal signal if there is one.
         *
         * @param error the error about to be signalled, or {@code null} on completion or cancellation
         * @param cancelled whether the subscriber ended it, so the upstream must be stopped: by
         *     cancelling, by throwing from {@code onNext}, or by a non-positive request (then
         *     {@code error} is the {@link IllegalArgumentException} about to be signalled)
         */
        void ended(Throwable error, boolean cancelled);
    }

    /** Used and cleared only inside the drain loop; {@code null} once the stream ended (rule 3.13). */
    private volatile Flow.Subscriber<? super T> downstream;
    private final Source source;
    private final Queue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong demand = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    private volatile boolean cancelled;
    private volatile boolean terminated;
    private volatile IllegalArgumentException badRequest;
    private long delivered;

    public SerialEmitter(Flow.Subscriber<? super T> downstream, Source source) {
        this.downstream = downstream;
        this.source = source;
    }

    /** Queues an item for delivery; call {@link #drain()} after. */
    public void offer(T item) {
        if (!terminated && !cancelled) {
            queue.offer(item);
        }
    }

    /**
     * {@link #offer} and {@link #drain} in one: when no other thread is delivering, nothing is
     * queued and the subscriber wants an item, {@code item} goes to it at once without being
     * queued.
     */
    public void emit(T item) {
        if (wip.get() != 0 || !wip.compareAndSet(0, 1)) {
            offer(item);
            drain();
            return;
        }
        if (terminated) {
            return;
        }
        if (cancelled || badRequest != null || !queue.isEmpty() || demand.get() == 0) {
            queue.offer(item);
        } else {
            if (demand.get() != Long.MAX_VALUE) {
                demand.decrementAndGet();
            }
            delivered++;
            deliver(downstream, item);
        }
        drainLoop();
    }

    /** The subscriber's demand not met yet; {@link Long#MAX_VALUE} when it is unbounded. */
    public long requested() {
        return demand.get();
    }

    /** The subscription's {@code request}: adds demand, or ends the stream for non-positive demand (rule 3.9). */
    public void request(long n) {
        if (n <= 0) {
            badRequest = new IllegalArgumentException(
                    "request(" + n + "): non-positive subscription request (Reactive Streams rule 3.9)");
        } else {
            demand.getAndAccumulate(n, (now, add) -> now + add < 0 ? Long.MAX_VALUE : now + add);
        }
        drain();
    }

    /** The subscription's {@code cancel}: stops delivery; the source hears of it through {@link Source#ended}. */
    public void cancel() {
        cancelled = true;
        drain();
    }

    /** Whether the stream ended or was cancelled. */
    public boolean isDone() {
        return terminated || cancelled;
    }

    /** Whether the subscriber cancelled. */
    public boolean isCancelled() {
        return cancelled;
    }

    /** Delivers what it can and signals the end once everything queued is delivered. */
    public void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        drainLoop();
    }

    /** The drain loop, entered by the thread that took {@code wip} from 0 to 1. */
    private void drainLoop() {
        int missed = 1;
        while (true) {
            if (terminated) {
                return;
            }
            Flow.Subscriber<? super T> subscriber = downstream;
            if (cancelled) {
                end(null, true);
                return;
            }
            long requested = demand.get();
            long emitted = 0;
            while (emitted != requested && !cancelled && badRequest == null) {
                T item = queue.poll();
                if (item == null) {
                    break;
                }
                emitted++;
                delivered++;
                deliver(subscriber, item);
            }
            if (emitted > 0 && requested != Long.MAX_VALUE) {
                demand.addAndGet(-emitted);
            }
            if (cancelled) {
                end(null, true);
                return;
            }
            IllegalArgumentException misuse = badRequest;
            if (misuse != null) {
                end(misuse, true);
                subscriber.onError(misuse);
                return;
            }
            if (queue.isEmpty()) {
                Throwable error = source.failure(delivered);
                if (error != null) {
                    end(error, false);
                    subscriber.onError(error);
                    return;
                }
                if (source.completed()) {
                    end(null, false);
                    subscriber.onComplete();
                    return;
                }
                if (demand.get() > 0) {
                    source.pull();
                }
            }
            missed = wip.addAndGet(-missed);
            if (missed == 0) {
                return;
            }
        }
    }

    private void deliver(Flow.Subscriber<? super T> subscriber, T item) {
        try {
            subscriber.onNext(item);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "a stream subscriber threw from onNext; the stream is cancelled", e);
            cancelled = true;
        }
    }

    private void end(Throwable error, boolean byCancel) {
        terminated = true;
        // The upstream (an HTTP client, a routed attempt) may hold this emitter a while longer;
        // it must not keep the subscriber reachable.
        downstream = null;
        queue.clear();
        source.ended(error, byCancel);
    }
}
