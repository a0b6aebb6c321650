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
import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

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
 * <p>What it does to a request on the way out: posts to {@code baseUrl + chatPath} with the
 * configured query parameters; sends the key as {@code Authorization: Bearer <key>} or in the
 * configured header (none without a key) and the configured headers; adds the configured extra
 * body members (a request's own members win); sets {@code stream} and, unless disabled,
 * {@code stream_options.include_usage} for streams; sends {@code reasoning.effort} as the
 * configured {@link ReasoningField} (the other members of {@code reasoning}, such as
 * OpenRouter's {@code max_tokens} or {@code exclude}, only with
 * {@link ReasoningField#REASONING_OBJECT}); for OpenAI reasoning models (o-series, gpt-5
 * family), unless disabled, sends {@code max_completion_tokens} instead of {@code max_tokens}
 * and drops {@code temperature}; and drops the {@code provider} hint (a string or an explicit
 * {@code null}) unless the provider {@linkplain Builder#forwardsRouting(boolean) forwards
 * routing} to a gateway. A {@code provider} member that is an object, such as OpenRouter's
 * routing preferences, is not the hint: it is sent as it is.
 *
 * <p>Every OpenAI-compatible upstream is this one class configured differently:
 * {@link OpenAiCompatible} holds a preset builder for each (Azure, Groq, Ollama, a GoModel
 * gateway, ...).
 *
 * <p>Immutable and thread-safe; share one instance. {@link #toString()} never shows the key.
 */
public final class OpenAiProvider implements Provider {

    /** OpenAI's API base URL. */
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    /**
     * The members {@link ChatRequest} writes from its own fields, which {@code extraBody} cannot
     * add; {@code provider} is one of them only as a string (the routing hint).
     */
    private static final Set<String> REQUEST_FIELDS = Set.of("model", "messages", "max_tokens", "temperature",
            "tools", "tool_choice", "parallel_tool_calls", "stream", "stream_options", "reasoning");


    /** The path of the chat-completions endpoint under the base URL, unless configured otherwise. */
    public static final String DEFAULT_CHAT_PATH = "/chat/completions";

    /**
     * Where a request's {@code reasoning.effort} goes on the wire, since OpenAI-compatible
     * upstreams disagree.
     */
    public enum ReasoningField {
        /** OpenAI's top-level {@code "reasoning_effort": "high"}. */
        REASONING_EFFORT,
        /** The {@code "reasoning": {"effort": "high"}} object unchanged (GoModel, OpenRouter). */
        REASONING_OBJECT,
        /** Not sent: the upstream documents neither form and may reject unknown members. */
        OMIT
    }

    private final HttpSettings settings;
    private final String type;
    private final URI endpoint;
    private final String authHeader;
    private final String authPrefix;
    private final Map<String, JsonValue> extraBody;
    private final boolean streamUsage;
    private final ReasoningField reasoningField;
    private final boolean reasoningModelParameters;
    private final boolean forwardsRouting;
    private final HttpTransport transport;

    private OpenAiProvider(Builder builder) {
        this.settings = builder.shared();
        this.type = builder.type;
        this.endpoint = endpoint(settings, builder.chatPath, builder.queryParameters);
        this.authHeader = builder.authHeader;
        this.authPrefix = builder.authPrefix;
        this.extraBody = new LinkedHashMap<>(builder.extraBody);
        this.streamUsage = builder.streamUsage;
        this.reasoningField = builder.reasoningField;
        this.reasoningModelParameters = builder.reasoningModelParameters;
        this.forwardsRouting = builder.forwardsRouting;
        this.transport = HttpTransport.create(settings);
    }

    private static URI endpoint(HttpSettings settings, String chatPath, Map<String, String> query) {
        if (query.isEmpty()) {
            return settings.resolve(chatPath);
        }
        StringBuilder url = new StringBuilder(settings.resolve(chatPath).toString());
        char separator = url.indexOf("?") < 0 ? '?' : '&';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            url.append(separator).append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return URI.create(url.toString());
    }

    /**
     * Starts a provider with OpenAI's defaults: name and type {@code "openai"},
     * {@value #DEFAULT_BASE_URL}, {@code Authorization: Bearer}; only the API key is left to set.
     * For other upstreams start from a preset of {@link OpenAiCompatible}.
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

    /** The provider type: {@code "openai"} unless the builder (or a preset) set another. */
    @Override
    public String type() {
        return type;
    }

    /**
     * True for a gateway (a GoModel server) configured with
     * {@link Builder#forwardsRouting(boolean)}: it is sent the request's model and
     * {@code provider} hint as written.
     */
    @Override
    public boolean forwardsRouting() {
        return forwardsRouting;
    }

    @Override
    public Set<String> models() {
        return settings.models();
    }

    /**
     * The base URL the provider was configured with.
     *
     * @return the URL without the chat path and without a trailing {@code /}
     */
    public String baseUrl() {
        return settings.baseUrl().toString();
    }

    /**
     * The URL every request is posted to.
     *
     * @return the base URL, the chat path and the configured query parameters, URL-encoded
     */
    public URI endpoint() {
        return endpoint;
    }

    /** Sends the request on the calling thread, which waits for the answer. */
    @Override
    public ChatCompletion create(ChatRequest request) {
        return transport.sendBlocking(completionRequest(request), this::parseCompletion);
    }

    @Override
    public CompletableFuture<ChatCompletion> createAsync(ChatRequest request) {
        return transport.send(completionRequest(request), this::parseCompletion);
    }

    private HttpRequest.Builder completionRequest(ChatRequest request) {
        return httpRequest(ChatJson.writeRequest(upstreamRequest(request, false)), "application/json");
    }

    @Override
    public Flow.Publisher<ChatCompletionChunk> stream(ChatRequest request) {
        byte[] body = ChatJson.writeRequest(upstreamRequest(request, true));
        return transport.stream(httpRequest(body, "text/event-stream"), OpenAiStreamDialect::new);
    }

    /** An {@code error} object in a 2xx body is an error, whatever else the body holds (OpenRouter sends choices beside it). */
    private ChatCompletion parseCompletion(byte[] body) {
        ChatCompletion completion = ChatJson.readCompletion(body);
        JsonValue errorMember = completion.extra().get("error");
        if (errorMember != null && !errorMember.isNull()) {
            ApiException error =
                    ErrorResponses.fromErrorEvent(settings.name(), HttpHeaders.of(Map.of(), (a, b) -> true), body);
            if (error != null) {
                throw error;
            }
        }
        if (completion.choices().isEmpty()) {
            // A 2xx body without a choice is not an answer, whatever else it holds.
            throw new IllegalArgumentException("choices: expected at least one choice, got none");
        }
        return completion;
    }

    /** The request as this upstream wants it: {@code request} itself when nothing needs changing. */
    ChatRequest upstreamRequest(ChatRequest request, boolean stream) {
        Objects.requireNonNull(request, "request");
        return isAsSent(request, stream) ? request : rebuilt(request, stream);
    }

    /** The request rebuilt for this upstream: what {@link #upstreamRequest} returns when something changes. */
    ChatRequest rebuilt(ChatRequest request, boolean stream) {
        ChatRequest.Builder upstream = forwardsRouting ? request.toBuilder() : request.toBuilder().provider(null);
        // A gateway is sent the request's provider hint, which is its provider member: that one wins.
        boolean ownProvider = forwardsRouting && (request.provider() != null || request.nulls().contains("provider"));
        extraBody.forEach((member, value) -> {
            if (!request.extra().containsKey(member) && !(ownProvider && member.equals("provider"))) {
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
        if (request.reasoning() != null) {
            switch (reasoningField) {
                case REASONING_EFFORT -> {
                    upstream.reasoning(null);
                    if (request.reasoning().effort() != null) {
                        upstream.extra("reasoning_effort", JsonValue.of(request.reasoning().effort()));
                    }
                }
                case OMIT -> upstream.reasoning(null);
                case REASONING_OBJECT -> { }
            }
        }
        if (reasoningModelParameters && isReasoningModel(request.model())) {
            if (request.maxTokens() != null) {
                upstream.maxTokens(null).extra("max_completion_tokens", JsonValue.of(request.maxTokens()));
            }
            upstream.temperature(null);
        }
        return upstream.build();
    }

    /** Whether {@link #upstreamRequest} would leave {@code request} as it is; each test mirrors a change there. */
    private boolean isAsSent(ChatRequest request, boolean stream) {
        boolean streamFields = stream
                ? Boolean.TRUE.equals(request.stream()) && (!streamUsage || request.streamOptions() != null)
                : request.stream() == null && request.streamOptions() == null;
        return streamFields
                && (forwardsRouting || request.provider() == null && !request.nulls().contains("provider"))
                && request.extra().keySet().containsAll(extraBody.keySet())
                && (request.reasoning() == null || reasoningField == ReasoningField.REASONING_OBJECT)
                && !(reasoningModelParameters && (request.maxTokens() != null || request.temperature() != null)
                        && isReasoningModel(request.model()));
    }

    /**
     * Whether OpenAI's reasoning-model rules apply to {@code model}: {@code o} and a digit, or
     * {@code gpt-5}, alone or followed by {@code -} or {@code .} and anything ({@code o3-mini},
     * {@code gpt-5.1}), but not {@code gpt-50} or {@code o3x}.
     */
    static boolean isReasoningModel(String model) {
        int stem;
        if (model.length() >= 2 && model.charAt(0) == 'o' && model.charAt(1) >= '0' && model.charAt(1) <= '9') {
            stem = 2;
        } else if (model.startsWith("gpt-5")) {
            stem = 5;
        } else {
            return false;
        }
        return model.length() == stem || model.charAt(stem) == '-' || model.charAt(stem) == '.';
    }

    private HttpRequest.Builder httpRequest(byte[] body, String accept) {
        HttpRequest.Builder builder = transport.jsonPost(endpoint, body, accept, settings.headers());
        if (settings.apiKey() != null) {
            builder.setHeader(authHeader, authPrefix + settings.apiKey());
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
        return "OpenAiProvider[name=" + settings.name() + ", baseUrl=" + settings.baseUrl() + ", apiKey="
                + (settings.apiKey() == null ? "none" : "***") + "]";
    }

    /**
     * Builds {@link OpenAiProvider}s: the settings every HTTP provider shares (name, apiKey,
     * baseUrl, header, model, timeouts, httpClient, executor, size limits) and what differs
     * between OpenAI-compatible upstreams (type, auth header, query parameters, chat path,
     * stream_options, reasoning field, reasoning-model parameters, gateway pass-through). The
     * defaults are OpenAI's. Not thread-safe; {@link #build()} copies the settings, so a builder
     * can be reused.
     */
    public static final class Builder extends HttpProviderBuilder<Builder> {
        private final Map<String, JsonValue> extraBody = new LinkedHashMap<>();
        private final Map<String, String> queryParameters = new LinkedHashMap<>();
        private String type = "openai";
        private String chatPath = DEFAULT_CHAT_PATH;
        private String authHeader = "Authorization";
        private String authPrefix = "Bearer ";
        private boolean streamUsage = true;
        private ReasoningField reasoningField = ReasoningField.REASONING_EFFORT;
        private boolean reasoningModelParameters = true;
        private boolean forwardsRouting;

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

        /**
         * Adds a member to every request body unless the request has it itself, such as
         * {@code top_k} for a server that takes it. Setting a member again replaces its value.
         *
         * <p>{@code provider} may be added when it is not a string: an upstream's own member,
         * such as OpenRouter's routing preferences
         * ({@code extraBody("provider", JsonValue.parse("{\"order\": [\"anthropic\"]}"))}). A
         * request's provider hint is consumed by the routing and not sent, so the preferences are;
         * a gateway that is sent the hint ({@link #forwardsRouting(boolean)}) gets the hint instead.
         *
         * @param member the member's JSON name
         * @param value the member's value
         * @return this builder
         * @throws NullPointerException if {@code member} or {@code value} is {@code null}
         * @throws IllegalArgumentException if {@code member} is blank, is a field of {@link ChatRequest}
         *     ({@code temperature}, {@code max_tokens}, ...), which is set on each request, or is
         *     {@code provider} with a string or JSON null value, which is the routing hint
         */
        public Builder extraBody(String member, JsonValue value) {
            requireText(member, "extraBody member");
            Objects.requireNonNull(value, () -> "extraBody " + member + " value is required");
            if (REQUEST_FIELDS.contains(member)) {
                throw new IllegalArgumentException("extraBody member \"" + member + "\" is a request field: set it on "
                        + "each request (an extra member of that name would not be sent)");
            }
            if (member.equals("provider") && (value.isString() || value.isNull())) {
                throw new IllegalArgumentException("extraBody member \"provider\" must not be a string or null: that "
                        + "is the routing hint, set on each request; an upstream's own provider member, such as "
                        + "OpenRouter's routing preferences, is an object, got " + value);
            }
            extraBody.put(member, value);
            return this;
        }

        /**
         * Sets whether streams ask for usage with {@code stream_options.include_usage}; default
         * true. Turn it off for servers that reject {@code stream_options}; a request that sets
         * its own {@code stream_options} keeps them either way.
         *
         * @param streamUsage {@code true} to send {@code stream_options}
         * @return this builder
         */
        public Builder streamUsage(boolean streamUsage) {
            this.streamUsage = streamUsage;
            return this;
        }

        /**
         * Whether {@code reasoning.effort} is sent as OpenAI's top-level {@code reasoning_effort}
         * (default true); false sends {@code reasoning} unchanged, as a GoModel gateway expects.
         * Shorthand for {@link #reasoningField(ReasoningField)}.
         *
         * @param reasoningEffortParameter {@code true} for {@link ReasoningField#REASONING_EFFORT},
         *     {@code false} for {@link ReasoningField#REASONING_OBJECT}
         * @return this builder
         */
        public Builder reasoningEffortParameter(boolean reasoningEffortParameter) {
            this.reasoningField = reasoningEffortParameter ? ReasoningField.REASONING_EFFORT
                    : ReasoningField.REASONING_OBJECT;
            return this;
        }

        /**
         * Sets where {@code reasoning.effort} goes on the wire; default
         * {@link ReasoningField#REASONING_EFFORT}.
         *
         * @param reasoningField the form the upstream accepts, or {@link ReasoningField#OMIT}
         * @return this builder
         * @throws NullPointerException if {@code reasoningField} is {@code null}
         */
        public Builder reasoningField(ReasoningField reasoningField) {
            this.reasoningField = Objects.requireNonNull(reasoningField, "reasoningField");
            return this;
        }

        /**
         * The provider type {@link OpenAiProvider#type()} reports, which {@code type/model}
         * names resolve by; default {@code "openai"}. Lower case letters, digits, {@code -} and
         * {@code _}.
         *
         * @param type the type
         * @return this builder
         * @throws NullPointerException if {@code type} is {@code null}
         * @throws IllegalArgumentException if {@code type} is blank or holds another character
         */
        public Builder type(String type) {
            requireText(type, "type");
            if (!type.matches("[a-z0-9][a-z0-9_-]*")) {
                throw new IllegalArgumentException("type must be lower case letters, digits, - or _, got " + type);
            }
            this.type = type;
            return this;
        }

        /**
         * The path of the chat-completions endpoint under the base URL; default
         * {@code /chat/completions}.
         *
         * @param chatPath the path, such as {@code /v1/chat/completions}
         * @return this builder
         * @throws NullPointerException if {@code chatPath} is {@code null}
         * @throws IllegalArgumentException if it does not start with {@code /} or holds a query
         *     or fragment
         */
        public Builder chatPath(String chatPath) {
            requireText(chatPath, "chatPath");
            if (!chatPath.startsWith("/") || chatPath.contains("?") || chatPath.contains("#")) {
                throw new IllegalArgumentException("chatPath must start with / and hold no query, got " + chatPath);
            }
            this.chatPath = chatPath;
            return this;
        }

        /**
         * A query parameter added to every request URL (Azure's {@code api-version}); the name
         * and value are URL-encoded. Setting a name again replaces its value.
         *
         * @param name the parameter's name
         * @param value the parameter's value; may be empty
         * @return this builder
         * @throws NullPointerException if {@code name} or {@code value} is {@code null}
         * @throws IllegalArgumentException if {@code name} is blank
         */
        public Builder queryParameter(String name, String value) {
            queryParameters.put(requireText(name, "queryParameter name"),
                    Objects.requireNonNull(value, () -> "queryParameter " + name + " value is required"));
            return this;
        }

        /**
         * The header the API key goes in and the text before it: default
         * {@code ("Authorization", "Bearer ")}; Azure uses {@code ("api-key", "")}. Without an
         * API key no auth header is sent.
         *
         * @param name the header's name
         * @param valuePrefix the text sent before the key, such as {@code "Bearer "}; may be empty
         * @return this builder
         * @throws NullPointerException if {@code name} or {@code valuePrefix} is {@code null}
         * @throws IllegalArgumentException if {@code name} cannot be a header name, or
         *     {@code valuePrefix} holds a character a header cannot carry
         */
        public Builder authHeader(String name, String valuePrefix) {
            this.authHeader = requireHeaderName(name, "authHeader name");
            this.authPrefix = requireHeaderValue(valuePrefix, "authHeader valuePrefix");
            return this;
        }

        /**
         * Whether OpenAI reasoning models (o-series, gpt-5 family) get {@code max_completion_tokens}
         * instead of {@code max_tokens} and no {@code temperature}; default true. Only OpenAI and
         * Azure OpenAI serve those models under those names.
         *
         * @param reasoningModelParameters {@code true} to rewrite those requests
         * @return this builder
         */
        public Builder reasoningModelParameters(boolean reasoningModelParameters) {
            this.reasoningModelParameters = reasoningModelParameters;
            return this;
        }

        /**
         * Whether this provider is a gateway that routes requests itself (a GoModel server):
         * the {@code provider} hint is sent and {@link OpenAiProvider#forwardsRouting()} is
         * true, so a router sends the model and hint as written. Default false: the hint is
         * dropped.
         *
         * @param forwardsRouting {@code true} for a gateway
         * @return this builder
         */
        public Builder forwardsRouting(boolean forwardsRouting) {
            this.forwardsRouting = forwardsRouting;
            return this;
        }

        /**
         * Builds the provider from the current settings; the builder can be changed and used
         * again. The provider's HTTP client is built here unless one was given.
         *
         * @return the provider; close it, or the client that owns it, when done
         */
        public OpenAiProvider build() {
            return new OpenAiProvider(this);
        }
    }
}
