package io.linodejdbc.sql;

import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.sql.SqlKind;

/**
 * {@code Aggregate(COUNT(*))} over a scan the API evaluates exactly (no filter, or one it pushes
 * exactly) → {@link LinodeCountScan}: one request instead of every page. A filter the API only
 * pre-filters (a label, a LIKE) is not exact, so its count would be wrong: those keep reading.
 */
final class LinodeCountRule extends RelRule<RuleConfig> {

  private LinodeCountRule(RuleConfig config) {
    super(config);
  }

  static RuleConfig config() {
    return new RuleConfig(RelFactories.LOGICAL_BUILDER, "LinodeCountRule",
        b0 -> b0.operand(Aggregate.class).predicate(LinodeCountRule::onlyCountStar)
            .oneInput(b1 -> b1.operand(LinodeTableScan.class)
                .predicate(scan -> !scan.spec().isFiltered() && !scan.spec().isLimited())
                .noInputs()),
        LinodeCountRule::new);
  }

  static RuleConfig overFilterConfig() {
    return new RuleConfig(RelFactories.LOGICAL_BUILDER, "LinodeCountRule:filter",
        b0 -> b0.operand(Aggregate.class).predicate(LinodeCountRule::onlyCountStar)
            .oneInput(b1 -> b1.operand(Filter.class).oneInput(b2 ->
                b2.operand(LinodeTableScan.class)
                    .predicate(LinodeSortLimitRule::exactlyFilteredListing).noInputs())),
        LinodeCountRule::new);
  }

  private static boolean onlyCountStar(Aggregate aggregate) {
    if (!aggregate.getGroupSet().isEmpty() || aggregate.getAggCallList().isEmpty()) {
      return false;
    }
    for (AggregateCall call : aggregate.getAggCallList()) {
      if (call.getAggregation().getKind() != SqlKind.COUNT || !call.getArgList().isEmpty()
          || call.isDistinct() || call.hasFilter()) {
        return false;
      }
    }
    return true;
  }

  @Override public void onMatch(RelOptRuleCall call) {
    Aggregate aggregate = call.rel(0);
    boolean overFilter = call.getRelList().size() == 3;
    LinodeTableScan scan = call.rel(overFilter ? 2 : 1);
    if (overFilter && !LinodeSortLimitRule.filterIsExactlyPushed(call.rel(1), scan)) {
      return;
    }
    call.transformTo(new LinodeCountScan(scan.getCluster(), scan.getTable(), scan.linodeTable(),
        scan.spec(), aggregate.getRowType()));
  }
}
