package io.linodejdbc.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.linodejdbc.testing.LinodeAssert;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * KNOWN_DEFECTS: defects this suite found that are NOT fixed yet. Each test asserts that the
 * defect is STILL PRESENT, so the build stays green while it is open and turns red the moment it
 * is fixed: then delete the test here and restore the real assertion it names. Both left are in
 * Calcite's LIKE (its runtime, not the driver's pushdown); KD-1 to KD-5, KD-8 and KD-9 were fixed
 * in the driver and are checked by {@link FixedDefectsTest} and the tests they name.
 */
class KnownDefectsTest {

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
    // KD-6 fixed? (SQL answer: 1 row, then 2 rows)
    LinodeAssert.sql("SELECT id FROM personal_access_tokens WHERE label LIKE '_'")
        .withTokens(t)
        .returnsCount(0);
    LinodeAssert.sql("SELECT id FROM personal_access_tokens WHERE label LIKE '%_%'")
        .withTokens(t)
        .returnsCount(0);
  }

  /**
   * KD-10: a correlated subquery keyed on an element of an array column fails inside Calcite's
   * runtime (a list compared as if it were a single value), as psql-style catalog queries like
   * {@code (SELECT a.attname … WHERE a.attnum = i.indkey[0])} would. What the user reads is the
   * driver's internal-error message, never the JVM's text. Restore: the subquery's answer, one
   * row per index naming its first key column (the same query written as a join works).
   */
  @Test
  void kd10_correlatedSubqueryOnAnArrayElementFailsCleanly() throws Exception {
    // KD-10 fixed? (answer: one row per pg_index row, with the column name)
    SQLException e = LinodeAssert.sql("SELECT i.indexrelid, (SELECT a.attname FROM pg_catalog.pg_attribute a"
        + " WHERE a.attrelid = i.indrelid AND a.attnum = i.indkey[0]) AS first_key FROM pg_catalog.pg_index i")
        .failure();
    assertThat(e.getSQLState()).isEqualTo("XX000");
    assertThat(e.getMessage()).startsWith("Internal error:").doesNotContain("java.").doesNotContain("Comparable");
  }
}
