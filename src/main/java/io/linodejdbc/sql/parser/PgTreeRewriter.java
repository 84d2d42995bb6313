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
import org.apache.calcite.sql.SqlIntervalLiteral;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
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

  /** {@code substr}/{@code substring} counting code points. */
  public static final String SUBSTR_FUNCTION = "pg_substr";

  /** The marker of {@code DISTINCT ON (...)} ({@link PgLexer}). */
  public static final String DISTINCT_ON_FUNCTION = "pg_distinct_on";

  /** PostgreSQL's average of exact numbers: {@code pg_avg(sum(x), count(x))}, a numeric. */
  public static final String AVG_FUNCTION = "pg_avg";

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
    if (node instanceof SqlIdentifier id) {
      return utcClock(id);
    }
    if (!(node instanceof SqlCall call)) {
      return node;
    }
    if (call instanceof SqlOrderBy o && setOperationWithSameNames(o.query) != null) {
      return node(namedSetColumns(o, setOperationWithSameNames(o.query)));
    }
    if (call instanceof SqlOrderBy o) {
      boolean distinctOn = o.query instanceof SqlSelect s && distinctOnList(s) != null;
      SqlNode query = distinctOn ? operands((SqlSelect) o.query) : node(o.query);
      node(o.orderList);
      SqlNode offset = node(o.offset);
      SqlNode fetch = node(o.fetch);
      if (distinctOn) {
        return distinctOn((SqlSelect) query, o.orderList, offset, fetch);
      }
      return query == o.query && offset == o.offset && fetch == o.fetch ? o
          : new SqlOrderBy(o.getParserPosition(), query, o.orderList, offset, fetch);
    }
    if (call instanceof SqlSelect select && distinctOnList(select) != null) {
      return distinctOn(operands(select), SqlNodeList.EMPTY, null, null);
    }
    if (call instanceof SqlSelect select) {
      setReturningItems(select);
      if (select.getFrom() != null) {
        select.setFrom(scalarFromItems(select.getFrom(), true));
      }
    }
    if ((call.getKind() == SqlKind.FILTER || call.getKind() == SqlKind.OVER)
        && isAvg(call.operand(0))) {
      // avg(x) FILTER (...) / OVER (...): sum and count each filtered / windowed
      SqlCall avg = call.operand(0);
      SqlNode sum = avgSum(avg);
      SqlNode count = SqlStdOperatorTable.COUNT.createCall(avg.getFunctionQuantifier(),
          avg.getParserPosition(), avg.getOperandList());
      if (sum != null) {
        List<SqlNode> rest = call.getOperandList().subList(1, call.operandCount());
        SqlNode sumCall = call.getOperator().createCall(call.getParserPosition(),
            concat(sum, rest));
        SqlNode countCall = call.getOperator().createCall(call.getParserPosition(),
            concat(count, rest));
        return node(function(AVG_FUNCTION, call.getParserPosition(),
            List.of(sumCall, countCall)));
      }
    }
    List<SqlNode> operands = call.getOperandList();
    for (int i = 0; i < operands.size(); i++) {
      SqlNode e = operands.get(i);
      SqlNode r = call.getKind() == SqlKind.AS && i > 0 ? e : node(e);
      if (r != e) {
        call.setOperand(i, r);
      }
    }
    return call(call);
  }

  /**
   * {@code now()}, {@code current_timestamp}, {@code localtimestamp}, {@code current_date} in
   * UTC, the zone of every time stamp here and PostgreSQL's session zone (the oracle's too):
   * Calcite gives the wall clock of the JVM's zone, so on a machine not set to UTC the
   * difference is taken off (nothing changes on a UTC machine).
   */
  private static SqlNode utcClock(SqlIdentifier id) {
    if (!id.isSimple()) {
      return id;
    }
    String name = id.getSimple().toLowerCase(Locale.ROOT);
    boolean date = name.equals("current_date");
    if (!date && !name.equals("current_timestamp") && !name.equals("localtimestamp")) {
      return id;
    }
    long now = System.currentTimeMillis();
    int offsetSeconds = java.util.TimeZone.getDefault().getOffset(now) / 1000;
    if (offsetSeconds == 0) {
      return id;
    }
    SqlParserPos pos = id.getParserPosition();
    SqlNode utc = SqlStdOperatorTable.MINUS.createCall(pos,
        new SqlIdentifier("current_timestamp", pos),
        SqlLiteral.createInterval(offsetSeconds < 0 ? -1 : 1,
            Integer.toString(Math.abs(offsetSeconds)),
            new SqlIntervalQualifier(TimeUnit.SECOND, 9, null, 0, pos), pos));
    return date ? SqlStdOperatorTable.CAST.createCall(pos, utc, new SqlDataTypeSpec(
        new org.apache.calcite.sql.SqlBasicTypeNameSpec(SqlTypeName.DATE, pos), pos)) : utc;
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
        return op.createCall(pos, call.operand(0), likePattern(call.operand(1)),
            SqlLiteral.createCharString("\\", pos));
      }
      return call;
    case EXTRACT:
      return dow(call);
    case AS:
      return seriesAlias(call);
    case WITHIN_GROUP:
      return percentile(call);
    case ITEM:
      // int2vector subscripts start at 0: indkey[0] is the first key column
      return isVector(call.operand(0)) ? op.createCall(pos, call.operand(0),
          SqlStdOperatorTable.PLUS.createCall(pos, call.operand(1),
              SqlLiteral.createExactNumeric("1", pos))) : call;
    default:
      break;
    }
    if (isAvg(call)) {
      SqlNode sum = avgSum(call);
      return sum == null ? call : function(AVG_FUNCTION, pos, List.of(sum,
          SqlStdOperatorTable.COUNT.createCall(call.getFunctionQuantifier(), pos,
              call.getOperandList())));
    }
    switch (call.getKind()) {
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
    if (op == SqlStdOperatorTable.SUBSTRING && call.operandCount() >= 2) {
      return function(SUBSTR_FUNCTION, pos, call.getOperandList());
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
      return args.isEmpty() ? utcClock(new SqlIdentifier("current_timestamp", pos)) : call;
    case "strpos":
      return args.size() == 2 ? function(STRPOS_FUNCTION, pos, args) : call;
    case "ifnull":
      return args.size() == 2 ? SqlStdOperatorTable.COALESCE.createCall(pos, args) : call;
    case "char_length":
    case "character_length":
    case "length":
      return args.size() == 1 ? function(CHAR_LENGTH_FUNCTION, pos, args) : call;
    case "substr":
      return args.size() == 2 || args.size() == 3 ? function(SUBSTR_FUNCTION, pos, args) : call;
    case "left":
    case "right":
      return args.size() == 2 ? function("pg_" + name, pos, args) : call;
    case "age":
      if (args.size() == 1) {
        // age(x) is age(current_date, x): midnight of today
        return function("pg_age", pos, List.of(SqlStdOperatorTable.CAST.createCall(pos,
            new SqlIdentifier("current_date", pos), timestampType(pos)), args.get(0)));
      }
      return args.size() == 2 ? function("pg_age", pos, args) : call;
    case "to_timestamp":
      if (args.size() == 1) {
        // seconds since 1970-01-01 00:00:00 UTC (the zone of every time stamp here)
        return SqlStdOperatorTable.PLUS.createCall(pos,
            SqlLiteral.createTimestamp(SqlTypeName.TIMESTAMP,
                new org.apache.calcite.util.TimestampString(1970, 1, 1, 0, 0, 0), 0, pos),
            SqlStdOperatorTable.MULTIPLY.createCall(pos, args.get(0),
                SqlLiteral.createInterval(1, "1",
                    new SqlIntervalQualifier(TimeUnit.SECOND, null, pos), pos)));
      }
      return call;
    case "generate_series":
      listArrays(call);
      return args.size() == 3 ? timestampSeries(call) : call;
    case "make_interval":
      return makeInterval(call);
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

  /**
   * {@code ARRAY[...]} in a table function's arguments becomes {@code array(...)}, the same list
   * built in one expression: Calcite's code for a table function's arguments drops the statements
   * that add an {@code ARRAY[...]} constructor's elements (the array would be empty, so
   * {@code array_upper(ARRAY[1,2], 1)} null and the series without rows).
   */
  private static void listArrays(SqlCall call) {
    for (int i = 0; i < call.operandCount(); i++) {
      SqlNode operand = call.operand(i);
      if (operand == null || operand instanceof SqlSelect) {
        continue;
      }
      if (operand.getKind() == SqlKind.ARRAY_VALUE_CONSTRUCTOR && operand instanceof SqlCall a) {
        listArrays(a);
        call.setOperand(i, SqlLibraryOperators.ARRAY.createCall(a.getParserPosition(),
            a.getOperandList()));
      } else if (operand instanceof SqlBasicCall c) {
        listArrays(c);
      }
    }
  }

  private static SqlDataTypeSpec timestampType(SqlParserPos pos) {
    return new SqlDataTypeSpec(new org.apache.calcite.sql.SqlBasicTypeNameSpec(
        SqlTypeName.TIMESTAMP, pos), pos);
  }

  /** Months (year-month) or milliseconds (day-time) of an interval literal, or null. */
  private static @Nullable Long intervalValue(SqlNode n, boolean months) {
    if (n instanceof SqlIntervalLiteral l
        && l.getValue() instanceof SqlIntervalLiteral.IntervalValue v
        && v.getIntervalQualifier().isYearMonth() == months) {
      return l.getValueAs(Long.class);
    }
    return null;
  }

  /**
   * {@code generate_series(start, stop, interval 'x')}: the driver's series over time stamps,
   * given the interval literal's months and milliseconds.
   */
  private static SqlNode timestampSeries(SqlCall call) {
    SqlParserPos pos = call.getParserPosition();
    SqlNode step = call.operand(2);
    Long months;
    Long millis;
    if (step instanceof SqlBasicCall m && m.getOperator() == MIXED) {
      months = intervalValue(m.operand(0), true);
      millis = intervalValue(m.operand(1), false);
    } else {
      months = intervalValue(step, true);
      millis = intervalValue(step, false);
      if (months != null) {
        millis = 0L;
      } else if (millis != null) {
        months = 0L;
      }
    }
    if (months == null || millis == null) {
      return call; // integers, or an interval that is no constant: as the function table says
    }
    return function("pg_generate_series_ts", pos, List.of(
        asText(SqlStdOperatorTable.CAST.createCall(pos, call.operand(0), timestampType(pos))),
        asText(SqlStdOperatorTable.CAST.createCall(pos, call.operand(1), timestampType(pos))),
        SqlLiteral.createExactNumeric(Long.toString(months), pos),
        SqlStdOperatorTable.CAST.createCall(pos,
            SqlLiteral.createExactNumeric(Long.toString(millis), pos),
            new SqlDataTypeSpec(new org.apache.calcite.sql.SqlBasicTypeNameSpec(
                SqlTypeName.BIGINT, pos), pos))));
  }

  private static SqlNode asText(SqlNode n) {
    SqlParserPos pos = n.getParserPosition();
    return SqlStdOperatorTable.CAST.createCall(pos, n, new SqlDataTypeSpec(
        new org.apache.calcite.sql.SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, pos), pos));
  }

  /**
   * {@code FROM generate_series(...) AS g} and {@code FROM unnest(array) AS g}: PostgreSQL names
   * the one column {@code g} too (a function returning a scalar); Calcite would name only the
   * table.
   */
  private static SqlNode seriesAlias(SqlCall as) {
    if (as.operandCount() != 2 || !(as.operand(1) instanceof SqlIdentifier alias)) {
      return as;
    }
    SqlNode source = as.operand(0);
    if (source.getKind() == SqlKind.COLLECTION_TABLE) {
      source = ((SqlCall) source).operand(0);
    }
    boolean oneArray = source.getKind() == SqlKind.UNNEST && ((SqlCall) source).operandCount() == 1;
    if (oneArray || source instanceof SqlBasicCall f && f.getOperator() instanceof SqlFunction fn
        && (fn.getName().equalsIgnoreCase("generate_series")
            || fn.getName().equalsIgnoreCase("pg_generate_series_ts"))) {
      return SqlStdOperatorTable.AS.createCall(as.getParserPosition(), as.operand(0), alias,
          new SqlIdentifier(alias.getSimple(), alias.getParserPosition()));
    }
    return as;
  }

  /**
   * The catalog columns of PostgreSQL's type {@code int2vector} that the catalog holds as
   * integer arrays: {@code pg_index.indkey} and {@code indoption}. A vector's subscripts start at
   * 0 and its text is its numbers separated by spaces; any column so named is taken for one.
   */
  private static final java.util.Set<String> VECTOR_COLUMNS = java.util.Set.of("indkey",
      "indoption");

  private static boolean isVector(SqlNode node) {
    return node instanceof SqlIdentifier id && !id.isStar() && VECTOR_COLUMNS.contains(
        id.names.get(id.names.size() - 1).toLowerCase(Locale.ROOT));
  }

  /** The table functions there are; any other function called in a FROM clause is a scalar. */
  private static final java.util.Set<String> TABLE_FUNCTIONS = java.util.Set.of(
      "generate_series", "pg_generate_series_ts");

  /**
   * {@code FROM f(x) AS s} for a function {@code f} that returns one value
   * ({@code string_to_array(...) s}, as Grafana's table list has it): PostgreSQL reads it as a
   * one-row relation {@code s} whose one column is {@code s} too (named after the function when
   * there is no alias). It becomes {@code (SELECT f(x) AS s) AS s}, lateral after the first
   * item, since PostgreSQL's function calls in FROM may refer to the items before them.
   */
  private static SqlNode scalarFromItems(SqlNode from, boolean first) {
    if (from instanceof org.apache.calcite.sql.SqlJoin join) {
      join.setLeft(scalarFromItems(join.getLeft(), first));
      join.setRight(scalarFromItems(join.getRight(), false));
      return join;
    }
    SqlNode source = from;
    SqlIdentifier alias = null;
    SqlIdentifier column = null;
    if (from.getKind() == SqlKind.AS && from instanceof SqlCall as) {
      source = as.operand(0);
      alias = as.operand(1) instanceof SqlIdentifier a ? a : null;
      if (as.operandCount() == 3 && as.operand(2) instanceof SqlIdentifier c) {
        column = c;
      } else if (as.operandCount() != 2) {
        return from;
      }
    }
    if (source.getKind() != SqlKind.COLLECTION_TABLE
        || !(((SqlCall) source).operand(0) instanceof SqlBasicCall f)
        || !(f.getOperator() instanceof SqlFunction fn)
        || TABLE_FUNCTIONS.contains(fn.getName().toLowerCase(Locale.ROOT))
        || fn instanceof SqlUnresolvedFunction u && !u.getNameAsId().isSimple()) {
      return from;
    }
    SqlParserPos pos = from.getParserPosition();
    String name = alias != null ? alias.getSimple() : fn.getName().toLowerCase(Locale.ROOT);
    String columnName = column != null ? column.getSimple() : name;
    SqlSelect one = new SqlSelect(pos, null, SqlNodeList.of(SqlStdOperatorTable.AS.createCall(
        pos, f, new SqlIdentifier(columnName, pos))), null, null, null, null, null, null, null,
        null, null, null);
    SqlNode relation = first ? one : SqlStdOperatorTable.LATERAL.createCall(pos, one);
    return SqlStdOperatorTable.AS.createCall(pos, relation, new SqlIdentifier(name, pos));
  }

  /**
   * The first select of a set operation ({@code a UNION b}) whose columns are not all named
   * differently (two {@code ?column?}), or null. PostgreSQL takes that; Calcite orders a set
   * operation by selecting {@code *} from it, which cannot tell such columns apart.
   */
  private static @Nullable SqlSelect setOperationWithSameNames(SqlNode query) {
    SqlNode first = query;
    while (first.getKind() == SqlKind.UNION || first.getKind() == SqlKind.INTERSECT
        || first.getKind() == SqlKind.EXCEPT) {
      first = ((SqlCall) first).operand(0);
    }
    if (first == query || !(first instanceof SqlSelect select)) {
      return null;
    }
    java.util.Set<String> names = new java.util.HashSet<>();
    boolean same = false;
    for (SqlNode item : select.getSelectList()) {
      String name = item.getKind() == SqlKind.AS
          ? ((SqlIdentifier) ((SqlCall) item).operand(1)).getSimple() : PgColumnNames.of(item);
      if (name == null || item instanceof SqlIdentifier id && id.isStar()) {
        return null;
      }
      same |= !names.add(name);
    }
    return same ? select : null;
  }

  /**
   * {@code a UNION b ORDER BY ...} whose first select names two columns alike:
   * {@code SELECT pg_set.pg_c1 AS name1, ... FROM (a' UNION b) AS pg_set ORDER BY ...}, where
   * {@code a'} names its columns {@code pg_c1, pg_c2, ...}; the order refers to the outer names.
   */
  private static SqlNode namedSetColumns(SqlOrderBy o, SqlSelect first) {
    SqlParserPos pos = o.getParserPosition();
    SqlNodeList items = first.getSelectList();
    SqlNodeList outer = new SqlNodeList(pos);
    for (int i = 0; i < items.size(); i++) {
      SqlNode item = items.get(i);
      String name;
      SqlNode value;
      if (item.getKind() == SqlKind.AS) {
        name = ((SqlIdentifier) ((SqlCall) item).operand(1)).getSimple();
        value = ((SqlCall) item).operand(0);
      } else {
        name = PgColumnNames.of(item);
        value = item;
      }
      String inner = "pg_c" + (i + 1);
      items.set(i, SqlStdOperatorTable.AS.createCall(item.getParserPosition(), value,
          new SqlIdentifier(inner, item.getParserPosition())));
      outer.add(SqlStdOperatorTable.AS.createCall(pos,
          new SqlIdentifier(List.of("pg_set", inner), pos), new SqlIdentifier(name, pos)));
    }
    SqlNode from = SqlStdOperatorTable.AS.createCall(pos, o.query, new SqlIdentifier("pg_set", pos));
    SqlSelect select = new SqlSelect(pos, null, outer, from, null, null, null, null, null, null,
        null, null, null);
    return new SqlOrderBy(pos, select, o.orderList, o.offset, o.fetch);
  }

  /** The name of the lateral relation a select list's set-returning functions become. */
  private static final String SRF_RELATION = "pg_srf";

  /**
   * Set-returning functions in a select list over one array, {@code SELECT unnest(a) AS v,
   * generate_subscripts(a, 1) AS i FROM t}: a lateral join, {@code FROM t CROSS JOIN
   * UNNEST(a) WITH ORDINALITY AS pg_srf(v, o)}, and the calls its columns. As in PostgreSQL,
   * a row of {@code t} whose array is empty or null gives no row, and the where clause applies
   * before. {@code generate_series(...)} alone (or repeated alike) becomes a lateral
   * {@code TABLE(generate_series(...)) AS pg_srf(v)}. Left as it is (an error later) when the
   * functions range over different arrays or series, or the select groups or aggregates
   * (PostgreSQL expands after grouping).
   */
  private static void setReturningItems(SqlSelect select) {
    if (select.getGroup() != null || select.getHaving() != null) {
      return;
    }
    SqlNode[] array = new SqlNode[1];
    boolean[] ok = {true};
    SqlNodeList items = select.getSelectList();
    for (SqlNode item : items) {
      findSetReturning(item, array, ok);
    }
    if (array[0] == null || !ok[0]) {
      return;
    }
    SqlParserPos pos = select.getParserPosition();
    for (int i = 0; i < items.size(); i++) {
      items.set(i, replaceSetReturning(items.get(i), pos));
    }
    SqlNode from = select.getFrom();
    SqlNode relation;
    if ("s".equals(setReturning(array[0]))) {
      // generate_series(...): the table function, lateral (its bounds may be the row's)
      relation = SqlStdOperatorTable.AS.createCall(pos,
          SqlStdOperatorTable.COLLECTION_TABLE.createCall(pos, array[0]),
          new SqlIdentifier(SRF_RELATION, pos), new SqlIdentifier("v", pos));
      if (from != null) {
        relation = SqlStdOperatorTable.LATERAL.createCall(pos, relation);
      }
    } else {
      relation = SqlStdOperatorTable.AS.createCall(pos,
          SqlStdOperatorTable.UNNEST_WITH_ORDINALITY.createCall(pos, array[0]),
          new SqlIdentifier(SRF_RELATION, pos), new SqlIdentifier("v", pos),
          new SqlIdentifier("o", pos));
    }
    select.setFrom(from == null ? relation : new org.apache.calcite.sql.SqlJoin(pos, from,
        SqlLiteral.createBoolean(false, pos), org.apache.calcite.sql.JoinType.CROSS.symbol(pos),
        relation, org.apache.calcite.sql.JoinConditionType.NONE.symbol(pos), null));
  }

  /**
   * {@code unnest(a)}: "v"; {@code generate_subscripts(a, 1)}: "o";
   * {@code information_schema._pg_expandarray(a)}, rows (x, n) of element and subscript: "xn";
   * {@code generate_series(start, stop [, step])}: "s"; otherwise null.
   */
  private static @Nullable String setReturning(SqlNode node) {
    if (node instanceof SqlBasicCall c && c.getOperator() instanceof SqlUnresolvedFunction f
        && f.getNameAsId().names.size() == 2 && c.operandCount() == 1
        && f.getNameAsId().names.get(0).equalsIgnoreCase("information_schema")
        && f.getNameAsId().names.get(1).equalsIgnoreCase("_pg_expandarray")) {
      return "xn";
    }
    if (node instanceof SqlBasicCall c && c.getOperator() instanceof SqlUnresolvedFunction f
        && f.getNameAsId().isSimple()) {
      String name = f.getName().toLowerCase(Locale.ROOT);
      if (name.equals("unnest") && c.operandCount() == 1) {
        return "v";
      }
      if (name.equals("generate_series") && (c.operandCount() == 2 || c.operandCount() == 3)) {
        return "s";
      }
      if (name.equals("generate_subscripts") && c.operandCount() == 2
          && c.operand(1) instanceof SqlLiteral l && "1".equals(l.toValue())) {
        return "o";
      }
    }
    return null;
  }

  private static void findSetReturning(@Nullable SqlNode node, SqlNode[] array, boolean[] ok) {
    if (!(node instanceof SqlCall call) || node instanceof SqlSelect) {
      return; // a subquery's select list is its own
    }
    if (setReturning(call) != null) {
      SqlNode a = "s".equals(setReturning(call)) ? call : call.operand(0);
      if (array[0] == null) {
        array[0] = a;
      } else if (!array[0].equalsDeep(a, org.apache.calcite.util.Litmus.IGNORE)) {
        ok[0] = false;
      }
      return;
    }
    if (call.getKind() == SqlKind.OVER || call.getOperator().isAggregator()) {
      ok[0] = false; // PostgreSQL expands after aggregating: not a lateral join
    }
    for (SqlNode operand : call.getOperandList()) {
      findSetReturning(operand, array, ok);
    }
  }

  private static SqlNode replaceSetReturning(SqlNode node, SqlParserPos pos) {
    if (!(node instanceof SqlCall call) || node instanceof SqlSelect) {
      return node;
    }
    String column = setReturning(call);
    SqlParserPos at = call.getParserPosition();
    if ("xn".equals(column)) {
      // the row (x, n): PostgreSQL uses it for arrays of column numbers (indkey, conkey)
      SqlNode row = SqlStdOperatorTable.ROW.createCall(at,
          new SqlIdentifier(List.of(SRF_RELATION, "v"), at),
          new SqlIdentifier(List.of(SRF_RELATION, "o"), at));
      SqlDataTypeSpec integer = new SqlDataTypeSpec(
          new org.apache.calcite.sql.SqlBasicTypeNameSpec(SqlTypeName.INTEGER, at), at);
      return SqlStdOperatorTable.CAST.createCall(at, row, new SqlDataTypeSpec(
          new org.apache.calcite.sql.SqlRowTypeNameSpec(at,
              List.of(new SqlIdentifier("x", at), new SqlIdentifier("n", at)),
              List.of(integer, integer)), at));
    }
    if (call.getKind() == SqlKind.DOT
        && "xn".equals(setReturning(call.operand(0)))
        && call.operand(1) instanceof SqlIdentifier field) {
      String name = field.getSimple().toLowerCase(Locale.ROOT);
      if (name.equals("x") || name.equals("n")) {
        return new SqlIdentifier(List.of(SRF_RELATION, name.equals("x") ? "v" : "o"), at);
      }
    }
    if (column != null) {
      return new SqlIdentifier(List.of(SRF_RELATION, column.equals("s") ? "v" : column), at);
    }
    List<SqlNode> operands = call.getOperandList();
    for (int i = 0; i < operands.size(); i++) {
      SqlNode e = operands.get(i);
      if (e != null && !(call.getKind() == SqlKind.AS && i > 0)) {
        SqlNode r = replaceSetReturning(e, pos);
        if (r != e) {
          call.setOperand(i, r);
        }
      }
    }
    return call;
  }

  /** The select with its parts rewritten (not itself: its DISTINCT ON is the caller's). */
  private static SqlSelect operands(SqlSelect select) {
    List<SqlNode> parts = select.getOperandList();
    for (int i = 0; i < parts.size(); i++) {
      SqlNode e = parts.get(i);
      SqlNode r = node(e);
      if (r != e) {
        select.setOperand(i, r);
      }
    }
    return select;
  }

  /**
   * {@code percentile_cont(f) WITHIN GROUP (ORDER BY x [DESC])}: the driver's aggregate
   * {@code pg_percentile_cont(x, f)}; a descending order as {@code -pg_percentile_cont(-x, f)}.
   */
  private static SqlNode percentile(SqlCall withinGroup) {
    if (!(withinGroup.operand(0) instanceof SqlCall agg) || agg.operandCount() != 1
        || !(withinGroup.operand(1) instanceof SqlNodeList order) || order.size() != 1) {
      return withinGroup;
    }
    String name;
    if (agg.getKind() == SqlKind.PERCENTILE_CONT) {
      name = "pg_percentile_cont";
    } else if (agg.getKind() == SqlKind.PERCENTILE_DISC) {
      name = "pg_percentile_disc";
    } else {
      return withinGroup;
    }
    SqlParserPos pos = withinGroup.getParserPosition();
    SqlNode x = order.get(0);
    boolean desc = false;
    while (x.getKind() == SqlKind.DESCENDING || x.getKind() == SqlKind.NULLS_FIRST
        || x.getKind() == SqlKind.NULLS_LAST) {
      desc |= x.getKind() == SqlKind.DESCENDING;
      x = ((SqlCall) x).operand(0);
    }
    if (desc) {
      x = SqlStdOperatorTable.UNARY_MINUS.createCall(pos, x);
    }
    SqlNode call = function(name, pos, List.of(asDouble(x), asDouble(agg.operand(0))));
    return desc ? SqlStdOperatorTable.UNARY_MINUS.createCall(pos, call) : call;
  }

  /**
   * A constant LIKE pattern with PostgreSQL's backslash rule: a backslash before any character
   * takes that character literally, where Calcite accepts it only before {@code %}, {@code _}
   * and itself; so {@code \\x} becomes {@code x}. A pattern ending in a backslash is refused as
   * PostgreSQL refuses it.
   */
  private static SqlNode likePattern(SqlNode pattern) {
    if (!(pattern instanceof SqlLiteral l) || l.getValue() == null
        || l.getTypeName().getFamily() != org.apache.calcite.sql.type.SqlTypeFamily.CHARACTER) {
      return pattern;
    }
    String p = l.getValueAs(String.class);
    if (p.indexOf('\\') < 0) {
      return pattern;
    }
    StringBuilder b = new StringBuilder(p.length());
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c != '\\') {
        b.append(c);
        continue;
      }
      if (i + 1 == p.length()) {
        throw new PgSyntaxException(SqlState.INVALID_PARAMETER_VALUE.code(),
            "LIKE pattern must not end with escape character", pattern.getParserPosition());
      }
      char next = p.charAt(++i);
      if (next == '%' || next == '_' || next == '\\') {
        b.append('\\');
      }
      b.append(next);
    }
    return SqlLiteral.createCharString(b.toString(), pattern.getParserPosition());
  }

  private static SqlNode asDouble(SqlNode n) {
    SqlParserPos pos = n.getParserPosition();
    return SqlStdOperatorTable.CAST.createCall(pos, n, new SqlDataTypeSpec(
        new org.apache.calcite.sql.SqlBasicTypeNameSpec(SqlTypeName.DOUBLE, pos), pos));
  }

  private static boolean isAvg(SqlNode n) {
    return n instanceof SqlBasicCall c && (c.getKind() == SqlKind.AVG
        || c.getOperator() instanceof SqlUnresolvedFunction f && f.getNameAsId().isSimple()
            && f.getName().equalsIgnoreCase("avg"));
  }

  private static List<SqlNode> concat(SqlNode first, List<SqlNode> rest) {
    List<SqlNode> all = new java.util.ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }

  /**
   * The {@code sum(x)} of an {@code avg(x)} that PostgreSQL answers as a numeric: every argument
   * but one cast to a floating-point type (whose average is a double in PostgreSQL too), or null.
   */
  private static @Nullable SqlNode avgSum(SqlCall avg) {
    if (avg.operandCount() != 1) {
      return null;
    }
    SqlNode x = avg.operand(0);
    if (x.getKind() == SqlKind.CAST && ((SqlCall) x).operand(1) instanceof SqlDataTypeSpec t
        && t.getTypeName().isSimple()) {
      SqlTypeName n = SqlTypeName.get(t.getTypeName().getSimple().toUpperCase(Locale.ROOT));
      if (n == SqlTypeName.DOUBLE || n == SqlTypeName.FLOAT || n == SqlTypeName.REAL) {
        return null;
      }
    }
    return SqlStdOperatorTable.SUM.createCall(avg.getFunctionQuantifier(), avg.getParserPosition(),
        x);
  }

  /** The arguments of the DISTINCT ON marker (the select list's first item), or null. */
  private static @Nullable SqlCall distinctOnList(SqlSelect select) {
    if (select.getSelectList() == null || select.getSelectList().isEmpty()) {
      return null;
    }
    SqlNode first = select.getSelectList().get(0);
    if (first.getKind() == SqlKind.AS) {
      first = ((SqlCall) first).operand(0);
    }
    return first instanceof SqlBasicCall c && c.getOperator() instanceof SqlFunction f
        && f.getName().equals(DISTINCT_ON_FUNCTION) ? c : null;
  }

  /**
   * {@code SELECT DISTINCT ON (d...) items FROM ... ORDER BY o...}: the first row of each group
   * of equal {@code d}, in the order of {@code o}, as
   * {@code SELECT items FROM (SELECT items, row_number() OVER (PARTITION BY d ORDER BY o) AS rn
   * FROM ...) WHERE rn = 1 ORDER BY o}. Ordinals and output names in {@code d} and {@code o}
   * mean the select item, as in PostgreSQL; ORDER BY terms that are no select item are carried
   * as hidden columns.
   */
  private static SqlNode distinctOn(SqlSelect select, SqlNodeList orderList,
      @Nullable SqlNode offset, @Nullable SqlNode fetch) {
    SqlParserPos pos = select.getParserPosition();
    SqlCall marker = java.util.Objects.requireNonNull(distinctOnList(select));
    List<SqlNode> items = select.getSelectList().getList().subList(1,
        select.getSelectList().size());
    List<SqlNode> exprs = new java.util.ArrayList<>();
    List<String> names = new java.util.ArrayList<>();
    for (SqlNode item : items) {
      if (item instanceof SqlIdentifier id && !id.isStar()) {
        exprs.add(id);
        names.add(id.names.get(id.names.size() - 1));
      } else if (item.getKind() == SqlKind.AS) {
        exprs.add(((SqlCall) item).operand(0));
        names.add(((SqlIdentifier) ((SqlCall) item).operand(1)).getSimple());
      } else {
        throw new PgSyntaxException(SqlState.FEATURE_NOT_SUPPORTED.code(),
            "SELECT DISTINCT ON with * is not supported here; name the columns",
            item.getParserPosition());
      }
    }
    SqlNodeList inner = new SqlNodeList(pos);
    SqlNodeList outer = new SqlNodeList(pos);
    for (int i = 0; i < exprs.size(); i++) {
      inner.add(SqlStdOperatorTable.AS.createCall(pos, exprs.get(i).clone(pos),
          id("$c" + i, pos)));
      outer.add(SqlStdOperatorTable.AS.createCall(pos, id("$c" + i, pos),
          new SqlIdentifier(names.get(i), pos)));
    }
    SqlNodeList partition = new SqlNodeList(pos);
    for (SqlNode d : marker.getOperandList()) {
      partition.add(selectItem(d, exprs, names).clone(pos));
    }
    SqlNodeList windowOrder = new SqlNodeList(pos);
    SqlNodeList outerOrder = new SqlNodeList(pos);
    int hidden = 0;
    for (SqlNode o : orderList) {
      java.util.ArrayDeque<SqlOperator> wrappers = new java.util.ArrayDeque<>();
      SqlNode e = o;
      while (e.getKind() == SqlKind.DESCENDING || e.getKind() == SqlKind.NULLS_FIRST
          || e.getKind() == SqlKind.NULLS_LAST) {
        wrappers.push(((SqlCall) e).getOperator());
        e = ((SqlCall) e).operand(0);
      }
      SqlNode expr = selectItem(e, exprs, names);
      int at = -1;
      for (int i = 0; i < exprs.size(); i++) {
        if (exprs.get(i).equalsDeep(expr, org.apache.calcite.util.Litmus.IGNORE)) {
          at = i;
          break;
        }
      }
      SqlNode outerRef;
      if (at >= 0) {
        outerRef = id("$c" + at, pos);
      } else {
        String h = "$h" + hidden++;
        inner.add(SqlStdOperatorTable.AS.createCall(pos, expr.clone(pos), id(h, pos)));
        outerRef = id(h, pos);
      }
      SqlNode w = expr.clone(pos);
      SqlNode r = outerRef;
      for (java.util.Iterator<SqlOperator> it = wrappers.descendingIterator(); it.hasNext(); ) {
        SqlOperator op = it.next();
        w = op.createCall(pos, w);
        r = op.createCall(pos, r);
      }
      windowOrder.add(w);
      outerOrder.add(r);
    }
    SqlNode rowNumber = SqlStdOperatorTable.OVER.createCall(pos,
        SqlStdOperatorTable.ROW_NUMBER.createCall(pos),
        org.apache.calcite.sql.SqlWindow.create(null, null, partition, windowOrder,
            SqlLiteral.createBoolean(false, pos), null, null, null, pos));
    inner.add(SqlStdOperatorTable.AS.createCall(pos, rowNumber, id("$rn", pos)));
    select.setSelectList(inner);
    SqlSelect outerSelect = new SqlSelect(pos, null, outer,
        SqlStdOperatorTable.AS.createCall(pos, select, id("$distinct", pos)),
        SqlStdOperatorTable.EQUALS.createCall(pos, id("$rn", pos),
            SqlLiteral.createExactNumeric("1", pos)),
        null, null, null, null, null, null, null);
    return outerOrder.isEmpty() && offset == null && fetch == null ? outerSelect
        : new SqlOrderBy(pos, outerSelect, outerOrder, offset, fetch);
  }

  private static SqlIdentifier id(String name, SqlParserPos pos) {
    return new SqlIdentifier(name, pos);
  }

  /** An ORDER BY / DISTINCT ON term: an ordinal or an output name means that select item. */
  private static SqlNode selectItem(SqlNode e, List<SqlNode> exprs, List<String> names) {
    if (e instanceof SqlLiteral l && l.getTypeName() == SqlTypeName.DECIMAL) {
      int k = l.intValue(true);
      if (k >= 1 && k <= exprs.size()) {
        return exprs.get(k - 1);
      }
      throw new PgSyntaxException(SqlState.UNDEFINED_COLUMN.code(),
          "ORDER BY position " + k + " is not in select list", e.getParserPosition());
    }
    if (e instanceof SqlIdentifier id && id.isSimple()) {
      int k = names.indexOf(id.getSimple());
      if (k >= 0) {
        return exprs.get(k);
      }
    }
    return e;
  }

  /** PostgreSQL's parameter names of make_interval, in its order. */
  private static final List<String> MAKE_INTERVAL_PARAMS =
      List.of("years", "months", "weeks", "days", "hours", "mins", "secs");

  /**
   * {@code make_interval(years, months, weeks, days, hours, mins, secs)} (positional or named,
   * {@code days => 3}): a sum of one-unit intervals times each argument; both kinds at once make
   * the mixed interval that only a time stamp can be shifted by.
   */
  private static SqlNode makeInterval(SqlCall call) {
    SqlParserPos pos = call.getParserPosition();
    SqlNode[] values = new SqlNode[MAKE_INTERVAL_PARAMS.size()];
    List<SqlNode> args = call.getOperandList();
    for (int i = 0; i < args.size(); i++) {
      SqlNode a = args.get(i);
      int at = i;
      if (a.getKind() == SqlKind.ARGUMENT_ASSIGNMENT) {
        SqlCall assign = (SqlCall) a;
        at = MAKE_INTERVAL_PARAMS.indexOf(
            ((SqlIdentifier) assign.operand(1)).getSimple().toLowerCase(Locale.ROOT));
        a = assign.operand(0);
      }
      if (at < 0 || at >= values.length) {
        return call; // as PostgreSQL: no such function
      }
      values[at] = a;
    }
    TimeUnit[] units = {TimeUnit.YEAR, TimeUnit.MONTH, TimeUnit.WEEK, TimeUnit.DAY, TimeUnit.HOUR,
        TimeUnit.MINUTE, TimeUnit.SECOND};
    SqlNode months = null;
    SqlNode time = null;
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        continue;
      }
      TimeUnit unit = units[i] == TimeUnit.WEEK ? TimeUnit.DAY : units[i];
      SqlNode one = SqlLiteral.createInterval(1, units[i] == TimeUnit.WEEK ? "7" : "1",
          new SqlIntervalQualifier(unit, null, pos), pos);
      SqlNode term = SqlStdOperatorTable.MULTIPLY.createCall(pos, values[i], one);
      if (i < 2) {
        months = months == null ? term : SqlStdOperatorTable.PLUS.createCall(pos, months, term);
      } else {
        time = time == null ? term : SqlStdOperatorTable.PLUS.createCall(pos, time, term);
      }
    }
    if (months != null && time != null) {
      return MIXED.createCall(pos, months, time);
    }
    return months != null ? months : time != null ? time
        : SqlLiteral.createInterval(1, "0", new SqlIntervalQualifier(TimeUnit.SECOND, null, pos),
            pos);
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
    if (isVector(value) && type.getTypeNameSpec() instanceof org.apache.calcite.sql.SqlBasicTypeNameSpec b
        && SqlTypeName.CHAR_TYPES.contains(SqlTypeName.get(b.getTypeName().getSimple()))) {
      // int2vector's text: the numbers separated by spaces ("1 2"; SQLAlchemy splits it)
      return function("array_to_string", pos, List.of(value, SqlLiteral.createCharString(" ", pos)));
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
      throw new PgSyntaxException(SqlState.FEATURE_NOT_SUPPORTED.code(),
          "an interval with both months and days or times"
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
