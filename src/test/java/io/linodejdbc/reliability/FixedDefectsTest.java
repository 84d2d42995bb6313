package io.linodejdbc.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linodejdbc.sandbox.SandboxServer;
import io.linodejdbc.testing.ResultSets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The defects this suite found and the driver fixed (KD-1 … KD-5, KD-8, KD-9): they stay fixed. */
class FixedDefectsTest {

  /** KD-1: the scans of finished queries are not kept by their connection. */
  @Test
  void kd1_finishedScansAreNotRetained() throws Exception {
    try (SandboxServer s = SandboxServer.builder().tokens(Workload.TOKENS).start();
        Connection c = connect(s)) {
      String sql = "SELECT * FROM personal_access_tokens";
      for (int i = 0; i < 50; i++) {
        ResultSets.query(c, sql); // warm-up
      }
      long before = Rel.heapAfterGc();
      for (int i = 0; i < 200; i++) {
        ResultSets.query(c, sql);
      }
      long after = Rel.heapAfterGc();
      System.out.println("[KD-1] heap after GC " + Rel.mb(before) + " -> " + Rel.mb(after));
      assertThat(after - before).as("heap retained by 200 finished queries").isLessThan(6L << 20);
    }
  }

  /** KD-2: closed connections are collected (their plan cache lives in the connection). */
  @Test
  void kd2_closedConnectionsAreNotRetained() throws Exception {
    try (SandboxServer s = SandboxServer.builder().tokens(Workload.TOKENS).start()) {
      for (int i = 0; i < 5; i++) {
        try (Connection c = connect(s)) {
          ResultSets.query(c, "SELECT * FROM personal_access_tokens");
        }
      }
      long before = Rel.heapAfterGc();
      for (int i = 0; i < 40; i++) {
        try (Connection c = connect(s)) {
          ResultSets.query(c, "SELECT * FROM personal_access_tokens");
          ResultSets.query(c, "SELECT COUNT(*) FROM personal_access_tokens WHERE id > 3");
        }
      }
      long after = Rel.heapAfterGc();
      System.out.println("[KD-2] heap after GC " + Rel.mb(before) + " -> " + Rel.mb(after));
      assertThat(after - before).as("heap retained by 40 closed connections").isLessThan(8L << 20);
    }
  }

  /** KD-3: an id that cannot exist (below 1) costs no request. */
  @Test
  void kd3_noRequestForANegativeId() throws Exception {
    try (SandboxServer s = SandboxServer.builder().tokens(Workload.TOKENS).start();
        Connection c = connect(s)) {
      assertThat(ResultSets.query(c, "SELECT id FROM personal_access_tokens WHERE id = -1").size()).isZero();
      assertThat(s.requestLog().requests()).isEmpty();
    }
  }

  /** KD-4: DELETE and REPLACE report their update counts. */
  @Test
  void kd4_deleteAndReplaceCountTheirRows() throws Exception {
    try (SandboxServer s = SandboxServer.builder().tokens(Workload.TOKENS).start();
        Connection c = connect(s); Statement st = c.createStatement()) {
      assertThat(st.executeUpdate(
          "DELETE FROM linode.profile.personal_access_tokens WHERE tokenId = 5")).isEqualTo(1);
      assertThat(st.executeUpdate("REPLACE linode.profile.personal_access_tokens"
          + " SET data__label = 'x' WHERE tokenId = 8")).isEqualTo(1);
      assertThat(s.store().get(5)).isEmpty();
      assertThat(s.store().get(8).orElseThrow().label()).isEqualTo("x");
    }
  }

  /** KD-5: a label with an unpaired surrogate is refused, not silently changed. */
  @Test
  void kd5_unpairedSurrogateIsRefused() throws Exception {
    try (SandboxServer s = SandboxServer.builder().tokens(Workload.TOKENS).start();
        Connection c = connect(s);
        PreparedStatement ps = c.prepareStatement("INSERT INTO linode.profile.personal_access_tokens"
            + " (data__label, data__scopes) VALUES (?, '*') RETURNING id, label")) {
      ps.setString(1, "\ud800");
      s.requestLog().clear();
      assertThatThrownBy(ps::executeQuery).isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("22"));
      assertThat(s.requestLog().requests()).noneMatch(r -> r.method().equals("POST"));
    }
  }

  /**
   * KD-8, KD-9: an IN list past what Calcite's code generation can compile (about 2,000 values
   * overflowed its stack and came back as "null", SQLSTATE HY000) is refused up front with a
   * clear 54001 and nothing sent; 1,000 values answer.
   */
  @Test
  void kd8_kd9_longInListsAnswerOrFailClearly() throws Exception {
    try (SandboxServer s = SandboxServer.builder().tokens(Workload.TOKENS).start();
        Connection c = connect(s)) {
      String thousand = IntStream.rangeClosed(1, 1_000).mapToObj(Integer::toString)
          .collect(Collectors.joining(","));
      assertThat(ResultSets.query(c, "SELECT id FROM personal_access_tokens WHERE id IN (" + thousand
          + ")").size()).isEqualTo((int) Workload.TOKENS.stream().filter(t -> t.id() <= 1_000)
          .count());
      s.requestLog().clear();
      String tenThousand = IntStream.rangeClosed(1, 10_000).mapToObj(Integer::toString)
          .collect(Collectors.joining(","));
      assertThatThrownBy(() -> ResultSets.query(c, "SELECT id FROM personal_access_tokens WHERE id IN ("
          + tenThousand + ")"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("IN list of 10000 values")
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("54001"));
      assertThat(s.requestLog().requests()).isEmpty();
    }
  }

  /**
   * Formerly KD-7: a U+0000 in a LIKE pattern acted as an escape character (Calcite's "no escape"
   * sentinel). LIKE now always has PostgreSQL's escape, backslash, so NUL is an ordinary character:
   * {@code "\u0000'%"} is a valid pattern that matches no label.
   */
  @Test
  void nulInLikePatternIsAnOrdinaryCharacter() throws Exception {
    try (SandboxServer s = SandboxServer.builder().tokens(Workload.TOKENS).start();
        Connection c = connect(s);
        PreparedStatement ps =
            c.prepareStatement("SELECT id FROM personal_access_tokens WHERE label LIKE ?")) {
      ps.setString(1, "\u0000'%");
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isFalse();
      }
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
