package dev.gomodel.internal.stream;

import java.util.Objects;
import java.util.concurrent.Flow;

/** A publisher that signals one error to each subscriber, after {@code onSubscribe}. */
public final class FailedPublisher<T> implements Flow.Publisher<T> {

    private final Throwable error;

    public FailedPublisher(Throwable error) {
        this.error = Objects.requireNonNull(error, "error");
    }

    @Override
    public void subscribe(Flow.Subscriber<? super T> subscriber) {
        subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
            }

            @Override
            public void cancel() {
            }
        });
        subscriber.onError(error);
    }
}
