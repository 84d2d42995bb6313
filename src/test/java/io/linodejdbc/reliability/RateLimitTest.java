package io.linodejdbc.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue item 5: with the sandbox allowing 5 list calls per 2 s, a 16-page scan (pageSize 25)
 * finishes with the right answer by waiting as Retry-After says, rather than failing.
 */
class RateLimitTest {

  @Test
  void longScanWaitsOutTheRateLimitAndFinishesCorrectly() throws Exception {
    RateLimitRun.Result r = RateLimitRun.run(400, 5, Duration.ofSeconds(2));
    System.out.println("[ratelimit] " + r);
    assertThat(r.error()).as("the scan failed or was wrong").isNull();
    assertThat(r.correct()).isTrue();
    assertThat(r.ok()).isEqualTo(r.pages());
    assertThat(r.retriesSoonerThanAllowed()).as("retries sooner than Retry-After").isZero();
    assertThat(r.maxOkPerWindow()).isLessThanOrEqualTo(5);
    // 16 pages at 5 per 2 s need at least three more windows after the first.
    assertThat(r.millis()).isGreaterThanOrEqualTo(6000);
  }
}
