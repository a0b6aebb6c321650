package dev.gomodel.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomodel.error.ConnectionException;
import dev.gomodel.testing.RecordingPublisher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

class PublishersTest {

    /** Records signals as lines and keeps the subscription for the test to drive. */
    private static final class Recorder<T> implements Flow.Subscriber<T> {
        final List<String> signals = new ArrayList<>();
        Flow.Subscription subscription;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            signals.add("subscribe");
        }

        @Override
        public void onNext(T item) {
            signals.add("next " + item);
        }

        @Override
        public void onError(Throwable throwable) {
            signals.add("error " + throwable.getMessage());
        }

        @Override
        public void onComplete() {
            signals.add("complete");
        }
    }

    @Test
    void mappingPublisherMapsEachItemAndPassesDemandThrough() {
        RecordingPublisher<Integer> upstream = RecordingPublisher.of(1, 2, 3);
        Recorder<String> recorder = new Recorder<>();

        new MappingPublisher<Integer, String>(upstream, i -> "#" + (i * 10)).subscribe(recorder);
        assertThat(recorder.signals).containsExactly("subscribe");
        recorder.subscription.request(2);
        assertThat(recorder.signals).containsExactly("subscribe", "next #10", "next #20");
        recorder.subscription.request(5);

        assertThat(recorder.signals).containsExactly("subscribe", "next #10", "next #20", "next #30", "complete");
        assertThat(upstream.requests()).containsExactly(2L, 5L);
    }

    @Test
    void mappingPublisherPassesCancelAndErrorThrough() {
        ConnectionException failure = new ConnectionException("reset", null, null);
        RecordingPublisher<Integer> upstream = RecordingPublisher.failing(failure, List.of(1));
        Recorder<Integer> recorder = new Recorder<>();

        new MappingPublisher<Integer, Integer>(upstream, i -> -i).subscribe(recorder);
        recorder.subscription.request(1);
        recorder.subscription.cancel();

        assertThat(recorder.signals).containsExactly("subscribe", "next -1", "error reset");
        assertThat(upstream.cancels()).isEqualTo(1);
    }

    @Test
    void mappingPublisherSubscribesUpstreamOncePerSubscriber() {
        RecordingPublisher<Integer> upstream = RecordingPublisher.of(1);

        MappingPublisher<Integer, Integer> mapped = new MappingPublisher<>(upstream, i -> i);
        mapped.subscribe(new Recorder<>());
        mapped.subscribe(new Recorder<>());

        assertThat(upstream.subscriptions()).isEqualTo(2);
        assertThatThrownBy(() -> mapped.subscribe(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void failedPublisherSignalsSubscribeThenTheErrorToEverySubscriber() {
        ConnectionException failure = new ConnectionException("refused", null, null);
        FailedPublisher<String> publisher = new FailedPublisher<>(failure);
        Recorder<String> first = new Recorder<>();
        Recorder<String> second = new Recorder<>();

        publisher.subscribe(first);
        publisher.subscribe(second);
        first.subscription.request(1);
        first.subscription.cancel();

        assertThat(first.signals).containsExactly("subscribe", "error refused");
        assertThat(second.signals).containsExactly("subscribe", "error refused");
        assertThatThrownBy(() -> new FailedPublisher<String>(null)).isInstanceOf(NullPointerException.class);
    }
}
