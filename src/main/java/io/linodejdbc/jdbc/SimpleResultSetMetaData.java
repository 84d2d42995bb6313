package io.linodejdbc.jdbc;

import io.linodejdbc.sql.SqlState;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** {@link ResultSetMetaData} held in memory: for {@link CachedResultSet}. */
final class SimpleResultSetMetaData implements ResultSetMetaData {

  /** One column's description. */
  record Column(String label, int sqlType, String typeName, String className, int nullable,
      int precision, String schema, String table) {}

  private final List<Column> columns;

  SimpleResultSetMetaData(List<Column> columns) {
    this.columns = List.copyOf(columns);
  }

  /** Columns of simple types: name and Java class. */
  static SimpleResultSetMetaData of(String[] names, Class<?>[] types) {
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      int sqlType = CachedResultSet.sqlType(types[i]);
      columns.add(new Column(names[i], sqlType, typeName(sqlType), types[i].getName(),
          columnNullable, sqlType == Types.VARCHAR ? 65536 : 10, "", ""));
    }
    return new SimpleResultSetMetaData(columns);
  }

  static SimpleResultSetMetaData copyOf(ResultSetMetaData md) throws SQLException {
    List<Column> columns = new ArrayList<>();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      columns.add(new Column(md.getColumnLabel(i), md.getColumnType(i), md.getColumnTypeName(i),
          md.getColumnClassName(i), md.isNullable(i), md.getPrecision(i),
          String.valueOf(md.getSchemaName(i)), String.valueOf(md.getTableName(i))));
    }
    return new SimpleResultSetMetaData(columns);
  }

  private static String typeName(int sqlType) {
    return switch (sqlType) {
      case Types.INTEGER -> "INTEGER";
      case Types.BIGINT -> "BIGINT";
      case Types.BOOLEAN -> "BOOLEAN";
      case Types.TIMESTAMP -> "TIMESTAMP";
      default -> "VARCHAR";
    };
  }

  private Column c(int column) throws SQLException {
    if (column < 1 || column > columns.size()) {
      throw new SQLException("Column index " + column + " out of range",
          SqlState.INVALID_DESCRIPTOR_INDEX.code());
    }
    return columns.get(column - 1);
  }

  @Override public int getColumnCount() {
    return columns.size();
  }

  @Override public boolean isAutoIncrement(int column) {
    return false;
  }

  @Override public boolean isCaseSensitive(int column) throws SQLException {
    return c(column).sqlType() == Types.VARCHAR;
  }

  @Override public boolean isSearchable(int column) {
    return true;
  }

  @Override public boolean isCurrency(int column) {
    return false;
  }

  @Override public int isNullable(int column) throws SQLException {
    return c(column).nullable();
  }

  @Override public boolean isSigned(int column) throws SQLException {
    int t = c(column).sqlType();
    return t == Types.INTEGER || t == Types.BIGINT;
  }

  @Override public int getColumnDisplaySize(int column) throws SQLException {
    return Math.min(c(column).precision(), 4096);
  }

  @Override public String getColumnLabel(int column) throws SQLException {
    return c(column).label();
  }

  @Override public String getColumnName(int column) throws SQLException {
    return c(column).label();
  }

  @Override public String getSchemaName(int column) throws SQLException {
    return c(column).schema();
  }

  @Override public int getPrecision(int column) throws SQLException {
    return c(column).precision();
  }

  @Override public int getScale(int column) {
    return 0;
  }

  @Override public String getTableName(int column) throws SQLException {
    return c(column).table();
  }

  @Override public String getCatalogName(int column) {
    return "";
  }

  @Override public int getColumnType(int column) throws SQLException {
    return c(column).sqlType();
  }

  @Override public String getColumnTypeName(int column) throws SQLException {
    return c(column).typeName();
  }

  @Override public boolean isReadOnly(int column) {
    return true;
  }

  @Override public boolean isWritable(int column) {
    return false;
  }

  @Override public boolean isDefinitelyWritable(int column) {
    return false;
  }

  @Override public String getColumnClassName(int column) throws SQLException {
    return c(column).className();
  }

  @Override public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("not a wrapper for " + iface);
  }

  @Override public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
