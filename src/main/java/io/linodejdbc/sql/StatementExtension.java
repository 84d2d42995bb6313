package io.linodejdbc.sql;

import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.sql.SqlNode;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Statements prepared through Calcite's own preparation but planned with the extension's help:
 * the registration point of {@link LinodePrepare} (writes live in {@code sql.write}, which this
 * package does not know). A connection's extensions are given to its {@link LinodeSession}.
 *
 * <p>The statement is parsed once. Calcite is told it parsed {@link Planned#facade()}, which
 * fixes the kind and columns of the result (a DML node: an update count; a query: its columns),
 * validates, converts and optimizes {@link Planned#query()} in its place, with the plan of that
 * query passed through {@link Planned#plan} before optimization, and generates code for the
 * result: one parse and one preparation per statement, and a prepared statement runs again with
 * new parameters without planning again.
 */
public interface StatementExtension {
  /**
   * How to prepare {@code statement} (parsed, StackQL names mapped), or null when this extension
   * does not handle it.
   */
  @Nullable Planned plan(CalcitePrepare.Context context, SqlNode statement);

  /** A statement the extension plans. */
  interface Planned {
    /** What Calcite treats as the parsed statement: decides the result's kind and columns. */
    SqlNode facade();

    /** The query Calcite validates and plans instead; it holds the statement's parameters. */
    SqlNode query();

    /** The statement's plan, given the (not yet optimized) plan of {@link #query()}. */
    RelNode plan(RelNode query, Prepare.CatalogReader catalogReader);
  }
}
