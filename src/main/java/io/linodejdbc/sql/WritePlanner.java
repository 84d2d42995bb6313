package io.linodejdbc.sql;

import io.linodejdbc.resource.ColumnDescriptor;
import io.linodejdbc.resource.ResourceDescriptor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.schema.Table;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Prepares an INSERT / UPDATE / REPLACE / DELETE on a Linode table.
 *
 * <p>The rows a statement touches are found by an ordinary query that Calcite plans (so
 * {@code WHERE id = 5} becomes one GET, a label filter an X-Filter, and so on): for UPDATE
 * {@code SELECT *, <new values> FROM t WHERE …}, for DELETE {@code SELECT * FROM t WHERE …}, for
 * INSERT the VALUES or query that supplies the rows. The statement's {@code ?} parameters stay in
 * the same order in that query. At run time {@link WriteExecution} reads those rows completely,
 * checks every value, and only then sends one request per row.
 *
 * <p>Everything that can be known without the API is checked here, at prepare time: writing a
 * column Linode sets, changing one it fixes at creation, a missing WHERE.
 */
final class WritePlanner {
  private static final SqlParserPos POS = SqlParserPos.ZERO;

  private final CalcitePrepare.Context context;
  private final Function<String, CalcitePrepare.CalciteSignature<Object>> prepareQuery;
  private final Clock clock;

  WritePlanner(CalcitePrepare.Context context,
      Function<String, CalcitePrepare.CalciteSignature<Object>> prepareQuery, Clock clock) {
    this.context = context;
    this.prepareQuery = prepareQuery;
    this.clock = clock;
  }

  CalcitePrepare.CalciteSignature<Object> plan(String sql, WriteStatement statement) {
    LinodeTable table = resolve(statement.target());
    ResourceDescriptor resource = table.resource();
    WriteOptions options = table.session().writeOptions();

    List<String> columns = checkColumns(statement, resource);
    if (statement.kind() != WriteStatement.Kind.INSERT && statement.condition() == null
        && !options.allowFullTableDml()) {
      throw new LinodeQueryException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE.code(),
          statement.verb() + " without WHERE would "
          + (statement.kind() == WriteStatement.Kind.DELETE ? "revoke" : "change")
          + " every token. Add a WHERE clause (e.g. WHERE id = 123), or set the connection"
          + " property allowFullTableDml=true if that is really meant.", null);
    }

    CalcitePrepare.CalciteSignature<Object> rows = prepareQuery.apply(unparse(rowsQuery(statement)));
    int expected = statement.kind() == WriteStatement.Kind.INSERT
        ? columns.size() : resource.columns().size() + columns.size();
    int actual = rows.rowType == null ? -1 : rows.rowType.getFieldCount();
    if (actual != expected) {
      throw new LinodeQueryException(SqlState.INSERT_VALUE_LIST_MISMATCH.code(),
          "INSERT names " + columns.size()
          + " column(s) but its rows have " + actual + " value(s)", null);
    }
    List<SqlTypeName> rowTypes = new ArrayList<>();
    for (var field : rows.rowType.getFieldList()) {
      rowTypes.add(field.getType().getSqlTypeName());
    }

    Shape shape;
    int[] returned = null;
    if (options.dryRun()) {
      shape = shapeOf("SELECT CAST(NULL AS VARCHAR) AS \"method\", CAST(NULL AS VARCHAR) AS"
          + " \"path\", CAST(NULL AS VARCHAR) AS \"body\" FROM (VALUES (1))",
          Meta.StatementType.SELECT);
    } else if (statement.returning() != null) {
      returned = returnedColumns(statement.returning(), resource);
      shape = shapeOf(unparse(new SqlSelect(POS, null, statement.returning(), statement.target(),
          null, null, null, null, null, null, null, null, null)), Meta.StatementType.SELECT);
    } else {
      shape = rowCountShape();
    }

    WriteExecution execution = new WriteExecution(table, statement, columns, rows, rowTypes,
        returned, shape.cursorFactory == Meta.CursorFactory.ARRAY, new WriteValues(clock));
    return new CalcitePrepare.CalciteSignature<>(sql, rows.parameters, rows.internalParameters,
        shape.rowType, shape.columns, shape.cursorFactory, context.getRootSchema(), List.of(), -1,
        execution::run, shape.statementType);
  }

  /**
   * {@code EXPLAIN PLAN FOR} a write: a query answering one PLAN row that shows the requests the
   * statement sends per row and, below, the plan of the query that finds the rows.
   */
  String explain(WriteStatement statement) {
    LinodeTable table = resolve(statement.target());
    ResourceDescriptor resource = table.resource();
    List<String> columns = checkColumns(statement, resource);
    String rowsPlan;
    try (var rows = prepareQuery.apply("EXPLAIN PLAN FOR " + unparse(rowsQuery(statement)))
        .enumerable(org.apache.calcite.DataContexts.EMPTY).enumerator()) {
      rowsPlan = rows.moveNext() ? String.valueOf(rows.current() instanceof Object[] a
          ? a[0] : rows.current()) : "";
    }
    String request = switch (statement.kind()) {
      case INSERT -> "POST " + resource.collectionPath() + " body=" + columns;
      case UPDATE -> "PUT " + resource.collectionPath() + "/{id} body=" + columns;
      case DELETE -> "DELETE " + resource.collectionPath() + "/{id}";
    };
    String plan = "LinodeWrite(operation=[" + statement.verb() + "], request=[" + request
        + " per row], sequential=[true])\n  rows from:\n" + rowsPlan.indent(4).stripTrailing();
    return "SELECT CAST(" + CalciteSqlDialect.DEFAULT.quoteStringLiteral(plan)
        + " AS VARCHAR) AS \"PLAN\" FROM (VALUES (1))";
  }

  /** The Linode table a statement names, or an error. */
  private LinodeTable resolve(SqlIdentifier target) {
    List<String> path = new ArrayList<>(target.names.size() == 1
        ? context.getDefaultSchemaPath() : List.of());
    path.addAll(target.names);
    CalciteSchema schema = context.getRootSchema();
    boolean caseSensitive = context.config().caseSensitive();
    for (String name : path.subList(0, path.size() - 1)) {
      schema = schema == null ? null : schema.getSubSchema(name, caseSensitive);
    }
    CalciteSchema.TableEntry entry =
        schema == null ? null : schema.getTable(path.get(path.size() - 1), caseSensitive);
    Table table = entry == null ? null : entry.getTable();
    if (!(table instanceof LinodeTable linodeTable)) {
      throw new LinodeQueryException(SqlState.UNDEFINED_TABLE.code(),
          "Table '" + String.join(".", target.names)
          + "' not found" + (table == null ? "" : " or not writable"), null);
    }
    return linodeTable;
  }

  /** The written columns, checked against what the API lets a client write. */
  private static List<String> checkColumns(WriteStatement statement, ResourceDescriptor resource) {
    if (statement.kind() == WriteStatement.Kind.DELETE) {
      return List.of();
    }
    List<String> columns = statement.columns() != null ? statement.columns()
        : resource.columns().stream().map(ColumnDescriptor::name).toList();
    List<String> seen = new ArrayList<>();
    for (String name : columns) {
      ColumnDescriptor column = resource.column(name).orElseThrow(() ->
          new LinodeQueryException(SqlState.UNDEFINED_COLUMN.code(),
              "Unknown column '" + name + "' in "
              + resource.name(), null));
      if (seen.contains(name)) {
        throw new LinodeQueryException(SqlState.DUPLICATE_COLUMN.code(),
            "Column '" + name + "' is written twice", null);
      }
      seen.add(name);
      if (column.readOnly()) {
        throw new LinodeQueryException(SqlState.GENERATED_ALWAYS.code(), "Column '" + name
            + "' is set by Linode and cannot be written"
            + (statement.columns() == null ? "; name the columns to insert, e.g. INSERT INTO "
                + resource.name() + " (label, expiry, scopes) VALUES (...)" : ""), null);
      }
      if (statement.kind() == WriteStatement.Kind.UPDATE && !column.writableOnUpdate()) {
        throw new LinodeQueryException(SqlState.GENERATED_ALWAYS.code(), "Column '" + name
            + "' cannot be changed after a token is created; only label can be. Create a new"
            + " token with the " + name + " you need and revoke this one.", null);
      }
    }
    return columns;
  }

  /** The query that yields the rows a statement works on. */
  private static SqlNode rowsQuery(WriteStatement statement) {
    SqlNode from = statement.alias() == null ? statement.target()
        : SqlStdOperatorTable.AS.createCall(POS, statement.target(), statement.alias());
    switch (statement.kind()) {
    case INSERT: {
      List<SqlNode> rows = statement.valuesRows();
      if (rows != null) {
        List<SqlNode> typed = new ArrayList<>();
        for (SqlNode row : rows) {
          typed.add(typeParameters((SqlCall) row));
        }
        return SqlStdOperatorTable.VALUES.createCall(POS, typed);
      }
      SqlNode source = statement.source();
      if (source instanceof SqlSelect select) {
        List<SqlNode> items = new ArrayList<>();
        for (SqlNode item : select.getSelectList()) {
          items.add(typeParameter(item));
        }
        select.setSelectList(new SqlNodeList(items, POS));
      }
      return source;
    }
    case UPDATE: {
      SqlNodeList select = new SqlNodeList(POS);
      select.add(SqlIdentifier.star(POS));
      int i = 0;
      for (SqlNode expression : statement.expressions()) {
        select.add(SqlStdOperatorTable.AS.createCall(POS, typeParameter(expression),
            new SqlIdentifier("$new" + i++, POS)));
      }
      return new SqlSelect(POS, null, select, from, statement.condition(), null, null, null,
          null, null, null, null, null);
    }
    default: {
      SqlNodeList select = new SqlNodeList(POS);
      select.add(SqlIdentifier.star(POS));
      return new SqlSelect(POS, null, select, from, statement.condition(), null, null, null,
          null, null, null, null, null);
    }
    }
  }

  private static SqlCall typeParameters(SqlCall row) {
    List<SqlNode> operands = new ArrayList<>();
    for (SqlNode operand : row.getOperandList()) {
      operands.add(typeParameter(operand));
    }
    return row.getOperator().createCall(POS, operands);
  }

  /**
   * A bare {@code ?} gets a type, as Calcite cannot infer one in a select list or VALUES: text,
   * which {@link WriteValues} then checks and converts (a label, a date-time, scopes).
   */
  private static SqlNode typeParameter(SqlNode node) {
    if (node instanceof SqlDynamicParam) {
      return SqlStdOperatorTable.CAST.createCall(POS, node,
          new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, POS), POS));
    }
    if (node instanceof SqlBasicCall call && call.getKind() == SqlKind.AS
        && call.operand(0) instanceof SqlDynamicParam) {
      return SqlStdOperatorTable.AS.createCall(POS, typeParameter(call.operand(0)),
          call.operand(1));
    }
    return node;
  }

  /** Positions (in table order) of the RETURNING columns. */
  private static int[] returnedColumns(SqlNodeList returning, ResourceDescriptor resource) {
    List<Integer> indexes = new ArrayList<>();
    for (SqlNode item : returning) {
      SqlNode column = item instanceof SqlBasicCall call && call.getKind() == SqlKind.AS
          ? call.operand(0) : item;
      if (!(column instanceof SqlIdentifier id)) {
        throw new LinodeQueryException(SqlState.SYNTAX_ERROR.code(),
            "RETURNING lists columns (or *), not expressions: " + item, null);
      }
      if (id.isStar()) {
        for (int i = 0; i < resource.columns().size(); i++) {
          indexes.add(i);
        }
        continue;
      }
      String name = id.names.get(id.names.size() - 1);
      int index = resource.indexOf(name);
      if (index < 0) {
        throw new LinodeQueryException(SqlState.UNDEFINED_COLUMN.code(),
            "RETURNING names unknown column '" + name + "'",
            null);
      }
      indexes.add(index);
    }
    return indexes.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The result columns of a query, borrowed from Calcite's own preparation of it. */
  private Shape shapeOf(String query, Meta.StatementType type) {
    CalcitePrepare.CalciteSignature<Object> s = prepareQuery.apply(query);
    return new Shape(s.rowType, s.columns, s.cursorFactory, type);
  }

  private Shape rowCountShape() {
    RelDataType rowType = context.getTypeFactory().builder()
        .add("ROWCOUNT", SqlTypeName.BIGINT).build();
    ColumnMetaData column = MetaImpl.columnMetaData("ROWCOUNT", 0, Long.class, false);
    // IS_DML: Avatica reads an update count only for INSERT and IS_DML (StatementType.canUpdate).
    return new Shape(rowType, List.of(column), Meta.CursorFactory.OBJECT,
        Meta.StatementType.IS_DML);
  }

  private record Shape(@Nullable RelDataType rowType, List<ColumnMetaData> columns,
      Meta.CursorFactory cursorFactory, Meta.StatementType statementType) {}

  static String unparse(SqlNode node) {
    return node.toSqlString(c -> c.withDialect(CalciteSqlDialect.DEFAULT)).getSql();
  }
}
