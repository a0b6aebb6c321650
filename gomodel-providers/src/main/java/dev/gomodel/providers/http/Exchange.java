package dev.gomodel.providers.http;

import dev.gomodel.error.GoModelException;
import dev.gomodel.error.RequestTimeoutException.Phase;
import dev.gomodel.error.RequestTimeoutException;
import dev.gomodel.providers.Timeouts;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * What every call over the JDK client shares, whether it reads a JSON body or a stream:
 * sending (and sending once more after the keep-alive race, see
 * {@link HttpFailures#isStaleConnection}), its time limits (checked by the {@link Watchdog}), and aborting the
 * exchange. A subclass decides what to do with the response headers and body.
 *
 * <p>Thread-safety: the JDK client, the timer thread and the caller (cancel) all touch a call,
 * so shared fields are volatile and every path to an end goes through {@link #fail} or the
 * subclass's completion, each of which wins once.
 */
abstract class Exchange<T> implements HttpResponse.BodyHandler<T> {

    private static final System.Logger LOG = System.getLogger(Exchange.class.getName());

    final HttpTransport transport;
    private final HttpRequest request;
    private volatile CompletableFuture<HttpResponse<T>> response;
    volatile Flow.Subscription body;
    volatile long lastActivityNanos = System.nanoTime();
    private volatile long startNanos;
    private volatile boolean headersReceived;
    /** Whether {@link #abortExchange} was called; read by a send that may have raced it. */
    private volatile boolean aborted;
    private boolean resent;
    /** The thread blocked in {@link HttpClient#send}, while it is; guarded by this. */
    private Thread blockedSender;
    /** Whether {@link #abortExchange} interrupted {@link #blockedSender}; guarded by this. */
    private boolean interruptedByAbort;

    Exchange(HttpTransport transport, HttpRequest request) {
        this.transport = transport;
        this.request = request;
    }

    String provider() {
        return transport.provider();
    }

    Timeouts timeouts() {
        return transport.timeouts();
    }

    /** Sends the request asynchronously, without making the calling thread wait for a connection. */
    final void start() {
        if (begin()) {
            transport.startAsync(this::send, () -> fail(transport.closedException()));
        }
    }

    /**
     * Sends the request on the calling thread and returns once the call ended, which saves the
     * JDK client's hand-offs to other threads: {@link HttpClient#send} runs the exchange inline
     * until it must wait on the network. Aborting it before the headers interrupts this thread,
     * the blocking equivalent of cancelling the asynchronous send; that interrupt is consumed
     * here and never left on the caller's thread.
     */
    final void run() {
        if (begin()) {
            sendOnThisThread();
        }
    }

    /** Registers the call, which starts the clock of its limits; false if the transport is closed. */
    private boolean begin() {
        startNanos = System.nanoTime();
        if (!transport.register(this)) {
            fail(transport.closedException());
            return false;
        }
        return true;
    }

    private void send() {
        if (isFinished()) {
            return;
        }
        HttpClient client = transport.client();
        if (client == null) {
            fail(transport.closedException());
            return;
        }
        CompletableFuture<HttpResponse<T>> attempt = client.sendAsync(request, this);
        attach(attempt);
        attempt.whenComplete((result, failure) -> {
            if (failure == null) {
                onResponse(result);
            } else if (shouldResend(failure)) {
                send();
            } else {
                failWith(failure);
            }
        });
    }

    /**
     * Holds the JDK's future of a sent request so that an abort can cancel it, and cancels it
     * at once if an abort came first. The exchange may have ended on the I/O thread before
     * {@code sendAsync} even returned; only an abort may cancel it then: a call that ended
     * normally may already have handed its connection back to the pool, and cancelling its
     * exchange would close that connection under the next call.
     */
    final void attach(CompletableFuture<HttpResponse<T>> attempt) {
        response = attempt;
        if (aborted) {
            attempt.cancel(true);
        }
    }

    private void sendOnThisThread() {
        HttpClient client = transport.client();
        if (client == null) {
            fail(transport.closedException());
            return;
        }
        HttpResponse<T> result = null;
        Throwable failure = null;
        synchronized (this) {
            blockedSender = Thread.currentThread();
        }
        try {
            result = client.send(request, this);
        } catch (IOException e) {
            failure = e;
        } catch (InterruptedException e) {
            failure = e;
        } finally {
            boolean interruptedHere;
            synchronized (this) {
                blockedSender = null;
                interruptedHere = interruptedByAbort;
                interruptedByAbort = false;
            }
            if (interruptedHere) {
                Thread.interrupted();
            } else if (failure instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
        if (failure == null) {
            onResponse(result);
        } else if (shouldResend(failure)) {
            sendOnThisThread();
        } else if (failure instanceof InterruptedException && !isFinished()) {
            fail(new GoModelException(provider() + ": the calling thread was interrupted", provider(), failure));
        } else {
            failWith(failure);
        }
    }

    /** Whether a failure is the keep-alive race and the request goes once more on a fresh connection. */
    private boolean shouldResend(Throwable failure) {
        if (headersReceived || resent || isFinished() || !HttpFailures.isStaleConnection(failure)) {
            return false;
        }
        resent = true;
        LOG.log(System.Logger.Level.DEBUG, () -> provider() + ": " + request.uri()
                + " was closed under a reused connection before any answer; sending once more");
        return true;
    }

    private void failWith(Throwable failure) {
        fail(headersReceived ? HttpFailures.duringBody(provider(), failure)
                : HttpFailures.beforeHeaders(provider(), timeouts(), failure));
    }

    @Override
    public final HttpResponse.BodySubscriber<T> apply(HttpResponse.ResponseInfo info) {
        lastActivityNanos = System.nanoTime();
        headersReceived = true;
        return ClientCallbacks.marking(bodySubscriber(info));
    }

    /** Chooses how to read the body, once status and headers are known. */
    abstract HttpResponse.BodySubscriber<T> bodySubscriber(HttpResponse.ResponseInfo info);

    /** The response's body subscriber finished and the JDK handed over the response. */
    abstract void onResponse(HttpResponse<T> response);

    /** Ends the call with {@code failure} unless it already ended; returns whether this call won. */
    abstract boolean fail(GoModelException failure);

    abstract boolean isFinished();

    /** Whether the call is waiting on the upstream for body bytes right now (idle time counts only then). */
    abstract boolean awaitingBody();

    /**
     * Ends the call if one of its limits has passed at {@code now}: the total, the wait for the
     * response headers, or the silence while the body is awaited (idle time counts only then).
     * Called by the transport's {@link Watchdog}.
     */
    final void checkTime(long now) {
        if (isFinished()) {
            return;
        }
        Timeouts limits = timeouts();
        if (limits.total() != null && now - startNanos >= limits.total().toNanos()) {
            fail(new RequestTimeoutException(provider(), Phase.TOTAL, limits.total(), null));
        } else if (!headersReceived) {
            if (now - startNanos >= limits.responseHeaders().toNanos()) {
                fail(new RequestTimeoutException(provider(), Phase.RESPONSE_HEADERS, limits.responseHeaders(), null));
            }
        } else if (awaitingBody() && now - lastActivityNanos >= limits.idle().toNanos()) {
            fail(new RequestTimeoutException(provider(), Phase.IDLE, limits.idle(), null));
        }
    }

    /** Stops reading: cancels the body subscription or, before headers, the exchange itself. */
    final void abortExchange() {
        aborted = true;
        Flow.Subscription subscription = body;
        if (subscription != null) {
            subscription.cancel();
        }
        CompletableFuture<HttpResponse<T>> pending = response;
        if (pending != null) {
            pending.cancel(true);
        }
        synchronized (this) {
            if (subscription == null && blockedSender != null && !interruptedByAbort) {
                interruptedByAbort = true;
                blockedSender.interrupt();
            }
        }
    }

    /** Releases the transport's hold on this call; called once the call ended. */
    final void release() {
        transport.unregister(this);
    }
}
