package io.linodejdbc.sql;

import io.linodejdbc.api.LinodeApiException;
import io.linodejdbc.api.ListCursor;
import io.linodejdbc.api.ListRequest;
import io.linodejdbc.api.RowCursor;
import io.linodejdbc.resource.ResourceDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerator;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Streams the rows of one scan: opens the API cursor on the first {@link #moveNext()} (a list's
 * pages arrive decoded into rows by {@link RowConverter} on the threads that fetch them; GETs by
 * id are converted here), honours {@link ScanSpec#stopAfter} (with ties), and turns cancellation and the
 * query timeout into closing the cursor.
 */
final class ScanEnumerator implements Enumerator<Object[]> {
  private final LinodeTable table;
  private final RowConverter converter;
  private final ScanSpec spec;
  private final DataContext context;
  private final int orderIndex;
  /** The executing statement's fetch size when this scan was created (0: none). */
  private final int fetchSize = FetchSizeHint.current();

  /** Written here, read by the watchdog's thread. */
  private volatile @Nullable ListCursor<Object[]> cursor;
  /** Set by the watchdog; a cursor opened after it is closed at once. */
  private volatile boolean aborted;
  private Watchdog.@Nullable Registration watch;
  private Object @Nullable [] current;
  private long delivered;
  private boolean done;

  private final ScanRows.@Nullable Recorder recorder;

  ScanEnumerator(LinodeTable table, RowConverter converter, ScanSpec spec, DataContext context,
      ScanRows.@Nullable Recorder recorder) {
    this.recorder = recorder;
    this.table = table;
    this.converter = converter;
    this.spec = spec;
    this.context = context;
    this.orderIndex = spec.orderByField() == null
        ? -1 : table.resource().indexOf(spec.orderByField());
  }

  @Override public Object[] current() {
    return Objects.requireNonNull(current, "current");
  }

  @Override public boolean moveNext() {
    if (done) {
      return false;
    }
    try {
      ListCursor<Object[]> rows = cursor;
      if (rows == null) {
        rows = open();
        cursor = rows;
        if (aborted) {
          rows.close(); // cancelled while it opened: its first hasNext() fails as CANCELLED
        }
      }
      boolean limitReached = spec.isLimited() && delivered >= spec.stopAfter();
      if (limitReached && (orderIndex < 0 || current == null)) {
        return completed(); // checked before hasNext(): no page is fetched past the limit
      }
      if (!rows.hasNext()) {
        return completed();
      }
      Object[] next = rows.next();
      if (limitReached && !Objects.equals(next[orderIndex], current[orderIndex])) {
        // Past the limit only rows tied with the last on the order field may follow: the Sort
        // above breaks those ties itself, so it must see all of them.
        return completed();
      }
      current = next;
      delivered++;
      if (recorder != null) {
        recorder.row(next);
      }
      return true;
    } catch (LinodeApiException e) {
      RuntimeException translated = watchdogFailure(e);
      finish();
      throw translated;
    } catch (RuntimeException e) {
      finish();
      throw e;
    }
  }

  private boolean completed() {
    finish();
    if (recorder != null) {
      recorder.completed();
    }
    return false;
  }

  private ListCursor<Object[]> open() {
    watch = Watchdog.watch(context, this::abort);
    ResourceDescriptor resource = table.resource();
    BoundScan bound = BoundScan.bind(spec, context);
    if (bound.keys() != null) {
      List<String> paths = new ArrayList<>();
      for (Integer key : bound.keys()) {
        paths.add(resource.objectPath(key));
      }
      return converted(table.client().getEach(paths));
    }
    ListRequest.Builder request = ListRequest.builder(resource.collectionPath());
    if (bound.xFilter() != null) {
      request.xFilter(bound.xFilter());
    }
    // One more than the fetch size: Linq4j's iterator reads a row ahead of the JDBC cursor.
    request.prefetchRows(bound.prefetchRows())
        .fetchSize(fetchSize == 0 ? 0 : Math.min(fetchSize, Integer.MAX_VALUE - 1) + 1);
    return table.client().list(request.build(), converter);
  }

  /** Single objects fetched by id, converted as the consumer takes them. */
  private ListCursor<Object[]> converted(RowCursor objects) {
    return new ListCursor<>() {
      @Override public boolean hasNext() {
        return objects.hasNext();
      }

      @Override public Object[] next() {
        return converter.toRow(objects.next());
      }

      @Override public void close() {
        objects.close();
      }
    };
  }

  /**
   * The watchdog's action. A cancel may come while {@link #open()} runs (the flag may even be
   * up before the scan starts): the cursor not yet there is closed as soon as it is.
   */
  private void abort() {
    aborted = true;
    ListCursor<Object[]> c = cursor;
    if (c != null) {
      c.close();
    }
  }

  private RuntimeException watchdogFailure(LinodeApiException e) {
    Watchdog.Registration w = watch;
    if (w != null && w.timedOut()) {
      return new LinodeQueryException(SqlState.QUERY_TIMEOUT.code(),
          "Query timeout of " + w.timeoutMillis() / 1000 + " s expired", e);
    }
    if (w != null && w.cancelled()) {
      return new LinodeQueryException(SqlState.OPERATION_CANCELED.code(), "Statement canceled", e);
    }
    return e;
  }

  private void finish() {
    done = true;
    Watchdog.Registration w = watch;
    watch = null;
    if (w != null) {
      w.close();
    }
    ListCursor<Object[]> c = cursor;
    if (c != null) {
      c.close();
    }
  }

  @Override public void reset() {
    throw new UnsupportedOperationException("a Linode scan can only be read once");
  }

  @Override public void close() {
    finish();
  }
}
