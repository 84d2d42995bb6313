package io.linodejdbc.sql;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Calcite represents a TIMESTAMP (without time zone) as milliseconds since 1970-01-01 00:00:00 of
 * the wall clock, as if it were UTC. The API's values are UTC wall-clock times, so the mapping is
 * exact and independent of the JVM's time zone.
 */
final class Timestamps {
  private Timestamps() {}

  static long toMillis(LocalDateTime utc) {
    return utc.toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  static LocalDateTime toLocalDateTime(long millis) {
    long seconds = Math.floorDiv(millis, 1000L);
    int nanos = (int) Math.floorMod(millis, 1000L) * 1_000_000;
    return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
  }

  /** Accepts the forms a TIMESTAMP value takes in plans and parameters. */
  static LocalDateTime toLocalDateTime(Object v) {
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
}
