package io.linodejdbc.sql.prepare;

import java.math.BigDecimal;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.TryThreadLocal;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code Statement.setMaxRows(n)} / {@code setLargeMaxRows(n)} planned like {@code LIMIT n}.
 *
 * <p>Calcite receives the statement's max rows when it prepares ({@code prepareAndExecute}'s
 * {@code maxRowCount}) but only cuts the finished result, so the scan below still read every page
 * (DBeaver opens its grid with {@code setMaxRows(200)} and no LIMIT). Here the limit becomes a
 * Sort with a fetch on top of the query before optimization, where the sort-limit rule can stop
 * the scan after {@code n} rows — and push {@code +order_by} when the query orders by
 * {@code created}. It keeps the result exactly what JDBC defines: the first {@code n} rows of the
 * query's result (Calcite still cuts the result too).
 */
public final class MaxRows {
  private MaxRows() {}

  /** The max rows each signature this class prepared was planned for. */
  private static final java.util.Map<Object, Long> PLANNED_FOR =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  /**
   * Called before a {@link java.sql.PreparedStatement} of the Calcite connection executes.
   * Avatica passes a prepared statement's max rows to no one (it was prepared before
   * {@code setMaxRows}, and executing does not re-prepare), so Calcite returned every row. Here
   * the statement's query is prepared again for its current max rows — served by the
   * connection's plan cache after the first time — and installed as the signature the execution
   * uses; {@code setMaxRows(0)} goes back to the unlimited plan.
   */
  public static void beforeExecute(java.sql.Statement statement) throws java.sql.SQLException {
    if (!(statement instanceof org.apache.calcite.avatica.AvaticaPreparedStatement prepared)) {
      return;
    }
    long max = prepared.getLargeMaxRows();
    long wanted = max <= 0 ? -1 : max;
    org.apache.calcite.server.CalciteServerStatement server =
        CalciteInternals.serverStatement(prepared.getConnection(), prepared.handle);
    if (server == null
        || !(server.getSignature() instanceof CalcitePrepare.CalciteSignature<?> signature)
        || signature.sql == null
        || signature.statementType != org.apache.calcite.avatica.Meta.StatementType.SELECT
        || PLANNED_FOR.getOrDefault(signature, -1L) == wanted) {
      return;
    }
    CalcitePrepare.CalciteSignature<Object> replanned = new LinodePrepare().prepareSql(
        server.createPrepareContext(), CalcitePrepare.Query.of(signature.sql), Object[].class,
        wanted);
    PLANNED_FOR.put(replanned, wanted);
    server.setSignature(replanned);
  }

  /** The max rows of the statement being prepared on this thread; -1 for none. */
  static final TryThreadLocal<Long> PLANNING = TryThreadLocal.of(-1L);

  /** {@code root} limited to {@code maxRows} rows; unchanged for -1, DML and DDL. */
  static RelRoot limit(RelRoot root, long maxRows) {
    if (maxRows < 0 || !root.kind.belongsTo(SqlKind.QUERY)) {
      return root;
    }
    RelNode rel = root.rel;
    RexBuilder rexBuilder = rel.getCluster().getRexBuilder();
    if (rel instanceof Sort sort) {
      long existing = literal(sort.fetch);
      if (existing >= 0 && existing <= maxRows) {
        return root; // LIMIT already as tight
      }
      if (existing < 0 && sort.fetch != null) {
        return root; // LIMIT ?: the final cut of the result applies max rows
      }
      return root.withRel(sort.copy(sort.getTraitSet(), sort.getInput(), sort.getCollation(),
          sort.offset, fetch(rexBuilder, maxRows)));
    }
    return root.withRel(LogicalSort.create(rel, root.collation, null, fetch(rexBuilder, maxRows)));
  }

  private static RexNode fetch(RexBuilder rexBuilder, long rows) {
    return rexBuilder.makeExactLiteral(BigDecimal.valueOf(rows),
        rexBuilder.getTypeFactory().createSqlType(SqlTypeName.BIGINT));
  }

  /** A literal fetch's value; -1 for none or a parameter. */
  private static long literal(@Nullable RexNode node) {
    if (node instanceof RexLiteral literal) {
      BigDecimal v = literal.getValueAs(BigDecimal.class);
      return v == null ? -1 : v.min(BigDecimal.valueOf(Long.MAX_VALUE)).longValue();
    }
    return -1;
  }
}
