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

    /**
     * The router accepted a call: its model resolved to a plan. The call's first event.
     *
     * @param call the call
     */
    default void callStarted(RouterCall call) {
    }

    /**
     * An attempt is being sent to {@code provider}.
     *
     * @param call the call
     * @param provider the provider's name
     * @param model the model the provider is asked for
     * @param stage 0 for the requested route, 1 and up for each fallback
     * @param retry 0 for the stage's first attempt, 1 and up for its retries
     */
    default void attemptStarted(RouterCall call, String provider, String model, int stage, int retry) {
    }

    /**
     * An attempt ended, or a provider was skipped because its circuit was open.
     *
     * @param call the call
     * @param attempt what came of it, as it will appear in the call's {@link RouteReport}
     */
    default void attemptFinished(RouterCall call, RouteReport.Attempt attempt) {
    }

    /**
     * The router will try again after a wait.
     *
     * @param call the call
     * @param wait the backoff or {@code Retry-After} it will wait; may be zero
     * @param cause the failure of the attempt being retried
     */
    default void retryScheduled(RouterCall call, Duration wait, Throwable cause) {
    }

    /**
     * A stream delivered its first content chunk; not called for a call that does not stream.
     *
     * @param call the call
     * @param sinceStart the time from the call's start, retries and fallbacks included
     */
    default void firstToken(RouterCall call, Duration sinceStart) {
    }

    /**
     * The call succeeded. Called before the caller sees the result.
     *
     * @param call the call
     * @param usage the completion's token usage, or {@code null} when the upstream sent none
     * @param route every attempt of the call
     */
    default void callCompleted(RouterCall call, Usage usage, RouteReport route) {
    }

    /**
     * The call failed. Called before the caller sees the failure.
     *
     * @param call the call
     * @param error the failure the caller gets; earlier attempts' failures are attached to it as
     *     suppressed exceptions
     * @param route every attempt of the call
     */
    default void callFailed(RouterCall call, Throwable error, RouteReport route) {
    }

    /**
     * The caller cancelled the call: cancelled its future or its subscription.
     *
     * @param call the call
     * @param route every attempt of the call; one in flight when the call was cancelled shows as
     *     {@link RouteReport.Outcome#CANCELLED}
     */
    default void callCancelled(RouterCall call, RouteReport route) {
    }
}
