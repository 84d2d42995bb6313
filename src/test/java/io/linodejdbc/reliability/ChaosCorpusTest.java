package io.linodejdbc.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue item 1: the whole read corpus under seeded random faults (429 with Retry-After 0/1 s,
 * 500/502/503/504, dropped connections, stalls past readTimeout=1 s, truncated and malformed
 * bodies). Every query must end with H2's exact answer or a clean SQLException; none wrong, none
 * hung (60 s watchdog per query). Seed: {@code -Dlinodejdbc.chaos.seed}; passes:
 * {@code -Dlinodejdbc.chaos.passes} (CI 1, full 3, each pass with fresh fault rolls).
 */
class ChaosCorpusTest {

  @Test
  void corpusUnderFaultsEndsCorrectOrCleanNeverWrongNeverHung() throws Exception {
    long seed = Long.getLong("linodejdbc.chaos.seed", 20240601L);
    ChaosRun.Result r = ChaosRun.run(seed, ProcessFigures.size("linodejdbc.chaos.passes", 1, 3),
        ProcessFigures.size("linodejdbc.chaos.pageSize", 250, 100), Duration.ofSeconds(60));
    String summary = "seed " + seed + ": " + r.queries() + " queries, " + r.correct() + " correct, "
        + r.cleanErrors() + " clean errors " + r.errorStates() + ", " + r.wrong() + " wrong, " + r.hung()
        + " hung; " + r.requests() + " requests, " + r.faults() + " faults injected, " + r.millis() + " ms";
    System.out.println("[chaos] " + summary);
    assertThat(r.problems()).as(summary).isEmpty();
    assertThat(r.wrong()).isZero();
    assertThat(r.hung()).isZero();
    assertThat(r.correct() + r.cleanErrors()).isEqualTo(r.queries());
    // The faults really happened and retries really recovered some queries.
    assertThat(r.faults()).isGreaterThan(10);
    assertThat(r.correct()).isGreaterThan(r.queries() / 2);
  }
}
