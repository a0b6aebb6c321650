package dev.gomodel.providers.anthropic;

import dev.gomodel.Provider;
import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.error.ApiException;
import dev.gomodel.providers.HttpProviderBuilder;
import dev.gomodel.providers.HttpSettings;
import dev.gomodel.providers.http.ErrorResponses;
import dev.gomodel.providers.http.HttpTransport;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * A provider speaking Anthropic's Messages API ({@code POST /v1/messages}), translating the
 * chat-completions request and answer both ways.
 *
 * <pre>{@code
 * AnthropicProvider anthropic = AnthropicProvider.builder()
 *         .apiKey(System.getenv("ANTHROPIC_API_KEY"))
 *         .build();
 * }</pre>
 *
 * <p>Requests are sent with {@code x-api-key}, {@code anthropic-version} and, when betas are
 * configured, {@code anthropic-beta}. How each request field is translated, and which fields
 * Anthropic cannot express (an {@link IllegalArgumentException} naming the field, thrown by
 * {@code create}, {@code createAsync} and {@code stream} before anything is sent): system
 * messages become the top-level {@code system}, consecutive messages of one role are merged
 * because Anthropic requires alternating roles, tool calls and results become
 * {@code tool_use}/{@code tool_result} blocks, {@code reasoning.effort} becomes a thinking
 * budget, and {@code max_tokens} (required by Anthropic) defaults to
 * {@link Builder#defaultMaxTokens(int)}. On the way back text, thinking and tool_use blocks
 * become content, {@code reasoning_content} and tool calls, stop reasons become
 * {@code finish_reason}s, and usage counts cached input tokens as prompt tokens. Anthropic sends
 * no creation time, so {@code created} is the time the answer arrived.
 *
 * <p>Immutable and thread-safe; share one instance. {@link #toString()} never shows the key.
 */
public final class AnthropicProvider implements Provider {

    /** Anthropic's API base URL. */
    public static final String DEFAULT_BASE_URL = "https://api.anthropic.com/v1";

    /** The {@code anthropic-version} sent unless {@link Builder#version(String)} sets another. */
    public static final String DEFAULT_VERSION = "2023-06-01";

    private final HttpSettings settings;
    private final URI endpoint;
    private final String version;
    private final List<String> betas;
    private final AnthropicRequests.Options options;
    private final Clock clock;
    private final HttpTransport transport;

    private AnthropicProvider(Builder builder) {
        this.settings = builder.shared();
        this.endpoint = settings.resolve("/messages");
        this.version = builder.version;
        this.betas = List.copyOf(builder.betas);
        this.options = new AnthropicRequests.Options(builder.defaultMaxTokens, builder.lowBudget, builder.mediumBudget,
                builder.highBudget);
        this.clock = builder.clock;
        this.transport = HttpTransport.create(settings);
    }

    /**
     * Starts a provider with Anthropic's defaults: name {@code "anthropic"},
     * {@value #DEFAULT_BASE_URL}, {@code anthropic-version} {@value #DEFAULT_VERSION}; only the
     * API key is left to set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public String type() {
        return "anthropic";
    }

    @Override
    public Set<String> models() {
        return settings.models();
    }

    /**
     * The base URL the provider was configured with.
     *
     * @return the URL without the {@code /messages} path and without a trailing {@code /}
     */
    public String baseUrl() {
        return settings.baseUrl().toString();
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException naming a request field Anthropic cannot express
     */
    @Override
    public CompletableFuture<ChatCompletion> createAsync(ChatRequest request) {
        return transport.send(completionRequest(request), this::parseCompletion);
    }

    /**
     * Sends the request on the calling thread, which waits for the answer.
     *
     * @throws IllegalArgumentException naming a request field Anthropic cannot express
     */
    @Override
    public ChatCompletion create(ChatRequest request) {
        return transport.sendBlocking(completionRequest(request), this::parseCompletion);
    }

    private HttpRequest.Builder completionRequest(ChatRequest request) {
        return httpRequest(AnthropicRequests.write(request, false, options), "application/json");
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException naming a request field Anthropic cannot express
     */
    @Override
    public Flow.Publisher<ChatCompletionChunk> stream(ChatRequest request) {
        byte[] body = AnthropicRequests.write(request, true, options);
        return transport.stream(httpRequest(body, "text/event-stream"),
                (provider, headers) -> new AnthropicStreamDialect(provider, headers, clock.millis() / 1000));
    }

    /** The upstream body for {@code request}, as {@link #createAsync} ({@code stream} false) or {@link #stream} sends it. */
    byte[] requestBody(ChatRequest request, boolean stream) {
        return AnthropicRequests.write(request, stream, options);
    }

    private ChatCompletion parseCompletion(byte[] body) {
        JsonTree.Node root = JsonTree.parseObject(body);
        if ("error".equals(root.string("type"))) {
            ApiException error = ErrorResponses.fromErrorEvent(settings.name(),
                    HttpHeaders.of(Map.of(), (a, b) -> true), body);
            if (error != null) {
                throw error;
            }
        }
        return AnthropicResponses.read(body, clock.millis() / 1000);
    }

    private HttpRequest.Builder httpRequest(byte[] body, String accept) {
        HttpRequest.Builder builder = transport.jsonPost(endpoint, body, accept, settings.headers())
                .setHeader("anthropic-version", version);
        if (!betas.isEmpty()) {
            builder.setHeader("anthropic-beta", String.join(",", betas));
        }
        if (settings.apiKey() != null) {
            builder.setHeader("x-api-key", settings.apiKey());
        }
        return builder;
    }

    /** Ends calls in flight and refuses new ones. */
    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return "AnthropicProvider[name=" + settings.name() + ", baseUrl=" + settings.baseUrl() + ", version=" + version
                + ", apiKey=" + (settings.apiKey() == null ? "none" : "***") + "]";
    }

    /**
     * Builds {@link AnthropicProvider}s: the settings every HTTP provider shares (name, apiKey,
     * baseUrl, header, model, timeouts, httpClient, executor, size limits) and Anthropic's own:
     * the API version, beta features, the default {@code max_tokens} and the thinking budgets.
     * Not thread-safe; {@link #build()} copies the settings, so a builder can be reused.
     */
    public static final class Builder extends HttpProviderBuilder<Builder> {
        private String version = DEFAULT_VERSION;
        private final Set<String> betas = new LinkedHashSet<>();
        private int defaultMaxTokens = 4096;
        private int lowBudget = 1024;
        private int mediumBudget = 4096;
        private int highBudget = 16384;
        private Clock clock = Clock.systemUTC();

        private Builder() {
            super("anthropic", DEFAULT_BASE_URL);
        }

        @Override
        protected Builder self() {
            return this;
        }

        private HttpSettings shared() {
            return settings();
        }

        /**
         * Sets the {@code anthropic-version} header; default
         * {@value AnthropicProvider#DEFAULT_VERSION}.
         *
         * @param version the API version
         * @return this builder
         * @throws NullPointerException if {@code version} is {@code null}
         * @throws IllegalArgumentException if {@code version} is blank or holds a character a
         *     header cannot carry
         */
        public Builder version(String version) {
            this.version = requireHeaderValue(requireText(version, "version"), "version");
            return this;
        }

        /**
         * A beta feature to turn on ({@code "prompt-caching-2024-07-31"}); every one given is
         * sent, comma-separated, in the {@code anthropic-beta} header. None by default.
         *
         * @param beta the beta feature's name
         * @return this builder
         * @throws NullPointerException if {@code beta} is {@code null}
         * @throws IllegalArgumentException if {@code beta} is blank or holds a character a header
         *     cannot carry
         */
        public Builder beta(String beta) {
            betas.add(requireHeaderValue(requireText(beta, "beta"), "beta"));
            return this;
        }

        /**
         * Sets the {@code max_tokens} of requests that set none (Anthropic requires it); default
         * 4096.
         *
         * @param defaultMaxTokens the limit on generated tokens
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder defaultMaxTokens(int defaultMaxTokens) {
            if (defaultMaxTokens <= 0) {
                throw new IllegalArgumentException("defaultMaxTokens must be positive, got " + defaultMaxTokens);
            }
            this.defaultMaxTokens = defaultMaxTokens;
            return this;
        }

        /**
         * The thinking {@code budget_tokens} for {@code reasoning.effort} low, medium and high;
         * default 1024, 4096 and 16384. A request's {@code max_tokens} is raised by the budget,
         * which Anthropic counts towards it.
         *
         * @param low the budget for {@code "low"}, at least 1024
         * @param medium the budget for {@code "medium"}, at least {@code low}
         * @param high the budget for {@code "high"}, at least {@code medium}
         * @return this builder
         * @throws IllegalArgumentException if {@code low} is below 1024 (Anthropic's smallest
         *     budget) or the budgets are not in non-decreasing order
         */
        public Builder thinkingBudgets(int low, int medium, int high) {
            if (low < 1024) {
                throw new IllegalArgumentException("thinking budgets must be at least 1024 tokens, got low=" + low);
            }
            if (medium < low || high < medium) {
                throw new IllegalArgumentException("thinking budgets must satisfy low <= medium <= high, got " + low
                        + ", " + medium + ", " + high);
            }
            this.lowBudget = low;
            this.mediumBudget = medium;
            this.highBudget = high;
            return this;
        }

        /**
         * Sets the clock that stamps {@code created} (Anthropic sends none); default the system
         * clock in UTC. A fixed clock makes tests deterministic.
         *
         * @param clock the clock, read when an answer arrives
         * @return this builder
         * @throws NullPointerException if {@code clock} is {@code null}
         */
        public Builder clock(Clock clock) {
            this.clock = java.util.Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the provider from the current settings; the builder can be changed and used
         * again. The provider's HTTP client is built here unless one was given.
         *
         * @return the provider; close it, or the client that owns it, when done
         */
        public AnthropicProvider build() {
            return new AnthropicProvider(this);
        }
    }
}
