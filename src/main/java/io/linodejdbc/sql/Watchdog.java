package io.linodejdbc.sql;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Turns {@code Statement.cancel()} and the query timeout into action while a scan is blocked on
 * the network. Calcite only raises a flag ({@link DataContext.Variable#CANCEL_FLAG}) and states a
 * timeout ({@link DataContext.Variable#TIMEOUT}); a scan waiting for a page would not notice
 * either, so one shared daemon thread polls them and aborts the scan's requests.
 */
final class Watchdog {
  private static final long POLL_MILLIS = 20;
  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "linode-jdbc-watchdog");
        t.setDaemon(true);
        return t;
      });

  private Watchdog() {}

  /** A watch on one scan; {@link #close()} ends it. */
  static final class Registration implements AutoCloseable {
    private final @Nullable AtomicBoolean cancelFlag;
    private final long deadlineNanos;
    private final long timeoutMillis;
    private final Runnable abort;
    private volatile boolean timedOut;
    private volatile boolean cancelled;
    private volatile @Nullable ScheduledFuture<?> future;

    private Registration(@Nullable AtomicBoolean cancelFlag, long timeoutMillis, Runnable abort) {
      this.cancelFlag = cancelFlag;
      this.timeoutMillis = timeoutMillis;
      this.deadlineNanos = timeoutMillis > 0 ? System.nanoTime() + timeoutMillis * 1_000_000 : 0;
      this.abort = abort;
    }

    private void check() {
      if (timedOut || cancelled) {
        return;
      }
      if (cancelFlag != null && cancelFlag.get()) {
        cancelled = true;
      } else if (deadlineNanos != 0 && System.nanoTime() - deadlineNanos > 0) {
        timedOut = true;
      } else {
        return;
      }
      close();
      abort.run();
    }

    boolean timedOut() {
      return timedOut;
    }

    boolean cancelled() {
      return cancelled;
    }

    long timeoutMillis() {
      return timeoutMillis;
    }

    @Override public void close() {
      ScheduledFuture<?> f = future;
      if (f != null) {
        f.cancel(false);
      }
    }
  }

  /** Starts watching; the returned registration must be closed when the scan ends. */
  static Registration watch(DataContext context, Runnable abort) {
    AtomicBoolean flag = DataContext.Variable.CANCEL_FLAG.get(context);
    Long timeout = DataContext.Variable.TIMEOUT.get(context);
    Registration r = new Registration(flag, timeout == null ? 0 : timeout, abort);
    if (flag != null || r.timeoutMillis > 0) {
      r.future = TIMER.scheduleWithFixedDelay(r::check, POLL_MILLIS, POLL_MILLIS,
          TimeUnit.MILLISECONDS);
    }
    return r;
  }
}
