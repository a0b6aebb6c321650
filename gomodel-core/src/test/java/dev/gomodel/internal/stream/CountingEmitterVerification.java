package dev.gomodel.internal.stream;

import dev.gomodel.error.ConnectionException;
import dev.gomodel.testing.Tck;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Flow;
import org.reactivestreams.tck.flow.FlowPublisherVerification;
import org.testng.annotations.AfterClass;

/**
 * The Reactive Streams TCK run against a {@link SerialEmitter} fed by a {@link CountingPublisher};
 * the failed publisher is {@link FailedPublisher}.
 */
abstract class CountingEmitterVerification extends FlowPublisherVerification<Long> {

    private final ExecutorService producer;
    private final boolean emit;

    /** @param producer where numbers are made, or {@code null} for inside the drain loop */
    CountingEmitterVerification(ExecutorService producer) {
        this(producer, false);
    }

    /** @param emit whether numbers are handed over with {@code emit} instead of {@code offer} */
    CountingEmitterVerification(ExecutorService producer, boolean emit) {
        super(Tck.environment(), Tck.GC_TIMEOUT_MILLIS);
        this.producer = producer;
        this.emit = emit;
    }

    @Override
    public Flow.Publisher<Long> createFlowPublisher(long elements) {
        return new CountingPublisher(elements, producer, emit);
    }

    @Override
    public Flow.Publisher<Long> createFailedFlowPublisher() {
        return new FailedPublisher<>(new ConnectionException("connection refused", "tck", null));
    }

    @Override
    public long maxElementsFromPublisher() {
        return Tck.MAX_ELEMENTS;
    }

    @AfterClass(alwaysRun = true)
    public void stopProducer() {
        if (producer != null) {
            producer.shutdownNow();
        }
    }
}
