package dev.gomodel.providers.http;

import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.error.GoModelException;
import dev.gomodel.internal.stream.FailedPublisher;
import dev.gomodel.providers.HttpSettings;
import dev.gomodel.providers.Timeouts;
import dev.gomodel.providers.TransportSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * A provider's HTTP layer: the {@link HttpClient} it shares with the providers whose transport
 * settings are equal (see {@link SharedClients}), the HTTP version of its calls and of its
 * streams, its time and size limits, and the calls in flight so that {@link #close()} can end
 * them.
 *
 * <p>Threads. A client built here runs the JDK's tasks inline instead of handing each one to
 * another thread: a blocking {@code create} sends and waits on its caller's thread, and responses
 * are read, decoded and delivered on the client's I/O thread, which is where a stream's
 * subscriber is called. An asynchronous call starts on the provider's {@link HttpThreads}, so its
 * caller never waits for a connection. A client or executor given by the caller keeps the JDK's
 * own hand-offs.
 *
 * <p>Thread-safe. Calls never block the client's I/O thread: bodies are read as they arrive and
 * the only waiting is the caller's own, in a blocking {@code create}.
 */
public final class HttpTransport implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(HttpTransport.class.getName());

    /** The {@code Accept} of a streamed request. */
    private static final String STREAM_TYPE = "text/event-stream";

    /** How much of an error body is read; the rest is not needed for the message. */
    static final int MAX_ERROR_BODY_BYTES = 64 * 1024;

    private final String provider;
    private final Timeouts timeouts;
    private final int maxResponseBytes;
    private final int maxEventBytes;
    private final BodyLog bodyLog;
    private final Set<Exchange<?>> inFlight = ConcurrentHashMap.newKeySet();
    private final Watchdog watchdog;
    /** The client; {@code null} once closed, so a closed provider does not keep it reachable. */
    private volatile HttpClient client;
    /** Where asynchronous calls start; {@code null} when the caller gave the client or executor. */
    private final HttpThreads threads;
    /** The shared client this transport uses, released on close; {@code null} when the caller gave one. */
    private final SharedClients.Shared shared;
    /** The version non-streamed requests ask for, or {@code null} for the client's own. */
    private final HttpClient.Version callVersion;
    /** The version streamed requests ask for. */
    private final HttpClient.Version streamVersion;
    /** Whether requests ask for gzip (decoded in {@link LimitedClient}). */
    private final boolean compression;
    private volatile boolean closed;
    /** Set by the first {@link #close()}, so that the shared client is released once. */
    private final AtomicBoolean closing = new AtomicBoolean();

    private HttpTransport(HttpSettings settings, HttpClient client, SharedClients.Shared shared, HttpThreads threads) {
        this.provider = settings.name();
        this.timeouts = settings.timeouts();
        this.maxResponseBytes = settings.maxResponseBytes();
        this.maxEventBytes = settings.maxEventBytes();
        this.bodyLog = BodyLog.of(settings.name(), settings.logBodyChars());
        this.watchdog = new Watchdog(inFlight, settings.timeouts());
        this.client = client;
        this.shared = shared;
        this.threads = threads;
        TransportSettings transport = settings.transport();
        boolean plain = "http".equalsIgnoreCase(settings.baseUrl().getScheme());
        this.callVersion = transport.httpVersion() != null ? transport.httpVersion()
                : settings.httpClient() != null ? null
                : plain ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2;
        this.streamVersion = transport.streamHttpVersion() != null ? transport.streamHttpVersion()
                : HttpClient.Version.HTTP_1_1;
        this.compression = settings.compression();
    }

    /**
     * The transport a provider configured with {@code settings} uses: the caller's client, or
     * the client shared by every provider with the same transport settings (see
     * {@link SharedClients}), with threads of its own to start asynchronous calls unless the
     * caller gave an executor. Logs one warning when the base URL would send credentials over
     * plain HTTP to another host.
     */
    public static HttpTransport create(HttpSettings settings) {
        warnIfCleartext(settings.baseUrl());
        if (settings.httpClient() != null) {
            return new HttpTransport(settings, limited(settings, settings.httpClient(), new StreamLimits(), null),
                    null, null);
        }
        SharedClients.Shared shared = SharedClients.acquire(new SharedClients.Key(settings.transport(),
                settings.timeouts().connect(), settings.executor()));
        HttpThreads threads = settings.executor() == null ? new HttpThreads(settings.name()) : null;
        return new HttpTransport(settings, limited(settings, shared.client(), shared.streamLimits(), threads), shared,
                threads);
    }

    /**
     * The client as this provider sees it, within its concurrency limit; a call that waited
     * continues on the provider's threads, or, without them, on the caller's executor or the
     * thread that freed the slot.
     */
    private static HttpClient limited(HttpSettings settings, HttpClient client, StreamLimits streams,
            HttpThreads threads) {
        Executor starter = threads != null ? threads : settings.executor() != null ? settings.executor()
                : settings.httpClient() != null ? settings.httpClient().executor().orElse(Runnable::run)
                : Runnable::run;
        return new LimitedClient(client, settings.name(), settings.concurrencyLimit().maxInFlight(),
                settings.concurrencyLimit().maxWait(), streams, starter);
    }

    /**
     * A JSON {@code POST} of {@code body} to {@code endpoint} accepting {@code accept}
     * ({@code application/json} or {@code text/event-stream}), with the user's {@code headers},
     * each replacing a default of the same name (a {@code User-Agent} of the user's is sent
     * instead of ours, never beside it); the provider then sets its own authentication the same
     * way.
     */
    public HttpRequest.Builder jsonPost(URI endpoint, byte[] body, String accept, Map<String, String> headers) {
        bodyLog.request(endpoint, body);
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json")
                .header("Accept", accept)
                .header("User-Agent", "gomodel-java");
        if (compression) {
            builder.header("Accept-Encoding", "gzip");
        }
        HttpClient.Version version = STREAM_TYPE.equals(accept) ? streamVersion : callVersion;
        if (version != null) {
            builder.version(version);
        }
        headers.forEach(builder::setHeader);
        return builder;
    }

    /** Logs one warning when requests, and so their credentials, would cross a network unencrypted. */
    private static void warnIfCleartext(URI baseUrl) {
        String host = baseUrl.getHost();
        boolean loopback = host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
                || host.equals("::1"));
        if ("http".equalsIgnoreCase(baseUrl.getScheme()) && !loopback) {
            LOG.log(System.Logger.Level.WARNING, "{0} is plain http:// on a non-loopback host: API keys and "
                    + "prompts travel unencrypted", baseUrl);
        }
    }

    /**
     * Sends a request whose 2xx answer is one JSON body, parsed by {@code parser}. The future
     * fails with a {@link GoModelException}; cancelling it aborts the exchange.
     */
    public <T> CompletableFuture<T> send(HttpRequest.Builder request, Function<byte[], T> parser) {
        JsonExchange<T> exchange = new JsonExchange<>(this, finish(request), parser);
        exchange.start();
        return exchange.result();
    }

    /**
     * Sends a request whose 2xx answer is one JSON body, parsed by {@code parser}, on the calling
     * thread, and returns the value: the blocking counterpart of {@link #send}, with the same
     * limits and failures, and none of the hand-offs between threads that an asynchronous send
     * costs.
     *
     * @throws GoModelException when the call fails
     */
    public <T> T sendBlocking(HttpRequest.Builder request, Function<byte[], T> parser) {
        JsonExchange<T> exchange = new JsonExchange<>(this, finish(request), parser);
        exchange.run();
        try {
            return exchange.result().join();
        } catch (CompletionException e) {
            throw (GoModelException) e.getCause();
        }
    }

    /** A cold publisher of the chunks of a streamed request; each subscription sends it once. */
    public Flow.Publisher<ChatCompletionChunk> stream(HttpRequest.Builder request, StreamDialect.Factory dialects) {
        if (closed) {
            return new FailedPublisher<>(closedException());
        }
        HttpRequest built = finish(request);
        return subscriber -> {
            Objects.requireNonNull(subscriber, "subscriber");
            StreamExchange exchange = new StreamExchange(this, built, dialects, subscriber);
            subscriber.onSubscribe(exchange);
            exchange.subscribed();
        };
    }

    /**
     * The request as sent. It carries no JDK timeout: the {@link Watchdog} bounds the wait for
     * the headers, like every other limit, without a timer per request.
     */
    private HttpRequest finish(HttpRequest.Builder request) {
        return request.build();
    }

    /**
     * Runs {@code send}, which starts an asynchronous call, off the caller's thread when this
     * transport's client would otherwise start it inline.
     */
    void startAsync(Runnable send, Runnable onClosed) {
        if (threads == null) {
            send.run();
            return;
        }
        try {
            threads.execute(send);
        } catch (RejectedExecutionException e) {
            onClosed.run();
        }
    }

    String provider() {
        return provider;
    }

    /** The client, or {@code null} once closed. */
    HttpClient client() {
        return client;
    }

    BodyLog bodyLog() {
        return bodyLog;
    }

    Timeouts timeouts() {
        return timeouts;
    }

    int maxResponseBytes() {
        return maxResponseBytes;
    }

    int maxEventBytes() {
        return maxEventBytes;
    }

    /** Adds a starting call; false once closed. */
    boolean register(Exchange<?> exchange) {
        inFlight.add(exchange);
        if (closed) {
            inFlight.remove(exchange);
            return false;
        }
        watchdog.callStarted();
        return true;
    }

    void unregister(Exchange<?> exchange) {
        inFlight.remove(exchange);
    }

    GoModelException closedException() {
        return new GoModelException(provider + ": the provider is closed", provider, null);
    }

    /** How many calls are in flight. */
    public int inFlight() {
        return inFlight.size();
    }

    /**
     * Ends every call in flight with an exception saying the provider is closed; later calls
     * fail the same way. The provider's threads end now, and its hold on the shared client is
     * released: the last provider to release one closes it (see {@link SharedClients.Shared#release()}).
     * A client or executor given by the caller is left to the caller.
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        closed = true;
        for (Exchange<?> exchange : inFlight) {
            exchange.fail(closedException());
        }
        inFlight.clear();
        client = null;
        if (shared != null) {
            shared.release();
        }
        if (threads != null) {
            threads.shutdown();
        }
    }
}
