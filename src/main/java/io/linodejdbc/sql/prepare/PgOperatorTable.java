package io.linodejdbc.sql.prepare;

import io.linodejdbc.sql.PgAggregates;
import io.linodejdbc.sql.PgFunctions;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.apache.calcite.sql.validate.SqlNameMatchers;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The functions and operators statements may call: Calcite's standard ones, its PostgreSQL
 * library, the MySQL habits that clash with nothing in PostgreSQL, and the driver's own
 * ({@link PgFunctions}). Built-in names are found whatever their case: identifiers fold to lower
 * case (as in PostgreSQL) while Calcite files its functions in upper case, and would otherwise
 * find {@code now}, {@code strpos} or {@code ilike} nowhere. Functions of the schemas (looked up
 * by the catalog reader, after this table) keep the connection's name matching.
 */
final class PgOperatorTable implements SqlOperatorTable {
  static final PgOperatorTable INSTANCE = new PgOperatorTable();

  private static final SqlNameMatcher ANY_CASE = SqlNameMatchers.withCaseSensitive(false);

  private final SqlOperatorTable delegate = SqlOperatorTables.chain(
      SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(
          EnumSet.of(SqlLibrary.STANDARD, SqlLibrary.POSTGRESQL)),
      // MySQL's, where PostgreSQL has nothing of the name.
      SqlOperatorTables.of(SqlLibraryOperators.GROUP_CONCAT, SqlLibraryOperators.IFNULL),
      // Spark's array(...), which the rewriter puts for ARRAY[...] in a table function's arguments
      SqlOperatorTables.of(SqlLibraryOperators.ARRAY),
      functions(),
      aggregates());

  private PgOperatorTable() {}

  /**
   * The driver's functions ({@link PgFunctions}), exactly as {@code
   * CalciteCatalogReader.operatorTable(PgFunctions.class.getName())} makes them (each public
   * method, its name in upper case, turned into an operator by the catalog reader), but without
   * Calcite's {@code ModelHandler}, whose initializer sets up Jackson's JSON and YAML mappers: 35
   * ms of a one-shot query. {@code PgOperatorTableTest} compares the two.
   */
  static SqlOperatorTable functions() {
    org.apache.calcite.jdbc.CalciteSchema root =
        org.apache.calcite.jdbc.CalciteSchema.createRootSchema(false, false);
    org.apache.calcite.schema.impl.ScalarFunctionImpl.functions(PgFunctions.class)
        .forEach((name, function) -> root.plus().add(name.toUpperCase(Locale.ROOT), function));
    // the root schema's functions, once (the public constructor would look in the root twice)
    CalciteCatalogReader reader = new CalciteCatalogReader(root,
        SqlNameMatchers.withCaseSensitive(false), List.of(List.of()),
        new org.apache.calcite.jdbc.JavaTypeFactoryImpl(),
        org.apache.calcite.config.CalciteConnectionConfig.DEFAULT) { };
    return SqlOperatorTables.of(reader.getOperatorList());
  }

  /** The driver's aggregates ({@link PgAggregates}), looked up by their exact names. */
  private static SqlOperatorTable aggregates() {
    org.apache.calcite.jdbc.CalciteSchema root =
        org.apache.calcite.jdbc.CalciteSchema.createRootSchema(false, false);
    root.plus().add("pg_percentile_cont", java.util.Objects.requireNonNull(
        org.apache.calcite.schema.impl.AggregateFunctionImpl.create(
            PgAggregates.PercentileCont.class)));
    root.plus().add("pg_percentile_disc", java.util.Objects.requireNonNull(
        org.apache.calcite.schema.impl.AggregateFunctionImpl.create(
            PgAggregates.PercentileDisc.class)));
    return new CalciteCatalogReader(root, List.of(),
        new org.apache.calcite.jdbc.JavaTypeFactoryImpl(),
        org.apache.calcite.config.CalciteConnectionConfig.DEFAULT);
  }

  @Override public void lookupOperatorOverloads(SqlIdentifier opName,
      @Nullable SqlFunctionCategory category, SqlSyntax syntax, List<SqlOperator> operatorList,
      SqlNameMatcher nameMatcher) {
    delegate.lookupOperatorOverloads(opName, category, syntax, operatorList, ANY_CASE);
  }

  @Override public List<SqlOperator> getOperatorList() {
    return delegate.getOperatorList();
  }
}
