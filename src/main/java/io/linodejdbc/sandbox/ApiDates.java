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
    return value == null ? null : FORMAT.format(value);
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
