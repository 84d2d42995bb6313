package io.linodejdbc.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.linodejdbc.sandbox.SandboxServer;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * KNOWN_DEFECTS: driver defects this suite found and that are NOT fixed yet. Each test asserts
 * that the defect is STILL PRESENT, so the build stays green while it is open and turns red the
 * moment the driver is fixed: then delete the test here and restore the real assertion it names
 * (the owner fixes the driver; the suite does not excuse it).
 */
class KnownDefectsTest {

  /**
   * KD-1: every execution's scan rows stay reachable for the life of the connection.
   *
   * <p>{@code LinodeTable.executions} is a {@code WeakHashMap<DataContext, Map<ScanSpec, ScanRows>>},
   * but each {@code ScanRows} value holds its {@code DataContext} key strongly (field
   * {@code context}), so no entry is ever collected: each query's {@code ScanRows} with its replay
   * buffer (up to 5,000 rows) is kept until the connection is garbage. A pooled, long-lived
   * connection grows without bound (about 60 KB per full scan of 300 tokens here).
   * Restore: {@link SoakTest}'s heap assertion (the soak measures heap after GC flat).
   */
  @Test
  void kd1_scanRowsOfFinishedQueriesAreRetainedByTheConnection() throws Exception {
    try (SandboxServer s = SandboxServer.builder().tokens(Workload.TOKENS).start();
        Connection c = connect(s)) {
      String sql = "SELECT * FROM personal_access_tokens";
      for (int i = 0; i < 50; i++) {
        Rel.run(c, sql); // warm-up
      }
      long before = Rel.heapAfterGc();
      for (int i = 0; i < 200; i++) {
        Rel.run(c, sql);
      }
      long after = Rel.heapAfterGc();
      System.out.println("[KD-1] heap after GC " + Rel.mb(before) + " -> " + Rel.mb(after) + " over 200 scans");
      // Still defective: >= 6 MB retained by 200 finished, closed queries on one open connection.
      assertThat(after - before).as("KD-1 fixed? then remove this test and restore SoakTest's heap check")
          .isGreaterThan(6L << 20);
    }
  }

  /**
   * KD-2: closed connections are never garbage-collected.
   *
   * <p>{@code PlanCache.CACHES} is a static {@code WeakHashMap<CalciteSchema, PlanCache>}, but
   * each cached {@code CalciteSignature} holds its {@code rootSchema} (the key) strongly, so the
   * entry, the connection's schema, its {@code LinodeTable}s and (with KD-1) every scan they
   * retained stay in memory after {@code Connection.close()}, process-wide.
   * Restore: the soak's heap check, and assert here that CACHES shrinks back after close.
   */
  @Test
  void kd2_planCacheKeepsClosedConnectionsReachable() throws Exception {
    Class.forName("io.linodejdbc.jdbc.LinodeDriver");
    Field f = Class.forName("io.linodejdbc.sql.PlanCache").getDeclaredField("CACHES");
    f.setAccessible(true);
    Map<?, ?> caches = (Map<?, ?>) f.get(null);
    Rel.heapAfterGc();
    int before = size(caches);
    try (SandboxServer s = SandboxServer.builder().tokens(Workload.TOKENS).start()) {
      for (int i = 0; i < 10; i++) {
        try (Connection c = connect(s)) {
          Rel.run(c, "SELECT COUNT(*) FROM personal_access_tokens");
        }
      }
    }
    Rel.heapAfterGc();
    int after = size(caches);
    System.out.println("[KD-2] PlanCache.CACHES entries " + before + " -> " + after
        + " after 10 connections opened, used and closed");
    // Still defective: all 10 closed connections' schemas are still cached.
    assertThat(after - before).as("KD-2 fixed? then remove this test and assert CACHES shrinks").isGreaterThanOrEqualTo(10);
  }

  private static int size(Map<?, ?> m) {
    synchronized (m) {
      return m.size();
    }
  }

  private static Connection connect(SandboxServer s) throws Exception {
    Class.forName("io.linodejdbc.jdbc.LinodeDriver");
    Properties p = new Properties();
    p.setProperty("token", s.actingToken());
    p.setProperty("apiUrl", s.baseUrl());
    return DriverManager.getConnection("jdbc:linode:", p);
  }
}
