package io.linodejdbc.sql.write;

import io.linodejdbc.resource.ColumnDescriptor;
import io.linodejdbc.resource.ColumnType;
import io.linodejdbc.resource.InvalidValueException;
import io.linodejdbc.sql.LinodeQueryException;
import io.linodejdbc.sql.SqlState;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Turns the SQL values a statement writes into the API's, before any request is sent: the SQL
 * side (a TIMESTAMP's milliseconds, a DATE's days, a {@code ?} bound with setTimestamp) here, what
 * the API accepts in the column's own rule ({@link ColumnDescriptor#rule()}), so that a bad value
 * costs no call and leaves nothing half-done.
 */
final class WriteValues {
  private static final Pattern EPOCH_MILLIS = Pattern.compile("-?\\d{9,15}");

  private final Clock clock;

  WriteValues(Clock clock) {
    this.clock = clock;
  }

  /** The JSON text of {@code value} written to {@code column}. */
  String convert(ColumnDescriptor column, Object value, SqlTypeName type) {
    Object plain;
    if (column.type() == ColumnType.TIMESTAMP) {
      plain = dateTime(column, value, type);
    } else if (value instanceof String) {
      plain = value;
    } else {
      throw invalid(column.name() + " must be text, not " + type);
    }
    try {
      return java.util.Objects.requireNonNull(column.rule(), column.name()).check(column.name(),
          plain, clock);
    } catch (InvalidValueException e) {
      String state = switch (e.problem()) {
        case TOO_LONG -> SqlState.STRING_DATA_RIGHT_TRUNCATION.code();
        case UNSENDABLE_CHARACTER -> SqlState.CHARACTER_NOT_IN_REPERTOIRE.code();
        case INVALID -> SqlState.INVALID_PARAMETER_VALUE.code();
      };
      throw new LinodeQueryException(state, e.getMessage(), null);
    }
  }

  /** A date-time value as a UTC date-time, or text for the column's rule to read. */
  private static Object dateTime(ColumnDescriptor column, Object value, SqlTypeName type) {
    if (value instanceof Long millis && type == SqlTypeName.TIMESTAMP) {
      return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000L), 0, ZoneOffset.UTC);
    }
    if (value instanceof Integer days && type == SqlTypeName.DATE) {
      return LocalDate.ofEpochDay(days).atStartOfDay();
    }
    if (value instanceof String s && EPOCH_MILLIS.matcher(s.trim()).matches()) {
      // A ? parameter is typed as text; setTimestamp(ts) reaches it as ts.getTime(). JDBC reads
      // a Timestamp in the JVM's zone, so its wall clock is what the user meant (in UTC).
      return LocalDateTime.ofInstant(Instant.ofEpochMilli(Long.parseLong(s.trim())),
          ZoneId.systemDefault());
    }
    if (value instanceof String s) {
      return s;
    }
    throw invalid(column.name() + " must be a timestamp or a text like '2030-01-31T12:00:00'"
        + " (UTC), not " + type);
  }

  static LinodeQueryException invalid(String message) {
    return new LinodeQueryException(SqlState.INVALID_PARAMETER_VALUE.code(), message, null);
  }
}
