package io.linodejdbc.sql;

import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/**
 * Reads a Linode collection. Its {@link ScanSpec} says which requests it makes; the rules in
 * {@link LinodeRules} narrow it. It is an {@link EnumerableRel} itself: the API is reached through
 * Java calls, so no separate convention and converter are needed.
 *
 * <p>{@link #explainTerms} prints the HTTP requests, so {@code EXPLAIN PLAN FOR} shows what the
 * query will cost in API calls.
 */
public final class LinodeTableScan extends TableScan implements EnumerableRel {
  /** Rows assumed when nothing narrows the scan; only relative costs matter. */
  private static final double UNFILTERED_ROWS = 1000d;
  /** How many rows' worth of work one HTTP request is taken to cost. */
  private static final double REQUEST_WEIGHT = 9d;

  private final LinodeTable linodeTable;
  private final ScanSpec spec;

  LinodeTableScan(RelOptCluster cluster, RelOptTable table, LinodeTable linodeTable,
      ScanSpec spec) {
    super(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE), List.of(), table);
    this.linodeTable = linodeTable;
    this.spec = spec;
  }

  ScanSpec spec() {
    return spec;
  }

  LinodeTable linodeTable() {
    return linodeTable;
  }

  LinodeTableScan withSpec(ScanSpec newSpec) {
    return new LinodeTableScan(getCluster(), getTable(), linodeTable, newSpec);
  }

  @Override public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return this;
  }

  @Override public void register(RelOptPlanner planner) {
    for (RelOptRule rule : LinodeRules.RULES) {
      planner.addRule(rule);
    }
  }

  @Override public RelWriter explainTerms(RelWriter pw) {
    super.explainTerms(pw)
        .item("request", spec.describeRequest(linodeTable.resource(),
            linodeTable.client().config().pageSize()));
    if (spec.filter() != null) {
      pw.item("xFilter", spec.filter().describe());
    }
    if (spec.orderByField() != null) {
      pw.item("order", spec.orderByField() + (spec.descending() ? " desc" : " asc"));
    }
    if (spec.isLimited()) {
      pw.item("stopAfter", spec.stopAfter()
          + (spec.orderByField() != null ? " rows and ties" : " rows"));
    }
    return pw;
  }

  @Override public double estimateRowCount(RelMetadataQuery mq) {
    double rows = spec.isKeyLookup() ? spec.keys().size()
        : spec.filter() != null ? UNFILTERED_ROWS / 10 : UNFILTERED_ROWS;
    return spec.isLimited() ? Math.min(rows, Math.max(1, spec.stopAfter())) : rows;
  }

  /**
   * Costs rows and API requests together (Calcite's Volcano planner compares only the row part of
   * a cost): one request weighs as much as {@link #REQUEST_WEIGHT} rows. With the assumed table
   * size, a list of up to about a hundred ids is fetched one GET per id, and a longer one by
   * reading the (cheaper) list.
   */
  @Override public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double rows = estimateRowCount(mq);
    double requests = spec.isKeyLookup() ? spec.keys().size()
        : Math.max(1, Math.ceil(rows / linodeTable.client().config().pageSize()));
    return planner.getCostFactory().makeCost(rows + REQUEST_WEIGHT * requests, rows, requests);
  }

  @Override public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    PhysType physType =
        PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY);
    Expression table = implementor.stash(linodeTable, LinodeTable.class);
    Expression scanSpec = implementor.stash(spec, ScanSpec.class);
    Expression rows = Expressions.call(table, "scan", DataContext.ROOT, scanSpec);
    return implementor.result(physType, Blocks.toBlock(rows));
  }
}
