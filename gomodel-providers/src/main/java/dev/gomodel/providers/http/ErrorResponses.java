package dev.gomodel.providers.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.gomodel.error.ApiError;
import dev.gomodel.error.ApiException;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Builds the typed exception for an upstream error from its status, headers and body.
 *
 * <p>Understands the error envelopes the supported upstreams use, which all carry an
 * {@code "error"} member: OpenAI and GoModel {@code {"error": {"message", "type", "code",
 * "param"}}}, Anthropic {@code {"type": "error", "error": {"type", "message"}}}, and
 * {@code {"error": "text"}}. Any other body is summed up in the message by {@link BodySummary}
 * (an HTML page by its title), and kept whole, up to the snippet's limit, as the body snippet.
 */
public final class ErrorResponses {

    private static final JsonFactory JSON = new JsonFactory();
    private static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

    private ErrorResponses() {
    }

    /** The exception for an HTTP error response. */
    public static ApiException fromResponse(String provider, int status, HttpHeaders headers, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        Envelope envelope = parse(body);
        String message = envelope != null && envelope.message != null ? envelope.message
                : BodySummary.of(headers.firstValue("content-type").orElse(null), text);
        return ApiException.of(new ApiError(provider, status, envelope == null ? null : envelope.type,
                envelope == null ? null : envelope.code, message, envelope == null ? null : envelope.param,
                requestId(headers), retryAfter(headers).orElse(null), text));
    }

    /**
     * The exception for an error that arrived inside a successful stream or a 200 body, or
     * {@code null} when {@code json} holds no error envelope.
     */
    public static ApiException fromErrorEvent(String provider, HttpHeaders headers, byte[] json) {
        Envelope envelope = parse(json);
        if (envelope == null) {
            return null;
        }
        return ApiException.of(new ApiError(provider, 200, envelope.type, envelope.code, envelope.message,
                envelope.param, headers == null ? null : requestId(headers), null,
                new String(json, StandardCharsets.UTF_8)));
    }

    /** The upstream's request id header, or {@code null}. */
    public static String requestId(HttpHeaders headers) {
        return headers.firstValue("x-request-id").or(() -> headers.firstValue("request-id")).orElse(null);
    }

    /**
     * The wait the upstream asked for: {@code retry-after-ms} in milliseconds, else
     * {@code Retry-After} in seconds or as an HTTP date. Negative, unparseable or absurd values
     * (over a day) are ignored.
     */
    public static Optional<Duration> retryAfter(HttpHeaders headers) {
        Optional<String> millis = headers.firstValue("retry-after-ms");
        if (millis.isPresent()) {
            Optional<Duration> parsed = parseSeconds(millis.get(), 1_000);
            if (parsed.isPresent()) {
                return parsed;
            }
        }
        return headers.firstValue("retry-after").flatMap(ErrorResponses::parseRetryAfter);
    }

    static Optional<Duration> parseRetryAfter(String value) {
        Optional<Duration> seconds = parseSeconds(value, 1);
        if (seconds.isPresent()) {
            return seconds;
        }
        try {
            ZonedDateTime date = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(ZonedDateTime.now(date.getZone()), date);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait).filter(d -> d.compareTo(MAX_RETRY_AFTER) <= 0);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> parseSeconds(String value, int unitsPerSecond) {
        try {
            double amount = Double.parseDouble(value.strip());
            if (!(amount >= 0) || Double.isInfinite(amount)) {
                return Optional.empty();
            }
            Duration wait = Duration.ofNanos((long) Math.min(amount / unitsPerSecond * 1e9, Long.MAX_VALUE));
            return wait.compareTo(MAX_RETRY_AFTER) <= 0 ? Optional.of(wait) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Envelope parse(byte[] body) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Envelope envelope = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("error".equals(name) && value == JsonToken.START_OBJECT) {
                    envelope = readError(parser);
                } else if ("error".equals(name) && value == JsonToken.VALUE_STRING) {
                    envelope = new Envelope();
                    envelope.message = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
            return envelope;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Envelope readError(JsonParser parser) throws IOException {
        Envelope envelope = new Envelope();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            String text = value.isScalarValue() && value != JsonToken.VALUE_NULL ? parser.getText() : null;
            switch (name) {
                case "message" -> envelope.message = text;
                case "type" -> envelope.type = text;
                case "code" -> envelope.code = text;
                case "param" -> envelope.param = text;
                default -> parser.skipChildren();
            }
            if (!value.isScalarValue()) {
                parser.skipChildren();
            }
        }
        return envelope;
    }

    private static final class Envelope {
        String message;
        String type;
        String code;
        String param;
    }
}
