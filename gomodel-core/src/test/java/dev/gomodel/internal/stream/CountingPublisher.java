package dev.gomodel.internal.stream;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A cold publisher of the numbers {@code 0 .. count-1} whose subscription is a
 * {@link SerialEmitter}, fed as the stream owners feed it: the source is asked to
 * {@linkplain SerialEmitter.Source#pull pull}, makes the next {@value #BATCH} numbers (as one
 * HTTP buffer can carry several events), on the pulling thread or on {@code producer} (as a
 * body arrives on the HTTP client's thread), offers them and drains. So the emitter holds
 * more than was asked for, and only it keeps delivery within demand.
 */
final class CountingPublisher implements Flow.Publisher<Long> {

    static final int BATCH = 3;

    private final long count;
    private final Executor producer;
    private final boolean emit;

    /**
     * @param producer where numbers are made, or {@code null} to make them synchronously inside
     *     the drain loop that asked for them
     */
    CountingPublisher(long count, Executor producer) {
        this(count, producer, false);
    }

    /**
     * @param emit whether each number is handed over with {@link SerialEmitter#emit} (as a routed
     *     stream does) instead of {@link SerialEmitter#offer}, with one drain after the batch
     */
    CountingPublisher(long count, Executor producer, boolean emit) {
        this.count = count;
        this.producer = producer;
        this.emit = emit;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super Long> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        Counter counter = new Counter();
        SerialEmitter<Long> emitter = new SerialEmitter<>(subscriber, counter);
        counter.emitter = emitter;
        subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                emitter.request(n);
            }

            @Override
            public void cancel() {
                emitter.cancel();
            }
        });
    }

    private final class Counter implements SerialEmitter.Source {
        private final AtomicBoolean producing = new AtomicBoolean();
        private volatile SerialEmitter<Long> emitter;
        private volatile long next;

        @Override
        public Throwable failure(long delivered) {
            return null;
        }

        @Override
        public boolean completed() {
            return next == count;
        }

        @Override
        public void pull() {
            if (next < count && producing.compareAndSet(false, true)) {
                if (producer == null) {
                    produce();
                } else {
                    producer.execute(this::produce);
                }
            }
        }

        private void produce() {
            long end = Math.min(count, next + BATCH);
            while (next < end) {
                // Offered before it is counted: the emitter asks completed() only with an empty queue.
                if (emit) {
                    emitter.emit(next);
                } else {
                    emitter.offer(next);
                }
                next++;
            }
            producing.set(false);
            emitter.drain();
        }

        @Override
        public void ended(Throwable error, boolean cancelled) {
        }
    }
}
