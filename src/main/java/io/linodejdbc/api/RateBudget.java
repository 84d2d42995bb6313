package io.linodejdbc.api;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import okhttp3.Headers;

/**
 * The token's allowance of paginated collection GETs (the API's documented limit is 200 per
 * minute per token), as the {@code X-RateLimit-*} headers of the latest responses report it.
 *
 * <p>A list request may be sent while the last reported {@code X-RateLimit-Remaining}, less the
 * list requests sent since and not yet answered, is above zero; once it reaches zero, requests
 * wait until {@code X-RateLimit-Reset}. Nothing is paced while the headers say there is room, or
 * before any header was seen (the first page tells): a 40-page scan takes a fifth of the minute's
 * allowance and goes out at once. If the server still answers 429, {@link RetryPolicy} waits as
 * it says. Thread-safe; one per client (a client is one token).
 */
final class RateBudget {
  /** Extra wait after the reset second, so that the server's window has surely rolled over. */
  private static final long RESET_MARGIN_MILLIS = 250;
  /** How often requests waiting for a probe's answer look again. */
  private static final long PROBE_POLL_MILLIS = 10;

  private final LongSupplier epochMillis;
  /** Last reported remaining requests; -1 while unknown. */
  private long remaining = -1;
  /** Epoch second at which {@link #remaining} is restored; 0 while unknown. */
  private long resetEpochSeconds;
  /** List requests sent and not answered yet: the server may not have counted them. */
  private int inFlight;
  /** After a reset: one request at a time until a response reports the new budget. */
  private boolean probing;

  RateBudget() {
    this(System::currentTimeMillis);
  }

  RateBudget(LongSupplier epochMillis) {
    this.epochMillis = epochMillis;
  }

  /**
   * Takes a place for one list request, waiting as long as the reported budget is spent.
   *
   * @return false if {@code scope} was cancelled while waiting
   */
  boolean acquire(CancelScope scope) {
    while (true) {
      long waitMillis;
      synchronized (this) {
        long now = epochMillis.getAsLong();
        if (remaining >= 0 && !probing && now >= resetEpochSeconds * 1000 + RESET_MARGIN_MILLIS) {
          // The window the report was about is over, but how much it gave back is unknown (a
          // sliding window frees one call at a time): one request asks, the rest wait for it.
          probing = true;
        }
        if (probing ? inFlight == 0 : remaining < 0 || remaining - inFlight > 0) {
          inFlight++;
          return true;
        }
        waitMillis = probing ? PROBE_POLL_MILLIS
            : resetEpochSeconds * 1000 + RESET_MARGIN_MILLIS - now;
      }
      if (!scope.sleep(TimeUnit.MILLISECONDS.toNanos(Math.max(1, waitMillis)))) {
        return false;
      }
    }
  }

  /** Returns the place taken by {@link #acquire}, with the response's headers (or null). */
  void release(Headers headers) {
    synchronized (this) {
      inFlight--;
      if (headers == null) {
        return; // no answer (a failure): a probe must be sent again
      }
      long left = parse(headers.get("X-RateLimit-Remaining"));
      long reset = parse(headers.get("X-RateLimit-Reset"));
      if (left < 0 || reset <= 0) {
        return;
      }
      if (probing) {
        probing = false;
        resetEpochSeconds = reset;
        remaining = left;
      } else if (reset > resetEpochSeconds) {
        resetEpochSeconds = reset; // a newer window: its report replaces the old one
        remaining = left;
      } else if (reset == resetEpochSeconds) {
        // Answers arrive out of order; the smallest count of the window is the latest.
        remaining = remaining < 0 ? left : Math.min(remaining, left);
      }
    }
  }

  /** The remaining requests last reported, or -1 while unknown. For tests. */
  synchronized long remaining() {
    return remaining;
  }

  private static long parse(String value) {
    if (value == null) {
      return -1;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
