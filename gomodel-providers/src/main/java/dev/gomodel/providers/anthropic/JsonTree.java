package dev.gomodel.providers.anthropic;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.gomodel.chat.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small read-only JSON tree for Anthropic's responses and stream events, read with
 * jackson-core alone. Every object and array keeps its exact source text (a slice of the input
 * bytes, found from the parser's byte offsets), so a tool call's {@code input} or the usage
 * object is handed on byte for byte: same key order, same whitespace, same digits.
 * Immutable once built.
 */
final class JsonTree {

    private static final JsonFactory JSON = new JsonFactory();

    /** The JSON type of a node. */
    enum Kind { OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL }

    /**
     * One JSON value.
     *
     * @param kind its JSON type
     * @param text the decoded text of a string, the digits of a number, {@code true}/{@code false}/{@code null}
     * @param raw the exact JSON text for objects and arrays; the (re-encoded) JSON text for scalars
     * @param members an object's members in order; empty for other kinds
     * @param items an array's elements; empty for other kinds
     * @param path where the value sits, for messages ({@code content[1].input})
     */
    record Node(Kind kind, String text, String raw, Map<String, Node> members, List<Node> items, String path) {

        /** The member {@code name}, or {@code null} when absent. */
        Node get(String name) {
            return members.get(name);
        }

        /** Whether this is JSON {@code null}. */
        boolean isNull() {
            return kind == Kind.NULL;
        }

        /** A string member's text; {@code null} when absent or JSON null. */
        String string(String name) {
            Node node = members.get(name);
            if (node == null || node.isNull()) {
                return null;
            }
            if (node.kind != Kind.STRING) {
                throw new IllegalArgumentException(node.path + ": expected a string, got " + node.kind);
            }
            return node.text;
        }

        /** An integer member's value; {@code null} when absent or JSON null. */
        Integer integer(String name) {
            Node node = members.get(name);
            return node == null ? null : node.intValue();
        }

        /**
         * This value as an integer that fits an {@code int}; {@code null} for JSON null.
         *
         * @throws IllegalArgumentException naming the path for another type, a fraction or a
         *     number out of range
         */
        Integer intValue() {
            if (isNull()) {
                return null;
            }
            if (kind != Kind.NUMBER) {
                throw new IllegalArgumentException(path + ": expected an integer, got " + kind);
            }
            try {
                return Integer.valueOf(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(path + ": expected an integer, got " + text, e);
            }
        }

        /** An object member; {@code null} when absent or JSON null. */
        Node object(String name) {
            Node node = members.get(name);
            if (node == null || node.isNull()) {
                return null;
            }
            if (node.kind != Kind.OBJECT) {
                throw new IllegalArgumentException(node.path + ": expected an object, got " + node.kind);
            }
            return node;
        }

        /** An array member's elements; empty when absent or JSON null. */
        List<Node> array(String name) {
            Node node = members.get(name);
            if (node == null || node.isNull()) {
                return List.of();
            }
            if (node.kind != Kind.ARRAY) {
                throw new IllegalArgumentException(node.path + ": expected an array, got " + node.kind);
            }
            return node.items;
        }

        /** This value as a {@link JsonValue}, text unchanged. */
        JsonValue json() {
            return switch (kind) {
                case NULL -> JsonValue.NULL;
                case BOOLEAN -> JsonValue.of(Boolean.parseBoolean(text));
                default -> JsonValue.parse(raw);
            };
        }
    }

    private JsonTree() {
    }

    /**
     * Parses one JSON object.
     *
     * @throws IllegalArgumentException if {@code json} is not one well-formed JSON object in UTF-8
     */
    static Node parseObject(byte[] json) {
        return parseObject(json, 0, json.length);
    }

    /**
     * Parses one JSON object from {@code length} bytes of {@code json} starting at {@code offset}.
     *
     * @throws IllegalArgumentException if they are not one well-formed JSON object in UTF-8
     */
    static Node parseObject(byte[] json, int offset, int length) {
        try (JsonParser parser = JSON.createParser(json, offset, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("expected a JSON object");
            }
            if (parser.currentTokenLocation().getByteOffset() < 0) {
                // Jackson guessed UTF-16 or UTF-32 from the first bytes and reads characters, not bytes.
                throw new IllegalArgumentException("expected UTF-8 JSON");
            }
            Node root = read(parser, new Source(json, offset, length), "$");
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("trailing content after the JSON object");
            }
            return root;
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
        }
    }

    /** Parses one JSON object from its text. */
    static Node parseObject(String json) {
        return parseObject(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The input, whose byte offsets the parser counts from {@code offset}. */
    private record Source(byte[] bytes, int offset, int length) {

        String slice(long start, long end) {
            if (start < 0 || end > length || end <= start) {
                throw new UncheckedIOException(new IOException("JSON offsets out of range: " + start + ".." + end));
            }
            return new String(bytes, offset + (int) start, (int) (end - start), StandardCharsets.UTF_8);
        }
    }

    private static Node read(JsonParser parser, Source source, String path) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                long start = parser.currentTokenLocation().getByteOffset();
                Map<String, Node> members = new LinkedHashMap<>();
                for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                    parser.nextToken();
                    members.put(name, read(parser, source, path.equals("$") ? name : path + "." + name));
                }
                long end = parser.currentTokenLocation().getByteOffset() + 1;
                return new Node(Kind.OBJECT, null, source.slice(start, end), Collections.unmodifiableMap(members),
                        List.of(), path);
            }
            case START_ARRAY -> {
                long start = parser.currentTokenLocation().getByteOffset();
                List<Node> items = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    items.add(read(parser, source, path + "[" + items.size() + "]"));
                }
                long end = parser.currentTokenLocation().getByteOffset() + 1;
                return new Node(Kind.ARRAY, null, source.slice(start, end), Map.of(), List.copyOf(items), path);
            }
            case VALUE_STRING -> {
                String text = parser.getText();
                return new Node(Kind.STRING, text, JsonValue.of(text).json(), Map.of(), List.of(), path);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new Node(Kind.NUMBER, parser.getText(), parser.getText(), Map.of(), List.of(), path);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Node(Kind.BOOLEAN, parser.getText(), parser.getText(), Map.of(), List.of(), path);
            }
            case VALUE_NULL -> {
                return new Node(Kind.NULL, "null", "null", Map.of(), List.of(), path);
            }
            default -> throw new IllegalArgumentException(path + ": unexpected " + token);
        }
    }

}
