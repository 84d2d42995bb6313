package io.linodejdbc.sandbox;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * The API's date-time wire format, {@code YYYY-MM-DDTHH:MM:SS}: UTC, no offset, no fraction.
 *
 * <p>Kept strict on purpose: the real API has been seen to reject RFC 3339 values with {@code Z}
 * or an offset, so the sandbox rejects them too and a driver that sends them fails in tests.
 */
final class ApiDates {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

  private ApiDates() {}

  /** Formats a value for a response; {@code null} stays {@code null}. */
  static String format(LocalDateTime value) {
    if (value == null) {
      return null;
    }
    int year = value.getYear();
    if (year < 0 || year > 9999) {
      return FORMAT.format(value); // the formatter's sign and width rules
    }
    // Digit by digit: a list page formats two per token, and the formatter was a fifth of a page.
    char[] c = new char[19];
    put(c, 0, year, 4);
    c[4] = '-';
    put(c, 5, value.getMonthValue(), 2);
    c[7] = '-';
    put(c, 8, value.getDayOfMonth(), 2);
    c[10] = 'T';
    put(c, 11, value.getHour(), 2);
    c[13] = ':';
    put(c, 14, value.getMinute(), 2);
    c[16] = ':';
    put(c, 17, value.getSecond(), 2);
    return new String(c);
  }

  private static void put(char[] c, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      c[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  /** Parses a request value, or returns empty if it is not exactly in the wire format. */
  static Optional<LocalDateTime> parse(String text) {
    if (text == null || text.length() != 19) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDateTime.parse(text, FORMAT));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
