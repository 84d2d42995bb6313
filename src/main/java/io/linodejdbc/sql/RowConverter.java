package io.linodejdbc.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.linodejdbc.resource.ColumnDescriptor;
import io.linodejdbc.resource.LinodeDateTime;
import io.linodejdbc.resource.ResourceDescriptor;
import java.util.List;

/** Turns one API object into a row in Calcite's internal representation. */
final class RowConverter {
  private final List<ColumnDescriptor> columns;

  RowConverter(ResourceDescriptor resource) {
    this.columns = resource.columns();
  }

  Object[] toRow(ObjectNode object) {
    Object[] row = new Object[columns.size()];
    for (int i = 0; i < row.length; i++) {
      ColumnDescriptor column = columns.get(i);
      JsonNode value = object.get(column.jsonField());
      if (value == null || value.isNull()) {
        if (!column.nullable()) {
          throw malformed(column, "is missing");
        }
        continue;
      }
      row[i] = switch (column.type()) {
        case INTEGER -> {
          if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw malformed(column, "is not an integer");
          }
          yield value.intValue();
        }
        case TIMESTAMP -> {
          if (!value.isTextual()) {
            throw malformed(column, "is not a date-time");
          }
          try {
            yield millis(value.textValue());
          } catch (java.time.DateTimeException e) {
            throw malformed(column, "is not a date-time");
          }
        }
        case VARCHAR -> {
          if (!value.isTextual()) {
            throw malformed(column, "is not a string");
          }
          yield value.textValue();
        }
      };
    }
    return row;
  }

  /**
   * The API's {@code YYYY-MM-DDTHH:MM:SS} read digit by digit (a scan reads one per row and
   * column, and DateTimeFormatter was a tenth of a full scan's time); anything else goes through
   * {@link LinodeDateTime#parse}, which also accepts a fraction or a {@code Z}.
   */
  static long millis(String text) {
    if (text.length() == 19 && text.charAt(4) == '-' && text.charAt(7) == '-'
        && text.charAt(10) == 'T' && text.charAt(13) == ':' && text.charAt(16) == ':') {
      int year = digits(text, 0, 4);
      int month = digits(text, 5, 2);
      int day = digits(text, 8, 2);
      int hour = digits(text, 11, 2);
      int minute = digits(text, 14, 2);
      int second = digits(text, 17, 2);
      if ((year | month | day | hour | minute | second) >= 0) {
        // LocalDate.of and LocalTime.of validate the ranges (month 13, February 30, hour 24 …)
        long days = java.time.LocalDate.of(year, month, day).toEpochDay();
        int secondOfDay = java.time.LocalTime.of(hour, minute, second).toSecondOfDay();
        return (days * 86_400L + secondOfDay) * 1000L;
      }
    }
    return Timestamps.toMillis(LinodeDateTime.parse(text));
  }

  /** The decimal number of {@code length} ASCII digits at {@code from}, or -1. */
  private static int digits(String text, int from, int length) {
    int n = 0;
    for (int i = from; i < from + length; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  private static LinodeQueryException malformed(ColumnDescriptor column, String problem) {
    // The value itself is not quoted: for the token column it could be a secret.
    return new LinodeQueryException(SqlState.SYSTEM_ERROR.code(),
        "The API returned an object whose field '" + column.jsonField() + "' " + problem, null);
  }
}
