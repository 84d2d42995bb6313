package io.linodejdbc.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlExplainFormat;
import org.apache.calcite.sql.SqlExplainLevel;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserImplFactory;
import org.apache.calcite.sql.parser.impl.SqlParserImpl;
import org.apache.calcite.util.Litmus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code EXPLAIN PLAN ... FOR} as the driver's grammar reads it ({@code SqlExplainWithReturning}
 * in parserImpls.ftl): exactly Calcite's SqlExplain for every statement Calcite's grammar takes,
 * and also a write with RETURNING and StackQL's REPLACE.
 */
class ExplainWithReturningTest {
  private static SqlParser.Config config(SqlParserImplFactory factory) {
    return SqlParser.config().withParserFactory(factory).withQuoting(Quoting.DOUBLE_QUOTE)
        .withUnquotedCasing(Casing.TO_LOWER).withQuotedCasing(Casing.UNCHANGED)
        .withCaseSensitive(true);
  }

  private static SqlNode parse(String sql) throws SqlParseException {
    return SqlParser.create(sql, config(LinodeSqlParserImpl.FACTORY)).parseStmt();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "EXPLAIN PLAN FOR SELECT a FROM t WHERE b = ?",
      "EXPLAIN PLAN FOR VALUES (1, 'x')",
      "EXPLAIN PLAN FOR WITH w AS (SELECT a FROM t) SELECT * FROM w ORDER BY a LIMIT 3",
      "EXPLAIN PLAN FOR (SELECT a FROM t UNION SELECT b FROM u)",
      "EXPLAIN PLAN WITH TYPE FOR SELECT a FROM t",
      "EXPLAIN PLAN WITHOUT IMPLEMENTATION FOR SELECT a FROM t",
      "EXPLAIN PLAN WITH IMPLEMENTATION FOR SELECT a FROM t",
      "EXPLAIN PLAN EXCLUDING ATTRIBUTES FOR SELECT a FROM t",
      "EXPLAIN PLAN INCLUDING ALL ATTRIBUTES WITH IMPLEMENTATION AS JSON FOR SELECT a FROM t",
      "EXPLAIN PLAN AS XML FOR SELECT a FROM t",
      "EXPLAIN PLAN AS DOT FOR SELECT a FROM t",
      "EXPLAIN PLAN FOR INSERT INTO t (a, b) VALUES (?, ?)",
      "EXPLAIN PLAN FOR UPDATE t SET a = 1 WHERE b = 2",
      "EXPLAIN PLAN FOR DELETE FROM t WHERE a = 1",
      "EXPLAIN PLAN FOR MERGE INTO t USING u ON t.a = u.a WHEN MATCHED THEN UPDATE SET b = u.b"})
  void asCalciteReadsIt(String sql) throws Exception {
    SqlNode ours = parse(sql);
    SqlNode calcites = SqlParser.create(sql, config(SqlParserImpl.FACTORY)).parseStmt();
    assertThat(ours).isInstanceOf(SqlExplain.class);
    assertThat(ours.toString()).isEqualTo(calcites.toString());
    assertThat(ours.equalsDeep(calcites, Litmus.IGNORE)).as(sql).isTrue();
    assertThat(((SqlExplain) ours).getDynamicParamCount())
        .isEqualTo(((SqlExplain) calcites).getDynamicParamCount());
  }

  @Test void aWriteWithReturning() throws Exception {
    SqlExplain explain = (SqlExplain) parse("EXPLAIN PLAN AS JSON FOR DELETE FROM t WHERE a = ?"
        + " RETURNING a, b AS c");
    assertThat(explain.getExplicandum()).isInstanceOfSatisfying(SqlReturning.class,
        r -> assertThat(r.getReturnList()).hasSize(2));
    assertThat(explain.getFormat()).isEqualTo(SqlExplainFormat.JSON);
    assertThat(explain.getDetailLevel()).isEqualTo(SqlExplainLevel.EXPPLAN_ATTRIBUTES);
    assertThat(explain.getDynamicParamCount()).isEqualTo(1);
    assertThat(((SqlExplain) parse("EXPLAIN PLAN FOR INSERT INTO t (a) VALUES (1) RETURNING *"))
        .getExplicandum()).isInstanceOfSatisfying(SqlReturning.class,
            r -> assertThat(r.isStar()).isTrue());
  }

  @Test void stackqlReplace() throws Exception {
    SqlExplain explain = (SqlExplain) parse("EXPLAIN PLAN FOR REPLACE t SET a = 1 WHERE b = 2");
    assertThat(explain.getExplicandum()).isInstanceOf(SqlReplace.class);
  }
}
