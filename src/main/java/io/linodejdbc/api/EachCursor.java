package io.linodejdbc.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * {@link RowCursor} over single-object GETs of a fixed list of paths: fetched concurrently (at most
 * {@code lookahead} ahead of the consumer), delivered in the order of the paths, 404s skipped.
 */
final class EachCursor extends AbstractRowCursor<ObjectNode> implements RowCursor {

  private final List<String> paths;
  private final ExecutorService pool;
  private final CancelScope scope;
  private final Function<String, ObjectNode> fetch;
  private final int lookahead;
  // Concurrent because close() may run on another thread while the consumer works on it.
  private final ConcurrentLinkedDeque<Future<ObjectNode>> pending = new ConcurrentLinkedDeque<>();
  private int nextToSchedule;
  private int nextToDeliver;
  private ObjectNode ready;
  private volatile boolean closed;

  /**
   * @param fetch GET returning the object or null on 404, running in {@code scope}
   */
  EachCursor(List<String> paths, ExecutorService pool, CancelScope scope, Function<String, ObjectNode> fetch,
      int lookahead) {
    this.paths = List.copyOf(paths);
    this.pool = pool;
    this.scope = scope;
    this.fetch = fetch;
    this.lookahead = Math.max(1, lookahead);
  }

  @Override
  protected boolean advance() {
    if (ready != null) {
      return true;
    }
    while (nextToDeliver < paths.size()) {
      if (closed) {
        throw LinodeApiException.builder(LinodeApiException.Kind.CANCELLED, "GET", paths.get(nextToDeliver))
            .attempts(0).detail("the cursor was closed").build();
      }
      topUp();
      String path = paths.get(nextToDeliver);
      ObjectNode value = Futures.await(pending.removeFirst(), "GET", path);
      nextToDeliver++;
      if (value != null) {
        ready = value;
        return true;
      }
    }
    release();
    return false;
  }

  @Override
  protected ObjectNode take() {
    ObjectNode value = ready;
    ready = null;
    return value;
  }

  private void topUp() {
    while (nextToSchedule < paths.size() && nextToSchedule < nextToDeliver + lookahead) {
      String path = paths.get(nextToSchedule++);
      try {
        pending.addLast(pool.submit(() -> fetch.apply(path)));
      } catch (RejectedExecutionException e) {
        throw LinodeApiException.builder(LinodeApiException.Kind.CANCELLED, "GET", path).attempts(0)
            .detail("the client was closed").build();
      }
    }
  }

  private void release() {
    scope.cancel(); // nothing is outstanding; detaches the scope from the client
  }

  @Override
  public void close() {
    closed = true;
    scope.cancel();
    for (Future<ObjectNode> f : pending) {
      f.cancel(true);
    }
  }
}
