package io.linodejdbc.sql.write;

import io.linodejdbc.sql.LinodeQueryException;
import io.linodejdbc.sql.SqlState;
import io.linodejdbc.resource.LinodeDateTime;
import io.linodejdbc.resource.Resources;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Checks and converts the values a statement writes, before any request is sent: what the API
 * documents is checked here so that a bad value costs no call and leaves nothing half-done.
 */
final class WriteValues {
  private static final java.util.regex.Pattern EPOCH_MILLIS =
      java.util.regex.Pattern.compile("-?\\d{9,15}");

  private final Clock clock;

  WriteValues(Clock clock) {
    this.clock = clock;
  }

  /** A label: 1 to 100 characters. */
  String label(Object value, SqlTypeName type) {
    if (!(value instanceof String s)) {
      throw invalid("label must be text, not " + type);
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1));
      if (paired) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new LinodeQueryException(SqlState.CHARACTER_NOT_IN_REPERTOIRE.code(),
            "label holds an unpaired UTF-16 surrogate at"
            + " position " + i + "; it cannot be sent as text", null);
      }
    }
    int length = s.codePointCount(0, s.length());
    if (length < 1) {
      throw invalid("label must not be empty");
    }
    if (length > 100) {
      throw new LinodeQueryException(SqlState.STRING_DATA_RIGHT_TRUNCATION.code(),
          "label is " + length + " characters long; the API allows 1 to 100", null);
    }
    return s;
  }

  /** An expiry in the API's format; must lie in the future. */
  String expiry(Object value, SqlTypeName type) {
    LocalDateTime utc;
    if (value instanceof Long millis && type == SqlTypeName.TIMESTAMP) {
      utc = LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000L), 0, ZoneOffset.UTC);
    } else if (value instanceof Integer days && type == SqlTypeName.DATE) {
      utc = LocalDate.ofEpochDay(days).atStartOfDay();
    } else if (value instanceof String s && EPOCH_MILLIS.matcher(s.trim()).matches()) {
      // A ? parameter is typed as text; setTimestamp(ts) reaches it as ts.getTime(). JDBC reads
      // a Timestamp in the JVM's zone, so its wall clock is what the user meant (in UTC).
      utc = LocalDateTime.ofInstant(java.time.Instant.ofEpochMilli(Long.parseLong(s.trim())),
          java.time.ZoneId.systemDefault());
    } else if (value instanceof String s) {
      utc = parseDateTime(s.trim());
    } else {
      throw invalid("expiry must be a timestamp or a text like '2030-01-31T12:00:00' (UTC), not "
          + type);
    }
    LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    if (!utc.isAfter(now)) {
      throw invalid("expiry " + LinodeDateTime.format(utc)
          + " is not in the future (times are UTC); use NULL for a token that never expires");
    }
    return LinodeDateTime.format(utc);
  }

  private static LocalDateTime parseDateTime(String s) {
    try {
      if (s.length() == 10) {
        return LocalDate.parse(s).atStartOfDay();
      }
      String iso = s.replace(' ', 'T');
      if (iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:\\d\\d$")) {
        return OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
      }
      return LocalDateTime.parse(iso);
    } catch (DateTimeParseException e) {
      throw invalid("expiry '" + s + "' is not a date-time; write it as YYYY-MM-DDTHH:MM:SS (UTC)");
    }
  }

  /** Scopes: {@code *} or space-separated {@code area:read_only|read_write}. */
  String scopes(Object value, SqlTypeName type) {
    if (!(value instanceof String s)) {
      throw invalid("scopes must be text, not " + type);
    }
    String trimmed = s.trim();
    if (trimmed.equals("*")) {
      return trimmed;
    }
    if (trimmed.isEmpty()) {
      throw invalid("scopes must be '*' or space-separated area:read_only / area:read_write");
    }
    Set<String> areas = new HashSet<>();
    for (String scope : trimmed.split(" +")) {
      int colon = scope.indexOf(':');
      String area = colon < 0 ? scope : scope.substring(0, colon);
      String level = colon < 0 ? "" : scope.substring(colon + 1);
      if (!Resources.TOKEN_SCOPE_AREAS.contains(area)) {
        throw invalid("scope '" + scope + "' names an unknown area; known areas: "
            + String.join(", ", new java.util.TreeSet<>(Resources.TOKEN_SCOPE_AREAS)));
      }
      if (!level.equals("read_only") && !level.equals("read_write")) {
        throw invalid("scope '" + scope + "' must end in :read_only or :read_write");
      }
      if (!areas.add(area)) {
        throw invalid("scopes name the area '" + area + "' twice");
      }
    }
    return String.join(" ", trimmed.split(" +"));
  }

  static LinodeQueryException invalid(String message) {
    return new LinodeQueryException(SqlState.INVALID_PARAMETER_VALUE.code(), message, null);
  }
}
