package io.linodejdbc.sql.prepare;

import io.linodejdbc.sql.LinodeQueryException;
import io.linodejdbc.sql.SqlState;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.plan.Context;
import org.apache.calcite.plan.Contexts;
import org.apache.calcite.util.CancelFlag;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A statement's cancel flag where Calcite does not pass it: to the planner.
 *
 * <p>{@code Statement.cancel()} raises Avatica's flag for the statement; Calcite hands it to the
 * running query ({@code DataContext.Variable.CANCEL_FLAG}, watched by the scans, their
 * {@link Watchdog} and {@link CancellableRows}) but not to the planner of a statement being
 * prepared: a query whose planning takes long (a many-way join) would plan on to its end. The
 * Volcano planner stops at once when its context holds a raised {@link CancelFlag} (it keeps the
 * best plan found so far, whose first row then sees the flag); {@link LinodePrepare} builds each
 * planner with {@link #plannerContext}, checks {@link #checkNotCancelled} before the plan is
 * compiled, and the driver runs each statement's preparation inside {@link #whilePreparing}.
 */
public final class StatementCancel {
  private static final ThreadLocal<@Nullable AtomicBoolean> PREPARING = new ThreadLocal<>();

  private StatementCancel() {}

  /** Work that prepares (and maybe runs) a statement. */
  @FunctionalInterface
  public interface Work<T> {
    T run() throws java.sql.SQLException;
  }

  /** Runs {@code work} with {@code flag} as the cancel flag of what it prepares on this thread. */
  public static <T> T whilePreparing(@Nullable AtomicBoolean flag, Work<T> work)
      throws java.sql.SQLException {
    AtomicBoolean previous = PREPARING.get();
    PREPARING.set(flag);
    try {
      return work.run();
    } finally {
      PREPARING.set(previous);
    }
  }

  /**
   * Throws HY008 if the statement being prepared on this thread was cancelled: called once the
   * planner is done, so that a cancelled plan is not compiled to Java (seconds for a large one).
   */
  static void checkNotCancelled() {
    AtomicBoolean flag = PREPARING.get();
    if (flag != null && flag.get()) {
      throw new LinodeQueryException(SqlState.OPERATION_CANCELED.code(), "Statement canceled",
          null);
    }
  }

  /** The planner context: Calcite's, and the cancel flag of the statement being prepared. */
  static Context plannerContext(CalcitePrepare.Context prepareContext,
      @Nullable Context externalContext) {
    Context base = externalContext != null ? externalContext : Contexts.of(prepareContext.config());
    AtomicBoolean flag = PREPARING.get();
    return flag == null ? base : Contexts.chain(base, Contexts.of(new CancelFlag(flag)));
  }
}
