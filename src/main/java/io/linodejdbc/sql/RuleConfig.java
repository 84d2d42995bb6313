package io.linodejdbc.sql;

import java.util.function.Function;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.tools.RelBuilderFactory;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An immutable {@link RelRule.Config}. Calcite generates these with the Immutables annotation
 * processor; a record does the same job without adding that processor to the build.
 */
record RuleConfig(
    RelBuilderFactory relBuilderFactory,
    @Nullable String description,
    RelRule.OperandTransform operandSupplier,
    Function<RuleConfig, RelOptRule> factory) implements RelRule.Config {

  @Override public RelOptRule toRule() {
    return factory.apply(this);
  }

  @Override public RuleConfig withRelBuilderFactory(RelBuilderFactory f) {
    return new RuleConfig(f, description, operandSupplier, factory);
  }

  @Override public RuleConfig withDescription(@Nullable String d) {
    return new RuleConfig(relBuilderFactory, d, operandSupplier, factory);
  }

  @Override public RuleConfig withOperandSupplier(RelRule.OperandTransform t) {
    return new RuleConfig(relBuilderFactory, description, t, factory);
  }
}
