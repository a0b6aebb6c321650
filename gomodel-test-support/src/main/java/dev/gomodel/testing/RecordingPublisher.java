package dev.gomodel.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * A test publisher for one subscriber at a time that records the demand and cancellation it
 * receives. It emits its items synchronously as demand allows (trampolined, so a request from
 * inside {@code onNext} does not recurse), then the configured terminal signal: complete, an
 * error, or nothing ({@link #hanging}) so the test can drive the end itself with
 * {@link #subscriber()}.
 */
public final class RecordingPublisher<T> implements Flow.Publisher<T> {

    private final List<T> items;
    private final Throwable error;
    private final boolean terminate;
    private final List<Long> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile int cancels;
    private volatile int subscriptions;
    private volatile Flow.Subscriber<? super T> subscriber;
    private long demand;
    private int next;
    private boolean emitting;
    private boolean done;

    private RecordingPublisher(List<T> items, Throwable error, boolean terminate) {
        this.items = List.copyOf(items);
        this.error = error;
        this.terminate = terminate;
    }

    /** Emits {@code items} on demand, then completes. */
    @SafeVarargs
    public static <T> RecordingPublisher<T> of(T... items) {
        List<T> list = new ArrayList<>(items.length);
        for (T item : items) {
            list.add(item);
        }
        return new RecordingPublisher<>(list, null, true);
    }

    /** Emits {@code items} on demand, then completes. */
    public static <T> RecordingPublisher<T> of(List<T> items) {
        return new RecordingPublisher<>(items, null, true);
    }

    /** Emits {@code items} on demand, then signals {@code error}. */
    public static <T> RecordingPublisher<T> failing(Throwable error, List<T> items) {
        return new RecordingPublisher<>(items, error, true);
    }

    /** Emits {@code items} on demand and then signals nothing. */
    public static <T> RecordingPublisher<T> hanging(List<T> items) {
        return new RecordingPublisher<>(items, null, false);
    }

    @Override
    public void subscribe(Flow.Subscriber<? super T> subscriber) {
        this.subscriber = subscriber;
        subscriptions++;
        subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                requests.add(n);
                synchronized (RecordingPublisher.this) {
                    demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
                }
                drain();
            }

            @Override
            public void cancel() {
                cancels++;
                synchronized (RecordingPublisher.this) {
                    done = true;
                }
            }
        });
    }

    private void drain() {
        synchronized (this) {
            if (emitting) {
                return;
            }
            emitting = true;
        }
        while (true) {
            T item;
            synchronized (this) {
                if (done) {
                    emitting = false;
                    return;
                }
                if (next < items.size() && demand > 0) {
                    item = items.get(next++);
                    demand--;
                } else if (next == items.size() && terminate) {
                    done = true;
                    emitting = false;
                    item = null;
                } else {
                    // Deciding to stop and clearing the flag under one lock: a concurrent
                    // request() either sees the flag clear and drains itself, or was seen here.
                    emitting = false;
                    return;
                }
            }
            if (item == null) {
                if (error != null) {
                    subscriber.onError(error);
                } else {
                    subscriber.onComplete();
                }
                return;
            }
            subscriber.onNext(item);
        }
    }

    /** Every {@code request(n)} argument, in order. */
    public List<Long> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The sum of every {@code request(n)}, saturating at {@link Long#MAX_VALUE}. */
    public long totalRequested() {
        long total = 0;
        for (long n : requests()) {
            total = total + n < 0 ? Long.MAX_VALUE : total + n;
        }
        return total;
    }

    /** How many items were emitted so far. */
    public synchronized int emitted() {
        return next;
    }

    /** How many times {@code cancel()} was called. */
    public int cancels() {
        return cancels;
    }

    /** How many times a subscriber subscribed. */
    public int subscriptions() {
        return subscriptions;
    }

    /** The last subscriber, to signal it directly. */
    public Flow.Subscriber<? super T> subscriber() {
        return subscriber;
    }
}
