package dev.gomodel.chat;

import java.util.List;
import java.util.Map;

/** Chunks that say which they are, for upstreams that stream as many as they are asked for. */
public final class NumberedChunks {

    private NumberedChunks() {
    }

    /**
     * A chunk whose content is its number.
     *
     * @param number the chunk's place in its stream
     * @return a chunk of one choice whose delta's content is the decimal {@code number}
     */
    public static ChatCompletionChunk chunk(long number) {
        return new ChatCompletionChunk("chatcmpl-tck", ChatCompletionChunk.OBJECT, 1L, "m", null, null,
                List.of(new ChatCompletionChunk.ChunkChoice(0,
                        new ChatCompletionChunk.Delta(null, Long.toString(number), null, null, Map.of()), null, null,
                        Map.of())),
                null, Map.of());
    }
}
