package dev.gomodel.providers.openai;

import dev.gomodel.Provider;
import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.chat.JsonValue;
import dev.gomodel.chat.StreamOptions;
import dev.gomodel.error.ApiException;
import dev.gomodel.json.ChatJson;
import dev.gomodel.providers.Timeouts;
import dev.gomodel.providers.http.ErrorResponses;
import dev.gomodel.providers.http.HttpTransport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.regex.Pattern;

/**
 * A provider speaking OpenAI's chat-completions API: OpenAI itself or any OpenAI-compatible
 * server (a local model server, a GoModel gateway) at another base URL.
 *
 * <pre>{@code
 * OpenAiProvider openai = OpenAiProvider.builder()
 *         .apiKey(System.getenv("OPENAI_API_KEY"))
 *         .build();
 * }</pre>
 *
 * <p>What it does to a request on the way out: sends {@code Authorization: Bearer <key>} (when
 * a key is set) and the configured headers; adds the configured extra body members (a
 * request's own members win); sets {@code stream} and, unless disabled,
 * {@code stream_options.include_usage} for streams; moves {@code reasoning.effort} to
 * {@code reasoning_effort}; and for OpenAI reasoning models (o-series, gpt-5 family) sends
 * {@code max_completion_tokens} instead of {@code max_tokens} and drops {@code temperature}.
 *
 * <p>Immutable and thread-safe; share one instance. {@link #toString()} never shows the key.
 */
public final class OpenAiProvider implements Provider {

    /** OpenAI's API base URL. */
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    private static final Pattern REASONING_MODEL = Pattern.compile("^(o\\d|gpt-5)([-.].*)?$");

    private final String name;
    private final URI endpoint;
    private final String baseUrl;
    private final String apiKey;
    private final Map<String, String> headers;
    private final Map<String, JsonValue> extraBody;
    private final Set<String> models;
    private final boolean streamUsage;
    private final boolean reasoningEffortParameter;
    private final HttpTransport transport;

    private OpenAiProvider(Builder builder) {
        this.name = builder.name;
        this.baseUrl = builder.baseUrl.endsWith("/") ? builder.baseUrl.substring(0, builder.baseUrl.length() - 1)
                : builder.baseUrl;
        this.endpoint = URI.create(baseUrl + "/chat/completions");
        this.apiKey = builder.apiKey;
        this.headers = Map.copyOf(builder.headers);
        this.extraBody = new LinkedHashMap<>(builder.extraBody);
        this.models = Set.copyOf(builder.models);
        this.streamUsage = builder.streamUsage;
        this.reasoningEffortParameter = builder.reasoningEffortParameter;
        HttpClient client = builder.httpClient != null ? builder.httpClient
                : HttpTransport.newClient(endpoint, builder.timeouts, builder.executor);
        this.transport = new HttpTransport(name, client, builder.timeouts, builder.maxResponseBytes,
                builder.maxEventBytes);
    }

    /** A new builder with OpenAI's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "openai";
    }

    @Override
    public Set<String> models() {
        return models;
    }

    /** The base URL requests go to, without the {@code /chat/completions} path. */
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public CompletableFuture<ChatCompletion> createAsync(ChatRequest request) {
        byte[] body = ChatJson.writeRequest(upstreamRequest(request, false));
        return transport.send(httpRequest(body, "application/json"), this::parseCompletion);
    }

    @Override
    public Flow.Publisher<ChatCompletionChunk> stream(ChatRequest request) {
        byte[] body = ChatJson.writeRequest(upstreamRequest(request, true));
        return transport.stream(httpRequest(body, "text/event-stream"), OpenAiStreamDialect::new);
    }

    private ChatCompletion parseCompletion(byte[] body) {
        ChatCompletion completion = ChatJson.readCompletion(body);
        if (completion.choices().isEmpty() && completion.extra().containsKey("error")) {
            ApiException error = ErrorResponses.fromErrorEvent(name, HttpHeaders.of(Map.of(), (a, b) -> true), body);
            if (error != null) {
                throw error;
            }
        }
        return completion;
    }

    /** The request as this upstream wants it. */
    ChatRequest upstreamRequest(ChatRequest request, boolean stream) {
        ChatRequest.Builder upstream = request.toBuilder().provider(null);
        extraBody.forEach((member, value) -> {
            if (!request.extra().containsKey(member)) {
                upstream.extra(member, value);
            }
        });
        if (stream) {
            upstream.stream(true);
            if (streamUsage && request.streamOptions() == null) {
                upstream.streamOptions(StreamOptions.withUsage());
            }
        } else {
            upstream.stream(null).streamOptions(null);
        }
        if (reasoningEffortParameter && request.reasoning() != null) {
            upstream.reasoning(null).extra("reasoning_effort", JsonValue.of(request.reasoning().effort()));
        }
        if (REASONING_MODEL.matcher(request.model()).matches()) {
            if (request.maxTokens() != null) {
                upstream.maxTokens(null).extra("max_completion_tokens", JsonValue.of(request.maxTokens()));
            }
            upstream.temperature(null);
        }
        return upstream.build();
    }

    private HttpRequest.Builder httpRequest(byte[] body, String accept) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json")
                .header("Accept", accept)
                .header("User-Agent", "gomodel-java");
        if (apiKey != null) {
            builder.header("Authorization", "Bearer " + apiKey);
        }
        headers.forEach(builder::header);
        return builder;
    }

    /** Ends calls in flight and refuses new ones. */
    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return "OpenAiProvider[name=" + name + ", baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "***")
                + "]";
    }

    /**
     * Builds {@link OpenAiProvider}s. Not thread-safe; {@link #build()} copies the settings, so a
     * builder can be reused.
     */
    public static final class Builder {
        private String name = "openai";
        private String baseUrl = DEFAULT_BASE_URL;
        private String apiKey;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final Map<String, JsonValue> extraBody = new LinkedHashMap<>();
        private final Set<String> models = new LinkedHashSet<>();
        private boolean streamUsage = true;
        private boolean reasoningEffortParameter = true;
        private Timeouts timeouts = Timeouts.defaults();
        private HttpClient httpClient;
        private Executor executor;
        private int maxResponseBytes = 32 * 1024 * 1024;
        private int maxEventBytes = 8 * 1024 * 1024;

        private Builder() {
        }

        /** The name requests use to address this provider; default {@code "openai"}. */
        public Builder name(String name) {
            this.name = requireText(name, "name");
            return this;
        }

        /** The API key, sent as {@code Authorization: Bearer}; leave unset for servers that need none. */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey == null ? null : requireText(apiKey, "apiKey");
            return this;
        }

        /** The base URL, up to but without {@code /chat/completions}; default {@value #DEFAULT_BASE_URL}. */
        public Builder baseUrl(String baseUrl) {
            requireText(baseUrl, "baseUrl");
            URI uri;
            try {
                uri = URI.create(baseUrl);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("baseUrl is not a valid URL: " + baseUrl, e);
            }
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("baseUrl must be an http:// or https:// URL with a host, got "
                        + baseUrl);
            }
            this.baseUrl = baseUrl;
            return this;
        }

        /** A header sent with every request (for example {@code OpenAI-Organization}). */
        public Builder header(String name, String value) {
            requireText(name, "header name");
            headers.put(name, Objects.requireNonNull(value, () -> "header " + name + " value"));
            return this;
        }

        /** A member added to every request body unless the request has it itself. */
        public Builder extraBody(String member, JsonValue value) {
            extraBody.put(requireText(member, "extraBody member"), Objects.requireNonNull(value, "extraBody value"));
            return this;
        }

        /** A model this provider serves; with none, it serves any model it is asked for. */
        public Builder model(String model) {
            models.add(requireText(model, "model"));
            return this;
        }

        /** Whether streams ask for usage with {@code stream_options.include_usage}; default true. */
        public Builder streamUsage(boolean streamUsage) {
            this.streamUsage = streamUsage;
            return this;
        }

        /**
         * Whether {@code reasoning.effort} is sent as OpenAI's top-level {@code reasoning_effort}
         * (default true); false sends {@code reasoning} unchanged, as a GoModel gateway expects.
         */
        public Builder reasoningEffortParameter(boolean reasoningEffortParameter) {
            this.reasoningEffortParameter = reasoningEffortParameter;
            return this;
        }

        /** The time limits; default {@link Timeouts#defaults()}. */
        public Builder timeouts(Timeouts timeouts) {
            this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
            return this;
        }

        /**
         * The JDK client to use instead of one built for this provider; its own connect timeout,
         * version and executor then apply.
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /** The executor of the client built for this provider; default the JDK client's own. */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** The largest non-streamed response body accepted; default 32 MiB. */
        public Builder maxResponseBytes(int maxResponseBytes) {
            this.maxResponseBytes = requirePositive(maxResponseBytes, "maxResponseBytes");
            return this;
        }

        /** The largest single stream event accepted; default 8 MiB. */
        public Builder maxEventBytes(int maxEventBytes) {
            this.maxEventBytes = requirePositive(maxEventBytes, "maxEventBytes");
            return this;
        }

        /** The provider. */
        public OpenAiProvider build() {
            return new OpenAiProvider(this);
        }

        private static String requireText(String value, String what) {
            Objects.requireNonNull(value, () -> what + " is required");
            if (value.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank");
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
}
