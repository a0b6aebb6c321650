package dev.gomodel.routing;

import dev.gomodel.internal.timer.Timers;
import java.time.Duration;
import java.util.Objects;

/**
 * When and how long to wait before trying a failed call again: capped exponential backoff with
 * jitter, and the upstream's {@code Retry-After} honoured up to a cap.
 *
 * <p>The wait before retry {@code n} (0 for the first retry) is
 * {@code initialBackoff * multiplier^n}, spread by {@code ±jitter} of itself, and never more
 * than {@code maxBackoff}.
 * When the failure carried a {@code Retry-After} (or {@code retry-after-ms}), the wait is at
 * least that; a {@code Retry-After} longer than {@code maxRetryAfter} is not waited for: the
 * router moves on to the fallbacks instead. No retry starts whose wait would pass the call's
 * deadline.
 *
 * <p>What is retried: connection failures, timeouts, HTTP 408, 409, 429, 500, 502, 503, 504,
 * 529 and "overloaded" errors; never other 4xx, never quota errors such as
 * {@code insufficient_quota}.
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}, start from {@link #ofDefaults()}
 * (2 retries, 250 ms doubling to at most 8 s, jitter 0.2, Retry-After up to 60 s) or
 * {@link #none()}.
 */
public final class RetryPolicy {

    private static final RetryPolicy DEFAULTS = new Builder().build();
    private static final RetryPolicy NONE = new Builder().maxRetries(0).build();

    private final int maxRetries;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final double multiplier;
    private final double jitter;
    private final Duration maxRetryAfter;

    private RetryPolicy(Builder builder) {
        this.maxRetries = builder.maxRetries;
        this.initialBackoff = builder.initialBackoff;
        this.maxBackoff = builder.maxBackoff;
        this.multiplier = builder.multiplier;
        this.jitter = builder.jitter;
        this.maxRetryAfter = builder.maxRetryAfter;
    }

    /**
     * The router's retry policy unless it is given another.
     *
     * @return 2 retries, 250 ms doubling to at most 8 s, jitter 0.2, Retry-After honoured up to 60 s
     */
    public static RetryPolicy ofDefaults() {
        return DEFAULTS;
    }

    /**
     * A policy that never retries; a failure moves straight on to the fallbacks.
     *
     * @return a policy with {@code maxRetries} 0
     */
    public static RetryPolicy none() {
        return NONE;
    }

    /**
     * Starts a policy from the defaults of {@link #ofDefaults()}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a policy from this one, to change some of its values.
     *
     * @return a new builder holding this policy's values
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * How many times a failed attempt is tried again on the same route stage.
     *
     * @return the number of retries; 0 when retries are off
     */
    public int maxRetries() {
        return maxRetries;
    }

    /**
     * The wait before the first retry, before jitter.
     *
     * @return the first backoff; zero or more
     */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /**
     * The cap on any backoff, jitter included.
     *
     * @return the longest backoff; at least {@link #initialBackoff()}
     */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /**
     * The growth of the backoff from one retry to the next.
     *
     * @return the factor, at least 1
     */
    public double multiplier() {
        return multiplier;
    }

    /**
     * The fraction by which a backoff is spread either way.
     *
     * @return the jitter, from 0 (none) to 1
     */
    public double jitter() {
        return jitter;
    }

    /**
     * The longest {@code Retry-After} the router waits for; a longer one moves on to the
     * fallbacks instead.
     *
     * @return the cap on an upstream's requested wait
     */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /**
     * The backoff before retry {@code retry} (0-based), before any {@code Retry-After}.
     *
     * @param retry which retry the wait comes before, 0 for the first
     * @param random a number in [0, 1) that places the wait within the jitter
     * @return {@code initialBackoff * multiplier^retry}, spread by the jitter and capped at
     *     {@code maxBackoff}
     */
    public Duration backoff(int retry, double random) {
        double base = initialBackoff.toNanos() * Math.pow(multiplier, retry);
        double spread = base * (1 - jitter + 2 * jitter * random);
        return Duration.ofNanos((long) Math.min(spread, maxBackoff.toNanos()));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RetryPolicy that && maxRetries == that.maxRetries
                && initialBackoff.equals(that.initialBackoff) && maxBackoff.equals(that.maxBackoff)
                && multiplier == that.multiplier && jitter == that.jitter && maxRetryAfter.equals(that.maxRetryAfter);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxRetries, initialBackoff, maxBackoff, multiplier, jitter, maxRetryAfter);
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxRetries=" + maxRetries + ", initialBackoff=" + initialBackoff + ", maxBackoff="
                + maxBackoff + ", multiplier=" + multiplier + ", jitter=" + jitter + ", maxRetryAfter=" + maxRetryAfter
                + "]";
    }

    /** Builds {@link RetryPolicy}s; not thread-safe, reusable after {@link #build()}. */
    public static final class Builder {
        private int maxRetries = 2;
        private Duration initialBackoff = Duration.ofMillis(250);
        private Duration maxBackoff = Duration.ofSeconds(8);
        private double multiplier = 2;
        private double jitter = 0.2;
        private Duration maxRetryAfter = Duration.ofSeconds(60);

        private Builder() {
        }

        private Builder(RetryPolicy policy) {
            maxRetries = policy.maxRetries;
            initialBackoff = policy.initialBackoff;
            maxBackoff = policy.maxBackoff;
            multiplier = policy.multiplier;
            jitter = policy.jitter;
            maxRetryAfter = policy.maxRetryAfter;
        }

        /**
         * Sets how many retries may follow the first attempt; 0 turns retries off. Default 2.
         *
         * @param maxRetries the number of retries, 0 or more
         * @return this builder
         * @throws IllegalArgumentException if {@code maxRetries} is negative
         */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("retry.maxRetries must not be negative, got " + maxRetries);
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * Sets the wait before the first retry. Default 250 ms.
         *
         * @param initialBackoff the first backoff; zero retries at once
         * @return this builder
         * @throws NullPointerException if {@code initialBackoff} is {@code null}
         * @throws IllegalArgumentException if it is negative or longer than about 292 years
         */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = nonNegative(initialBackoff, "retry.initialBackoff");
            return this;
        }

        /**
         * Sets the cap on any backoff; it must not be less than the initial backoff, checked by
         * {@link #build()}. Default 8 s.
         *
         * @param maxBackoff the longest backoff
         * @return this builder
         * @throws NullPointerException if {@code maxBackoff} is {@code null}
         * @throws IllegalArgumentException if it is negative or longer than about 292 years
         */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = nonNegative(maxBackoff, "retry.maxBackoff");
            return this;
        }

        /**
         * Sets the growth of the backoff per retry; 1 keeps it constant. Default 2.
         *
         * @param multiplier the factor, at least 1 and finite
         * @return this builder
         * @throws IllegalArgumentException if {@code multiplier} is below 1, NaN or infinite
         */
        public Builder multiplier(double multiplier) {
            if (!(multiplier >= 1) || Double.isInfinite(multiplier)) {
                throw new IllegalArgumentException("retry.multiplier must be at least 1, got " + multiplier);
            }
            this.multiplier = multiplier;
            return this;
        }

        /**
         * Sets the spread of each backoff, from 0 (none) to 1 (anywhere from 0 to twice it), so
         * that clients failing together do not retry together. Default 0.2.
         *
         * @param jitter the fraction, from 0 to 1
         * @return this builder
         * @throws IllegalArgumentException if {@code jitter} is outside 0 to 1, or NaN
         */
        public Builder jitter(double jitter) {
            if (!(jitter >= 0 && jitter <= 1)) {
                throw new IllegalArgumentException("retry.jitter must be between 0 and 1, got " + jitter);
            }
            this.jitter = jitter;
            return this;
        }

        /**
         * Sets the longest {@code Retry-After} waited for; a longer one moves on to the
         * fallbacks. Default 60 s.
         *
         * @param maxRetryAfter the cap
         * @return this builder
         * @throws NullPointerException if {@code maxRetryAfter} is {@code null}
         * @throws IllegalArgumentException if it is negative or longer than about 292 years
         */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = nonNegative(maxRetryAfter, "retry.maxRetryAfter");
            return this;
        }

        /**
         * Builds the policy from the current settings; the builder can be changed and used again.
         *
         * @return the policy
         * @throws IllegalArgumentException if {@code maxBackoff < initialBackoff}
         */
        public RetryPolicy build() {
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("retry.maxBackoff (" + maxBackoff
                        + ") must not be less than retry.initialBackoff (" + initialBackoff + ")");
            }
            return new RetryPolicy(this);
        }

        private static Duration nonNegative(Duration value, String name) {
            Objects.requireNonNull(value, () -> name + " is required");
            if (value.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, got " + value);
            }
            if (value.compareTo(Timers.LONGEST) > 0) {
                throw new IllegalArgumentException(name + " must be at most " + Timers.LONGEST
                        + " (about 292 years), got " + value);
            }
            return value;
        }
    }
}
