package io.linodejdbc.api;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;

/**
 * A cancellable unit of work (a client, or one cursor inside it) that tracks its in-flight OkHttp calls.
 *
 * <p>Why it exists: {@code close()} of a cursor or client may come from another thread, and must stop
 * network activity promptly, including a thread that is blocked in a socket read, waiting for a
 * concurrency permit, or sleeping before a retry. Cancelling a scope cancels its calls, wakes its
 * sleepers and cancels its child scopes.
 */
final class CancelScope {

  /** How often a permit wait re-checks cancellation; bounds the delay of a cancel noticed there. */
  private static final long PERMIT_POLL_MS = 50;

  private final CancelScope parent;
  private final Set<Call> calls = ConcurrentHashMap.newKeySet();
  private final Set<CancelScope> children = ConcurrentHashMap.newKeySet();
  private final Object sleepLock = new Object();
  private volatile boolean cancelled;

  private CancelScope(CancelScope parent) {
    this.parent = parent;
  }

  /** A scope with no parent. */
  static CancelScope root() {
    return new CancelScope(null);
  }

  /** A scope that is cancelled with this one; {@link #cancel()} on it detaches it again. */
  CancelScope child() {
    CancelScope c = new CancelScope(this);
    children.add(c);
    if (isCancelled()) {
      c.cancel();
    }
    return c;
  }

  /** True once this scope or an ancestor was cancelled. */
  boolean isCancelled() {
    return cancelled || (parent != null && parent.isCancelled());
  }

  /** Cancels in-flight calls, wakes sleepers, cancels children. Idempotent; never throws. */
  void cancel() {
    cancelled = true;
    calls.forEach(Call::cancel);
    children.forEach(CancelScope::cancel);
    children.clear();
    synchronized (sleepLock) {
      sleepLock.notifyAll();
    }
    if (parent != null) {
      parent.children.remove(this);
    }
  }

  /** Tracks {@code call} until {@link #untrack}; cancels it at once if this scope is already cancelled. */
  void track(Call call) {
    calls.add(call);
    // Re-check after adding: a concurrent cancel() may have iterated before the add.
    if (isCancelled()) {
      call.cancel();
    }
  }

  void untrack(Call call) {
    calls.remove(call);
  }

  /**
   * Sleeps up to {@code nanos}, returning early only by cancellation.
   *
   * @return false if cancelled (or interrupted; the interrupt flag is then restored), true if the time passed
   */
  boolean sleep(long nanos) {
    long deadline = System.nanoTime() + nanos;
    synchronized (sleepLock) {
      while (!isCancelled()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return true;
        }
        try {
          // Bounded wait so an ancestor's cancel (which notifies only its own lock) is seen soon too.
          TimeUnit.NANOSECONDS.timedWait(sleepLock, Math.min(left, TimeUnit.MILLISECONDS.toNanos(PERMIT_POLL_MS)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return false;
    }
  }

  /**
   * Acquires one permit of {@code permits} unless this scope is cancelled first.
   *
   * @return true with a permit held, false without one (cancelled or interrupted; interrupt flag restored)
   */
  boolean acquire(Semaphore permits) {
    try {
      while (!isCancelled()) {
        if (permits.tryAcquire(PERMIT_POLL_MS, TimeUnit.MILLISECONDS)) {
          if (isCancelled()) {
            permits.release();
            return false;
          }
          return true;
        }
      }
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
