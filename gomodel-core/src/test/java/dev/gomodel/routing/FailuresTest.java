package dev.gomodel.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gomodel.error.ApiError;
import dev.gomodel.error.ApiException;
import dev.gomodel.error.CircuitOpenException;
import dev.gomodel.error.ConnectionException;
import dev.gomodel.error.GoModelException;
import dev.gomodel.error.IncompleteStreamException;
import dev.gomodel.error.MalformedResponseException;
import dev.gomodel.error.NoRouteException;
import dev.gomodel.error.ProviderErrorException;
import dev.gomodel.error.RateLimitException;
import dev.gomodel.error.RequestTimeoutException;
import dev.gomodel.error.StreamInterruptedException;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class FailuresTest {

    /** One row of the table: a failure and the four verdicts on it. */
    record Row(String name, Throwable failure, boolean retryable, boolean modelUnavailable,
            boolean fallbackByDefault, boolean fallbackOnRequestErrors, boolean countsAgainstCircuit) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static final boolean Y = true;
    private static final boolean N = false;

    private static Row row(String name, Throwable failure, boolean retryable, boolean modelUnavailable,
            boolean fallbackByDefault, boolean fallbackOnRequestErrors, boolean countsAgainstCircuit) {
        return new Row(name, failure, retryable, modelUnavailable, fallbackByDefault, fallbackOnRequestErrors,
                countsAgainstCircuit);
    }

    private static ApiException api(int status, String type, String code, String message) {
        return ApiException.of(new ApiError("openai", status, type, code, message, null, "req_123", null, null));
    }

    private static ApiException apiFrom(String provider, int status, String type, String code, String message,
            String requestId) {
        return ApiException.of(new ApiError(provider, status, type, code, message, null, requestId, null, null));
    }

    private static RequestTimeoutException timeout(RequestTimeoutException.Phase phase) {
        return new RequestTimeoutException("openai", phase, Duration.ofSeconds(10), null);
    }

    private static ConnectionException connection() {
        return new ConnectionException("connection refused", "openai", new ConnectException("refused"));
    }

    static Stream<Row> table() {
        return Stream.of(
                // name, failure, retryable, model unavailable, fallback, fallback on request errors, circuit
                row("connection refused", connection(), Y, N, Y, Y, Y),
                row("connect timeout", timeout(RequestTimeoutException.Phase.CONNECT), Y, N, Y, Y, Y),
                row("headers timeout", timeout(RequestTimeoutException.Phase.RESPONSE_HEADERS), Y, N, Y, Y, Y),
                row("idle timeout", timeout(RequestTimeoutException.Phase.IDLE), Y, N, Y, Y, Y),
                row("total timeout", timeout(RequestTimeoutException.Phase.TOTAL), Y, N, Y, Y, Y),
                row("incomplete stream", new IncompleteStreamException("openai", 0), Y, N, Y, Y, Y),
                row("malformed response",
                        new MalformedResponseException("not JSON", "openai", "<html>", null), N, N, Y, Y, Y),
                row("circuit open", new CircuitOpenException("all circuits open", "openai"), N, N, Y, Y, N),
                row("no route", new NoRouteException("no provider serves x"), N, N, N, N, N),
                row("illegal argument", new IllegalArgumentException("model must not be blank"), N, N, N, N, N),
                row("cancellation", new CancellationException(), N, N, N, N, N),
                row("client closed", new GoModelException("the client is closed", null, null), N, N, N, N, N),
                row("stream interrupted by a connection reset",
                        new StreamInterruptedException("openai", 4, connection()), N, N, N, N, Y),
                row("stream interrupted by an invalid request",
                        new StreamInterruptedException("openai", 4, api(200, "invalid_request_error", null, "bad")),
                        N, N, N, N, N),

                row("400 invalid request", api(400, "invalid_request_error", null, "messages is required"),
                        N, N, N, Y, N),
                row("401 bad key", api(401, "invalid_request_error", "invalid_api_key", "Incorrect API key"),
                        N, N, N, Y, N),
                row("403 forbidden", api(403, "permission_error", null, "not allowed"), N, N, N, Y, N),
                row("422 unprocessable", api(422, null, null, "unprocessable"), N, N, N, Y, N),
                row("400 path not found", api(400, "invalid_request_error", "not_found", "Path /v1/x not found"),
                        N, N, N, Y, N),
                row("400 parameter not supported with this model",
                        api(400, "invalid_request_error", "unsupported_parameter",
                                "Unsupported parameter: 'max_tokens' is not supported with this model. "
                                        + "Use 'max_completion_tokens' instead."),
                        N, N, N, Y, N),
                row("400 context length of this model",
                        api(400, "invalid_request_error", "context_length_exceeded",
                                "This model's maximum context length is 8192 tokens. However, you requested 9000 "
                                        + "tokens. Please reduce the length; 'x' is not supported."),
                        N, N, N, Y, N),
                row("400 model does not support images",
                        api(400, "invalid_request_error", null, "This model does not support image inputs."),
                        N, N, N, Y, N),

                row("404 path", api(404, null, null, "Not Found"), N, Y, Y, Y, N),
                row("404 model_not_found",
                        api(404, "invalid_request_error", "model_not_found",
                                "The model `gpt-9` does not exist or you do not have access to it."),
                        N, Y, Y, Y, N),
                row("400 code model_decommissioned",
                        api(400, "invalid_request_error", "model_decommissioned",
                                "The model `mixtral-8x7b-32768` has been decommissioned and is no longer supported."),
                        N, Y, Y, Y, N),
                row("400 type MODEL-NOT-AVAILABLE", api(400, "MODEL-NOT-AVAILABLE", null, null), N, Y, Y, Y, N),
                row("400 model has been deprecated",
                        api(400, "invalid_request_error", null, "The model `text-davinci-003` has been deprecated."),
                        N, Y, Y, Y, N),
                row("400 model is deprecated", api(400, null, null, "Model is deprecated"), N, Y, Y, Y, N),
                row("400 this model is no longer supported",
                        api(400, null, null, "This model is no longer supported, use another"), N, Y, Y, Y, N),
                row("400 model 'x' not found", api(400, null, null, "model 'llama9' not found, try pulling it first"),
                        N, Y, Y, Y, N),
                row("400 models/x is not found",
                        api(400, null, null, "models/gemini-1.0-pro is not found for API version v1beta"),
                        N, Y, Y, Y, N),
                row("400 unsupported model", api(400, null, null, "Unsupported model: foo-1"), N, Y, Y, Y, N),
                row("400 model retired", api(400, null, null, "The model \"claude-2\" was retired"), N, Y, Y, Y, N),
                row("400 model_not_found inside the message",
                        api(400, "invalid_request_error", null, "error: model_not_found"), N, Y, Y, Y, N),
                row("500 model currently unavailable",
                        api(500, "server_error", null, "The model is currently unavailable"), Y, Y, Y, Y, Y),

                row("408 request timeout", api(408, null, null, "Request Timeout"), Y, N, Y, Y, N),
                row("409 conflict", api(409, null, null, "conflict"), Y, N, Y, Y, N),
                row("429 rate limit", api(429, "requests", "rate_limit_exceeded",
                        "Rate limit reached for gpt-4o on tokens per min (TPM)"), Y, N, Y, Y, Y),
                row("429 insufficient_quota",
                        api(429, "insufficient_quota", "insufficient_quota",
                                "You exceeded your current quota, please check your plan and billing details."),
                        N, N, Y, Y, Y),
                row("429 quota in the message only",
                        api(429, "rate_limit_error", null, "Quota exceeded for requests per day"), N, N, Y, Y, Y),
                row("429 quota in the code only", api(429, null, "QuotaExceeded", "slow down"), N, N, Y, Y, Y),
                row("400 quota type", api(400, "billing_quota_error", null, null), N, N, N, Y, N),
                row("503 quota in the message is not a quota error",
                        api(503, null, null, "quota service unavailable"), Y, N, Y, Y, Y),
                row("500", api(500, "server_error", null, "boom"), Y, N, Y, Y, Y),
                row("502", api(502, null, null, "Bad Gateway"), Y, N, Y, Y, Y),
                row("503", api(503, null, null, "Service Unavailable"), Y, N, Y, Y, Y),
                row("504", api(504, null, null, "Gateway Timeout"), Y, N, Y, Y, Y),
                row("501 not retryable but falls back", api(501, null, null, "Not Implemented"), N, N, Y, Y, Y),
                row("529 overloaded", api(529, "overloaded_error", null, "Overloaded"), Y, N, Y, Y, Y),
                row("400 says overloaded", api(400, null, null, "Engine is overloaded, try later"), Y, N, Y, Y, Y),

                row("in-stream overloaded_error", api(200, "overloaded_error", null, "Overloaded"), Y, N, Y, Y, Y),
                row("in-stream api_error", api(200, "api_error", null, "Internal server error"), Y, N, Y, Y, Y),
                row("in-stream code server_error", api(200, null, "server_error", "oops"), Y, N, Y, Y, Y),
                row("in-stream unknown type", api(200, "strange_error", null, "?"), Y, N, Y, Y, Y),
                row("in-stream plain ApiException overloaded",
                        new ApiException(new ApiError("openai", 200, "overloaded", null, null, null, null, null,
                                null)), Y, N, Y, Y, Y),
                row("in-stream plain ApiException internal_error",
                        new ApiException(new ApiError("openai", 200, null, "internal_error", null, null, null, null,
                                null)), Y, N, Y, Y, Y),
                row("in-stream invalid_request_error", api(200, "invalid_request_error", null, "bad tool"),
                        N, N, N, Y, N),
                row("in-stream rate_limit_error", api(200, "rate_limit_error", null, "slow down"), Y, N, Y, Y, Y),
                row("in-stream insufficient_quota", api(200, "insufficient_quota", null, "no credit"), N, N, Y, Y, Y),
                row("in-stream not_found_error", api(200, "not_found_error", null, "model: claude-9"), N, Y, Y, Y, N),
                row("in-stream permission_error", api(200, "permission_error", null, "nope"), N, N, N, Y, N),

                row("provider and request id mentioning model and quota do not count",
                        apiFrom("model-quota-hub", 429, null, null, "Rate limit reached", "req_quota_model_not_found"),
                        Y, N, Y, Y, Y),
                row("provider named like a missing model",
                        apiFrom("model-not-found", 400, null, null, "bad request", null), N, N, N, Y, N),

                row("CompletionException around 503", new CompletionException(api(503, null, null, "down")),
                        Y, N, Y, Y, Y),
                row("ExecutionException around a connection failure", new ExecutionException(connection()),
                        Y, N, Y, Y, Y),
                row("nested CompletionExceptions around 400",
                        new CompletionException(new CompletionException(api(400, null, null, "bad"))), N, N, N, Y, N),
                row("CompletionException around 404", new CompletionException(api(404, null, null, "no")),
                        N, Y, Y, Y, N),
                row("CompletionException without a cause", new CompletionException("lost", null), N, N, N, N, N),
                row("IOException that is not wrapped", new IOException("raw"), N, N, N, N, N));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void isRetryable(Row row) {
        assertThat(Failures.isRetryable(row.failure())).isEqualTo(row.retryable());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void isModelUnavailable(Row row) {
        assertThat(Failures.isModelUnavailable(row.failure())).isEqualTo(row.modelUnavailable());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void triggersFallbackByDefault(Row row) {
        assertThat(Failures.triggersFallback(row.failure(), false)).isEqualTo(row.fallbackByDefault());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void triggersFallbackOnRequestErrors(Row row) {
        assertThat(Failures.triggersFallback(row.failure(), true)).isEqualTo(row.fallbackOnRequestErrors());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void countsAgainstCircuit(Row row) {
        assertThat(Failures.countsAgainstCircuit(row.failure())).isEqualTo(row.countsAgainstCircuit());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void everyRetryableFailureAlsoFallsBack(Row row) {
        if (Failures.isRetryable(row.failure())) {
            assertThat(Failures.triggersFallback(row.failure(), false)).isTrue();
        }
    }

    static Stream<Arguments> statuses() {
        return Stream.of(
                // status, retryable, fallback by default, circuit
                Arguments.of(400, N, N, N), Arguments.of(401, N, N, N), Arguments.of(403, N, N, N),
                Arguments.of(404, N, Y, N), Arguments.of(405, N, N, N), Arguments.of(408, Y, Y, N),
                Arguments.of(409, Y, Y, N), Arguments.of(410, N, N, N), Arguments.of(413, N, N, N),
                Arguments.of(422, N, N, N), Arguments.of(429, Y, Y, Y), Arguments.of(500, Y, Y, Y),
                Arguments.of(501, N, Y, Y), Arguments.of(502, Y, Y, Y), Arguments.of(503, Y, Y, Y),
                Arguments.of(504, Y, Y, Y), Arguments.of(505, N, Y, Y), Arguments.of(520, N, Y, Y),
                Arguments.of(529, Y, Y, Y));
    }

    @ParameterizedTest(name = "HTTP {0}")
    @MethodSource("statuses")
    void byStatusAlone(int status, boolean retryable, boolean fallback, boolean circuit) {
        ApiException error = api(status, null, null, "status " + status);

        assertThat(Failures.isRetryable(error)).as("retryable").isEqualTo(retryable);
        assertThat(Failures.triggersFallback(error, false)).as("fallback").isEqualTo(fallback);
        assertThat(Failures.triggersFallback(error, true)).as("fallback on request errors").isTrue();
        assertThat(Failures.countsAgainstCircuit(error)).as("circuit").isEqualTo(circuit);
    }

    @Test
    void quota429IsNotRetriedButFallsBackAndCounts() {
        ApiException quota = api(429, "insufficient_quota", "insufficient_quota", "You exceeded your current quota");
        assertThat(quota).isInstanceOf(RateLimitException.class);

        assertThat(Failures.isRetryable(quota)).isFalse();
        assertThat(Failures.triggersFallback(quota, false)).isTrue();
        assertThat(Failures.countsAgainstCircuit(quota)).isTrue();
    }

    @Test
    void inStreamOverloadedIsAProviderErrorWithStatus200ThatIsRetried() {
        ApiException overloaded = api(200, "overloaded_error", null, "Overloaded");
        assertThat(overloaded).isInstanceOf(ProviderErrorException.class);
        assertThat(overloaded.status()).isEqualTo(200);

        assertThat(Failures.effectiveStatus(overloaded)).isEqualTo(500);
        assertThat(Failures.isRetryable(overloaded)).isTrue();
    }

    @Test
    void effectiveStatusFollowsTheSubtypeForInStreamErrors() {
        assertThat(Failures.effectiveStatus(api(200, "authentication_error", null, null))).isEqualTo(401);
        assertThat(Failures.effectiveStatus(api(200, "not_found_error", null, null))).isEqualTo(404);
        assertThat(Failures.effectiveStatus(api(200, "rate_limit_error", null, null))).isEqualTo(429);
        assertThat(Failures.effectiveStatus(api(200, "invalid_request_error", null, null))).isEqualTo(400);
        assertThat(Failures.effectiveStatus(api(200, "overloaded_error", null, null))).isEqualTo(500);
        assertThat(Failures.effectiveStatus(api(503, "invalid_request_error", null, null))).isEqualTo(503);
    }

    @ParameterizedTest
    @EnumSource(RequestTimeoutException.Phase.class)
    void everyTimeoutPhaseIsRetriedFallsBackAndCounts(RequestTimeoutException.Phase phase) {
        RequestTimeoutException timeout = timeout(phase);

        assertThat(Failures.isRetryable(timeout)).isTrue();
        assertThat(Failures.triggersFallback(timeout, false)).isTrue();
        assertThat(Failures.countsAgainstCircuit(timeout)).isTrue();
        assertThat(Failures.isModelUnavailable(timeout)).isFalse();
    }

    @Test
    void upstreamMessageDropsWhatApiExceptionAddsAroundIt() {
        ApiException error = apiFrom("work", 429, null, "rate_limit", "Slow down", "req_9");
        assertThat(error.getMessage()).isEqualTo("work returned HTTP 429: Slow down (code rate_limit) [request id req_9]");
        assertThat(Failures.upstreamMessage(error)).isEqualTo("Slow down");

        ApiException inStream = apiFrom(null, 200, "overloaded_error", null, "Overloaded", null);
        assertThat(Failures.upstreamMessage(inStream)).isEqualTo("Overloaded");

        ApiException noMessage = apiFrom("work", 500, null, "x", null, "req_1");
        assertThat(Failures.upstreamMessage(noMessage)).isEmpty();
    }

    @Test
    void unwrapStopsAtACycleOfWrappers() {
        CompletionException outer = new CompletionException("outer") {
        };
        ExecutionException inner = new ExecutionException("inner", outer);
        outer.initCause(inner);

        assertThat(Failures.unwrap(outer)).isIn(outer, inner);
        assertThat(Failures.isRetryable(outer)).isFalse();
    }

    @Test
    void nullIsNothing() {
        assertThat(Failures.isRetryable(null)).isFalse();
        assertThat(Failures.isModelUnavailable(null)).isFalse();
        assertThat(Failures.triggersFallback(null, true)).isFalse();
        assertThat(Failures.countsAgainstCircuit(null)).isFalse();
    }

    @Test
    void theTableCoversEveryExceptionType() {
        assertThat(table().map(row -> Failures.unwrap(row.failure()).getClass().getSimpleName()).distinct())
                .containsAll(Arrays.asList("ConnectionException", "RequestTimeoutException",
                        "IncompleteStreamException", "MalformedResponseException", "CircuitOpenException",
                        "NoRouteException", "StreamInterruptedException", "InvalidRequestException",
                        "AuthenticationException", "NotFoundException", "RateLimitException",
                        "ProviderErrorException", "ApiException"));
    }
}
