package io.linodejdbc.sql;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.plan.volcano.RelSubset;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A join of a scan with a constant list of ids → the same join over a scan that GETs exactly
 * those ids instead of reading the whole collection: {@code JOIN (VALUES (1), (2)) v(id) ON t.id
 * = v.id}, and {@code id IN (SELECT … FROM (VALUES …))}, which Calcite turns into such a join.
 *
 * <p>The join stays and still matches rows, so the scan only has to return a superset: every row
 * whose id is in the list. That holds for inner and semi joins, with the list on either side,
 * seen through projections, a DISTINCT or a filter over the VALUES, and a projection over the
 * scan. The planner's cost model (one request weighs like several rows) chooses this only for
 * short lists, as for {@code IN (1, 2, 3)}.
 */
final class LinodeValuesJoinRule extends RelRule<RuleConfig> {
  /** How deep to look through projections, aggregates and filters for the VALUES. */
  private static final int MAX_DEPTH = 6;

  private LinodeValuesJoinRule(RuleConfig config) {
    super(config);
  }

  static RuleConfig config() {
    return new RuleConfig(RelFactories.LOGICAL_BUILDER, "LinodeValuesJoinRule",
        b0 -> b0.operand(Join.class)
            .predicate(j -> j.getJoinType() == JoinRelType.INNER
                || j.getJoinType() == JoinRelType.SEMI)
            .anyInputs(),
        LinodeValuesJoinRule::new);
  }

  /** The scan below one side of the join, maybe under a projection. */
  private record ScanSide(LinodeTableScan scan, @Nullable Project project, int keyOutput) {
    RelNode with(LinodeTableScan newScan) {
      return project == null ? newScan
          : project.copy(project.getTraitSet(), newScan, project.getProjects(),
              project.getRowType());
    }
  }

  @Override public void onMatch(RelOptRuleCall call) {
    Join join = call.rel(0);
    JoinInfo info = join.analyzeCondition();
    for (int side = 0; side < 2; side++) {
      ScanSide scanSide = scanSide(join.getInput(side));
      if (scanSide == null) {
        continue;
      }
      List<Integer> scanKeys = side == 0 ? info.leftKeys : info.rightKeys;
      List<Integer> otherKeys = side == 0 ? info.rightKeys : info.leftKeys;
      for (int i = 0; i < scanKeys.size(); i++) {
        if (scanKeys.get(i) != scanSide.keyOutput()) {
          continue;
        }
        Set<ScanValue> ids = constantIds(join.getInput(1 - side), otherKeys.get(i), 0);
        if (ids == null) {
          continue;
        }
        LinodeTableScan byId =
            scanSide.scan().withSpec(scanSide.scan().spec().withKeys(new ArrayList<>(ids), false));
        List<RelNode> inputs = new ArrayList<>(join.getInputs());
        inputs.set(side, scanSide.with(byId));
        call.transformTo(join.copy(join.getTraitSet(), inputs));
        return;
      }
    }
  }

  private static @Nullable ScanSide scanSide(RelNode node) {
    for (RelNode rel : alternatives(node)) {
      if (rel instanceof LinodeTableScan scan && unnarrowed(scan)) {
        return new ScanSide(scan, null, keyIndex(scan));
      }
      if (rel instanceof Project project) {
        for (RelNode below : alternatives(project.getInput())) {
          if (below instanceof LinodeTableScan scan && unnarrowed(scan)) {
            List<RexNode> exprs = project.getProjects();
            for (int i = 0; i < exprs.size(); i++) {
              if (exprs.get(i) instanceof RexInputRef ref && ref.getIndex() == keyIndex(scan)) {
                return new ScanSide(scan, project, i);
              }
            }
          }
        }
      }
    }
    return null;
  }

  private static int keyIndex(LinodeTableScan scan) {
    return scan.linodeTable().resource().indexOf(scan.linodeTable().resource().keyColumn());
  }

  private static boolean unnarrowed(LinodeTableScan scan) {
    return !scan.spec().isFiltered() && !scan.spec().isLimited()
        && scan.spec().orderByField() == null;
  }

  /**
   * Every value column {@code column} of {@code node} can take, when {@code node} is constant
   * (VALUES, through projections, DISTINCT and filters); null when it is not.
   */
  private static @Nullable Set<ScanValue> constantIds(RelNode node, int column, int depth) {
    if (depth > MAX_DEPTH) {
      return null;
    }
    for (RelNode rel : alternatives(node)) {
      Set<ScanValue> found = null;
      if (rel instanceof Values values) {
        found = new LinkedHashSet<>();
        for (List<RexLiteral> tuple : values.getTuples()) {
          Integer id = asInt(tuple.get(column));
          if (id != null) { // NULL, or a value no id can equal, joins nothing
            found.add(new ScanValue.Literal(id));
          }
        }
      } else if (rel instanceof Project project
          && project.getProjects().get(column) instanceof RexInputRef ref) {
        found = constantIds(project.getInput(), ref.getIndex(), depth + 1);
      } else if (rel instanceof Aggregate aggregate && column < aggregate.getGroupCount()
          && aggregate.getGroupSets().size() == 1) {
        found = constantIds(aggregate.getInput(), aggregate.getGroupSet().nth(column), depth + 1);
      } else if (rel instanceof Filter filter) {
        found = constantIds(filter.getInput(), column, depth + 1); // a filter only drops rows
      }
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** The expressions the planner holds as equivalent to {@code node}. */
  private static List<RelNode> alternatives(RelNode node) {
    return node instanceof RelSubset subset ? subset.getRelList() : List.of(node);
  }

  private static @Nullable Integer asInt(RexLiteral literal) {
    if (literal.isNull()) {
      return null;
    }
    BigDecimal value;
    try {
      value = literal.getValueAs(BigDecimal.class);
    } catch (RuntimeException e) {
      return null; // not a number: equal to no id
    }
    if (value == null) {
      return null;
    }
    try {
      return value.intValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }
}
