package dev.gomodel.providers.http;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A body subscriber that marks its thread, while each of its signals runs, as running a JDK
 * client's callback. A client built by {@link HttpTransport} calls its body subscribers on its
 * I/O thread, and whatever they call (a stream's subscriber, say) may close the provider:
 * closing a client waits for that thread to end, which the thread itself can never see, so
 * {@link HttpTransport#close()} asks {@link #isRunning()} first.
 *
 * <p>Thread-safe as the subscriber it wraps: the marks are per thread.
 */
final class ClientCallbacks<T> implements HttpResponse.BodySubscriber<T> {

    private static final ThreadLocal<Boolean> RUNNING = new ThreadLocal<>();

    private final HttpResponse.BodySubscriber<T> subscriber;

    private ClientCallbacks(HttpResponse.BodySubscriber<T> subscriber) {
        this.subscriber = subscriber;
    }

    /** {@code subscriber}, with its signals marked. */
    static <T> HttpResponse.BodySubscriber<T> marking(HttpResponse.BodySubscriber<T> subscriber) {
        return new ClientCallbacks<>(subscriber);
    }

    /** Whether the calling thread is inside a marked body subscriber's signal. */
    static boolean isRunning() {
        return RUNNING.get() != null;
    }

    @Override
    public CompletionStage<T> getBody() {
        return subscriber.getBody();
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        boolean outer = enter();
        try {
            subscriber.onSubscribe(subscription);
        } finally {
            exit(outer);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        boolean outer = enter();
        try {
            subscriber.onNext(item);
        } finally {
            exit(outer);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        boolean outer = enter();
        try {
            subscriber.onError(throwable);
        } finally {
            exit(outer);
        }
    }

    @Override
    public void onComplete() {
        boolean outer = enter();
        try {
            subscriber.onComplete();
        } finally {
            exit(outer);
        }
    }

    /** Marks this thread; returns whether it already was, so that signals may nest. */
    private static boolean enter() {
        boolean outer = isRunning();
        if (!outer) {
            RUNNING.set(Boolean.TRUE);
        }
        return outer;
    }

    private static void exit(boolean outer) {
        if (!outer) {
            RUNNING.remove();
        }
    }
}
