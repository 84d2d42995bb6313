package io.linodejdbc.resource;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/** The value rules the Linode API documents. */
public final class ValueRules {
  private ValueRules() {}

  /** Text of {@code min} to {@code max} characters (code points), without unpaired surrogates. */
  public static ValueRule text(int min, int max) {
    return (column, value, clock) -> {
      String s = (String) value;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length()
            && Character.isLowSurrogate(s.charAt(i + 1));
        if (paired) {
          i++;
        } else if (Character.isSurrogate(c)) {
          throw new InvalidValueException(InvalidValueException.Problem.UNSENDABLE_CHARACTER,
              column + " holds an unpaired UTF-16 surrogate at position " + i
              + "; it cannot be sent as text");
        }
      }
      int length = s.codePointCount(0, s.length());
      if (length < min) {
        throw invalid(column + (min == 1 ? " must not be empty"
            : " must be at least " + min + " characters long"));
      }
      if (length > max) {
        throw new InvalidValueException(InvalidValueException.Problem.TOO_LONG, column + " is "
            + length + " characters long; the API allows " + min + " to " + max);
      }
      return s;
    };
  }

  /** A date-time in the future, sent in the API's format ({@link LinodeDateTime}). */
  public static ValueRule futureDateTime() {
    return (column, value, clock) -> {
      LocalDateTime utc = value instanceof LocalDateTime t ? t : parse(column, (String) value);
      LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
      if (!utc.isAfter(now)) {
        throw invalid(column + " " + LinodeDateTime.format(utc)
            + " is not in the future (times are UTC); use NULL for one that never expires");
      }
      return LinodeDateTime.format(utc);
    };
  }

  private static LocalDateTime parse(String column, String text) {
    String s = text.trim();
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
      throw invalid(column + " '" + s
          + "' is not a date-time; write it as YYYY-MM-DDTHH:MM:SS (UTC)");
    }
  }

  /**
   * OAuth-style scopes: {@code *} or space-separated {@code area:read_only|read_write}, each of
   * {@code areas} at most once.
   */
  public static ValueRule scopes(Set<String> areas) {
    return (column, value, clock) -> {
      String trimmed = ((String) value).trim();
      if (trimmed.equals("*")) {
        return trimmed;
      }
      if (trimmed.isEmpty()) {
        throw invalid(column
            + " must be '*' or space-separated area:read_only / area:read_write");
      }
      Set<String> seen = new HashSet<>();
      for (String scope : trimmed.split(" +")) {
        int colon = scope.indexOf(':');
        String area = colon < 0 ? scope : scope.substring(0, colon);
        String level = colon < 0 ? "" : scope.substring(colon + 1);
        if (!areas.contains(area)) {
          throw invalid("scope '" + scope + "' names an unknown area; known areas: "
              + String.join(", ", new TreeSet<>(areas)));
        }
        if (!level.equals("read_only") && !level.equals("read_write")) {
          throw invalid("scope '" + scope + "' must end in :read_only or :read_write");
        }
        if (!seen.add(area)) {
          throw invalid(column + " name the area '" + area + "' twice");
        }
      }
      return String.join(" ", trimmed.split(" +"));
    };
  }

  private static InvalidValueException invalid(String message) {
    return new InvalidValueException(InvalidValueException.Problem.INVALID, message);
  }
}
