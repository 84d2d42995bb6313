package io.linodejdbc.sandbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * At most N list calls per sliding window, like the real API's limit on paginated collection
 * GETs (200 per minute). Thread-safe.
 *
 * <p>Why a sliding log rather than a fixed bucket: a test that makes N+1 calls must see the 429 no
 * matter where a bucket boundary falls. Refused calls do not consume capacity.
 */
final class ListRateLimiter {

  private final int limit;
  private final long windowNanos;
  private final LongSupplier nanoTime;
  private final LongSupplier epochMillis;
  private final ArrayDeque<Long> granted = new ArrayDeque<>();

  ListRateLimiter(int limit, Duration window) {
    this(limit, window, System::nanoTime, System::currentTimeMillis);
  }

  ListRateLimiter(int limit, Duration window, LongSupplier nanoTime, LongSupplier epochMillis) {
    if (limit < 1 || window.isZero() || window.isNegative()) {
      throw new IllegalArgumentException("need a positive limit and window");
    }
    this.limit = limit;
    this.windowNanos = window.toNanos();
    this.nanoTime = nanoTime;
    this.epochMillis = epochMillis;
  }

  /**
   * Takes one call from the window.
   *
   * @return the {@code X-RateLimit-*} headers to send with the allowed response
   * @throws ApiException 429 with {@code Retry-After} (whole seconds, rounded up) when over limit
   */
  synchronized Map<String, String> acquire() {
    long now = nanoTime.getAsLong();
    while (!granted.isEmpty() && now - granted.peekFirst() >= windowNanos) {
      granted.pollFirst();
    }
    if (granted.size() >= limit) {
      long waitNanos = granted.peekFirst() + windowNanos - now;
      long retryAfter = Math.max(1, ceilSeconds(waitNanos));
      Map<String, String> headers = headers(0, waitNanos);
      headers.put("Retry-After", Long.toString(retryAfter));
      throw new ApiException(429, List.of(ApiError.of("Too Many Requests")), headers);
    }
    granted.addLast(now);
    return headers(limit - granted.size(), granted.peekFirst() + windowNanos - now);
  }

  private Map<String, String> headers(int remaining, long resetInNanos) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-RateLimit-Limit", Integer.toString(limit));
    headers.put("X-RateLimit-Remaining", Integer.toString(remaining));
    long resetEpoch = (epochMillis.getAsLong() + 999) / 1000 + ceilSeconds(resetInNanos);
    headers.put("X-RateLimit-Reset", Long.toString(resetEpoch));
    return headers;
  }

  private static long ceilSeconds(long nanos) {
    return Math.max(0, (nanos + 999_999_999L) / 1_000_000_000L);
  }
}
