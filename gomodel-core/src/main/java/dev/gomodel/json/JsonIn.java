package dev.gomodel.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonParser.NumberType;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import dev.gomodel.chat.JsonValue;
import dev.gomodel.internal.json.ExplicitNulls;
import dev.gomodel.internal.json.TrustedJson;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link JsonParser} with the typed reads the codecs share. Every read starts on the current
 * token (the value of the member or array element being read) and leaves the parser on that
 * value's last token. A value of the wrong JSON type fails with an
 * {@link IllegalArgumentException} naming its path, for example
 * {@code choices[0].index: expected an integer, got STRING}.
 *
 * <p>The path is computed from the parser's own context only when an error is reported, so
 * reading allocates nothing for it.
 */
final class JsonIn {

    private final JsonParser parser;
    private final String basePath;

    /**
     * @param basePath the path of the document's root value, {@code ""} for a whole document or
     *     the member's path when re-reading a captured value
     */
    JsonIn(JsonParser parser, String basePath) {
        this.parser = parser;
        this.basePath = basePath;
    }

    JsonParser parser() {
        return parser;
    }

    JsonToken token() {
        return parser.currentToken();
    }

    /**
     * Starts reading an object: {@code true} on the object's start, {@code false} on JSON null.
     *
     * @param what what was expected, for the error message ("a message object")
     */
    boolean startObject(String what) {
        JsonToken token = token();
        if (token == JsonToken.START_OBJECT) {
            return true;
        }
        if (token == JsonToken.VALUE_NULL) {
            return false;
        }
        throw mismatch(what + " or null");
    }

    /** Requires the current value to be an object, as a document's root must be. */
    void requireObject(String what) {
        if (token() != JsonToken.START_OBJECT) {
            throw mismatch(what);
        }
    }

    /**
     * Moves to the value of the object's next member and returns the member's name, or returns
     * {@code null} at the end of the object. Call it first on the object's start and then
     * after reading each member's value.
     */
    String nextField() throws IOException {
        String name = parser.nextFieldName();
        if (name != null) {
            parser.nextToken();
        }
        return name;
    }

    /**
     * Records whether the value just read of member {@code name} was JSON {@code null}, in the
     * bits of the object's explicit nulls (see {@link ExplicitNulls#track}). Call it after
     * reading each member's value; names that are not nullable members of {@code members}
     * (unknown and free-form ones) change nothing.
     */
    int nulls(int bits, ExplicitNulls members, String name) {
        return members.track(bits, name, parser.currentToken() == JsonToken.VALUE_NULL);
    }

    /** A string or {@code null}. */
    String string() throws IOException {
        JsonToken token = token();
        if (token == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        throw mismatch("a string or null");
    }

    /**
     * A string or {@code null}, as {@link #string()}; {@code previous} itself when the string has
     * the same text, so a stream's repeated values share one {@code String}.
     */
    String string(String previous) throws IOException {
        if (previous != null && token() == JsonToken.VALUE_STRING && textEquals(previous, 0, previous.length())) {
            return previous;
        }
        return string();
    }

    /** Whether the current string's text is {@code text.substring(from, to)}. */
    private boolean textEquals(String text, int from, int to) throws IOException {
        int length = parser.getTextLength();
        if (length != to - from) {
            return false;
        }
        char[] chars = parser.getTextCharacters();
        int offset = parser.getTextOffset();
        for (int i = 0; i < length; i++) {
            if (chars[offset + i] != text.charAt(from + i)) {
                return false;
            }
        }
        return true;
    }

    /** A boolean or {@code null}. */
    Boolean bool() {
        JsonToken token = token();
        if (token == JsonToken.VALUE_TRUE) {
            return Boolean.TRUE;
        }
        if (token == JsonToken.VALUE_FALSE) {
            return Boolean.FALSE;
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        throw mismatch("a boolean or null");
    }

    /** An integer that fits an {@code int}, or {@code null}. */
    Integer integer() throws IOException {
        if (token() == JsonToken.VALUE_NULL) {
            return null;
        }
        requireInteger();
        if (parser.getNumberType() != NumberType.INT) {
            throw problem("integer " + parser.getText() + " is out of range");
        }
        return parser.getIntValue();
    }

    /** An integer that fits an {@code int}; JSON null reads as {@code defaultValue}. */
    int integer(int defaultValue) throws IOException {
        Integer value = integer();
        return value == null ? defaultValue : value;
    }

    /** An integer that fits a {@code long}, or {@code null}; {@code previous} itself when equal to it. */
    Long longInteger(Long previous) throws IOException {
        if (token() == JsonToken.VALUE_NULL) {
            return null;
        }
        requireInteger();
        NumberType type = parser.getNumberType();
        if (type != NumberType.INT && type != NumberType.LONG) {
            throw problem("integer " + parser.getText() + " is out of range");
        }
        long value = parser.getLongValue();
        return previous != null && previous == value ? previous : Long.valueOf(value);
    }

    /** An integer that fits a {@code long}, or {@code null}. */
    Long longInteger() throws IOException {
        return longInteger(null);
    }

    private void requireInteger() throws IOException {
        JsonToken token = token();
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            throw problem("expected an integer, got NUMBER " + parser.getText());
        }
        if (token != JsonToken.VALUE_NUMBER_INT) {
            throw mismatch("an integer or null");
        }
    }

    /** A finite number or {@code null}. */
    Double number() throws IOException {
        JsonToken token = token();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            throw mismatch("a number or null");
        }
        double value = parser.getDoubleValue();
        if (!Double.isFinite(value)) {
            throw problem("number " + parser.getText() + " is out of range");
        }
        return value;
    }

    /**
     * A list read element by element, or {@code null} for JSON null. A null element fails: the
     * records hold no null elements.
     *
     * @param what what each element must be, for the error message ("a message object")
     */
    <T> List<T> array(String what, Json.Reader<T> element) throws IOException {
        JsonToken token = token();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.START_ARRAY) {
            throw mismatch("an array or null");
        }
        // Most arrays of a response hold one element (a chunk's choices): that one needs no ArrayList.
        T first = null;
        List<T> list = null;
        int count = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (token() == JsonToken.VALUE_NULL) {
                throw mismatch(what);
            }
            T value = element.read(this);
            if (count++ == 0) {
                first = value;
            } else {
                if (list == null) {
                    list = new ArrayList<>();
                    list.add(first);
                }
                list.add(value);
            }
        }
        if (count > 1) {
            return list;
        }
        return count == 0 ? List.of() : first != null ? List.of(first) : Collections.singletonList(null);
    }

    /**
     * Adds the current member to {@code extra} as a {@link JsonValue}, creating the map on the
     * first unknown member so objects without any allocate nothing.
     */
    Map<String, JsonValue> unknown(Map<String, JsonValue> extra, String name) throws IOException {
        Map<String, JsonValue> map = extra == null ? new LinkedHashMap<>(4) : extra;
        map.put(name, value());
        return map;
    }

    /**
     * The current value as {@link #value()} reads it, or {@code previous} (the same member of the
     * stream's previous chunk, or {@code null}) when it is a string of the same text.
     */
    JsonValue value(JsonValue previous) throws IOException {
        if (previous != null && token() == JsonToken.VALUE_STRING && isQuoted(previous.json()) && nothingToEscape()
                && textEquals(previous.json(), 1, previous.json().length() - 1)) {
            return previous;
        }
        return value();
    }

    private static boolean isQuoted(String json) {
        return json.length() >= 2 && json.charAt(0) == '"';
    }

    /**
     * The current value, whatever its type, as a {@link JsonValue}: the structure is copied
     * token by token to compact JSON, numbers with their exact digits and objects with their key
     * order. The text comes from the parser's tokens, so it is not parsed again.
     */
    JsonValue value() throws IOException {
        switch (token()) {
            case VALUE_NULL:
                return JsonValue.NULL;
            case VALUE_TRUE:
                return JsonValue.TRUE;
            case VALUE_FALSE:
                return JsonValue.FALSE;
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                // The number's text as it came: no rounding, no change of notation.
                return TrustedJson.value(parser.getText());
            case VALUE_STRING:
                return TrustedJson.value(nothingToEscape() ? quoted() : copyToText());
            default:
                return TrustedJson.value(copyToText());
        }
    }

    /**
     * Whether the current string holds nothing the generator escapes (a control character, a
     * quote, a backslash or a surrogate), so its JSON text is its text in quotes.
     */
    private boolean nothingToEscape() throws IOException {
        char[] chars = parser.getTextCharacters();
        int offset = parser.getTextOffset();
        int length = parser.getTextLength();
        for (int i = offset; i < offset + length; i++) {
            char c = chars[i];
            if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** The current string in quotes. */
    private String quoted() throws IOException {
        int length = parser.getTextLength();
        return new StringBuilder(length + 2).append('"').append(parser.getTextCharacters(), parser.getTextOffset(), length)
                .append('"').toString();
    }

    private String copyToText() throws IOException {
        StringWriter text = new StringWriter(64);
        try (JsonGenerator out = Json.FACTORY.createGenerator(text)) {
            out.setCharacterEscapes(Json.CAPTURE_ESCAPES);
            copyCurrentStructure(out);
        }
        return text.toString();
    }

    private void copyCurrentStructure(JsonGenerator out) throws IOException {
        int depth = 0;
        JsonToken token = token();
        while (true) {
            switch (token) {
                case START_OBJECT -> {
                    out.writeStartObject();
                    depth++;
                }
                case END_OBJECT -> {
                    out.writeEndObject();
                    depth--;
                }
                case START_ARRAY -> {
                    out.writeStartArray();
                    depth++;
                }
                case END_ARRAY -> {
                    out.writeEndArray();
                    depth--;
                }
                case FIELD_NAME -> out.writeFieldName(parser.currentName());
                case VALUE_STRING -> out.writeString(parser.getTextCharacters(), parser.getTextOffset(),
                        parser.getTextLength());
                // The number's text as it came: no rounding, no change of notation.
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> out.writeNumber(parser.getText());
                case VALUE_TRUE -> out.writeBoolean(true);
                case VALUE_FALSE -> out.writeBoolean(false);
                case VALUE_NULL -> out.writeNull();
                default -> throw mismatch("a JSON value");
            }
            if (depth == 0) {
                return;
            }
            token = parser.nextToken();
            if (token == null) {
                throw problem("unexpected end of input");
            }
        }
    }

    /** "{path}: expected {expected}, got {JSON type of the current token}". */
    IllegalArgumentException mismatch(String expected) {
        return problem("expected " + expected + ", got " + describe(token()));
    }

    /** "{path}: {problem}". */
    IllegalArgumentException problem(String problem) {
        return new IllegalArgumentException(path() + ": " + problem);
    }

    /**
     * The path of the current value, such as {@code choices[0].message.content}; {@code $} for
     * the root.
     */
    String path() {
        JsonStreamContext context = parser.getParsingContext();
        JsonToken token = token();
        // On a value's opening token the parser has already entered the value's own context.
        if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && context.getParent() != null) {
            context = context.getParent();
        }
        StringBuilder path = new StringBuilder(basePath);
        appendPath(path, context);
        return path.length() == 0 ? "$" : path.toString();
    }

    private static void appendPath(StringBuilder path, JsonStreamContext context) {
        if (context == null || context.inRoot()) {
            return;
        }
        appendPath(path, context.getParent());
        if (context.inArray()) {
            path.append('[').append(context.getCurrentIndex()).append(']');
        } else if (context.getCurrentName() != null) {
            if (path.length() > 0) {
                path.append('.');
            }
            path.append(context.getCurrentName());
        }
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "end of input";
        }
        return switch (token) {
            case START_OBJECT -> "OBJECT";
            case START_ARRAY -> "ARRAY";
            case VALUE_STRING -> "STRING";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "NUMBER";
            case VALUE_TRUE, VALUE_FALSE -> "BOOLEAN";
            case VALUE_NULL -> "NULL";
            default -> token.name();
        };
    }
}
