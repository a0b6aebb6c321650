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
        T value;
        try {
            value = parser.apply(response.body());
        } catch (GoModelException e) {
            fail(e);
            return;
        } catch (RuntimeException e) {
            fail(new MalformedResponseException(e.getMessage(), provider(),
                    new String(response.body(), 0, Math.min(response.body().length, 4_096), StandardCharsets.UTF_8), e));
            return;
        }
        result.complete(value);
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
