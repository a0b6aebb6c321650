package dev.gomodel.providers.http;

import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.error.GoModelException;
import dev.gomodel.internal.stream.FailedPublisher;
import dev.gomodel.providers.HttpSettings;
import dev.gomodel.providers.Timeouts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.function.Function;

/**
 * A provider's HTTP layer: one {@link HttpClient} (so connections are reused), its time and
 * size limits, and the calls in flight so that {@link #close()} can end them.
 *
 * <p>Thread-safe. Calls never block a thread of the client's executor: bodies are read as
 * they arrive and the only waiting is the caller's own, in a blocking {@code create}.
 */
public final class HttpTransport implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(HttpTransport.class.getName());

    /** How much of an error body is read; the rest is not needed for the message. */
    static final int MAX_ERROR_BODY_BYTES = 64 * 1024;

    private final String provider;
    private final HttpClient client;
    private final Timeouts timeouts;
    private final int maxResponseBytes;
    private final int maxEventBytes;
    private final Set<Exchange<?>> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * @param provider the provider's name, for messages
     * @param client the client to use
     * @param timeouts the limits of every call
     * @param maxResponseBytes the largest non-streamed body accepted
     * @param maxEventBytes the largest single stream event accepted
     */
    public HttpTransport(String provider, HttpClient client, Timeouts timeouts, int maxResponseBytes, int maxEventBytes) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.client = Objects.requireNonNull(client, "client");
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        if (maxResponseBytes <= 0 || maxEventBytes <= 0) {
            throw new IllegalArgumentException("size limits must be positive");
        }
        this.maxResponseBytes = maxResponseBytes;
        this.maxEventBytes = maxEventBytes;
    }

    /**
     * A JSON {@code POST} of {@code body} to {@code endpoint} accepting {@code accept}
     * ({@code application/json} or {@code text/event-stream}), with the user's {@code headers};
     * the provider adds its own authentication.
     */
    public static HttpRequest.Builder jsonPost(URI endpoint, byte[] body, String accept, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json")
                .header("Accept", accept)
                .header("User-Agent", "gomodel-java");
        headers.forEach(builder::header);
        return builder;
    }

    /** The transport a provider configured with {@code settings} uses: the caller's client, or one built for it. */
    public static HttpTransport create(HttpSettings settings) {
        HttpClient client = settings.httpClient() != null ? settings.httpClient()
                : newClient(settings.baseUrl(), settings.timeouts(), settings.executor());
        return new HttpTransport(settings.name(), client, settings.timeouts(), settings.maxResponseBytes(),
                settings.maxEventBytes());
    }

    /**
     * A client for {@code baseUrl}: HTTP/1.1 for {@code http://} (an h2c upgrade stalls many
     * local servers), HTTP/2 with fallback for {@code https://}, the connect timeout, and
     * {@code executor} when given.
     */
    static HttpClient newClient(URI baseUrl, Timeouts timeouts, Executor executor) {
        warnIfCleartext(baseUrl);
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(timeouts.connect())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version("http".equalsIgnoreCase(baseUrl.getScheme()) ? HttpClient.Version.HTTP_1_1
                        : HttpClient.Version.HTTP_2);
        if (executor != null) {
            builder.executor(executor);
        }
        return builder.build();
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

    private HttpRequest finish(HttpRequest.Builder request) {
        return request.timeout(timeouts.responseHeaders()).build();
    }

    String provider() {
        return provider;
    }

    HttpClient client() {
        return client;
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
        return true;
    }

    void unregister(Exchange<?> exchange) {
        inFlight.remove(exchange);
    }

    GoModelException closedException() {
        return new GoModelException(provider + " is closed", provider, null);
    }

    /** How many calls are in flight. */
    public int inFlight() {
        return inFlight.size();
    }

    /** Ends every call in flight with an exception saying the provider is closed; later calls fail the same way. */
    @Override
    public void close() {
        closed = true;
        for (Exchange<?> exchange : inFlight) {
            exchange.fail(closedException());
        }
        inFlight.clear();
    }
}
