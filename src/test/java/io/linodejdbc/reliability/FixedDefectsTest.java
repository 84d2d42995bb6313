package io.linodejdbc.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.linodejdbc.sandbox.LabelMatching;
import io.linodejdbc.testing.LinodeAssert;
import io.linodejdbc.testing.ResultSets;
import io.linodejdbc.testing.SandboxFixture;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The defects this suite found and the driver fixed (KD-1 … KD-5, KD-8, KD-9): they stay fixed. */
class FixedDefectsTest {

  /** KD-1: the scans of finished queries are not kept by their connection. */
  @Test
  void kd1_finishedScansAreNotRetained() throws Exception {
    try (SandboxFixture f = SandboxFixture.start(Workload.TOKENS, LabelMatching.EXACT);
        Connection c = f.connect()) {
      String sql = "SELECT * FROM personal_access_tokens";
      for (int i = 0; i < 50; i++) {
        ResultSets.query(c, sql); // warm-up
      }
      long before = ProcessFigures.heapAfterGc();
      for (int i = 0; i < 200; i++) {
        ResultSets.query(c, sql);
      }
      long after = ProcessFigures.heapAfterGc();
      System.out.println("[KD-1] heap after GC " + ProcessFigures.mb(before) + " -> " + ProcessFigures.mb(after));
      assertThat(after - before).as("heap retained by 200 finished queries").isLessThan(6L << 20);
    }
  }

  /** KD-2: closed connections are collected (their plan cache lives in the connection). */
  @Test
  void kd2_closedConnectionsAreNotRetained() throws Exception {
    try (SandboxFixture f = SandboxFixture.start(Workload.TOKENS, LabelMatching.EXACT)) {
      for (int i = 0; i < 5; i++) {
        try (Connection c = f.connect()) {
          ResultSets.query(c, "SELECT * FROM personal_access_tokens");
        }
      }
      long before = ProcessFigures.heapAfterGc();
      for (int i = 0; i < 40; i++) {
        try (Connection c = f.connect()) {
          ResultSets.query(c, "SELECT * FROM personal_access_tokens");
          ResultSets.query(c, "SELECT COUNT(*) FROM personal_access_tokens WHERE id > 3");
        }
      }
      long after = ProcessFigures.heapAfterGc();
      System.out.println("[KD-2] heap after GC " + ProcessFigures.mb(before) + " -> " + ProcessFigures.mb(after));
      assertThat(after - before).as("heap retained by 40 closed connections").isLessThan(8L << 20);
    }
  }

  /** KD-3: an id that cannot exist (below 1) costs no request. */
  @Test
  void kd3_noRequestForANegativeId() throws Exception {
    sql("SELECT id FROM personal_access_tokens WHERE id = -1").requests(0).returnsCount(0);
  }

  /** KD-4: DELETE and REPLACE report their update counts. */
  @Test
  void kd4_deleteAndReplaceCountTheirRows() throws Exception {
    try (SandboxFixture f = SandboxFixture.start(Workload.TOKENS, LabelMatching.EXACT);
        Connection c = f.connect(); Statement st = c.createStatement()) {
      // executeUpdate (int) itself is what KD-4 was about
      assertThat(st.executeUpdate(
          "DELETE FROM linode.profile.personal_access_tokens WHERE tokenId = 5")).isEqualTo(1);
      assertThat(st.executeUpdate("REPLACE linode.profile.personal_access_tokens"
          + " SET data__label = 'x' WHERE tokenId = 8")).isEqualTo(1);
      assertThat(f.server().store().get(5)).isEmpty();
      assertThat(f.token(8).label()).isEqualTo("x");
    }
  }

  /** KD-5: a label with an unpaired surrogate is refused, not silently changed. */
  @Test
  void kd5_unpairedSurrogateIsRefused() throws Exception {
    SQLException e = sql("INSERT INTO linode.profile.personal_access_tokens"
        + " (data__label, data__scopes) VALUES (?, '*') RETURNING id, label").params("\ud800")
        .requestsMatching(sent -> assertThat(sent).noneMatch(r -> r.method().equals("POST")))
        .failure();
    assertThat(e.getSQLState()).startsWith("22");
  }

  /**
   * KD-8, KD-9: an IN list past what Calcite's code generation can compile (about 2,000 values
   * overflowed its stack and came back as "null", SQLSTATE HY000) is refused up front with a
   * clear 54001 and nothing sent; 1,000 values answer.
   */
  @Test
  void kd8_kd9_longInListsAnswerOrFailClearly() throws Exception {
    String thousand = IntStream.rangeClosed(1, 1_000).mapToObj(Integer::toString)
        .collect(Collectors.joining(","));
    sql("SELECT id FROM personal_access_tokens WHERE id IN (" + thousand + ")")
        .returnsCount((int) Workload.TOKENS.stream().filter(t -> t.id() <= 1_000).count());
    String tenThousand = IntStream.rangeClosed(1, 10_000).mapToObj(Integer::toString)
        .collect(Collectors.joining(","));
    sql("SELECT id FROM personal_access_tokens WHERE id IN (" + tenThousand + ")").requests(0)
        .failsWith("54001", "IN list of 10000 values");
  }

  /**
   * Formerly KD-7: a U+0000 in a LIKE pattern acted as an escape character (Calcite's "no escape"
   * sentinel). LIKE now always has PostgreSQL's escape, backslash, so NUL is an ordinary character:
   * {@code "\u0000'%"} is a valid pattern that matches no label.
   */
  @Test
  void nulInLikePatternIsAnOrdinaryCharacter() throws Exception {
    sql("SELECT id FROM personal_access_tokens WHERE label LIKE ?").params("\u0000'%")
        .returnsCount(0);
  }

  /** A chain on a sandbox of its own holding the reliability workload's tokens. */
  private static LinodeAssert sql(String sql) {
    return LinodeAssert.sql(sql).withTokens(Workload.TOKENS);
  }
}
