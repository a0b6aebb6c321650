package dev.gomodel.internal.stream;

import dev.gomodel.chat.ChatCompletionChunk;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Chunks for the stream tests. */
final class Chunks {

    private Chunks() {
    }

    static ChatCompletionChunk text(String text) {
        return new ChatCompletionChunk("chatcmpl-1", ChatCompletionChunk.OBJECT, 1L, "m", null, null,
                List.of(new ChatCompletionChunk.ChunkChoice(0,
                        new ChatCompletionChunk.Delta(null, text, null, null, Map.of()), null, null, Map.of())),
                null, Map.of());
    }

    /** Chunks whose texts are "0", "1", ... */
    static List<ChatCompletionChunk> numbered(int count) {
        List<ChatCompletionChunk> chunks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            chunks.add(text(Integer.toString(i)));
        }
        return chunks;
    }
}
