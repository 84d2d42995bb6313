package io.linodejdbc.api;

import java.util.Iterator;

/**
 * A lazy, closeable iterator of decoded rows of a listing; the same contract as {@link RowCursor}
 * (one consumer thread, {@link #close()} from any thread, never ends silently early).
 *
 * @param <T> the row type
 */
public interface ListCursor<T> extends Iterator<T>, AutoCloseable {

  /** Stops all network activity of this cursor and releases its resources. Idempotent; never throws. */
  @Override
  void close();
}
