package io.linodejdbc.resource;

import java.time.Clock;

/**
 * What the API accepts as a column's value, checked before any request is sent, so that a bad
 * value costs no call and leaves nothing half-done.
 */
@FunctionalInterface
public interface ValueRule {
  /**
   * The value as the API's JSON text.
   *
   * @param column the column's name, for messages
   * @param value text, or for a date-time column a UTC {@link java.time.LocalDateTime}
   * @param clock the time now, for rules that depend on it
   * @throws InvalidValueException if the API would refuse it
   */
  String check(String column, Object value, Clock clock);
}
