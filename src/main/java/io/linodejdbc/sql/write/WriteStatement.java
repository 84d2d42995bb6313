package io.linodejdbc.sql.write;

import io.linodejdbc.sql.LinodeQueryException;
import io.linodejdbc.sql.SqlState;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUpdate;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An INSERT, UPDATE (or StackQL's REPLACE) or DELETE, reduced to what the driver needs to run it
 * against the API.
 *
 * @param kind what it does
 * @param verb the statement's own keyword, for messages (REPLACE stays REPLACE)
 * @param target the table, as written
 * @param alias the table alias of an UPDATE/DELETE, or null
 * @param columns INSERT: the target columns (null = all, in table order); UPDATE: the SET columns
 * @param expressions UPDATE: the SET expressions; otherwise empty
 * @param source INSERT: the VALUES or query supplying the rows
 * @param condition UPDATE/DELETE: the WHERE clause, or null
 * @param returning the RETURNING list, or null
 */
record WriteStatement(
    Kind kind,
    String verb,
    SqlIdentifier target,
    @Nullable SqlIdentifier alias,
    @Nullable List<String> columns,
    List<SqlNode> expressions,
    @Nullable SqlNode source,
    @Nullable SqlNode condition,
    @Nullable SqlNodeList returning) {

  enum Kind { INSERT, UPDATE, DELETE }

  /** The statement {@code node} describes, or null when it is no write. */
  static @Nullable WriteStatement of(SqlNode node, @Nullable SqlNodeList returning) {
    if (node instanceof SqlInsert insert && insert.getTargetTable() instanceof SqlIdentifier t) {
      if (insert.isUpsert()) {
        throw new LinodeQueryException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE.code(),
            "UPSERT is not supported: the API cannot tell"
            + " whether a token exists before creating one. Use INSERT, or UPDATE by id.", null);
      }
      return new WriteStatement(Kind.INSERT, "INSERT", t, null,
          insert.getTargetColumnList() == null ? null : names(insert.getTargetColumnList()),
          List.of(), insert.getSource(), null, returning);
    }
    if (node instanceof SqlUpdate update && update.getTargetTable() instanceof SqlIdentifier t) {
      String verb = update.getClass() == SqlUpdate.class ? "UPDATE" : "REPLACE";
      return new WriteStatement(Kind.UPDATE, verb, t, update.getAlias(),
          names(update.getTargetColumnList()), update.getSourceExpressionList().getList(), null,
          update.getCondition(), returning);
    }
    if (node instanceof SqlDelete delete && delete.getTargetTable() instanceof SqlIdentifier t) {
      return new WriteStatement(Kind.DELETE, "DELETE", t, delete.getAlias(), null, List.of(),
          null, delete.getCondition(), returning);
    }
    return null;
  }

  private static List<String> names(SqlNodeList list) {
    List<String> names = new ArrayList<>();
    for (SqlNode n : list) {
      SqlIdentifier id = (SqlIdentifier) n;
      names.add(id.names.get(id.names.size() - 1));
    }
    return names;
  }

  /** The rows of an INSERT ... VALUES, or null when the source is a query. */
  @Nullable List<SqlNode> valuesRows() {
    if (source instanceof SqlBasicCall call && call.getKind() == SqlKind.VALUES) {
      return call.getOperandList();
    }
    return null;
  }
}
