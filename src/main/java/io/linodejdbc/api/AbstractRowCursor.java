package io.linodejdbc.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.NoSuchElementException;

/**
 * What every {@link RowCursor} shares: {@link #hasNext()} advances until a row is ready or the
 * rows end, and a failure is final — it closes the cursor (cancelling what is in flight) and is
 * thrown again by every later call, so a cursor never ends silently early.
 */
abstract class AbstractRowCursor implements RowCursor {
  private RuntimeException failure;

  /**
   * Makes a row ready for {@link #take()}, fetching as needed.
   *
   * @return false when there are no more rows
   */
  protected abstract boolean advance();

  /** The ready row, consumed; called only after {@link #advance()} returned true. */
  protected abstract ObjectNode take();

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
  public final ObjectNode next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return take();
  }
}
