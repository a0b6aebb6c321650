package dev.gomodel.json;

import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Reads and writes the wire model as JSON, straight between bytes and records.
 *
 * <p>Unknown members at any level are kept in the records' {@code extra} maps and written
 * back; {@code content} keeps null, {@code ""} and parts apart. Writing emits known members
 * in schema order, then the unknown ones in the order they came. Free-form values (unknown
 * members, {@code parameters}, {@code logprobs}, {@code raw_usage}, an object
 * {@code tool_choice} other than a plain function choice) keep their key order and the exact
 * digits of their numbers; they are written compact.
 *
 * <p>Nulls and absent members:
 * <ul>
 *   <li>A known member whose component is {@code null} is omitted, and an explicit JSON
 *       {@code null} reads as a {@code null} component, so {@code "usage": null} or a delta's
 *       {@code "content": null} is dropped on a round trip: the records cannot tell the two
 *       apart, and an upstream treats both alike.</li>
 *   <li>Except where the difference is kept: a message's {@code content} is always written
 *       ({@code "content": null} when it has none); a choice's and a chunk choice's
 *       {@code index} and {@code finish_reason} are always written ({@code "finish_reason": null}
 *       while unfinished, as OpenAI streams it); {@code "logprobs": null} reads as
 *       {@link dev.gomodel.chat.JsonValue#NULL} and is written back. Usage's three counts are
 *       always written and read as 0 when absent or null; a missing {@code index} reads as 0.</li>
 *   <li>An {@code extra} entry named like a member the record writes itself is not written, so
 *       the output never holds a duplicate key; set the component instead.</li>
 * </ul>
 *
 * <p>Content parts are told apart by {@code type}; a part of another type is kept as
 * {@link dev.gomodel.chat.ContentPart.OtherPart}. A part without a string {@code type} is
 * rejected, and so is a part with two {@code type} members. {@code tool_choice} reads as a mode
 * for a string, as a function choice for exactly
 * {@code {"type": "function", "function": {"name": ...}}} and as kept-whole JSON otherwise.
 *
 * <p>Readers throw {@link IllegalArgumentException} naming the JSON path and what was
 * expected when the input is empty, not well-formed JSON (malformed, truncated, trailing
 * content) or a member has the wrong JSON type, for example
 * {@code choices[0].message.content: expected a string, an array of parts or null, got NUMBER};
 * integers that do not fit their component fail the same way. They never throw another runtime
 * exception for bad input. All methods are thread-safe.
 */
public final class ChatJson {

    private ChatJson() {
    }

    /**
     * Writes the request as UTF-8 JSON, as a provider sends it.
     *
     * @param request the request
     * @return a new array holding one compact JSON object
     * @throws NullPointerException if {@code request} is {@code null}
     */
    public static byte[] writeRequest(ChatRequest request) {
        return Json.write(request, RequestCodec::writeRequest);
    }

    /**
     * Writes the request as UTF-8 JSON to {@code out}, which is flushed but not closed.
     *
     * @param request the request
     * @param out where the JSON goes
     * @throws NullPointerException if {@code request} or {@code out} is {@code null}
     * @throws IOException if {@code out} fails
     */
    public static void writeRequest(ChatRequest request, OutputStream out) throws IOException {
        Json.write(request, RequestCodec::writeRequest, out);
    }

    /**
     * Writes the completion as UTF-8 JSON; its {@code route} is not part of the JSON.
     *
     * @param completion the completion
     * @return a new array holding one compact JSON object
     * @throws NullPointerException if {@code completion} is {@code null}
     */
    public static byte[] writeCompletion(ChatCompletion completion) {
        return Json.write(completion, CompletionCodec::writeCompletion);
    }

    /**
     * Writes the chunk as UTF-8 JSON, the {@code data} of one stream event.
     *
     * @param chunk the chunk
     * @return a new array holding one compact JSON object
     * @throws NullPointerException if {@code chunk} is {@code null}
     */
    public static byte[] writeChunk(ChatCompletionChunk chunk) {
        return Json.write(chunk, ChunkCodec::writeChunk);
    }

    /**
     * Reads a request from UTF-8 JSON; the result is validated like any {@link ChatRequest}.
     *
     * @param json the bytes of exactly one JSON object; white space around it is allowed
     * @return the request
     * @throws NullPointerException if {@code json} is {@code null}
     * @throws IllegalArgumentException if the JSON is not a valid request, naming the JSON path
     */
    public static ChatRequest readRequest(byte[] json) {
        return Json.read(json, 0, Objects.requireNonNull(json, "json").length, RequestCodec::readRequest);
    }

    /**
     * Reads a completion from UTF-8 JSON, as an upstream answers a non-streamed request.
     *
     * @param json the bytes of exactly one JSON object; white space around it is allowed
     * @return the completion, with no {@code route}
     * @throws NullPointerException if {@code json} is {@code null}
     * @throws IllegalArgumentException if the JSON is not a completion, naming the JSON path
     */
    public static ChatCompletion readCompletion(byte[] json) {
        return Json.read(json, 0, Objects.requireNonNull(json, "json").length, CompletionCodec::readCompletion);
    }

    /**
     * Reads a chunk from {@code length} bytes of UTF-8 JSON starting at {@code offset}. To read a
     * whole stream, {@link ChunkReader} does the same with less work per chunk.
     *
     * @param json the buffer holding the event's data; it is not kept
     * @param offset where the JSON starts in {@code json}
     * @param length how many bytes it spans
     * @return the chunk
     * @throws NullPointerException if {@code json} is {@code null}
     * @throws IndexOutOfBoundsException if {@code offset} and {@code length} do not lie within
     *     {@code json}
     * @throws IllegalArgumentException if the JSON is not a chunk, naming the JSON path
     */
    public static ChatCompletionChunk readChunk(byte[] json, int offset, int length) {
        return Json.read(json, offset, length, ChunkCodec::readChunk);
    }
}
