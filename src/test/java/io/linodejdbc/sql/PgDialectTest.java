package io.linodejdbc.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linodejdbc.sandbox.LabelMatching;
import io.linodejdbc.sandbox.RecordedRequest;
import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.sql.parser.PgLexer;
import io.linodejdbc.testing.SandboxFixture;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL spellings that the differential corpus cannot show: writes, what is sent to the
 * API, the lexical rewrites, and casts to types the driver does not know.
 */
class PgDialectTest {
  private SandboxFixture fixture;
  private Connection conn;

  @BeforeEach
  void start() throws SQLException {
    fixture = SandboxFixture.start(SampleData.demo(), LabelMatching.EXACT);
    conn = fixture.connect();
  }

  @AfterEach
  void stop() throws SQLException {
    conn.close();
    fixture.close();
  }

  @Test
  void writesTakeTheSameExpressions() throws SQLException {
    try (Statement s = conn.createStatement()) {
      try (ResultSet rs = s.executeQuery("INSERT INTO personal_access_tokens (label, expiry, scopes)"
          + " VALUES ('ci', now() + interval '90 days', '*') RETURNING label, expiry")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("ci");
        assertThat(rs.getTimestamp(2).toLocalDateTime())
            .isAfter(java.time.LocalDateTime.now().plusDays(89));
      }
      int expired;
      try (ResultSet rs = s.executeQuery(
          "SELECT count(*) FROM personal_access_tokens WHERE expiry < now()")) {
        rs.next();
        expired = rs.getInt(1);
      }
      assertThat(expired).isPositive();
      assertThat(s.executeUpdate("DELETE FROM personal_access_tokens WHERE expiry < now()"))
          .isEqualTo(expired);
    }
  }

  @Test
  void ilikeWithoutLettersIsAPreFilterAndWithLettersIsNot() throws SQLException {
    run("SELECT id FROM personal_access_tokens WHERE label ILIKE '%-%'");
    assertThat(filters()).containsExactly("{\"label\":{\"+contains\":\"-\"}}");
    run("SELECT id FROM personal_access_tokens WHERE label ILIKE '%CI%'");
    assertThat(filters()).containsExactly("");
  }

  @Test
  void createdAgainstNowStaysAnOrdinaryComparison() throws SQLException {
    // a created bound built from now() (the performance work may push it; the answer is the same)
    assertThat(run("SELECT id FROM personal_access_tokens"
        + " WHERE created > now() - interval '100 years'")).hasSize(8);
    assertThat(run("SELECT id FROM personal_access_tokens WHERE expiry < now()"))
        .containsExactly("6");
  }

  @Test
  void unknownTypeNamesBecomeFunctionCalls() throws SQLException {
    assertThatThrownBy(() -> run("SELECT 'personal_access_tokens'::nosuchtype"))
        .isInstanceOf(SQLException.class)
        .hasMessageStartingWith("function nosuchtype(unknown) does not exist");
    assertThatThrownBy(() -> run("SELECT CAST(id AS nosuchtype) FROM personal_access_tokens"))
        .hasMessageStartingWith("function nosuchtype(integer) does not exist");
    // the catalog supplies regclass(), so PostgreSQL's cast resolves (psql and pgJDBC send it),
    // also written schema-qualified as psql does
    assertThat(run("SELECT 'personal_access_tokens'::regclass")).hasSize(1);
    assertThat(run("SELECT 'personal_access_tokens'::pg_catalog.regclass")).hasSize(1);
    assertThatThrownBy(() -> run("SELECT '{a}'::text[]"))
        .hasMessageStartingWith("function _text(unknown) does not exist");
  }

  @Test
  void lexerRewritesOnlyOutsideLiteralsAndComments() {
    assertThat(PgLexer.rewrite("SELECT E'a\\tb', 'E''x''', $$it's$$ -- E'y'"))
        .isEqualTo("SELECT 'a\tb', 'E''x''', 'it''s' -- E'y'");
    String operator = "SELECT x FROM t WHERE a OPERATOR(pg_catalog.~) 'b'";
    assertThat(PgLexer.rewrite(operator))
        .isEqualTo("SELECT x FROM t WHERE a  ~" + " ".repeat(21) + "'b'")
        .hasSameSizeAs(operator); // positions in error messages stay right
    assertThat(PgLexer.rewrite("SELECT interval '3 days', INTERVAL '3' DAY, 'interval ''x'''"))
        .isEqualTo("SELECT '3 days'::interval, INTERVAL '3' DAY, 'interval ''x'''");
    assertThat(PgLexer.rewrite("SELECT a COLLATE pg_catalog.\"default\" AS day, CAST(b AS date)"))
        .isEqualTo("SELECT a                              AS \"day\", CAST(b AS date)");
  }

  @Test
  void lexerQuotesReservedWordsWhereNamesStand() {
    assertThat(PgLexer.rewrite("SELECT 1 AS one, 2 AS default, CAST(x AS date) FROM (SELECT 1) result"))
        .isEqualTo("SELECT 1 AS \"one\", 2 AS \"default\", CAST(x AS date) FROM (SELECT 1) \"result\"");
    assertThat(PgLexer.rewrite("SELECT value, t.day FROM t WHERE value = 1 ORDER BY day"))
        .isEqualTo("SELECT \"value\", t.\"day\" FROM t WHERE \"value\" = 1 ORDER BY \"day\"");
    // the keywords keep their meaning where they are keywords
    String keywords = "SELECT count(*), EXTRACT(DAY FROM c), DATE '2024-01-01', INTERVAL '1' DAY,"
        + " FLOOR(c TO DAY), TIMESTAMPADD(DAY, 1, c) FROM (SELECT 1) x LEFT JOIN y ON a = b"
        + " WHERE (SELECT 1) BETWEEN 0 AND 2";
    assertThat(PgLexer.rewrite(keywords)).isEqualTo(keywords);
    assertThat(PgLexer.rewrite("CREATE VIEW v AS SELECT 1")).isEqualTo("CREATE VIEW v AS SELECT 1");
  }

  @Test
  void reservedWordsAsNamesAndParenthesisedAccess() throws SQLException {
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("SELECT 1 AS one, 2 AS default, value, result.day,"
            + " (r).expr$1, (ARRAY[10, 20, 30])[2], (current_schemas(true))[1]"
            + " FROM (SELECT 3 AS value, 4 AS day, ROW(5, 6) AS r) result WHERE value = 3")) {
      java.sql.ResultSetMetaData md = rs.getMetaData();
      List<String> names = new java.util.ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        names.add(md.getColumnLabel(i));
      }
      assertThat(names).containsExactly("one", "default", "value", "day", "expr$1", "array",
          "current_schemas");
      assertThat(rs.next()).isTrue();
      assertThat(List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
          rs.getInt(6))).containsExactly(1, 2, 3, 4, 6, 20);
      assertThat(rs.getString(7)).isEqualTo("pg_catalog");
      assertThat(rs.next()).isFalse();
    }
  }

  private List<String> filters() {
    return fixture.requests().stream().filter(r -> r.path().endsWith("/profile/tokens"))
        .map(r -> r.header("X-Filter").orElse("")).toList();
  }

  private List<String> run(String sql) throws SQLException {
    fixture.clearRequests();
    List<String> out = new java.util.ArrayList<>();
    try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
