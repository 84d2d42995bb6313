package io.linodejdbc.sql;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerator;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Replays kept rows and stops when the statement is cancelled.
 *
 * <p>Why: {@code Statement.cancel()} only raises Calcite's {@link DataContext.Variable#CANCEL_FLAG};
 * Calcite's own enumerables (joins, aggregates) never look at it, and Avatica checks it only
 * between the rows it hands to the client. A query that computes long before its first row — a
 * cross join of several scans under a {@code COUNT(*)} — would run to its end. Such work
 * re-enumerates the inner scans over and over, so a check here, on each replayed row (one
 * volatile read), stops it within moments.
 */
final class CancellableRows implements Enumerator<Object[]> {
  private final List<Object[]> rows;
  private final @Nullable AtomicBoolean cancelFlag;
  private int index = -1;

  CancellableRows(List<Object[]> rows, DataContext context) {
    this.rows = rows;
    this.cancelFlag = DataContext.Variable.CANCEL_FLAG.get(context);
  }

  @Override public Object[] current() {
    return rows.get(index);
  }

  @Override public boolean moveNext() {
    if (cancelFlag != null && cancelFlag.get()) {
      throw new LinodeQueryException(SqlState.OPERATION_CANCELED.code(), "Statement canceled", null);
    }
    if (index + 1 >= rows.size()) {
      index = rows.size();
      return false;
    }
    index++;
    return true;
  }

  @Override public void reset() {
    index = -1;
  }

  @Override public void close() {
    // nothing held
  }
}
