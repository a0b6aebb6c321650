package dev.gomodel.providers.http;

import dev.gomodel.internal.timer.Timers;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.error.GoModelException;
import dev.gomodel.error.IncompleteStreamException;
import dev.gomodel.error.MalformedResponseException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One streamed call, and the {@link Flow.Subscription} its subscriber holds.
 *
 * <p>Body bytes are requested from the JDK client one buffer at a time and only while the
 * subscriber has unmet demand and no decoded chunk is waiting, so a slow subscriber slows the
 * read instead of filling memory, and no thread ever waits for either side. The SSE decoder and
 * the dialect run on the client's thread as buffers arrive; chunks go through a queue to one
 * drain loop (guarded by {@code wip}) that makes every signal to the subscriber serial.
 *
 * <p>Ending: {@code [DONE]} (or the dialect's equivalent) completes at once; the body ending
 * cleanly after a {@code finish_reason} completes; any other end of body fails with
 * {@link IncompleteStreamException}. A failure is signalled once, after every chunk that arrived
 * before it has been delivered (as the subscriber's demand allows): nothing received is dropped.
 * {@code cancel()} aborts the exchange and releases everything; no signal follows it.
 */
final class StreamExchange extends Exchange<Void> implements Flow.Subscription {

    private final Flow.Subscriber<? super ChatCompletionChunk> downstream;
    private final StreamDialect.Factory dialects;
    private final Queue<ChatCompletionChunk> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong demand = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private volatile boolean upstreamDone;
    private volatile boolean truncated;
    private volatile boolean cancelled;
    private volatile boolean terminated;
    private volatile boolean bodyRequested;
    private volatile boolean discarding;
    private volatile boolean readingErrorBody;
    private long delivered;

    StreamExchange(HttpTransport transport, HttpRequest request, StreamDialect.Factory dialects,
            Flow.Subscriber<? super ChatCompletionChunk> downstream) {
        super(transport, request);
        this.dialects = dialects;
        this.downstream = downstream;
    }

    // ---- the subscriber's side ----

    @Override
    public void request(long n) {
        if (n <= 0) {
            // Flow rule 3.9: non-positive demand is signalled as an IllegalArgumentException.
            failWith(new IllegalArgumentException("request(" + n + "): demand must be positive"));
            return;
        }
        demand.getAndAccumulate(n, (current, add) -> current + add < 0 ? Long.MAX_VALUE : current + add);
        drain();
    }

    @Override
    public void cancel() {
        if (!cancelled) {
            cancelled = true;
            abortExchange();
            drain();
        }
    }

    // ---- the HTTP side ----

    @Override
    HttpResponse.BodySubscriber<Void> bodySubscriber(HttpResponse.ResponseInfo info) {
        String type = info.headers().firstValue("content-type").orElse("");
        if (info.statusCode() / 100 != 2 || type.startsWith("application/json")) {
            return errorBody(info);
        }
        return new EventReader(dialects.newStream(provider(), info.headers()));
    }

    /** A non-2xx status, or a JSON body where a stream was expected: read it whole and fail with what it says. */
    private HttpResponse.BodySubscriber<Void> errorBody(HttpResponse.ResponseInfo info) {
        readingErrorBody = true;
        BodyCollector collector = new BodyCollector(HttpTransport.MAX_ERROR_BODY_BYTES, -1, null,
                subscription -> body = subscription, () -> lastActivityNanos = System.nanoTime());
        collector.getBody().whenComplete((bytes, error) -> {
            if (error != null) {
                fail(HttpFailures.duringBody(provider(), error));
            } else if (info.statusCode() / 100 != 2) {
                fail(ErrorResponses.fromResponse(provider(), info.statusCode(), info.headers(), bytes));
            } else {
                GoModelException inBody = ErrorResponses.fromErrorEvent(provider(), info.headers(), bytes);
                fail(inBody != null ? inBody : new MalformedResponseException(
                        "expected a text/event-stream for a streamed request, got application/json", provider(),
                        new String(bytes, StandardCharsets.UTF_8), null));
            }
        });
        return HttpResponse.BodySubscribers.mapping(collector, bytes -> null);
    }

    @Override
    void onResponse(HttpResponse<Void> response) {
        // The body is read by EventReader; nothing is left to do when the JDK hands over the response.
    }

    @Override
    boolean fail(GoModelException error) {
        return failWith(error);
    }

    private boolean failWith(RuntimeException error) {
        if (terminated || upstreamDone || !failure.compareAndSet(null, error)) {
            return false;
        }
        abortExchange();
        drain();
        return true;
    }

    @Override
    boolean isFinished() {
        return terminated || cancelled;
    }

    @Override
    boolean awaitingBody() {
        return bodyRequested || discarding || readingErrorBody;
    }

    /** Starts the exchange after the subscriber received this subscription. */
    void subscribed() {
        if (!cancelled) {
            start();
        }
    }

    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        while (true) {
            if (terminated) {
                return;
            }
            if (cancelled) {
                finish();
                return;
            }
            long requested = demand.get();
            long emitted = 0;
            while (emitted != requested && !cancelled) {
                ChatCompletionChunk chunk = queue.poll();
                if (chunk == null) {
                    break;
                }
                emitted++;
                delivered++;
                try {
                    downstream.onNext(chunk);
                } catch (RuntimeException e) {
                    // Flow rule 2.13: a subscriber that throws is treated as cancelled; it is told why once.
                    failure.compareAndSet(null, new GoModelException("the stream's subscriber threw from onNext: " + e,
                            provider(), e));
                    abortExchange();
                    queue.clear();
                    break;
                }
            }
            if (emitted > 0 && requested != Long.MAX_VALUE) {
                demand.addAndGet(-emitted);
            }
            if (cancelled) {
                finish();
                return;
            }
            RuntimeException error = failure.get();
            if (error == null && truncated) {
                error = new IncompleteStreamException(provider(), delivered);
            }
            if (error != null && queue.isEmpty()) {
                finish();
                downstream.onError(error);
                return;
            }
            if (upstreamDone && queue.isEmpty()) {
                finish();
                downstream.onComplete();
                return;
            }
            Flow.Subscription subscription = body;
            if (subscription != null && !readingErrorBody && queue.isEmpty() && demand.get() > 0 && !bodyRequested
                    && !upstreamDone && !truncated) {
                bodyRequested = true;
                lastActivityNanos = System.nanoTime();
                subscription.request(1);
            }
            missed = wip.addAndGet(-missed);
            if (missed == 0) {
                return;
            }
        }
    }

    private void finish() {
        terminated = true;
        queue.clear();
        release();
        if (discarding) {
            // After [DONE] the rest of the body is read only so the connection can be reused;
            // an upstream that never ends it loses the connection after one idle period.
            Timers.schedule(timeouts().idle(), () -> {
                Flow.Subscription subscription = body;
                if (discarding && subscription != null) {
                    subscription.cancel();
                }
            });
        }
    }

    /** Reads the event stream: decodes buffers to events and hands each to the dialect. */
    private final class EventReader implements HttpResponse.BodySubscriber<Void>, SseListener, StreamDialect.Sink {

        private final StreamDialect dialect;
        private final SseDecoder decoder = new SseDecoder(transport.maxEventBytes());
        private boolean finishSeen;

        EventReader(StreamDialect dialect) {
            this.dialect = dialect;
        }

        @Override
        public CompletionStage<Void> getBody() {
            return CompletableFuture.completedStage(null);
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            body = subscription;
            if (isFinished() || failure.get() != null) {
                subscription.cancel();
            } else {
                drain();
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            lastActivityNanos = System.nanoTime();
            if (discarding || failure.get() != null || cancelled) {
                return;
            }
            try {
                for (ByteBuffer buffer : buffers) {
                    decoder.decode(buffer, this);
                    if (upstreamDone) {
                        break;
                    }
                }
            } catch (SseDecoder.EventTooLargeException e) {
                fail(new MalformedResponseException(e.getMessage(), provider(), null, e));
            } catch (GoModelException e) {
                fail(e);
            } catch (RuntimeException e) {
                fail(new MalformedResponseException("could not read a stream event: " + e.getMessage(), provider(),
                        null, e));
            }
            bodyRequested = false;
            drain();
        }

        @Override
        public void onError(Throwable throwable) {
            if (!discarding) {
                fail(HttpFailures.duringBody(provider(), throwable));
            }
            discarding = false;
        }

        @Override
        public void onComplete() {
            discarding = false;
            if (upstreamDone || failure.get() != null || cancelled) {
                return;
            }
            try {
                boolean clean = decoder.finish(this);
                if (!upstreamDone) {
                    if (clean && finishSeen) {
                        upstreamDone = true;
                    } else {
                        truncated = true;
                    }
                }
            } catch (GoModelException e) {
                fail(e);
            } catch (RuntimeException e) {
                fail(new MalformedResponseException("could not read a stream event: " + e.getMessage(), provider(),
                        null, e));
            }
            drain();
        }

        // ---- SseListener ----

        @Override
        public void onEvent(SseEvent event) {
            if (!upstreamDone && failure.get() == null) {
                dialect.onEvent(event, this);
            }
        }

        // ---- StreamDialect.Sink ----

        @Override
        public void chunk(ChatCompletionChunk chunk) {
            if (chunk.finishReason() != null) {
                finishSeen = true;
            }
            queue.offer(chunk);
        }

        @Override
        public void done() {
            upstreamDone = true;
            // Read the rest of the body (normally just its end) so the connection can be reused.
            discarding = true;
            body.request(Long.MAX_VALUE);
        }

        @Override
        public void error(GoModelException error) {
            fail(error);
        }
    }
}
