package io.linodejdbc.sql;

import io.linodejdbc.resource.ColumnDescriptor;
import io.linodejdbc.resource.ColumnType;
import java.math.BigDecimal;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code Sort(fetch=n, offset=m)} directly over a scan (or over a filter that the scan evaluates
 * exactly) → the same Sort over a scan that stops after {@code m + n} rows.
 *
 * <p>The Sort stays and still sorts and cuts; the scan only stops fetching pages. That is safe
 * when the API's order agrees with the SQL order's first key:
 * <ul>
 *   <li>no ORDER BY: any {@code m + n} rows are a correct answer;
 *   <li>ORDER BY a non-null date-time column the API can order by (first key): the API orders by
 *       it ({@code +order_by}) and the scan returns every row tied with the last one, so the Sort
 *       can apply the remaining keys itself.
 * </ul>
 * Text columns are never used: the API's collation is undocumented.
 */
final class LinodeSortLimitRule extends RelRule<RuleConfig> {

  private LinodeSortLimitRule(RuleConfig config) {
    super(config);
  }

  static RuleConfig config() {
    return new RuleConfig(RelFactories.LOGICAL_BUILDER, "LinodeSortLimitRule",
        b0 -> b0.operand(Sort.class).predicate(LinodeSortLimitRule::hasLiteralFetch)
            .oneInput(b1 -> b1.operand(LinodeTableScan.class)
                .predicate(scan -> !scan.spec().isLimited() && !scan.spec().isKeyLookup()
                    && (scan.spec().filter() == null || scan.spec().exact()))
                .noInputs()),
        LinodeSortLimitRule::new);
  }

  static RuleConfig overFilterConfig() {
    return new RuleConfig(RelFactories.LOGICAL_BUILDER, "LinodeSortLimitRule:filter",
        b0 -> b0.operand(Sort.class).predicate(LinodeSortLimitRule::hasLiteralFetch)
            .oneInput(b1 -> b1.operand(Filter.class).oneInput(b2 ->
                b2.operand(LinodeTableScan.class)
                    .predicate(LinodeSortLimitRule::exactlyFilteredListing).noInputs())),
        LinodeSortLimitRule::new);
  }

  /**
   * The scan under a Filter that a rule over both may replace: a listing (no key lookup, no
   * limit yet) with a filter the API evaluates exactly. Shared with {@link LinodeCountRule};
   * {@link #filterIsExactlyPushed} then checks that the Filter holds nothing more.
   */
  static boolean exactlyFilteredListing(LinodeTableScan scan) {
    return !scan.spec().isLimited() && !scan.spec().isKeyLookup() && scan.spec().filter() != null
        && scan.spec().exact();
  }

  private static boolean hasLiteralFetch(Sort sort) {
    return sort.fetch instanceof RexLiteral
        && (sort.offset == null || sort.offset instanceof RexLiteral);
  }

  @Override public void onMatch(RelOptRuleCall call) {
    Sort sort = call.rel(0);
    boolean overFilter = call.getRelList().size() == 3;
    LinodeTableScan scan = call.rel(overFilter ? 2 : 1);

    if (overFilter && !filterIsExactlyPushed(call.rel(1), scan)) {
      return;
    }
    long rows = saturatedAdd(literal(sort.fetch), literal(sort.offset));
    String orderField = null;
    boolean descending = false;
    RelCollation collation = sort.getCollation();
    if (!collation.getFieldCollations().isEmpty()) {
      RelFieldCollation first = collation.getFieldCollations().get(0);
      ColumnDescriptor column =
          scan.linodeTable().resource().columns().get(first.getFieldIndex());
      if (!orderable(column)) {
        return;
      }
      orderField = column.jsonField();
      descending = first.getDirection().isDescending();
    }
    LinodeTableScan limited = scan.withSpec(scan.spec().withLimit(orderField, descending, rows));
    RelNode input = limited;
    if (overFilter) {
      Filter filter = call.rel(1);
      input = filter.copy(filter.getTraitSet(), limited, filter.getCondition());
    }
    call.transformTo(sort.copy(sort.getTraitSet(), input, sort.getCollation(), sort.offset,
        sort.fetch));
  }

  /**
   * True when the scan evaluates exactly this filter's condition. The scan's own flag is not
   * enough: the planner may merge further conditions into a filter above an already narrowed scan
   * (an outer WHERE around a subquery), and those the scan does not evaluate.
   */
  static boolean filterIsExactlyPushed(Filter filter, LinodeTableScan scan) {
    PredicateTranslator.Result r = new PredicateTranslator(scan.linodeTable().resource())
        .translate(filter.getCluster().getRexBuilder(), filter.getCondition());
    return r.exact() && r.keys() == null && java.util.Objects.equals(r.filter(),
        scan.spec().filter());
  }

  /** The API can order by it and SQL's order equals the API's: non-null date-times. */
  private static boolean orderable(ColumnDescriptor column) {
    return column.filterable() && !column.nullable() && column.type() == ColumnType.TIMESTAMP;
  }

  private static long literal(@Nullable RexNode node) {
    if (node == null) {
      return 0;
    }
    BigDecimal value = ((RexLiteral) node).getValueAs(BigDecimal.class);
    return value == null ? 0 : value.min(BigDecimal.valueOf(Long.MAX_VALUE)).longValue();
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }
}
