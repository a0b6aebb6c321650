package dev.gomodel.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A chat-completions request, as sent to {@code POST /v1/chat/completions}.
 *
 * <p>{@code model} may name a provider ({@code "openai/gpt-4o-mini"}) or rely on the
 * {@code provider} hint; the router resolves both and sends the upstream the bare model with no
 * {@code provider} member. {@code stream} and {@code streamOptions} are set by the library when a
 * call streams; a caller does not need to set them.
 *
 * <p>Every instance is valid: the constructor checks the request and throws
 * {@link IllegalArgumentException} naming the JSON path of the first bad field, for example
 * {@code messages[2].tool_call_id is required for role "tool"}. Immutable and thread-safe.
 */
public record ChatRequest(
        String model,
        List<Message> messages,
        Integer maxTokens,
        Double temperature,
        List<Tool> tools,
        ToolChoice toolChoice,
        Boolean parallelToolCalls,
        Boolean stream,
        StreamOptions streamOptions,
        Reasoning reasoning,
        String provider,
        Map<String, JsonValue> extra) {

    public ChatRequest {
        messages = Copies.requestList(messages);
        tools = Copies.nullableRequestList(tools);
        extra = Copies.extra(extra);
        RequestValidation.check(model, messages, maxTokens, temperature, tools, toolChoice, reasoning, provider, extra);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this request's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** This request with another model. */
    public ChatRequest withModel(String model) {
        return toBuilder().model(model).build();
    }

    /** Builds {@link ChatRequest}s; not thread-safe, reusable after {@link #build()}. */
    public static final class Builder {
        private String model;
        private final List<Message> messages = new ArrayList<>();
        private Integer maxTokens;
        private Double temperature;
        private List<Tool> tools;
        private ToolChoice toolChoice;
        private Boolean parallelToolCalls;
        private Boolean stream;
        private StreamOptions streamOptions;
        private Reasoning reasoning;
        private String provider;
        private final Map<String, JsonValue> extra = new LinkedHashMap<>();

        private Builder() {
        }

        private Builder(ChatRequest request) {
            model = request.model;
            messages.addAll(request.messages);
            maxTokens = request.maxTokens;
            temperature = request.temperature;
            tools = request.tools == null ? null : new ArrayList<>(request.tools);
            toolChoice = request.toolChoice;
            parallelToolCalls = request.parallelToolCalls;
            stream = request.stream;
            streamOptions = request.streamOptions;
            reasoning = request.reasoning;
            provider = request.provider;
            extra.putAll(request.extra);
        }

        /** The model: {@code "gpt-4o-mini"}, {@code "openai/gpt-4o-mini"} or an alias. Required. */
        public Builder model(String model) {
            this.model = model;
            return this;
        }

        /** Appends a message. */
        public Builder message(Message message) {
            messages.add(Objects.requireNonNull(message, "message"));
            return this;
        }

        /** Replaces all messages. */
        public Builder messages(List<Message> messages) {
            Objects.requireNonNull(messages, "messages");
            for (int i = 0; i < messages.size(); i++) {
                Objects.requireNonNull(messages.get(i), "messages[" + i + "]");
            }
            this.messages.clear();
            this.messages.addAll(messages);
            return this;
        }

        /** Appends a {@code system} message. */
        public Builder system(String text) {
            return message(Message.system(text));
        }

        /** Appends a {@code user} message. */
        public Builder user(String text) {
            return message(Message.user(text));
        }

        /** Appends an {@code assistant} message. */
        public Builder assistant(String text) {
            return message(Message.assistant(text));
        }

        /** {@code max_tokens}: the most tokens to generate; must be positive. */
        public Builder maxTokens(Integer maxTokens) {
            this.maxTokens = maxTokens;
            return this;
        }

        /** {@code temperature}, from 0 to 2. */
        public Builder temperature(Double temperature) {
            this.temperature = temperature;
            return this;
        }

        /** Appends a tool. */
        public Builder tool(Tool tool) {
            if (tools == null) {
                tools = new ArrayList<>();
            }
            tools.add(Objects.requireNonNull(tool, "tool"));
            return this;
        }

        /** Replaces the tools; {@code null} removes the member. */
        public Builder tools(List<Tool> tools) {
            this.tools = tools == null ? null : new ArrayList<>(tools);
            return this;
        }

        /** {@code tool_choice}. */
        public Builder toolChoice(ToolChoice toolChoice) {
            this.toolChoice = toolChoice;
            return this;
        }

        /** {@code parallel_tool_calls}. */
        public Builder parallelToolCalls(Boolean parallelToolCalls) {
            this.parallelToolCalls = parallelToolCalls;
            return this;
        }

        /** {@code stream}; set by the library for streaming calls. */
        public Builder stream(Boolean stream) {
            this.stream = stream;
            return this;
        }

        /** {@code stream_options}; set by the library for streaming calls unless the provider declines it. */
        public Builder streamOptions(StreamOptions streamOptions) {
            this.streamOptions = streamOptions;
            return this;
        }

        /** {@code reasoning}. */
        public Builder reasoning(Reasoning reasoning) {
            this.reasoning = reasoning;
            return this;
        }

        /** {@code reasoning.effort}: {@code "low"}, {@code "medium"} or {@code "high"}. */
        public Builder reasoningEffort(String effort) {
            return reasoning(Reasoning.effort(effort));
        }

        /** {@code provider}: the name or type of the provider that must serve this request. */
        public Builder provider(String provider) {
            this.provider = provider;
            return this;
        }

        /**
         * A member this model does not name ({@code top_p}, {@code seed}, {@code user}, ...),
         * written into the request body as given; {@code null} removes it.
         */
        public Builder extra(String name, JsonValue value) {
            Objects.requireNonNull(name, "name");
            if (value == null) {
                extra.remove(name);
            } else {
                extra.put(name, value);
            }
            return this;
        }

        /**
         * The request.
         *
         * @throws IllegalArgumentException naming the JSON path of the first invalid field
         */
        public ChatRequest build() {
            return new ChatRequest(model, messages, maxTokens, temperature, tools, toolChoice, parallelToolCalls,
                    stream, streamOptions, reasoning, provider, extra);
        }
    }
}
