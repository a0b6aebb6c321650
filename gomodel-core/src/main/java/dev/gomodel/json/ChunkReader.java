package dev.gomodel.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import dev.gomodel.chat.ChatCompletionChunk;
import java.io.EOFException;
import java.io.IOException;
import java.util.Objects;

/**
 * Reads the chunks of one stream, one event's JSON at a time, with less work per chunk than
 * {@link ChatJson#readChunk}: one parser serves the whole stream (fed each event's bytes), and a
 * string equal to the previous chunk's ({@code id}, {@code object}, {@code model},
 * {@code system_fingerprint}, a top-level unknown string such as {@code service_tier}) is the
 * previous chunk's {@code String}.
 *
 * <p>The result, and any exception, are those of {@code ChatJson.readChunk} on the same bytes:
 * when the stream's parser meets anything but one whole JSON object, the event is read again by
 * a parser of its own, which decides, and the stream's parser is replaced.
 *
 * <p><b>Not thread-safe:</b> one reader per stream, called serially.
 */
public final class ChunkReader {

    private JsonParser parser;
    private ByteArrayFeeder feeder;
    private JsonIn in;
    private ChatCompletionChunk previous;

    /** A reader for one stream. */
    public ChunkReader() {
    }

    /**
     * Reads a chunk from {@code length} bytes of UTF-8 JSON starting at {@code offset}; the bytes
     * are not kept.
     *
     * @param json the buffer holding the event's data
     * @param offset where the JSON starts in {@code json}
     * @param length how many bytes it spans
     * @return the chunk; strings equal to the previous chunk's are the same instances
     * @throws NullPointerException if {@code json} is {@code null}
     * @throws IndexOutOfBoundsException if {@code offset} and {@code length} do not lie within
     *     {@code json}
     * @throws IllegalArgumentException if the JSON is not a chunk, naming the JSON path, exactly
     *     as {@link ChatJson#readChunk} does
     */
    public ChatCompletionChunk read(byte[] json, int offset, int length) {
        Objects.requireNonNull(json, "json");
        Objects.checkFromIndexSize(offset, length, json.length);
        ChatCompletionChunk chunk = readWithStreamParser(json, offset, length);
        if (chunk == null) {
            ChatCompletionChunk last = previous;
            chunk = Json.read(json, offset, length, in -> ChunkCodec.readChunk(in, last));
        }
        previous = chunk;
        return chunk;
    }

    /**
     * The chunk, read by the stream's parser; {@code null} (and the parser dropped) when that
     * parser found anything but one whole object, trailing white space aside.
     */
    private ChatCompletionChunk readWithStreamParser(byte[] json, int offset, int length) {
        int end = offset + length;
        while (end > offset && isWhitespace(json[end - 1])) {
            end--;
        }
        try {
            if (parser == null) {
                JsonParser nonBlocking = Json.FACTORY.createNonBlockingByteArrayParser();
                feeder = (ByteArrayFeeder) nonBlocking.getNonBlockingInputFeeder();
                parser = new EventParser(nonBlocking);
                in = new JsonIn(parser, "");
            }
            feeder.feedInput(json, offset, end);
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                ChatCompletionChunk chunk = ChunkCodec.readChunk(in, previous);
                // The object ended at the end of the input: nothing was cut short or came after it.
                if (parser.currentToken() == JsonToken.END_OBJECT && parser.getParsingContext().inRoot()
                        && feeder.needMoreInput()) {
                    return chunk;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Read again below, where the problem is reported as ChatJson.readChunk reports it.
        }
        // The parser holds memory only: nothing to release.
        parser = null;
        return null;
    }

    /**
     * The stream's parser as the codec sees it: running out of the event's bytes, which the
     * non-blocking parser reports as {@link JsonToken#NOT_AVAILABLE} (leaving its current token
     * as it was), ends the read with an exception instead.
     */
    private static final class EventParser extends JsonParserDelegate {

        EventParser(JsonParser nonBlocking) {
            super(nonBlocking);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = delegate.nextToken();
            if (token == JsonToken.NOT_AVAILABLE) {
                throw new EOFException("the event ended inside the JSON value");
            }
            return token;
        }

        @Override
        public String nextFieldName() throws IOException {
            return nextToken() == JsonToken.FIELD_NAME ? delegate.currentName() : null;
        }
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }
}
