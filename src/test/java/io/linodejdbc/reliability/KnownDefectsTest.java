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

  /**
   * KD-3 (minor): {@code WHERE id = -1} (also {@code id = 0}) is sent as
   * {@code GET /v4/profile/tokens/-1}: a request for an id that cannot exist (Linode ids are
   * positive), and a path outside {@code /v4/profile/tokens(/\d+)?}. No user text reaches the
   * path (only the parsed integer), so this is a wasted request, not an injection.
   * Restore: {@link WireChecks#PATH} = {@link WireChecks#STRICT_PATH}.
   */
  @Test
  void kd3_negativeIdIsSentAsAPath() throws Exception {
    try (SandboxServer s = SandboxServer.builder().tokens(Workload.TOKENS).start(); Connection c = connect(s)) {
      assertThat(Rel.run(c, "SELECT id FROM personal_access_tokens WHERE id = -1").size()).isZero();
      assertThat(s.requestLog().requests()).as("KD-3 fixed? then restore WireChecks.STRICT_PATH")
          .anyMatch(r -> r.path().equals("/v4/profile/tokens/-1"));
    }
  }

  /**
   * KD-4: DELETE and REPLACE report no update count. {@code executeUpdate("DELETE FROM
   * linode.profile.personal_access_tokens WHERE tokenId = 5")} deletes token 5 but returns -1
   * (JDBC: the row count, 1); {@code execute(...)} returns {@code true} (claims a ResultSet) and
   * {@code getUpdateCount()} is -1. Same for {@code REPLACE … SET data__label = 'x' WHERE
   * tokenId = 8} and for PreparedStatement. INSERT returns 1 as it should.
   * Restore: assert 1 in {@link HostileInputProperties#randomLabelsWrittenRoundTripOrFailCleanly}.
   */
  @Test
  void kd4_deleteAndReplaceReturnMinusOneFromExecuteUpdate() throws Exception {
    try (SandboxServer s = SandboxServer.builder().tokens(Workload.TOKENS).start(); Connection c = connect(s);
        java.sql.Statement st = c.createStatement()) {
      int deleted = st.executeUpdate("DELETE FROM linode.profile.personal_access_tokens WHERE tokenId = 5");
      int replaced = st.executeUpdate(
          "REPLACE linode.profile.personal_access_tokens SET data__label = 'x' WHERE tokenId = 8");
      assertThat(s.store().get(5)).isEmpty();
      assertThat(s.store().get(8).orElseThrow().label()).isEqualTo("x");
      System.out.println("[KD-4] executeUpdate: DELETE -> " + deleted + ", REPLACE -> " + replaced);
      assertThat(deleted).as("KD-4 fixed? restore the count assertion").isEqualTo(-1);
      assertThat(replaced).isEqualTo(-1);
    }
  }

  /**
   * KD-5 (minor): a label with an unpaired UTF-16 surrogate ({@code "\ud800"}, possible in a Java
   * String, not valid Unicode) is silently written as {@code "?"}: INSERT … RETURNING reports label
   * {@code "?"}. Expected: a clean SQLException (SQLSTATE 22xxx) refusing the value, never a
   * silently different label. Restore: drop the surrogate filter in HostileInputProperties.
   */
  @Test
  void kd5_unpairedSurrogateInLabelIsSilentlyReplaced() throws Exception {
    try (SandboxServer s = SandboxServer.builder().tokens(Workload.TOKENS).start(); Connection c = connect(s);
        java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO linode.profile.personal_access_tokens"
            + " (data__label, data__scopes) VALUES (?, '*') RETURNING id, label")) {
      ps.setString(1, "\ud800");
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(2)).as("KD-5 fixed? expect a 22xxx SQLException instead").isEqualTo("?");
      }
    }
  }

  /**
   * KD-6: LIKE's {@code _} does not match a line terminator. Tokens labelled {@code "\n"} and
   * {@code "\r\n"}: {@code WHERE label LIKE '_'} returns nothing (H2 / SQL: the {@code "\n"}
   * token), {@code WHERE label LIKE '%_%'} misses both. {@code %} does match newlines. The
   * predicate is evaluated by Calcite's LIKE (EnumerableCalc, nothing pushed down), whose
   * regex translation maps {@code _} to {@code .} without DOTALL, but {@code %} to
   * {@code (?s:.*)}; the driver's answer is wrong all the same.
   * Restore: put "\n" and "\r\n" back into HostileInputProperties.HOSTILE.
   */
  @Test
  void kd6_likeUnderscoreDoesNotMatchNewline() throws Exception {
    java.util.List<io.linodejdbc.sandbox.SandboxToken> t = java.util.List.of(
        new io.linodejdbc.sandbox.SandboxToken(1, "\n", "*", java.time.LocalDateTime.of(2020, 1, 1, 0, 0), null,
            "n".repeat(64)),
        new io.linodejdbc.sandbox.SandboxToken(2, "\r\n", "*", java.time.LocalDateTime.of(2020, 1, 1, 0, 0), null,
            "r".repeat(64)));
    try (SandboxServer s = SandboxServer.builder().tokens(t).start(); Connection c = connect(s)) {
      assertThat(Rel.run(c, "SELECT id FROM personal_access_tokens WHERE label LIKE '_'").size())
          .as("KD-6 fixed? (SQL answer: 1 row)").isZero();
      assertThat(Rel.run(c, "SELECT id FROM personal_access_tokens WHERE label LIKE '%_%'").size())
          .as("SQL answer: 2 rows").isZero();
    }
  }

  /**
   * KD-7: a U+0000 in a LIKE pattern acts as an escape character although no ESCAPE clause was
   * given. {@code WHERE token LIKE ?} with {@code "\u0000'%"} fails: SQLException "exception while
   * executing query: java.lang.RuntimeException: Invalid escape sequence '\u0000'%', 0" (SQL / H2: a
   * valid pattern, empty answer); {@code "\u0000%"} would match a literal '%'. Calcite's LIKE uses
   * NUL as its "no escape" sentinel. Restore: drop noNul() in HostileInputProperties.
   */
  @Test
  void kd7_nulInLikePatternActsAsEscape() throws Exception {
    try (SandboxServer s = SandboxServer.builder().tokens(Workload.TOKENS).start(); Connection c = connect(s);
        java.sql.PreparedStatement ps = c.prepareStatement("SELECT id FROM personal_access_tokens WHERE label LIKE ?")) {
      ps.setString(1, "\u0000'%");
      Throwable thrown = null;
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        rs.next();
      } catch (java.sql.SQLException e) {
        thrown = e;
      }
      System.out.println("[KD-7] " + thrown);
      assertThat(thrown).as("KD-7 fixed? (SQL answer: empty result)").isNotNull()
          .hasMessageContaining("Invalid escape sequence");
    }
  }

  /**
   * KD-8: {@code SELECT id, label FROM personal_access_tokens WHERE id IN (1, 2, …, 9999,
   * 2147483647)} (10,000 literals) fails with a StackOverflowError inside Calcite's code generation
   * (linq4j {@code BinaryExpression.accept} / {@code VisitorImpl.visit} recursing over the OR/IN
   * chain), after many seconds of planning. Expected: H2's answer (bounded in flight).
   * KD-9: that failure reaches the user as {@code java.sql.SQLException: null}, SQLSTATE HY000:
   * SqlErrors.translate uses {@code String.valueOf(t.getMessage())} of an Error without a message.
   * Expected: a readable message naming the cause (e.g. "statement too complex: IN list of 10000
   * values") and a fitting SQLSTATE (54001 "statement too complex").
   * Already 2,000 ids fail: Janino "Compilation unit is nested too deeply", reported as an
   * SQLException with SQLSTATE null whose message is the whole SQL text plus the whole generated
   * Java source (about 55,000 characters). 1,000 ids work.
   * Restore: 10,000 ids in ExtremeValuesTest.longInListsAreRightAndInFlightBounded.
   */
  @Test
  void kd8_kd9_inListOfTenThousandIdsOverflowsTheStackAndSaysNull() throws Exception {
    try (SandboxServer s = SandboxServer.builder().tokens(Workload.TOKENS).start(); Connection c = connect(s)) {
      String ids = java.util.stream.IntStream.rangeClosed(1, 9_999).mapToObj(Integer::toString)
          .collect(java.util.stream.Collectors.joining(",")) + ",2147483647";
      java.sql.SQLException thrown = null;
      try {
        Rel.run(c, "SELECT id, label FROM personal_access_tokens WHERE id IN (" + ids + ")");
      } catch (java.sql.SQLException e) {
        thrown = e;
      }
      System.out.println("[KD-8/9] " + thrown + " state " + (thrown == null ? null : thrown.getSQLState()));
      assertThat((Object) thrown).as("KD-8 fixed? restore 10,000 ids in ExtremeValuesTest").isNotNull();
      Throwable root = thrown;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      assertThat(root).isInstanceOf(StackOverflowError.class);
      assertThat(thrown.getMessage()).as("KD-9").isEqualTo("null");
      String two = java.util.stream.IntStream.rangeClosed(1, 2_000).mapToObj(Integer::toString)
          .collect(java.util.stream.Collectors.joining(","));
      java.sql.SQLException second = null;
      try {
        Rel.run(c, "SELECT id, label FROM personal_access_tokens WHERE id IN (" + two + ")");
      } catch (java.sql.SQLException e) {
        second = e;
      }
      assertThat((Object) second).as("2,000 ids still fail?").isNotNull();
      System.out.println("[KD-8] 2,000 ids: SQLSTATE " + second.getSQLState() + ", message of "
          + second.getMessage().length() + " characters");
      assertThat(ChaosRun.stackTrace(second)).contains("nested too deeply");
    }
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
