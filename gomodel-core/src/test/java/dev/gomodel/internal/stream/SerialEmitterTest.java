package dev.gomodel.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

class SerialEmitterTest {

    /** A source whose answers the test sets, recording what it is asked. */
    static final class Source implements SerialEmitter.Source {
        Throwable failure;
        boolean completed;
        int pulls;
        final List<String> ended = new ArrayList<>();
        long deliveredAtFailure = -1;

        @Override
        public Throwable failure(long delivered) {
            if (failure != null) {
                deliveredAtFailure = delivered;
            }
            return failure;
        }

        @Override
        public boolean completed() {
            return completed;
        }

        @Override
        public void pull() {
            pulls++;
        }

        @Override
        public void ended(Throwable error, boolean cancelled) {
            ended.add((error == null ? "no error" : error.getMessage()) + (cancelled ? ", cancelled" : ""));
        }
    }

    /** Records signals; requests nothing by itself. */
    static final class Subscriber implements Flow.Subscriber<String> {
        final List<String> signals = new ArrayList<>();
        RuntimeException throwOnNext;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
        }

        @Override
        public void onNext(String item) {
            signals.add(item);
            if (throwOnNext != null) {
                throw throwOnNext;
            }
        }

        @Override
        public void onError(Throwable throwable) {
            signals.add("error: " + throwable.getMessage());
        }

        @Override
        public void onComplete() {
            signals.add("complete");
        }
    }

    final Source source = new Source();
    final Subscriber subscriber = new Subscriber();
    final SerialEmitter<String> emitter = new SerialEmitter<>(subscriber, source);

    @Test
    void deliversOnlyWhatWasRequestedAndPullsOnlyWhenEmptyWithDemand() {
        emitter.offer("a");
        emitter.offer("b");
        emitter.drain();
        assertThat(subscriber.signals).isEmpty();
        assertThat(source.pulls).isZero();

        emitter.request(1);
        assertThat(subscriber.signals).containsExactly("a");
        assertThat(source.pulls).isZero();

        emitter.request(2);
        assertThat(subscriber.signals).containsExactly("a", "b");
        assertThat(source.pulls).isEqualTo(1);
    }

    @Test
    void anErrorWaitsForEveryQueuedItemAndCountsThem() {
        emitter.offer("a");
        emitter.offer("b");
        source.failure = new IllegalStateException("broken");
        emitter.request(1);
        assertThat(subscriber.signals).containsExactly("a");

        emitter.request(1);

        assertThat(subscriber.signals).containsExactly("a", "b", "error: broken");
        assertThat(source.deliveredAtFailure).isEqualTo(2);
        assertThat(source.ended).containsExactly("broken");
        assertThat(emitter.isDone()).isTrue();
    }

    @Test
    void completionWaitsForTheQueueAndNeedsNoDemandOfItsOwn() {
        emitter.offer("a");
        source.completed = true;
        emitter.request(1);

        assertThat(subscriber.signals).containsExactly("a", "complete");
        assertThat(source.ended).containsExactly("no error");
    }

    @Test
    void nonPositiveDemandEndsTheStreamWithIllegalArgumentException() {
        emitter.request(0);

        assertThat(subscriber.signals).singleElement().asString().startsWith("error: request(0)");
    }

    @Test
    void nonPositiveDemandIsSignalledAtOnceEvenWithItemsQueuedAndStopsTheUpstream() {
        emitter.offer("a");
        emitter.drain();

        emitter.request(-1);

        assertThat(subscriber.signals).singleElement().asString().startsWith("error: request(-1)");
        assertThat(source.ended).singleElement().asString().startsWith("request(-1)").endsWith(", cancelled");
        emitter.request(1);
        assertThat(subscriber.signals).hasSize(1);
    }

    @Test
    void anEndedEmitterNoLongerHoldsItsSubscriber() throws InterruptedException {
        Subscriber cancelling = new Subscriber();
        WeakReference<Subscriber> reference = new WeakReference<>(cancelling);
        SerialEmitter<String> held = new SerialEmitter<>(cancelling, source);
        cancelling = null;

        held.cancel();

        for (int i = 0; i < 20 && reference.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertThat(reference.get()).isNull();
        assertThat(held.isDone()).isTrue();
    }

    @Test
    void cancelStopsDeliveryAndNothingFollows() {
        emitter.offer("a");
        emitter.cancel();
        emitter.request(5);
        source.completed = true;
        emitter.drain();

        assertThat(subscriber.signals).isEmpty();
        assertThat(source.ended).containsExactly("no error, cancelled");
        assertThat(emitter.isCancelled()).isTrue();
    }

    @Test
    void aSubscriberThatThrowsIsTreatedAsCancelled() {
        subscriber.throwOnNext = new IllegalStateException("subscriber bug");
        emitter.offer("a");
        emitter.offer("b");
        source.completed = true;

        emitter.request(5);

        assertThat(subscriber.signals).containsExactly("a");
        assertThat(source.ended).containsExactly("no error, cancelled");
    }

    @Test
    void emitDeliversAtOnceWhileThereIsDemandAndQueuesOtherwise() {
        emitter.request(1);
        assertThat(emitter.requested()).isEqualTo(1);

        emitter.emit("a");
        assertThat(subscriber.signals).containsExactly("a");
        assertThat(emitter.requested()).isZero();

        emitter.emit("b");
        assertThat(subscriber.signals).containsExactly("a");

        emitter.request(1);
        assertThat(subscriber.signals).containsExactly("a", "b");
    }

    @Test
    void emitGoesBehindWhatIsQueued() {
        emitter.offer("a");
        emitter.drain();

        emitter.emit("b");
        emitter.request(Long.MAX_VALUE);
        emitter.emit("c");

        assertThat(subscriber.signals).containsExactly("a", "b", "c");
        assertThat(emitter.requested()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void emitFromInsideOnNextKeepsTheOrder() {
        List<String> signals = new ArrayList<>();
        @SuppressWarnings("unchecked")
        SerialEmitter<String>[] self = new SerialEmitter[1];
        Flow.Subscriber<String> reentrant = new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
            }

            @Override
            public void onNext(String item) {
                signals.add(item);
                if (item.equals("a")) {
                    self[0].emit("b");
                    signals.add("after b");
                }
            }

            @Override
            public void onError(Throwable throwable) {
                signals.add("error");
            }

            @Override
            public void onComplete() {
                signals.add("complete");
            }
        };
        self[0] = new SerialEmitter<>(reentrant, source);
        self[0].request(5);

        self[0].emit("a");
        self[0].emit("c");

        assertThat(signals).containsExactly("a", "after b", "b", "c");
    }

    @Test
    void emitCountsTowardsTheFailuresCountAndEndsAfterIt() {
        emitter.request(2);
        emitter.emit("a");
        source.failure = new IllegalStateException("broken");

        emitter.emit("b");

        assertThat(subscriber.signals).containsExactly("a", "b", "error: broken");
        assertThat(source.deliveredAtFailure).isEqualTo(2);
        emitter.emit("c");
        assertThat(subscriber.signals).hasSize(3);
    }

    @Test
    void emitAfterCancelDeliversNothing() {
        emitter.request(5);
        emitter.cancel();

        emitter.emit("a");

        assertThat(subscriber.signals).isEmpty();
        assertThat(source.ended).containsExactly("no error, cancelled");
    }

    @Test
    void anEmittingSubscriberThatThrowsIsCancelled() {
        subscriber.throwOnNext = new IllegalStateException("oops");
        emitter.request(5);

        emitter.emit("a");
        emitter.emit("b");

        assertThat(subscriber.signals).containsExactly("a");
        assertThat(source.ended).containsExactly("no error, cancelled");
    }
}
