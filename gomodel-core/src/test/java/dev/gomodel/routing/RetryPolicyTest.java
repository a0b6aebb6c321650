package dev.gomodel.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    final RetryPolicy policy = RetryPolicy.builder().initialBackoff(Duration.ofMillis(100))
            .maxBackoff(Duration.ofMillis(1_000)).multiplier(2).jitter(0.5).build();

    @Test
    void backoffGrowsExponentiallyWithinItsJitterAndNeverPassesTheCap() {
        // random 0.5 sits in the middle of the jitter: exactly the exponential value.
        assertThat(policy.backoff(0, 0.5)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.backoff(1, 0.5)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.backoff(3, 0.5)).isEqualTo(Duration.ofMillis(800));
        // The ends of the jitter: ±50%.
        assertThat(policy.backoff(1, 0.0)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.backoff(1, 0.999_999)).isBetween(Duration.ofMillis(299), Duration.ofMillis(300));
        // The cap holds after the jitter, however far the exponent goes.
        assertThat(policy.backoff(3, 0.999_999)).isEqualTo(Duration.ofMillis(1_000));
        assertThat(policy.backoff(200, 0.5)).isEqualTo(Duration.ofMillis(1_000));
    }

    @Test
    void defaultsAndNone() {
        RetryPolicy defaults = RetryPolicy.ofDefaults();
        assertThat(defaults.maxRetries()).isEqualTo(2);
        assertThat(defaults.initialBackoff()).isEqualTo(Duration.ofMillis(250));
        assertThat(defaults.maxBackoff()).isEqualTo(Duration.ofSeconds(8));
        assertThat(defaults.jitter()).isEqualTo(0.2);
        assertThat(defaults.maxRetryAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(RetryPolicy.none().maxRetries()).isZero();
    }

    @Test
    void aBuilderCanBeReusedAndToBuilderCopies() {
        RetryPolicy.Builder builder = RetryPolicy.builder().maxRetries(5);
        RetryPolicy five = builder.build();
        RetryPolicy six = builder.maxRetries(6).build();

        assertThat(five.maxRetries()).isEqualTo(5);
        assertThat(six.maxRetries()).isEqualTo(6);
        assertThat(five.toBuilder().build()).isEqualTo(five).hasSameHashCodeAs(five);
    }

    @Test
    void badValuesAreRejectedNamingTheField() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxRetries(-1)).hasMessageStartingWith("retry.maxRetries");
        assertThatThrownBy(() -> RetryPolicy.builder().jitter(1.5)).hasMessageStartingWith("retry.jitter");
        assertThatThrownBy(() -> RetryPolicy.builder().multiplier(0.5)).hasMessageStartingWith("retry.multiplier");
        assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ofMillis(-1)))
                .hasMessageStartingWith("retry.initialBackoff");
        assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ofSeconds(10))
                .maxBackoff(Duration.ofSeconds(1)).build())
                .hasMessageStartingWith("retry.maxBackoff (PT1S) must not be less than retry.initialBackoff");
    }

    @Test
    void routePolicyFillsWhatItLeavesUnsetFromTheDefaults() {
        RoutePolicy defaults = new RoutePolicy(RetryPolicy.ofDefaults(), Duration.ofSeconds(30), null, null, null,
                LoadBalancing.WEIGHTED_RANDOM, false);
        RoutePolicy route = RoutePolicy.builder().maxRetries(0).loadBalancing(LoadBalancing.ROUND_ROBIN).build();

        RoutePolicy merged = route.orElse(defaults);

        assertThat(merged.retry().maxRetries()).isZero();
        assertThat(merged.loadBalancing()).isEqualTo(LoadBalancing.ROUND_ROBIN);
        assertThat(merged.deadline()).isEqualTo(Duration.ofSeconds(30));
        assertThat(merged.fallbackOnRequestErrors()).isFalse();
        assertThatThrownBy(() -> RoutePolicy.builder().deadline(Duration.ZERO).build()).hasMessageStartingWith("deadline");
        assertThatThrownBy(() -> ProviderPolicy.ofDefaults().withWeight(0)).hasMessageStartingWith("weight");
    }
}
