package dev.gomodel.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Every value of a well-formed UTF-8 JSON document, with its path (as the codecs name paths in
 * their messages: {@code $} for the root, then {@code choices[0].message.content}) and its byte
 * range, so a test can replace any one value.
 */
public final class JsonSpans {

    private static final JsonFactory JSON = new JsonFactory();

    /** One value: its path, its bytes {@code [start, end)}, the token it starts with. */
    public record Span(String path, int start, int end, JsonToken token) {

        /** Whether this value is the value of an object member (not an array element or the root). */
        public boolean isMember(byte[] json) {
            int before = start - 1;
            while (before >= 0 && Character.isWhitespace(json[before])) {
                before--;
            }
            return before >= 0 && json[before] == ':';
        }
    }

    private JsonSpans() {
    }

    /** The spans of every value, in document order of their first byte. */
    public static List<Span> of(byte[] json) {
        List<Span> spans = new ArrayList<>();
        Deque<Span> open = new ArrayDeque<>();
        try (JsonParser parser = JSON.createParser(json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                int start = (int) parser.currentTokenLocation().getByteOffset();
                switch (token) {
                    case FIELD_NAME -> {
                    }
                    case START_OBJECT, START_ARRAY -> open.push(new Span(path(parser.getParsingContext().getParent()),
                            start, -1, token));
                    case END_OBJECT, END_ARRAY -> {
                        Span value = open.pop();
                        spans.add(new Span(value.path, value.start, start + 1, value.token));
                    }
                    default -> {
                        parser.finishToken();
                        int end = (int) parser.currentLocation().getByteOffset();
                        spans.add(new Span(path(parser.getParsingContext()), start, end, token));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        spans.sort((a, b) -> Integer.compare(a.start, b.start));
        return spans;
    }

    /** The path of the value the context is positioned on. */
    private static String path(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        append(path, context);
        return path.length() == 0 ? "$" : path.toString();
    }

    private static void append(StringBuilder path, JsonStreamContext context) {
        if (context == null || context.inRoot()) {
            return;
        }
        append(path, context.getParent());
        if (context.inArray()) {
            path.append('[').append(context.getCurrentIndex()).append(']');
        } else {
            if (path.length() > 0) {
                path.append('.');
            }
            path.append(context.getCurrentName());
        }
    }
}
