package io.linodejdbc.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue item 2: 16 threads running mixed queries, with a connection per thread and with one shared
 * connection. Every answer equals H2's, nothing deadlocks, and no connection ever has more than
 * {@code maxConcurrentRequests} HTTP requests in flight, measured at the sandbox (one sandbox per
 * connection in the per-thread run, so each sandbox's maximum is one connection's).
 *
 * <p>CI size: 16 × 25 queries per mode; full size ({@code -Dlinodejdbc.reliability.full=true} or
 * {@code -Dlinodejdbc.concurrency.queries=200}): 16 × 200.
 */
class ConcurrencyTest {
  static final int MAX_CONCURRENT = 4;

  @ParameterizedTest(name = "shared connection: {0}")
  @ValueSource(booleans = {false, true})
  void allAnswersRightNoDeadlockInFlightBounded(boolean shared) throws Exception {
    ConcurrencyRun.Result r = ConcurrencyRun.run(shared, 16,
        ProcessFigures.size("linodejdbc.concurrency.queries", 25, 200), MAX_CONCURRENT, Duration.ofMinutes(5));
    System.out.println("[concurrency] " + r);
    assertThat(r.deadlocked()).as("deadlock/hang: %s", r.problems()).isFalse();
    assertThat(r.problems()).isEmpty();
    assertThat(r.correct()).isEqualTo(r.queries());
    assertThat(r.maxInFlightObserved()).as("in flight per connection").isLessThanOrEqualTo(MAX_CONCURRENT);
    // The limit is reached, i.e. the bound is a real bound and not mere serial fetching.
    assertThat(r.maxInFlightObserved()).isGreaterThan(1);
  }
}
