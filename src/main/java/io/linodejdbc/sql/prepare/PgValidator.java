package io.linodejdbc.sql.prepare;

import io.linodejdbc.sql.SqlState;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlValidatorImpl;
import io.linodejdbc.sql.parser.PgConformance;
import io.linodejdbc.sql.parser.PgSyntaxException;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.runtime.CalciteException;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The validator of the driver's statements: Calcite's (as its JDBC driver sets it up) with the
 * PostgreSQL dialect's functions ({@link PgOperatorTable}) and conformance ({@link
 * PgConformance}).
 */
final class PgValidator extends SqlValidatorImpl {
  PgValidator(CalciteCatalogReader catalogReader, JavaTypeFactory typeFactory, Config config) {
    super(operatorTable(catalogReader), catalogReader, typeFactory,
        config.withConformance(PgConformance.INSTANCE)
            .withTypeCoercionFactory(PgTypeCoercion::new));
  }

  private static SqlOperatorTable operatorTable(CalciteCatalogReader catalogReader) {
    return SqlOperatorTables.chain(PgOperatorTable.INSTANCE, catalogReader);
  }

  /** PostgreSQL's words: {@code function foo(integer) does not exist} (42883). */
  @Override public CalciteException handleUnresolvedFunction(SqlCall call,
      SqlOperator unresolvedFunction, List<RelDataType> argTypes,
      @Nullable List<String> argNames) {
    StringBuilder b = new StringBuilder("function ")
        .append(unresolvedFunction.getName().toLowerCase(Locale.ROOT)).append('(');
    for (int i = 0; i < argTypes.size(); i++) {
      RelDataType t = argTypes.get(i);
      b.append(i == 0 ? "" : ", ")
          .append(t.getSqlTypeName() == SqlTypeName.CHAR ? "unknown" : PgTypeCoercion.pgType(t));
    }
    b.append(") does not exist");
    throw new PgSyntaxException(SqlState.UNDEFINED_FUNCTION.code(), b.toString(), call.getParserPosition());
  }

  // As Calcite's own validator for JDBC: INSERT's row types in SQL types, not Java classes.
  @Override protected RelDataType getLogicalSourceRowType(RelDataType sourceRowType,
      SqlInsert insert) {
    return ((JavaTypeFactory) typeFactory).toSql(
        super.getLogicalSourceRowType(sourceRowType, insert));
  }

  @Override protected RelDataType getLogicalTargetRowType(RelDataType targetRowType,
      SqlInsert insert) {
    return ((JavaTypeFactory) typeFactory).toSql(
        super.getLogicalTargetRowType(targetRowType, insert));
  }
}
