package io.linodejdbc.sql;

import io.linodejdbc.sql.parser.PgSyntaxException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite represents a TIMESTAMP (without time zone) as milliseconds since 1970-01-01 00:00:00 of
 * the wall clock, as if it were UTC. The API's values are UTC wall-clock times, so the mapping is
 * exact and independent of the JVM's time zone.
 */
public final class Timestamps {
  private Timestamps() {}

  public static long toMillis(LocalDateTime utc) {
    return utc.toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  public static LocalDateTime toLocalDateTime(long millis) {
    long seconds = Math.floorDiv(millis, 1000L);
    int nanos = (int) Math.floorMod(millis, 1000L) * 1_000_000;
    return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
  }

  /** Accepts the forms a TIMESTAMP value takes in plans and parameters. */
  public static LocalDateTime toLocalDateTime(Object v) {
    if (v instanceof Long millis) {
      return toLocalDateTime(millis.longValue());
    }
    if (v instanceof java.sql.Timestamp ts) {
      return ts.toLocalDateTime();
    }
    if (v instanceof LocalDateTime ldt) {
      return ldt;
    }
    throw new IllegalArgumentException("not a timestamp: " + v.getClass().getSimpleName());
  }

  /** True for the forms {@link #toLocalDateTime(Object)} accepts. */
  static boolean isTimestamp(Object v) {
    return v instanceof Long || v instanceof java.sql.Timestamp || v instanceof LocalDateTime;
  }

  /** True when the value is not a whole second. */
  static boolean hasFraction(Object v) {
    return toLocalDateTime(v).getNano() != 0;
  }

  private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .appendPattern("uuuu-MM-dd")
      .optionalStart()
      .optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart().appendLiteral(' ').optionalEnd()
      .appendPattern("HH:mm")
      .optionalStart().appendPattern(":ss").optionalEnd()
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HH", "Z").optionalEnd()
      .optionalEnd()
      .toFormatter(Locale.ROOT)
      .withResolverStyle(ResolverStyle.STRICT);

  /** The UTC wall-clock value of an ISO date or time stamp text, as PostgreSQL reads it. */
  public static LocalDateTime parseIso(String text, SqlTypeName target) {
    String s = text.strip();
    try {
      TemporalAccessor t = ISO.parse(s);
      if (!t.isSupported(ChronoField.HOUR_OF_DAY)) {
        return LocalDate.from(t).atStartOfDay();
      }
      if (t.isSupported(ChronoField.OFFSET_SECONDS)) {
        return OffsetDateTime.from(t).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
      }
      return LocalDateTime.from(t);
    } catch (java.time.DateTimeException e) {
      throw new PgSyntaxException(SqlState.INVALID_DATETIME_FORMAT.code(), "invalid input syntax for type "
          + target.getName().toLowerCase(Locale.ROOT) + ": \"" + text + "\"",
          org.apache.calcite.sql.parser.SqlParserPos.ZERO);
    }
  }
}
