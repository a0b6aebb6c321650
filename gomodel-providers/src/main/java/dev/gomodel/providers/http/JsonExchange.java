package dev.gomodel.providers.http;

import dev.gomodel.error.GoModelException;
import dev.gomodel.error.MalformedResponseException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One non-streamed call: a 2xx body is collected whole (up to the size limit) and parsed; any
 * other status becomes the typed {@link dev.gomodel.error.ApiException}. Cancelling the
 * {@link #result()} aborts the exchange.
 */
final class JsonExchange<T> extends Exchange<byte[]> {

    private final Function<byte[], T> parser;
    private final CompletableFuture<T> result = new CompletableFuture<>();

    JsonExchange(HttpTransport transport, java.net.http.HttpRequest request, Function<byte[], T> parser) {
        super(transport, request);
        this.parser = parser;
        result.whenComplete((value, failure) -> {
            release();
            if (failure != null) {
                abortExchange();
            }
        });
    }

    CompletableFuture<T> result() {
        return result;
    }

    @Override
    HttpResponse.BodySubscriber<byte[]> bodySubscriber(HttpResponse.ResponseInfo info) {
        boolean success = info.statusCode() / 100 == 2;
        long length = info.headers().firstValueAsLong("content-length").orElse(-1);
        Supplier<RuntimeException> tooLarge = success ? () -> new MalformedResponseException(
                "the response body exceeds the limit of " + transport.maxResponseBytes() + " bytes", provider(), null,
                null) : null;
        return new BodyCollector(success ? transport.maxResponseBytes() : HttpTransport.MAX_ERROR_BODY_BYTES, length,
                tooLarge, subscription -> body = subscription, () -> lastActivityNanos = System.nanoTime());
    }

    @Override
    void onResponse(HttpResponse<byte[]> response) {
        transport.bodyLog().response(response.statusCode(), response.body());
        if (response.statusCode() / 100 != 2) {
            fail(ErrorResponses.fromResponse(provider(), response.statusCode(), response.headers(), response.body()));
            return;
        }
        String type = response.headers().firstValue("content-type").orElse("");
        if (!looksLikeJson(type, response.body())) {
            fail(new MalformedResponseException("expected application/json, got " + type + ": "
                    + BodySummary.of(type, response.body()), provider(), snippet(response.body()), null));
            return;
        }
        T value;
        try {
            value = parser.apply(response.body());
        } catch (GoModelException e) {
            fail(e);
            return;
        } catch (RuntimeException e) {
            fail(new MalformedResponseException(e.getMessage(), provider(), snippet(response.body()), e));
            return;
        }
        result.complete(value);
    }

    /**
     * Whether a 2xx body is to be parsed as JSON: its type says JSON (or nothing), or it starts
     * like a JSON object whatever its type says, since some servers label JSON {@code text/plain}.
     * Anything else (an HTML page under a 200, say) fails naming its type.
     */
    private static boolean looksLikeJson(String type, byte[] body) {
        String lower = type.toLowerCase(java.util.Locale.ROOT);
        if (lower.isEmpty() || lower.startsWith("application/json") || lower.contains("+json")) {
            return true;
        }
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b == '{';
            }
        }
        return false;
    }

    private static String snippet(byte[] body) {
        return new String(body, 0, Math.min(body.length, 4_096), StandardCharsets.UTF_8);
    }

    @Override
    boolean fail(GoModelException failure) {
        return result.completeExceptionally(failure);
    }

    @Override
    boolean isFinished() {
        return result.isDone();
    }

    @Override
    boolean awaitingBody() {
        return true;
    }
}
