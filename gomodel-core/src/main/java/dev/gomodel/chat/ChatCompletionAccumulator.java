package dev.gomodel.chat;

import dev.gomodel.chat.ChatCompletionChunk.ChunkChoice;
import dev.gomodel.chat.ChatCompletionChunk.Delta;
import dev.gomodel.chat.ChatCompletionChunk.ToolCallDelta;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Folds a stream's chunks into the {@link ChatCompletion} they add up to.
 *
 * <p>Per choice (by {@code index}): content and reasoning content fragments are concatenated;
 * tool calls are merged by their {@code index}, taking the first non-null id, type and name
 * and concatenating the argument fragments; the last non-null {@code finish_reason} and
 * {@code logprobs} win. The completion takes id, model, created, provider and
 * system_fingerprint from the first chunk that has them and the last non-null usage. Unknown
 * members are kept: string members of deltas are concatenated (as {@code refusal} is
 * streamed), any other member keeps its last value.
 *
 * <p>Not thread-safe: feed it from one stream's serial signals. {@link #result()} may be called
 * at any time, for example to report a partial answer after a failure.
 */
public final class ChatCompletionAccumulator {

    private String id;
    private Long created;
    private String model;
    private String provider;
    private String systemFingerprint;
    private Usage usage;
    private final Map<String, JsonValue> extra = new LinkedHashMap<>();
    private final TreeMap<Integer, ChoiceState> choices = new TreeMap<>();
    private long chunks;

    /** An accumulator that has seen no chunk yet. */
    public ChatCompletionAccumulator() {
    }

    /**
     * Adds one chunk, merging it into what the chunks before it added up to.
     *
     * @param chunk the stream's next chunk
     * @throws NullPointerException if {@code chunk} is {@code null}
     */
    public void accept(ChatCompletionChunk chunk) {
        Objects.requireNonNull(chunk, "chunk");
        chunks++;
        id = first(id, chunk.id());
        created = created != null ? created : chunk.created();
        model = first(model, chunk.model());
        provider = first(provider, chunk.provider());
        systemFingerprint = first(systemFingerprint, chunk.systemFingerprint());
        if (chunk.usage() != null) {
            usage = chunk.usage();
        }
        extra.putAll(chunk.extra());
        for (ChunkChoice choice : chunk.choices()) {
            choices.computeIfAbsent(choice.index(), ChoiceState::new).accept(choice);
        }
    }

    /**
     * Counts the chunks added so far.
     *
     * @return how many times {@link #accept} was called
     */
    public long chunkCount() {
        return chunks;
    }

    /**
     * Builds the completion the chunks so far add up to; adding more chunks afterwards does not
     * change it. A choice with no role gets {@link Message#ASSISTANT}, a tool call with no type
     * {@link ToolCall#FUNCTION}.
     *
     * @return a completion with {@code object} {@value ChatCompletion#OBJECT}, its choices in
     *     {@code index} order; with no choice and {@code null} members when no chunk was added
     */
    public ChatCompletion result() {
        List<Choice> built = new ArrayList<>(choices.size());
        for (ChoiceState state : choices.values()) {
            built.add(state.build());
        }
        return new ChatCompletion(id, ChatCompletion.OBJECT, created, model, provider, systemFingerprint, built, usage,
                extra);
    }

    private static String first(String current, String candidate) {
        return current != null ? current : candidate;
    }

    private static final class ChoiceState {
        private final int index;
        private String role;
        private StringBuilder content;
        private StringBuilder reasoning;
        private final TreeMap<Integer, ToolCallState> toolCalls = new TreeMap<>();
        private String finishReason;
        private JsonValue logprobs;
        private final Map<String, JsonValue> choiceExtra = new LinkedHashMap<>();
        private final Map<String, JsonValue> messageExtra = new LinkedHashMap<>();

        ChoiceState(int index) {
            this.index = index;
        }

        void accept(ChunkChoice choice) {
            if (choice.finishReason() != null) {
                finishReason = choice.finishReason();
            }
            if (choice.logprobs() != null && !choice.logprobs().isNull()) {
                logprobs = choice.logprobs();
            }
            choiceExtra.putAll(choice.extra());
            Delta delta = choice.delta();
            if (delta == null) {
                return;
            }
            role = first(role, delta.role());
            if (delta.content() != null) {
                content = append(content, delta.content());
            }
            if (delta.reasoningContent() != null) {
                reasoning = append(reasoning, delta.reasoningContent());
            }
            if (delta.toolCalls() != null) {
                for (ToolCallDelta call : delta.toolCalls()) {
                    toolCalls.computeIfAbsent(call.index(), i -> new ToolCallState()).accept(call);
                }
            }
            delta.extra().forEach(this::mergeMessageExtra);
        }

        private void mergeMessageExtra(String name, JsonValue value) {
            JsonValue previous = messageExtra.get(name);
            if (previous != null && previous.isString() && value.isString()) {
                messageExtra.put(name, JsonValue.of(previous.asString() + value.asString()));
            } else {
                messageExtra.put(name, value);
            }
        }

        private static StringBuilder append(StringBuilder builder, String fragment) {
            return builder == null ? new StringBuilder(fragment) : builder.append(fragment);
        }

        Choice build() {
            List<ToolCall> calls = null;
            if (!toolCalls.isEmpty()) {
                calls = new ArrayList<>(toolCalls.size());
                for (ToolCallState call : toolCalls.values()) {
                    calls.add(call.build());
                }
            }
            Content text = content == null ? null : Content.text(content.toString());
            Message message = new Message(role == null ? Message.ASSISTANT : role, text,
                    reasoning == null ? null : reasoning.toString(), null, calls, messageExtra);
            return new Choice(index, message, finishReason, logprobs, choiceExtra);
        }
    }

    private static final class ToolCallState {
        private String id;
        private String type;
        private String name;
        private StringBuilder arguments;
        private final Map<String, JsonValue> extra = new LinkedHashMap<>();
        private final Map<String, JsonValue> functionExtra = new LinkedHashMap<>();

        void accept(ToolCallDelta call) {
            id = first(id, call.id());
            type = first(type, call.type());
            extra.putAll(call.extra());
            FunctionCall function = call.function();
            if (function != null) {
                name = first(name, function.name());
                if (function.arguments() != null) {
                    arguments = arguments == null ? new StringBuilder(function.arguments())
                            : arguments.append(function.arguments());
                }
                functionExtra.putAll(function.extra());
            }
        }

        ToolCall build() {
            return new ToolCall(id, type == null ? ToolCall.FUNCTION : type,
                    new FunctionCall(name, arguments == null ? "" : arguments.toString(), functionExtra), extra);
        }
    }
}
