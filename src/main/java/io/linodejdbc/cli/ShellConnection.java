package io.linodejdbc.cli;

import io.linodejdbc.sql.SqlState;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell's view of a driver connection: query results as sqlline should print them.
 *
 * <p>sqlline renders a value by its JDBC type: numbers and timestamps through {@code getObject}
 * and {@code toString()}, everything else through {@code getString}, and a SQL NULL as its
 * {@code nullValue} option in one path but as the text {@code null} in the other. That gave
 * {@code 2024-01-15 09:30:00.0}, a blank NULL label beside a {@code null} expiry, and
 * {@code "expiry":"null"} in JSON. Here every value reaches sqlline as text chosen for the
 * current output format:
 * <ul>
 *   <li>timestamps as {@code YYYY-MM-DD HH:MM:SS}, with a fraction only when there is one;
 *   <li>SQL NULL as {@code NULL} (table, vertical, xml), an empty field (csv, tsv), or JSON
 *       {@code null} — the same in every column;
 *   <li>JSON keeps numbers and booleans as JSON numbers and booleans.
 * </ul>
 * Also: {@code Statement.cancel()} on a statement that is already closed does nothing (sqlline
 * cancels its last statement on every Ctrl-C, even at an idle prompt), and a cancel is
 * remembered so that the shell can report it as such.
 */
final class ShellConnection {
  private static final Pattern TIMESTAMP =
      Pattern.compile("(\\d{4,}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})(?:\\.(\\d*?))?0*");

  private ShellConnection() {}

  static Connection wrap(Connection connection, Supplier<String> outputFormat) {
    return proxy(Connection.class, connection, (p, m, a) -> {
      Object r = invoke(connection, m, a);
      if (r instanceof Statement
          && (m.getName().startsWith("create") || m.getName().startsWith("prepare"))) {
        return statement((Statement) r, outputFormat);
      }
      return r;
    });
  }

  private static Statement statement(Statement statement, Supplier<String> outputFormat) {
    Class<? extends Statement> type = statement instanceof CallableStatement
        ? CallableStatement.class
        : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
    return (Statement) proxy(type, statement, (p, m, a) -> {
      if (m.getName().equals("cancel") && m.getParameterCount() == 0) {
        if (!statement.isClosed()) {
          Cancels.requested();
          statement.cancel(); // the driver's cancel raises the flag at once, never waits
        }
        return null;
      }
      Object r = invoke(statement, m, a);
      if (r instanceof ResultSet rs) {
        return resultSet(rs, outputFormat.get());
      }
      return r;
    });
  }

  /** A result set whose values are display text for {@code format}. */
  static ResultSet resultSet(ResultSet rs, String format) {
    boolean json = format.toLowerCase(Locale.ROOT).equals("json");
    String nullText = switch (format.toLowerCase(Locale.ROOT)) {
      case "json" -> null;
      case "csv", "tsv" -> "";
      default -> "NULL";
    };
    ResultSetMetaData meta;
    try {
      meta = rs.getMetaData();
      if (meta.getColumnCount() == 1 && meta.getColumnLabel(1).equalsIgnoreCase("PLAN")
          && meta.getColumnType(1) == Types.VARCHAR) {
        return planLines(rs, meta);
      }
    } catch (SQLException e) {
      return rs;
    }
    ResultSetMetaData shownMeta = proxy(ResultSetMetaData.class, meta, (p, m, a) -> {
      if (m.getName().equals("getColumnType") && a != null && a.length == 1) {
        int type = meta.getColumnType((Integer) a[0]);
        return json && keepsType(type) ? type : Types.VARCHAR;
      }
      return invoke(meta, m, a);
    });
    return proxy(ResultSet.class, rs, (p, m, a) -> {
      switch (m.getName()) {
      case "getMetaData":
        return shownMeta;
      case "getString":
        if (a != null && a.length == 1 && a[0] instanceof Integer column) {
          int type = meta.getColumnType(column);
          if (json && keepsType(type)) {
            return rs.getString(column);
          }
          String value = rs.getString(column);
          if (value == null) {
            return nullText;
          }
          return isTimestamp(type) ? timestamp(value) : value;
        }
        return invoke(rs, m, a);
      default:
        return invoke(rs, m, a);
      }
    });
  }

  /**
   * EXPLAIN's answer is one value holding the whole plan, one operator a line; a table cell with
   * line breaks loses its frame. Shown as one row per plan line instead, in every format.
   */
  private static ResultSet planLines(ResultSet rs, ResultSetMetaData meta) throws SQLException {
    List<String> lines = new ArrayList<>();
    while (rs.next()) {
      String plan = rs.getString(1);
      if (plan != null) {
        for (String line : plan.split("\\R")) {
          if (!line.isBlank()) {
            lines.add(line.stripTrailing());
          }
        }
      }
    }
    int[] row = {0};
    return proxy(ResultSet.class, rs, (p, m, a) -> {
      switch (m.getName()) {
      case "next":
        row[0]++;
        return row[0] <= lines.size();
      case "getString", "getObject":
        if (row[0] < 1 || row[0] > lines.size()) {
          throw new SQLException("no current row", SqlState.INVALID_CURSOR_STATE.code());
        }
        return lines.get(row[0] - 1);
      case "wasNull":
        return false;
      case "getMetaData":
        return meta;
      case "getRow":
        return row[0] <= lines.size() ? row[0] : 0;
      case "isAfterLast":
        return row[0] > lines.size();
      default:
        return invoke(rs, m, a);
      }
    });
  }

  private static boolean keepsType(int type) {
    return switch (type) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.REAL, Types.FLOAT,
          Types.DOUBLE, Types.DECIMAL, Types.NUMERIC, Types.BOOLEAN -> true;
      default -> false;
    };
  }

  private static boolean isTimestamp(int type) {
    return type == Types.TIMESTAMP || type == Types.TIMESTAMP_WITH_TIMEZONE;
  }

  /** {@code 2024-01-15 09:30:00.0} → {@code 2024-01-15 09:30:00}; a real fraction stays. */
  static String timestamp(String value) {
    Matcher m = TIMESTAMP.matcher(value);
    if (!m.matches()) {
      return value;
    }
    String fraction = m.group(2);
    return fraction == null || fraction.isEmpty() ? m.group(1) : m.group(1) + "." + fraction;
  }

  private static Object invoke(Object target, Method m, Object[] args) throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, Object target, InvocationHandler handler) {
    return (T) Proxy.newProxyInstance(ShellConnection.class.getClassLoader(),
        new Class<?>[] {type}, (p, m, a) -> {
          if (m.getDeclaringClass() == Object.class) {
            return switch (m.getName()) {
              case "equals" -> p == a[0];
              case "hashCode" -> System.identityHashCode(p);
              default -> target.toString();
            };
          }
          if (m.getName().equals("unwrap") && a != null && a[0] instanceof Class<?> c
              && c.isInstance(p)) {
            return p;
          }
          return handler.invoke(p, m, a);
        });
  }

  /** Whether the user cancelled a statement since the last {@link #take()}. */
  static final class Cancels {
    private static volatile boolean requested;

    private Cancels() {}

    static void requested() {
      requested = true;
    }

    /** True once after each cancel request. */
    static boolean take() {
      boolean r = requested;
      requested = false;
      return r;
    }
  }
}
