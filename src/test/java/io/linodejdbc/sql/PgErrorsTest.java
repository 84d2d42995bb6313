package io.linodejdbc.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.linodejdbc.sandbox.LabelMatching;
import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.testing.LinodeAssert;
import io.linodejdbc.testing.SandboxFixture;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each kind of mistake in a statement gives PostgreSQL's one-line message and SQLSTATE
 * ({@link PgErrors}), through the driver as a user meets it.
 */
class PgErrorsTest {
  private static SandboxFixture fixture;

  @BeforeAll
  static void start() throws SQLException {
    fixture = SandboxFixture.start(SampleData.adversarial(50, 7), LabelMatching.EXACT);
  }

  @AfterAll
  static void stop() throws SQLException {
    fixture.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      SELECT created:: FROM personal_access_tokens | 42601 | syntax error at or near "::" (line 1, column 15)
      SELECT label FROM personal_access_tokens WHERE | 42601 | syntax error at end of input
      SELECT FROM WHERE | 42601 | syntax error at or near "FROM" (line 1, column 8)
      SELECT foo(1) | 42883 | function foo(integer) does not exist (line 1, column 8)
      SELECT foo('a', id) FROM personal_access_tokens | 42883 | function foo(unknown, integer) does not exist
      SELECT lable FROM personal_access_tokens | 42703 | column "lable" does not exist (line 1, column 8); perhaps you meant "label"
      SELECT nothing_like_it FROM personal_access_tokens | 42703 | column "nothing_like_it" does not exist (line 1, column 8)
      SELECT * FROM personal_access_tokens WHERE created >= '2024-13-01' | 22007 | invalid input syntax for type timestamp: "2024-13-01"
      SELECT * FROM personal_access_tokens WHERE created >= 'yesterday-ish' | 22007 | invalid input syntax for type timestamp: "yesterday-ish"
      SELECT id FROM personal_access_tokens WHERE scopes = 5 | 42883 | operator does not exist: character varying = integer
      SELECT * FROM no_such_table | 42P01 | relation "no_such_table" does not exist (line 1, column 15)
      SELECT label, count(*) FROM personal_access_tokens | 42803 | column "label" must appear in the GROUP BY clause or be used in an aggregate function
      SELECT CAST(label AS int) FROM personal_access_tokens | 22P02 | invalid input syntax for type numeric: "
      SELECT id FROM personal_access_tokens WHERE expiry < now() + interval 'soon' | 22007 | invalid input syntax for type interval: "soon"
      """)
  void mistakeGivesPostgresMessageAndState(String sql, String state, String message) {
    SQLException e = LinodeAssert.sql(sql).on(fixture).failure();
    assertThat(e.getSQLState()).isEqualTo(state);
    assertThat(e.getMessage()).startsWith(message).doesNotContain("\n")
        .doesNotContain("Was expecting").doesNotContainPattern("[A-Z]\\w+(Exception|Error)");
  }
}
