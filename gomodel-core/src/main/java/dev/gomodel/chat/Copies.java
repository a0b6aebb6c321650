package dev.gomodel.chat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Defensive copies for the records' compact constructors. */
final class Copies {

    private Copies() {
    }

    /** An unmodifiable copy that keeps insertion order, so unknown members are written back in the order they came. */
    static Map<String, JsonValue> extra(Map<String, JsonValue> extra) {
        if (extra == null || extra.isEmpty()) {
            return Map.of();
        }
        LinkedHashMap<String, JsonValue> copy = new LinkedHashMap<>(extra);
        copy.forEach((name, value) -> {
            Objects.requireNonNull(name, "extra member name");
            Objects.requireNonNull(value, () -> "extra member \"" + name + "\" (use JsonValue.NULL for JSON null)");
        });
        return Collections.unmodifiableMap(copy);
    }

    /** An unmodifiable copy of a nullable list; {@code null} stays {@code null} (the member is absent). */
    static <T> List<T> nullableList(List<T> list) {
        return list == null ? null : List.copyOf(list);
    }

    /** An unmodifiable copy of a list; {@code null} becomes empty. */
    static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /**
     * An unmodifiable copy of a list of request elements that keeps {@code null} elements, so
     * {@link RequestValidation} can reject them naming their JSON path; {@code null} becomes empty.
     */
    static <T> List<T> requestList(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** Like {@link #requestList}, but {@code null} stays {@code null} (the member is absent). */
    static <T> List<T> nullableRequestList(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
