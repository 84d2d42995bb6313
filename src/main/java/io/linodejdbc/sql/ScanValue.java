package io.linodejdbc.sql;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.function.Function1;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexExecutorImpl;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexSubQuery;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A value a pushed-down request needs: known when the plan is made (a literal) or only when the
 * statement runs (a {@code ?} parameter, or an expression such as
 * {@code CURRENT_TIMESTAMP - INTERVAL '7' DAY}). Keeping such values symbolic lets one plan serve
 * every execution of a {@link java.sql.PreparedStatement}.
 */
public sealed interface ScanValue {

  /** The value for this execution, in Calcite's internal representation; null for SQL NULL. */
  @Nullable Object resolve(DataContext context);

  /** How EXPLAIN shows it. */
  String describe();

  /** A value fixed in the SQL text. */
  record Literal(Object value) implements ScanValue {
    public Literal {
      Objects.requireNonNull(value, "value");
    }

    @Override public Object resolve(DataContext context) {
      return value;
    }

    @Override public String describe() {
      return String.valueOf(value);
    }
  }

  /** The {@code index}-th dynamic parameter, zero-based. */
  record Parameter(int index) implements ScanValue {
    @Override public @Nullable Object resolve(DataContext context) {
      return context.get("?" + index);
    }

    @Override public String describe() {
      return "?" + index;
    }
  }

  /**
   * An expression without column references whose value is fixed for one execution: built from
   * literals, parameters and functions of the execution's context ({@code CURRENT_TIMESTAMP},
   * {@code LOCALTIMESTAMP}, {@code CURRENT_DATE}, PostgreSQL's {@code now()}, …) with
   * deterministic operators ({@code -}, {@code +}, {@code CAST}, …). It is evaluated when the
   * scan starts, from the same context Calcite evaluates the residual filter in, so both see the
   * same clock reading. Compiled on first use, once per plan.
   */
  final class Computed implements ScanValue {
    private final RexNode expression;
    private final RexBuilder rexBuilder;
    private volatile @Nullable Function1<DataContext, @Nullable Object @Nullable []> compiled;

    Computed(RexNode expression, RexBuilder rexBuilder) {
      this.expression = expression;
      this.rexBuilder = rexBuilder;
    }

    /**
     * True when {@code node} is such an expression (and not a plain literal or parameter, which
     * have their own kinds): a call, no column, no subquery, only operators whose value depends
     * on nothing but their operands or the execution's context.
     */
    static boolean qualifies(RexNode node) {
      return node instanceof RexCall && runtimeConstant(node);
    }

    private static boolean runtimeConstant(RexNode node) {
      if (node instanceof RexLiteral || node instanceof RexDynamicParam) {
        return true;
      }
      if (!(node instanceof RexCall call) || node instanceof RexSubQuery) {
        return false; // column references, correlation variables, subqueries
      }
      if (!call.getOperator().isDeterministic()) {
        // RAND() and the like differ per row; the clock functions are dynamic (not reduced when
        // planning) but deterministic: one value for the whole execution, as SQL defines
        return false;
      }
      for (RexNode operand : call.getOperands()) {
        if (!runtimeConstant(operand)) {
          return false;
        }
      }
      return true;
    }

    @Override public @Nullable Object resolve(DataContext context) {
      Function1<DataContext, @Nullable Object @Nullable []> f = compiled;
      if (f == null) {
        RelDataTypeFactory types = rexBuilder.getTypeFactory();
        f = RexExecutorImpl.getExecutable(rexBuilder, List.of(expression),
            types.builder().build()).getFunction();
        compiled = f;
      }
      @Nullable Object[] values = f.apply(context);
      return values == null ? null : values[0];
    }

    /** The SQL type of the expression's value. */
    org.apache.calcite.sql.type.SqlTypeName typeName() {
      return expression.getType().getSqlTypeName();
    }

    @Override public String describe() {
      return expression.toString();
    }

    @Override public boolean equals(@Nullable Object o) {
      return o instanceof Computed c && c.expression.equals(expression);
    }

    @Override public int hashCode() {
      return expression.hashCode();
    }

    @Override public String toString() {
      return "Computed[" + expression + "]";
    }
  }
}
