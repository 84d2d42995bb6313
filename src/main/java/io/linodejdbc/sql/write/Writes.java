package io.linodejdbc.sql.write;

import io.linodejdbc.sql.StatementExtension;
import java.time.Clock;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The writes of one connection, as the JDBC layer sees them: the one entry point of
 * {@code sql.write} for {@code jdbc}. It gives the connection's session its write planning
 * ({@link #extension()}), says whether writes are dry runs, and reports on JDBC batches and on a
 * write that failed part-way.
 */
public final class Writes {
  private final WriteOptions options;
  private final StatementExtension extension;

  public Writes(WriteOptions options) {
    this(options, Clock.systemUTC());
  }

  Writes(WriteOptions options, Clock clock) {
    this.options = options;
    this.extension = new WritePlanner(options, clock);
  }

  /** Plans this connection's INSERT / UPDATE / REPLACE / DELETE statements. */
  public StatementExtension extension() {
    return extension;
  }

  /** True when every write answers the requests it would send, and sends none. */
  public boolean dryRun() {
    return options.dryRun();
  }

  /** The same writes as dry runs: how a transaction checks a write before its commit. */
  public Writes checking() {
    return new Writes(new WriteOptions(options.allowFullTableDml(), options.allowRevokeSelf(),
        true));
  }

  /**
   * Starts recording the update counts of the writes this thread completes (a JDBC batch) until
   * the recorder is closed.
   */
  public static WriteProgress recordProgress() {
    return WriteProgress.start();
  }

  /**
   * The write in {@code t}'s causes that changed some rows and then failed (its message says which
   * were applied), or null.
   */
  public static @Nullable RuntimeException partialFailure(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof WriteFailure failure) {
        return failure;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return null;
  }

  @Override public String toString() {
    return "Writes" + options;
  }
}
