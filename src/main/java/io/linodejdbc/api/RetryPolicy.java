package io.linodejdbc.api;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import okhttp3.Headers;

/**
 * Which failures are retried and how long to wait before the next attempt.
 *
 * <p>Retried statuses: 408, 429, 502, 503, 504. The official Linode clients retry 408, 429, 502 and 503
 * (linodego: 429, 503, 408; linode_api4-python: 408, 429); 504 is added because a gateway timeout
 * says nothing reached the application. <b>500 is not retried</b>: no official client retries it, and
 * an internal error is usually deterministic, so retrying would only multiply load and latency.
 * Only idempotent methods are retried at all (the caller decides that; POST never is).
 *
 * <p>Waits: a server-requested wait ({@code Retry-After} seconds, or for 429 the time until
 * {@code X-RateLimit-Reset} epoch seconds) is honoured exactly; otherwise exponential backoff from
 * {@code retryBaseDelay}, doubling per retry, capped at 10 s, with "equal jitter" (a random value in
 * the upper half) so that concurrent page fetches do not retry in lock step.
 */
final class RetryPolicy {

  /** Backoff never exceeds this, whatever the retry count. */
  static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

  private final int maxRetries;
  private final long baseNanos;
  private final long maxServerWaitNanos;
  private final LongSupplier epochSeconds;

  RetryPolicy(ApiConfig config) {
    this(config, () -> System.currentTimeMillis() / 1000);
  }

  RetryPolicy(ApiConfig config, LongSupplier epochSeconds) {
    this.maxRetries = config.maxRetries();
    this.baseNanos = config.retryBaseDelay().toNanos();
    this.maxServerWaitNanos = config.maxRetryWait().toNanos();
    this.epochSeconds = epochSeconds;
  }

  /** True for the statuses worth another attempt of an idempotent request. */
  static boolean isRetryableStatus(int status) {
    return status == 408 || status == 429 || status == 502 || status == 503 || status == 504;
  }

  /** True if another attempt is allowed after {@code attemptsMade} attempts. */
  boolean mayRetry(int attemptsMade) {
    return attemptsMade <= maxRetries;
  }

  /** Backoff before retry number {@code retry} (1 = first retry), jittered within [d/2, d]. */
  long backoffNanos(int retry) {
    long cap = MAX_BACKOFF.toNanos();
    long d = baseNanos;
    for (int i = 1; i < retry && d < cap; i++) {
      d *= 2;
    }
    d = Math.min(d, cap);
    if (d <= 1) {
      return d;
    }
    long half = d / 2;
    return half + ThreadLocalRandom.current().nextLong(d - half + 1);
  }

  /**
   * The wait the server asked for, in whole seconds: {@code Retry-After} (delta seconds) for any
   * status, or for 429 the time until {@code X-RateLimit-Reset}. Empty if neither is usable.
   */
  OptionalLong serverWaitSeconds(int status, Headers headers) {
    OptionalLong retryAfter = parseLong(headers.get("Retry-After"));
    if (retryAfter.isPresent()) {
      return OptionalLong.of(Math.max(0, retryAfter.getAsLong()));
    }
    if (status == 429) {
      OptionalLong reset = parseLong(headers.get("X-RateLimit-Reset"));
      if (reset.isPresent()) {
        return OptionalLong.of(Math.max(0, reset.getAsLong() - epochSeconds.getAsLong()));
      }
    }
    return OptionalLong.empty();
  }

  /** True if waiting {@code seconds} is more than the configured {@code maxRetryWait}. */
  boolean exceedsMaxWait(long seconds) {
    return TimeUnit.SECONDS.toNanos(seconds) > maxServerWaitNanos;
  }

  private static OptionalLong parseLong(String value) {
    if (value == null) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      // An HTTP-date Retry-After is allowed by RFC 9110 but Linode sends seconds; fall back to backoff.
      return OptionalLong.empty();
    }
  }
}
