package dev.gomodel.providers;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * What every HTTP provider is configured with, as its builder left it: the name requests use,
 * the base URL, the API key, extra headers, the models it serves, time and size limits, and an
 * optional {@link HttpClient} or executor of the caller's.
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows the API key.
 *
 * @param name the provider's name
 * @param baseUrl the base URL, without a trailing {@code /}
 * @param apiKey the API key, or {@code null} for servers that need none
 * @param headers headers sent with every request
 * @param models the models it serves; empty for any
 * @param timeouts the time limits
 * @param httpClient the caller's client, or {@code null} to build one
 * @param executor the executor of a built client, or {@code null} to run its work on its I/O thread
 * @param maxResponseBytes the largest non-streamed body accepted
 * @param maxEventBytes the largest single stream event accepted
 * @param logBodyChars how much of each request and response body to log; {@code 0} logs none
 * @param transport how the JDK client is configured: TLS, proxy, HTTP versions
 * @param concurrencyLimit how many calls go at once, and how long others wait
 * @param compression whether requests ask for a gzip-compressed answer ({@code Accept-Encoding: gzip})
 */
public record HttpSettings(
        String name,
        URI baseUrl,
        String apiKey,
        Map<String, String> headers,
        Set<String> models,
        Timeouts timeouts,
        HttpClient httpClient,
        Executor executor,
        int maxResponseBytes,
        int maxEventBytes,
        int logBodyChars,
        TransportSettings transport,
        ConcurrencyLimit concurrencyLimit,
        boolean compression) {

    /**
     * Copies the headers and models.
     *
     * @param name the provider's name
     * @param baseUrl the base URL, without a trailing {@code /}
     * @param apiKey the API key, or {@code null}
     * @param headers the headers; copied
     * @param models the models; copied
     * @param timeouts the time limits
     * @param httpClient the caller's client, or {@code null}
     * @param executor the built client's executor, or {@code null}
     * @param maxResponseBytes the largest non-streamed body
     * @param maxEventBytes the largest stream event
     * @param logBodyChars how much of each body to log
     * @param transport how the JDK client is configured
     * @param concurrencyLimit how many calls go at once
     * @param compression whether requests ask for gzip
     * @throws NullPointerException if {@code name}, {@code baseUrl}, {@code headers},
     *     {@code models}, {@code timeouts}, {@code transport}, {@code concurrencyLimit}, a
     *     header's name or value, or a model is {@code null}
     */
    public HttpSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseUrl, "baseUrl");
        headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
        models = Set.copyOf(Objects.requireNonNull(models, "models"));
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(concurrencyLimit, "concurrencyLimit");
    }

    /**
     * Settings with the {@linkplain TransportSettings#defaults() default transport} and
     * {@linkplain ConcurrencyLimit#defaults() concurrency limit}, asking for gzip.
     *
     * @param name the provider's name
     * @param baseUrl the base URL, without a trailing {@code /}
     * @param apiKey the API key, or {@code null}
     * @param headers the headers; copied
     * @param models the models; copied
     * @param timeouts the time limits
     * @param httpClient the caller's client, or {@code null}
     * @param executor the built client's executor, or {@code null}
     * @param maxResponseBytes the largest non-streamed body
     * @param maxEventBytes the largest stream event
     * @param logBodyChars how much of each body to log
     * @throws NullPointerException as the canonical constructor
     */
    public HttpSettings(String name, URI baseUrl, String apiKey, Map<String, String> headers, Set<String> models,
            Timeouts timeouts, HttpClient httpClient, Executor executor, int maxResponseBytes, int maxEventBytes,
            int logBodyChars) {
        this(name, baseUrl, apiKey, headers, models, timeouts, httpClient, executor, maxResponseBytes, maxEventBytes,
                logBodyChars, TransportSettings.defaults(), ConcurrencyLimit.defaults(),
                true);
    }

    /**
     * Resolves an API path under the base URL.
     *
     * @param path the path, starting with {@code /}, such as {@code "/chat/completions"}
     * @return the base URL followed by {@code path}
     */
    public URI resolve(String path) {
        return URI.create(baseUrl + path);
    }

    @Override
    public String toString() {
        return "HttpSettings[name=" + name + ", baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "***")
                + ", headers=" + headers.keySet() + ", models=" + models + ", timeouts=" + timeouts
                + ", logBodyChars=" + logBodyChars + ", transport=" + transport + ", concurrencyLimit=" + concurrencyLimit + ", compression=" + compression + "]";
    }
}
