package dev.gomodel.routing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a configuration document into plain Java values: {@link LinkedHashMap} (members in
 * document order), {@link ArrayList}, {@link String}, {@link java.math.BigDecimal},
 * {@link Boolean} and {@code null}. A key repeated within one object is an error.
 */
final class ConfigJson {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private ConfigJson() {
    }

    /**
     * The one JSON value of {@code json}.
     *
     * @throws IllegalArgumentException for an empty document, malformed JSON, trailing content
     *     or a duplicate key
     */
    static Object parse(String json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() == null) {
                throw new IllegalArgumentException("config: expected a JSON object, got an empty document");
            }
            Object value = read(parser, "");
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("config: not valid JSON" + at(parser.currentTokenLocation())
                        + ": unexpected content after the document");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("config: not valid JSON" + at(e.getLocation()) + ": "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String source does no I/O
        }
    }

    /** Reads the value whose first token is the current one; its key path names duplicates. */
    private static Object read(JsonParser parser, String path) throws IOException {
        switch (parser.currentToken()) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
                    String keyPath = ConfigValue.child(path, key);
                    if (object.containsKey(key)) {
                        throw new IllegalArgumentException(keyPath + ": duplicate key");
                    }
                    parser.nextToken();
                    object.put(key, read(parser, keyPath));
                }
                return object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser, path + "[" + array.size() + "]"));
                }
                return array;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                try {
                    return parser.getDecimalValue();
                } catch (NumberFormatException e) { // an exponent beyond BigDecimal's scale
                    throw new IllegalArgumentException("config: not valid JSON" + at(parser.currentTokenLocation())
                            + ": " + e.getMessage(), e);
                }
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IllegalStateException("unexpected token " + parser.currentToken());
        }
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
