package dev.gomodel.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An error inside a successful stream or body (status 200) is typed as an HTTP error would be:
 * by its {@code type}, or without one by its {@code code}, which maps like an HTTP status when it
 * is one (OpenRouter sends {@code {"code": 400, ...}} mid-stream).
 */
class InStreamErrorMappingTest {

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of(null, "400", InvalidRequestException.class),
                Arguments.of(null, "401", AuthenticationException.class),
                Arguments.of(null, "404", NotFoundException.class),
                Arguments.of(null, "429", RateLimitException.class),
                Arguments.of(null, "502", ProviderErrorException.class),
                Arguments.of(null, "rate_limit_exceeded", RateLimitException.class),
                Arguments.of(null, "server_error", ProviderErrorException.class),
                // Z.ai's business codes are numbers that are not HTTP statuses.
                Arguments.of(null, "1301", ProviderErrorException.class),
                Arguments.of(null, "4000", ProviderErrorException.class),
                Arguments.of(null, "40a", ProviderErrorException.class),
                Arguments.of(null, "399", ProviderErrorException.class),
                Arguments.of(null, "600", ProviderErrorException.class),
                // A type decides when there is one.
                Arguments.of("invalid_request_error", "502", InvalidRequestException.class),
                Arguments.of("server_error", "429", ProviderErrorException.class));
    }

    @ParameterizedTest(name = "type {0}, code {1}")
    @MethodSource("errors")
    void anInStreamErrorIsTypedByItsTypeOrItsCode(String type, String code, Class<? extends ApiException> expected) {
        ApiException error = ApiException.of(new ApiError("openrouter", 200, type, code, "Token limit reached", null,
                null, null, null));

        assertThat(error).isExactlyInstanceOf(expected);
        assertThat(error.status()).isEqualTo(200);
        assertThat(error.code()).isEqualTo(code);
    }
}
