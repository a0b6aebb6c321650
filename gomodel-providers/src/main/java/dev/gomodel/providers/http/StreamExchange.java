package dev.gomodel.providers.http;

import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.error.GoModelException;
import dev.gomodel.error.IncompleteStreamException;
import dev.gomodel.error.MalformedResponseException;
import dev.gomodel.internal.stream.SerialEmitter;
import dev.gomodel.internal.timer.Timers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One streamed call, and the {@link Flow.Subscription} its subscriber holds.
 *
 * <p>Body bytes are requested from the JDK client one buffer at a time and only while the
 * subscriber has unmet demand and no decoded chunk is waiting, so a slow subscriber slows the
 * read instead of filling memory, and no thread ever waits for either side. The SSE decoder and
 * the dialect run on the client's thread as buffers arrive; chunks go through a
 * {@link SerialEmitter}, which makes every signal to the subscriber serial and hands a chunk
 * straight to a subscriber with demand, without queueing it.
 *
 * <p>Ending: {@code [DONE]} (or the dialect's equivalent) completes at once; the body ending
 * cleanly after a {@code finish_reason} completes; any other end of body fails with
 * {@link IncompleteStreamException}. A failure is signalled once, after every chunk that arrived
 * before it has been delivered (as the subscriber's demand allows): nothing received is dropped.
 * {@code cancel()} aborts the exchange and releases everything; no signal follows it.
 */
final class StreamExchange extends Exchange<Void> implements Flow.Subscription {

    private final StreamDialect.Factory dialects;
    private final SerialEmitter<ChatCompletionChunk> emitter;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private volatile boolean upstreamDone;
    private volatile boolean truncated;
    private volatile boolean bodyRequested;
    private volatile boolean discarding;
    private volatile boolean readingErrorBody;
    private volatile ScheduledFuture<?> discardTimer;

    StreamExchange(HttpTransport transport, HttpRequest request, StreamDialect.Factory dialects,
            Flow.Subscriber<? super ChatCompletionChunk> downstream) {
        super(transport, request);
        this.dialects = dialects;
        this.emitter = new SerialEmitter<>(downstream, new Delivery());
    }

    // ---- the subscriber's side ----

    @Override
    public void request(long n) {
        emitter.request(n);
    }

    @Override
    public void cancel() {
        // The emitter first: aborting the exchange may make the JDK report an error at once,
        // and a cancelled subscriber must not hear of it.
        emitter.cancel();
    }

    // ---- the HTTP side ----

    @Override
    HttpResponse.BodySubscriber<Void> bodySubscriber(HttpResponse.ResponseInfo info) {
        String type = info.headers().firstValue("content-type").orElse("").toLowerCase(Locale.ROOT);
        if (info.statusCode() / 100 == 2 && (type.isEmpty() || type.startsWith("text/event-stream"))) {
            return new EventReader(dialects.newStream(provider(), info.headers()));
        }
        return errorBody(info, type);
    }

    /**
     * A non-2xx status, or a 2xx body that is not an event stream (a JSON error, a proxy's HTML
     * page): read it, up to the error-body limit, and fail with what it says.
     */
    private HttpResponse.BodySubscriber<Void> errorBody(HttpResponse.ResponseInfo info, String type) {
        readingErrorBody = true;
        BodyCollector collector = new BodyCollector(HttpTransport.MAX_ERROR_BODY_BYTES, -1, null,
                subscription -> body = subscription, () -> lastActivityNanos = System.nanoTime());
        collector.getBody().whenComplete((bytes, error) -> {
            if (bytes != null) {
                transport.bodyLog().response(info.statusCode(), bytes);
            }
            if (error != null) {
                fail(HttpFailures.duringBody(provider(), error));
            } else if (info.statusCode() / 100 != 2) {
                fail(ErrorResponses.fromResponse(provider(), info.statusCode(), info.headers(), bytes));
            } else {
                GoModelException inBody = type.startsWith("application/json")
                        ? ErrorResponses.fromErrorEvent(provider(), info.headers(), bytes) : null;
                String what = BodySummary.of(type, bytes);
                fail(inBody != null ? inBody : new MalformedResponseException(
                        "expected a text/event-stream for a streamed request, got " + type
                                + (what == null ? "" : ": " + what), provider(),
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
        if (emitter.isDone() || upstreamDone || !failure.compareAndSet(null, error)) {
            return false;
        }
        abortExchange();
        emitter.drain();
        return true;
    }

    @Override
    boolean isFinished() {
        return emitter.isDone();
    }

    @Override
    boolean awaitingBody() {
        return bodyRequested || discarding || readingErrorBody;
    }

    /** Starts the exchange after the subscriber received this subscription. */
    void subscribed() {
        if (!emitter.isDone()) {
            start();
        }
    }

    /** How the emitter's questions are answered for an HTTP event stream. */
    private final class Delivery implements SerialEmitter.Source {
        @Override
        public Throwable failure(long delivered) {
            RuntimeException error = failure.get();
            return error == null && truncated ? new IncompleteStreamException(provider(), delivered) : error;
        }

        @Override
        public boolean completed() {
            return upstreamDone;
        }

        @Override
        public void pull() {
            Flow.Subscription subscription = body;
            if (subscription != null && !readingErrorBody && !bodyRequested && !upstreamDone && !truncated) {
                bodyRequested = true;
                lastActivityNanos = System.nanoTime();
                subscription.request(1);
            }
        }

        @Override
        public void ended(Throwable error, boolean cancelled) {
            if (cancelled) {
                abortExchange();
            }
            release();
            if (discarding) {
                // After [DONE] the rest of the body is read only so the connection can be reused;
                // an upstream that never ends it loses the connection after one idle period.
                ScheduledFuture<?> timer = Timers.schedule(timeouts().idle(), () -> {
                    Flow.Subscription subscription = body;
                    if (discarding && subscription != null) {
                        subscription.cancel();
                    }
                });
                discardTimer = timer;
                if (!discarding) {
                    timer.cancel(false);
                }
            }
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
                emitter.drain();
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            lastActivityNanos = System.nanoTime();
            if (discarding || failure.get() != null || emitter.isDone()) {
                return;
            }
            try {
                for (ByteBuffer buffer : buffers) {
                    decoder.decode(buffer, this);
                    if (upstreamDone || emitter.isDone()) {
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
            emitter.drain();
        }

        @Override
        public void onError(Throwable throwable) {
            if (!discarding) {
                fail(HttpFailures.duringBody(provider(), throwable));
            }
            discarded();
        }

        @Override
        public void onComplete() {
            discarded();
            if (upstreamDone || failure.get() != null || emitter.isDone()) {
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
            emitter.drain();
        }

        /** The body ended; if it was being discarded, that is done. */
        private void discarded() {
            discarding = false;
            ScheduledFuture<?> timer = discardTimer;
            if (timer != null) {
                timer.cancel(false);
            }
        }

        // ---- SseListener ----

        @Override
        public void onEvent(SseEvent event) {
            transport.bodyLog().event(event);
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
            emitter.emit(chunk);
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
