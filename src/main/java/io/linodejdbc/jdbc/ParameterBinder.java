package io.linodejdbc.jdbc;

import io.linodejdbc.sql.SqlState;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.JDBCType;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Calendar;
import java.util.Locale;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Binds a {@code PreparedStatement} parameter as the JDBC 4.2 conversion tables (B-4, B-5) say,
 * converting the value to the Java type Calcite's generated code expects for the parameter's
 * type: Avatica passes a value on as the setter received it, so {@code setLong} for an INTEGER
 * parameter ({@code LIMIT ?}), {@code setString} for an INTEGER or TIMESTAMP and
 * {@code setObject(LocalDateTime)} would otherwise fail with a Java cast error at run time.
 *
 * <p>Date-times: a TIMESTAMP holds the API's UTC wall-clock time. {@code java.time} values with an
 * offset or zone ({@link OffsetDateTime}, {@link ZonedDateTime}, {@link Instant}) are converted to
 * UTC; a {@link LocalDateTime} is taken as UTC; a {@link Timestamp} or {@link java.util.Date}
 * without a calendar is read in the JVM's zone (JDBC's rule, and what {@code getTimestamp}
 * returns), with a calendar in the calendar's zone. A value that cannot convert is a
 * {@link SQLDataException} naming the parameter: 22018 (wrong kind of value), 22003 (out of range)
 * or 22007 (not a date-time).
 */
final class ParameterBinder {
  /** ISO date-time as a cast reads it: 'T' or a space, optional seconds, fraction and offset. */
  private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart().appendLiteral(' ').optionalEnd()
      .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
      .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
      .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .optionalEnd()
      .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HH", "Z").optionalEnd()
      .toFormatter(Locale.ROOT);
  private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern(
      "uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);

  private ParameterBinder() {}

  /** Whether {@code method} sets a parameter this class binds. */
  static boolean isSetter(java.lang.reflect.Method method) {
    if (method.getParameterCount() < 2 || method.getParameterTypes()[0] != int.class) {
      return false;
    }
    return switch (method.getName()) {
      case "setObject", "setString", "setNString", "setInt", "setLong", "setShort", "setByte",
          "setBigDecimal", "setDouble", "setFloat", "setBoolean", "setTimestamp", "setDate",
          "setNull" -> true;
      default -> false;
    };
  }

  /**
   * Sets parameter {@code args[0]} of {@code target}. {@code types} holds the parameter types
   * (from its ParameterMetaData), or null when unknown.
   */
  static void bind(PreparedStatement target, int @Nullable [] types, String name, Object[] args)
      throws SQLException {
    int index = (Integer) args[0];
    Object value = args[1];
    @Nullable Calendar calendar = null;
    Integer requested = null;
    if (name.equals("setNull")) {
      target.setNull(index, (Integer) args[1]);
      return;
    }
    if (args.length >= 3 && args[2] instanceof Calendar c) {
      calendar = c;
    } else if (name.equals("setObject") && args.length >= 3) {
      requested = args[2] instanceof SQLType t ? sqlTypeNumber(t)
          : args[2] instanceof Integer i ? i : null;
    }
    int declared = types != null && index >= 1 && index <= types.length
        ? types[index - 1] : Types.OTHER;
    int type = isKnown(declared) ? declared : requested != null ? requested : declared;
    if (value == null) {
      target.setNull(index, type);
      return;
    }
    if (value instanceof Calendar c && calendar == null) {
      calendar = c;
      value = c.getTime();
    }
    String what = "parameter " + index + " (" + typeName(type) + ")";
    switch (type) {
    case Types.TINYINT:
      target.setByte(index, (byte) integral(value, Byte.MIN_VALUE, Byte.MAX_VALUE, what));
      return;
    case Types.SMALLINT:
      target.setShort(index, (short) integral(value, Short.MIN_VALUE, Short.MAX_VALUE, what));
      return;
    case Types.INTEGER:
      target.setInt(index, (int) integral(value, Integer.MIN_VALUE, Integer.MAX_VALUE, what));
      return;
    case Types.BIGINT:
      target.setLong(index, integral(value, Long.MIN_VALUE, Long.MAX_VALUE, what));
      return;
    case Types.DECIMAL:
    case Types.NUMERIC:
      target.setBigDecimal(index, decimal(value, what));
      return;
    case Types.REAL:
      target.setFloat(index, decimal(value, what).floatValue());
      return;
    case Types.FLOAT:
    case Types.DOUBLE:
      target.setDouble(index, decimal(value, what).doubleValue());
      return;
    case Types.BOOLEAN:
    case Types.BIT:
      target.setBoolean(index, bool(value, what));
      return;
    case Types.TIMESTAMP:
      // Calcite's TIMESTAMP: milliseconds of the wall clock as if it were UTC, i.e. of the UTC
      // time itself. A long reaches the plan unchanged, in every JVM zone.
      target.setLong(index, dateTime(value, calendar, what)
          .toInstant(ZoneOffset.UTC).toEpochMilli());
      return;
    case Types.DATE:
      target.setInt(index, (int) dateTime(value, calendar, what).toLocalDate().toEpochDay());
      return;
    case Types.CHAR:
    case Types.VARCHAR:
    case Types.LONGVARCHAR:
    case Types.NCHAR:
    case Types.NVARCHAR:
    case Types.LONGNVARCHAR:
      target.setString(index, text(value, calendar, what));
      return;
    default:
      // Types Calcite leaves open: let Avatica take the value as it is.
      target.setObject(index, value);
    }
  }

  /** The parameter types of {@code ps}, or null when its metadata is unavailable. */
  static int @Nullable [] parameterTypes(PreparedStatement ps) {
    try {
      ParameterMetaData meta = ps.getParameterMetaData();
      int[] types = new int[meta.getParameterCount()];
      for (int i = 0; i < types.length; i++) {
        types[i] = meta.getParameterType(i + 1);
      }
      return types;
    } catch (SQLException | RuntimeException e) {
      return null;
    }
  }

  private static boolean isKnown(int type) {
    return type != Types.OTHER && type != Types.JAVA_OBJECT && type != Types.NULL
        && type != Types.ARRAY && type != Types.STRUCT;
  }

  private static @Nullable Integer sqlTypeNumber(SQLType type) {
    return type.getVendorTypeNumber();
  }

  private static String typeName(int type) {
    try {
      return JDBCType.valueOf(type).getName();
    } catch (IllegalArgumentException e) {
      return "type " + type;
    }
  }

  private static long integral(Object value, long min, long max, String what)
      throws SQLException {
    BigDecimal exact;
    if (value instanceof Byte || value instanceof Short || value instanceof Integer
        || value instanceof Long) {
      exact = BigDecimal.valueOf(((Number) value).longValue());
    } else if (value instanceof BigInteger b) {
      exact = new BigDecimal(b);
    } else if (value instanceof BigDecimal d) {
      exact = d;
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw cannot(value, what, SqlState.NUMERIC_VALUE_OUT_OF_RANGE);
      }
      exact = BigDecimal.valueOf(d);
    } else if (value instanceof String s) {
      try {
        exact = new BigDecimal(new BigInteger(s.trim()));
      } catch (NumberFormatException e) {
        throw cannot(value, what, SqlState.INVALID_CHARACTER_VALUE_FOR_CAST);
      }
    } else {
      throw cannot(value, what, SqlState.INVALID_CHARACTER_VALUE_FOR_CAST);
    }
    if (exact.signum() != 0 && exact.stripTrailingZeros().scale() > 0) {
      throw new SQLDataException(what + " must be a whole number, not " + exact.toPlainString(),
          SqlState.INVALID_CHARACTER_VALUE_FOR_CAST.code());
    }
    if (exact.compareTo(BigDecimal.valueOf(min)) < 0
        || exact.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw new SQLDataException(what + ": " + exact.toPlainString() + " is out of range "
          + min + ".." + max, SqlState.NUMERIC_VALUE_OUT_OF_RANGE.code());
    }
    return exact.longValueExact();
  }

  private static BigDecimal decimal(Object value, String what) throws SQLException {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof BigInteger b) {
      return new BigDecimal(b);
    }
    if (value instanceof Byte || value instanceof Short || value instanceof Integer
        || value instanceof Long) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    try {
      if (value instanceof Double || value instanceof Float) {
        return BigDecimal.valueOf(((Number) value).doubleValue());
      }
      if (value instanceof String s) {
        return new BigDecimal(s.trim());
      }
    } catch (NumberFormatException e) {
      throw cannot(value, what, SqlState.INVALID_CHARACTER_VALUE_FOR_CAST);
    }
    throw cannot(value, what, SqlState.INVALID_CHARACTER_VALUE_FOR_CAST);
  }

  private static boolean bool(Object value, String what) throws SQLException {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof Number n && (n.doubleValue() == 0 || n.doubleValue() == 1)) {
      return n.doubleValue() == 1;
    }
    if (value instanceof String s) {
      switch (s.trim().toLowerCase(Locale.ROOT)) {
      case "true", "t", "yes", "y", "on", "1":
        return true;
      case "false", "f", "no", "n", "off", "0":
        return false;
      default:
        break;
      }
    }
    throw cannot(value, what, SqlState.INVALID_CHARACTER_VALUE_FOR_CAST);
  }

  /** The value as the API's UTC wall-clock time. */
  static LocalDateTime dateTime(Object value, @Nullable Calendar calendar, String what)
      throws SQLException {
    if (value instanceof LocalDateTime ldt) {
      return ldt;
    }
    if (value instanceof OffsetDateTime odt) {
      return odt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
    if (value instanceof ZonedDateTime zdt) {
      return LocalDateTime.ofInstant(zdt.toInstant(), ZoneOffset.UTC);
    }
    if (value instanceof Instant instant) {
      return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
    if (value instanceof LocalDate date) {
      return date.atStartOfDay();
    }
    if (value instanceof java.sql.Date date && calendar == null) {
      return date.toLocalDate().atStartOfDay();
    }
    if (value instanceof java.util.Date date) {
      if (calendar != null) {
        return LocalDateTime.ofInstant(date.toInstant(), calendar.getTimeZone().toZoneId());
      }
      Timestamp ts = value instanceof Timestamp t ? t : new Timestamp(date.getTime());
      return ts.toLocalDateTime();
    }
    if (value instanceof String s) {
      return parseDateTime(s, what);
    }
    throw cannot(value, what, SqlState.INVALID_CHARACTER_VALUE_FOR_CAST);
  }

  /** A date-time text in any ISO form; with an offset, converted to UTC. */
  static LocalDateTime parseDateTime(String text, String what) throws SQLException {
    String s = text.trim();
    try {
      if (s.length() == 10) {
        return LocalDate.parse(s).atStartOfDay();
      }
      TemporalAccessor parsed = DATE_TIME.parse(s);
      LocalDateTime local = LocalDateTime.of(LocalDate.from(parsed), LocalTime.from(parsed));
      if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
        return local.atOffset(ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)))
            .withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
      }
      return local;
    } catch (java.time.DateTimeException e) {
      throw new SQLDataException(what + ": '" + text + "' is not a date-time; write it as"
          + " YYYY-MM-DD HH:MM:SS (UTC) or with an offset, e.g. 2030-01-31T12:00:00Z",
          SqlState.INVALID_DATETIME_FORMAT.code());
    }
  }

  private static String text(Object value, @Nullable Calendar calendar, String what)
      throws SQLException {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof Number || value instanceof Boolean || value instanceof Character) {
      return value.toString();
    }
    if (value instanceof TemporalAccessor || value instanceof java.util.Date) {
      LocalDateTime utc = dateTime(value, calendar, what);
      String whole = TEXT.format(utc);
      return utc.getNano() == 0 ? whole
          : whole + "." + String.format(Locale.ROOT, "%09d", utc.getNano()).replaceAll("0+$", "");
    }
    throw cannot(value, what, SqlState.INVALID_CHARACTER_VALUE_FOR_CAST);
  }

  private static SQLDataException cannot(Object value, String what, SqlState state) {
    // Short texts are shown; a long one could be a secret, which no message may hold.
    String shown = value instanceof String s
        ? (s.length() <= 32 ? "'" + s + "'" : "a text of " + s.length() + " characters")
        : value.getClass().getSimpleName();
    return new SQLDataException("Cannot convert " + shown + " to " + what, state.code());
  }
}
