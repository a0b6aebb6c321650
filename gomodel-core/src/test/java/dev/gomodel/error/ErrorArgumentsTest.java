package dev.gomodel.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The public constructors and factories of the exceptions: what they need is named when it is
 * missing, and what the package documents as unknown ({@code null}) is accepted.
 */
class ErrorArgumentsTest {

    static Stream<Arguments> missingArguments() {
        return Stream.of(
                Arguments.of("new ApiException(null)", (ThrowingCallable) () -> new ApiException(null), "error"),
                Arguments.of("ApiException.of(null)", (ThrowingCallable) () -> ApiException.of(null), "error"),
                Arguments.of("new AuthenticationException(null)",
                        (ThrowingCallable) () -> new AuthenticationException(null), "error"),
                Arguments.of("new RateLimitException(null)", (ThrowingCallable) () -> new RateLimitException(null),
                        "error"),
                Arguments.of("new RequestTimeoutException without phase",
                        (ThrowingCallable) () -> new RequestTimeoutException("p", null, Duration.ofSeconds(1), null),
                        "phase"),
                Arguments.of("new RequestTimeoutException without limit",
                        (ThrowingCallable) () -> new RequestTimeoutException("p", RequestTimeoutException.Phase.TOTAL,
                                null, null),
                        "limit"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missingArguments")
    void aMissingArgumentIsNamed(String name, ThrowingCallable call, String argument) {
        assertThatThrownBy(call).isExactlyInstanceOf(NullPointerException.class).hasMessage(argument);
    }

    @Test
    void unknownDetailsMayBeNull() {
        ApiException api = ApiException.of(new ApiError(null, 500, null, null, null, null, null, null, null));
        RequestTimeoutException timeout = new RequestTimeoutException(null, RequestTimeoutException.Phase.CONNECT,
                Duration.ofMillis(5), null);

        assertThat(api).isExactlyInstanceOf(ProviderErrorException.class).hasMessage("upstream returned HTTP 500");
        assertThat(api.bodySnippet()).isEmpty();
        assertThat(timeout).hasMessage("call timed out: connecting took longer than 5 ms");
        assertThat(new GoModelException(null, null, null).provider()).isNull();
    }
}
