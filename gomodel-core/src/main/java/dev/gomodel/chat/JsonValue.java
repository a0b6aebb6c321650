package dev.gomodel.chat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.gomodel.internal.json.SurrogateEscapes;
import dev.gomodel.internal.json.TrustedJson;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * One JSON value (object, array, string, number, boolean or null) kept as its exact JSON text.
 *
 * <p>The wire model uses it wherever the schema allows free-form JSON (a tool's parameter
 * schema, {@code logprobs}, {@code raw_usage}) and for the members a record does not know,
 * so a field a provider adds is never dropped: the text is written back unchanged, with the
 * same key order and the same digits of every number.
 *
 * <p>Instances are immutable and thread-safe. Two values are equal when their texts are equal.
 */
public final class JsonValue {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** The JSON literal {@code null}. */
    public static final JsonValue NULL = new JsonValue("null");
    /** The JSON literal {@code true}. */
    public static final JsonValue TRUE = new JsonValue("true");
    /** The JSON literal {@code false}. */
    public static final JsonValue FALSE = new JsonValue("false");

    static {
        TrustedJson.register(JsonValue::new);
    }

    private final String json;

    private JsonValue(String json) {
        this.json = json;
    }

    /**
     * Parses one complete JSON value.
     *
     * @param json the JSON text; whitespace around the value is dropped, the rest kept as given
     * @return the value
     * @throws NullPointerException if {@code json} is {@code null}
     * @throws IllegalArgumentException if {@code json} is not exactly one well-formed JSON value
     */
    public static JsonValue parse(String json) {
        Objects.requireNonNull(json, "json");
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() == null) {
                throw new IllegalArgumentException("JSON value is empty");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("JSON value has trailing content after offset "
                        + parser.currentTokenLocation().getCharOffset());
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new JsonValue(json.strip());
    }

    /**
     * A JSON string holding {@code text}, escaped as JSON requires.
     *
     * @param text the string's content
     * @return the quoted JSON string
     * @throws NullPointerException if {@code text} is {@code null}; use {@link #NULL} for JSON
     *     {@code null}
     */
    public static JsonValue of(String text) {
        Objects.requireNonNull(text, "text");
        StringWriter out = new StringWriter(text.length() + 2);
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            generator.setCharacterEscapes(SurrogateEscapes.INSTANCE);
            generator.writeString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new JsonValue(out.toString());
    }

    /**
     * A JSON integer.
     *
     * @param number the number
     * @return the number written in decimal digits
     */
    public static JsonValue of(long number) {
        return new JsonValue(Long.toString(number));
    }

    /**
     * A JSON number; {@code number} must be finite.
     *
     * @param number the number
     * @return the number as {@link Double#toString(double)} writes it
     * @throws IllegalArgumentException if {@code number} is NaN or infinite
     */
    public static JsonValue of(double number) {
        if (!Double.isFinite(number)) {
            throw new IllegalArgumentException("JSON numbers must be finite, got " + number);
        }
        return new JsonValue(Double.toString(number));
    }

    /**
     * A JSON boolean.
     *
     * @param value the boolean
     * @return {@link #TRUE} or {@link #FALSE}
     */
    public static JsonValue of(boolean value) {
        return value ? TRUE : FALSE;
    }

    /**
     * The JSON text of this value.
     *
     * @return the text as received or as given to {@link #parse(String)} (whitespace around it
     *     dropped), or compact for a value this class made
     */
    public String json() {
        return json;
    }

    /**
     * Tells the JSON literal {@code null} apart from other values.
     *
     * @return {@code true} if this is {@code null}
     */
    public boolean isNull() {
        return json.equals("null");
    }

    /**
     * Tells a JSON string apart from other values.
     *
     * @return {@code true} if this is a string, which {@link #asString()} can decode
     */
    public boolean isString() {
        return json.startsWith("\"");
    }

    /**
     * Tells a JSON object apart from other values.
     *
     * @return {@code true} if this is an object
     */
    public boolean isObject() {
        return json.startsWith("{");
    }

    /**
     * The decoded text of a JSON string.
     *
     * @return the string's content, escapes decoded
     * @throws IllegalStateException if this value is not a string
     */
    public String asString() {
        if (!isString()) {
            throw new IllegalStateException("JSON value is not a string: " + abbreviated());
        }
        try (JsonParser parser = JSON.createParser(json)) {
            parser.nextToken();
            return parser.getText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Tells a JSON number apart from other values. This parses the text, so it costs more than
     * the other checks.
     *
     * @return {@code true} if this is an integer or a decimal number
     */
    public boolean isNumber() {
        try (JsonParser parser = JSON.createParser(json)) {
            JsonToken token = parser.nextToken();
            return token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
        } catch (IOException e) {
            return false;
        }
    }

    private String abbreviated() {
        return json.length() <= 64 ? json : json.substring(0, 61) + "...";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonValue that && json.equals(that.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    /**
     * The JSON text, as {@link #json()}.
     *
     * @return the JSON text
     */
    @Override
    public String toString() {
        return json;
    }
}
