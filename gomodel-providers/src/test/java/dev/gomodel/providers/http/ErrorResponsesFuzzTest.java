package dev.gomodel.providers.http;

import static dev.gomodel.testing.Fuzz.show;
import static dev.gomodel.testing.Fuzz.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gomodel.error.ApiException;
import dev.gomodel.error.AuthenticationException;
import dev.gomodel.error.InvalidRequestException;
import dev.gomodel.error.NotFoundException;
import dev.gomodel.error.ProviderErrorException;
import dev.gomodel.error.RateLimitException;
import dev.gomodel.testing.Fuzz;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Error envelopes, damaged, with every kind of status and Retry-After header: {@link ErrorResponses}
 * always builds the {@link ApiException} subtype the status calls for, never throws, and keeps
 * the wait it reads within zero and a day.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ErrorResponsesFuzzTest {

    private static final List<String> BODIES = List.of("/presets/azure/error.json", "/presets/deepseek/error.json",
            "/presets/gemini/error.json", "/presets/gomodel/error.json", "/presets/groq/error.json",
            "/presets/mistral/error.json", "/presets/openrouter/error.json");
    private static final int[] STATUSES = {400, 401, 403, 404, 408, 409, 413, 422, 429, 499, 500, 502, 503, 504, 529,
        599, 600, 999, 0, -1, 200, 204, 302};
    private static final String[] WAITS = {"0", "1", "30", "1.5", " 7 ", "86400", "86401", "-1", "-0", "1e3", "1e400",
        "NaN", "Infinity", "-Infinity", "0x10", "10s", "", " ", "\u0000", "99999999999999999999999", "1,5",
        "Wed, 21 Oct 2015 07:28:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT", "Sun, 06 Nov 1994 08:49:37 GMT",
        "Mon, 32 Jan 2024 00:00:00 GMT", "Mon, 01 Jan 2024 25:61:61 GMT", "Thu, 01 Jan 1970 00:00:00 +9999",
        "Tue, 3 Jun 2008 11:05:30 +0200", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994"};

    static byte[] fixture(String name) {
        try (InputStream in = ErrorResponsesFuzzTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static HttpHeaders headers(Map<String, String> values) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        values.forEach((name, value) -> map.put(name, List.of(value)));
        return HttpHeaders.of(map, (a, b) -> true);
    }

    private static String someWait(RandomGenerator random) {
        if (random.nextInt(4) == 0) {
            // An HTTP date near now, in the past or the future.
            ZonedDateTime at = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(random.nextLong(-200_000, 200_000));
            return DateTimeFormatter.RFC_1123_DATE_TIME.format(at);
        }
        if (random.nextInt(4) == 0) {
            return new String(Fuzz.mutate(utf8(WAITS[random.nextInt(WAITS.length)]), random),
                    java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        return WAITS[random.nextInt(WAITS.length)];
    }

    @Test
    void damagedErrorBodiesAlwaysGiveTheTypedExceptionForTheStatus() {
        int cases = Fuzz.cases(3000);
        int withMessage = 0;
        for (int i = 0; i < cases; i++) {
            RandomGenerator random = Fuzz.random(i);
            byte[] body = Fuzz.mutate(fixture(BODIES.get(i % BODIES.size())), random);
            int status = STATUSES[random.nextInt(STATUSES.length)];
            Map<String, String> values = new LinkedHashMap<>();
            values.put(random.nextBoolean() ? "retry-after" : "retry-after-ms", someWait(random));
            if (random.nextBoolean()) {
                values.put("x-request-id", "req-" + i);
            }
            String label = "case " + i + " status " + status + " " + values + "\ninput: " + show(body);
            ApiException error;
            try {
                error = ErrorResponses.fromResponse("p", status, headers(values), body);
            } catch (Throwable thrown) {
                throw new AssertionError(label + ": threw " + thrown, thrown);
            }
            assertThat(error).as(label).isInstanceOf(expectedType(status));
            assertThat(error.status()).as(label).isEqualTo(status);
            assertThat(error.getMessage()).as(label).startsWith("p ");
            assertThat(error.bodySnippet().length()).as(label).isLessThanOrEqualTo(ApiException.MAX_BODY_SNIPPET);
            assertThat(error.retryAfter()).as(label).satisfiesAnyOf(Optional::isEmpty,
                    wait -> assertThat(wait.get()).isBetween(Duration.ZERO, Duration.ofDays(1)));
            if (error.getMessage().contains(": ")) {
                withMessage++;
            }
            try {
                ErrorResponses.fromErrorEvent("p", headers(values), body);
            } catch (Throwable thrown) {
                throw new AssertionError(label + ": fromErrorEvent threw " + thrown, thrown);
            }
        }
        assertThat(withMessage).as("errors with a message").isGreaterThan(cases / 2);
    }

    private static Class<? extends ApiException> expectedType(int status) {
        if (status == 401 || status == 403) {
            return AuthenticationException.class;
        }
        if (status == 404) {
            return NotFoundException.class;
        }
        if (status == 429) {
            return RateLimitException.class;
        }
        if (status >= 400 && status < 500) {
            return InvalidRequestException.class;
        }
        // Below 400 the type comes from the error's type or code; above 499 it is the upstream's fault.
        return status < 400 ? ApiException.class : ProviderErrorException.class;
    }

    /** The envelopes every supported upstream sends are understood whole, whatever surrounds them. */
    @Test
    void intactEnvelopesGiveTheirMessageTypeAndCode() {
        List<String> bodies = new ArrayList<>(List.of(
                "{\"error\":{\"message\":\"m\",\"type\":\"t\",\"code\":\"c\",\"param\":\"p\"}}",
                "{\"type\":\"error\",\"error\":{\"type\":\"t\",\"message\":\"m\",\"code\":\"c\",\"param\":\"p\"}}",
                "{\"x\":[{\"error\":1}],\"error\":{\"message\":\"m\",\"type\":\"t\",\"code\":\"c\",\"param\":\"p\","
                        + "\"nested\":{\"message\":\"no\"}},\"after\":{\"error\":\"no\"}}",
                " \r\n{\"error\":{\"code\":\"c\",\"param\":\"p\",\"type\":\"t\",\"message\":\"m\"}}\n"));
        for (String body : bodies) {
            ApiException error = ErrorResponses.fromResponse("p", 400, headers(Map.of()), utf8(body));
            assertThat(error.getMessage()).as(body).isEqualTo("p returned HTTP 400: m (code c)");
            assertThat(error.type()).as(body).isEqualTo("t");
            assertThat(error.param()).as(body).isEqualTo("p");
        }
    }

    @Test
    void deeplyNestedHugeAndInvalidBodiesStillGiveTheTypedException() {
        List<byte[]> bodies = List.of(
                Fuzz.repeat("[", 100_000), Fuzz.repeat("{\"error\":", 100_000),
                utf8("{\"error\":{\"message\":\"m\",\"x\":" + "[".repeat(100_000) + "}}"),
                utf8("{\"error\":{\"message\":\"" + "m".repeat(3_000_000) + "\"}}"),
                new byte[] {'{', '"', 'e', 'r', 'r', 'o', 'r', '"', ':', '"', (byte) 0xC3, '(', '"', '}'},
                new byte[] {0, 0, 0, '{'}, new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0}, new byte[0]);
        for (byte[] body : bodies) {
            ApiException error = ErrorResponses.fromResponse("p", 503, headers(Map.of("retry-after", "5")), body);
            assertThat(error).as(show(body)).isInstanceOf(ProviderErrorException.class);
            assertThat(error.retryAfter()).contains(Duration.ofSeconds(5));
            assertThat(error.getMessage().length()).as(show(body)).isLessThan(4_000_000);
        }
    }

    @Test
    void retryAfterIsNeverNegativeNorOverADay() {
        int cases = Fuzz.cases(4000);
        for (int i = 0; i < cases; i++) {
            RandomGenerator random = Fuzz.random(i);
            String value = someWait(random);
            Optional<Duration> wait;
            try {
                wait = ErrorResponses.parseRetryAfter(value);
            } catch (Throwable thrown) {
                throw new AssertionError("Retry-After: " + value + " threw " + thrown, thrown);
            }
            wait.ifPresent(duration -> assertThat(duration).as(value).isBetween(Duration.ZERO, Duration.ofDays(1)));
        }
        assertThat(ErrorResponses.parseRetryAfter("120")).contains(Duration.ofSeconds(120));
        assertThat(ErrorResponses.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).contains(Duration.ZERO);
        assertThat(ErrorResponses.parseRetryAfter("Fri, 31 Dec 9999 23:59:59 GMT")).isEmpty();
        assertThat(ErrorResponses.retryAfter(headers(Map.of("retry-after-ms", "1500")))).contains(Duration.ofMillis(1500));
    }
}
