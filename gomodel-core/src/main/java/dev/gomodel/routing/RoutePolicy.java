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
 *
 * @param retry the retry policy of the route's attempts, or {@code null} for the provider's, else
 *     the router's
 * @param deadline the limit of the whole call, or {@code null} for the router's
 * @param attemptTimeout the limit of one attempt, or {@code null} for the router's
 * @param firstTokenTimeout for streams, the limit from an attempt's start to its first content
 *     chunk, or {@code null} for the router's
 * @param streamIdleTimeout for streams, the limit between chunks once content flows, or
 *     {@code null} for the router's
 * @param loadBalancing how the route's pools pick a provider, or {@code null} for the router's
 * @param fallbackOnRequestErrors whether request errors move on to the fallbacks, or
 *     {@code null} for the router's
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
     * Checks the durations that are set.
     *
     * @param retry the retry policy, or {@code null}
     * @param deadline the call's limit, or {@code null}
     * @param attemptTimeout an attempt's limit, or {@code null}
     * @param firstTokenTimeout the first-content limit of a stream, or {@code null}
     * @param streamIdleTimeout the limit between chunks of a stream, or {@code null}
     * @param loadBalancing the pool strategy, or {@code null}
     * @param fallbackOnRequestErrors whether request errors fall back, or {@code null}
     * @throws IllegalArgumentException if a duration is zero, negative or longer than about 292 years
     */
    public RoutePolicy {
        positive(deadline, "deadline");
        positive(attemptTimeout, "attemptTimeout");
        positive(firstTokenTimeout, "firstTokenTimeout");
        positive(streamIdleTimeout, "streamIdleTimeout");
    }

    /**
     * A policy that sets nothing: every value comes from the router's defaults.
     *
     * @return a policy whose components are all {@code null}
     */
    public static RoutePolicy inherit() {
        return INHERIT;
    }

    /**
     * Starts a policy that sets nothing; each setter overrides one of the router's defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder(INHERIT);
    }

    /**
     * Starts a policy from this one, to change some of its values.
     *
     * @return a new builder holding this policy's values
     */
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

    /**
     * Builds {@link RoutePolicy}s; not thread-safe, reusable after {@link #build()}. Every value
     * is {@code null} (the router's) until set, and {@code null} sets it back.
     */
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

        /**
         * Sets the retry policy of the route's attempts, over any provider's own.
         *
         * @param retry the policy, or {@code null} for the provider's, else the router's
         * @return this builder
         */
        public Builder retry(RetryPolicy retry) {
            this.retry = retry;
            return this;
        }

        /**
         * Shorthand for a retry policy with {@code maxRetries}: the policy set on this builder
         * with that number, or {@link RetryPolicy#ofDefaults()} with it when none is set.
         *
         * @param maxRetries the number of retries, 0 or more
         * @return this builder
         * @throws IllegalArgumentException if {@code maxRetries} is negative
         */
        public Builder maxRetries(int maxRetries) {
            this.retry = (retry == null ? RetryPolicy.ofDefaults() : retry).toBuilder().maxRetries(maxRetries).build();
            return this;
        }

        /**
         * Sets the limit of the whole call, retries, waits and fallbacks included.
         *
         * @param deadline the limit, or {@code null} for the router's; checked by {@link #build()}
         * @return this builder
         */
        public Builder deadline(Duration deadline) {
            this.deadline = deadline;
            return this;
        }

        /**
         * Sets the limit of one attempt, within what is left of the deadline.
         *
         * @param attemptTimeout the limit, or {@code null} for the router's; checked by
         *     {@link #build()}
         * @return this builder
         */
        public Builder attemptTimeout(Duration attemptTimeout) {
            this.attemptTimeout = attemptTimeout;
            return this;
        }

        /**
         * Sets, for streams, the limit from an attempt's start to its first content chunk; a
         * stream that misses it is retried or falls back.
         *
         * @param firstTokenTimeout the limit, or {@code null} for the router's; checked by
         *     {@link #build()}
         * @return this builder
         */
        public Builder firstTokenTimeout(Duration firstTokenTimeout) {
            this.firstTokenTimeout = firstTokenTimeout;
            return this;
        }

        /**
         * Sets, for streams, the limit between chunks once content flows.
         *
         * @param streamIdleTimeout the limit, or {@code null} for the router's; checked by
         *     {@link #build()}
         * @return this builder
         */
        public Builder streamIdleTimeout(Duration streamIdleTimeout) {
            this.streamIdleTimeout = streamIdleTimeout;
            return this;
        }

        /**
         * Sets how the route's pools pick a provider.
         *
         * @param loadBalancing the strategy, or {@code null} for the router's
         * @return this builder
         */
        public Builder loadBalancing(LoadBalancing loadBalancing) {
            this.loadBalancing = loadBalancing;
            return this;
        }

        /**
         * Sets whether request errors (400, 401, 403, 422...) also move on to the fallbacks.
         *
         * @param fallbackOnRequestErrors the flag, or {@code null} for the router's
         * @return this builder
         */
        public Builder fallbackOnRequestErrors(Boolean fallbackOnRequestErrors) {
            this.fallbackOnRequestErrors = fallbackOnRequestErrors;
            return this;
        }

        /**
         * Builds the policy from the current settings.
         *
         * @return the policy
         * @throws IllegalArgumentException if a duration is zero, negative or longer than about
         *     292 years
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
