package io.linodejdbc.sql.write;

import io.linodejdbc.resource.ColumnDescriptor;
import io.linodejdbc.resource.ResourceDescriptor;
import io.linodejdbc.sql.LinodeQueryException;
import io.linodejdbc.sql.LinodeTable;
import io.linodejdbc.sql.SqlState;
import io.linodejdbc.sql.StatementExtension;
import io.linodejdbc.sql.parser.SqlReturning;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.schema.Table;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Plans an INSERT / UPDATE / REPLACE / DELETE on a Linode table ({@link StatementExtension}).
 *
 * <p>The rows a statement touches are found by an ordinary query, planned by Calcite in the same
 * preparation as the statement (so {@code WHERE id = 5} becomes one GET, a label filter an
 * X-Filter, and so on): for UPDATE {@code SELECT *, <new values> FROM t WHERE …}, for DELETE
 * {@code SELECT * FROM t WHERE …}, for INSERT the VALUES or query that supplies the rows. The
 * statement's {@code ?} parameters stay in the same order in that query. A
 * {@link LinodeTableModify} on top of that query's plan sends the requests
 * ({@link WriteExecution}).
 *
 * <p>Everything that can be known without the API is checked here, at prepare time: writing a
 * column Linode sets, changing one it fixes at creation, a missing WHERE.
 */
final class WritePlanner implements StatementExtension {
  private static final SqlParserPos POS = SqlParserPos.ZERO;

  private final WriteOptions options;
  private final Clock clock;

  WritePlanner(WriteOptions options, Clock clock) {
    this.options = options;
    this.clock = clock;
  }

  @Override public StatementExtension.@Nullable Planned plan(CalcitePrepare.Context context,
      SqlNode node) {
    SqlNode dml = node;
    SqlNodeList returning = null;
    if (node instanceof SqlReturning r) {
      dml = r.getDml();
      returning = r.getReturnList();
    }
    WriteStatement statement = WriteStatement.of(dml, returning);
    if (statement == null) {
      return null;
    }
    LinodeTable table = resolve(context, statement.target());
    ResourceDescriptor resource = table.resource();
    List<String> columns = checkColumns(statement, resource);
    if (statement.kind() != WriteStatement.Kind.INSERT && statement.condition() == null
        && !options.allowFullTableDml()) {
      throw new LinodeQueryException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE.code(),
          statement.verb() + " without WHERE would "
          + (statement.kind() == WriteStatement.Kind.DELETE ? "delete" : "change")
          + " every row of " + resource.name() + ". Add a WHERE clause (e.g. WHERE "
          + resource.keyColumn() + " = 123), or set the connection property"
          + " allowFullTableDml=true if that is really meant.", null);
    }
    SqlNode facade;
    int[] returned = null;
    if (options.dryRun()) {
      facade = dryRunColumns();
    } else if (statement.returning() != null) {
      returned = returnedColumns(statement.returning(), resource);
      // Copies: the validator expands nodes in place, and this tree is validated beside the
      // rows query's.
      facade = new SqlSelect(POS, null,
          (SqlNodeList) statement.returning().clone(POS), statement.target().clone(POS),
          null, null, null, null, null, null, null, null, null);
    } else {
      facade = dml;
    }
    SqlNode query = rowsQuery(statement);
    int[] returnedColumns = returned;
    return new Planned() {
      @Override public SqlNode facade() {
        return facade;
      }

      @Override public SqlNode query() {
        return query;
      }

      @Override public RelNode plan(RelNode rows, Prepare.CatalogReader catalogReader) {
        return LinodeTableModify.create(table, catalogReader, rows, statement, columns,
            returnedColumns, options, clock);
      }
    };
  }

  /** The columns a dry run answers: the requests it would send. */
  private static SqlNode dryRunColumns() {
    SqlNodeList items = new SqlNodeList(POS);
    for (String name : List.of("method", "path", "body")) {
      items.add(SqlStdOperatorTable.AS.createCall(POS,
          SqlStdOperatorTable.CAST.createCall(POS, SqlLiteral.createNull(POS),
              new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, POS), POS)),
          new SqlIdentifier(name, POS)));
    }
    SqlNode one = SqlStdOperatorTable.VALUES.createCall(POS,
        SqlStdOperatorTable.ROW.createCall(POS, SqlLiteral.createExactNumeric("1", POS)));
    return new SqlSelect(POS, null, items, one, null, null, null, null, null, null, null, null,
        null);
  }

  /** The Linode table a statement names, or an error. */
  private static LinodeTable resolve(CalcitePrepare.Context context, SqlIdentifier target) {
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

}
