package io.linodejdbc.sql.write;

import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The update counts of the statements of one JDBC batch, as they complete. Calcite runs a batch
 * statement by statement and keeps no count when one fails; JDBC's
 * {@link java.sql.BatchUpdateException} must still say which ones were applied. A batch runs on
 * the caller's thread, so a thread-local recorder is enough.
 */
public final class WriteProgress implements AutoCloseable {
  private static final ThreadLocal<@Nullable WriteProgress> CURRENT = new ThreadLocal<>();

  private final List<Long> counts = new ArrayList<>();
  private final @Nullable WriteProgress outer;

  private WriteProgress(@Nullable WriteProgress outer) {
    this.outer = outer;
  }

  /** Starts recording on this thread until {@link #close()}. */
  public static WriteProgress start() {
    WriteProgress p = new WriteProgress(CURRENT.get());
    CURRENT.set(p);
    return p;
  }

  /** Called by each completed write. */
  static void completed(long count) {
    WriteProgress p = CURRENT.get();
    if (p != null) {
      p.counts.add(count);
    }
  }

  /** Counts of the statements completed so far, in order. */
  public List<Long> counts() {
    return List.copyOf(counts);
  }

  @Override public void close() {
    CURRENT.set(outer);
  }
}
