package dev.gomodel.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.gomodel.chat.JsonValue;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The writes the codecs share: members that are omitted when {@code null} unless the record
 * names them in its {@code nulls} (then they are written as JSON {@code null}), raw
 * {@link JsonValue}s and the {@code extra} members.
 */
final class JsonOut {

    private JsonOut() {
    }

    static void string(JsonGenerator out, String name, String value, Set<String> nulls) throws IOException {
        if (value != null) {
            out.writeStringField(name, value);
        } else {
            explicitNull(out, name, nulls);
        }
    }

    static void integer(JsonGenerator out, String name, Integer value, Set<String> nulls) throws IOException {
        if (value != null) {
            out.writeNumberField(name, value.intValue());
        } else {
            explicitNull(out, name, nulls);
        }
    }

    static void integer(JsonGenerator out, String name, Long value, Set<String> nulls) throws IOException {
        if (value != null) {
            out.writeNumberField(name, value.longValue());
        } else {
            explicitNull(out, name, nulls);
        }
    }

    /**
     * An {@code int} that is always written, but as JSON {@code null} when the record names it
     * in {@code nulls} (it then holds its default, 0).
     */
    static void count(JsonGenerator out, String name, int value, Set<String> nulls) throws IOException {
        if (value == 0 && !nulls.isEmpty() && nulls.contains(name)) {
            out.writeNullField(name);
        } else {
            out.writeNumberField(name, value);
        }
    }

    static void number(JsonGenerator out, String name, Double value, Set<String> nulls) throws IOException {
        if (value != null) {
            out.writeNumberField(name, value.doubleValue());
        } else {
            explicitNull(out, name, nulls);
        }
    }

    static void bool(JsonGenerator out, String name, Boolean value, Set<String> nulls) throws IOException {
        if (value != null) {
            out.writeBooleanField(name, value.booleanValue());
        } else {
            explicitNull(out, name, nulls);
        }
    }

    /** The value's JSON text as it is; {@link JsonValue#NULL} writes {@code null}. */
    static void raw(JsonGenerator out, String name, JsonValue value) throws IOException {
        if (value != null) {
            out.writeFieldName(name);
            out.writeRawValue(value.json());
        }
    }

    /** An object member written by {@code writer}. */
    static <T> void object(JsonGenerator out, String name, T value, Json.Writer<T> writer, Set<String> nulls)
            throws IOException {
        if (value != null) {
            out.writeFieldName(name);
            writer.write(out, value);
        } else {
            explicitNull(out, name, nulls);
        }
    }

    /** An array member. */
    static <T> void array(JsonGenerator out, String name, List<T> values, Json.Writer<T> writer, Set<String> nulls)
            throws IOException {
        if (values != null) {
            out.writeFieldName(name);
            out.writeStartArray();
            for (T value : values) {
                writer.write(out, value);
            }
            out.writeEndArray();
        } else {
            explicitNull(out, name, nulls);
        }
    }

    /**
     * An array member that is never {@code null} in its record: empty, it is written as JSON
     * {@code null} when the record names it in {@code nulls}, else as {@code []}.
     */
    static <T> void list(JsonGenerator out, String name, List<T> values, Json.Writer<T> writer, Set<String> nulls)
            throws IOException {
        array(out, name, values.isEmpty() && !nulls.isEmpty() && nulls.contains(name) ? null : values, writer, nulls);
    }

    /** Writes {@code "name": null} when {@code nulls} names the member; the member is absent otherwise. */
    static void explicitNull(JsonGenerator out, String name, Set<String> nulls) throws IOException {
        if (!nulls.isEmpty() && nulls.contains(name)) {
            out.writeNullField(name);
        }
    }

    /**
     * The {@code extra} members in their order. A member named like one of {@code known} (the
     * members the record writes itself) is skipped: writing it would duplicate a key.
     */
    static void extra(JsonGenerator out, Map<String, JsonValue> extra, Set<String> known) throws IOException {
        if (extra.isEmpty()) {
            return;
        }
        for (Map.Entry<String, JsonValue> member : extra.entrySet()) {
            if (!known.contains(member.getKey())) {
                out.writeFieldName(member.getKey());
                out.writeRawValue(member.getValue().json());
            }
        }
    }
}
