package dev.gomodel.routing;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One value of a parsed configuration document (see {@link ConfigJson}) with its key path, such
 * as {@code routes.gpt-4o.retry}, read through typed accessors. Every accessor throws an
 * {@link IllegalArgumentException} that starts with the key path and says what was expected.
 */
record ConfigValue(String path, Object value) {

    private static final String DURATION = "a duration such as \"250ms\" or a number of milliseconds";
    /** One number-and-unit part of a Go duration; "ms" must come before "m" and "s". */
    private static final Pattern DURATION_PART = Pattern.compile("([0-9]*(?:\\.[0-9]*)?)(ns|us|µs|μs|ms|s|m|h)");
    private static final Map<String, Long> UNIT_NANOS = Map.of("ns", 1L, "us", 1_000L, "µs", 1_000L, "μs", 1_000L,
            "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);
    private static final BigDecimal MAX_NANOS = BigDecimal.valueOf(Long.MAX_VALUE);

    /** The whole document. */
    static ConfigValue root(Object value) {
        return new ConfigValue("", value);
    }

    /** The key path of member {@code key} of the object at {@code path}. */
    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The key path as messages show it; the document itself is {@code config}. */
    String where() {
        return path.isEmpty() ? "config" : path;
    }

    /** This object's members, whose keys must all be in {@code known}. */
    Map<String, ConfigValue> object(List<String> known) {
        Map<String, ConfigValue> members = members();
        for (String key : members.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException(child(path, key) + ": unknown key (known: " + String.join(", ", known)
                        + ")");
            }
        }
        return members;
    }

    /** This object's members, keyed by names the user chooses (aliases, models, providers), none blank. */
    Map<String, ConfigValue> entries() {
        Map<String, ConfigValue> members = members();
        for (String key : members.keySet()) {
            if (key.isBlank()) {
                throw new IllegalArgumentException(where() + ": expected non-blank names, got " + describe(key));
            }
        }
        return members;
    }

    /** This object's members, whatever their keys. */
    Map<String, ConfigValue> members() {
        if (!(value instanceof Map<?, ?> map)) {
            throw expected("an object");
        }
        Map<String, ConfigValue> members = new LinkedHashMap<>();
        map.forEach((key, member) -> members.put((String) key, new ConfigValue(child(path, (String) key), member)));
        return members;
    }

    /** A non-blank string. */
    String text() {
        if (value instanceof String text && !text.isBlank()) {
            return text;
        }
        throw expected("a non-blank string");
    }

    /** Targets of an alias or fallback: a string, or a non-empty array of non-blank strings. */
    List<String> targets() {
        if (value instanceof String) {
            return List.of(text());
        }
        if (value instanceof List<?> list && !list.isEmpty()) {
            List<String> targets = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                targets.add(new ConfigValue(path + "[" + i + "]", list.get(i)).text());
            }
            return List.copyOf(targets);
        }
        throw expected("a string or a non-empty array of strings");
    }

    /** An integer from 0 to {@link Integer#MAX_VALUE}; {@code 2.0} counts, {@code 2.5} does not. */
    int nonNegativeInt() {
        return integer(0, "a non-negative integer");
    }

    /** An integer from 1 to {@link Integer#MAX_VALUE}. */
    int positiveInt() {
        return integer(1, "a positive integer");
    }

    private int integer(int min, String what) {
        if (value instanceof BigDecimal number) {
            try {
                int integer = number.intValueExact();
                if (integer >= min) {
                    return integer;
                }
            } catch (ArithmeticException e) {
                // a fraction or out of range: reported below
            }
        }
        throw expected(what);
    }

    /** Any number. */
    double number() {
        if (value instanceof BigDecimal number) {
            return number.doubleValue();
        }
        throw expected("a number");
    }

    boolean bool() {
        if (value instanceof Boolean bool) {
            return bool;
        }
        throw expected("true or false");
    }

    /**
     * A Go duration string ({@code "250ms"}, {@code "1.5s"}, {@code "1h30m"}; units ns, us or
     * µs, ms, s, m, h) or a number of milliseconds. Fractions of a nanosecond are dropped; the
     * sign is kept for the policies to judge.
     */
    Duration duration() {
        Duration duration = null;
        try {
            if (value instanceof String text) {
                duration = parseGoDuration(text);
            } else if (value instanceof BigDecimal millis) {
                duration = ofNanos(millis.scaleByPowerOfTen(6));
            }
        } catch (ArithmeticException e) {
            // an exponent too large for BigDecimal: reported below
        }
        if (duration == null) {
            throw expected(DURATION);
        }
        return duration;
    }

    /** A constant of {@code type}, named in any case: {@code "round_robin"} is {@code ROUND_ROBIN}. */
    <E extends Enum<E>> E oneOf(Class<E> type) {
        E[] constants = type.getEnumConstants();
        if (value instanceof String name) {
            for (E constant : constants) {
                if (constant.name().equalsIgnoreCase(name)) {
                    return constant;
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (E constant : constants) {
            names.add(constant.name().toLowerCase(Locale.ROOT));
        }
        throw expected("one of " + String.join(", ", names));
    }

    /** Runs {@code action}, a policy's constructor or builder, prefixing its errors with this key path. */
    <T> T build(Supplier<T> action) {
        try {
            return action.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where() + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code action}, a setter, prefixing its errors with this key path. */
    void run(Runnable action) {
        build(() -> {
            action.run();
            return null;
        });
    }

    /** An error saying what this value should have been. */
    IllegalArgumentException expected(String what) {
        return new IllegalArgumentException(where() + ": expected " + what + ", got " + describe(value));
    }

    private static String describe(Object value) {
        if (value instanceof String text) {
            return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        if (value instanceof Map<?, ?> map) {
            return map.isEmpty() ? "{}" : "an object";
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "[]" : "an array";
        }
        return String.valueOf(value);
    }

    /** A duration in Go's syntax, or {@code null} if {@code text} is not one or is out of range. */
    static Duration parseGoDuration(String text) {
        String rest = text;
        boolean negative = rest.startsWith("-");
        if (negative || rest.startsWith("+")) {
            rest = rest.substring(1);
        }
        if (rest.equals("0")) {
            return Duration.ZERO;
        }
        if (rest.isEmpty()) {
            return null;
        }
        BigDecimal nanos = BigDecimal.ZERO;
        Matcher part = DURATION_PART.matcher(rest);
        for (int at = 0; at < rest.length(); at = part.end()) {
            if (!part.region(at, rest.length()).lookingAt() || part.group(1).isEmpty() || part.group(1).equals(".")) {
                return null;
            }
            nanos = nanos.add(new BigDecimal(part.group(1)).multiply(BigDecimal.valueOf(UNIT_NANOS.get(part.group(2)))));
        }
        return ofNanos(negative ? nanos.negate() : nanos);
    }

    /** {@code nanos} without its fraction, or {@code null} beyond what a Go duration (a long of nanoseconds) holds. */
    private static Duration ofNanos(BigDecimal nanos) {
        if (nanos.abs().compareTo(MAX_NANOS) > 0) {
            return null;
        }
        return Duration.ofNanos(nanos.abs().compareTo(BigDecimal.ONE) < 0 ? 0 : nanos.longValue());
    }
}
