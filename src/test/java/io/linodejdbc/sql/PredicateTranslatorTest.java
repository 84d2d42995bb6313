package io.linodejdbc.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.linodejdbc.resource.Resources;
import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.TimestampString;
import org.junit.jupiter.api.Test;

class PredicateTranslatorTest {
  private final JavaTypeFactoryImpl types = new JavaTypeFactoryImpl();
  private final RexBuilder rex = new RexBuilder(types);
  private final PredicateTranslator translator =
      new PredicateTranslator(Resources.PERSONAL_ACCESS_TOKENS);

  private RexNode id() {
    return rex.makeInputRef(types.createSqlType(SqlTypeName.INTEGER), 0);
  }

  private RexNode created() {
    return rex.makeInputRef(types.createSqlType(SqlTypeName.TIMESTAMP, 0), 1);
  }

  private RexNode expiry() {
    return rex.makeInputRef(types.createSqlType(SqlTypeName.TIMESTAMP, 0), 2);
  }

  private RexNode label() {
    RelDataType varchar = types.createSqlType(SqlTypeName.VARCHAR, 100);
    return rex.makeInputRef(types.createTypeWithNullability(varchar, true), 3);
  }

  private RexNode scopes() {
    return rex.makeInputRef(types.createSqlType(SqlTypeName.VARCHAR), 4);
  }

  private RexNode num(int v) {
    return rex.makeExactLiteral(BigDecimal.valueOf(v));
  }

  private RexNode str(String s) {
    return rex.makeLiteral(s);
  }

  private RexNode ts(String s) {
    return rex.makeTimestampLiteral(new TimestampString(s), 3);
  }

  private RexNode call(SqlOperator op, RexNode... operands) {
    return rex.makeCall(op, operands);
  }

  private PredicateTranslator.Result translate(RexNode condition) {
    return translator.translate(rex, condition);
  }

  private static String describe(PredicateTranslator.Result r) {
    return r.filter() == null ? null : r.filter().describe();
  }

  @Test void idEqualityIsAnExactKeyLookup() {
    PredicateTranslator.Result r = translate(call(SqlStdOperatorTable.EQUALS, id(), num(5)));
    assertThat(r.keys()).containsExactly(new ScanValue.Literal(5));
    assertThat(r.exact()).isTrue();
    assertThat(r.filter()).isNull();
  }

  @Test void literalOnTheLeftAndParametersWork() {
    assertThat(translate(call(SqlStdOperatorTable.EQUALS, num(7), id())).keys())
        .containsExactly(new ScanValue.Literal(7));
    RexNode param = rex.makeDynamicParam(types.createSqlType(SqlTypeName.INTEGER), 0);
    assertThat(translate(call(SqlStdOperatorTable.EQUALS, id(), param)).keys())
        .containsExactly(new ScanValue.Parameter(0));
  }

  @Test void orOfIdsAndInListsUnionTheirKeys() {
    RexNode in = call(SqlStdOperatorTable.OR,
        call(SqlStdOperatorTable.EQUALS, id(), num(1)),
        call(SqlStdOperatorTable.EQUALS, id(), num(2)),
        call(SqlStdOperatorTable.EQUALS, id(), num(1)));
    PredicateTranslator.Result r = translate(in);
    assertThat(r.keys()).containsExactly(new ScanValue.Literal(1), new ScanValue.Literal(2));
    assertThat(r.exact()).isTrue();
  }

  @Test void anIdConjunctBoundsTheRestButIsNotExact() {
    PredicateTranslator.Result r = translate(call(SqlStdOperatorTable.AND,
        call(SqlStdOperatorTable.EQUALS, label(), str("x")),
        call(SqlStdOperatorTable.EQUALS, id(), num(9))));
    assertThat(r.keys()).containsExactly(new ScanValue.Literal(9));
    assertThat(r.exact()).isFalse();
  }

  @Test void anIdOutsideIntegerRangeMatchesNothingWithoutARequest() {
    RexNode big = rex.makeExactLiteral(new BigDecimal("3000000000"),
        types.createSqlType(SqlTypeName.BIGINT));
    assertThat(translate(call(SqlStdOperatorTable.EQUALS, id(), big)).keys()).isEmpty();
  }

  @Test void idOrLabelCannotBePushed() {
    PredicateTranslator.Result r = translate(call(SqlStdOperatorTable.OR,
        call(SqlStdOperatorTable.EQUALS, id(), num(1)),
        call(SqlStdOperatorTable.EQUALS, label(), str("x"))));
    assertThat(r.isEmpty()).isTrue();
  }

  @Test void labelEqualityIsAPreFilter() {
    PredicateTranslator.Result r = translate(call(SqlStdOperatorTable.EQUALS, label(),
        str("{\"+or\":[{\"label\":\"x\"}]}")));
    assertThat(describe(r)).isEqualTo("{\"label\":\"{\\\"+or\\\":[{\\\"label\\\":\\\"x\\\"}]}\"}");
    assertThat(r.exact()).isFalse();
  }

  @Test void labelInequalityAndRangesStayInSql() {
    for (SqlOperator op : List.of(SqlStdOperatorTable.NOT_EQUALS, SqlStdOperatorTable.LESS_THAN,
        SqlStdOperatorTable.GREATER_THAN_OR_EQUAL)) {
      assertThat(translate(call(op, label(), str("m"))).isEmpty()).as(op.getName()).isTrue();
    }
  }

  @Test void columnsTheApiCannotFilterStayInSql() {
    assertThat(translate(call(SqlStdOperatorTable.EQUALS, scopes(), str("*"))).isEmpty()).isTrue();
    assertThat(translate(call(SqlStdOperatorTable.LESS_THAN, expiry(),
        ts("2030-01-01 00:00:00"))).isEmpty()).isTrue();
  }

  @Test void createdComparisonsAreExactInWholeSeconds() {
    PredicateTranslator.Result r = translate(call(SqlStdOperatorTable.AND,
        call(SqlStdOperatorTable.GREATER_THAN_OR_EQUAL, created(), ts("2024-01-01 00:00:00")),
        call(SqlStdOperatorTable.LESS_THAN, ts("2025-06-30 12:00:00"), created())));
    assertThat(describe(r)).isEqualTo("{\"+and\":[{\"created\":{\"+gte\":\"2024-01-01T00:00:00\"}},"
        + "{\"created\":{\"+gt\":\"2025-06-30T12:00:00\"}}]}");
    assertThat(r.exact()).isTrue();
  }

  @Test void aFractionalSecondMakesTheFilterInexact() {
    PredicateTranslator.Result r = translate(call(SqlStdOperatorTable.LESS_THAN, created(),
        ts("2024-01-01 00:00:00.500")));
    assertThat(r.exact()).isFalse();
    assertThat(describe(r)).contains("+lt");
  }

  @Test void createdAndLabelMixedByOrIsPushedWhole() {
    PredicateTranslator.Result r = translate(call(SqlStdOperatorTable.OR,
        call(SqlStdOperatorTable.EQUALS, label(), str("a")),
        call(SqlStdOperatorTable.GREATER_THAN, created(), ts("2024-01-01 00:00:00"))));
    assertThat(describe(r)).isEqualTo(
        "{\"+or\":[{\"label\":\"a\"},{\"created\":{\"+gt\":\"2024-01-01T00:00:00\"}}]}");
  }

  @Test void anUnpushableConjunctIsDroppedAndAnUnpushableDisjunctDropsAll() {
    RexNode scopesEq = call(SqlStdOperatorTable.EQUALS, scopes(), str("*"));
    RexNode labelEq = call(SqlStdOperatorTable.EQUALS, label(), str("a"));
    PredicateTranslator.Result and = translate(call(SqlStdOperatorTable.AND, scopesEq, labelEq));
    assertThat(describe(and)).isEqualTo("{\"label\":\"a\"}");
    assertThat(and.exact()).isFalse();
    assertThat(translate(call(SqlStdOperatorTable.OR, scopesEq, labelEq)).isEmpty()).isTrue();
  }

  @Test void likeBecomesContainsOfItsLongestLiteralRun() {
    PredicateTranslator.Result r =
        translate(call(SqlStdOperatorTable.LIKE, label(), str("%ci_deploy%")));
    assertThat(describe(r)).isEqualTo("{\"label\":{\"+contains\":\"deploy\"}}");
    assertThat(translate(call(SqlStdOperatorTable.LIKE, label(), str("%_%"))).isEmpty()).isTrue();
    assertThat(translate(call(SqlStdOperatorTable.NOT,
        call(SqlStdOperatorTable.LIKE, label(), str("%abc%")))).isEmpty())
        .isTrue();
  }

  @Test void ilikeIsPushedOnlyWhenItsLiteralHasNoLetters() {
    assertThat(describe(translate(call(SqlLibraryOperators.ILIKE, label(), str("ci-%2024%")))))
        .isEqualTo("{\"label\":{\"+contains\":\"2024\"}}");
    assertThat(translate(call(SqlLibraryOperators.ILIKE, label(), str("%deploy%"))).isEmpty())
        .isTrue();
  }
}
