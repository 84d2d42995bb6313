package io.linodejdbc.sql.parser;

import java.util.Locale;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDateLiteral;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlTimestampLiteral;
import org.apache.calcite.sql.SqlUnknownLiteral;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * PostgreSQL's names for unaliased select items (its {@code FigureColname}): a function call is
 * named after the function ({@code count}, {@code max}, {@code date_trunc}), a cast after its
 * operand or else its type ({@code created::date} is {@code created}, {@code 1::int} is
 * {@code int4}), {@code CASE} is {@code case}, {@code coalesce}/{@code greatest}/{@code least}/
 * {@code nullif} their own names, and anything else {@code ?column?}. Calcite would say
 * {@code EXPR$1}. The names are given as aliases on the parsed query, before any rewrite.
 */
final class PgColumnNames {
  static final String UNNAMED = "?column?";

  /** Context variables that read the clock (as the parser leaves them: identifiers). */
  private static final java.util.Set<String> CLOCKS =
      java.util.Set.of("current_timestamp", "localtimestamp", "current_date");

  private PgColumnNames() {}

  /** Adds PostgreSQL's name as an alias to every unaliased expression of every SELECT. */
  static void apply(SqlNode query) {
    query.accept(new SqlBasicVisitor<Void>() {
      @Override public Void visit(SqlCall call) {
        if (call instanceof SqlSelect select) {
          name(select.getSelectList());
        }
        return super.visit(call);
      }
    });
  }

  private static void name(SqlNodeList items) {
    for (int i = 0; i < items.size(); i++) {
      SqlNode item = items.get(i);
      if (item instanceof SqlIdentifier id && !CLOCKS.contains(id.toString())
          || item.getKind() == SqlKind.AS) {
        continue; // a column keeps its name; a clock is named too (it may become a call)
      }
      String name = of(item);
      items.set(i, SqlStdOperatorTable.AS.createCall(item.getParserPosition(), item,
          new SqlIdentifier(name == null ? UNNAMED : name, item.getParserPosition())));
    }
  }

  /** PostgreSQL's name for an expression, or null for {@code ?column?}. */
  static @Nullable String of(SqlNode node) {
    if (node instanceof SqlIdentifier id) {
      return id.isStar() ? null : id.names.get(id.names.size() - 1);
    }
    if (node instanceof SqlTimestampLiteral) {
      return "timestamp";
    }
    if (node instanceof SqlDateLiteral) {
      return "date";
    }
    if (node instanceof SqlUnknownLiteral u) {
      return u.tag.toLowerCase(Locale.ROOT); // DATE '...', TIMESTAMP '...' until validated
    }
    if (node instanceof SqlIntervalLiteral) {
      return "interval";
    }
    if (node instanceof SqlSelect select && select.getSelectList().size() == 1) {
      SqlNode first = select.getSelectList().get(0);
      return first.getKind() == SqlKind.AS
          ? ((SqlIdentifier) ((SqlCall) first).operand(1)).getSimple() : of(first);
    }
    if (!(node instanceof SqlCall call)) {
      return null;
    }
    if (call.getOperator() == SqlLibraryOperators.INFIX_CAST
        || call.getOperator() == SqlStdOperatorTable.CAST) {
      String inner = of(call.operand(0));
      if (inner != null) {
        return inner;
      }
      return call.operand(1) instanceof SqlDataTypeSpec t ? PgTypes.pgName(t) : null;
    }
    switch (call.getKind()) {
    case CASE:
      return "case";
    case COALESCE:
      return "coalesce";
    case NULLIF:
      return "nullif";
    case GREATEST:
      return "greatest";
    case LEAST:
      return "least";
    case EXISTS:
      return "exists";
    case ARRAY_VALUE_CONSTRUCTOR:
      return "array";
    case ROW:
      return "row";
    case FILTER:
    case OVER:
    case WITHIN_GROUP:
    case ITEM: // (current_schemas(true))[1] is current_schemas
      return of(call.operand(0));
    case DOT: // (f(x)).n is n
      return call.operand(1) instanceof SqlIdentifier field ? field.getSimple() : null;
    default:
      break;
    }
    if (call.getOperator() instanceof SqlFunction f && call instanceof SqlBasicCall) {
      String name = f.getName().toLowerCase(Locale.ROOT);
      switch (name) {
      case PgTreeRewriter.CURRENT_SCHEMA_FUNCTION:
        return "current_schema";
      case "substring":
      case "trim":
        return name.equals("trim") ? "btrim" : name;
      default:
        return name;
      }
    }
    return null;
  }
}
