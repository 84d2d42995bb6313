package io.linodejdbc.dml;

import static io.linodejdbc.dml.KnownDefects.defect;
import static io.linodejdbc.testing.ResultSets.strings;
import static org.assertj.core.api.Assertions.assertThat;

import io.linodejdbc.sandbox.LabelMatching;
import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.sandbox.SandboxToken;
import io.linodejdbc.testing.LinodeAssert;
import io.linodejdbc.testing.SandboxFixture;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exact HTTP requests (and bodies) each shape of INSERT / UPDATE / REPLACE / DELETE sends, the
 * statements refused before anything is written, dry runs, and update counts. Every test starts
 * from a fresh sandbox with the demo tokens (token 1 is the connection's own).
 */
class WriteRequestsTest {
  private static final String T = "personal_access_tokens";
  private static final String LONG_LABEL = "x".repeat(101);

  /** A chain on {@code box} and its dry-run connection {@code c}. */
  private static LinodeAssert dry(SandboxFixture box, Connection c, String sql) {
    return LinodeAssert.sql(sql).on(box, c);
  }

  /** A chain on {@code box}, one new connection per run. */
  private static LinodeAssert sql(SandboxFixture box, String sql) {
    return LinodeAssert.sql(sql).on(box);
  }

  @Test void insertValuesOfTwoRowsIsTwoPostsWithExactlyTheGivenColumns() throws Exception {
    try (SandboxFixture box = SandboxFixture.demo()) {
      sql(box, "INSERT INTO " + T + " (label, scopes, expiry) VALUES"
          + " ('a', 'linodes:read_only', NULL), (NULL, NULL, '2030-01-01T00:00:00')")
          .sends("POST /v4/profile/tokens {\"label\":\"a\",\"scopes\":\"linodes:read_only\"}",
              "POST /v4/profile/tokens {\"expiry\":\"2030-01-01T00:00:00\"}")
          .updates(2);
      assertThat(box.ids()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
      assertThat(box.token(9).label()).isEqualTo("a");
      assertThat(box.token(9).scopes()).isEqualTo("linodes:read_only");
      assertThat(box.token(9).expiry()).isNull();
      assertThat(box.token(10).label()).isNull();
      assertThat(box.token(10).scopes()).isEqualTo("*");
      assertThat(box.token(10).expiry()).isEqualTo(LocalDateTime.of(2030, 1, 1, 0, 0));
      box.assertConforms();
    }
  }

  @Test void insertSelectReadsTheSourceThenPostsOnePerRow() throws Exception {
    try (SandboxFixture box = SandboxFixture.demo()) {
      sql(box, "INSERT INTO " + T + " (label, scopes)"
          + " SELECT 'copy-' || label, scopes FROM " + T + " WHERE id IN (2, 3)").updates(2);
      List<String> requests = box.requestLines();
      assertThat(requests.subList(0, 2)).containsExactlyInAnyOrder("GET /v4/profile/tokens/2",
          "GET /v4/profile/tokens/3");
      assertThat(requests.subList(2, 4)).containsExactlyInAnyOrder(
          "POST /v4/profile/tokens {\"label\":\"copy-ci-deploy\","
              + "\"scopes\":\"linodes:read_write lke:read_write\"}",
          "POST /v4/profile/tokens {\"label\":\"copy-terraform\",\"scopes\":\"*\"}");
      assertThat(requests).hasSize(4);
      assertThat(List.of(box.token(9).label(), box.token(10).label()))
          .containsExactlyInAnyOrder("copy-ci-deploy", "copy-terraform");
      box.assertConforms();
    }
  }

  @ParameterizedTest
  @MethodSource("updatesById")
  void updateOrReplaceByIdIsOneGetAndOnePut(String sql) throws Exception {
    try (SandboxFixture box = SandboxFixture.demo()) {
      SandboxToken before = box.token(2);
      sql(box, sql).sends("GET /v4/profile/tokens/2",
          "PUT /v4/profile/tokens/2 {\"label\":\"new label\"}").updates(1);
      assertThat(box.token(2)).isEqualTo(before.withLabel("new label"));
      assertThat(box.server().store().all().stream().filter(t -> t.id() != 2))
          .containsExactlyElementsOf(SampleData.demo().stream().filter(t -> t.id() != 2).toList());
      box.assertConforms();
    }
  }

  static Stream<String> updatesById() {
    return Stream.of(
        "UPDATE " + T + " SET label = 'new label' WHERE id = 2",
        "UPDATE linode.profile." + T + " t SET label = 'new label' WHERE t.id = 2",
        "REPLACE linode.profile." + T + " SET data__label = 'new label' WHERE tokenId = 2",
        "REPLACE " + T + " SET label = 'new label' WHERE id = 2;");
  }

  /** Labels "ci" ×3, "CI" ×1 and "ci " ×1 among others. */
  private static List<SandboxToken> duplicateLabels() {
    List<SandboxToken> tokens = new ArrayList<>(SampleData.demo());
    String[] labels = {"ci", "CI", "ci", "ci ", "ci"};
    for (int i = 0; i < labels.length; i++) {
      tokens.add(new SandboxToken(20 + i, labels[i], "*", LocalDateTime.of(2024, 5, 1, 0, 0, i),
          null, ("dup" + i).repeat(22).substring(0, 64)));
    }
    return tokens;
  }

  @ParameterizedTest
  @EnumSource(LabelMatching.class)
  void updateByLabelIsOneFilteredListAndOnePutPerMatchingRow(LabelMatching matching)
      throws Exception {
    try (SandboxFixture box = SandboxFixture.start(duplicateLabels(), matching, Clock.systemUTC())) {
      sql(box, "UPDATE " + T + " SET label = 'ci-old' WHERE label = 'ci'").sends(
          "GET /v4/profile/tokens?page=1&page_size=500 X-Filter={\"label\":\"ci\"}",
          "PUT /v4/profile/tokens/20 {\"label\":\"ci-old\"}",
          "PUT /v4/profile/tokens/22 {\"label\":\"ci-old\"}",
          "PUT /v4/profile/tokens/24 {\"label\":\"ci-old\"}").updates(3);
      assertThat(box.labels()).containsEntry(20, "ci-old").containsEntry(21, "CI")
          .containsEntry(22, "ci-old").containsEntry(23, "ci ").containsEntry(24, "ci-old");
      box.assertConforms();
    }
  }

  @Test void deleteByIdListIsKeyLookupsThenOneDeletePerExistingRow() throws Exception {
    try (SandboxFixture box = SandboxFixture.demo()) {
      sql(box, "DELETE FROM " + T + " WHERE id IN (4, 5, 99)").updates(2);
      List<String> requests = box.requestLines();
      assertThat(requests).hasSize(5);
      assertThat(requests.subList(0, 3)).containsExactlyInAnyOrder("GET /v4/profile/tokens/4",
          "GET /v4/profile/tokens/5", "GET /v4/profile/tokens/99");
      assertThat(requests.subList(3, 5)).containsExactly("DELETE /v4/profile/tokens/4",
          "DELETE /v4/profile/tokens/5");
      assertThat(box.ids()).containsExactly(1, 2, 3, 6, 7, 8);
      box.assertConforms();
    }
  }

  @Test void noMatchCountsZeroAndSendsNoWrite() throws Exception {
    try (SandboxFixture box = SandboxFixture.demo()) {
      sql(box, "UPDATE " + T + " SET label = 'x' WHERE id = 999")
          .sends("GET /v4/profile/tokens/999").updates(0);
      sql(box, "DELETE FROM " + T + " WHERE label = 'nope'")
          .sends("GET /v4/profile/tokens?page=1&page_size=500 X-Filter={\"label\":\"nope\"}")
          .updates(0);
      sql(box, "INSERT INTO " + T + " (label) SELECT label FROM " + T + " WHERE id = 999")
          .sends("GET /v4/profile/tokens/999").updates(0);
      assertThat(box.server().store().all()).isEqualTo(SampleData.demo());
    }
  }

  /** A refused statement: SQLSTATE, and the requests allowed before the refusal (no write). */
  record Refusal(String sql, String state, List<String> requests, String message) {
    @Override public String toString() {
      return sql.length() > 90 ? sql.substring(0, 90) + "…" : sql;
    }
  }

  static Stream<Refusal> refusals() {
    return Stream.of(
        new Refusal("UPDATE " + T + " SET label = 'all'", "55000", List.of(), "allowFullTableDml"),
        new Refusal("DELETE FROM " + T, "55000", List.of(), "allowFullTableDml"),
        new Refusal("DELETE FROM " + T + " WHERE id = 1", "55000",
            List.of("GET /v4/profile/tokens/1"), "allowRevokeSelf"),
        new Refusal("DELETE FROM " + T + " WHERE id IN (2, 1)", "55000",
            List.of("GET /v4/profile/tokens/1", "GET /v4/profile/tokens/2"), "allowRevokeSelf"),
        new Refusal("DELETE FROM " + T + " WHERE label = 'linode-sql'", "55000",
            List.of("GET /v4/profile/tokens?page=1&page_size=500"
                + " X-Filter={\"label\":\"linode-sql\"}"), "Nothing was deleted"),
        new Refusal("UPDATE " + T + " SET id = 50 WHERE id = 2", "428C9", List.of(), "'id'"),
        new Refusal("INSERT INTO " + T + " (id, label) VALUES (50, 'x')", "428C9", List.of(), "'id'"),
        new Refusal("INSERT INTO " + T + " (created) VALUES (TIMESTAMP '2030-01-01 00:00:00')",
            "428C9", List.of(), "'created'"),
        new Refusal("INSERT INTO " + T + " (label, token) VALUES ('x', 'mine')", "428C9", List.of(),
            "'token'"),
        new Refusal("UPDATE " + T + " SET token = 'x' WHERE id = 2", "428C9", List.of(), "'token'"),
        new Refusal("INSERT INTO " + T + " VALUES (50, TIMESTAMP '2024-01-01 00:00:00', NULL, 'x',"
            + " '*', 'y')", "428C9", List.of(), "name the columns"),
        new Refusal("UPDATE " + T + " SET scopes = '*' WHERE id = 2", "428C9", List.of(), "only label"),
        new Refusal("UPDATE " + T + " SET expiry = NULL WHERE id = 2", "428C9", List.of(), "only label"),
        new Refusal("REPLACE " + T + " SET data__expiry = '2031-01-01T00:00:00' WHERE tokenId = 2",
            "428C9", List.of(), "only label"),
        new Refusal("INSERT INTO " + T + " (label) VALUES ('" + LONG_LABEL + "')", "22001",
            List.of(), "101"),
        new Refusal("UPDATE " + T + " SET label = '" + LONG_LABEL + "' WHERE id = 2", "22001",
            List.of("GET /v4/profile/tokens/2"), "101"),
        new Refusal("INSERT INTO " + T + " (label) VALUES ('ok'), ('" + LONG_LABEL + "')",
            "22001", List.of(), "101"),
        new Refusal("INSERT INTO " + T + " (label) VALUES ('')", "22023", List.of(), "empty"),
        new Refusal("UPDATE " + T + " SET label = '' WHERE id = 2", "22023",
            List.of("GET /v4/profile/tokens/2"), "empty"),
        new Refusal("UPDATE " + T + " SET label = NULL WHERE id = 2", "22023",
            List.of("GET /v4/profile/tokens/2"), "NULL"),
        new Refusal("INSERT INTO " + T + " (scopes) VALUES ('foo:read_only')", "22023", List.of(),
            "foo:read_only"),
        new Refusal("INSERT INTO " + T + " (scopes) VALUES ('linodes:write')", "22023", List.of(),
            "linodes:write"),
        new Refusal("INSERT INTO " + T + " (scopes) VALUES ('linodes:read_only linodes:read_write')",
            "22023", List.of(), "twice"),
        new Refusal("INSERT INTO " + T + " (scopes) VALUES ('')", "22023", List.of(), "scopes"),
        new Refusal("INSERT INTO " + T + " (expiry) VALUES ('2020-01-01T00:00:00')", "22023",
            List.of(), "not in the future"),
        new Refusal("INSERT INTO " + T + " (expiry) VALUES (TIMESTAMP '2021-06-01 00:00:00')",
            "22023", List.of(), "not in the future"),
        new Refusal("INSERT INTO " + T + " (expiry) VALUES ('next tuesday')", "22023", List.of(),
            "not a date-time"),
        new Refusal("INSERT INTO " + T + " (label) VALUES ('a', 'b')", "21S01", List.of(), "2"),
        new Refusal("UPDATE " + T + " SET label = 'a', label = 'b' WHERE id = 2", "42701",
            List.of(), "twice"),
        new Refusal("UPDATE " + T + " SET nosuch = 'a' WHERE id = 2", "42703", List.of(), "nosuch"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void refusedStatementsSendNoWrite(Refusal r) throws Exception {
    try (SandboxFixture box = SandboxFixture.demo()) {
      // The reads that find the rows may stop at the first refused row: at most those listed.
      sql(box, r.sql()).requestsMatching(sent -> {
        assertThat(SandboxFixture.describe(sent)).isSubsetOf(r.requests());
        assertThat(sent).allMatch(q -> q.method().equals("GET"));
      }).failsWith(r.state(), r.message());
      assertThat(box.server().store().all()).isEqualTo(SampleData.demo());
    }
  }

  @Test void readOnlyConnectionRefusesEveryWriteWithoutARequest() throws Exception {
    try (SandboxFixture box = SandboxFixture.demo()) {
      Connection c = box.connect();
      c.setReadOnly(true);
      for (String sql : List.of("INSERT INTO " + T + " (label) VALUES ('x')",
          "UPDATE " + T + " SET label = 'y' WHERE id = 2",
          "REPLACE " + T + " SET data__label = 'y' WHERE tokenId = 2",
          "DELETE FROM " + T + " WHERE id = 2")) {
        LinodeAssert.sql(sql).on(box, c).requests(0).failsWith("25006", "read-only");
      }
      LinodeAssert.sql("SELECT COUNT(*) AS n FROM " + T).on(box, c).returns("n=8");
      assertThat(box.server().store().all()).isEqualTo(SampleData.demo());
    }
  }

  @Test void fullTableWritesNeedAllowFullTableDml() throws Exception {
    try (SandboxFixture box = SandboxFixture.demo()) {
      Connection c = box.connect(Map.of("allowFullTableDml", "true"));
      LinodeAssert.sql("UPDATE " + T + " SET label = 'same'").on(box, c).updates(8);
      List<String> requests = box.requestLines();
      assertThat(requests.get(0)).isEqualTo("GET /v4/profile/tokens?page=1&page_size=500");
      assertThat(requests.subList(1, requests.size())).containsExactly(
          "PUT /v4/profile/tokens/1 {\"label\":\"same\"}",
          "PUT /v4/profile/tokens/2 {\"label\":\"same\"}",
          "PUT /v4/profile/tokens/3 {\"label\":\"same\"}",
          "PUT /v4/profile/tokens/4 {\"label\":\"same\"}",
          "PUT /v4/profile/tokens/5 {\"label\":\"same\"}",
          "PUT /v4/profile/tokens/6 {\"label\":\"same\"}",
          "PUT /v4/profile/tokens/7 {\"label\":\"same\"}",
          "PUT /v4/profile/tokens/8 {\"label\":\"same\"}");
      assertThat(box.labels().values()).containsOnly("same");
      // DELETE without WHERE would revoke the own token too: still refused, nothing revoked.
      LinodeAssert.sql("DELETE FROM " + T).on(box, c)
          .requestsMatching(sent -> assertThat(sent).allMatch(q -> q.method().equals("GET")))
          .failsWith("55000");
      assertThat(box.ids()).hasSize(8);
      box.assertConforms();
    }
  }

  @Test void dryRunAnswersWithTheRequestsAndSendsNoWrite() throws Exception {
    try (SandboxFixture box = SandboxFixture.demo()) {
      Connection c = box.connect(Map.of("dryRun", "true"));
      dry(box, c, "INSERT INTO " + T + " (label, scopes, expiry) VALUES"
          + " ('a', 'linodes:read_only', NULL), (NULL, NULL, TIMESTAMP '2030-01-01 00:00:00')")
          .requests(0).returns(t -> assertThat(t.rows()).containsExactly(
              List.of("POST", "/profile/tokens", "{\"label\":\"a\",\"scopes\":\"linodes:read_only\"}"),
              List.of("POST", "/profile/tokens", "{\"expiry\":\"2030-01-01T00:00:00\"}")));

      dry(box, c, "UPDATE " + T + " SET label = 'z' WHERE id IN (2, 4)")
          .requestsMatching(r -> assertThat(SandboxFixture.describe(r)).containsExactlyInAnyOrder(
              "GET /v4/profile/tokens/2", "GET /v4/profile/tokens/4"))
          .returns(t -> assertThat(t.rows()).containsExactly(
              List.of("PUT", "/profile/tokens/2", "{\"label\":\"z\"}"),
              List.of("PUT", "/profile/tokens/4", "{\"label\":\"z\"}")));

      dry(box, c, "REPLACE linode.profile." + T + " SET data__label = 'r'"
          + " WHERE tokenId = 3 RETURNING id, token;").sends("GET /v4/profile/tokens/3")
          .returns(t -> assertThat(t.rows())
              .containsExactly(List.of("PUT", "/profile/tokens/3", "{\"label\":\"r\"}")));

      dry(box, c, "DELETE FROM " + T + " WHERE label = 'terraform'")
          .sends("GET /v4/profile/tokens?page=1&page_size=500 X-Filter={\"label\":\"terraform\"}")
          .returns(t -> {
            assertThat(t.rows()).hasSize(1);
            assertThat(t.rows().get(0)).containsExactly("DELETE", "/profile/tokens/3", null);
          });
      box.clearRequests();

      // The rails still apply in a dry run.
      dry(box, c, "DELETE FROM " + T + " WHERE id = 1").failsWith("55000");
      dry(box, c, "UPDATE " + T + " SET label = 'q'").failsWith("55000");
      assertThat(box.writes()).isEmpty();
      assertThat(box.server().store().all()).isEqualTo(SampleData.demo());
      box.assertConforms();
    }
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * Update counts through the JDBC API. INSERT's are right; UPDATE, REPLACE and DELETE report -1
   * from executeUpdate (and execute() says a result set came back): the write planner gives them
   * Avatica statement types UPDATE/DELETE, whose {@code canUpdate()} is false (only INSERT and
   * IS_DML are), so Avatica never reads the ROWCOUNT. The writes themselves are sent.
   */
  static final List<KnownDefects.Defect> FIXED_DEFECTS = List.of(
      defect("executeUpdate(UPDATE … WHERE id = 2): expected 1, actual -1", () -> {
        try (SandboxFixture box = SandboxFixture.demo(); Statement s = box.connect().createStatement()) {
          assertThat(s.executeUpdate("UPDATE " + T + " SET label = 'n' WHERE id = 2")).isEqualTo(1);
        }
      }),
      defect("executeUpdate(REPLACE … WHERE tokenId = 2): expected 1, actual -1", () -> {
        try (SandboxFixture box = SandboxFixture.demo(); Statement s = box.connect().createStatement()) {
          assertThat(s.executeUpdate("REPLACE " + T + " SET data__label = 'n' WHERE tokenId = 2"))
              .isEqualTo(1);
        }
      }),
      defect("executeUpdate(DELETE … WHERE id IN (4, 5, 99)): expected 2, actual -1", () -> {
        try (SandboxFixture box = SandboxFixture.demo(); Statement s = box.connect().createStatement()) {
          assertThat(s.executeUpdate("DELETE FROM " + T + " WHERE id IN (4, 5, 99)")).isEqualTo(2);
        }
      }),
      defect("executeUpdate(UPDATE … WHERE id = 999) (no match): expected 0, actual -1", () -> {
        try (SandboxFixture box = SandboxFixture.demo(); Statement s = box.connect().createStatement()) {
          assertThat(s.executeUpdate("UPDATE " + T + " SET label = 'n' WHERE id = 999")).isZero();
        }
      }),
      defect("executeLargeUpdate(DELETE … WHERE id = 4): expected 1, actual -1", () -> {
        try (SandboxFixture box = SandboxFixture.demo(); Statement s = box.connect().createStatement()) {
          assertThat(s.executeLargeUpdate("DELETE FROM " + T + " WHERE id = 4")).isEqualTo(1L);
        }
      }),
      defect("execute(DELETE … WHERE id = 4): expected false + getUpdateCount() 1, actual true"
          + " (a ROWCOUNT result set) + -1", () -> {
        try (SandboxFixture box = SandboxFixture.demo(); Statement s = box.connect().createStatement()) {
          assertThat(s.execute("DELETE FROM " + T + " WHERE id = 4")).isFalse();
          assertThat(s.getUpdateCount()).isEqualTo(1);
        }
      }),
      defect("DELETE FROM t with allowFullTableDml=true and allowRevokeSelf=true: expected all 8"
          + " tokens revoked (the own token last); actual: token 1 (own) is revoked first, the"
          + " next DELETE gets 401 and the statement stops after 1 of 8 (28000)", () -> {
        try (SandboxFixture box = SandboxFixture.demo()) {
          Connection c = box.connect(Map.of("allowFullTableDml", "true",
              "allowRevokeSelf", "true"));
          try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM " + T);
          }
          assertThat(box.ids()).isEmpty();
        }
      }),
      defect("EXPLAIN PLAN FOR DELETE … WHERE id = 2: expected a plan (or a clean 42000),"
          + " actual Calcite planner dump 'not enough rules' with SQLSTATE null", () -> {
        try (SandboxFixture box = SandboxFixture.demo()) {
          Connection c = box.connect();
          try {
            strings(c, "EXPLAIN PLAN FOR DELETE FROM " + T + " WHERE id = 2");
          } catch (SQLException e) {
            assertThat(e.getSQLState()).isEqualTo("42000");
          }
        }
      }));

  @TestFactory List<DynamicTest> formerDefectsStayFixed() {
    return KnownDefects.stayFixed(FIXED_DEFECTS);
  }

  /** The writes of the defective-count statements are still sent (only the count is wrong). */
  @Test void updateAndDeleteRunThroughExecuteUpdateDespiteTheCount() throws Exception {
    try (SandboxFixture box = SandboxFixture.demo()) {
      Connection c = box.connect();
      box.clearRequests();
      try (Statement s = c.createStatement()) {
        s.executeUpdate("UPDATE " + T + " SET label = 'n' WHERE id = 2");
        s.executeUpdate("DELETE FROM " + T + " WHERE id = 4");
      }
      assertThat(box.writes()).containsExactly("PUT /v4/profile/tokens/2 {\"label\":\"n\"}",
          "DELETE /v4/profile/tokens/4");
    }
  }
}
