package io.linodejdbc.api;

import io.linodejdbc.api.LinodeApiException.Kind;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * {@link RowCursor} over a paginated Linode listing.
 *
 * <p>Page 1 is fetched when the consumer first asks; it tells how many pages and rows there are. Pages
 * 2..P are then fetched in the background, at most {@code lookahead} pages ahead of the page the
 * consumer is reading (so memory stays at a few pages), and only up to
 * {@code ceil(prefetchRows / pageSize)}; later pages are fetched one at a time when the consumer
 * actually reaches them. Rows are delivered in page order. With a fetch size (JDBC's hint of how
 * many rows the consumer reads before it asks for more), only the pages holding the first
 * {@code fetchSize} rows are fetched at first; fetching ahead starts when the consumer reads past
 * them, so that a tool reading one screenful of a large listing costs one request.
 *
 * <p>Pages are not a snapshot, so each page is checked against page 1 and every violation fails the
 * cursor with {@link Kind#INCONSISTENT_LISTING} instead of yielding a wrong, partial or duplicated
 * result: same {@code results} and {@code pages}, {@code page} as requested, exactly
 * {@code pageSize} rows on every page but the last, the remainder on the last, and no {@code id} twice.
 *
 * <p>Pages are parsed and decoded into rows ({@link PageBody}, {@link RowDecoder}) by the threads
 * that fetch them, while the consumer reads earlier pages; the consumer's thread only checks a
 * page's envelope and ids and hands its rows on.
 */
final class PageCursor<T> extends AbstractRowCursor<T> implements ListCursor<T> {

  private final String basePath;
  private final int pageSize;
  private final long eagerPages;
  /** Pages the consumer's fetch size covers, fetched before any look-ahead; 0: no fetch size. */
  private final long fetchPages;
  private final int lookahead;
  private final ExecutorService pool;
  private final CancelScope scope;
  private final Function<String, PageBody<T>> fetch;

  private final Map<Integer, Future<PageBody<T>>> scheduled = new ConcurrentHashMap<>();
  private final IdSet seenIds = new IdSet();
  private int highestScheduled;
  private int currentPage;
  private int totalPages = -1;
  private long totalResults;
  private List<T> rows = List.of();
  private int nextRow;
  private int failedAt = -1;
  private RuntimeException rowFailure;
  private boolean exhausted;
  private volatile boolean closed;

  /**
   * @param basePath  collection path without query
   * @param pageSize  rows per page (25..500)
   * @param prefetchRows rows the consumer will probably read
   * @param fetchSize rows the consumer reads before it asks for more; 0 if it gave no hint
   * @param lookahead max pages fetched ahead of the consumer
   * @param fetch     GET of a path with query, returning the page read, running in {@code scope}
   */
  PageCursor(String basePath, int pageSize, long prefetchRows, int fetchSize, int lookahead,
      ExecutorService pool, CancelScope scope, Function<String, PageBody<T>> fetch) {
    this.basePath = basePath;
    this.pageSize = pageSize;
    this.eagerPages = pagesFor(prefetchRows, pageSize);
    this.fetchPages = fetchSize <= 0 ? 0 : pagesFor(fetchSize, pageSize);
    this.lookahead = Math.max(1, lookahead);
    this.pool = pool;
    this.scope = scope;
    this.fetch = fetch;
  }

  private static long pagesFor(long rows, int pageSize) {
    return Math.max(1, rows / pageSize + (rows % pageSize == 0 ? 0 : 1));
  }

  /** The path of page {@code page}, relative to the base URL. */
  String pagePath(int page) {
    return basePath + "?page=" + page + "&page_size=" + pageSize;
  }

  @Override
  protected boolean advance() {
    while (nextRow >= rows.size()) {
      if (exhausted) {
        return false;
      }
      loadNextPage();
    }
    if (nextRow == failedAt) {
      throw rowFailure;
    }
    return true;
  }

  @Override
  protected T take() {
    T row = rows.get(nextRow);
    rows.set(nextRow++, null); // the consumer owns it now: a page in reading holds only what is left
    return row;
  }

  private void loadNextPage() {
    int page = currentPage + 1;
    if (totalPages >= 0 && page > totalPages) {
      exhausted = true;
      scope.cancel(); // nothing outstanding; detaches from the client
      return;
    }
    if (closed) {
      throw LinodeApiException.builder(Kind.CANCELLED, "GET", pagePath(page)).attempts(0)
          .detail("the cursor was closed").build();
    }
    if (page > highestScheduled) {
      schedule(page); // on demand: beyond the eager prefetch window
    }
    PageBody<T> body = Futures.await(scheduled.get(page), "GET", pagePath(page));
    scheduled.remove(page);
    checkPage(page, body);
    currentPage = page;
    rows = body.rows;
    nextRow = 0;
    failedAt = body.failedAt;
    rowFailure = body.failure;
    // Within the fetch size's pages, fetch only those; past them, look ahead as usual.
    long window = fetchPages > 0 && currentPage <= fetchPages ? Math.min(eagerPages, fetchPages)
        : eagerPages;
    long eagerLimit = Math.min(Math.min(totalPages, (long) currentPage + lookahead), window);
    while (highestScheduled < eagerLimit) {
      schedule(highestScheduled + 1);
    }
  }

  private void schedule(int page) {
    String path = pagePath(page);
    try {
      scheduled.put(page, pool.submit(() -> fetch.apply(path)));
    } catch (RejectedExecutionException e) {
      throw LinodeApiException.builder(Kind.CANCELLED, "GET", path).attempts(0).detail("the client was closed").build();
    }
    highestScheduled = page;
  }

  /** Validates one page against page 1 and earlier pages. */
  private void checkPage(int page, PageBody<T> body) {
    String path = pagePath(page);
    if (!body.dataIsArray) {
      throw malformed(path, "the list response has no \"data\" array");
    }
    long pageNo = integerField(body.page, "page", path);
    long pages = integerField(body.pages, "pages", path);
    long results = integerField(body.results, "results", path);
    if (page == 1) {
      if (pages < 0 || results < 0 || pages > Integer.MAX_VALUE) {
        throw malformed(path, "negative or huge \"pages\"/\"results\"");
      }
      // An empty listing may report 0 pages; there is still the one page we just read.
      totalPages = (int) Math.max(1, pages);
      totalResults = results;
    } else if ((pages != totalPages && !(pages == 0 && totalPages == 1)) || results != totalResults) {
      throw inconsistent(path, "page " + page + " reports " + results + " rows in " + pages
          + " pages, page 1 reported " + totalResults + " rows in " + totalPages + " pages");
    }
    if (pageNo != page) {
      throw inconsistent(path, "asked for page " + page + ", got page " + pageNo);
    }
    int size = body.rows.size();
    long expected = page < totalPages ? pageSize : totalResults - (long) (totalPages - 1) * pageSize;
    if (size != expected) {
      throw inconsistent(path, "page " + page + " of " + totalPages + " holds " + size + " rows, expected "
          + expected + " (" + totalResults + " rows, " + pageSize + " per page)");
    }
    List<Object> ids = body.ids;
    for (int i = 0; i < size; i++) {
      if (i == body.nonObjectAt) {
        throw malformed(path, "a \"data\" element is not a JSON object");
      }
      Object id = ids.get(i);
      if (id != null && !seenIds.add(id)) {
        throw inconsistent(path, "id " + id + " appeared twice");
      }
    }
  }

  private static long integerField(Long value, String name, String path) {
    if (value == null) {
      throw malformed(path, "the list response has no integer \"" + name + "\"");
    }
    return value;
  }

  private static LinodeApiException malformed(String path, String detail) {
    return LinodeApiException.builder(Kind.MALFORMED_RESPONSE, "GET", path).status(200).detail(detail).build();
  }

  private static LinodeApiException inconsistent(String path, String detail) {
    return LinodeApiException.builder(Kind.INCONSISTENT_LISTING, "GET", path).status(200).detail(detail).build();
  }

  /**
   * The ids seen so far: Integer ids (what a decoder of integer keys reports, a scan's every row)
   * in an open-addressing table of ints, anything else in a HashSet. Values are told apart as
   * {@code equals} does: an Integer 5 and a Long 5 are different ids.
   */
  static final class IdSet {
    private final Set<Object> others = new HashSet<>();
    private int[] table = new int[1024];
    private int size;
    private boolean hasZero;

    /** Adds {@code id}; false if it was there already. */
    boolean add(Object id) {
      if (!(id instanceof Integer boxed)) {
        return others.add(id);
      }
      int v = boxed;
      if (v == 0) { // 0 marks a free slot
        boolean added = !hasZero;
        hasZero = true;
        return added;
      }
      if (2 * (size + 1) > table.length) {
        grow();
      }
      if (!insert(table, v)) {
        return false;
      }
      size++;
      return true;
    }

    private static boolean insert(int[] t, int v) {
      int mask = t.length - 1;
      for (int i = (v * 0x9E3779B9) >>> 7 & mask; ; i = (i + 1) & mask) {
        if (t[i] == v) {
          return false;
        }
        if (t[i] == 0) {
          t[i] = v;
          return true;
        }
      }
    }

    private void grow() {
      int[] bigger = new int[table.length * 2];
      for (int v : table) {
        if (v != 0) {
          insert(bigger, v);
        }
      }
      table = bigger;
    }
  }

  @Override
  public void close() {
    closed = true;
    scope.cancel();
    for (Future<PageBody<T>> f : scheduled.values()) {
      f.cancel(true);
    }
  }
}
