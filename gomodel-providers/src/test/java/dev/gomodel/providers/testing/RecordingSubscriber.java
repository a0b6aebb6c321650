package dev.gomodel.providers.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A subscriber that records every signal and requests only what the test tells it to, and that
 * checks the Flow rules as it goes: one onSubscribe first, no signal after a terminal one, and
 * never more items than requested.
 */
public final class RecordingSubscriber<T> implements Flow.Subscriber<T> {

    public final List<T> items = new CopyOnWriteArrayList<>();
    public final List<String> violations = new CopyOnWriteArrayList<>();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final AtomicInteger terminalSignals = new AtomicInteger();
    private final long initialRequest;
    private volatile Flow.Subscription subscription;
    private volatile Throwable error;
    private volatile boolean completed;
    private long requested;

    public RecordingSubscriber(long initialRequest) {
        this.initialRequest = initialRequest;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        if (this.subscription != null) {
            violations.add("onSubscribe twice");
        }
        this.subscription = subscription;
        if (initialRequest > 0) {
            request(initialRequest);
        }
    }

    public synchronized void request(long n) {
        requested = requested + n < 0 ? Long.MAX_VALUE : requested + n;
        subscription.request(n);
    }

    public void cancel() {
        subscription.cancel();
    }

    @Override
    public void onNext(T item) {
        if (terminalSignals.get() > 0) {
            violations.add("onNext after terminal signal");
        }
        synchronized (this) {
            if (items.size() + 1 > requested) {
                violations.add("more items than requested: " + (items.size() + 1) + " > " + requested);
            }
        }
        items.add(item);
    }

    @Override
    public void onError(Throwable throwable) {
        if (terminalSignals.incrementAndGet() > 1) {
            violations.add("second terminal signal: " + throwable);
        }
        error = throwable;
        terminated.countDown();
    }

    @Override
    public void onComplete() {
        if (terminalSignals.incrementAndGet() > 1) {
            violations.add("second terminal signal: onComplete");
        }
        completed = true;
        terminated.countDown();
    }

    public boolean awaitTerminal(long timeout, TimeUnit unit) throws InterruptedException {
        return terminated.await(timeout, unit);
    }

    public Throwable error() {
        return error;
    }

    public boolean completed() {
        return completed;
    }

    public int terminalSignals() {
        return terminalSignals.get();
    }
}
