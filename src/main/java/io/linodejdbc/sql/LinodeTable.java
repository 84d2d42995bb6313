package io.linodejdbc.sql;

import io.linodejdbc.api.LinodeClient;
import io.linodejdbc.resource.ColumnDescriptor;
import io.linodejdbc.resource.ResourceDescriptor;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.ImmutableBitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * A Linode collection as a Calcite table. Planning turns it into a {@link LinodeTableScan}; at run
 * time the generated code calls {@link #scan} with the scan's {@link ScanSpec}.
 */
public final class LinodeTable extends AbstractTable implements TranslatableTable {
  private final ResourceDescriptor resource;
  private final LinodeSession session;
  private final RowConverter rowConverter;
  /**
   * The scans of each running execution. Held weakly both ways: the key (the execution's
   * context) is referenced by the scans in the value, so a strong value would keep every finished
   * execution alive; the running query holds its scans (and they their map) itself.
   */
  private final Map<DataContext, java.lang.ref.WeakReference<Map<ScanSpec, ScanRows>>>
      executions = new WeakHashMap<>();

  public LinodeTable(ResourceDescriptor resource, LinodeSession session) {
    this.resource = resource;
    this.session = session;
    this.rowConverter = new RowConverter(resource);
  }

  public ResourceDescriptor resource() {
    return resource;
  }

  public LinodeClient client() {
    return session.client();
  }

  public LinodeSession session() {
    return session;
  }

  /** A JSON object the API answered, as a row of this table. */
  public Object[] toRow(com.fasterxml.jackson.databind.node.ObjectNode object) {
    return rowConverter.toRow(object);
  }

  RowConverter rowConverter() {
    return rowConverter;
  }

  @Override public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    for (ColumnDescriptor column : resource.columns()) {
      RelDataType type = switch (column.type()) {
        case INTEGER -> typeFactory.createSqlType(SqlTypeName.INTEGER);
        case TIMESTAMP -> typeFactory.createSqlType(SqlTypeName.TIMESTAMP, 0);
        case VARCHAR -> column.maxLength() > 0
            ? typeFactory.createSqlType(SqlTypeName.VARCHAR, column.maxLength())
            : typeFactory.createSqlType(SqlTypeName.VARCHAR);
      };
      builder.add(column.name(), typeFactory.createTypeWithNullability(type, column.nullable()));
    }
    return builder.build();
  }

  @Override public Statistic getStatistic() {
    int key = resource.indexOf(resource.keyColumn());
    return Statistics.of(null, List.of(ImmutableBitSet.of(key)), null, null);
  }

  @Override public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return new LinodeTableScan(context.getCluster(), relOptTable, this, ScanSpec.FULL);
  }

  /**
   * Called by generated code for {@link LinodeCountScan}: one row holding the API's count of the
   * rows {@code spec} selects, {@code columns} times (a scalar when {@code scalar}).
   */
  public Enumerable<Object> count(DataContext context, ScanSpec spec, int columns,
      boolean scalar) {
    return new org.apache.calcite.linq4j.AbstractEnumerable<>() {
      @Override public org.apache.calcite.linq4j.Enumerator<Object> enumerator() {
        io.linodejdbc.api.ListRequest.Builder request =
            io.linodejdbc.api.ListRequest.builder(resource.collectionPath());
        com.fasterxml.jackson.databind.JsonNode filter = BoundScan.bind(spec, context).xFilter();
        if (filter != null) {
          request.xFilter(filter);
        }
        Long count = session.client().count(request.build());
        Object row = scalar ? count : java.util.Collections.nCopies(columns, count).toArray();
        return org.apache.calcite.linq4j.Linq4j.singletonEnumerator(row);
      }
    };
  }

  /**
   * Called by generated code: the rows the API returns for {@code spec}, as Object[]. Scans with
   * equal specs in one execution (a self-join) share their rows ({@link ScanRows}), so the API
   * is asked once.
   */
  public Enumerable<Object[]> scan(DataContext context, ScanSpec spec) {
    Map<ScanSpec, ScanRows> scans;
    synchronized (executions) {
      java.lang.ref.WeakReference<Map<ScanSpec, ScanRows>> ref = executions.get(context);
      scans = ref == null ? null : ref.get();
      if (scans == null) {
        scans = new HashMap<>();
        executions.put(context, new java.lang.ref.WeakReference<>(scans));
      }
    }
    Map<ScanSpec, ScanRows> map = scans;
    synchronized (map) {
      return map.computeIfAbsent(spec, s -> new ScanRows(this, rowConverter, s, context, map));
    }
  }
}
