package io.linodejdbc.api;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * What every cursor ({@link RowCursor}, {@link ListCursor}) shares: {@link #hasNext()} advances
 * until a row is ready or the rows end, and a failure is final — it closes the cursor
 * (cancelling what is in flight) and is thrown again by every later call, so a cursor never
 * ends silently early.
 */
abstract class AbstractRowCursor<T> implements Iterator<T>, AutoCloseable {
  private RuntimeException failure;

  /**
   * Makes a row ready for {@link #take()}, fetching as needed.
   *
   * @return false when there are no more rows
   */
  protected abstract boolean advance();

  /** The ready row, consumed; called only after {@link #advance()} returned true. */
  protected abstract T take();

  /** Stops all network activity; idempotent, never throws. */
  @Override
  public abstract void close();

  @Override
  public final boolean hasNext() {
    if (failure != null) {
      throw failure;
    }
    try {
      return advance();
    } catch (RuntimeException e) {
      failure = e;
      close();
      throw e;
    }
  }

  @Override
  public final T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return take();
  }
}
