package dev.gomodel.providers.http;

import dev.gomodel.error.ConcurrencyLimitException;
import dev.gomodel.internal.timer.Timers;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A provider's view of its JDK client that holds each exchange until it may go: at most
 * {@code maxInFlight} exchanges of the provider at once, and over HTTP/2 no more streams to a
 * server than it accepts (see {@link StreamLimits}). An exchange beyond either waits, first come
 * first served, for one to end, up to {@code maxWait} in all, then fails with
 * {@link ConcurrencyLimitException}; one that the JDK refuses for too many streams (nothing was
 * sent) waits again ahead of the others. An exchange holds its slots until its response body
 * ends, fails or is cancelled. It is also where a compressed body is decoded, since every body
 * passes here on its way to the caller's handler.
 *
 * <p>Threads: a blocking {@link #send} waits on its caller's thread; an asynchronous one that
 * must wait holds no thread and continues on {@code starter} once it has its slots, since the
 * thread that frees a slot may be the JDK's I/O thread. The wait counts toward the call's
 * {@code responseHeaders} and {@code total} limits, which the transport's watchdog enforces.
 *
 * <p>Thread-safe.
 */
final class LimitedClient extends HttpClient {

    private static final CompletableFuture<Void> NOT_NEEDED = CompletableFuture.completedFuture(null);

    private final HttpClient delegate;
    private final String provider;
    private final int maxInFlight;
    private final Duration maxWait;
    private final SlotQueue calls;
    private final StreamLimits streams;
    private final Executor starter;

    /**
     * @param streams the HTTP/2 stream limits of {@code delegate}, shared by every provider using it
     * @param starter where an asynchronous exchange continues after waiting
     */
    LimitedClient(HttpClient delegate, String provider, int maxInFlight, Duration maxWait, StreamLimits streams,
            Executor starter) {
        this.delegate = delegate;
        this.provider = provider;
        this.maxInFlight = maxInFlight;
        this.maxWait = maxWait;
        this.calls = new SlotQueue(maxInFlight);
        this.streams = streams;
        this.starter = starter;
    }

    /** How many of the provider's exchanges hold a slot now. */
    int inFlight() {
        return calls.taken();
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        return new Call<>(request, handler).sendHere();
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        Call<T> call = new Call<>(request, handler);
        call.sendLater();
        return call.result;
    }

    /** Server push is never asked for; the handler is ignored. */
    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        return sendAsync(request, handler);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }

    /** One exchange through the limits: its slots, its waits, and its release. */
    private final class Call<T> {
        private final HttpRequest request;
        private final HttpResponse.BodyHandler<T> handler;
        private final CompletableFuture<HttpResponse<T>> result = new CompletableFuture<>();
        private final long deadline = System.nanoTime() + maxWait.toNanos();
        /** The server's streams, when the request goes over HTTP/2; else {@code null}. */
        private final SlotQueue stream;
        private final Held held;
        private final AtomicBoolean callHeld;
        private final AtomicBoolean streamHeld;
        /** What the JDK is given: it refers to the slots, never to this client (see {@link Held}). */
        private final HttpResponse.BodyHandler<T> releasing;
        private volatile CompletableFuture<HttpResponse<T>> pending;
        private volatile CompletableFuture<Void> waiting;

        Call(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
            this.request = request;
            this.handler = handler;
            this.stream = usesHttp2(request) ? streams.of(request.uri()) : null;
            this.held = new Held(calls, stream);
            this.callHeld = held.call;
            this.streamHeld = held.stream;
            this.releasing = new ReleasingHandler<>(handler, held, provider);
            // Cancelling the result (an aborted call) stops a wait or the JDK's exchange.
            result.whenComplete((response, failure) -> {
                if (failure != null) {
                    CompletableFuture<Void> wait = waiting;
                    if (wait != null && wait.cancel(false)) {
                        forget(wait);
                    }
                    CompletableFuture<HttpResponse<T>> exchange = pending;
                    if (exchange != null) {
                        exchange.cancel(true);
                    }
                    releaseAll();
                }
            });
        }

        // ---- blocking ----

        HttpResponse<T> sendHere() throws IOException, InterruptedException {
            awaitHere(calls, false, callHeld);
            boolean retried = false;
            while (true) {
                if (stream != null) {
                    awaitHere(stream, retried, streamHeld);
                }
                try {
                    return delegate.send(request, releasing);
                } catch (IOException e) {
                    if (stream == null || !HttpFailures.isStreamLimit(e)) {
                        releaseAll();
                        throw e;
                    }
                    refused();
                    retried = true;
                } catch (InterruptedException | RuntimeException | Error e) {
                    releaseAll();
                    throw e;
                }
            }
        }

        private void awaitHere(SlotQueue slots, boolean first, AtomicBoolean held)
                throws IOException, InterruptedException {
            CompletableFuture<Void> wait = slots.take(first);
            if (!wait.isDone()) {
                try {
                    wait.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException | InterruptedException e) {
                    if (wait.cancel(false)) {
                        slots.forget(wait);
                        releaseAll();
                        if (e instanceof InterruptedException interrupted) {
                            throw interrupted;
                        }
                        throw new IOException(tooLong());
                    }
                    // The slot came just as the wait ended: keep it.
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e);
                }
            }
            held.set(true);
        }

        // ---- asynchronous ----

        void sendLater() {
            awaitLater(calls, false, callHeld, () -> sendStream(false));
        }

        private void sendStream(boolean retried) {
            if (stream == null) {
                send();
            } else {
                awaitLater(stream, retried, streamHeld, this::send);
            }
        }

        /** Runs {@code then} once a slot is held: here if one is free, else on {@link #starter} when handed over. */
        private void awaitLater(SlotQueue slots, boolean first, AtomicBoolean held, Runnable then) {
            if (result.isDone()) {
                return;
            }
            CompletableFuture<Void> wait = slots.take(first);
            if (wait.isDone()) {
                held.set(true);
                then.run();
                return;
            }
            waiting = wait;
            long left = deadline - System.nanoTime();
            ScheduledFuture<?> timer = Timers.scheduleNanos(Math.max(0, left), () -> {
                if (wait.cancel(false)) {
                    slots.forget(wait);
                    result.completeExceptionally(tooLong());
                }
            });
            wait.thenRun(() -> {
                timer.cancel(false);
                held.set(true);
                waiting = null;
                if (result.isDone()) {
                    releaseAll();
                    return;
                }
                try {
                    starter.execute(then);
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
            if (result.isDone() && wait.cancel(false)) {
                slots.forget(wait);
                timer.cancel(false);
            }
        }

        private void send() {
            if (result.isDone()) {
                releaseAll();
                return;
            }
            CompletableFuture<HttpResponse<T>> exchange = delegate.sendAsync(request, releasing);
            pending = exchange;
            if (result.isDone()) {
                exchange.cancel(true);
            }
            exchange.whenComplete((response, failure) -> {
                if (failure == null) {
                    result.complete(response);
                } else if (stream != null && HttpFailures.isStreamLimit(failure) && !result.isDone()) {
                    refused();
                    sendStream(true);
                } else {
                    releaseAll();
                    result.completeExceptionally(failure);
                }
            });
        }

        // ---- slots ----

        /** The JDK refused the stream: the server's limit is learned, and this call waits for a stream again. */
        private void refused() {
            stream.refused();
            if (streamHeld.compareAndSet(true, false)) {
                stream.give();
            }
        }

        private void releaseAll() {
            held.releaseAll();
        }

        private void forget(CompletableFuture<Void> wait) {
            calls.forget(wait);
            if (stream != null) {
                stream.forget(wait);
            }
        }

        private ConcurrencyLimitException tooLong() {
            return new ConcurrencyLimitException(provider, maxInFlight, maxWait);
        }
    }

    private boolean usesHttp2(HttpRequest request) {
        return "https".equalsIgnoreCase(request.uri().getScheme())
                && request.version().orElse(delegate.version()) == Version.HTTP_2;
    }

    /**
     * The slots one call holds, and their release. The JDK client keeps body handlers and
     * subscribers reachable after an exchange (a pooled connection may refer to its last one), so
     * what it is given refers to this and to the caller's handler only: were it to reach the JDK
     * client's facade, the facade could never be collected, and on JDK 17 a client that is not
     * collected never lets go of its connections and selector thread.
     */
    private static final class Held {
        private final SlotQueue calls;
        private final SlotQueue streams;
        final AtomicBoolean call = new AtomicBoolean();
        final AtomicBoolean stream = new AtomicBoolean();

        Held(SlotQueue calls, SlotQueue streams) {
            this.calls = calls;
            this.streams = streams;
        }

        /** Gives back what the call holds; once each. */
        void releaseAll() {
            if (stream.compareAndSet(true, false)) {
                streams.give();
            }
            if (call.compareAndSet(true, false)) {
                calls.give();
            }
        }
    }

    /**
     * The caller's body handler, fed the body decoded from its {@code Content-Encoding} (see
     * {@link GunzipSubscriber#decoding}), with the body's end releasing the call's slots.
     */
    private static final class ReleasingHandler<T> implements HttpResponse.BodyHandler<T> {
        private final HttpResponse.BodyHandler<T> handler;
        private final Held held;
        private final String provider;

        ReleasingHandler(HttpResponse.BodyHandler<T> handler, Held held, String provider) {
            this.handler = handler;
            this.held = held;
            this.provider = provider;
        }

        @Override
        public HttpResponse.BodySubscriber<T> apply(HttpResponse.ResponseInfo info) {
            return new Releasing<>(GunzipSubscriber.decoding(info, handler.apply(info), provider), held::releaseAll);
        }
    }

    /** A body subscriber that calls {@code release} once its body ended, failed or was cancelled. */
    private static final class Releasing<T> implements HttpResponse.BodySubscriber<T> {
        private final HttpResponse.BodySubscriber<T> subscriber;
        private final Runnable release;

        Releasing(HttpResponse.BodySubscriber<T> subscriber, Runnable release) {
            this.subscriber = subscriber;
            this.release = release;
        }

        @Override
        public CompletionStage<T> getBody() {
            return subscriber.getBody();
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                    subscription.request(n);
                }

                @Override
                public void cancel() {
                    subscription.cancel();
                    release.run();
                }
            });
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
            subscriber.onNext(item);
        }

        @Override
        public void onError(Throwable throwable) {
            release.run();
            subscriber.onError(throwable);
        }

        @Override
        public void onComplete() {
            release.run();
            subscriber.onComplete();
        }
    }
}
