package dev.gomodel.chat;

import dev.gomodel.internal.json.ExplicitNulls;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One event of a streamed completion: {@code {"id", "object": "chat.completion.chunk",
 * "created", "model", "choices": [{"index", "delta", "finish_reason"}], "usage"}}. The last
 * chunk of a stream with {@code include_usage} has no choices and carries the usage.
 *
 * <p>Fold a stream into a {@link ChatCompletion} with {@link ChatCompletionAccumulator}.
 * Immutable and thread-safe.
 *
 * <p>A member the upstream sent as JSON {@code null} reads as a {@code null} component like an
 * absent one; each record's {@code nulls} keeps the difference, so the chunk is written back as
 * it came (see the package documentation).
 *
 * @param id the completion's id, the same on every chunk of a stream, or {@code null}
 * @param object the {@code object} member, {@value #OBJECT} from a conforming upstream
 * @param created when the completion was created, in seconds since the Unix epoch, or {@code null}
 * @param model the model that answers, as the upstream names it, or {@code null}
 * @param provider the provider serving the stream, or {@code null} when unknown
 * @param systemFingerprint the upstream's {@code system_fingerprint}, or {@code null}
 * @param choices the choices this chunk changes; empty (never {@code null}) on a usage-only chunk
 * @param usage the token counts, usually only on the last chunk, or {@code null}
 * @param extra the members this record does not know, in the order they came
 * @param nulls the members above that were explicitly {@code null}; never {@code null}
 */
public record ChatCompletionChunk(
        String id,
        String object,
        Long created,
        String model,
        String provider,
        String systemFingerprint,
        List<ChunkChoice> choices,
        Usage usage,
        Map<String, JsonValue> extra,
        Set<String> nulls) {

    /** The {@code object} value of a stream chunk. */
    public static final String OBJECT = "chat.completion.chunk";

    /**
     * Copies {@code choices} and {@code extra}; {@code null} for either is taken as empty.
     *
     * @param id the completion's id, or {@code null}
     * @param object the {@code object} member, normally {@value #OBJECT}
     * @param created the creation time in Unix seconds, or {@code null}
     * @param model the model, or {@code null}
     * @param provider the provider serving the stream, or {@code null}
     * @param systemFingerprint the {@code system_fingerprint}, or {@code null}
     * @param choices the choices this chunk changes; {@code null} for none
     * @param usage the token counts, or {@code null}
     * @param extra unknown members, or {@code null} for none; no value may be {@code null}
     * @param nulls the members that are explicitly {@code null}, or {@code null} for none; a
     *     member that has a value here is dropped from it
     * @throws NullPointerException if a choice, or an {@code extra} name or value, is {@code null}
     * @throws IllegalArgumentException if {@code nulls} names a member this record does not model
     */
    public ChatCompletionChunk {
        choices = Copies.list(choices);
        extra = Copies.extra(extra);
        nulls = ExplicitNulls.RESPONSE.normalize(nulls, (id != null ? 1 : 0) | (object != null ? 2 : 0)
                | (created != null ? 4 : 0) | (model != null ? 8 : 0) | (provider != null ? 16 : 0)
                | (systemFingerprint != null ? 32 : 0) | (choices.isEmpty() ? 0 : 64) | (usage != null ? 128 : 0));
    }

    /**
     * A chunk with no member explicitly {@code null}: a {@code null} component is an absent member.
     *
     * @param id the completion's id, or {@code null}
     * @param object the {@code object} member, normally {@value #OBJECT}
     * @param created the creation time in Unix seconds, or {@code null}
     * @param model the model, or {@code null}
     * @param provider the provider serving the stream, or {@code null}
     * @param systemFingerprint the {@code system_fingerprint}, or {@code null}
     * @param choices the choices this chunk changes; {@code null} for none
     * @param usage the token counts, or {@code null}
     * @param extra unknown members, or {@code null} for none
     */
    public ChatCompletionChunk(String id, String object, Long created, String model, String provider,
            String systemFingerprint, List<ChunkChoice> choices, Usage usage, Map<String, JsonValue> extra) {
        this(id, object, created, model, provider, systemFingerprint, choices, usage, extra, Set.of());
    }

    /**
     * Reads the piece of answer text this chunk brings.
     *
     * @return the first choice's {@link Delta#text()}: its {@code content} fragment, or the text
     *     of its text parts when the content is a list of parts; {@code null} when the chunk has
     *     no choice, no delta or no content (a role-only, tool-call or usage chunk)
     */
    public String text() {
        return choices.isEmpty() || choices.get(0).delta() == null ? null : choices.get(0).delta().text();
    }

    /**
     * Reads whether this chunk ends a choice.
     *
     * @return the first non-null {@code finish_reason} among the choices, or {@code null} when
     *     no choice finishes in this chunk
     */
    public String finishReason() {
        // Indexed, not for-each: this runs for every chunk of a stream, and an iterator is garbage.
        for (int i = 0; i < choices.size(); i++) {
            if (choices.get(i).finishReason() != null) {
                return choices.get(i).finishReason();
            }
        }
        return null;
    }

    /**
     * A copy with another provider; the router uses it to name who serves a stream.
     *
     * @param provider the provider's name, or {@code null}
     * @return a chunk equal to this one but for {@code provider}
     */
    public ChatCompletionChunk withProvider(String provider) {
        return new ChatCompletionChunk(id, object, created, model, provider, systemFingerprint, choices, usage, extra,
                nulls);
    }

    /**
     * One choice of a chunk: its {@code delta} and, on its last chunk, its {@code finish_reason}.
     *
     * @param index which choice of the completion this is, from 0
     * @param delta what this chunk adds to the choice's message, or {@code null}
     * @param finishReason why the choice stopped, on its last chunk; otherwise {@code null}
     * @param logprobs the {@code logprobs} member as received ({@link JsonValue#NULL} for JSON
     *     {@code null}), or {@code null} when absent
     * @param extra the members this record does not know, in the order they came
     * @param nulls the members above that were explicitly {@code null}; never {@code null}
     */
    public record ChunkChoice(int index, Delta delta, String finishReason, JsonValue logprobs,
            Map<String, JsonValue> extra, Set<String> nulls) {

        /** {@code finish_reason} explicitly {@code null}. */
        private static final Set<String> FINISH_REASON_NULL =
                ExplicitNulls.CHUNK_CHOICE.set(ExplicitNulls.CHUNK_CHOICE.bit("finish_reason"));

        /**
         * Copies {@code extra}; {@code null} is taken as empty.
         *
         * @param index the choice's index
         * @param delta the message fragment, or {@code null}
         * @param finishReason the {@code finish_reason}, or {@code null}
         * @param logprobs the {@code logprobs}, or {@code null}
         * @param extra unknown members, or {@code null} for none
         * @param nulls the members that are explicitly {@code null}, or {@code null} for none; a
         *     member that has a value here (an {@code index} other than 0) is dropped from it
         * @throws IllegalArgumentException if {@code nulls} names a member this record does not model
         */
        public ChunkChoice {
            extra = Copies.extra(extra);
            nulls = ExplicitNulls.CHUNK_CHOICE.normalize(nulls,
                    (index != 0 ? 1 : 0) | (delta != null ? 2 : 0) | (finishReason != null ? 4 : 0));
        }

        /**
         * A chunk choice whose {@code finish_reason}, when {@code null}, is written as JSON
         * {@code null}, as OpenAI streams it while the choice is unfinished.
         *
         * @param index the choice's index
         * @param delta the message fragment, or {@code null}
         * @param finishReason the {@code finish_reason}, or {@code null} for JSON {@code null}
         * @param logprobs the {@code logprobs}, or {@code null}
         * @param extra unknown members, or {@code null} for none
         */
        public ChunkChoice(int index, Delta delta, String finishReason, JsonValue logprobs,
                Map<String, JsonValue> extra) {
            this(index, delta, finishReason, logprobs, extra, finishReason == null ? FINISH_REASON_NULL : Set.of());
        }
    }


    /**
     * The change a chunk brings to a choice's message: the {@code role} (first chunk), a
     * {@code content} or {@code reasoning_content} fragment, and tool-call fragments.
     * {@code toolCalls} is {@code null} when absent.
     *
     * <p>{@code content} is a string fragment ({@link Content.Text}) from most upstreams and a
     * list of parts ({@link Content.Parts}) from some: reasoning models of Mistral stream
     * {@code [{"type": "thinking", "thinking": [{"type": "text", "text": ...}]}]} and then
     * {@code [{"type": "text", "text": ...}]}. {@link #text()} reads either as text; the
     * {@link ChatCompletionAccumulator} folds thinking parts into the reasoning content.
     *
     * @param role the message's role, usually only on a choice's first chunk; otherwise {@code null}
     * @param content the next fragment of the answer, or {@code null}
     * @param reasoningContent the next fragment of {@code reasoning_content}, or {@code null}
     * @param toolCalls fragments of tool calls, or {@code null} when the member is absent
     * @param extra the members this record does not know, in the order they came
     * @param nulls the members above that were explicitly {@code null}; never {@code null}
     */
    public record Delta(String role, Content content, String reasoningContent, List<ToolCallDelta> toolCalls,
            Map<String, JsonValue> extra, Set<String> nulls) {
        /**
         * Copies {@code toolCalls} (keeping {@code null}) and {@code extra} ({@code null} is taken
         * as empty).
         *
         * @param role the role, or {@code null}
         * @param content the content fragment, or {@code null}
         * @param reasoningContent the reasoning fragment, or {@code null}
         * @param toolCalls the tool-call fragments, or {@code null}
         * @param extra unknown members, or {@code null} for none
         * @param nulls the members that are explicitly {@code null}, or {@code null} for none; a
         *     member that has a value here is dropped from it
         * @throws NullPointerException if a tool-call fragment is {@code null}
         * @throws IllegalArgumentException if {@code nulls} names a member this record does not model
         */
        public Delta {
            toolCalls = Copies.nullableList(toolCalls);
            extra = Copies.extra(extra);
            nulls = ExplicitNulls.DELTA.normalize(nulls, (role != null ? 1 : 0) | (content != null ? 2 : 0)
                    | (reasoningContent != null ? 4 : 0) | (toolCalls != null ? 8 : 0));
        }

        /**
         * A delta with string content and no member explicitly {@code null}.
         *
         * @param role the role, or {@code null}
         * @param content the content fragment, or {@code null} when absent
         * @param reasoningContent the reasoning fragment, or {@code null}
         * @param toolCalls the tool-call fragments, or {@code null}
         * @param extra unknown members, or {@code null} for none
         */
        public Delta(String role, String content, String reasoningContent, List<ToolCallDelta> toolCalls,
                Map<String, JsonValue> extra) {
            this(role, content == null ? null : Content.text(content), reasoningContent, toolCalls, extra, Set.of());
        }

        /**
         * Reads this fragment's answer text.
         *
         * @return the string content, or the text of the text parts joined without separator
         *     ({@code ""} when the parts hold no text, as a thinking-only fragment); {@code null}
         *     when there is no content
         */
        public String text() {
            return content == null ? null : content.asText();
        }
    }

    /**
     * A fragment of a tool call, told apart by {@code index}: the first fragment brings the
     * {@code id}, {@code type} and function name, the following ones pieces of the arguments.
     *
     * @param index which tool call of the message this fragment belongs to, from 0
     * @param id the tool call's id, on its first fragment; otherwise usually {@code null}
     * @param type the tool call's {@code type} ({@code "function"}), or {@code null}
     * @param function the name and/or a piece of the arguments, or {@code null}
     * @param extra the members this record does not know, in the order they came
     * @param nulls the members above that were explicitly {@code null}; never {@code null}
     */
    public record ToolCallDelta(int index, String id, String type, FunctionCall function,
            Map<String, JsonValue> extra, Set<String> nulls) {
        /**
         * Copies {@code extra}; {@code null} is taken as empty.
         *
         * @param index the tool call's index
         * @param id the id, or {@code null}
         * @param type the type, or {@code null}
         * @param function the function fragment, or {@code null}
         * @param extra unknown members, or {@code null} for none
         * @param nulls the members that are explicitly {@code null}, or {@code null} for none; a
         *     member that has a value here (an {@code index} other than 0) is dropped from it
         * @throws IllegalArgumentException if {@code nulls} names a member this record does not model
         */
        public ToolCallDelta {
            extra = Copies.extra(extra);
            nulls = ExplicitNulls.TOOL_CALL_DELTA.normalize(nulls, (index != 0 ? 1 : 0) | (id != null ? 2 : 0)
                    | (type != null ? 4 : 0) | (function != null ? 8 : 0));
        }

        /**
         * A tool-call fragment with no member explicitly {@code null}.
         *
         * @param index the tool call's index
         * @param id the id, or {@code null}
         * @param type the type, or {@code null}
         * @param function the function fragment, or {@code null}
         * @param extra unknown members, or {@code null} for none
         */
        public ToolCallDelta(int index, String id, String type, FunctionCall function, Map<String, JsonValue> extra) {
            this(index, id, type, function, extra, Set.of());
        }
    }
}
