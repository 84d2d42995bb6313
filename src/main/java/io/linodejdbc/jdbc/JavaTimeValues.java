package io.linodejdbc.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code ResultSet.getObject(column, LocalDateTime.class)} and friends (JDBC 4.2), which Avatica
 * does not implement. The API's date-times are UTC, so {@link Instant} and
 * {@link OffsetDateTime} are read at offset zero.
 */
final class JavaTimeValues {
  private JavaTimeValues() {}

  static boolean handles(Class<?> type) {
    return type == LocalDateTime.class || type == LocalDate.class || type == Instant.class
        || type == OffsetDateTime.class;
  }

  /** Reads column {@code column} (an Integer index or a String label) as {@code type}. */
  static @Nullable Object read(ResultSet rs, Object column, Class<?> type) throws SQLException {
    Timestamp ts = column instanceof Integer i ? rs.getTimestamp(i) : rs.getTimestamp((String) column);
    if (ts == null) {
      return null;
    }
    LocalDateTime utc = ts.toLocalDateTime();
    if (type == LocalDateTime.class) {
      return utc;
    }
    if (type == LocalDate.class) {
      return utc.toLocalDate();
    }
    if (type == Instant.class) {
      return utc.toInstant(ZoneOffset.UTC);
    }
    return utc.atOffset(ZoneOffset.UTC);
  }
}
