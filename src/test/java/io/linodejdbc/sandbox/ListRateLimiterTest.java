package io.linodejdbc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ListRateLimiterTest {

  private final AtomicLong nanos = new AtomicLong();
  private final ListRateLimiter limiter =
      new ListRateLimiter(2, Duration.ofSeconds(10), nanos::get, () -> 1_000_000L);

  @Test
  void allowsNPerSlidingWindowThenSays429WithRetryAfterRoundedUp() {
    assertThat(limiter.acquire()).containsEntry("X-RateLimit-Limit", "2")
        .containsEntry("X-RateLimit-Remaining", "1").containsEntry("X-RateLimit-Reset", "1010");
    nanos.set(Duration.ofMillis(4_500).toNanos());
    assertThat(limiter.acquire()).containsEntry("X-RateLimit-Remaining", "0");
    assertThatThrownBy(limiter::acquire).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.status()).isEqualTo(429);
      assertThat(e.headers()).containsEntry("Retry-After", "6").containsEntry("X-RateLimit-Remaining", "0");
    });
    nanos.set(Duration.ofSeconds(10).toNanos());
    assertThat(limiter.acquire()).containsEntry("X-RateLimit-Remaining", "0");
  }

  @Test
  void refusedCallsDoNotConsumeCapacity() {
    limiter.acquire();
    limiter.acquire();
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(limiter::acquire).isInstanceOf(ApiException.class);
    }
    nanos.set(Duration.ofSeconds(10).toNanos());
    limiter.acquire();
    limiter.acquire();
  }

  @Test
  void retryAfterIsAtLeastOneSecond() {
    limiter.acquire();
    limiter.acquire();
    nanos.set(Duration.ofSeconds(10).toNanos() - 1);
    assertThatThrownBy(limiter::acquire).isInstanceOfSatisfying(ApiException.class,
        e -> assertThat(e.headers()).containsEntry("Retry-After", "1"));
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> new ListRateLimiter(0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ListRateLimiter(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }
}
