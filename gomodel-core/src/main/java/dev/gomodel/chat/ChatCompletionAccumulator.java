package dev.gomodel.chat;

import dev.gomodel.chat.ChatCompletionChunk.ChunkChoice;
import dev.gomodel.chat.ChatCompletionChunk.Delta;
import dev.gomodel.chat.ChatCompletionChunk.ToolCallDelta;
import dev.gomodel.internal.json.ExplicitNulls;
import dev.gomodel.internal.json.TrustedJson;
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
 * content that arrives as a list of parts is folded too, its text parts into the content and
 * its thinking parts ({@link ContentPart.ThinkingPart}) into the reasoning content, while a part
 * of any other type is kept, in order, which makes the content a list of parts. Tool calls are
 * merged by their {@code index}, taking the first non-null id, type and name and concatenating
 * the argument fragments; the last non-null {@code finish_reason} and {@code logprobs} win. The
 * completion takes id, model, created, provider and system_fingerprint from the first chunk
 * that has them and the last non-null usage. Unknown members are kept: string members of deltas
 * are concatenated (as {@code refusal} and OpenRouter's {@code reasoning} are streamed), array
 * members of deltas are concatenated (as {@code annotations} and {@code reasoning_details}
 * are), any other member keeps its last value.
 *
 * <p>A JSON {@code null} in a chunk means "nothing new", never "forget": a later
 * {@code "reasoning": null} leaves the reasoning streamed so far as it was. A member that was
 * only ever {@code null} is {@code null} in the result too (named in the records' {@code nulls},
 * so it is written back as {@code null}); the message's {@code content} and the choice's
 * {@code finish_reason} are written as {@code null} when the stream brought none, as in a
 * non-streamed completion. A text or thinking part's own extra members are not carried into the
 * folded text.
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
    /** The chunks' explicit nulls, as bits of {@link ExplicitNulls#RESPONSE}. */
    private int nulls;
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
        nulls |= ExplicitNulls.RESPONSE.bits(chunk.nulls());
        if (!chunk.extra().isEmpty()) {
            chunk.extra().forEach((name, value) -> keepLast(extra, name, value));
        }
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
                extra, ExplicitNulls.RESPONSE.set(nulls));
    }

    private static String first(String current, String candidate) {
        return current != null ? current : candidate;
    }

    /** Merges a member whose latest value replaces the one before; a JSON {@code null} replaces nothing. */
    private static void keepLast(Map<String, JsonValue> merged, String name, JsonValue value) {
        if (!value.isNull() || !merged.containsKey(name)) {
            merged.put(name, value);
        }
    }

    /**
     * Merges a member of a delta: strings and arrays are fragments and are concatenated, any
     * other value replaces the one before, and a JSON {@code null} replaces nothing.
     */
    private static void mergeFragment(Map<String, JsonValue> merged, String name, JsonValue value) {
        JsonValue previous = merged.get(name);
        if (previous == null || previous.isNull()) {
            merged.put(name, value);
        } else if (value.isNull()) {
            return;
        } else if (previous.isString() && value.isString()) {
            merged.put(name, JsonValue.of(previous.asString() + value.asString()));
        } else if (isArray(previous) && isArray(value)) {
            merged.put(name, concatenated(previous.json(), value.json()));
        } else {
            merged.put(name, value);
        }
    }

    private static boolean isArray(JsonValue value) {
        return value.json().startsWith("[");
    }

    /** The elements of two JSON array texts in one array; both are well-formed, so the result is too. */
    private static JsonValue concatenated(String first, String second) {
        String head = first.substring(0, first.length() - 1);
        String tail = second.substring(1);
        if (head.substring(1).isBlank()) {
            return TrustedJson.value("[" + tail);
        }
        if (tail.substring(0, tail.length() - 1).isBlank()) {
            return TrustedJson.value(head + "]");
        }
        return TrustedJson.value(head + "," + tail);
    }

    private static final class ChoiceState {
        private final int index;
        private String role;
        /** The text since the last kept part, or all of it while no part is kept. */
        private StringBuilder content;
        /** Content parts of types other than text and thinking, with the text between them, in order. */
        private List<ContentPart> parts;
        private StringBuilder reasoning;
        private final TreeMap<Integer, ToolCallState> toolCalls = new TreeMap<>();
        private String finishReason;
        private JsonValue logprobs;
        private final Map<String, JsonValue> choiceExtra = new LinkedHashMap<>();
        private final Map<String, JsonValue> messageExtra = new LinkedHashMap<>();
        /** Explicit nulls of the choices, as bits of {@link ExplicitNulls#CHUNK_CHOICE}. */
        private int choiceNulls;
        /** Explicit nulls of the deltas, as bits of {@link ExplicitNulls#DELTA}. */
        private int deltaNulls;

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
            choiceNulls |= ExplicitNulls.CHUNK_CHOICE.bits(choice.nulls());
            if (!choice.extra().isEmpty()) {
                choice.extra().forEach((name, value) -> keepLast(choiceExtra, name, value));
            }
            Delta delta = choice.delta();
            if (delta == null) {
                return;
            }
            role = first(role, delta.role());
            if (delta.content() instanceof Content.Text text) {
                content = append(content, text.text());
            } else if (delta.content() instanceof Content.Parts fragments) {
                acceptParts(fragments.parts());
            }
            if (delta.reasoningContent() != null) {
                reasoning = append(reasoning, delta.reasoningContent());
            }
            if (delta.toolCalls() != null) {
                for (ToolCallDelta call : delta.toolCalls()) {
                    toolCalls.computeIfAbsent(call.index(), i -> new ToolCallState()).accept(call);
                }
            }
            deltaNulls |= ExplicitNulls.DELTA.bits(delta.nulls());
            if (!delta.extra().isEmpty()) {
                delta.extra().forEach((name, value) -> mergeFragment(messageExtra, name, value));
            }
        }

        private void acceptParts(List<ContentPart> fragments) {
            // An empty list still says the content is present, as "" does.
            content = append(content, "");
            for (ContentPart part : fragments) {
                if (part instanceof ContentPart.TextPart text) {
                    if (text.text() != null) {
                        content.append(text.text());
                    }
                } else if (part instanceof ContentPart.ThinkingPart thinking) {
                    reasoning = append(reasoning, thinking.text());
                } else {
                    if (parts == null) {
                        parts = new ArrayList<>();
                    }
                    if (content.length() > 0) {
                        parts.add(ContentPart.text(content.toString()));
                        content.setLength(0);
                    }
                    parts.add(part);
                }
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
            Content text;
            if (parts != null) {
                List<ContentPart> all = new ArrayList<>(parts);
                if (content.length() > 0) {
                    all.add(ContentPart.text(content.toString()));
                }
                text = Content.parts(all);
            } else {
                text = content == null ? null : Content.text(content.toString());
            }
            // A message without content has "content": null, as in a non-streamed completion.
            int messageNulls = ExplicitNulls.MESSAGE.membersOf(ExplicitNulls.DELTA.set(deltaNulls))
                    | ExplicitNulls.MESSAGE.bit("content");
            Message message = new Message(role == null ? Message.ASSISTANT : role, text,
                    reasoning == null ? null : reasoning.toString(), null, calls, messageExtra,
                    ExplicitNulls.MESSAGE.set(messageNulls));
            int nulls = ExplicitNulls.CHOICE.membersOf(ExplicitNulls.CHUNK_CHOICE.set(choiceNulls))
                    | ExplicitNulls.CHOICE.bit("finish_reason");
            return new Choice(index, message, finishReason, logprobs, choiceExtra, ExplicitNulls.CHOICE.set(nulls));
        }
    }

    private static final class ToolCallState {
        private String id;
        private String type;
        private String name;
        private StringBuilder arguments;
        private final Map<String, JsonValue> extra = new LinkedHashMap<>();
        private final Map<String, JsonValue> functionExtra = new LinkedHashMap<>();
        /** Explicit nulls of the fragments, as bits of {@link ExplicitNulls#TOOL_CALL_DELTA}. */
        private int nulls;
        /** Explicit nulls of the fragments' functions, as bits of {@link ExplicitNulls#FUNCTION_CALL}. */
        private int functionNulls;

        void accept(ToolCallDelta call) {
            id = first(id, call.id());
            type = first(type, call.type());
            nulls |= ExplicitNulls.TOOL_CALL_DELTA.bits(call.nulls());
            call.extra().forEach((member, value) -> keepLast(extra, member, value));
            FunctionCall function = call.function();
            if (function != null) {
                name = first(name, function.name());
                if (function.arguments() != null) {
                    arguments = arguments == null ? new StringBuilder(function.arguments())
                            : arguments.append(function.arguments());
                }
                functionNulls |= ExplicitNulls.FUNCTION_CALL.bits(function.nulls());
                function.extra().forEach((member, value) -> keepLast(functionExtra, member, value));
            }
        }

        ToolCall build() {
            FunctionCall function = new FunctionCall(name, arguments == null ? "" : arguments.toString(), functionExtra,
                    ExplicitNulls.FUNCTION_CALL.set(functionNulls));
            return new ToolCall(id, type == null ? ToolCall.FUNCTION : type, function, extra,
                    ExplicitNulls.TOOL_CALL.set(ExplicitNulls.TOOL_CALL.membersOf(ExplicitNulls.TOOL_CALL_DELTA.set(nulls))));
        }
    }
}
