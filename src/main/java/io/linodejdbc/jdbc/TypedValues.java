package io.linodejdbc.jdbc;

import io.linodejdbc.sql.SqlState;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * JDBC 4.1's {@code getObject(column, Class)} for the columns that are not date-times
 * ({@link TemporalValues} answers those): Avatica 1.28 refuses every class there, even the
 * column's own ({@code getObject(1, Integer.class)} on an INTEGER), with a message naming its
 * internal accessor class. The answer is the getter's value for that class, SQL NULL as null.
 */
final class TypedValues {
  private TypedValues() {}

  static @Nullable Object get(ResultSet rs, int column, Class<?> type) throws SQLException {
    Object value;
    if (type == String.class) {
      value = rs.getString(column);
    } else if (type == Integer.class) {
      value = rs.getInt(column);
    } else if (type == Long.class) {
      value = rs.getLong(column);
    } else if (type == Short.class) {
      value = rs.getShort(column);
    } else if (type == Byte.class) {
      value = rs.getByte(column);
    } else if (type == Double.class) {
      value = rs.getDouble(column);
    } else if (type == Float.class) {
      value = rs.getFloat(column);
    } else if (type == Boolean.class) {
      value = rs.getBoolean(column);
    } else if (type == BigDecimal.class) {
      value = rs.getBigDecimal(column);
    } else {
      Object plain = rs.getObject(column);
      if (plain == null || type.isInstance(plain)) {
        return plain;
      }
      throw new SQLDataException("Cannot read column " + column + " ("
          + rs.getMetaData().getColumnTypeName(column) + ") as " + type.getSimpleName(),
          SqlState.INVALID_CHARACTER_VALUE_FOR_CAST.code());
    }
    return rs.wasNull() ? null : value;
  }
}
