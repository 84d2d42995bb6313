package io.linodejdbc.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One list page read from the wire in a single pass of the JSON tokens: its envelope as found, and
 * its {@code data} decoded into rows by a {@link RowDecoder}. Nothing is judged here: the
 * {@link PageCursor} checks it against the other pages on the consumer's thread, with the
 * messages it always gave.
 */
final class PageBody<T> {
  /** Whether the (last) {@code "data"} member was an array. */
  boolean dataIsArray;
  /** The integer members, or null where missing or not an integer. */
  Long page;
  Long pages;
  Long results;
  /** One entry per {@code data} element: the row, or null where the element failed. */
  final List<T> rows = new ArrayList<>();
  /** One entry per element: its id as the decoder reports it, or null. */
  final List<Object> ids = new ArrayList<>();
  /** Index of the first element that is not an object; -1 for none. */
  int nonObjectAt = -1;
  /** Index of the first element the decoder rejected, and why; -1 for none. */
  int failedAt = -1;
  RuntimeException failure;

  /** Reads the members of the object whose {@code START_OBJECT} the parser is at, to its end. */
  static <T> PageBody<T> read(JsonParser parser, RowDecoder<T> decoder) throws IOException {
    PageBody<T> body = new PageBody<>();
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      JsonToken token = parser.nextToken();
      switch (name) {
        case "data" -> body.readData(parser, token, decoder);
        case "page" -> body.page = integer(parser, token);
        case "pages" -> body.pages = integer(parser, token);
        case "results" -> body.results = integer(parser, token);
        default -> parser.skipChildren();
      }
    }
    return body;
  }

  /** An integer member as JsonNode.asLong reads it (a huge one wraps), or null for anything else. */
  private static Long integer(JsonParser parser, JsonToken token) throws IOException {
    if (token != JsonToken.VALUE_NUMBER_INT) {
      parser.skipChildren();
      return null;
    }
    return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
        ? parser.getBigIntegerValue().longValue() : parser.getLongValue();
  }

  private void readData(JsonParser parser, JsonToken token, RowDecoder<T> decoder) throws IOException {
    // A repeated member replaces the earlier one, as in a JSON tree.
    rows.clear();
    ids.clear();
    nonObjectAt = -1;
    failedAt = -1;
    failure = null;
    dataIsArray = token == JsonToken.START_ARRAY;
    if (!dataIsArray) {
      parser.skipChildren();
      return;
    }
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
      T row = null;
      if (t == JsonToken.START_OBJECT) {
        try {
          row = decoder.decode(parser);
        } catch (RuntimeException e) {
          if (failedAt < 0) {
            failedAt = rows.size();
            failure = e;
          }
        }
      } else {
        if (nonObjectAt < 0) {
          nonObjectAt = rows.size();
        }
        parser.skipChildren();
      }
      rows.add(row);
      ids.add(row == null ? null : decoder.id(row));
    }
  }
}
