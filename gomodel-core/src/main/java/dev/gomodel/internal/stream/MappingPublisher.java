package dev.gomodel.internal.stream;

import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.function.Function;

/**
 * Applies a function to every item of an upstream publisher. Demand, cancellation and terminal
 * signals pass through unchanged; the function must not throw.
 */
public final class MappingPublisher<T, R> implements Flow.Publisher<R> {

    private final Flow.Publisher<T> upstream;
    private final Function<? super T, ? extends R> mapper;

    public MappingPublisher(Flow.Publisher<T> upstream, Function<? super T, ? extends R> mapper) {
        this.upstream = Objects.requireNonNull(upstream, "upstream");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    @Override
    public void subscribe(Flow.Subscriber<? super R> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        upstream.subscribe(new Flow.Subscriber<T>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscriber.onSubscribe(subscription);
            }

            @Override
            public void onNext(T item) {
                subscriber.onNext(mapper.apply(item));
            }

            @Override
            public void onError(Throwable throwable) {
                subscriber.onError(throwable);
            }

            @Override
            public void onComplete() {
                subscriber.onComplete();
            }
        });
    }
}
