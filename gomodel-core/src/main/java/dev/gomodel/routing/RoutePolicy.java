package dev.gomodel.routing;

import dev.gomodel.internal.timer.Timers;
import java.time.Duration;
import java.util.Objects;

/**
 * The policies of one route (a model name or alias as requests spell it), each {@code null}
 * where the route keeps the router's default.
 *
 * <ul>
 *   <li>{@code retry}: retries within each stage of the route;</li>
 *   <li>{@code deadline}: the whole call, retries, waits and fallbacks included;</li>
 *   <li>{@code attemptTimeout}: one attempt, within what is left of the deadline;</li>
 *   <li>{@code firstTokenTimeout}: for streams, from an attempt's start to its first content
 *       chunk (a stream that misses it is retried or falls back);</li>
 *   <li>{@code streamIdleTimeout}: for streams, between chunks once content flows;</li>
 *   <li>{@code loadBalancing}: how a pool picks a provider;</li>
 *   <li>{@code fallbackOnRequestErrors}: whether request errors (400, 401, 403, 422...) also
 *       move on to the fallbacks; by default they end the call.</li>
 * </ul>
 * Immutable and thread-safe.
 */
public record RoutePolicy(
        RetryPolicy retry,
        Duration deadline,
        Duration attemptTimeout,
        Duration firstTokenTimeout,
        Duration streamIdleTimeout,
        LoadBalancing loadBalancing,
        Boolean fallbackOnRequestErrors) {

    private static final RoutePolicy INHERIT = new RoutePolicy(null, null, null, null, null, null, null);

    /**
     * @throws IllegalArgumentException if a duration is zero, negative or longer than about 292 years
     */
    public RoutePolicy {
        positive(deadline, "deadline");
        positive(attemptTimeout, "attemptTimeout");
        positive(firstTokenTimeout, "firstTokenTimeout");
        positive(streamIdleTimeout, "streamIdleTimeout");
    }

    /** A policy that sets nothing: every value comes from the router's defaults. */
    public static RoutePolicy inherit() {
        return INHERIT;
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder(INHERIT);
    }

    /** A builder starting from this policy. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** This policy with every unset value taken from {@code defaults}. */
    RoutePolicy orElse(RoutePolicy defaults) {
        return new RoutePolicy(
                retry != null ? retry : defaults.retry,
                deadline != null ? deadline : defaults.deadline,
                attemptTimeout != null ? attemptTimeout : defaults.attemptTimeout,
                firstTokenTimeout != null ? firstTokenTimeout : defaults.firstTokenTimeout,
                streamIdleTimeout != null ? streamIdleTimeout : defaults.streamIdleTimeout,
                loadBalancing != null ? loadBalancing : defaults.loadBalancing,
                fallbackOnRequestErrors != null ? fallbackOnRequestErrors : defaults.fallbackOnRequestErrors);
    }

    private static void positive(Duration value, String name) {
        if (value != null && (value.isZero() || value.isNegative())) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
        if (value != null && value.compareTo(Timers.LONGEST) > 0) {
            throw new IllegalArgumentException(name + " must be at most " + Timers.LONGEST + " (about 292 years), got "
                    + value);
        }
    }

    /** Builds {@link RoutePolicy}s; not thread-safe. */
    public static final class Builder {
        private RetryPolicy retry;
        private Duration deadline;
        private Duration attemptTimeout;
        private Duration firstTokenTimeout;
        private Duration streamIdleTimeout;
        private LoadBalancing loadBalancing;
        private Boolean fallbackOnRequestErrors;

        private Builder(RoutePolicy from) {
            retry = from.retry;
            deadline = from.deadline;
            attemptTimeout = from.attemptTimeout;
            firstTokenTimeout = from.firstTokenTimeout;
            streamIdleTimeout = from.streamIdleTimeout;
            loadBalancing = from.loadBalancing;
            fallbackOnRequestErrors = from.fallbackOnRequestErrors;
        }

        public Builder retry(RetryPolicy retry) {
            this.retry = retry;
            return this;
        }

        /** Shorthand for a retry policy with {@code maxRetries} and the other values as they are. */
        public Builder maxRetries(int maxRetries) {
            this.retry = (retry == null ? RetryPolicy.ofDefaults() : retry).toBuilder().maxRetries(maxRetries).build();
            return this;
        }

        public Builder deadline(Duration deadline) {
            this.deadline = deadline;
            return this;
        }

        public Builder attemptTimeout(Duration attemptTimeout) {
            this.attemptTimeout = attemptTimeout;
            return this;
        }

        public Builder firstTokenTimeout(Duration firstTokenTimeout) {
            this.firstTokenTimeout = firstTokenTimeout;
            return this;
        }

        public Builder streamIdleTimeout(Duration streamIdleTimeout) {
            this.streamIdleTimeout = streamIdleTimeout;
            return this;
        }

        public Builder loadBalancing(LoadBalancing loadBalancing) {
            this.loadBalancing = loadBalancing;
            return this;
        }

        public Builder fallbackOnRequestErrors(Boolean fallbackOnRequestErrors) {
            this.fallbackOnRequestErrors = fallbackOnRequestErrors;
            return this;
        }

        /**
         * The policy.
         *
         * @throws IllegalArgumentException if a duration is zero or negative
         */
        public RoutePolicy build() {
            return new RoutePolicy(retry, deadline, attemptTimeout, firstTokenTimeout, streamIdleTimeout, loadBalancing,
                    fallbackOnRequestErrors);
        }
    }

    static RoutePolicy requireComplete(RoutePolicy policy) {
        Objects.requireNonNull(policy.retry, "retry");
        Objects.requireNonNull(policy.loadBalancing, "loadBalancing");
        Objects.requireNonNull(policy.fallbackOnRequestErrors, "fallbackOnRequestErrors");
        return policy;
    }
}
