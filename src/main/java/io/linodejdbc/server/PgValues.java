package io.linodejdbc.server;

import io.linodejdbc.sql.SqlState;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Values between JDBC and the PostgreSQL wire formats: columns of a result set to text or binary,
 * and parameters from text or binary to the Java objects the driver binds.
 */
final class PgValues {
  /** PostgreSQL's epoch for binary dates and timestamps. */
  private static final LocalDateTime PG_EPOCH = LocalDateTime.of(2000, 1, 1, 0, 0);
  private static final LocalDate PG_EPOCH_DATE = PG_EPOCH.toLocalDate();

  /** {@code 2024-01-31 12:00:00[.ffffff]}, as PostgreSQL prints with DateStyle ISO. */
  private static final DateTimeFormatter TIMESTAMP_TEXT = new DateTimeFormatterBuilder()
      .appendPattern("uuuu-MM-dd HH:mm:ss")
      .optionalStart().appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true).optionalEnd()
      .toFormatter(Locale.ROOT);

  /** What clients send: ISO date-times with a space or 'T', optional fraction and offset. */
  private static final DateTimeFormatter TIMESTAMP_INPUT = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart().optionalStart().appendLiteral(' ').optionalEnd()
      .optionalStart().appendLiteral('T').optionalEnd()
      .appendPattern("HH:mm")
      .optionalStart().appendPattern(":ss").optionalEnd()
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .optionalEnd()
      .optionalStart().appendOffset("+HH:mm", "Z").optionalEnd()
      .optionalStart().appendOffset("+HH", "Z").optionalEnd()
      .toFormatter(Locale.ROOT);

  private PgValues() {}

  /** Column {@code i} of the current row in text format, or null for SQL NULL. */
  static String text(ResultSet rs, int i, PgType type) throws SQLException {
    switch (type) {
    case BOOL: {
      boolean b = rs.getBoolean(i);
      return rs.wasNull() ? null : (b ? "t" : "f");
    }
    case INT2:
    case INT4:
    case INT8: {
      Object o = rs.getObject(i);
      return o == null ? null : o instanceof Number n ? Long.toString(n.longValue()) : o.toString();
    }
    case FLOAT4:
    case FLOAT8: {
      double d = rs.getDouble(i);
      return rs.wasNull() ? null : doubleText(d, type == PgType.FLOAT4);
    }
    case NUMERIC: {
      BigDecimal d = rs.getBigDecimal(i);
      return d == null ? null : d.toPlainString();
    }
    case TIMESTAMP: {
      Timestamp t = rs.getTimestamp(i);
      return t == null ? null : TIMESTAMP_TEXT.format(t.toLocalDateTime());
    }
    case TIMESTAMPTZ: {
      Timestamp t = rs.getTimestamp(i);
      return t == null ? null
          : TIMESTAMP_TEXT.format(t.toInstant().atOffset(ZoneOffset.UTC)) + "+00";
    }
    case DATE: {
      java.sql.Date d = rs.getDate(i);
      return d == null ? null : d.toLocalDate().toString();
    }
    case TIME: {
      java.sql.Time t = rs.getTime(i);
      return t == null ? null : t.toLocalTime().toString();
    }
    case BYTEA: {
      byte[] b = rs.getBytes(i);
      if (b == null) {
        return null;
      }
      StringBuilder s = new StringBuilder("\\x");
      for (byte x : b) {
        s.append(String.format("%02x", x & 0xff));
      }
      return s.toString();
    }
    case TEXT_ARRAY:
    case INT4_ARRAY: {
      Array a = rs.getArray(i);
      return a == null ? null : arrayText((Object[]) a.getArray());
    }
    default:
      return rs.getString(i);
    }
  }

  /** Column {@code i} in binary format, or null for SQL NULL. */
  static byte[] binary(ResultSet rs, int i, PgType type) throws SQLException {
    switch (type) {
    case BOOL: {
      boolean b = rs.getBoolean(i);
      return rs.wasNull() ? null : new byte[] {(byte) (b ? 1 : 0)};
    }
    case INT2: {
      short v = rs.getShort(i);
      return rs.wasNull() ? null : ByteBuffer.allocate(2).putShort(v).array();
    }
    case INT4: {
      int v = rs.getInt(i);
      return rs.wasNull() ? null : ByteBuffer.allocate(4).putInt(v).array();
    }
    case INT8: {
      long v = rs.getLong(i);
      return rs.wasNull() ? null : ByteBuffer.allocate(8).putLong(v).array();
    }
    case FLOAT4: {
      float v = rs.getFloat(i);
      return rs.wasNull() ? null : ByteBuffer.allocate(4).putFloat(v).array();
    }
    case FLOAT8: {
      double v = rs.getDouble(i);
      return rs.wasNull() ? null : ByteBuffer.allocate(8).putDouble(v).array();
    }
    case TIMESTAMP: {
      Timestamp t = rs.getTimestamp(i);
      return t == null ? null : ByteBuffer.allocate(8)
          .putLong(ChronoUnit.MICROS.between(PG_EPOCH, t.toLocalDateTime())).array();
    }
    case TIMESTAMPTZ: {
      Timestamp t = rs.getTimestamp(i);
      return t == null ? null : ByteBuffer.allocate(8).putLong(ChronoUnit.MICROS.between(
          PG_EPOCH.toInstant(ZoneOffset.UTC), t.toInstant())).array();
    }
    case DATE: {
      java.sql.Date d = rs.getDate(i);
      return d == null ? null : ByteBuffer.allocate(4)
          .putInt((int) ChronoUnit.DAYS.between(PG_EPOCH_DATE, d.toLocalDate())).array();
    }
    case TIME: {
      java.sql.Time t = rs.getTime(i);
      return t == null ? null : ByteBuffer.allocate(8)
          .putLong(t.toLocalTime().toNanoOfDay() / 1000).array();
    }
    case NUMERIC: {
      BigDecimal d = rs.getBigDecimal(i);
      return d == null ? null : numericBinary(d);
    }
    case BYTEA:
      return rs.getBytes(i);
    default: {
      String s = text(rs, i, type);
      return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }
    }
  }

  /** Whether {@link #binary} can encode the type (other types are always sent as text). */
  static boolean hasBinary(PgType type) {
    return type != PgType.TEXT_ARRAY && type != PgType.INT4_ARRAY && type != PgType.UUID;
  }

  /**
   * A double as PostgreSQL 12+ prints it (shortest exact form): {@code 1}, {@code 0.1},
   * {@code 1e+20}, {@code Infinity}, {@code NaN}.
   */
  static String doubleText(double d, boolean single) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0" : "0";
    }
    BigDecimal exact = new BigDecimal(single ? Float.toString((float) d) : Double.toString(d));
    BigDecimal v = exact.stripTrailingZeros();
    int exponent = v.precision() - v.scale() - 1;
    if (exponent < -4 || exponent >= (single ? 6 : 15)) {
      String digits = v.unscaledValue().abs().toString();
      StringBuilder s = new StringBuilder(v.signum() < 0 ? "-" : "");
      s.append(digits.charAt(0));
      if (digits.length() > 1) {
        s.append('.').append(digits, 1, digits.length());
      }
      s.append('e').append(exponent < 0 ? '-' : '+');
      int e = Math.abs(exponent);
      s.append(e < 10 ? "0" : "").append(e);
      return s.toString();
    }
    return v.toPlainString();
  }

  private static String arrayText(Object[] values) {
    StringBuilder s = new StringBuilder("{");
    for (int k = 0; k < values.length; k++) {
      if (k > 0) {
        s.append(',');
      }
      Object v = values[k];
      if (v == null) {
        s.append("NULL");
      } else {
        String e = v.toString();
        boolean quote = e.isEmpty() || e.equalsIgnoreCase("null")
            || e.chars().anyMatch(c -> c == ',' || c == '"' || c == '\\' || c == '{' || c == '}'
                || Character.isWhitespace(c));
        if (quote) {
          s.append('"').append(e.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        } else {
          s.append(e);
        }
      }
    }
    return s.append('}').toString();
  }

  /** PostgreSQL's binary numeric: base-10000 digits with weight, sign and display scale. */
  static byte[] numericBinary(BigDecimal value) {
    int scale = Math.max(value.scale(), 0);
    BigDecimal abs = value.abs().setScale(scale);
    BigInteger unscaled = abs.unscaledValue();
    // Align the fraction to whole base-10000 digits.
    int fracGroups = (scale + 3) / 4;
    BigInteger aligned = unscaled.multiply(BigInteger.TEN.pow(fracGroups * 4 - scale));
    java.util.ArrayList<Integer> digits = new java.util.ArrayList<>();
    BigInteger tenK = BigInteger.valueOf(10_000);
    while (aligned.signum() > 0) {
      BigInteger[] qr = aligned.divideAndRemainder(tenK);
      digits.add(0, qr[1].intValue());
      aligned = qr[0];
    }
    int weight = digits.size() - fracGroups - 1;
    // Trailing zero groups need not be sent; leading ones never occur.
    while (!digits.isEmpty() && digits.get(digits.size() - 1) == 0) {
      digits.remove(digits.size() - 1);
    }
    if (digits.isEmpty()) {
      weight = 0;
    }
    ByteBuffer b = ByteBuffer.allocate(8 + 2 * digits.size());
    b.putShort((short) digits.size()).putShort((short) weight)
        .putShort((short) (value.signum() < 0 ? 0x4000 : 0)).putShort((short) scale);
    for (int d : digits) {
      b.putShort((short) d);
    }
    return b.array();
  }

  static BigDecimal numericFromBinary(byte[] bytes) throws PgProtocolException {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    if (bytes.length < 8) {
      throw badBinary("numeric");
    }
    int n = b.getShort() & 0xffff;
    int weight = b.getShort();
    int sign = b.getShort() & 0xffff;
    int scale = b.getShort() & 0xffff;
    if (bytes.length != 8 + 2 * n || sign == 0xC000) {
      throw badBinary("numeric");
    }
    BigDecimal v = BigDecimal.ZERO;
    for (int k = 0; k < n; k++) {
      v = v.add(BigDecimal.valueOf(b.getShort() & 0xffff).scaleByPowerOfTen(4 * (weight - k)));
    }
    v = v.setScale(scale, java.math.RoundingMode.UNNECESSARY);
    return sign == 0x4000 ? v.negate() : v;
  }

  /**
   * A parameter sent in text format, as the Java value to bind: by the type the client named, or
   * else by the type the driver inferred ({@code inferredJdbcType}, {@link java.sql.Types}).
   */
  static Object fromText(String text, PgType clientType, int inferredJdbcType)
      throws ParameterException {
    PgType type = clientType != null && clientType != PgType.UNKNOWN && clientType != PgType.TEXT
        && clientType != PgType.VARCHAR
        ? clientType : PgType.ofJdbc(inferredJdbcType, null);
    String t = text.strip();
    try {
      switch (type) {
      case BOOL:
        return parseBool(t);
      case INT2:
      case INT4:
      case OID: {
        long v = Long.parseLong(t);
        return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? (Object) (int) v : (Object) v;
      }
      case INT8:
        return Long.parseLong(t);
      case FLOAT4:
      case FLOAT8:
        return parseDouble(t);
      case NUMERIC:
        return new BigDecimal(t);
      case TIMESTAMP:
      case TIMESTAMPTZ:
        return Timestamp.valueOf(parseTimestamp(t, type == PgType.TIMESTAMPTZ));
      case DATE:
        return java.sql.Date.valueOf(LocalDate.parse(t));
      case TIME:
        return java.sql.Time.valueOf(LocalTime.parse(t));
      default:
        return text;
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new ParameterException(SqlState.INVALID_TEXT_REPRESENTATION.code(),
          "invalid input syntax for type " + type.name
          + ": \"" + shorten(text) + "\"");
    }
  }

  /** A parameter sent in binary format. */
  static Object fromBinary(byte[] bytes, PgType type) throws ParameterException {
    if (type == null) {
      throw new ParameterException(SqlState.PROTOCOL_VIOLATION.code(),
          "a binary parameter needs its type named in Parse");
    }
    ByteBuffer b = ByteBuffer.wrap(bytes);
    try {
      switch (type) {
      case BOOL:
        exact(bytes, 1, type);
        return bytes[0] != 0;
      case INT2:
        exact(bytes, 2, type);
        return (int) b.getShort();
      case INT4:
      case OID:
        exact(bytes, 4, type);
        return b.getInt();
      case INT8:
        exact(bytes, 8, type);
        return b.getLong();
      case FLOAT4:
        exact(bytes, 4, type);
        return (double) b.getFloat();
      case FLOAT8:
        exact(bytes, 8, type);
        return b.getDouble();
      case NUMERIC:
        return numericFromBinary(bytes);
      case TIMESTAMP:
      case TIMESTAMPTZ:
        exact(bytes, 8, type);
        return Timestamp.valueOf(PG_EPOCH.plus(b.getLong(), ChronoUnit.MICROS));
      case DATE:
        exact(bytes, 4, type);
        return java.sql.Date.valueOf(PG_EPOCH_DATE.plusDays(b.getInt()));
      case BYTEA:
        return bytes;
      case UUID:
        exact(bytes, 16, type);
        return new java.util.UUID(b.getLong(), b.getLong()).toString();
      case TEXT:
      case VARCHAR:
      case BPCHAR:
      case NAME:
      case JSON:
      case UNKNOWN:
        return new String(bytes, StandardCharsets.UTF_8);
      default:
        throw new ParameterException(SqlState.FEATURE_NOT_SUPPORTED.code(), "binary parameters of type " + type.name
            + " are not supported; send it in text format");
      }
    } catch (PgProtocolException e) {
      throw new ParameterException(SqlState.INVALID_BINARY_REPRESENTATION.code(), e.getMessage());
    }
  }

  private static void exact(byte[] bytes, int n, PgType type) throws PgProtocolException {
    if (bytes.length != n) {
      throw badBinary(type.name);
    }
  }

  private static PgProtocolException badBinary(String type) {
    return new PgProtocolException(SqlState.INVALID_BINARY_REPRESENTATION.code(),
        "incorrect binary data format for type " + type);
  }

  private static boolean parseBool(String t) {
    switch (t.toLowerCase(Locale.ROOT)) {
    case "t", "true", "1", "y", "yes", "on":
      return true;
    case "f", "false", "0", "n", "no", "off":
      return false;
    default:
      throw new NumberFormatException(t);
    }
  }

  private static double parseDouble(String t) {
    switch (t.toLowerCase(Locale.ROOT)) {
    case "nan":
      return Double.NaN;
    case "infinity", "+infinity", "inf":
      return Double.POSITIVE_INFINITY;
    case "-infinity", "-inf":
      return Double.NEGATIVE_INFINITY;
    default:
      return Double.parseDouble(t);
    }
  }

  /**
   * A timestamp text: for {@code timestamp} an offset is dropped (PostgreSQL ignores it for a
   * timestamp without time zone); for {@code timestamptz} it is converted to UTC.
   */
  static LocalDateTime parseTimestamp(String t, boolean withZone) {
    String s = t.endsWith(" BC") ? t : t;
    java.time.temporal.TemporalAccessor parsed = TIMESTAMP_INPUT.parse(s);
    LocalDate date = LocalDate.from(parsed);
    LocalTime time = parsed.isSupported(ChronoField.HOUR_OF_DAY)
        ? LocalTime.from(parsed) : LocalTime.MIDNIGHT;
    LocalDateTime local = LocalDateTime.of(date, time);
    if (withZone && parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
      ZoneOffset offset = ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS));
      return OffsetDateTime.of(local, offset).withOffsetSameInstant(ZoneOffset.UTC)
          .toLocalDateTime();
    }
    return local;
  }

  private static String shorten(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }

  /** A parameter that cannot be bound, with its SQLSTATE. */
  static final class ParameterException extends Exception {
    private static final long serialVersionUID = 1L;
    final String sqlState;

    ParameterException(String sqlState, String message) {
      super(message);
      this.sqlState = sqlState;
    }
  }
}
