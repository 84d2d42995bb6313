package io.linodejdbc.sql;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.linodejdbc.api.RowDecoder;
import io.linodejdbc.resource.ColumnDescriptor;
import io.linodejdbc.resource.ColumnType;
import io.linodejdbc.resource.LinodeDateTime;
import io.linodejdbc.resource.ResourceDescriptor;
import java.io.IOException;
import java.util.List;

/**
 * Turns one API object into a row in Calcite's internal representation: from a JSON tree
 * ({@link #toRow}, for single objects), or straight from a list page's tokens ({@link #decode},
 * what a scan uses), with the same values and the same verdicts on a bad object.
 */
final class RowConverter implements RowDecoder<Object[]> {
  private final List<ColumnDescriptor> columns;
  /** Per column: JSON field, type, nullability; arrays for the per-token loop. */
  private final String[] fields;
  private final ColumnType[] types;
  private final boolean[] nullable;
  private final int keyIndex;

  RowConverter(ResourceDescriptor resource) {
    this.columns = resource.columns();
    int n = columns.size();
    this.fields = new String[n];
    this.types = new ColumnType[n];
    this.nullable = new boolean[n];
    for (int i = 0; i < n; i++) {
      ColumnDescriptor c = columns.get(i);
      // Interned: Jackson interns field names, so the lookup below mostly compares references.
      fields[i] = c.jsonField().intern();
      types[i] = c.type();
      nullable[i] = c.nullable();
    }
    this.keyIndex = resource.indexOf(resource.keyColumn());
  }

  /**
   * One object of a list page, read token by token into a row. An unusable object is read to its
   * end first and then rejected, naming the first column (in column order) that is wrong, as
   * {@link #toRow} does; a field given twice counts as its last value, as in a JSON tree.
   */
  @Override public Object[] decode(JsonParser parser) throws IOException {
    int n = fields.length;
    Object[] row = new Object[n];
    String[] problems = null;
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      JsonToken token = parser.nextToken();
      int i = indexOf(name);
      if (i < 0) {
        parser.skipChildren();
        continue;
      }
      Object value = null;
      String problem = null;
      if (token != JsonToken.VALUE_NULL) {
        switch (types[i]) {
          case INTEGER -> {
            if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT) {
              value = parser.getIntValue();
            } else {
              problem = "is not an integer";
            }
          }
          case TIMESTAMP -> {
            if (token == JsonToken.VALUE_STRING) {
              try {
                value = millis(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
              } catch (java.time.DateTimeException e) {
                problem = "is not a date-time";
              }
            } else {
              problem = "is not a date-time";
            }
          }
          case VARCHAR -> {
            if (token == JsonToken.VALUE_STRING) {
              value = parser.getText();
            } else {
              problem = "is not a string";
            }
          }
        }
        if (problem != null) {
          parser.skipChildren();
        }
      }
      row[i] = value;
      if (problem != null || problems != null) {
        if (problems == null) {
          problems = new String[n];
        }
        problems[i] = problem;
      }
    }
    for (int i = 0; i < n; i++) {
      if (problems != null && problems[i] != null) {
        throw malformed(columns.get(i), problems[i]);
      }
      if (row[i] == null && !nullable[i]) {
        throw malformed(columns.get(i), "is missing");
      }
    }
    return row;
  }

  private int indexOf(String name) {
    String[] f = fields;
    for (int i = 0; i < f.length; i++) {
      if (f[i] == name) {
        return i;
      }
    }
    for (int i = 0; i < f.length; i++) {
      if (f[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** The key column's value: what the listing's duplicate check compares. */
  @Override public Object id(Object[] row) {
    return row[keyIndex];
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

  /** {@link #millis(String)} of {@code length} characters at {@code offset} of {@code text}. */
  static long millis(char[] text, int offset, int length) {
    if (length == 19 && text[offset + 4] == '-' && text[offset + 7] == '-' && text[offset + 10] == 'T'
        && text[offset + 13] == ':' && text[offset + 16] == ':') {
      int year = digits(text, offset, 4);
      int month = digits(text, offset + 5, 2);
      int day = digits(text, offset + 8, 2);
      int hour = digits(text, offset + 11, 2);
      int minute = digits(text, offset + 14, 2);
      int second = digits(text, offset + 17, 2);
      if ((year | month | day | hour | minute | second) >= 0) {
        long days = java.time.LocalDate.of(year, month, day).toEpochDay();
        int secondOfDay = java.time.LocalTime.of(hour, minute, second).toSecondOfDay();
        return (days * 86_400L + secondOfDay) * 1000L;
      }
    }
    return millis(new String(text, offset, length));
  }

  private static int digits(char[] text, int from, int length) {
    int n = 0;
    for (int i = from; i < from + length; i++) {
      char c = text[i];
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
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
