package io.linodejdbc.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.linodejdbc.sandbox.RecordedRequest;
import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.sandbox.SandboxServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class RateBudgetTest {

  private static Headers limit(long remaining, long resetEpochSeconds) {
    return Headers.of("X-RateLimit-Limit", "200", "X-RateLimit-Remaining", Long.toString(remaining),
        "X-RateLimit-Reset", Long.toString(resetEpochSeconds));
  }

  @Test void nothingIsPacedWhileTheHeadersLeaveRoom() {
    AtomicLong now = new AtomicLong(1_000_000_000L);
    RateBudget budget = new RateBudget(now::get);
    CancelScope scope = CancelScope.root();
    // Before any header: no pacing at all.
    for (int i = 0; i < 50; i++) {
      assertThat(budget.acquire(scope)).isTrue();
    }
    for (int i = 0; i < 50; i++) {
      budget.release(limit(150 - i, 1_000_060));
    }
    assertThat(budget.remaining()).isEqualTo(101);
    // Out-of-order answers of the same window: the smallest count wins.
    assertThat(budget.acquire(scope)).isTrue();
    budget.release(limit(140, 1_000_060));
    assertThat(budget.remaining()).isEqualTo(101);
  }

  @Test void whenTheBudgetIsSpentRequestsWaitForTheReset() throws Exception {
    AtomicLong now = new AtomicLong(1_000_000_000L);
    RateBudget budget = new RateBudget(now::get);
    CancelScope scope = CancelScope.root();
    assertThat(budget.acquire(scope)).isTrue();
    budget.release(limit(2, 1_000_001)); // 2 left until second 1,000,001
    assertThat(budget.acquire(scope)).isTrue();
    assertThat(budget.acquire(scope)).isTrue(); // both in flight: the 2 are taken
    Thread waiter = new Thread(() -> budget.acquire(scope));
    waiter.start();
    waiter.join(300);
    assertThat(waiter.isAlive()).as("a third request waits").isTrue();
    budget.release(limit(1, 1_000_001));
    budget.release(limit(0, 1_000_001));
    waiter.join(300);
    assertThat(waiter.isAlive()).as("still waiting: the window's budget is spent").isTrue();
    now.set(1_000_001_300L); // past the reset (and its margin): one probe may go
    waiter.join(5_000);
    assertThat(waiter.isAlive()).as("released by the reset").isFalse();
    // Until the probe's answer tells the new budget, nothing else goes out.
    Thread second = new Thread(() -> budget.acquire(scope));
    second.start();
    second.join(300);
    assertThat(second.isAlive()).isTrue();
    budget.release(limit(199, 1_000_061));
    second.join(5_000);
    assertThat(second.isAlive()).isFalse();
    assertThat(budget.remaining()).isEqualTo(199);
  }

  @Test void aCancelledWaitGivesUp() {
    AtomicLong now = new AtomicLong(1_000_000_000L);
    RateBudget budget = new RateBudget(now::get);
    CancelScope scope = CancelScope.root();
    budget.acquire(scope);
    budget.release(limit(0, 1_000_100));
    scope.cancel();
    assertThat(budget.acquire(scope)).isFalse();
  }

  /**
   * A 30-page scan against a sandbox that allows 10 list calls per 2 s: paced by the headers, it
   * never gets a 429 (without pacing, 30 concurrent pages would get 20 of them).
   */
  @Test void aLongScanStaysWithinTheAllowanceAndNeverSeesA429() {
    try (SandboxServer server = SandboxServer.builder().tokens(SampleData.bulk(750, 1))
        .listRateLimit(10, Duration.ofSeconds(2)).start();
         LinodeClient client = new LinodeClient(Fixtures.config(server.baseUrl())
             .token(server.actingToken()).pageSize(25).maxConcurrentRequests(64).build())) {
      long rows = 0;
      try (RowCursor cursor = client.list(ListRequest.builder("/profile/tokens").build())) {
        while (cursor.hasNext()) {
          cursor.next();
          rows++;
        }
      }
      assertThat(rows).isEqualTo(750);
      List<RecordedRequest> sent = server.requestLog().requests();
      assertThat(sent).hasSize(30).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
    }
  }

  /** With room in the allowance, the pages after the first go out at once (up to the window). */
  @Test void withRoomAllPagesAfterTheFirstAreInFlightTogether() {
    try (SandboxServer server = SandboxServer.builder().tokens(SampleData.bulk(13_000, 1))
        .listRateLimit(200, Duration.ofMinutes(1)).latency(Duration.ofMillis(1000)).start();
         LinodeClient client = new LinodeClient(Fixtures.config(server.baseUrl())
             .token(server.actingToken()).build())) {
      long rows = 0;
      try (RowCursor cursor = client.list(ListRequest.builder("/profile/tokens").build())) {
        while (cursor.hasNext()) {
          cursor.next();
          rows++;
        }
      }
      assertThat(rows).isEqualTo(13_000);
      List<RecordedRequest> sent = server.requestLog().requests();
      assertThat(sent).hasSize(26);
      // Pages 2..26 (the whole look-ahead window of 12,500 rows) were all at the sandbox at the
      // same moment: each is held there for 1 s.
      assertThat(server.maxInFlightUntilResponse()).isEqualTo(25);
    }
  }
}
