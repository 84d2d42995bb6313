package io.linodejdbc.jdbc;

import static io.linodejdbc.jdbc.MethodTable.params;

import io.linodejdbc.sql.SqlState;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Date-time getters of result sets, computed from the value itself rather than by Avatica.
 * Calcite holds a TIMESTAMP as the milliseconds of its wall-clock time read as UTC, which for the
 * API's values is the UTC time exactly. Avatica turns that into a {@link Timestamp} through the
 * JVM's zone even when a calendar is given, so a UTC time that falls into the JVM zone's
 * daylight-saving gap came back an hour late from every getter.
 *
 * <ul>
 *   <li>{@code getObject(col, LocalDateTime | OffsetDateTime | ZonedDateTime | Instant |
 *       LocalDate | LocalTime | String)}: the API's UTC value, exact, in every JVM zone
 *       (offset and zone UTC);
 *   <li>{@code getTimestamp(col, cal)} (and {@code getDate}/{@code getTime} with a calendar):
 *       the instant at which the calendar's zone shows the UTC value; with a UTC calendar, the
 *       value's true instant;
 *   <li>{@code getTimestamp(col)} and {@code getObject(col)}: JDBC's rule, a Timestamp whose
 *       JVM-zone wall clock ({@code toString()}, {@code toLocalDateTime()}) shows the UTC value.
 *       A wall-clock time that does not exist in the JVM's zone (inside its daylight-saving gap)
 *       cannot be such a Timestamp: it shows the time shifted forward by the gap, as
 *       {@link Timestamp#valueOf(LocalDateTime)} does.
 * </ul>
 */
final class TemporalValues {
  private static final DateTimeFormatter WHOLE_SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

  private TemporalValues() {}

  /**
   * The date-time getters of a result set, by column index and by label: each answers for a
   * TIMESTAMP or DATE column and hands every other column on to Avatica.
   */
  static final MethodTable OVERRIDES = overrides();

  private static MethodTable overrides() {
    MethodTable.Builder b = MethodTable.of(ResultSet.class);
    for (Class<?> column : List.of(int.class, String.class)) {
      for (String getter : List.of("getTimestamp", "getDate", "getTime")) {
        b.on(getter, params(column), c -> answer(c, getter, null));
        b.on(getter, params(column, Calendar.class),
            c -> answer(c, getter, c.arg(1, Calendar.class)));
      }
      b.on("getObject", params(column), c -> answer(c, "getObject", null));
      b.on("getObject", params(column, Class.class),
          c -> answer(c, "getObject", c.arg(1, Class.class)));
    }
    return b.build();
  }

  private static @Nullable Object answer(JdbcProxies.Call call, String getter,
      @Nullable Object extra) throws SQLException {
    ResultSet rs = (ResultSet) call.delegate();
    Object key = call.arg(0, Object.class);
    int column = key instanceof Integer i ? i : rs.findColumn((String) key);
    int type = call.columnType(column);
    if (!isTemporal(type)) {
      if (extra instanceof Class<?> wanted) {
        return TypedValues.get(rs, column, wanted); // Avatica refuses every class here
      }
      return call.proceed(); // not a date-time column: Avatica's answer
    }
    return answer(rs, column, type, getter, extra);
  }

  /** Whether a column of this {@link Types} code is one whose getters are answered here. */
  static boolean isTemporal(int type) {
    return type == Types.TIMESTAMP || type == Types.DATE;
  }

  /**
   * A getter's answer for the TIMESTAMP or DATE column {@code column} ({@link #isTemporal} of
   * {@code type}).
   */
  static @Nullable Object answer(ResultSet rs, int column, int type, String getter,
      @Nullable Object extra) throws SQLException {
    long raw = rs.getLong(column);
    if (rs.wasNull()) {
      return null;
    }
    if (extra == String.class) {
      return rs.getString(column);
    }
    boolean dateOnly = type == Types.DATE;
    return get(dateOnly ? LocalDate.ofEpochDay(raw).atStartOfDay() : utc(raw), dateOnly, getter,
        extra);
  }

  /** Calcite's TIMESTAMP milliseconds as the UTC wall clock they stand for. */
  private static LocalDateTime utc(long millis) {
    return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000L),
        (int) Math.floorMod(millis, 1000L) * 1_000_000, ZoneOffset.UTC);
  }

  /** A date-time column's value: its UTC wall clock (null for SQL NULL), and whether a DATE. */
  record Value(@Nullable LocalDateTime utc, boolean dateOnly) {}

  /** The value of a TIMESTAMP or DATE column; empty for other columns. */
  static Optional<Value> read(ResultSet rs, int column) throws SQLException {
    int type = rs.getMetaData().getColumnType(column);
    if (type == Types.TIMESTAMP) {
      long millis = rs.getLong(column);
      return Optional.of(new Value(rs.wasNull() ? null : utc(millis), false));
    }
    if (type == Types.DATE) {
      long days = rs.getLong(column);
      return Optional.of(new Value(rs.wasNull() ? null
          : LocalDate.ofEpochDay(days).atStartOfDay(), true));
    }
    return Optional.empty();
  }

  /**
   * A getter's answer for the UTC value {@code utc}.
   *
   * @param extra the getter's second argument: a Calendar, a Class, or null
   */
  static @Nullable Object get(LocalDateTime utc, boolean dateOnly, String getter,
      @Nullable Object extra) throws SQLException {
    ZoneId zone = extra instanceof Calendar c ? c.getTimeZone().toZoneId() : null;
    switch (getter) {
    case "getTimestamp":
      return timestamp(utc, zone);
    case "getDate":
      return zone == null ? Date.valueOf(utc.toLocalDate())
          : new Date(utc.toLocalDate().atStartOfDay(zone).toInstant().toEpochMilli());
    case "getTime":
      return zone == null ? Time.valueOf(utc.toLocalTime())
          : new Time(utc.atZone(zone).toInstant().toEpochMilli());
    case "getString":
      return text(utc, dateOnly);
    default:
      break;
    }
    if (!(extra instanceof Class<?> type)) {
      return dateOnly ? Date.valueOf(utc.toLocalDate()) : timestamp(utc, null);
    }
    if (type == LocalDateTime.class) {
      return utc;
    }
    if (type == OffsetDateTime.class) {
      return utc.atOffset(ZoneOffset.UTC);
    }
    if (type == ZonedDateTime.class) {
      return utc.atZone(ZoneOffset.UTC);
    }
    if (type == Instant.class) {
      return utc.toInstant(ZoneOffset.UTC);
    }
    if (type == LocalDate.class) {
      return utc.toLocalDate();
    }
    if (type == LocalTime.class) {
      return utc.toLocalTime();
    }
    if (type == String.class) {
      return text(utc, dateOnly);
    }
    if (type == Timestamp.class || type == java.util.Date.class || type == Object.class) {
      return timestamp(utc, null);
    }
    if (type == Date.class) {
      return Date.valueOf(utc.toLocalDate());
    }
    if (type == Time.class) {
      return Time.valueOf(utc.toLocalTime());
    }
    if (type == Long.class) {
      return utc.toInstant(ZoneOffset.UTC).toEpochMilli();
    }
    throw new SQLDataException("Cannot read a " + (dateOnly ? "DATE" : "TIMESTAMP") + " as "
        + type.getSimpleName(), SqlState.INVALID_CHARACTER_VALUE_FOR_CAST.code());
  }

  private static Timestamp timestamp(LocalDateTime utc, @Nullable ZoneId zone) {
    if (zone == null) {
      return Timestamp.valueOf(utc);
    }
    Timestamp ts = new Timestamp(utc.atZone(zone).toInstant().toEpochMilli());
    ts.setNanos(utc.getNano());
    return ts;
  }

  /** As Calcite prints a TIMESTAMP: no fraction when there is none. */
  static String text(LocalDateTime utc, boolean dateOnly) {
    if (dateOnly) {
      return utc.toLocalDate().toString();
    }
    String whole = utc.format(WHOLE_SECONDS);
    return utc.getNano() == 0 ? whole
        : whole + "." + String.format(Locale.ROOT, "%09d", utc.getNano()).replaceAll("0+$", "");
  }
}
