package io.linodejdbc.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.linodejdbc.sandbox.LabelMatching;
import io.linodejdbc.sandbox.RecordedRequest;
import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.sql.parser.PgLexer;
import io.linodejdbc.testing.LinodeAssert;
import io.linodejdbc.testing.SandboxFixture;
import java.sql.SQLException;
import java.time.LocalDateTime;
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

  @BeforeEach
  void start() throws SQLException {
    fixture = SandboxFixture.start(SampleData.demo(), LabelMatching.EXACT);
  }

  @AfterEach
  void stop() throws SQLException {
    fixture.close();
  }

  @Test
  void writesTakeTheSameExpressions() {
    List<String> row = sql("INSERT INTO personal_access_tokens (label, expiry, scopes)"
        + " VALUES ('ci', now() + interval '90 days', '*') RETURNING label, expiry")
        .table().rows().get(0);
    assertThat(row.get(0)).isEqualTo("ci");
    assertThat(LocalDateTime.parse(row.get(1).replace(' ', 'T')))
        .isAfter(LocalDateTime.now().plusDays(89));
    int expired = Integer.parseInt(sql("SELECT count(*) FROM personal_access_tokens"
        + " WHERE expiry < now()").table().rows().get(0).get(0));
    assertThat(expired).isPositive();
    sql("DELETE FROM personal_access_tokens WHERE expiry < now()").updates(expired);
  }

  @Test
  void ilikeWithoutLettersIsAPreFilterAndWithLettersIsNot() {
    sql("SELECT id FROM personal_access_tokens WHERE label ILIKE '%-%'")
        .requestsMatching(r -> assertThat(filters(r)).containsExactly("{\"label\":{\"+contains\":\"-\"}}"))
        .table();
    sql("SELECT id FROM personal_access_tokens WHERE label ILIKE '%CI%'")
        .requestsMatching(r -> assertThat(filters(r)).containsExactly("")).table();
  }

  @Test
  void createdAgainstNowStaysAnOrdinaryComparison() {
    // a created bound built from now() (the performance work may push it; the answer is the same)
    sql("SELECT id FROM personal_access_tokens WHERE created > now() - interval '100 years'")
        .returnsCount(8);
    sql("SELECT id FROM personal_access_tokens WHERE expiry < now()").returns("id=6");
  }

  @Test
  void unknownTypeNamesBecomeFunctionCalls() {
    assertThat(sql("SELECT 'personal_access_tokens'::nosuchtype").failure().getMessage())
        .startsWith("function nosuchtype(unknown) does not exist");
    assertThat(sql("SELECT CAST(id AS nosuchtype) FROM personal_access_tokens").failure().getMessage())
        .startsWith("function nosuchtype(integer) does not exist");
    // the catalog supplies regclass(), so PostgreSQL's cast resolves (psql and pgJDBC send it),
    // also written schema-qualified as psql does
    sql("SELECT 'personal_access_tokens'::regclass").returnsCount(1);
    sql("SELECT 'personal_access_tokens'::pg_catalog.regclass").returnsCount(1);
    assertThat(sql("SELECT '{a}'::text[]").failure().getMessage())
        .startsWith("function _text(unknown) does not exist");
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
  void reservedWordsAsNamesAndParenthesisedAccess() {
    sql("SELECT 1 AS one, 2 AS default, value, result.day,"
        + " (r).expr$1, (ARRAY[10, 20, 30])[2], (current_schemas(true))[1]"
        + " FROM (SELECT 3 AS value, 4 AS day, ROW(5, 6) AS r) result WHERE value = 3")
        .columns("one", "default", "value", "day", "expr$1", "array", "current_schemas")
        .returns("one=1; default=2; value=3; day=4; expr$1=6; array=20; current_schemas=pg_catalog");
  }

  /** A chain on this test's sandbox. */
  private LinodeAssert sql(String sql) {
    return LinodeAssert.sql(sql).on(fixture);
  }

  private static List<String> filters(List<RecordedRequest> requests) {
    return requests.stream().filter(r -> r.path().endsWith("/profile/tokens"))
        .map(r -> r.header("X-Filter").orElse("")).toList();
  }
}
