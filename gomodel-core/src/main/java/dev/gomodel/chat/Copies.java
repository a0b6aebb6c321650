package dev.gomodel.chat;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/** Defensive copies for the records' compact constructors. */
final class Copies {

    private Copies() {
    }

    /**
     * An unmodifiable copy that keeps insertion order, so unknown members are written back in the
     * order they came. A map this method made is returned as it is: nothing can change it, so
     * copying a record ({@code withProvider}) does not copy its members again.
     */
    static Map<String, JsonValue> extra(Map<String, JsonValue> extra) {
        if (extra == null || extra.isEmpty()) {
            return Map.of();
        }
        if (extra instanceof ExtraMap) {
            return extra;
        }
        LinkedHashMap<String, JsonValue> copy = new LinkedHashMap<>(extra);
        copy.forEach((name, value) -> {
            Objects.requireNonNull(name, "extra member name");
            Objects.requireNonNull(value, () -> "extra member \"" + name + "\" (use JsonValue.NULL for JSON null)");
        });
        return new ExtraMap(copy);
    }

    /** The unmodifiable map {@link #extra} makes: a view of a copy that no one else holds. */
    private static final class ExtraMap extends AbstractMap<String, JsonValue> {

        private final Map<String, JsonValue> members;

        ExtraMap(LinkedHashMap<String, JsonValue> copy) {
            this.members = Collections.unmodifiableMap(copy);
        }

        @Override
        public Set<Map.Entry<String, JsonValue>> entrySet() {
            return members.entrySet();
        }

        @Override
        public int size() {
            return members.size();
        }

        @Override
        public boolean containsKey(Object name) {
            return members.containsKey(name);
        }

        @Override
        public JsonValue get(Object name) {
            return members.get(name);
        }

        @Override
        public void forEach(BiConsumer<? super String, ? super JsonValue> action) {
            members.forEach(action);
        }
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
