package io.linodejdbc.sql.prepare;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.interpreter.Bindables;
import org.apache.calcite.plan.Context;
import org.apache.calcite.plan.RelOptCostFactory;
import org.apache.calcite.plan.RelOptCostImpl;
import org.apache.calcite.plan.RelOptLattice;
import org.apache.calcite.plan.RelOptMaterialization;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.plan.volcano.AbstractConverter;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rel.metadata.ChainedRelMetadataProvider;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.rules.AggregateCaseToFilterRule;
import org.apache.calcite.rel.rules.AggregateExpandDistinctAggregatesRule;
import org.apache.calcite.rel.rules.AggregateExpandWithinDistinctRule;
import org.apache.calcite.rel.rules.AggregateMergeRule;
import org.apache.calcite.rel.rules.AggregateProjectMergeRule;
import org.apache.calcite.rel.rules.AggregateProjectPullUpConstantsRule;
import org.apache.calcite.rel.rules.AggregateReduceFunctionsRule;
import org.apache.calcite.rel.rules.AggregateRemoveRule;
import org.apache.calcite.rel.rules.CalcMergeRule;
import org.apache.calcite.rel.rules.CalcRemoveRule;
import org.apache.calcite.rel.rules.DateRangeRules;
import org.apache.calcite.rel.rules.FilterAggregateTransposeRule;
import org.apache.calcite.rel.rules.FilterCalcMergeRule;
import org.apache.calcite.rel.rules.FilterMergeRule;
import org.apache.calcite.rel.rules.FilterProjectTransposeRule;
import org.apache.calcite.rel.rules.FilterTableScanRule;
import org.apache.calcite.rel.rules.FilterToCalcRule;
import org.apache.calcite.rel.rules.MaterializedViewFilterScanRule;
import org.apache.calcite.rel.rules.ProjectAggregateMergeRule;
import org.apache.calcite.rel.rules.ProjectCalcMergeRule;
import org.apache.calcite.rel.rules.ProjectFilterTransposeRule;
import org.apache.calcite.rel.rules.ProjectMergeRule;
import org.apache.calcite.rel.rules.ProjectOverSumToSum0Rule;
import org.apache.calcite.rel.rules.ProjectRemoveRule;
import org.apache.calcite.rel.rules.ProjectTableScanRule;
import org.apache.calcite.rel.rules.ProjectToCalcRule;
import org.apache.calcite.rel.rules.ProjectToWindowRule;
import org.apache.calcite.rel.rules.PruneEmptyRules;
import org.apache.calcite.rel.rules.ReduceExpressionsRule;
import org.apache.calcite.rel.rules.SortProjectTransposeRule;
import org.apache.calcite.rel.rules.SortRemoveConstantKeysRule;
import org.apache.calcite.rel.rules.SortRemoveRule;
import org.apache.calcite.rel.rules.materialize.MaterializedViewOnlyAggregateRule;
import org.apache.calcite.rel.rules.materialize.MaterializedViewOnlyFilterRule;
import org.apache.calcite.rel.rules.materialize.MaterializedViewProjectAggregateRule;
import org.apache.calcite.rel.rules.materialize.MaterializedViewProjectFilterRule;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql2rel.RelFieldTrimmer;
import org.apache.calcite.tools.Program;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The planning of a simple query: scans, projections, filters, sorts and limits over them,
 * grouping without distinct aggregates, and constant rows ({@link #isSimple}). Most statements a
 * program or a one-shot run sends are such.
 *
 * <p>Why: Calcite's standard planning builds its whole default rule set, some 200 rules in
 * {@code CoreRules} and the lists that hold them (over a thousand classes and as many lambdas,
 * a tenth of a second and more of a one-shot process), although on a simple plan only a few
 * dozen of them can ever match. A simple plan gets exactly those: {@link #rules()} is the part of
 * the default set whose operands can match the nodes a simple plan is made of (a test derives that
 * part from the default set itself and pins it), each rule built from its own configuration as
 * {@code CoreRules} builds it, without loading {@code CoreRules}. Its {@link #program()} is the
 * standard program without the steps that cannot change a simple plan (sub-query removal,
 * decorrelation, measures). Every rule is equivalence-preserving, so the answer cannot change;
 * the request counts of the test suites pin that the plans are still the cheapest.
 *
 * <p>Any other statement registers Calcite's default rules and runs its standard program, as
 * before.
 */
final class SimplePlans {
  /** Off only in the test that compares every corpus query's plan made both ways. */
  static volatile boolean enabled = true;

  private SimplePlans() {}

  /**
   * Whether a converted (not yet optimized) plan is simple: its nodes are only table scans,
   * projections, filters, sorts (with or without a limit), simple aggregates and constant rows,
   * and no expression of theirs holds a sub-query, a window function, a correlation variable or a
   * measure.
   */
  static boolean isSimple(RelNode rel) {
    if (!(rel instanceof TableScan || rel instanceof LogicalProject || rel instanceof LogicalFilter
        || rel instanceof LogicalSort || rel instanceof LogicalValues
        || rel instanceof LogicalAggregate aggregate && isSimple(aggregate))) {
      return false;
    }
    if (!rel.getVariablesSet().isEmpty() || !RelOptUtil.getVariablesUsed(rel).isEmpty()) {
      return false;
    }
    SimpleExpressions check = new SimpleExpressions();
    rel.accept(check);
    if (!check.simple) {
      return false;
    }
    for (RelNode input : rel.getInputs()) {
      if (!isSimple(input)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether an aggregate is simple: one grouping (no grouping sets) and no distinct aggregate
   * (which Calcite expands into joins of aggregates), no {@code WITHIN DISTINCT} and no measure.
   */
  private static boolean isSimple(Aggregate aggregate) {
    if (aggregate.getGroupType() != Aggregate.Group.SIMPLE) {
      return false;
    }
    for (AggregateCall call : aggregate.getAggCallList()) {
      if (call.isDistinct() || call.distinctKeys != null
          || call.getAggregation().getKind() == SqlKind.AGG_M2V) {
        return false;
      }
    }
    return true;
  }

  /** Whether a plan holds an aggregate. */
  static boolean hasAggregate(RelNode rel) {
    if (rel instanceof Aggregate) {
      return true;
    }
    for (RelNode input : rel.getInputs()) {
      if (hasAggregate(input)) {
        return true;
      }
    }
    return false;
  }

  /** Finds what a simple plan's expressions may not hold. */
  private static final class SimpleExpressions extends RexShuttle {
    boolean simple = true;

    @Override public RexNode visitSubQuery(RexSubQuery subQuery) {
      simple = false;
      return subQuery;
    }

    @Override public RexNode visitOver(RexOver over) {
      simple = false;
      return over;
    }

    @Override public RexNode visitCorrelVariable(RexCorrelVariable variable) {
      simple = false;
      return variable;
    }

    @Override public RexNode visitCall(RexCall call) {
      if (call.getKind() == SqlKind.M2V || call.getKind() == SqlKind.V2M
          || call.getKind() == SqlKind.AGG_M2V || call.getKind() == SqlKind.M2X) {
        simple = false;
        return call;
      }
      return super.visitCall(call);
    }
  }

  /**
   * The rules of Calcite's default set (see {@code RelOptUtil.registerDefaultRules} and {@code
   * RelOptRules}) that can match a simple plan, each built as {@code CoreRules} (or the class that
   * holds it) builds it, in the order the default set registers them; the rules of aggregates
   * only for a plan that has one (no rule makes an aggregate of the other nodes). {@code
   * SimplePlansTest} derives both sets from the default one.
   */
  static List<RelOptRule> rules(boolean aggregates) {
    return aggregates ? WithAggregates.RULES : WithoutAggregates.RULES;
  }

  // Each set is built once, at the first plan that needs it (rules hold no state of a planning:
  // Calcite's default set is shared by every planner too); a scan never builds the aggregates'.
  private static final class WithoutAggregates {
    static final List<RelOptRule> RULES = build(false);
  }

  private static final class WithAggregates {
    static final List<RelOptRule> RULES = build(true);
  }

  private static final class Calc {
    static final List<RelOptRule> RULES = List.of(Bindables.FROM_NONE_RULE,
        EnumerableRules.ENUMERABLE_CALC_RULE,
        EnumerableRules.ENUMERABLE_FILTER_TO_CALC_RULE,
        EnumerableRules.ENUMERABLE_PROJECT_TO_CALC_RULE,
        FilterToCalcRule.Config.DEFAULT.toRule(),
        ProjectToCalcRule.Config.DEFAULT.toRule(),
        CalcMergeRule.Config.DEFAULT.toRule(),
        FilterCalcMergeRule.Config.DEFAULT.toRule(),
        ProjectCalcMergeRule.Config.DEFAULT.toRule());
  }

  private static List<RelOptRule> build(boolean aggregates) {
    List<RelOptRule> rules = new ArrayList<>();
    // RelOptRules.ABSTRACT_RELATIONAL_RULES
    rules.add(AbstractConverter.ExpandConversionRule.INSTANCE);
    if (aggregates) {
      rules.add(AggregateRemoveRule.Config.DEFAULT.toRule());
    }
    rules.add(ProjectRemoveRule.Config.DEFAULT.toRule());
    if (aggregates) {
      rules.add(ProjectAggregateMergeRule.Config.DEFAULT.toRule());
      rules.add(AggregateMergeRule.Config.DEFAULT.toRule());
      rules.add(AggregateProjectMergeRule.Config.DEFAULT.toRule());
    }
    rules.add(CalcRemoveRule.Config.DEFAULT.toRule());
    rules.add(SortRemoveRule.Config.DEFAULT.toRule());
    // RelOptRules.ABSTRACT_RULES
    if (aggregates) {
      rules.add(AggregateProjectPullUpConstantsRule.Config.ANY.toRule());
    }
    rules.add(PruneEmptyRules.RemoveEmptySingleRule.RemoveEmptySingleRuleConfig.PROJECT.toRule());
    rules.add(PruneEmptyRules.RemoveEmptySingleRule.RemoveEmptySingleRuleConfig.FILTER.toRule());
    rules.add(PruneEmptyRules.RemoveEmptySingleRule.RemoveEmptySingleRuleConfig.SORT.toRule());
    if (aggregates) {
      rules.add(PruneEmptyRules.RemoveEmptySingleRule.RemoveEmptySingleRuleConfig.AGGREGATE
          .toRule());
    }
    rules.add(PruneEmptyRules.SortFetchZeroRuleConfig.DEFAULT.toRule());
    rules.add(PruneEmptyRules.ZeroMaxRowsRuleConfig.DEFAULT.toRule());
    rules.add(ProjectOverSumToSum0Rule.Config.DEFAULT.toRule());
    rules.add(ProjectToWindowRule.ProjectToLogicalProjectAndWindowRule
        .ProjectToLogicalProjectAndWindowRuleConfig.DEFAULT.toRule());
    rules.add(FilterMergeRule.Config.DEFAULT.toRule());
    rules.add(DateRangeRules.FilterDateRangeRule.FilterDateRangeRuleConfig.DEFAULT
        .as(DateRangeRules.FilterDateRangeRule.FilterDateRangeRuleConfig.class).toRule());
    // RelOptRules.BASE_RULES
    rules.add(ProjectMergeRule.Config.DEFAULT.toRule());
    rules.add(FilterTableScanRule.Config.DEFAULT.toRule());
    rules.add(ProjectFilterTransposeRule.Config.DEFAULT.toRule());
    rules.add(FilterProjectTransposeRule.Config.DEFAULT.toRule());
    if (aggregates) {
      rules.add(AggregateExpandDistinctAggregatesRule.Config.DEFAULT.toRule());
      rules.add(AggregateExpandWithinDistinctRule.Config.DEFAULT.toRule());
      rules.add(AggregateCaseToFilterRule.Config.DEFAULT.toRule());
      rules.add(AggregateReduceFunctionsRule.Config.DEFAULT.toRule());
      rules.add(FilterAggregateTransposeRule.Config.DEFAULT.toRule());
    }
    rules.add(SortProjectTransposeRule.Config.DEFAULT.toRule());
    rules.add(SortRemoveConstantKeysRule.Config.DEFAULT.toRule());
    // RelOptRules.MATERIALIZATION_RULES
    rules.add(MaterializedViewFilterScanRule.Config.DEFAULT.toRule());
    rules.add(MaterializedViewProjectFilterRule.Config.DEFAULT.toRule());
    rules.add(MaterializedViewOnlyFilterRule.Config.DEFAULT.toRule());
    if (aggregates) {
      rules.add(MaterializedViewProjectAggregateRule.Config.DEFAULT.toRule());
      rules.add(MaterializedViewOnlyAggregateRule.Config.DEFAULT.toRule());
    }
    // the scans' rules, the enumerable convention's, and the constant reduction of filters
    rules.add(Bindables.BINDABLE_TABLE_SCAN_RULE);
    rules.add(ProjectTableScanRule.Config.DEFAULT.toRule());
    rules.add(ProjectTableScanRule.Config.INTERPRETER.toRule());
    rules.addAll(EnumerableRules.ENUMERABLE_RULES);
    rules.add(EnumerableRules.TO_INTERPRETER);
    rules.add(ReduceExpressionsRule.FilterReduceExpressionsRule.FilterReduceExpressionsRuleConfig
        .DEFAULT.toRule());
    return List.copyOf(rules);
  }

  /**
   * A cost-based planner whose rules are registered when it is first given a plan: the simple
   * set if {@link #planSimply} was called, else Calcite's default set (so that a path which
   * makes no choice plans as Calcite always does).
   */
  static final class Planner extends VolcanoPlanner {
    private final boolean materializations;
    private final boolean bindable;
    private boolean simple;
    private boolean aggregates;
    private boolean registered;

    Planner(@Nullable RelOptCostFactory costFactory, Context context, boolean materializations,
        boolean bindable) {
      super(costFactory, context);
      this.materializations = materializations;
      this.bindable = bindable;
    }

    /** The next plan is simple: register {@link #rules} rather than the default set. */
    void planSimply(boolean aggregates) {
      simple = true;
      this.aggregates = aggregates;
    }

    @Override public void setRoot(RelNode rel) {
      if (!registered) {
        registered = true;
        if (simple) {
          rules(aggregates).forEach(this::addRule);
        } else {
          RelOptUtil.registerDefaultRules(this, materializations, bindable);
        }
        Hook.PLANNER.run(this); // as Calcite's planner set-up lets a test add or remove rules
      }
      super.setRoot(rel);
    }
  }

  /**
   * {@code RelOptRules.CALC_RULES}, the standard program's last (heuristic) pass, built without
   * {@code CoreRules}.
   */
  static List<RelOptRule> calcRules() {
    return Calc.RULES;
  }

  /**
   * {@code Programs.standard()} for a simple plan: field trimming, the cost-based planner, then
   * the calc pass. The standard program's sub-query, decorrelation and measure steps are left
   * out: on a plan without sub-queries, correlation variables or measures they return it
   * unchanged. (Written out here because loading {@code Programs} builds the default rule set.)
   */
  static Program program() {
    HepProgramBuilder calc = HepProgram.builder();
    calcRules().forEach(calc::addRuleInstance);
    HepProgram calcPass = calc.build();
    return (planner, rel, traits, materializations, lattices) -> {
      RelNode trimmed = new RelFieldTrimmer(null,
          RelFactories.LOGICAL_BUILDER.create(rel.getCluster(), null)).trim(rel);
      for (RelOptMaterialization materialization : materializations) {
        planner.addMaterialization(materialization);
      }
      for (RelOptLattice lattice : lattices) {
        planner.addLattice(lattice);
      }
      planner.setRoot(trimmed);
      RelNode converted = trimmed.getTraitSet().equals(traits) ? trimmed
          : planner.changeTraits(trimmed, traits);
      planner.setRoot(converted);
      RelNode best = planner.chooseDelegate().findBestExp();
      // as Programs.hep(RelOptRules.CALC_RULES, true, DefaultRelMetadataProvider.INSTANCE)
      HepPlanner hep = new HepPlanner(calcPass, null, true, null, RelOptCostImpl.FACTORY);
      List<RelMetadataProvider> providers = new ArrayList<>();
      providers.add(DefaultRelMetadataProvider.INSTANCE);
      hep.registerMetadataProviders(providers);
      for (RelOptMaterialization materialization : materializations) {
        hep.addMaterialization(materialization);
      }
      for (RelOptLattice lattice : lattices) {
        hep.addLattice(lattice);
      }
      best.getCluster().setMetadataProvider(ChainedRelMetadataProvider.of(providers));
      hep.setRoot(best);
      return hep.findBestExp();
    };
  }
}
