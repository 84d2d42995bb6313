package io.linodejdbc.resource;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The API's date-time format: UTC, {@code YYYY-MM-DDTHH:MM:SS}, no zone and no fraction, both in
 * responses and in requests (filters and bodies). A value with an offset has been seen rejected,
 * so the driver never sends one.
 */
public final class LinodeDateTime {
  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  private LinodeDateTime() {}

  /** Formats a UTC date-time, dropping any fraction of a second. */
  public static String format(LocalDateTime utc) {
    return FORMAT.format(utc.truncatedTo(ChronoUnit.SECONDS));
  }

  /**
   * Parses a value the API returned. Tolerates a fraction or a trailing {@code Z}, which the
   * documentation does not promise but costs nothing to accept.
   *
   * @throws DateTimeParseException if it is no date-time at all
   */
  public static LocalDateTime parse(String text) {
    String s = text.endsWith("Z") ? text.substring(0, text.length() - 1) : text;
    return LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
  }
}
