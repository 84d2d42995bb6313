package io.linodejdbc.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.linodejdbc.resource.ColumnDescriptor;
import io.linodejdbc.resource.LinodeDateTime;
import io.linodejdbc.resource.ResourceDescriptor;
import java.time.format.DateTimeParseException;
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
            yield Timestamps.toMillis(LinodeDateTime.parse(value.textValue()));
          } catch (DateTimeParseException e) {
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

  private static LinodeQueryException malformed(ColumnDescriptor column, String problem) {
    // The value itself is not quoted: for the token column it could be a secret.
    return new LinodeQueryException(SqlState.SYSTEM_ERROR.code(),
        "The API returned an object whose field '" + column.jsonField() + "' " + problem, null);
  }
}
