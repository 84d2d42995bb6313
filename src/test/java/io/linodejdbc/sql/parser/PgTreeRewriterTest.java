package io.linodejdbc.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.TimeZone;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.junit.jupiter.api.Test;

/** The rewrites whose shape matters beyond the answers the PostgreSQL corpus compares. */
class PgTreeRewriterTest {
  private static SqlNode parse(String sql) throws SqlParseException {
    return SqlParser.create(sql, SqlParser.config().withQuoting(Quoting.DOUBLE_QUOTE)
        .withUnquotedCasing(Casing.TO_LOWER).withQuotedCasing(Casing.UNCHANGED)
        .withCaseSensitive(true).withParserFactory(PgSqlParserImpl.FACTORY)).parseStmt();
  }

  private static String sql(String sql) throws SqlParseException {
    return parse(sql).toString().replace('\n', ' ');
  }

  @Test
  void theClockIsUtcWhateverTheJvmZone() throws SqlParseException {
    TimeZone saved = TimeZone.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo")); // UTC+9, no daylight saving
      assertThat(sql("SELECT now(), current_date FROM t"))
          .contains("CURRENT_TIMESTAMP - INTERVAL '32400' SECOND(9, 0) AS `now`")
          .contains("CAST(CURRENT_TIMESTAMP - INTERVAL '32400' SECOND(9, 0) AS DATE)");
      TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
      assertThat(sql("SELECT now() FROM t")).doesNotContain("INTERVAL");
      // a label keeps its name: only the clock is rewritten
      TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
      assertThat(sql("SELECT 1 AS current_date FROM t")).doesNotContain("INTERVAL");
    } finally {
      TimeZone.setDefault(saved);
    }
  }

  @Test
  void distinctOnBecomesARowNumberWindow() throws SqlParseException {
    assertThat(PgLexer.rewrite("SELECT DISTINCT ON (a, (b)) a, c FROM t"))
        .isEqualTo("SELECT pg_distinct_on(a, (b)), a, c FROM t");
    String s = sql("SELECT DISTINCT ON (1) a AS x, b FROM t ORDER BY 1, c DESC");
    assertThat(s).contains("ROW_NUMBER() OVER (PARTITION BY `a` ORDER BY `a`, `c` DESC)")
        .contains("WHERE `$rn` = 1").contains("ORDER BY `$c0`, `$h0` DESC");
    assertThatThrownBy(() -> parse("SELECT DISTINCT ON (a) * FROM t"))
        .hasMessageContaining("DISTINCT ON with * is not supported");
    // plain DISTINCT and a column called "on" are left alone
    assertThat(PgLexer.rewrite("SELECT DISTINCT a FROM t")).isEqualTo("SELECT DISTINCT a FROM t");
  }

  @Test
  void avgOfExactNumbersIsTheDriversNumericAverage() throws SqlParseException {
    assertThat(sql("SELECT avg(x), avg(x) FILTER (WHERE y), avg(x::float) FROM t"))
        .contains("`pg_avg`(SUM(`x`), COUNT(`x`))")
        .contains("`pg_avg`(SUM(`x`) FILTER (WHERE `y`), COUNT(`x`) FILTER (WHERE `y`))")
        .contains("AVG(CAST(`x` AS FLOAT))");
  }

  @Test
  void likeConstantsFollowPostgresBackslashRule() throws SqlParseException {
    assertThat(sql("SELECT 1 FROM t WHERE a LIKE 'C:\\Users\\%'"))
        .contains("LIKE 'C:Users\\%' ESCAPE '\\'");
    assertThatThrownBy(() -> parse("SELECT 1 FROM t WHERE a LIKE 'x\\'"))
        .hasMessageContaining("LIKE pattern must not end with escape character");
  }

  @Test
  void percentileAndSeriesCallTheDriversFunctions() throws SqlParseException {
    assertThat(sql("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x DESC) FROM t"))
        .contains("- `pg_percentile_cont`(CAST(- `x` AS DOUBLE), CAST(0.5 AS DOUBLE))");
    assertThat(sql("SELECT g FROM generate_series(1, 3) AS g"))
        .contains("AS `g` (`g`)");
    assertThat(sql("SELECT * FROM generate_series(a, b, interval '1 month 2 days')"))
        .contains("`pg_generate_series_ts`").contains(", 1, CAST(172800000 AS BIGINT)");
  }
}
