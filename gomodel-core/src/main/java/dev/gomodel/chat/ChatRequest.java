package dev.gomodel.chat;

import dev.gomodel.internal.json.ExplicitNulls;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A chat-completions request, as sent to {@code POST /v1/chat/completions}.
 *
 * <p>{@code model} may name a provider ({@code "openai/gpt-4o-mini"}) or rely on the
 * {@code provider} hint; the router resolves both and sends the upstream the bare model with no
 * {@code provider} member. {@code stream} and {@code streamOptions} are set by the library when a
 * call streams; a caller does not need to set them.
 *
 * <p>{@code provider} meets the JSON member of that name in two ways. A string {@code provider}
 * is the routing hint above. Any other value, such as OpenRouter's routing preferences
 * {@code {"order": ["anthropic"], "allow_fallbacks": false}}, is a body member for an upstream
 * that owns one: it is read into {@code extra} and passed upstream untouched, set with
 * {@code extra("provider", JsonValue.parse(...))} (or a provider's {@code extraBody}). One
 * request cannot carry both, since they share one JSON member; route such a request by the
 * model's {@code provider/} prefix.
 *
 * <p>A member set to JSON {@code null} is named in {@code nulls} and written as {@code null};
 * {@link Builder#explicitNull(String)} sets one. Every other {@code null} component is left out
 * of the JSON.
 *
 * <p>Every instance is valid: the constructor checks the request and throws
 * {@link IllegalArgumentException} naming the JSON path of the first bad field, for example
 * {@code messages[2].tool_call_id is required for role "tool"}. Only what no upstream accepts is
 * refused, so ranges and the values of open strings are the upstream's to check. Immutable and
 * thread-safe.
 *
 * @param model the model, optionally prefixed by a provider ({@code "openai/gpt-4o-mini"}) or an
 *     alias the router knows; required
 * @param messages the conversation so far, at least one message (or none, for a request that
 *     carries OpenRouter's {@code prompt} member instead)
 * @param maxTokens {@code max_tokens}, the most tokens to generate, or {@code null} for the
 *     upstream's default
 * @param temperature {@code temperature} (0 to 2 for OpenAI), or {@code null} for the upstream's
 *     default
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
 *     into the body as given; they may not repeat a field above, but for a {@code provider} that
 *     is not a string
 * @param nulls the members above that are explicitly {@code null}; never {@code null}
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
        Map<String, JsonValue> extra,
        Set<String> nulls) {

    /**
     * Copies the lists and {@code extra}, then checks the request.
     *
     * @param model the model, required and not blank
     * @param messages the messages, at least one unless {@code extra} has a {@code prompt};
     *     {@code null} is taken as none
     * @param maxTokens the {@code max_tokens}, or {@code null}
     * @param temperature a finite {@code temperature}, or {@code null}
     * @param tools the tools, or {@code null} for an absent member
     * @param toolChoice the {@code tool_choice}, or {@code null}
     * @param parallelToolCalls the {@code parallel_tool_calls}, or {@code null}
     * @param stream the {@code stream} flag, or {@code null}
     * @param streamOptions the {@code stream_options}, or {@code null}
     * @param reasoning the reasoning options, or {@code null}; their effort, when set, must not
     *     be blank
     * @param provider the provider hint, or {@code null}; not blank when set
     * @param extra further members, or {@code null} for none
     * @param nulls the members that are explicitly {@code null}, or {@code null} for none; a
     *     member that has a value here is dropped from it
     * @throws IllegalArgumentException naming the JSON path of the first invalid field, for
     *     example {@code messages[2].tool_call_id is required for role "tool"}
     * @throws NullPointerException if an {@code extra} name or value is {@code null}
     */
    public ChatRequest {
        messages = Copies.requestList(messages);
        tools = Copies.nullableRequestList(tools);
        extra = Copies.extra(extra);
        nulls = ExplicitNulls.REQUEST.normalize(nulls, (model != null ? 1 : 0) | (messages.isEmpty() ? 0 : 2)
                | (maxTokens != null ? 4 : 0) | (temperature != null ? 8 : 0) | (tools != null ? 16 : 0)
                | (toolChoice != null ? 32 : 0) | (parallelToolCalls != null ? 64 : 0) | (stream != null ? 128 : 0)
                | (streamOptions != null ? 256 : 0) | (reasoning != null ? 512 : 0) | (provider != null ? 1024 : 0));
        RequestValidation.check(model, messages, temperature, tools, toolChoice, reasoning, provider, extra, nulls);
    }

    /**
     * A request with no member explicitly {@code null}: a {@code null} component is an absent
     * member.
     *
     * @param model the model, required and not blank
     * @param messages the messages; {@code null} is taken as none
     * @param maxTokens the {@code max_tokens}, or {@code null}
     * @param temperature a finite {@code temperature}, or {@code null}
     * @param tools the tools, or {@code null} for an absent member
     * @param toolChoice the {@code tool_choice}, or {@code null}
     * @param parallelToolCalls the {@code parallel_tool_calls}, or {@code null}
     * @param stream the {@code stream} flag, or {@code null}
     * @param streamOptions the {@code stream_options}, or {@code null}
     * @param reasoning the reasoning options, or {@code null}
     * @param provider the provider hint, or {@code null}
     * @param extra further members, or {@code null} for none
     * @throws IllegalArgumentException naming the JSON path of the first invalid field
     * @throws NullPointerException if an {@code extra} name or value is {@code null}
     */
    public ChatRequest(String model, List<Message> messages, Integer maxTokens, Double temperature, List<Tool> tools,
            ToolChoice toolChoice, Boolean parallelToolCalls, Boolean stream, StreamOptions streamOptions,
            Reasoning reasoning, String provider, Map<String, JsonValue> extra) {
        this(model, messages, maxTokens, temperature, tools, toolChoice, parallelToolCalls, stream, streamOptions,
                reasoning, provider, extra, Set.of());
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
        private final Set<String> nulls = new LinkedHashSet<>();

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
            nulls.addAll(request.nulls);
        }

        /**
         * Sets the model: {@code "gpt-4o-mini"}, {@code "openai/gpt-4o-mini"} or an alias. Required.
         *
         * @param model the model
         * @return this builder
         */
        public Builder model(String model) {
            this.model = model;
            nulls.remove("model");
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
            nulls.remove("messages");
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
            nulls.remove("messages");
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
         * Sets {@code max_tokens}: the most tokens to generate. Default {@code null}: the member
         * is left out and the upstream decides.
         *
         * @param maxTokens the limit, or {@code null}
         * @return this builder
         */
        public Builder maxTokens(Integer maxTokens) {
            this.maxTokens = maxTokens;
            nulls.remove("max_tokens");
            return this;
        }

        /**
         * Sets {@code temperature}, from 0 to 2 for OpenAI (the upstream checks its own range);
         * higher is more random. Default {@code null}: left out.
         *
         * @param temperature the temperature, or {@code null}
         * @return this builder
         */
        public Builder temperature(Double temperature) {
            this.temperature = temperature;
            nulls.remove("temperature");
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
            nulls.remove("tools");
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
            nulls.remove("tools");
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
            nulls.remove("tool_choice");
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
            nulls.remove("parallel_tool_calls");
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
            nulls.remove("stream");
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
            nulls.remove("stream_options");
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
            nulls.remove("reasoning");
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
         * Default {@code null}: the model, or its {@code provider/} prefix, decides. An upstream's
         * own {@code provider} object (OpenRouter's routing preferences) is not this hint: set it
         * with {@link #extra(String, JsonValue)}.
         *
         * @param provider the provider's name or type, or {@code null}
         * @return this builder
         */
        public Builder provider(String provider) {
            this.provider = provider;
            nulls.remove("provider");
            return this;
        }

        /**
         * A member this model does not name ({@code top_p}, {@code seed}, {@code user}, ...),
         * written into the request body as given; {@code null} removes it. Also a
         * {@code provider} member that is not a string, such as OpenRouter's routing preferences
         * object, which is passed upstream untouched.
         *
         * @param name the member's JSON name; must not be one of the fields this builder sets,
         *     but for a {@code provider} that is not a string (checked by {@link #build()})
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
         * Sends {@code member} as JSON {@code null}. For a member this builder sets
         * ({@code "temperature"}, {@code "tools"}, ...) its value is cleared and the member named
         * in {@link ChatRequest#nulls()}; setting a value afterwards replaces the null. Any other
         * member is put in {@code extra} as {@link JsonValue#NULL}.
         *
         * @param member the member's JSON name
         * @return this builder
         * @throws NullPointerException if {@code member} is {@code null}
         */
        public Builder explicitNull(String member) {
            Objects.requireNonNull(member, "member");
            if (ExplicitNulls.REQUEST.bit(member) == 0) {
                extra.put(member, JsonValue.NULL);
                return this;
            }
            switch (member) {
                case "model" -> model = null;
                case "messages" -> messages.clear();
                case "max_tokens" -> maxTokens = null;
                case "temperature" -> temperature = null;
                case "tools" -> tools = null;
                case "tool_choice" -> toolChoice = null;
                case "parallel_tool_calls" -> parallelToolCalls = null;
                case "stream" -> stream = null;
                case "stream_options" -> streamOptions = null;
                case "reasoning" -> reasoning = null;
                case "provider" -> provider = null;
                default -> throw new AssertionError(member);
            }
            nulls.add(member);
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
                    stream, streamOptions, reasoning, provider, extra, nulls);
        }
    }
}
