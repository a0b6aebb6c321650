package dev.gomodel.providers.openai;

import dev.gomodel.Provider;
import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.chat.JsonValue;
import dev.gomodel.chat.StreamOptions;
import dev.gomodel.error.ApiException;
import dev.gomodel.json.ChatJson;
import dev.gomodel.providers.HttpProviderBuilder;
import dev.gomodel.providers.HttpSettings;
import dev.gomodel.providers.http.ErrorResponses;
import dev.gomodel.providers.http.HttpTransport;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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

    private final HttpSettings settings;
    private final URI endpoint;
    private final Map<String, JsonValue> extraBody;
    private final boolean streamUsage;
    private final boolean reasoningEffortParameter;
    private final HttpTransport transport;

    private OpenAiProvider(Builder builder) {
        this.settings = builder.shared();
        this.endpoint = settings.resolve("/chat/completions");
        this.extraBody = new LinkedHashMap<>(builder.extraBody);
        this.streamUsage = builder.streamUsage;
        this.reasoningEffortParameter = builder.reasoningEffortParameter;
        this.transport = HttpTransport.create(settings);
    }

    /** A new builder with OpenAI's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public String type() {
        return "openai";
    }

    @Override
    public Set<String> models() {
        return settings.models();
    }

    /** The base URL requests go to, without the {@code /chat/completions} path. */
    public String baseUrl() {
        return settings.baseUrl().toString();
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
            ApiException error = ErrorResponses.fromErrorEvent(settings.name(), HttpHeaders.of(Map.of(), (a, b) -> true), body);
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
        if (settings.apiKey() != null) {
            builder.header("Authorization", "Bearer " + settings.apiKey());
        }
        settings.headers().forEach(builder::header);
        return builder;
    }

    /** Ends calls in flight and refuses new ones. */
    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return "OpenAiProvider[name=" + settings.name() + ", baseUrl=" + settings.baseUrl() + ", apiKey="
                + (settings.apiKey() == null ? "none" : "***") + "]";
    }

    /**
     * Builds {@link OpenAiProvider}s: the settings every HTTP provider shares (name, apiKey,
     * baseUrl, header, model, timeouts, httpClient, executor, size limits) and OpenAI's own.
     * Not thread-safe; {@link #build()} copies the settings, so a builder can be reused.
     */
    public static final class Builder extends HttpProviderBuilder<Builder> {
        private final Map<String, JsonValue> extraBody = new LinkedHashMap<>();
        private boolean streamUsage = true;
        private boolean reasoningEffortParameter = true;

        private Builder() {
            super("openai", DEFAULT_BASE_URL);
        }

        @Override
        protected Builder self() {
            return this;
        }

        private HttpSettings shared() {
            return settings();
        }

        /** A member added to every request body unless the request has it itself. */
        public Builder extraBody(String member, JsonValue value) {
            extraBody.put(requireText(member, "extraBody member"), Objects.requireNonNull(value, "extraBody value"));
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

        /** The provider. */
        public OpenAiProvider build() {
            return new OpenAiProvider(this);
        }
    }
}
