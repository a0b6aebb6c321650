package dev.gomodel.chat;

import java.util.List;
import java.util.Map;

/**
 * One event of a streamed completion: {@code {"id", "object": "chat.completion.chunk",
 * "created", "model", "choices": [{"index", "delta", "finish_reason"}], "usage"}}. The last
 * chunk of a stream with {@code include_usage} has no choices and carries the usage.
 *
 * <p>Fold a stream into a {@link ChatCompletion} with {@link ChatCompletionAccumulator}.
 * Immutable and thread-safe.
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
        Map<String, JsonValue> extra) {

    /** The {@code object} value of a stream chunk. */
    public static final String OBJECT = "chat.completion.chunk";

    public ChatCompletionChunk {
        choices = Copies.list(choices);
        extra = Copies.extra(extra);
    }

    /** The first choice's content fragment, or {@code null}. */
    public String text() {
        return choices.isEmpty() || choices.get(0).delta() == null ? null : choices.get(0).delta().content();
    }

    /** The first non-null {@code finish_reason} among the choices, or {@code null}. */
    public String finishReason() {
        // Indexed, not for-each: this runs for every chunk of a stream, and an iterator is garbage.
        for (int i = 0; i < choices.size(); i++) {
            if (choices.get(i).finishReason() != null) {
                return choices.get(i).finishReason();
            }
        }
        return null;
    }

    /** This chunk with {@code provider} set. */
    public ChatCompletionChunk withProvider(String provider) {
        return new ChatCompletionChunk(id, object, created, model, provider, systemFingerprint, choices, usage, extra);
    }

    /** One choice of a chunk: its {@code delta} and, on its last chunk, its {@code finish_reason}. */
    public record ChunkChoice(int index, Delta delta, String finishReason, JsonValue logprobs, Map<String, JsonValue> extra) {
        public ChunkChoice {
            extra = Copies.extra(extra);
        }
    }

    /**
     * The change a chunk brings to a choice's message: the {@code role} (first chunk), a
     * {@code content} or {@code reasoning_content} fragment, and tool-call fragments.
     * {@code toolCalls} is {@code null} when absent.
     */
    public record Delta(String role, String content, String reasoningContent, List<ToolCallDelta> toolCalls,
            Map<String, JsonValue> extra) {
        public Delta {
            toolCalls = Copies.nullableList(toolCalls);
            extra = Copies.extra(extra);
        }
    }

    /**
     * A fragment of a tool call, told apart by {@code index}: the first fragment brings the
     * {@code id}, {@code type} and function name, the following ones pieces of the arguments.
     */
    public record ToolCallDelta(int index, String id, String type, FunctionCall function, Map<String, JsonValue> extra) {
        public ToolCallDelta {
            extra = Copies.extra(extra);
        }
    }
}
