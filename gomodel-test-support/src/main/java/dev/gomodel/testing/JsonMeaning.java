package dev.gomodel.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a JSON document means, to compare two documents regardless of key order, white space and
 * the spelling of numbers ({@code 1}, {@code 1.0} and {@code 1e0} mean the same), while a member
 * that is {@code null} and one that is absent stay different; and the documents a test derives
 * from a fixture by setting one member at a time to {@code null}.
 */
public final class JsonMeaning {

    private static final JsonFactory JSON = new JsonFactory();
    private static final byte[] NULL_TEXT = "null".getBytes(StandardCharsets.US_ASCII);

    private JsonMeaning() {
    }

    /**
     * The document as plain values: maps (compared without order), lists, strings, booleans,
     * {@link BigDecimal}s without trailing zeros and {@link #NULL}.
     *
     * @param json one well-formed UTF-8 JSON value
     * @return its meaning, for {@code equals}
     */
    public static Object of(byte[] json) {
        try (JsonParser parser = JSON.createParser(json)) {
            parser.nextToken();
            Object value = read(parser);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("trailing content after the JSON value");
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The meaning of JSON {@code null}, which a map can hold unlike Java's {@code null}. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private static Object read(JsonParser parser) throws IOException {
        switch (parser.currentToken()) {
            case START_OBJECT -> {
                Map<String, Object> members = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    members.put(name, read(parser));
                }
                return members;
            }
            case START_ARRAY -> {
                List<Object> elements = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    elements.add(read(parser));
                }
                return elements;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                BigDecimal number = parser.getDecimalValue();
                return number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return NULL;
            }
            default -> throw new IllegalArgumentException("unexpected " + parser.currentToken());
        }
    }

    /**
     * One document derived from a fixture.
     *
     * @param path the path of the member set to {@code null}, as the codec names paths
     * @param json the derived document
     */
    public record Variant(String path, byte[] json) {
        @Override
        public String toString() {
            return path + " = null";
        }
    }

    /**
     * The fixture once per member at every level that is not {@code null} already, with that
     * member's value replaced by {@code null}.
     *
     * @param json a well-formed UTF-8 JSON document
     * @return one variant per such member, in document order
     */
    public static List<Variant> eachMemberNull(byte[] json) {
        List<Variant> variants = new ArrayList<>();
        for (JsonSpans.Span span : JsonSpans.of(json)) {
            if (!span.isMember(json) || span.token() == JsonToken.VALUE_NULL) {
                continue;
            }
            byte[] nulled = new byte[json.length - (span.end() - span.start()) + NULL_TEXT.length];
            System.arraycopy(json, 0, nulled, 0, span.start());
            System.arraycopy(NULL_TEXT, 0, nulled, span.start(), NULL_TEXT.length);
            System.arraycopy(json, span.end(), nulled, span.start() + NULL_TEXT.length, json.length - span.end());
            variants.add(new Variant(span.path(), nulled));
        }
        return variants;
    }
}
