package io.linodejdbc.api;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Turns each object of a listing's {@code data} array into a row, straight from the response's
 * JSON tokens and on the thread that receives the page (see {@link LinodeClient#list(ListRequest,
 * RowDecoder)}): no JSON tree is built, and the consumer gets rows ready to use.
 *
 * <p>Implementations must be thread-safe (pages are decoded concurrently) and hold no state
 * between calls.
 *
 * @param <T> the row type
 */
public interface RowDecoder<T> {

  /**
   * Reads one object. The parser is at its {@code START_OBJECT}; on return it must be at the
   * matching {@code END_OBJECT}, also when the object is unusable: then read it to its end first
   * and throw a {@link RuntimeException} after, which the cursor throws to its consumer when it
   * reaches this row (the rows before it are delivered).
   *
   * @throws IOException when the JSON itself cannot be read
   */
  T decode(JsonParser parser) throws IOException;

  /**
   * The object's {@code id} as decoded, for the listing's check that no id appears twice; null
   * when the object has none. Values are compared with {@code equals}.
   */
  Object id(T row);
}
