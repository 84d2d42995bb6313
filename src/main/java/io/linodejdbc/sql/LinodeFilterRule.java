package io.linodejdbc.sql;

import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.RelFactories;

/**
 * {@code Filter(LinodeTableScan)} → {@code Filter(LinodeTableScan')} where the new scan asks the
 * API only for keys or for an X-Filter pre-filter. The filter stays: the API's matching is a
 * superset (its text comparison rules are undocumented), so the exact SQL predicate is always
 * applied again.
 */
final class LinodeFilterRule extends RelRule<RuleConfig> {

  private LinodeFilterRule(RuleConfig config) {
    super(config);
  }

  static RuleConfig config() {
    return new RuleConfig(RelFactories.LOGICAL_BUILDER, "LinodeFilterRule",
        b0 -> b0.operand(Filter.class).oneInput(b1 ->
            b1.operand(LinodeTableScan.class)
                .predicate(scan -> !scan.spec().isFiltered() && !scan.spec().isLimited())
                .noInputs()),
        LinodeFilterRule::new);
  }

  @Override public void onMatch(RelOptRuleCall call) {
    Filter filter = call.rel(0);
    LinodeTableScan scan = call.rel(1);
    PredicateTranslator.Result pushed =
        new PredicateTranslator(scan.linodeTable().resource())
            .translate(filter.getCluster().getRexBuilder(), filter.getCondition());
    if (pushed.isEmpty()) {
      return;
    }
    ScanSpec spec = pushed.keys() != null
        ? scan.spec().withKeys(pushed.keys(), pushed.exact())
        : scan.spec().withFilter(pushed.filter(), pushed.exact());
    call.transformTo(filter.copy(filter.getTraitSet(), scan.withSpec(spec), filter.getCondition()));
  }
}
