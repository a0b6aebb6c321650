package dev.gomodel.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.gomodel.chat.JsonValue;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The writes the codecs share: members that are omitted when {@code null}, raw
 * {@link JsonValue}s and the {@code extra} members.
 */
final class JsonOut {

    private JsonOut() {
    }

    static void string(JsonGenerator out, String name, String value) throws IOException {
        if (value != null) {
            out.writeStringField(name, value);
        }
    }

    static void integer(JsonGenerator out, String name, Integer value) throws IOException {
        if (value != null) {
            out.writeNumberField(name, value.intValue());
        }
    }

    static void integer(JsonGenerator out, String name, Long value) throws IOException {
        if (value != null) {
            out.writeNumberField(name, value.longValue());
        }
    }

    static void number(JsonGenerator out, String name, Double value) throws IOException {
        if (value != null) {
            out.writeNumberField(name, value.doubleValue());
        }
    }

    static void bool(JsonGenerator out, String name, Boolean value) throws IOException {
        if (value != null) {
            out.writeBooleanField(name, value.booleanValue());
        }
    }

    /** The value's JSON text as it is; {@link JsonValue#NULL} writes {@code null}. */
    static void raw(JsonGenerator out, String name, JsonValue value) throws IOException {
        if (value != null) {
            out.writeFieldName(name);
            out.writeRawValue(value.json());
        }
    }

    /** An object member written by {@code writer}, omitted when {@code value} is {@code null}. */
    static <T> void object(JsonGenerator out, String name, T value, Json.Writer<T> writer) throws IOException {
        if (value != null) {
            out.writeFieldName(name);
            writer.write(out, value);
        }
    }

    /** An array member, omitted when {@code values} is {@code null}. */
    static <T> void array(JsonGenerator out, String name, List<T> values, Json.Writer<T> writer) throws IOException {
        if (values != null) {
            out.writeFieldName(name);
            out.writeStartArray();
            for (T value : values) {
                writer.write(out, value);
            }
            out.writeEndArray();
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
