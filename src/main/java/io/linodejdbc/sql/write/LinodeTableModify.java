package io.linodejdbc.sql.write;

import io.linodejdbc.resource.ResourceDescriptor;
import io.linodejdbc.sql.LinodeQueryException;
import io.linodejdbc.sql.LinodeTable;
import io.linodejdbc.sql.SqlState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A write on a Linode table as a relational expression: its input is the ordinary plan of the
 * rows the statement works on (so {@code WHERE id = 5} is a single GET in the scan below), and it
 * sends one request per row ({@link WriteExecution}). Its rows are the update count, or the
 * RETURNING columns of the rows the API answered, or (dry run) the requests it would send.
 *
 * <p>Created in {@link Convention#NONE} on top of the unoptimized rows plan, and made enumerable
 * by {@link LinodeTableModifyRule} (as core's {@code JdbcTableModificationRule} makes a
 * {@code JdbcTableModify}); Calcite's own {@code EnumerableTableModifyRule} never matches it.
 * {@code EXPLAIN PLAN FOR} shows the requests per row; no value is shown, and a secret-bearing
 * column is never written.
 */
public final class LinodeTableModify extends TableModify implements EnumerableRel {
  /** {@link WriteExecution#run}, called by the generated code. */
  private static final java.lang.reflect.Method RUN = org.apache.calcite.linq4j.tree.Types
      .lookupMethod(WriteExecution.class, "run", DataContext.class,
          org.apache.calcite.linq4j.Enumerable.class);

  private final LinodeTable linodeTable;
  private final WriteStatement statement;
  private final List<String> columns;
  private final int @Nullable [] returned;
  private final WriteOptions options;
  private final Clock clock;
  private final RelDataType resultType;

  @SuppressWarnings("checkstyle:ParameterNumber")
  private LinodeTableModify(RelOptCluster cluster, RelTraitSet traits, RelOptTable table,
      Prepare.CatalogReader catalogReader, RelNode input, LinodeTable linodeTable,
      WriteStatement statement, List<String> columns, int @Nullable [] returned,
      WriteOptions options, Clock clock, RelDataType resultType) {
    super(cluster, traits, table, catalogReader, input, operation(statement),
        statement.kind() == WriteStatement.Kind.UPDATE ? columns : null,
        statement.kind() == WriteStatement.Kind.UPDATE ? newValues(input, columns) : null, false);
    this.linodeTable = linodeTable;
    this.statement = statement;
    this.columns = columns;
    this.returned = returned;
    this.options = options;
    this.clock = clock;
    this.resultType = resultType;
  }

  /** The logical write on top of {@code rows} (not optimized yet). */
  static LinodeTableModify create(LinodeTable linodeTable, Prepare.CatalogReader catalogReader,
      RelNode rows, WriteStatement statement, List<String> columns, int @Nullable [] returned,
      WriteOptions options, Clock clock) {
    RelOptCluster cluster = rows.getCluster();
    int expected = statement.kind() == WriteStatement.Kind.INSERT
        ? columns.size() : linodeTable.resource().columns().size() + columns.size();
    int actual = rows.getRowType().getFieldCount();
    if (actual != expected) {
      throw new LinodeQueryException(SqlState.INSERT_VALUE_LIST_MISMATCH.code(),
          "INSERT names " + columns.size() + " column(s) but its rows have " + actual
          + " value(s)", null);
    }
    RelOptTable table = catalogReader.getTableForMember(qualified(statement, catalogReader));
    if (table == null) {
      throw new IllegalStateException("write target not found: " + statement.target());
    }
    RelDataTypeFactory types = cluster.getTypeFactory();
    RelDataType resultType;
    if (options.dryRun()) {
      RelDataType text = types.createTypeWithNullability(
          types.createSqlType(SqlTypeName.VARCHAR), true);
      resultType = types.builder().add("method", text).add("path", text).add("body", text)
          .build();
    } else if (returned != null) {
      List<RelDataTypeField> fields = table.getRowType().getFieldList();
      List<String> names = new ArrayList<>();
      List<RelDataType> fieldTypes = new ArrayList<>();
      for (int index : returned) {
        names.add(fields.get(index).getName());
        fieldTypes.add(fields.get(index).getType());
      }
      resultType = types.createStructType(fieldTypes,
          org.apache.calcite.sql.validate.SqlValidatorUtil.uniquify(names, true));
    } else {
      resultType = types.builder().add("ROWCOUNT", SqlTypeName.BIGINT).build();
    }
    return new LinodeTableModify(cluster, cluster.traitSetOf(Convention.NONE), table,
        catalogReader, rows, linodeTable, statement, columns, returned, options, clock,
        resultType);
  }

  private static List<String> qualified(WriteStatement statement,
      Prepare.CatalogReader catalogReader) {
    List<String> names = statement.target().names;
    for (List<String> schema : catalogReader.getSchemaPaths()) {
      List<String> path = new ArrayList<>(schema);
      path.addAll(names);
      if (catalogReader.getTable(path) != null) {
        return path;
      }
    }
    return names;
  }

  private static Operation operation(WriteStatement statement) {
    return switch (statement.kind()) {
      case INSERT -> Operation.INSERT;
      case UPDATE -> Operation.UPDATE;
      case DELETE -> Operation.DELETE;
    };
  }

  /** An UPDATE's new values: the fields after the table's columns in its input. */
  private static List<RexNode> newValues(RelNode input, List<String> columns) {
    int first = input.getRowType().getFieldCount() - columns.size();
    List<RexNode> values = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      values.add(input.getCluster().getRexBuilder().makeInputRef(input, first + i));
    }
    return values;
  }

  /** This write in another convention, on another input. */
  LinodeTableModify copy(RelTraitSet traits, RelNode input) {
    return new LinodeTableModify(getCluster(), traits, getTable(), getCatalogReader(), input,
        linodeTable, statement, columns, returned, options, clock, resultType);
  }

  @Override public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return copy(traitSet, sole(inputs));
  }

  @Override public RelDataType deriveRowType() {
    return resultType;
  }

  @Override public void register(RelOptPlanner planner) {
    planner.addRule(LinodeTableModifyRule.INSTANCE);
  }

  @Override public RelWriter explainTerms(RelWriter pw) {
    ResourceDescriptor resource = linodeTable.resource();
    String request = switch (statement.kind()) {
      case INSERT -> "POST " + resource.collectionPath() + " body=" + columns;
      case UPDATE -> "PUT " + resource.objectPathTemplate() + " body=" + columns;
      case DELETE -> "DELETE " + resource.objectPathTemplate();
    };
    pw.input("input", getInput())
        .item("table", getTable().getQualifiedName())
        .item("operation", statement.verb())
        .item("request", request + " per row")
        .item("sequential", true);
    if (returned != null) {
      List<String> names = new ArrayList<>();
      for (int index : returned) {
        names.add(resource.columns().get(index).name());
      }
      pw.item("returning", String.join(", ", names));
    }
    return pw.itemIf("dryRun", true, options.dryRun());
  }

  @Override public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    BlockBuilder builder = new BlockBuilder();
    Result input = implementor.visitChild(this, 0, (EnumerableRel) getInput(), Prefer.ARRAY);
    Expression rows = builder.append("rows", input.block);
    List<SqlTypeName> rowTypes = new ArrayList<>();
    for (RelDataTypeField field : getInput().getRowType().getFieldList()) {
      rowTypes.add(field.getType().getSqlTypeName());
    }
    boolean arrayRows = getRowType().getFieldCount() > 1;
    WriteExecution execution = new WriteExecution(linodeTable, statement, columns, rowTypes,
        returned, arrayRows, new WriteValues(clock), options);
    Expression run = Expressions.call(implementor.stash(execution, WriteExecution.class), RUN,
        DataContext.ROOT, rows);
    builder.add(Expressions.return_(null, run));
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(),
        arrayRows ? JavaRowFormat.ARRAY : JavaRowFormat.SCALAR);
    return implementor.result(physType, builder.toBlock());
  }

  /** Marks the enumerable variant. */
  static RelTraitSet enumerable(RelNode rel) {
    return rel.getTraitSet().replace(EnumerableConvention.INSTANCE);
  }
}
