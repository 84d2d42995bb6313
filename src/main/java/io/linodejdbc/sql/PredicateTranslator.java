package io.linodejdbc.sql;

import io.linodejdbc.resource.ColumnDescriptor;
import io.linodejdbc.resource.ColumnType;
import io.linodejdbc.resource.ResourceDescriptor;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlLikeOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Finds the part of a filter condition that the API can evaluate.
 *
 * <p>Two kinds of pushdown, both <em>supersets</em> of the SQL predicate (the caller keeps the
 * whole condition as a residual filter):
 * <ul>
 *   <li><b>keys</b>: the condition implies {@code id = k1 OR id = k2 ...}: one GET per key;
 *   <li><b>X-Filter</b>: comparisons on filterable columns. For text, only equality and a
 *       {@code +contains} pre-filter for LIKE are pushed: the API does not document whether it
 *       compares text case-sensitively or how it collates, and equality/containment give a
 *       superset either way, while {@code <>} and ranges would not. Date-times compare the same
 *       everywhere, so every comparison on them is pushed.
 * </ul>
 */
final class PredicateTranslator {

  /**
   * What can be pushed.
   *
   * @param keys ids implied by the condition, or null
   * @param filter the X-Filter template, or null
   * @param exact true when keys or filter select exactly the rows the condition selects
   */
  record Result(@Nullable List<ScanValue> keys, @Nullable FilterTerm filter, boolean exact) {
    boolean isEmpty() {
      return keys == null && filter == null;
    }
  }

  private record Pushed<T>(T value, boolean exact) {}

  private final ResourceDescriptor resource;
  private final int keyIndex;
  private RexBuilder rexBuilder;

  PredicateTranslator(ResourceDescriptor resource) {
    this.resource = resource;
    this.keyIndex = resource.indexOf(resource.keyColumn());
  }

  Result translate(RexBuilder rexBuilder, RexNode condition) {
    this.rexBuilder = rexBuilder;
    RexNode expanded = RexUtil.expandSearch(rexBuilder, null, condition);
    Pushed<List<ScanValue>> keys = keys(expanded);
    if (keys != null) {
      return new Result(keys.value(), null, keys.exact());
    }
    Pushed<FilterTerm> filter = filter(expanded);
    if (filter != null) {
      return new Result(null, filter.value(), filter.exact());
    }
    return new Result(null, null, false);
  }

  // ---- keys ----------------------------------------------------------------------------------

  private @Nullable Pushed<List<ScanValue>> keys(RexNode node) {
    switch (node.getKind()) {
    case AND: {
      List<RexNode> conjuncts = ((RexCall) node).getOperands();
      for (RexNode conjunct : conjuncts) {
        Pushed<List<ScanValue>> k = keys(conjunct);
        if (k != null) {
          // Any conjunct's keys bound the result; the others stay in the residual filter.
          return new Pushed<>(k.value(), false);
        }
      }
      return null;
    }
    case OR: {
      Set<ScanValue> union = new LinkedHashSet<>();
      boolean exact = true;
      for (RexNode disjunct : ((RexCall) node).getOperands()) {
        Pushed<List<ScanValue>> k = keys(disjunct);
        if (k == null) {
          return null;
        }
        union.addAll(k.value());
        exact &= k.exact();
      }
      return new Pushed<>(new ArrayList<>(union), exact);
    }
    case EQUALS: {
      Operand operand = Operand.of((RexCall) node, rexBuilder);
      if (operand == null || operand.column != keyIndex) {
        return null;
      }
      if (operand.value instanceof ScanValue.Literal literal) {
        Integer key = asInt(literal.value());
        // An id the API cannot hold matches nothing: no request at all.
        return new Pushed<>(key == null ? List.of() : List.of(new ScanValue.Literal(key)), true);
      }
      return new Pushed<>(List.of(operand.value), true);
    }
    default:
      return null;
    }
  }

  private static @Nullable Integer asInt(Object value) {
    if (value instanceof BigDecimal d) {
      try {
        return d.intValueExact();
      } catch (ArithmeticException e) {
        return null;
      }
    }
    if (value instanceof Number n) {
      long l = n.longValue();
      return l == (int) l ? (int) l : null;
    }
    return null;
  }

  // ---- X-Filter ------------------------------------------------------------------------------

  private @Nullable Pushed<FilterTerm> filter(RexNode node) {
    switch (node.getKind()) {
    case AND: {
      List<FilterTerm> terms = new ArrayList<>();
      boolean exact = true;
      for (RexNode conjunct : ((RexCall) node).getOperands()) {
        Pushed<FilterTerm> t = filter(conjunct);
        if (t == null) {
          exact = false; // dropped conjunct: the rest is a superset
        } else {
          terms.add(t.value());
          exact &= t.exact();
        }
      }
      if (terms.isEmpty()) {
        return null;
      }
      return new Pushed<>(terms.size() == 1 ? terms.get(0) : new FilterTerm.And(terms), exact);
    }
    case OR: {
      List<FilterTerm> terms = new ArrayList<>();
      boolean exact = true;
      for (RexNode disjunct : ((RexCall) node).getOperands()) {
        Pushed<FilterTerm> t = filter(disjunct);
        if (t == null) {
          return null; // one unfilterable disjunct admits anything
        }
        terms.add(t.value());
        exact &= t.exact();
      }
      return new Pushed<>(new FilterTerm.Or(terms), exact);
    }
    case EQUALS:
    case NOT_EQUALS:
    case LESS_THAN:
    case LESS_THAN_OR_EQUAL:
    case GREATER_THAN:
    case GREATER_THAN_OR_EQUAL:
      return comparison((RexCall) node);
    case LIKE:
      return like((RexCall) node);
    default:
      return null;
    }
  }

  private @Nullable Pushed<FilterTerm> comparison(RexCall call) {
    Operand operand = Operand.of(call, rexBuilder);
    if (operand == null) {
      return null;
    }
    ColumnDescriptor column = resource.columns().get(operand.column);
    if (!column.filterable()) {
      return null;
    }
    SqlKind kind = operand.flipped ? call.getKind().reverse() : call.getKind();
    if (column.type() == ColumnType.TIMESTAMP) {
      FilterTerm.Operator op = switch (kind) {
        case EQUALS -> FilterTerm.Operator.EQ;
        case NOT_EQUALS -> FilterTerm.Operator.NEQ;
        case LESS_THAN -> FilterTerm.Operator.LT;
        case LESS_THAN_OR_EQUAL -> FilterTerm.Operator.LTE;
        case GREATER_THAN -> FilterTerm.Operator.GT;
        case GREATER_THAN_OR_EQUAL -> FilterTerm.Operator.GTE;
        default -> null;
      };
      if (op == null) {
        return null;
      }
      if (operand.value instanceof ScanValue.Computed computed
          && computed.typeName() != org.apache.calcite.sql.type.SqlTypeName.TIMESTAMP) {
        return null; // only a plain TIMESTAMP value compares like the API's date-times
      }
      // A literal in whole seconds is compared exactly; a parameter may carry a fraction, which
      // the API cannot express, so its filter is only a superset.
      boolean exact = operand.value instanceof ScanValue.Literal literal
          && !Timestamps.hasFraction(literal.value());
      return new Pushed<>(
          new FilterTerm.Comparison(column.jsonField(), op, operand.value,
              FilterTerm.ValueFormat.DATE_TIME),
          exact);
    }
    if (column.type() == ColumnType.VARCHAR && kind == SqlKind.EQUALS) {
      return new Pushed<>(
          new FilterTerm.Comparison(column.jsonField(), FilterTerm.Operator.EQ, operand.value,
              FilterTerm.ValueFormat.STRING),
          false);
    }
    return null;
  }

  private @Nullable Pushed<FilterTerm> like(RexCall call) {
    if (!(call.getOperator() instanceof SqlLikeOperator op)
        || op != SqlStdOperatorTable.LIKE
        || !(call.getOperands().get(0) instanceof RexInputRef ref)
        || !(call.getOperands().get(1) instanceof RexLiteral patternLiteral)) {
      return null;
    }
    ColumnDescriptor column = resource.columns().get(ref.getIndex());
    if (!column.filterable() || column.type() != ColumnType.VARCHAR) {
      return null;
    }
    String pattern = patternLiteral.getValueAs(String.class);
    Character escape = null;
    if (call.getOperands().size() > 2) {
      if (!(call.getOperands().get(2) instanceof RexLiteral escapeLiteral)) {
        return null;
      }
      String e = escapeLiteral.getValueAs(String.class);
      if (e == null || e.length() != 1) {
        return null;
      }
      escape = e.charAt(0);
    }
    if (pattern == null) {
      return null;
    }
    String needle = LikePatterns.longestLiteralRun(pattern, escape);
    if (needle.isEmpty()) {
      return null;
    }
    return new Pushed<>(
        new FilterTerm.Comparison(column.jsonField(), FilterTerm.Operator.CONTAINS,
            new ScanValue.Literal(needle), FilterTerm.ValueFormat.STRING),
        false);
  }

  /** {@code column op value} or {@code value op column}, with the value a literal or parameter. */
  private static final class Operand {
    final int column;
    final ScanValue value;
    final boolean flipped;

    private Operand(int column, ScanValue value, boolean flipped) {
      this.column = column;
      this.value = value;
      this.flipped = flipped;
    }

    static @Nullable Operand of(RexCall call, RexBuilder rexBuilder) {
      if (call.getOperands().size() != 2) {
        return null;
      }
      RexNode left = call.getOperands().get(0);
      RexNode right = call.getOperands().get(1);
      if (left instanceof RexInputRef ref) {
        ScanValue v = value(right, rexBuilder);
        return v == null ? null : new Operand(ref.getIndex(), v, false);
      }
      if (right instanceof RexInputRef ref) {
        ScanValue v = value(left, rexBuilder);
        return v == null ? null : new Operand(ref.getIndex(), v, true);
      }
      return null;
    }

    private static @Nullable ScanValue value(RexNode node, RexBuilder rexBuilder) {
      if (node instanceof RexDynamicParam param) {
        return new ScanValue.Parameter(param.getIndex());
      }
      if (ScanValue.Computed.qualifies(node)) {
        // e.g. CURRENT_TIMESTAMP - INTERVAL '7' DAY: evaluated when the statement runs
        return new ScanValue.Computed(node, rexBuilder);
      }
      if (node instanceof RexLiteral literal && !literal.isNull()) {
        Object v = switch (literal.getTypeName()) {
          case TIMESTAMP -> literal.getValueAs(Long.class);
          case CHAR, VARCHAR -> literal.getValueAs(String.class);
          case INTEGER, BIGINT, SMALLINT, TINYINT, DECIMAL -> literal.getValueAs(BigDecimal.class);
          default -> null;
        };
        return v == null ? null : new ScanValue.Literal(v);
      }
      return null;
    }
  }
}
