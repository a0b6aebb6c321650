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
 * back; {@code content} keeps null, absent, {@code ""} and parts apart. Writing emits known members
 * in schema order, then the unknown ones in the order they came. Free-form values (unknown
 * members, {@code parameters}, {@code logprobs}, {@code raw_usage}, an object
 * {@code tool_choice} other than a plain function choice) keep their key order and the exact
 * digits of their numbers; they are written compact.
 *
 * <p>Nulls and absent members: what came as JSON {@code null} is written back as
 * {@code null}, and what was absent stays absent, at every level.
 * <ul>
 *   <li>A modelled member that is {@code null} reads as a {@code null} component (0 for a
 *       count or an {@code index}, an empty list for {@code choices}) and is named in the
 *       record's {@code nulls}, which makes the writer write it as {@code null}; a
 *       {@code null} component not named there is omitted. Free-form members
 *       ({@code logprobs}, {@code parameters}, {@code raw_usage}) and unknown ones hold JSON
 *       {@code null} as {@link dev.gomodel.chat.JsonValue#NULL}.</li>
 *   <li>Always written, as they were before: a choice's and a tool-call fragment's
 *       {@code index}, usage's three counts (a missing one reads and is written as 0), and a
 *       completion's or chunk's {@code choices} ({@code []} when absent).</li>
 *   <li>A request's {@code messages} is left out when there are none (a request with
 *       OpenRouter's {@code prompt} in its place).</li>
 *   <li>An {@code extra} entry named like a member the record writes itself is not written, so
 *       the output never holds a duplicate key; set the component instead. A request's
 *       {@code provider} is the exception: a string (or {@code null}) reads as the routing
 *       hint, any other value into {@code extra}, from where it is written.</li>
 * </ul>
 *
 * <p>Content parts are told apart by {@code type}; {@code thinking} parts read as
 * {@link dev.gomodel.chat.ContentPart.ThinkingPart}, a part of another type is kept as
 * {@link dev.gomodel.chat.ContentPart.OtherPart}. A stream delta's {@code content} reads like a
 * message's: a string, a list of parts or {@code null}. A part without a string {@code type} is
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
