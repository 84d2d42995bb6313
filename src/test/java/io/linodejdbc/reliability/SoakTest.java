package io.linodejdbc.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Issue item 3: a loop of queries (CI: 800; full: {@code -Dlinodejdbc.soak=20000}); heap after
 * GC, live threads and open sockets at the end equal, within noise, what they were after warm-up.
 *
 * <p>Heap: KD-1 and KD-2 (finished scans and closed connections kept reachable) are fixed; the
 * heap after GC must stay flat.
 *
 * <p>Noise allowed: heap +16 MB (class and JIT data, Calcite's caches); threads +4 (the JDK's
 * and OkHttp's own housekeeping threads come and go); sockets +12 (OkHttp's shared pool keeps up
 * to 5 idle connections for 5 minutes, and the in-process sandbox holds the other end of each).
 * A leak of one socket, thread or statement per query or per connection would exceed these
 * after a few hundred queries.
 */
class SoakTest {

  @Test
  void resourcesAtEndEqualResourcesAfterWarmUp() throws Exception {
    int n = ProcessFigures.size("linodejdbc.soak", 800, 20000);
    SoakRun.Result r = SoakRun.run(300, n);
    System.out.println("[soak] " + r);
    assertThat(r.wrong()).isZero();
    assertThat(r.after().threads()).as("live threads").isLessThanOrEqualTo(r.before().threads() + 4);
    assertThat(r.after().sockets()).as("open sockets").isLessThanOrEqualTo(r.before().sockets() + 12);
    assertThat(r.after().heapBytes()).as("heap after GC")
        .isLessThanOrEqualTo(r.before().heapBytes() + (16L << 20));
  }
}
