package dev.gomodel.chat;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the router served one call: every attempt in order, including providers skipped because
 * their circuit was open, and the call's total time. Read it from
 * {@link ChatCompletion#route()} or from a {@code RouterListener}.
 *
 * <p>Immutable and thread-safe. It is not part of the JSON wire format.
 *
 * @param attempts every attempt, in the order they were made or skipped
 * @param elapsed the call's total time, waits included
 */
public record RouteReport(List<Attempt> attempts, Duration elapsed) {

    /**
     * Copies the attempts.
     *
     * @param attempts the attempts, in order
     * @param elapsed the total time
     * @throws NullPointerException if {@code attempts}, one of them or {@code elapsed} is
     *     {@code null}
     */
    public RouteReport {
        attempts = List.copyOf(Objects.requireNonNull(attempts, "attempts"));
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /**
     * Names the provider that served the call.
     *
     * @return the provider of the first attempt whose outcome is {@link Outcome#OK}, or
     *     {@code null} if none succeeded
     */
    public String servedBy() {
        for (Attempt attempt : attempts) {
            if (attempt.outcome() == Outcome.OK) {
                return attempt.provider();
            }
        }
        return null;
    }

    /** What came of one attempt. */
    public enum Outcome {
        /** The provider answered. */
        OK,
        /** The provider failed; see {@link Attempt#failure()}. */
        ERROR,
        /** A time limit ran out. */
        TIMED_OUT,
        /** Not tried: the provider's circuit was open. */
        SKIPPED_CIRCUIT_OPEN,
        /** The caller cancelled the call during this attempt. */
        CANCELLED
    }

    /**
     * One attempt.
     *
     * @param provider the provider's name
     * @param model the model the provider was asked for
     * @param stage 0 for the requested route, 1 and up for each fallback
     * @param retry 0 for a stage's first attempt, 1 and up for its retries
     * @param outcome what came of it
     * @param failure the exception, or {@code null} when it succeeded or was skipped
     * @param waited how long the router waited before it (backoff or Retry-After)
     * @param latency how long it took; zero when skipped
     */
    public record Attempt(String provider, String model, int stage, int retry, Outcome outcome, Throwable failure,
            Duration waited, Duration latency) {

        /**
         * Checks the required components.
         *
         * @param provider the provider's name
         * @param model the model asked for
         * @param stage the stage, 0 for the requested route
         * @param retry the retry within the stage, 0 for the first attempt
         * @param outcome what came of it
         * @param failure the exception, or {@code null}
         * @param waited the wait before it
         * @param latency how long it took
         * @throws NullPointerException if {@code provider}, {@code outcome}, {@code waited} or
         *     {@code latency} is {@code null}
         */
        public Attempt {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(waited, "waited");
            Objects.requireNonNull(latency, "latency");
        }

        @Override
        public String toString() {
            String error = failure == null ? "" : " " + failure.getClass().getSimpleName();
            return provider + "/" + model + " " + outcome + error + " (" + latency.toMillis() + " ms"
                    + (waited.isZero() ? "" : ", after waiting " + waited.toMillis() + " ms") + ")";
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("route in ").append(elapsed.toMillis()).append(" ms:");
        for (Attempt attempt : attempts) {
            text.append("\n  ").append(attempt);
        }
        return text.toString();
    }
}
