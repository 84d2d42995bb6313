package io.linodejdbc.sql.parser;

import io.linodejdbc.sql.SqlState;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Rewrites a parsed statement from PostgreSQL's meaning into Calcite's, in place, before the
 * validator sees it:
 * <ul>
 *   <li>casts ({@code x::type}, {@code CAST(x AS type)}) to PostgreSQL's type names become casts
 *       to the Calcite type ({@link PgTypes}); a cast to {@code interval} of a string becomes an
 *       interval literal; a cast to a type name the driver does not know ({@code regclass},
 *       {@code oid}, {@code name}, {@code _text} for {@code text[]}, ...) becomes a call of the
 *       function of that name with the value as its one argument, so that such "types" can be
 *       supplied as functions;
 *   <li>{@code ts ± interval 'y mons d days'} (both kinds of interval in one) becomes two steps,
 *       months first, as PostgreSQL adds them;
 *   <li>{@code LIKE} and {@code ILIKE} without ESCAPE take PostgreSQL's default escape,
 *       backslash;
 *   <li>{@code EXTRACT(DOW ...)} counts 0–6 from Sunday; {@code date_part('f', x)} is
 *       {@code EXTRACT(f FROM x)}; {@code date_trunc('f', x)} (PostgreSQL's argument order) is
 *       {@code FLOOR(x TO f)};
 *   <li>{@code now()} and its synonyms are {@code CURRENT_TIMESTAMP}; {@code ifnull} is
 *       {@code coalesce}; {@code char_length}/{@code length}, {@code strpos} and
 *       {@code position} count code points ({@code pg_char_length}, {@code pg_strpos});
 *   <li>unaliased select items of a query get PostgreSQL's column names ({@link PgColumnNames}).
 * </ul>
 */
public final class PgTreeRewriter {
  /** The function that counts characters as PostgreSQL does (code points, not UTF-16 units). */
  public static final String CHAR_LENGTH_FUNCTION = "pg_char_length";

  /** The function that finds a substring as PostgreSQL does (counting code points). */
  public static final String STRPOS_FUNCTION = "pg_strpos";

  /** What {@code current_schema()} calls ({@link PgLexer}: Calcite reserves the word). */
  public static final String CURRENT_SCHEMA_FUNCTION = "pg_current_schema";

  private static final Map<String, TimeUnit> FIELDS = Map.ofEntries(
      Map.entry("microseconds", TimeUnit.MICROSECOND),
      Map.entry("milliseconds", TimeUnit.MILLISECOND),
      Map.entry("second", TimeUnit.SECOND),
      Map.entry("minute", TimeUnit.MINUTE),
      Map.entry("hour", TimeUnit.HOUR),
      Map.entry("day", TimeUnit.DAY),
      Map.entry("week", TimeUnit.WEEK),
      Map.entry("month", TimeUnit.MONTH),
      Map.entry("quarter", TimeUnit.QUARTER),
      Map.entry("year", TimeUnit.YEAR),
      Map.entry("decade", TimeUnit.DECADE),
      Map.entry("century", TimeUnit.CENTURY),
      Map.entry("millennium", TimeUnit.MILLENNIUM),
      Map.entry("dow", TimeUnit.DOW),
      Map.entry("isodow", TimeUnit.ISODOW),
      Map.entry("doy", TimeUnit.DOY),
      Map.entry("isoyear", TimeUnit.ISOYEAR),
      Map.entry("epoch", TimeUnit.EPOCH));

  private PgTreeRewriter() {}

  /** The statement in Calcite's terms (the same node, changed in place, where possible). */
  public static SqlNode rewrite(SqlNode statement) {
    if (isQuery(statement)) {
      PgColumnNames.apply(statement);
    }
    return node(statement);
  }

  private static boolean isQuery(SqlNode node) {
    SqlKind k = node.getKind();
    return k == SqlKind.SELECT || k == SqlKind.ORDER_BY || k == SqlKind.UNION
        || k == SqlKind.INTERSECT || k == SqlKind.EXCEPT || k == SqlKind.WITH
        || k == SqlKind.VALUES;
  }

  private static @Nullable SqlNode node(@Nullable SqlNode node) {
    if (node instanceof SqlNodeList list) {
      for (int i = 0; i < list.size(); i++) {
        SqlNode e = list.get(i);
        SqlNode r = node(e);
        if (r != e) {
          list.set(i, r);
        }
      }
      return list;
    }
    if (!(node instanceof SqlCall call)) {
      return node;
    }
    if (call instanceof SqlOrderBy o) {
      SqlNode query = node(o.query);
      node(o.orderList);
      SqlNode offset = node(o.offset);
      SqlNode fetch = node(o.fetch);
      return query == o.query && offset == o.offset && fetch == o.fetch ? o
          : new SqlOrderBy(o.getParserPosition(), query, o.orderList, offset, fetch);
    }
    List<SqlNode> operands = call.getOperandList();
    for (int i = 0; i < operands.size(); i++) {
      SqlNode e = operands.get(i);
      SqlNode r = node(e);
      if (r != e) {
        call.setOperand(i, r);
      }
    }
    return call(call);
  }

  /** The replacement of one call whose operands are rewritten already. */
  private static SqlNode call(SqlCall call) {
    SqlOperator op = call.getOperator();
    SqlParserPos pos = call.getParserPosition();
    if (op == SqlLibraryOperators.INFIX_CAST || op == SqlStdOperatorTable.CAST) {
      return cast(call);
    }
    switch (call.getKind()) {
    case PLUS:
    case MINUS:
      return mixedInterval(call);
    case LIKE:
      if (call.operandCount() == 2) {
        return op.createCall(pos, call.operand(0), call.operand(1),
            SqlLiteral.createCharString("\\", pos));
      }
      return call;
    case EXTRACT:
      return dow(call);
    case POSITION:
      return call.operandCount() == 2
          ? function(STRPOS_FUNCTION, pos, List.of(call.operand(1), call.operand(0))) : call;
    default:
      break;
    }
    if (op instanceof SqlUnresolvedFunction f && f.getNameAsId().isSimple()) {
      return function(call, f.getName().toLowerCase(Locale.ROOT));
    }
    if (op == SqlLibraryOperators.DATE_TRUNC) {
      return dateTrunc(call);
    }
    if (op == SqlStdOperatorTable.CHAR_LENGTH || op == SqlStdOperatorTable.CHARACTER_LENGTH) {
      return function(CHAR_LENGTH_FUNCTION, pos, call.getOperandList());
    }
    return call;
  }

  private static SqlNode function(SqlCall call, String name) {
    SqlParserPos pos = call.getParserPosition();
    List<SqlNode> args = call.getOperandList();
    switch (name) {
    case "now":
    case "transaction_timestamp":
    case "statement_timestamp":
      // As the parser reads CURRENT_TIMESTAMP: the validator makes the call of the identifier.
      return args.isEmpty() ? new SqlIdentifier("current_timestamp", pos) : call;
    case "strpos":
      return args.size() == 2 ? function(STRPOS_FUNCTION, pos, args) : call;
    case "ifnull":
      return args.size() == 2 ? SqlStdOperatorTable.COALESCE.createCall(pos, args) : call;
    case "char_length":
    case "character_length":
    case "length":
      return args.size() == 1 ? function(CHAR_LENGTH_FUNCTION, pos, args) : call;
    case "date_part":
      if (args.size() == 2) {
        TimeUnit unit = field(args.get(0));
        if (unit != null) {
          return dow(SqlStdOperatorTable.EXTRACT.createCall(pos,
              new SqlIntervalQualifier(unit, null, args.get(0).getParserPosition()),
              args.get(1)));
        }
      }
      return call;
    default:
      return call;
    }
  }

  private static SqlNode function(String name, SqlParserPos pos, List<SqlNode> args) {
    SqlUnresolvedFunction f = new SqlUnresolvedFunction(new SqlIdentifier(name, pos), null, null,
        null, null, SqlFunctionCategory.USER_DEFINED_FUNCTION);
    return f.createCall(pos, args);
  }

  private static @Nullable TimeUnit field(SqlNode n) {
    if (n instanceof SqlLiteral l && l.getValue() != null
        && l.getTypeName().getFamily() == org.apache.calcite.sql.type.SqlTypeFamily.CHARACTER) {
      String v = l.getValueAs(String.class).strip().toLowerCase(Locale.ROOT);
      TimeUnit u = FIELDS.get(v);
      if (u == null && v.endsWith("s")) {
        u = FIELDS.get(v.substring(0, v.length() - 1));
      }
      return u;
    }
    return null;
  }

  /** {@code date_trunc('month', ts)}: FLOOR(ts TO MONTH). BigQuery's order stays Calcite's. */
  private static SqlNode dateTrunc(SqlCall call) {
    if (call.operandCount() != 2) {
      return call;
    }
    TimeUnit unit = field(call.operand(0));
    if (unit == null) {
      return call;
    }
    SqlParserPos pos = call.getParserPosition();
    SqlIntervalQualifier q = unit == TimeUnit.WEEK
        ? new SqlIntervalQualifier("ISOWEEK", pos) // PostgreSQL's weeks start on Monday
        : new SqlIntervalQualifier(unit, null, pos);
    return SqlStdOperatorTable.FLOOR.createCall(pos, call.operand(1), q);
  }

  /** PostgreSQL's DOW is 0 (Sunday) to 6; Calcite's is 1 to 7. */
  private static SqlNode dow(SqlNode extract) {
    if (extract instanceof SqlCall c && c.operand(0) instanceof SqlIntervalQualifier q
        && q.timeUnitRange.startUnit == TimeUnit.DOW && q.timeFrameName == null) {
      SqlParserPos pos = c.getParserPosition();
      return SqlStdOperatorTable.MINUS.createCall(pos, c,
          SqlLiteral.createExactNumeric("1", pos));
    }
    return extract;
  }

  private static SqlNode cast(SqlCall call) {
    SqlParserPos pos = call.getParserPosition();
    SqlNode value = call.operand(0);
    if (!(call.operand(1) instanceof SqlDataTypeSpec type)) {
      return call.getOperator() == SqlStdOperatorTable.CAST ? call
          : SqlStdOperatorTable.CAST.createCall(pos, call.getOperandList());
    }
    String udt = PgTypes.userDefinedName(type);
    if (udt == null) {
      return SqlStdOperatorTable.CAST.createCall(pos, value, type);
    }
    if (udt.equals("interval")) {
      return interval(value, pos);
    }
    SqlDataTypeSpec mapped = PgTypes.calciteType(udt, type.getParserPosition());
    if (mapped != null) {
      return SqlStdOperatorTable.CAST.createCall(pos, value, mapped);
    }
    // A type the driver does not know: the call of a function of that name (documented).
    return function(udt, pos, List.of(value));
  }

  /** {@code 'text'::interval}: an interval literal (a sum of two for mixed kinds). */
  private static SqlNode interval(SqlNode value, SqlParserPos pos) {
    String text = value instanceof SqlLiteral l && l.getValue() != null
        && l.getTypeName().getFamily() == org.apache.calcite.sql.type.SqlTypeFamily.CHARACTER
        ? l.getValueAs(String.class) : null;
    if (text == null) {
      throw new PgSyntaxException(SqlState.CANNOT_COERCE.code(), "cannot cast to interval: only a string constant"
          + " such as '30 days' can be read as an interval", pos);
    }
    PgInterval i = PgInterval.parse(text);
    if (i == null) {
      throw new PgSyntaxException(SqlState.INVALID_DATETIME_FORMAT.code(),
          "invalid input syntax for type interval: \"" + text + "\"", pos);
    }
    if (i.hasMonths() && i.hasTime()) {
      // Kept as a marker; mixedInterval() splits it when it is added or subtracted.
      return MIXED.createCall(pos, i.monthLiteral(pos), i.timeLiteral(pos));
    }
    return i.hasMonths() ? i.monthLiteral(pos) : i.timeLiteral(pos);
  }

  /** Holds a year-month and a day-time literal of one PostgreSQL interval. */
  static final SqlFunction MIXED = new SqlFunction("PG_MIXED_INTERVAL", SqlKind.OTHER_FUNCTION,
      null, null, null, SqlFunctionCategory.SYSTEM) {
    @Override public org.apache.calcite.rel.type.RelDataType deriveType(
        org.apache.calcite.sql.validate.SqlValidator validator,
        org.apache.calcite.sql.validate.SqlValidatorScope scope, SqlCall call) {
      throw new PgSyntaxException(SqlState.FEATURE_NOT_SUPPORTED.code(), "an interval with both months and days or times"
          + " can only be added to or subtracted from a timestamp here; write two intervals,"
          + " e.g. interval '1 month' + interval '2 days'", call.getParserPosition());
    }
  };

  private static SqlNode mixedInterval(SqlCall call) {
    if (call.operandCount() == 2 && call.operand(1) instanceof SqlBasicCall m
        && m.getOperator() == MIXED) {
      SqlOperator op = call.getOperator();
      SqlParserPos pos = call.getParserPosition();
      return op.createCall(pos, op.createCall(pos, call.operand(0), m.operand(0)), m.operand(1));
    }
    return call;
  }
}
