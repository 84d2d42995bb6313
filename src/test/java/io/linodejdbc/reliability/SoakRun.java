package io.linodejdbc.reliability;

import io.linodejdbc.sandbox.SandboxServer;
import io.linodejdbc.testing.ResultSets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * N mixed queries in a loop against one sandbox, a new connection every 100 queries (so connection
 * close is soaked too); heap after GC, live threads and open sockets measured after warm-up and
 * at the end, both at the same point of the cycle (just after a connection's 100th query).
 */
final class SoakRun {
  static final int PER_CONNECTION = 100;

  record Figures(long heapBytes, int threads, int sockets) {}

  record Result(int warmup, int queries, int wrong, Figures before, Figures after, long millis) {}

  private SoakRun() {}

  static Result run(int warmup, int queries) throws Exception {
    Class.forName("io.linodejdbc.jdbc.LinodeDriver");
    List<ResultSets.Table> expected = Workload.expected();
    long t0 = System.nanoTime();
    int wrong = 0;
    Figures before;
    try (SandboxServer s = SandboxServer.builder().tokens(Workload.TOKENS).threads(16).start()) {
      Properties p = new Properties();
      p.setProperty("token", s.actingToken());
      p.setProperty("apiUrl", s.baseUrl());
      p.setProperty("pageSize", "100");
      wrong += loop(p, expected, warmup, 0);
      // The sandbox keeps every request it served (for tests to inspect): emptied before each
      // measurement, so the figures are the driver's, not the fixture's log.
      s.requestLog().clear();
      before = figures();
      wrong += loop(p, expected, queries, warmup);
      s.requestLog().clear();
      Figures after = figures();
      return new Result(warmup, queries, wrong, before, after, (System.nanoTime() - t0) / 1_000_000);
    }
  }

  private static int loop(Properties p, List<ResultSets.Table> expected, int n, int offset) throws Exception {
    int wrong = 0;
    Connection c = null;
    try {
      for (int i = 0; i < n; i++) {
        if (i % PER_CONNECTION == 0) {
          if (c != null) {
            c.close();
          }
          c = DriverManager.getConnection("jdbc:linode:", p);
        }
        int q = (i + offset) % Workload.QUERIES.size();
        String sql = Workload.QUERIES.get(q);
        Optional<String> d = ResultSets.diff(expected.get(q), ResultSets.query(c, sql), Workload.ordered(sql));
        if (d.isPresent()) {
          wrong++;
        }
      }
    } finally {
      if (c != null) {
        c.close();
      }
    }
    return wrong;
  }

  private static Figures figures() {
    long heap = ProcessFigures.heapAfterGc();
    return new Figures(heap, ProcessFigures.liveThreads(), ProcessFigures.openSockets());
  }
}
