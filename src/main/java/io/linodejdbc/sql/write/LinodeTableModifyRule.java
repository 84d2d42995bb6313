package io.linodejdbc.sql.write;

import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Makes a logical {@link LinodeTableModify} enumerable, with its input made enumerable too (as
 * core's {@code JdbcTableModificationRule} does for a JDBC table). Registered by the rel itself
 * ({@link LinodeTableModify#register}).
 */
final class LinodeTableModifyRule extends ConverterRule {
  static final LinodeTableModifyRule INSTANCE = new LinodeTableModifyRule(Config.INSTANCE
      .withConversion(LinodeTableModify.class, Convention.NONE, EnumerableConvention.INSTANCE,
          "LinodeTableModifyRule")
      .withRuleFactory(LinodeTableModifyRule::new));

  private LinodeTableModifyRule(Config config) {
    super(config);
  }

  @Override public @Nullable RelNode convert(RelNode rel) {
    LinodeTableModify modify = (LinodeTableModify) rel;
    return modify.copy(LinodeTableModify.enumerable(modify),
        convert(modify.getInput(), modify.getInput().getTraitSet()
            .replace(EnumerableConvention.INSTANCE)));
  }
}
