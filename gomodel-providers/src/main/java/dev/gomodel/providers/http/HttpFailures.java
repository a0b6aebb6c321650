package dev.gomodel.providers.http;

import dev.gomodel.error.ConnectionException;
import dev.gomodel.error.GoModelException;
import dev.gomodel.error.RequestTimeoutException;
import dev.gomodel.error.RequestTimeoutException.Phase;
import dev.gomodel.error.TlsException;
import dev.gomodel.providers.Timeouts;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Maps what the JDK client fails with to the library's exceptions. */
final class HttpFailures {

    private HttpFailures() {
    }

    /**
     * The failure without the JDK's wrappers: a {@link CompletionException} or
     * {@link ExecutionException} from an asynchronous send, or the {@link IOException} that a
     * blocking send wraps around whatever a body subscriber failed with, when that is one of ours.
     */
    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException
                || cause instanceof IOException && cause.getCause() instanceof GoModelException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** The exception for a failure before the response headers arrived. */
    static GoModelException beforeHeaders(String provider, Timeouts timeouts, Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof GoModelException known) {
            return known;
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return new RequestTimeoutException(provider, Phase.CONNECT, timeouts.connect(), cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new RequestTimeoutException(provider, Phase.RESPONSE_HEADERS, timeouts.responseHeaders(), cause);
        }
        TlsException tls = TlsFailures.describe(provider, cause);
        if (tls != null) {
            return tls;
        }
        if (cause instanceof ConnectException) {
            return new ConnectionException(provider + ": could not connect: " + describe(cause), provider, cause);
        }
        return new ConnectionException(provider + ": request failed before a response arrived: " + describe(cause),
                provider, cause);
    }

    /** The exception for a failure while reading a response body. */
    static GoModelException duringBody(String provider, Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof GoModelException known) {
            return known;
        }
        return new ConnectionException(provider + ": connection failed while reading the response: " + describe(cause),
                provider, cause);
    }

    /**
     * Whether the failure is the keep-alive race: the JDK reused a pooled connection the server
     * had already closed, and the request was never answered (JDK-8338569). Such a request is
     * sent again once on a fresh connection.
     */
    static boolean isStaleConnection(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof CancellationException || cause instanceof HttpTimeoutException
                || cause instanceof ConnectException || TlsFailures.isHandshake(cause)) {
            return false;
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof EOFException) {
                return true;
            }
            if (t instanceof IOException && t.getMessage() != null
                    && t.getMessage().contains("header parser received no bytes")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the JDK client refused to open an HTTP/2 stream because the connection already has
     * as many as the server allows; nothing was sent (see {@link StreamLimits}).
     */
    static boolean isStreamLimit(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException && "too many concurrent streams".equals(t.getMessage())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : cause.getClass().getSimpleName() + ": " + message;
    }
}
