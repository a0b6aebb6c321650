package dev.gomodel.routing;

import dev.gomodel.chat.RouteReport;
import dev.gomodel.chat.Usage;
import java.time.Duration;

/**
 * Sees what the router does with each call, for metrics, logs and traces. Every method has an
 * empty default; {@link #NONE} ignores everything.
 *
 * <p>Order per call: {@link #callStarted} first; then for each attempt {@link #attemptStarted}
 * and {@link #attemptFinished} as a pair (a provider skipped for an open circuit gets only
 * {@code attemptFinished}), with {@link #retryScheduled} between attempts that wait; for a
 * stream, {@link #firstToken} once, when the first content chunk is delivered; and last exactly
 * one of {@link #callCompleted}, {@link #callFailed} or {@link #callCancelled}. The completion
 * and failure events are delivered before the caller sees the result or the terminal signal.
 *
 * <p>Calls run on whichever thread drives the call (the caller's, the HTTP client's, the timer's)
 * and may be concurrent across calls. A listener must be fast, thread-safe and must not throw: an
 * exception it throws is logged and ignored, and never breaks the call.
 */
public interface RouterListener {

    /** A listener that ignores everything. */
    RouterListener NONE = new RouterListener() {
    };

    /** The router accepted a call. */
    default void callStarted(RouterCall call) {
    }

    /** An attempt is being sent to {@code provider}. */
    default void attemptStarted(RouterCall call, String provider, String model, int stage, int retry) {
    }

    /** An attempt ended, or a provider was skipped. */
    default void attemptFinished(RouterCall call, RouteReport.Attempt attempt) {
    }

    /** The router will try again after {@code wait}, because of {@code cause}. */
    default void retryScheduled(RouterCall call, Duration wait, Throwable cause) {
    }

    /** A stream delivered its first content chunk, {@code sinceStart} after the call started. */
    default void firstToken(RouterCall call, Duration sinceStart) {
    }

    /** The call succeeded; {@code usage} may be {@code null} when the upstream sent none. */
    default void callCompleted(RouterCall call, Usage usage, RouteReport route) {
    }

    /** The call failed with {@code error}. */
    default void callFailed(RouterCall call, Throwable error, RouteReport route) {
    }

    /** The caller cancelled the call. */
    default void callCancelled(RouterCall call, RouteReport route) {
    }
}
