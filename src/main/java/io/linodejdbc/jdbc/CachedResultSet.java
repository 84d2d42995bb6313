package io.linodejdbc.jdbc;

import io.linodejdbc.sql.SqlState;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A forward-only, read-only {@link ResultSet} over rows held in memory: the generated keys of a
 * write (read once from the API, handed out later) and the driver's own metadata answers.
 * Getters convert the way JDBC drivers commonly do; what it does not offer fails with
 * {@link SQLFeatureNotSupportedException}.
 */
final class CachedResultSet implements InvocationHandler {
  private static final java.time.format.DateTimeFormatter WHOLE_SECONDS =
      java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

  private final ResultSetMetaData metaData;
  private final List<String> labels;
  private final List<Object[]> rows;
  private final @Nullable Statement statement;
  private int index = -1;
  private boolean wasNull;
  private boolean closed;

  private CachedResultSet(ResultSetMetaData metaData, List<Object[]> rows,
      @Nullable Statement statement) throws SQLException {
    this.metaData = metaData;
    this.rows = rows;
    this.statement = statement;
    this.labels = new ArrayList<>();
    for (int i = 1; i <= metaData.getColumnCount(); i++) {
      labels.add(metaData.getColumnLabel(i));
    }
  }

  static ResultSet of(ResultSetMetaData metaData, List<Object[]> rows,
      @Nullable Statement statement) throws SQLException {
    return (ResultSet) Proxy.newProxyInstance(CachedResultSet.class.getClassLoader(),
        new Class<?>[] {ResultSet.class}, new CachedResultSet(metaData, rows, statement));
  }

  /** Rows read into memory, with their description. */
  record Rows(ResultSetMetaData metaData, List<Object[]> rows) {}

  /** Reads the rest of {@code rs} into memory (values as {@code getObject} gives them). */
  static Rows read(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    int n = md.getColumnCount();
    List<Object[]> rows = new ArrayList<>();
    while (rs.next()) {
      Object[] row = new Object[n];
      for (int i = 0; i < n; i++) {
        // Date-times as the UTC value itself: a Timestamp could not hold every one of them.
        row[i] = md.getColumnType(i + 1) == Types.TIMESTAMP
            ? TemporalValues.read(rs, i + 1).orElseThrow().utc()
            : rs.getObject(i + 1);
      }
      rows.add(row);
    }
    return new Rows(SimpleResultSetMetaData.copyOf(md), rows);
  }

  @Override public @Nullable Object invoke(Object proxy, Method method, Object @Nullable [] args)
      throws Throwable {
    String name = method.getName();
    switch (name) {
    case "close":
      closed = true;
      return null;
    case "isClosed":
      return closed;
    case "equals":
      return proxy == args[0];
    case "hashCode":
      return System.identityHashCode(proxy);
    case "toString":
      return "linode-jdbc ResultSet (" + rows.size() + " cached rows)";
    case "unwrap":
      if (((Class<?>) args[0]).isInstance(proxy)) {
        return proxy;
      }
      throw new SQLException("not a wrapper for " + args[0]);
    case "isWrapperFor":
      return ((Class<?>) args[0]).isInstance(proxy);
    default:
      break;
    }
    if (closed) {
      throw new SQLException("ResultSet is closed", SqlState.INVALID_CURSOR_STATE.code());
    }
    switch (name) {
    case "next":
      if (index < rows.size()) {
        index++;
      }
      return index < rows.size();
    case "getMetaData":
      return metaData;
    case "findColumn":
      return column(args[0]);
    case "wasNull":
      return wasNull;
    case "getRow":
      return index >= 0 && index < rows.size() ? index + 1 : 0;
    case "isBeforeFirst":
      return index < 0 && !rows.isEmpty();
    case "isAfterLast":
      return index >= rows.size() && !rows.isEmpty();
    case "isFirst":
      return index == 0 && !rows.isEmpty();
    case "isLast":
      return index == rows.size() - 1 && !rows.isEmpty();
    case "getType":
      return ResultSet.TYPE_FORWARD_ONLY;
    case "getConcurrency":
      return ResultSet.CONCUR_READ_ONLY;
    case "getHoldability":
      return ResultSet.HOLD_CURSORS_OVER_COMMIT;
    case "getFetchDirection":
      return ResultSet.FETCH_FORWARD;
    case "getFetchSize":
      return 0;
    case "setFetchSize":
    case "setFetchDirection":
    case "clearWarnings":
      return null;
    case "getWarnings":
      return null;
    case "getStatement":
      return statement;
    default:
      break;
    }
    if (name.startsWith("get") && args != null && args.length >= 1
        && (args[0] instanceof Integer || args[0] instanceof String)) {
      Object value = value(args[0]);
      wasNull = value == null;
      return convert(value, name, args.length > 1 ? args[1] : null);
    }
    throw new SQLFeatureNotSupportedException(name + " is not supported on this result set",
        SqlState.FEATURE_NOT_SUPPORTED.code());
  }

  private int column(Object key) throws SQLException {
    if (key instanceof Integer i) {
      if (i < 1 || i > labels.size()) {
        throw new SQLException("Column index " + i + " out of range 1.." + labels.size(),
            SqlState.INVALID_DESCRIPTOR_INDEX.code());
      }
      return i;
    }
    String label = (String) key;
    for (int i = 0; i < labels.size(); i++) {
      if (labels.get(i).equalsIgnoreCase(label)) {
        return i + 1;
      }
    }
    throw new SQLException("No column '" + label + "'; columns: " + labels,
        SqlState.UNDEFINED_COLUMN.code());
  }

  private @Nullable Object value(Object key) throws SQLException {
    int c = column(key);
    if (index < 0 || index >= rows.size()) {
      throw new SQLException("No current row", SqlState.INVALID_CURSOR_STATE.code());
    }
    return rows.get(index)[c - 1];
  }

  private static @Nullable Object convert(@Nullable Object v, String getter,
      @Nullable Object extra) throws SQLException {
    if (v instanceof LocalDateTime utc && (getter.equals("getObject")
        || getter.equals("getString") || getter.equals("getTimestamp")
        || getter.equals("getDate") || getter.equals("getTime"))) {
      return TemporalValues.get(utc, false, getter, extra);
    }
    switch (getter) {
    case "getObject":
      if (extra instanceof Class<?> type && v != null && !type.isInstance(v)) {
        return convertTo(v, type);
      }
      return v;
    case "getString":
      if (v instanceof Timestamp ts && ts.getNanos() == 0) {
        // As Calcite's own result sets print a TIMESTAMP(0): no ".0".
        return ts.toLocalDateTime().format(WHOLE_SECONDS);
      }
      return v == null ? null : v.toString();
    case "getInt":
      return v == null ? 0 : number(v).intValue();
    case "getLong":
      return v == null ? 0L : number(v).longValue();
    case "getShort":
      return v == null ? (short) 0 : number(v).shortValue();
    case "getByte":
      return v == null ? (byte) 0 : number(v).byteValue();
    case "getDouble":
      return v == null ? 0d : number(v).doubleValue();
    case "getFloat":
      return v == null ? 0f : number(v).floatValue();
    case "getBigDecimal":
      return v == null ? null : new BigDecimal(number(v).toString());
    case "getBoolean":
      if (v == null) {
        return false;
      }
      if (v instanceof Boolean b) {
        return b;
      }
      return v instanceof Number n ? n.intValue() != 0
          : Boolean.parseBoolean(v.toString().trim().toLowerCase(Locale.ROOT));
    case "getTimestamp":
      return v == null ? null : timestamp(v);
    case "getDate":
      return v == null ? null : new Date(timestamp(v).getTime());
    case "getTime":
      return v == null ? null : new Time(timestamp(v).getTime());
    default:
      throw new SQLFeatureNotSupportedException(getter + " is not supported on this result set",
          SqlState.FEATURE_NOT_SUPPORTED.code());
    }
  }

  private static Object convertTo(Object v, Class<?> type) throws SQLException {
    if (type == String.class) {
      return v.toString();
    }
    if (type == Integer.class) {
      return number(v).intValue();
    }
    if (type == Long.class) {
      return number(v).longValue();
    }
    if (type == LocalDateTime.class) {
      return timestamp(v).toLocalDateTime();
    }
    throw new SQLException("Cannot convert " + v.getClass().getSimpleName() + " to "
        + type.getSimpleName(), SqlState.INVALID_CHARACTER_VALUE_FOR_CAST.code());
  }

  private static Number number(Object v) throws SQLException {
    if (v instanceof Number n) {
      return n;
    }
    try {
      return new BigDecimal(v.toString().trim());
    } catch (NumberFormatException e) {
      throw new SQLException("Not a number: " + v,
          SqlState.INVALID_CHARACTER_VALUE_FOR_CAST.code());
    }
  }

  private static Timestamp timestamp(Object v) throws SQLException {
    if (v instanceof Timestamp t) {
      return t;
    }
    if (v instanceof java.util.Date d) {
      return new Timestamp(d.getTime());
    }
    if (v instanceof LocalDateTime l) {
      return Timestamp.valueOf(l);
    }
    throw new SQLException("Not a timestamp: " + v,
        SqlState.INVALID_CHARACTER_VALUE_FOR_CAST.code());
  }

  /** The JDBC type of a Java value, for metadata built by hand. */
  static int sqlType(Class<?> type) {
    if (type == Integer.class || type == Short.class) {
      return Types.INTEGER;
    }
    if (type == Long.class) {
      return Types.BIGINT;
    }
    if (type == Boolean.class) {
      return Types.BOOLEAN;
    }
    if (type == Timestamp.class) {
      return Types.TIMESTAMP;
    }
    return Types.VARCHAR;
  }
}
