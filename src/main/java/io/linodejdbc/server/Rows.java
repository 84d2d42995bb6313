package io.linodejdbc.server;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Rows to send: a JDBC result set, or a small answer the server makes itself (SHOW). */
interface Rows extends AutoCloseable {
  /** One column of a RowDescription. */
  record Column(String name, PgType type, int typeModifier) {}

  List<Column> columns();

  boolean next() throws SQLException;

  /** Column {@code i} (0-based) of the current row, text format; null for NULL. */
  String text(int i) throws SQLException;

  /** Column {@code i} (0-based) of the current row, binary format; null for NULL. */
  byte[] binary(int i) throws SQLException;

  @Override void close() throws SQLException;

  static List<Column> describe(ResultSetMetaData md) throws SQLException {
    List<Column> columns = new ArrayList<>();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      PgType type = PgType.ofJdbc(md.getColumnType(i), md.getColumnTypeName(i));
      int modifier = -1;
      if (type == PgType.VARCHAR) {
        int precision = md.getPrecision(i);
        modifier = precision > 0 && precision < 10_485_760 ? precision + 4 : -1;
      } else if (type == PgType.NUMERIC) {
        // Only a positive scale is a promise: Calcite types a function returning a Java
        // BigDecimal (PostgreSQL's avg, say) DECIMAL(19, 0) whatever the scale of its values,
        // and a client told numeric(19,0) rounds them.
        int precision = md.getPrecision(i);
        int scale = md.getScale(i);
        modifier = precision > 0 && precision <= 1000 && scale > 0 && scale <= precision
            ? ((precision << 16) | scale) + 4 : -1;
      }
      columns.add(new Column(md.getColumnLabel(i), type, modifier));
    }
    return columns;
  }

  /** A JDBC result set. */
  final class OfResultSet implements Rows {
    private final ResultSet rs;
    private final List<Column> columns;

    OfResultSet(ResultSet rs) throws SQLException {
      this.rs = rs;
      this.columns = describe(rs.getMetaData());
    }

    @Override public List<Column> columns() {
      return columns;
    }

    @Override public boolean next() throws SQLException {
      return rs.next();
    }

    @Override public String text(int i) throws SQLException {
      return PgValues.text(rs, i + 1, columns.get(i).type());
    }

    @Override public byte[] binary(int i) throws SQLException {
      return PgValues.binary(rs, i + 1, columns.get(i).type());
    }

    @Override public void close() throws SQLException {
      rs.close();
    }
  }

  /** Text rows made by the server. */
  final class OfText implements Rows {
    private final List<Column> columns;
    private final List<List<String>> rows;
    private int current = -1;

    OfText(List<String> names, List<List<String>> rows) {
      List<Column> c = new ArrayList<>();
      for (String n : names) {
        c.add(new Column(n, PgType.TEXT, -1));
      }
      this.columns = c;
      this.rows = rows;
    }

    @Override public List<Column> columns() {
      return columns;
    }

    @Override public boolean next() {
      return ++current < rows.size();
    }

    @Override public String text(int i) {
      return rows.get(current).get(i);
    }

    @Override public byte[] binary(int i) {
      String s = text(i);
      return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    @Override public void close() {}
  }
}
