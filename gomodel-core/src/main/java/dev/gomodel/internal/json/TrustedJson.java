package dev.gomodel.internal.json;

import dev.gomodel.chat.JsonValue;
import java.util.Objects;
import java.util.function.Function;

/**
 * Makes a {@link JsonValue} from JSON text without parsing it again, for the codec, which writes
 * that text itself from a parser's tokens and so knows it is one well-formed value.
 * {@code JsonValue} hands over its private constructor when its class is initialized; users
 * cannot reach this class (its package is not exported), so for them every value is still
 * checked by {@link JsonValue#parse}. Thread-safe.
 */
public final class TrustedJson {

    private static volatile Function<String, JsonValue> maker;

    private TrustedJson() {
    }

    /** Called once, by {@code JsonValue}'s static initializer. */
    public static void register(Function<String, JsonValue> constructor) {
        maker = constructor;
    }

    /**
     * The value whose text is {@code json}, which must be one compact, well-formed JSON value
     * (strings with their surrogates escaped, as {@link SurrogateEscapes} writes them).
     */
    public static JsonValue value(String json) {
        Function<String, JsonValue> constructor = maker;
        if (constructor == null) {
            Objects.requireNonNull(JsonValue.NULL); // initializes JsonValue, which registers its constructor
            constructor = maker;
        }
        return constructor.apply(json);
    }
}
