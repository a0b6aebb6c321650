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
 *
 * @param model the model, optionally prefixed by a provider ({@code "openai/gpt-4o-mini"}) or an
 *     alias the router knows; required
 * @param messages the conversation so far, at least one message
 * @param maxTokens {@code max_tokens}, the most tokens to generate, or {@code null} for the
 *     upstream's default
 * @param temperature {@code temperature}, from 0 to 2, or {@code null} for the upstream's default
 * @param tools the tools the model may call, or {@code null} when the member is absent
 * @param toolChoice {@code tool_choice}, or {@code null} when absent
 * @param parallelToolCalls {@code parallel_tool_calls}, or {@code null} when absent
 * @param stream {@code stream}; the library sets it for streaming calls, otherwise {@code null}
 * @param streamOptions {@code stream_options}; the library sets it for streaming calls, otherwise
 *     {@code null}
 * @param reasoning the {@code reasoning} options, or {@code null} when absent
 * @param provider the name or type of the provider that must serve the request, or {@code null}
 *     to let the model decide
 * @param extra members this record does not name ({@code top_p}, {@code seed}, ...), written
 *     into the body as given; they may not repeat a field above
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

    /**
     * Copies the lists and {@code extra}, then checks the request.
     *
     * @param model the model, required and not blank
     * @param messages the messages, at least one; {@code null} is taken as none
     * @param maxTokens positive, or {@code null}
     * @param temperature from 0 to 2, or {@code null}
     * @param tools the tools, or {@code null} for an absent member
     * @param toolChoice the {@code tool_choice}, or {@code null}
     * @param parallelToolCalls the {@code parallel_tool_calls}, or {@code null}
     * @param stream the {@code stream} flag, or {@code null}
     * @param streamOptions the {@code stream_options}, or {@code null}
     * @param reasoning the reasoning options, or {@code null}; their effort must not be blank
     * @param provider the provider hint, or {@code null}; not blank when set
     * @param extra further members, or {@code null} for none
     * @throws IllegalArgumentException naming the JSON path of the first invalid field, for
     *     example {@code max_tokens must be positive, got 0}
     * @throws NullPointerException if an {@code extra} name or value is {@code null}
     */
    public ChatRequest {
        messages = Copies.requestList(messages);
        tools = Copies.nullableRequestList(tools);
        extra = Copies.extra(extra);
        RequestValidation.check(model, messages, maxTokens, temperature, tools, toolChoice, reasoning, provider, extra);
    }

    /**
     * Starts a request; {@link Builder#model(String) model} and at least one message are required.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts from this request, for example to add the assistant's answer and the next user turn.
     *
     * @return a new builder holding this request's values; changing it does not change this request
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * A copy of this request for another model, as the router makes for each target it tries.
     *
     * @param model the model, as for {@link Builder#model(String)}
     * @return a request equal to this one but for {@code model}
     * @throws IllegalArgumentException if {@code model} is {@code null} or blank
     */
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

        /**
         * Sets the model: {@code "gpt-4o-mini"}, {@code "openai/gpt-4o-mini"} or an alias. Required.
         *
         * @param model the model
         * @return this builder
         */
        public Builder model(String model) {
            this.model = model;
            return this;
        }

        /**
         * Appends a message after those already added.
         *
         * @param message the message
         * @return this builder
         * @throws NullPointerException if {@code message} is {@code null}
         */
        public Builder message(Message message) {
            messages.add(Objects.requireNonNull(message, "message"));
            return this;
        }

        /**
         * Replaces all messages added so far with a copy of {@code messages}.
         *
         * @param messages the messages, in order
         * @return this builder
         * @throws NullPointerException if {@code messages} or one of them is {@code null}
         */
        public Builder messages(List<Message> messages) {
            Objects.requireNonNull(messages, "messages");
            for (int i = 0; i < messages.size(); i++) {
                Objects.requireNonNull(messages.get(i), "messages[" + i + "]");
            }
            this.messages.clear();
            this.messages.addAll(messages);
            return this;
        }

        /**
         * Appends a {@code system} message.
         *
         * @param text the instructions
         * @return this builder
         */
        public Builder system(String text) {
            return message(Message.system(text));
        }

        /**
         * Appends a {@code user} message with string content.
         *
         * @param text what the user says
         * @return this builder
         */
        public Builder user(String text) {
            return message(Message.user(text));
        }

        /**
         * Appends an {@code assistant} message, for example an earlier answer of the conversation.
         *
         * @param text what the assistant said
         * @return this builder
         */
        public Builder assistant(String text) {
            return message(Message.assistant(text));
        }

        /**
         * Sets {@code max_tokens}: the most tokens to generate; must be positive. Default
         * {@code null}: the member is left out and the upstream decides.
         *
         * @param maxTokens the limit, or {@code null}
         * @return this builder
         */
        public Builder maxTokens(Integer maxTokens) {
            this.maxTokens = maxTokens;
            return this;
        }

        /**
         * Sets {@code temperature}, from 0 to 2; higher is more random. Default {@code null}: left
         * out.
         *
         * @param temperature the temperature, or {@code null}
         * @return this builder
         */
        public Builder temperature(Double temperature) {
            this.temperature = temperature;
            return this;
        }

        /**
         * Appends a tool the model may call.
         *
         * @param tool the tool, for example {@link Tool#function(String, String, JsonValue)}
         * @return this builder
         * @throws NullPointerException if {@code tool} is {@code null}
         */
        public Builder tool(Tool tool) {
            if (tools == null) {
                tools = new ArrayList<>();
            }
            tools.add(Objects.requireNonNull(tool, "tool"));
            return this;
        }

        /**
         * Replaces the tools with a copy of {@code tools}; {@code null} removes the member, while
         * an empty list sends {@code "tools": []}. Default {@code null}.
         *
         * @param tools the tools, or {@code null}
         * @return this builder
         */
        public Builder tools(List<Tool> tools) {
            this.tools = tools == null ? null : new ArrayList<>(tools);
            return this;
        }

        /**
         * Sets {@code tool_choice}: whether and which tool the model must call. Default
         * {@code null}: left out, so the upstream decides (usually {@link ToolChoice#AUTO}).
         *
         * @param toolChoice the choice, or {@code null}
         * @return this builder
         */
        public Builder toolChoice(ToolChoice toolChoice) {
            this.toolChoice = toolChoice;
            return this;
        }

        /**
         * Sets {@code parallel_tool_calls}: whether the model may call several tools in one turn.
         * Default {@code null}: left out.
         *
         * @param parallelToolCalls the flag, or {@code null}
         * @return this builder
         */
        public Builder parallelToolCalls(Boolean parallelToolCalls) {
            this.parallelToolCalls = parallelToolCalls;
            return this;
        }

        /**
         * Sets {@code stream}; the library sets it for streaming calls, so callers rarely need to.
         * Default {@code null}.
         *
         * @param stream the flag, or {@code null}
         * @return this builder
         */
        public Builder stream(Boolean stream) {
            this.stream = stream;
            return this;
        }

        /**
         * Sets {@code stream_options}; the library sets it for streaming calls unless the provider
         * declines it. Default {@code null}.
         *
         * @param streamOptions the options, or {@code null}
         * @return this builder
         */
        public Builder streamOptions(StreamOptions streamOptions) {
            this.streamOptions = streamOptions;
            return this;
        }

        /**
         * Sets the {@code reasoning} options, which each provider translates for its upstream.
         * Default {@code null}: left out.
         *
         * @param reasoning the options, or {@code null}
         * @return this builder
         */
        public Builder reasoning(Reasoning reasoning) {
            this.reasoning = reasoning;
            return this;
        }

        /**
         * Sets {@code reasoning} to just an effort: {@code "low"}, {@code "medium"} or
         * {@code "high"}, replacing any reasoning options set before.
         *
         * @param effort the effort
         * @return this builder
         */
        public Builder reasoningEffort(String effort) {
            return reasoning(Reasoning.effort(effort));
        }

        /**
         * Sets {@code provider}: the name or type of the provider that must serve this request.
         * Default {@code null}: the model, or its {@code provider/} prefix, decides.
         *
         * @param provider the provider's name or type, or {@code null}
         * @return this builder
         */
        public Builder provider(String provider) {
            this.provider = provider;
            return this;
        }

        /**
         * A member this model does not name ({@code top_p}, {@code seed}, {@code user}, ...),
         * written into the request body as given; {@code null} removes it.
         *
         * @param name the member's JSON name; must not be one of the fields this builder sets
         *     (checked by {@link #build()})
         * @param value the member's value, or {@code null} to remove a member set before
         * @return this builder
         * @throws NullPointerException if {@code name} is {@code null}
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
         * Builds the request from the current settings; the builder can be changed and used again.
         *
         * @return a new, valid request
         * @throws IllegalArgumentException naming the JSON path of the first invalid field
         */
        public ChatRequest build() {
            return new ChatRequest(model, messages, maxTokens, temperature, tools, toolChoice, parallelToolCalls,
                    stream, streamOptions, reasoning, provider, extra);
        }
    }
}
