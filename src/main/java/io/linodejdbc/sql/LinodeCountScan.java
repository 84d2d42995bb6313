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
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;

/**
 * {@code SELECT COUNT(*)} answered by the API's own count: the {@code results} field of one list
 * page of the smallest size, instead of reading every page. Created by {@link LinodeCountRule}.
 * Its row holds the count once per {@code COUNT(*)} of the query.
 */
public final class LinodeCountScan extends TableScan implements EnumerableRel {
  private final LinodeTable linodeTable;
  private final ScanSpec spec;
  private final RelDataType rowType;

  LinodeCountScan(RelOptCluster cluster, RelOptTable table, LinodeTable linodeTable,
      ScanSpec spec, RelDataType rowType) {
    super(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE), List.of(), table);
    this.linodeTable = linodeTable;
    this.spec = spec;
    this.rowType = rowType;
  }

  @Override public RelDataType deriveRowType() {
    return rowType;
  }

  @Override public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return this;
  }

  @Override public RelWriter explainTerms(RelWriter pw) {
    super.explainTerms(pw).item("request", "GET " + linodeTable.resource().collectionPath()
        + " page_size=25, count from results");
    if (spec.filter() != null) {
      pw.item("xFilter", spec.filter().describe());
    }
    return pw;
  }

  @Override public double estimateRowCount(RelMetadataQuery mq) {
    return 1;
  }

  @Override public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return planner.getCostFactory().makeCost(1, 1, 1);
  }

  @Override public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    PhysType physType =
        PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY);
    Expression table = implementor.stash(linodeTable, LinodeTable.class);
    Expression scanSpec = implementor.stash(spec, ScanSpec.class);
    Expression rows = Expressions.call(table, "count", DataContext.ROOT, scanSpec,
        Expressions.constant(getRowType().getFieldCount()),
        Expressions.constant(physType.getFormat() == JavaRowFormat.SCALAR));
    return implementor.result(physType, Blocks.toBlock(rows));
  }
}
