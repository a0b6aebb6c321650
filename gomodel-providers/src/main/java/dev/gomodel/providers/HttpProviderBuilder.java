package dev.gomodel.providers;

import java.net.Authenticator;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The settings every HTTP provider's builder shares; each provider's builder extends it with
 * its own. Not thread-safe; {@link #settings()} copies, so a builder can be reused.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class HttpProviderBuilder<B extends HttpProviderBuilder<B>> {

    private static final Pattern API_KEY = Pattern.compile("[\\x21-\\x7E]+");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** What the JDK client refuses in a header value: control characters but tab, DEL, and anything past U+00FF. */
    private static final Pattern HEADER_VALUE_REFUSED =
            Pattern.compile("[\\x00-\\x08\\x0A-\\x1F\\x7F\\x{100}-\\x{10FFFF}]");
    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host",
            "upgrade");

    private String name;
    private String baseUrl;
    private String apiKey;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Set<String> models = new LinkedHashSet<>();
    private Timeouts timeouts = Timeouts.defaults();
    private HttpClient httpClient;
    private Executor executor;
    private int maxResponseBytes = 32 * 1024 * 1024;
    private int maxEventBytes = 8 * 1024 * 1024;
    private int logBodyChars;
    private SSLContext sslContext;
    private SSLParameters sslParameters;
    private ProxySelector proxy;
    private Authenticator proxyAuthenticator;
    private HttpClient.Version httpVersion;
    private HttpClient.Version streamHttpVersion;
    private Consumer<HttpClient.Builder> httpClientCustomizer;
    private ConcurrencyLimit concurrencyLimit = ConcurrencyLimit.defaults();
    private boolean compression = true;

    /**
     * Starts a builder with the provider's defaults and the shared ones: no API key, no extra
     * header, any model, {@link Timeouts#defaults()}, a client built for the provider, 32 MiB per
     * body, 8 MiB per stream event, no body logging.
     *
     * @param defaultName the provider's name unless {@link #name(String)} sets another, or
     *     {@code null} when the user must set it
     * @param defaultBaseUrl the base URL unless {@link #baseUrl(String)} sets another, or
     *     {@code null} when the user must set it
     */
    protected HttpProviderBuilder(String defaultName, String defaultBaseUrl) {
        this.name = defaultName;
        this.baseUrl = defaultBaseUrl;
    }

    /**
     * This builder, typed as the concrete builder, for the setters to return.
     *
     * @return {@code this}
     */
    protected abstract B self();

    /**
     * Sets the name requests use to address this provider ({@code "local"} in
     * {@code "local/llama3"}); unique within a client. Defaults to the provider's type where
     * it has one.
     *
     * @param name the name
     * @return this builder
     * @throws NullPointerException if {@code name} is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public B name(String name) {
        this.name = requireText(name, "name");
        return self();
    }

    /**
     * The API key; leave unset for servers that need none. Never logged or shown, not even in
     * the message of the exception that rejects it.
     *
     * @param apiKey the key, or {@code null} to send none
     * @return this builder
     * @throws IllegalArgumentException if it is blank or holds a space, a line break or another
     *     character outside printable ASCII (a key read from a file often ends with a newline)
     */
    public B apiKey(String apiKey) {
        if (apiKey != null) {
            requireText(apiKey, "apiKey");
            if (!API_KEY.matcher(apiKey).matches()) {
                throw new IllegalArgumentException("apiKey contains spaces, line breaks or other characters outside "
                        + "printable ASCII; an API key is one printable token (check for a trailing newline)");
            }
        }
        this.apiKey = apiKey;
        return self();
    }

    /**
     * Sets the base URL, up to but without the API's path (for example {@code .../v1}); a
     * trailing {@code /} is dropped. Providers with a public upstream default to it.
     *
     * @param baseUrl the URL
     * @return this builder
     * @throws NullPointerException if {@code baseUrl} is {@code null}
     * @throws IllegalArgumentException if it is not an http:// or https:// URL with a host, or
     *     it has a port outside 1 to 65535, user info ({@code user:password@}), a query or a
     *     fragment (the API's path is appended to it)
     */
    public B baseUrl(String baseUrl) {
        requireText(baseUrl, "baseUrl");
        URI uri;
        try {
            uri = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("baseUrl is not a valid URL: " + baseUrl, e);
        }
        // Checked before anything echoes the URL: user info and a query may hold credentials.
        if (uri.getRawUserInfo() != null || uri.getRawAuthority() != null && uri.getRawAuthority().contains("@")) {
            throw new IllegalArgumentException("baseUrl must not contain user info (user:password@); "
                    + "give a credential with apiKey or header (the URL is not shown)");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("baseUrl must not have a query or a fragment, since the API's path is "
                    + "appended to it; OpenAI-compatible providers take query parameters with queryParameter "
                    + "(the URL is not shown)");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                || uri.getHost() == null) {
            String host = uri.getHost() == null && uri.getRawAuthority() != null
                    ? " (\"" + uri.getRawAuthority() + "\" holds no valid host name: letters, digits, - and .)" : "";
            throw new IllegalArgumentException("baseUrl must be an http:// or https:// URL with a host, got " + baseUrl
                    + host);
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new IllegalArgumentException("baseUrl port must be between 1 and 65535, got " + uri.getPort());
        }
        this.baseUrl = baseUrl;
        return self();
    }

    /**
     * Adds a header sent with every request; setting a name again replaces its value.
     *
     * @param name the header's name
     * @param value the header's value
     * @return this builder
     * @throws NullPointerException if {@code name} or {@code value} is {@code null}
     * @throws IllegalArgumentException if the name is not an HTTP token or is one the JDK client
     *     sets itself ({@code Host}, {@code Content-Length}, ...), or the value holds a line break
     *     or another character a header cannot carry (the message never shows the value), or an
     *     {@code Accept-Encoding} asks for an encoding other than gzip and identity
     */
    public B header(String name, String value) {
        requireHeaderName(name, "header name");
        requireHeaderValue(value, "header " + name + " value");
        if (name.equalsIgnoreCase("Accept-Encoding")) {
            requireDecodable(value);
        }
        headers.put(name, value);
        return self();
    }

    /** An {@code Accept-Encoding} of the user's may ask only for what the library decodes. */
    private static void requireDecodable(String value) {
        for (String coding : value.split(",")) {
            String name = coding.split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && !name.equals("gzip") && !name.equals("x-gzip") && !name.equals("identity")) {
                throw new IllegalArgumentException("header Accept-Encoding asks for \"" + name + "\", which "
                        + "gomodel-java does not decode: only gzip and identity are accepted (compression(true), the "
                        + "default, already asks for gzip)");
            }
        }
    }

    /**
     * Adds a model this provider serves; with none, it serves whatever model it is asked for.
     * A router sends requests for a listed model to this provider, and pools the providers that
     * list the same model.
     *
     * @param model the model id, as the upstream names it
     * @return this builder
     * @throws NullPointerException if {@code model} is {@code null}
     * @throws IllegalArgumentException if {@code model} is blank
     */
    public B model(String model) {
        models.add(requireText(model, "model"));
        return self();
    }

    /**
     * Sets the time limits; default {@link Timeouts#defaults()}.
     *
     * @param timeouts the limits
     * @return this builder
     * @throws NullPointerException if {@code timeouts} is {@code null}
     */
    public B timeouts(Timeouts timeouts) {
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        return self();
    }

    /**
     * The JDK client to use instead of the one the library builds; its own connect timeout,
     * default version, executor, TLS and proxy settings then apply. The provider does not close
     * a client it was given. Default: a client built by the library and shared with the other
     * providers whose transport settings are equal.
     *
     * <p>What a whole client gives up, compared with {@link #sslContext}, {@link #proxy} and
     * {@link #httpClientCustomizer}: the library's inline executor (a blocking call then costs two
     * hand-offs between threads, and stream chunks arrive on the JDK's executor), its connect
     * timeout and redirect policy, sharing with other providers, and {@code close()} (the client
     * is the caller's to close). Streams still go over {@link #streamHttpVersion} (HTTP/1.1 by
     * default), so the streaming contract holds. Cannot be combined with the TLS, proxy or
     * customizer settings, which configure a client the library builds.
     *
     * @param httpClient the client
     * @return this builder
     * @throws NullPointerException if {@code httpClient} is {@code null}
     */
    public B httpClient(HttpClient httpClient) {
        this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
        return self();
    }

    /**
     * The executor of the client built for this provider, to which the JDK hands the work of
     * its I/O thread: reading and decoding responses, and calling stream subscribers. By
     * default there is none and that work runs on the I/O thread itself, which saves a
     * hand-off per response and per body buffer but means stream callbacks must not block.
     * Ignored when {@link #httpClient(HttpClient)} supplies the client.
     *
     * @param executor the executor
     * @return this builder
     * @throws NullPointerException if {@code executor} is {@code null}
     */
    public B executor(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
        return self();
    }

    /**
     * The TLS context of the library's JDK client: the certificates it trusts (a private CA, a
     * self-signed server) and, for mutual TLS, the key it presents. Default: the JDK's default
     * context, which trusts the JDK's CA certificates.
     *
     * @param sslContext the context, initialised
     * @return this builder
     * @throws NullPointerException if {@code sslContext} is {@code null}
     */
    public B sslContext(SSLContext sslContext) {
        this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
        return self();
    }

    /**
     * TLS parameters of the library's JDK client: protocols, cipher suites, server names. Copied
     * now, so later changes to {@code sslParameters} do not reach the provider. For mutual TLS
     * give the key in {@link #sslContext}; the server asks for it. Default: the JDK's.
     *
     * @param sslParameters the parameters
     * @return this builder
     * @throws NullPointerException if {@code sslParameters} is {@code null}
     */
    public B sslParameters(SSLParameters sslParameters) {
        this.sslParameters = TransportSettings.copy(Objects.requireNonNull(sslParameters, "sslParameters"));
        return self();
    }

    /**
     * The proxy of the library's JDK client, chosen per request; {@code ProxySelector.of(address)}
     * for one HTTP proxy. {@code https://} upstreams are reached through a {@code CONNECT} tunnel,
     * so the proxy sees only the host name. Default: none, whatever the JVM's default selector says.
     *
     * @param proxy the selector
     * @return this builder
     * @throws NullPointerException if {@code proxy} is {@code null}
     */
    public B proxy(ProxySelector proxy) {
        this.proxy = Objects.requireNonNull(proxy, "proxy");
        return self();
    }

    /**
     * Answers a proxy's {@code 407 Proxy Authentication Required}. The JDK client supports the
     * Basic scheme only, and by default refuses it for {@code CONNECT} tunnels, that is for every
     * {@code https://} upstream: allow it by starting the JVM with
     * {@code -Djdk.http.auth.tunneling.disabledSchemes=} (empty). The authenticator also answers
     * a {@code 401} from the upstream, which API keys make unlikely. Default: none.
     *
     * @param proxyAuthenticator the authenticator, for example one returning a
     *     {@link java.net.PasswordAuthentication} when {@code getRequestorType()} is {@code PROXY}
     * @return this builder
     * @throws NullPointerException if {@code proxyAuthenticator} is {@code null}
     */
    public B proxyAuthenticator(Authenticator proxyAuthenticator) {
        this.proxyAuthenticator = Objects.requireNonNull(proxyAuthenticator, "proxyAuthenticator");
        return self();
    }

    /**
     * The HTTP version of non-streamed calls. Default: HTTP/2 for an {@code https://} base URL
     * (HTTP/1.1 where the server does not offer HTTP/2), HTTP/1.1 for {@code http://} (an h2c
     * upgrade stalls many local servers), and a client's own given by {@link #httpClient}.
     *
     * @param httpVersion the version
     * @return this builder
     * @throws NullPointerException if {@code httpVersion} is {@code null}
     */
    public B httpVersion(HttpClient.Version httpVersion) {
        this.httpVersion = Objects.requireNonNull(httpVersion, "httpVersion");
        return self();
    }

    /**
     * The HTTP version of streamed calls. Default: HTTP/1.1, one connection per open stream, so
     * that TCP's own flow control holds a paused stream's body outside the heap and a paused
     * stream never delays another call. Over HTTP/2 the JDK client reads ahead up to its stream
     * window, 16 MiB by default, for every stream whose subscriber pauses, and paused streams can
     * use up the connection's window and stall every other call on it; choose HTTP/2 only with a
     * smaller window ({@code -Djdk.httpclient.windowsize}, see the README's Transport section).
     *
     * @param streamHttpVersion the version
     * @return this builder
     * @throws NullPointerException if {@code streamHttpVersion} is {@code null}
     */
    public B streamHttpVersion(HttpClient.Version streamHttpVersion) {
        this.streamHttpVersion = Objects.requireNonNull(streamHttpVersion, "streamHttpVersion");
        return self();
    }

    /**
     * Called with the builder of the library's JDK client after the TLS, proxy and version
     * settings, for anything else ({@code cookieHandler}, {@code localAddress}, ...). The library
     * then sets its own executor (see {@link #executor}) and connect timeout, which the hook cannot
     * replace. Providers share a client only when they were given the same hook object. Default:
     * none.
     *
     * @param httpClientCustomizer the hook; it must not keep the builder
     * @return this builder
     * @throws NullPointerException if {@code httpClientCustomizer} is {@code null}
     */
    public B httpClientCustomizer(Consumer<HttpClient.Builder> httpClientCustomizer) {
        this.httpClientCustomizer = Objects.requireNonNull(httpClientCustomizer, "httpClientCustomizer");
        return self();
    }

    /**
     * Sets how many calls this provider sends at once, streams included, and how long a call
     * beyond that waits for one to end before it fails with
     * {@link dev.gomodel.error.ConcurrencyLimitException}, a local failure that the router
     * neither retries, nor falls back on, nor counts against the provider. Default
     * {@link ConcurrencyLimit#defaults()}: 256 calls, a wait of up to 30 seconds.
     *
     * @param maxInFlight the most calls in flight at once
     * @param maxWait the longest a call waits for a slot; {@link Duration#ZERO} fails at once
     * @return this builder
     * @throws IllegalArgumentException if {@code maxInFlight} is not positive or {@code maxWait}
     *     is negative
     * @throws NullPointerException if {@code maxWait} is {@code null}
     */
    public B concurrencyLimit(int maxInFlight, Duration maxWait) {
        this.concurrencyLimit = new ConcurrencyLimit(maxInFlight, maxWait);
        return self();
    }

    /**
     * Whether requests ask for a gzip-compressed answer ({@code Accept-Encoding: gzip}); default
     * {@code true}. A gzip answer is decoded as it arrives, streams included, and the size limits
     * ({@link #maxResponseBytes}, {@link #maxEventBytes}) apply to the decoded bytes, so a
     * compression bomb fails with a {@link dev.gomodel.error.MalformedResponseException}. An
     * {@code Accept-Encoding} header set with {@link #header} replaces this one.
     *
     * @param compression whether to ask for gzip
     * @return this builder
     */
    public B compression(boolean compression) {
        this.compression = compression;
        return self();
    }

    /**
     * Sets the largest non-streamed response body accepted; default 32 MiB. A larger body fails
     * the call with a {@link dev.gomodel.error.MalformedResponseException}.
     *
     * @param maxResponseBytes the limit in bytes
     * @return this builder
     * @throws IllegalArgumentException if {@code maxResponseBytes} is not positive
     */
    public B maxResponseBytes(int maxResponseBytes) {
        this.maxResponseBytes = requirePositive(maxResponseBytes, "maxResponseBytes");
        return self();
    }

    /**
     * Sets the largest single stream event accepted; default 8 MiB. A larger event fails the
     * stream with a {@link dev.gomodel.error.MalformedResponseException}.
     *
     * @param maxEventBytes the limit in bytes
     * @return this builder
     * @throws IllegalArgumentException if {@code maxEventBytes} is not positive
     */
    public B maxEventBytes(int maxEventBytes) {
        this.maxEventBytes = requirePositive(maxEventBytes, "maxEventBytes");
        return self();
    }

    /**
     * Logs each request body, response body and stream event, cut to {@code maxChars}
     * characters, to the {@code dev.gomodel.providers.http.BodyLog} logger at {@code INFO};
     * {@code 0}, the default, logs none. Bodies hold prompts and answers, so turn this on only
     * where those may be logged. Headers, and so the API key, are never logged.
     *
     * @param maxChars how many characters of each body to log; {@code 0} for none
     * @return this builder
     * @throws IllegalArgumentException if {@code maxChars} is negative
     */
    public B logBodies(int maxChars) {
        if (maxChars < 0) {
            throw new IllegalArgumentException("logBodies maxChars must be 0 or more, got " + maxChars);
        }
        this.logBodyChars = maxChars;
        return self();
    }

    /**
     * The shared settings as they stand, for the concrete builder's {@code build()}.
     *
     * @return a copy; later changes to this builder do not reach it
     * @throws NullPointerException if the name or base URL was never set and has no default
     * @throws IllegalArgumentException if {@link #httpClient} was combined with a setting that
     *     configures the library's own client ({@code sslContext}, {@code sslParameters},
     *     {@code proxy}, {@code proxyAuthenticator}, {@code httpClientCustomizer}), naming it
     */
    protected HttpSettings settings() {
        Objects.requireNonNull(name, "name is required: this provider has no default name");
        Objects.requireNonNull(baseUrl, "baseUrl is required: this provider has no default base URL");
        String trimmed = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        TransportSettings transport = new TransportSettings(sslContext, sslParameters, proxy, proxyAuthenticator,
                httpVersion, streamHttpVersion, httpClientCustomizer);
        if (httpClient != null && transport.configuresClient()) {
            String setting = sslContext != null ? "sslContext" : sslParameters != null ? "sslParameters"
                    : proxy != null ? "proxy" : proxyAuthenticator != null ? "proxyAuthenticator"
                    : "httpClientCustomizer";
            throw new IllegalArgumentException(setting + " configures the client the library builds and cannot be "
                    + "combined with httpClient: configure the HttpClient you pass instead, or drop httpClient");
        }
        return new HttpSettings(name, URI.create(trimmed), apiKey, headers, models, timeouts, httpClient, executor,
                maxResponseBytes, maxEventBytes, logBodyChars, transport, concurrencyLimit, compression);
    }

    /**
     * Checks a required text setting.
     *
     * @param value the setting
     * @param what its name, for the message
     * @return {@code value}
     * @throws NullPointerException if it is missing, naming it
     * @throws IllegalArgumentException if it is blank, naming it
     */
    protected static String requireText(String value, String what) {
        Objects.requireNonNull(value, () -> what + " is required");
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    /**
     * Checks the name of a header: a non-blank HTTP token that the JDK client lets callers set.
     *
     * @param name the header's name
     * @param what what it is, for the message
     * @return {@code name}
     * @throws NullPointerException if it is missing, naming it
     * @throws IllegalArgumentException if it cannot be a header name, naming it
     */
    protected static String requireHeaderName(String name, String what) {
        requireText(name, what);
        if (!HEADER_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " must be an HTTP token (letters, digits and !#$%&'*+-.^_`|~), "
                    + "got \"" + name + "\"");
        }
        if (RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(what + " \"" + name + "\" is set by the HTTP client itself and cannot "
                    + "be configured");
        }
        return name;
    }

    /**
     * Checks text that goes into a header value; the message names it and never shows the value,
     * which may be a secret.
     *
     * @param value the header's value
     * @param what what it is, for the message
     * @return {@code value}
     * @throws NullPointerException if it is missing, naming it
     * @throws IllegalArgumentException if it holds a line break, another control character or a
     *     character past U+00FF, naming it
     */
    protected static String requireHeaderValue(String value, String what) {
        Objects.requireNonNull(value, () -> what + " is required");
        if (HEADER_VALUE_REFUSED.matcher(value).find()) {
            throw new IllegalArgumentException(what + " must not contain line breaks, other control characters or "
                    + "characters past U+00FF (the value is not shown)");
        }
        return value;
    }

    private static int requirePositive(int value, String what) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
        return value;
    }
}
