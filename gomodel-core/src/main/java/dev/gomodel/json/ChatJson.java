package dev.gomodel.json;

import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;

/**
 * Reads and writes the wire model as JSON, straight between bytes and records.
 *
 * <p>Unknown members at any level are kept in the records' {@code extra} maps and written
 * back; {@code content} keeps null, {@code ""} and parts apart. Writing emits known members
 * in schema order, then the unknown ones in the order they came.
 *
 * <p>Readers throw {@link IllegalArgumentException} naming the JSON path and what was
 * expected when the input is not well-formed JSON or a member has the wrong JSON type; they
 * never throw another runtime exception for bad input. All methods are thread-safe.
 */
public final class ChatJson {

    private ChatJson() {
    }

    /** The request as UTF-8 JSON. */
    public static byte[] writeRequest(ChatRequest request) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The completion as UTF-8 JSON. */
    public static byte[] writeCompletion(ChatCompletion completion) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The chunk as UTF-8 JSON. */
    public static byte[] writeChunk(ChatCompletionChunk chunk) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Reads a request from UTF-8 JSON; the result is validated like any {@link ChatRequest}. */
    public static ChatRequest readRequest(byte[] json) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Reads a completion from UTF-8 JSON. */
    public static ChatCompletion readCompletion(byte[] json) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Reads a chunk from {@code length} bytes of UTF-8 JSON starting at {@code offset}. */
    public static ChatCompletionChunk readChunk(byte[] json, int offset, int length) {
        throw new UnsupportedOperationException("TODO");
    }
}
