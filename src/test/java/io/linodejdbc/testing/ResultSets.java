package io.linodejdbc.testing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads result sets into engine-independent rows and compares them with readable diffs.
 *
 * <p>Normalisation (so that H2 and Calcite answers compare equal when they mean the same):
 * <ul>
 *   <li>every exact number (INTEGER, BIGINT, DECIMAL of any scale) becomes its plain decimal text
 *       without trailing zeros: {@code 5}, {@code 5.0} and {@code 5.00} all read {@code 5};
 *   <li>DOUBLE/REAL/FLOAT are rounded to 9 significant digits first;
 *   <li>TIMESTAMP becomes {@code yyyy-MM-dd HH:mm:ss}, plus {@code .fraction} only when the value
 *       has one; it is read with {@code getString} (the wall-clock value, no zone shift);
 *   <li>BOOLEAN becomes {@code true}/{@code false}; text is kept exactly (no trimming);
 *   <li>SQL NULL is Java {@code null} (shown as {@code NULL}).
 * </ul>
 */
public final class ResultSets {
  private static final DateTimeFormatter PARSE = new DateTimeFormatterBuilder()
      .appendPattern("yyyy-MM-dd[ ]['T']HH:mm:ss")
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .toFormatter();
  private static final DateTimeFormatter WHOLE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private ResultSets() {}

  /** A whole result: column labels and normalised rows. */
  public record Table(List<String> columns, List<List<String>> rows) {
    public int size() {
      return rows.size();
    }

    /** The first {@code max} rows, one per line. */
    public String render(int max) {
      StringBuilder b = new StringBuilder();
      b.append(columns).append(", ").append(rows.size()).append(" rows\n");
      for (int i = 0; i < Math.min(max, rows.size()); i++) {
        b.append("  ").append(show(rows.get(i))).append('\n');
      }
      if (rows.size() > max) {
        b.append("  ... ").append(rows.size() - max).append(" more\n");
      }
      return b.toString();
    }
  }

  /** Runs {@code sql} on {@code c} and reads every row. */
  public static Table query(java.sql.Connection c, String sql) throws SQLException {
    try (java.sql.Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return read(rs);
    }
  }

  /** Every row of {@code rs}, as column label to value ({@code getObject}), closing it. */
  public static List<java.util.Map<String, Object>> rows(ResultSet rs) throws SQLException {
    List<java.util.Map<String, Object>> rows = new ArrayList<>();
    try (ResultSet r = rs) {
      ResultSetMetaData md = r.getMetaData();
      while (r.next()) {
        java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          row.put(md.getColumnLabel(i), r.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** One column of every row of {@code rs}, as strings, closing it. */
  public static List<String> column(ResultSet rs, String label) throws SQLException {
    List<String> values = new ArrayList<>();
    try (ResultSet r = rs) {
      while (r.next()) {
        values.add(r.getString(label));
      }
    }
    return values;
  }

  /** Every row of {@code rs} as {@code getString} gives it (no normalisation). */
  public static List<List<String>> strings(ResultSet rs) throws SQLException {
    int n = rs.getMetaData().getColumnCount();
    List<List<String>> out = new ArrayList<>();
    while (rs.next()) {
      List<String> row = new ArrayList<>(n);
      for (int i = 1; i <= n; i++) {
        row.add(rs.getString(i));
      }
      out.add(row);
    }
    return out;
  }

  /** Runs {@code sql} on {@code c} ({@code executeQuery}) and reads it as {@link #strings}. */
  public static List<List<String>> strings(java.sql.Connection c, String sql) throws SQLException {
    try (java.sql.Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return strings(rs);
    }
  }

  /** Every row of {@code rs}: the named columns as {@code getString} gives them; closes it. */
  public static List<List<String>> values(ResultSet rs, String... labels) throws SQLException {
    try (rs) {
      List<List<String>> out = new ArrayList<>();
      while (rs.next()) {
        List<String> row = new ArrayList<>(labels.length);
        for (String label : labels) {
          row.add(rs.getString(label));
        }
        out.add(row);
      }
      return out;
    }
  }

  /** Runs {@code sql} on {@code c} and reads the named columns as {@link #values(ResultSet, String...)}. */
  public static List<List<String>> values(java.sql.Connection c, String sql, String... labels)
      throws SQLException {
    try (java.sql.Statement s = c.createStatement()) {
      return values(s.executeQuery(sql), labels);
    }
  }

  /** The column labels of {@code rs}, in order. */
  public static List<String> labels(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      out.add(md.getColumnLabel(i));
    }
    return out;
  }

  /** Reads every row of {@code rs}. */
  public static Table read(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    int n = md.getColumnCount();
    List<String> columns = new ArrayList<>(n);
    int[] types = new int[n];
    for (int i = 1; i <= n; i++) {
      columns.add(md.getColumnLabel(i));
      types[i - 1] = md.getColumnType(i);
    }
    List<List<String>> rows = new ArrayList<>();
    while (rs.next()) {
      List<String> row = new ArrayList<>(n);
      for (int i = 1; i <= n; i++) {
        row.add(value(rs, i, types[i - 1]));
      }
      rows.add(Collections.unmodifiableList(row));
    }
    return new Table(List.copyOf(columns), Collections.unmodifiableList(rows));
  }

  private static String value(ResultSet rs, int i, int type) throws SQLException {
    switch (type) {
    case Types.TIMESTAMP:
    case Types.TIMESTAMP_WITH_TIMEZONE: {
      String s = rs.getString(i);
      return s == null ? null : timestamp(s);
    }
    case Types.BOOLEAN:
    case Types.BIT: {
      boolean v = rs.getBoolean(i);
      return rs.wasNull() ? null : Boolean.toString(v);
    }
    case Types.TINYINT:
    case Types.SMALLINT:
    case Types.INTEGER:
    case Types.BIGINT:
    case Types.DECIMAL:
    case Types.NUMERIC:
    case Types.DOUBLE:
    case Types.FLOAT:
    case Types.REAL: {
      Object o = rs.getObject(i);
      return o == null ? null : number(o);
    }
    default:
      return rs.getString(i);
    }
  }

  /** Plain decimal text of a number, engine-independent. */
  public static String number(Object o) {
    BigDecimal d;
    if (o instanceof Double || o instanceof Float) {
      double v = ((Number) o).doubleValue();
      if (Double.isNaN(v) || Double.isInfinite(v)) {
        return Double.toString(v);
      }
      d = new BigDecimal(v).round(new MathContext(9));
    } else if (o instanceof BigDecimal bd) {
      d = bd;
    } else if (o instanceof Number num) {
      d = new BigDecimal(num.toString());
    } else {
      d = new BigDecimal(o.toString().trim());
    }
    if (d.signum() == 0) {
      return "0";
    }
    return d.stripTrailingZeros().toPlainString();
  }

  /** {@code yyyy-MM-dd HH:mm:ss[.fraction]} from either engine's text form. */
  public static String timestamp(String text) {
    LocalDateTime t = LocalDateTime.parse(text.trim(), PARSE);
    String whole = t.format(WHOLE);
    if (t.getNano() == 0) {
      return whole;
    }
    String fraction = String.format("%09d", t.getNano()).replaceAll("0+$", "");
    return whole + "." + fraction;
  }

  /**
   * Compares two results: column count, then rows, in order when {@code ordered}, else as
   * multisets. Empty when equal, else a readable description of the difference.
   */
  public static Optional<String> diff(Table expected, Table actual, boolean ordered) {
    if (expected.columns().size() != actual.columns().size()) {
      return Optional.of("column count differs: expected " + expected.columns()
          + " but was " + actual.columns());
    }
    Map<List<String>, Integer> counts = new HashMap<>();
    for (List<String> r : expected.rows()) {
      counts.merge(r, 1, Integer::sum);
    }
    for (List<String> r : actual.rows()) {
      counts.merge(r, -1, Integer::sum);
    }
    List<String> missing = new ArrayList<>();
    List<String> extra = new ArrayList<>();
    counts.forEach((row, c) -> {
      for (int i = 0; i < Math.abs(c); i++) {
        (c > 0 ? missing : extra).add(show(row));
      }
    });
    if (!missing.isEmpty() || !extra.isEmpty()) {
      Collections.sort(missing);
      Collections.sort(extra);
      return Optional.of("rows differ (as multisets): expected " + expected.size()
          + " rows, driver returned " + actual.size() + "\n"
          + "  missing from driver (" + missing.size() + "): " + head(missing) + "\n"
          + "  unexpected in driver (" + extra.size() + "): " + head(extra));
    }
    if (ordered) {
      for (int i = 0; i < expected.size(); i++) {
        if (!expected.rows().get(i).equals(actual.rows().get(i))) {
          return Optional.of("same rows but different order; first difference at row " + i
              + ":\n  expected " + show(expected.rows().get(i))
              + "\n  driver   " + show(actual.rows().get(i)));
        }
      }
    }
    return Optional.empty();
  }

  private static String head(List<String> rows) {
    List<String> shown = rows.subList(0, Math.min(rows.size(), 15));
    return shown.stream().collect(Collectors.joining("\n      ", "\n      ", ""))
        + (rows.size() > shown.size() ? "\n      ..." : "");
  }

  /** A row as text; strings are quoted and escaped so that spaces and controls show. */
  public static String show(List<String> row) {
    return row.stream().map(ResultSets::showValue).collect(Collectors.joining(", ", "(", ")"));
  }

  private static String showValue(String v) {
    if (v == null) {
      return "NULL";
    }
    StringBuilder b = new StringBuilder("'");
    for (char c : v.toCharArray()) {
      if (c < 0x20 || c == 0x7f || c == 0xa0) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('\'').toString();
  }
}
