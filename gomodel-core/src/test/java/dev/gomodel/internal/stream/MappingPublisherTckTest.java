package dev.gomodel.internal.stream;

import dev.gomodel.error.ConnectionException;
import dev.gomodel.testing.Tck;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Flow;
import org.reactivestreams.tck.flow.FlowPublisherVerification;
import org.testng.annotations.AfterClass;

/**
 * The Reactive Streams TCK against {@link MappingPublisher} over the reference upstream, and
 * over a {@link FailedPublisher} for the failed-publisher rules.
 */
class MappingPublisherTckTest extends FlowPublisherVerification<String> {

    private final ExecutorService upstreamThreads = Tck.threads("tck-upstream");

    public MappingPublisherTckTest() {
        super(Tck.environment(), Tck.GC_TIMEOUT_MILLIS);
    }

    @Override
    public Flow.Publisher<String> createFlowPublisher(long elements) {
        return new MappingPublisher<Long, String>(Tck.upstream(elements, i -> i, upstreamThreads), i -> "#" + i);
    }

    @Override
    public Flow.Publisher<String> createFailedFlowPublisher() {
        return new MappingPublisher<Long, String>(
                new FailedPublisher<>(new ConnectionException("connection refused", "tck", null)), i -> "#" + i);
    }

    @Override
    public long maxElementsFromPublisher() {
        return Tck.MAX_ELEMENTS;
    }

    @AfterClass(alwaysRun = true)
    public void stopUpstream() {
        upstreamThreads.shutdownNow();
    }
}
