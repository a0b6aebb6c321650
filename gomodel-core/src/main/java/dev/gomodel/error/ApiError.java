package dev.gomodel.error;

import java.time.Duration;

/**
 * What a provider read from an upstream error, before it becomes an {@link ApiException}.
 * Any member may be {@code null} but {@code status}. Immutable and thread-safe.
 *
 * @param provider the provider's name
 * @param status the HTTP status, or 200 for an error event inside a successful stream
 * @param type the error's {@code type}
 * @param code the error's {@code code}
 * @param message the error's human-readable {@code message}
 * @param param the request parameter at fault
 * @param requestId the upstream's request id header
 * @param retryAfter the wait the upstream asked for
 * @param body the raw error body, or its start
 */
public record ApiError(
        String provider, int status, String type, String code, String message, String param,
        String requestId, Duration retryAfter, String body) {
}
