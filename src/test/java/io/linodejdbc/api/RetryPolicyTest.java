package io.linodejdbc.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private static final long NOW = 1_700_000_000L;

  private final RetryPolicy policy = new RetryPolicy(ApiConfig.builder().maxRetries(2)
      .retryBaseDelay(Duration.ofMillis(100)).maxRetryWait(Duration.ofSeconds(60)).build(), () -> NOW);

  @Test
  void retryableStatusesFollowTheOfficialClientsPlus504() {
    assertThat(RetryPolicy.isRetryableStatus(408)).isTrue();
    assertThat(RetryPolicy.isRetryableStatus(429)).isTrue();
    assertThat(RetryPolicy.isRetryableStatus(502)).isTrue();
    assertThat(RetryPolicy.isRetryableStatus(503)).isTrue();
    assertThat(RetryPolicy.isRetryableStatus(504)).isTrue();
    assertThat(RetryPolicy.isRetryableStatus(500)).isFalse();
    assertThat(RetryPolicy.isRetryableStatus(400)).isFalse();
    assertThat(RetryPolicy.isRetryableStatus(404)).isFalse();
  }

  @Test
  void maxRetriesCountsRetriesAfterTheFirstAttempt() {
    assertThat(policy.mayRetry(1)).isTrue();
    assertThat(policy.mayRetry(2)).isTrue();
    assertThat(policy.mayRetry(3)).isFalse();
  }

  @Test
  void backoffDoublesWithJitterInTheUpperHalfAndIsCapped() {
    for (int i = 0; i < 200; i++) {
      assertThat(policy.backoffNanos(1)).isBetween(ms(50), ms(100));
      assertThat(policy.backoffNanos(3)).isBetween(ms(200), ms(400));
      assertThat(policy.backoffNanos(40)).isBetween(ms(5000), ms(10_000));
    }
  }

  @Test
  void serverWaitComesFromRetryAfterElseRateLimitReset() {
    assertThat(policy.serverWaitSeconds(429, Headers.of("Retry-After", "7"))).hasValue(7);
    assertThat(policy.serverWaitSeconds(503, Headers.of("Retry-After", " 2 "))).hasValue(2);
    assertThat(policy.serverWaitSeconds(429, Headers.of("X-RateLimit-Reset", String.valueOf(NOW + 12)))).hasValue(12);
    assertThat(policy.serverWaitSeconds(429, Headers.of("X-RateLimit-Reset", String.valueOf(NOW - 5)))).hasValue(0);
    // The reset time is about the rate limit, so it means nothing for a 503.
    assertThat(policy.serverWaitSeconds(503, Headers.of("X-RateLimit-Reset", String.valueOf(NOW + 12)))).isEmpty();
    assertThat(policy.serverWaitSeconds(429, Headers.of("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"))).isEmpty();
    assertThat(policy.serverWaitSeconds(429, Headers.of())).isEmpty();
  }

  @Test
  void waitsLongerThanMaxRetryWaitAreRefused() {
    assertThat(policy.exceedsMaxWait(60)).isFalse();
    assertThat(policy.exceedsMaxWait(61)).isTrue();
  }

  private static long ms(long ms) {
    return TimeUnit.MILLISECONDS.toNanos(ms);
  }
}
