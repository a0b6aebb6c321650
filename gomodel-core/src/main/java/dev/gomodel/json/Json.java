package dev.gomodel.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.gomodel.internal.json.SurrogateEscapes;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The shared {@link JsonFactory} and the plumbing around every read and write: parser and
 * generator set-up, the "exactly one JSON value" check and the translation of Jackson's
 * exceptions into {@link IllegalArgumentException}s that name the JSON path.
 */
final class Json {

    /** Thread-safe once configured; shared by every reader and writer. */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    /** Escapes for copying values into {@link dev.gomodel.chat.JsonValue} texts. */
    static final CharacterEscapes CAPTURE_ESCAPES = SurrogateEscapes.INSTANCE;

    private Json() {
    }

    /** Reads one value of a document. */
    @FunctionalInterface
    interface Reader<T> {
        T read(JsonIn in) throws IOException;
    }

    /** Writes one value to a generator. */
    @FunctionalInterface
    interface Writer<T> {
        void write(JsonGenerator out, T value) throws IOException;
    }

    /**
     * Reads {@code length} bytes of UTF-8 from {@code offset} as exactly one JSON value.
     *
     * @throws IllegalArgumentException for empty, malformed, truncated or trailing input and for
     *     members of the wrong JSON type, naming the JSON path
     */
    static <T> T read(byte[] json, int offset, int length, Reader<T> reader) {
        Objects.requireNonNull(json, "json");
        Objects.checkFromIndexSize(offset, length, json.length);
        JsonIn in = null;
        try (JsonParser parser = FACTORY.createParser(json, offset, length)) {
            in = new JsonIn(parser, "");
            return readWhole(in, reader);
        } catch (IOException e) {
            throw malformed(in, e);
        }
    }

    /**
     * Reads a JSON text captured earlier (a {@link dev.gomodel.chat.JsonValue}'s text) whose
     * position in the document is {@code path}, so errors name the full path.
     */
    static <T> T readNested(String json, String path, Reader<T> reader) {
        JsonIn in = null;
        try (JsonParser parser = FACTORY.createParser(json)) {
            in = new JsonIn(parser, path);
            return readWhole(in, reader);
        } catch (IOException e) {
            throw malformed(in, e);
        }
    }

    private static <T> T readWhole(JsonIn in, Reader<T> reader) throws IOException {
        if (in.parser().nextToken() == null) {
            throw new IllegalArgumentException("$: empty input: expected a JSON object");
        }
        T value = reader.read(in);
        if (in.parser().nextToken() != null) {
            throw new IllegalArgumentException("$: trailing content after the JSON value at byte "
                    + in.parser().currentTokenLocation().getByteOffset());
        }
        return value;
    }

    private static IllegalArgumentException malformed(JsonIn in, IOException e) {
        String path = in == null ? "$" : in.path();
        if (!(e instanceof JsonProcessingException problem)) {
            return new IllegalArgumentException(path + ": unreadable JSON: " + e, e);
        }
        // Byte offsets only exist for byte input (relative to the offset it starts at).
        long offset = problem.getLocation() == null ? -1 : problem.getLocation().getByteOffset();
        String at = offset >= 0 ? " at byte " + offset : "";
        return new IllegalArgumentException(path + ": malformed JSON" + at + ": " + problem.getOriginalMessage(), e);
    }

    /** Writes {@code value} as UTF-8 JSON into a new array. */
    static <T> byte[] write(T value, Writer<T> writer) {
        Objects.requireNonNull(value, "value");
        try (ByteArrayBuilder bytes = new ByteArrayBuilder(512)) {
            try (JsonGenerator out = FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
                writer.write(out, value);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            // Nothing here does I/O: only a generator refusing its input can land here.
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code value} as UTF-8 JSON to {@code stream}, which is flushed and left open. */
    static <T> void write(T value, Writer<T> writer, OutputStream stream) throws IOException {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(stream, "stream");
        try (JsonGenerator out = FACTORY.createGenerator(stream, JsonEncoding.UTF8)) {
            writer.write(out, value);
        }
    }
}
