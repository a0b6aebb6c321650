package dev.gomodel.testing;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.function.LongFunction;
import org.reactivestreams.FlowAdapters;
import org.reactivestreams.example.unicast.AsyncIterablePublisher;
import org.reactivestreams.tck.TestEnvironment;

/**
 * What the Reactive Streams TCK verifications of core and providers share: one test environment and
 * a cold upstream that keeps the Flow contract on its own, so that a rule the TCK finds broken
 * is broken by the publisher under test.
 */
public final class Tck {

    /**
     * How long the TCK waits for a signal it expects: generous for a loaded two-core machine
     * (500 ms once failed a first HTTP element there). A correct publisher signals at once, so
     * the wait costs nothing then.
     */
    public static final long TIMEOUT_MILLIS = 2_000;

    /**
     * How long the TCK watches for a signal that must not come. Far shorter than the timeout:
     * these publishers signal within a millisecond or two of the call that causes it, so a
     * wrong signal shows well within the window, and the TCK sits through the window dozens of
     * times per class. A shorter window can miss a violation but never fails a correct publisher.
     */
    public static final long NO_SIGNALS_TIMEOUT_MILLIS = 50;

    /** How often the TCK looks again while it waits for an expected error. */
    public static final long POLL_MILLIS = 20;

    /** How long the TCK waits before it checks that a cancelled subscriber was let go (rule 3.13). */
    public static final long GC_TIMEOUT_MILLIS = 300;

    /**
     * How many elements every verified publisher says it can stream: the TCK's rule 3.17
     * overflow test asks for {@link Integer#MAX_VALUE} (and reads a dozen before it cancels);
     * a lower bound would skip it.
     */
    public static final long MAX_ELEMENTS = Integer.MAX_VALUE;

    private Tck() {
    }

    public static TestEnvironment environment() {
        return new TestEnvironment(TIMEOUT_MILLIS, NO_SIGNALS_TIMEOUT_MILLIS, POLL_MILLIS);
    }

    /** Daemon threads for upstreams that signal asynchronously; shut it down after the class. */
    public static ExecutorService threads(String name) {
        return Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * A cold publisher of {@code count} items made as they are requested (so a huge count
     * costs nothing), signalled on {@code executor}: the Reactive Streams reference
     * implementation, {@link AsyncIterablePublisher}, which passes the TCK itself.
     */
    public static <T> Flow.Publisher<T> upstream(long count, LongFunction<T> item, ExecutorService executor) {
        Iterable<T> items = () -> new Iterator<>() {
            private long next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public T next() {
                if (next >= count) {
                    throw new NoSuchElementException();
                }
                return item.apply(next++);
            }
        };
        return FlowAdapters.toFlowPublisher(new AsyncIterablePublisher<>(items, executor));
    }
}
