package io.linodejdbc.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;

/**
 * A Linode API v4 client bound to one {@link ApiConfig}. Thread-safe; meant as one per JDBC connection.
 *
 * <p>Paths are relative to {@link ApiConfig#baseUrl()} and start with {@code /}, e.g.
 * {@code /profile/tokens/5}. Every failure is a {@link LinodeApiException}; see {@link RetryPolicy}
 * for what is retried (GET, PUT and DELETE on 408/429/502/503/504, timeouts and connection failures;
 * POST never, and 500 never).
 *
 * <p>At most {@link ApiConfig#maxConcurrentRequests()} HTTP requests of this client are in flight at
 * any moment, whichever threads issue them, retries included. Background fetches run on daemon
 * threads named {@code linode-jdbc-http-N} that time out when idle, so an idle client holds no threads.
 */
public final class LinodeClient implements AutoCloseable {

  /**
   * Idle keep-alive connections kept for reuse: as many as the default
   * {@code maxConcurrentRequests}. Fewer, and every scan that fetches more pages at once than
   * are kept (a 40-page scan sends 39) closed the surplus, and the next scan paid as many new
   * TCP (and, against the real API, TLS) handshakes in its second round trip.
   */
  static final int IDLE_CONNECTIONS = ApiConfig.DEFAULT_MAX_CONCURRENT_REQUESTS;

  /**
   * One connection pool and dispatcher for all clients; per-client timeouts come from
   * {@code newBuilder()}, which shares them. OkHttp's own retry is off because it could silently
   * repeat a POST; redirects are off so the Authorization header is never sent to another host.
   * This one speaks clear text only ({@code http://} base URLs: the sandbox, a local proxy), so
   * creating it sets up no TLS: OkHttp builds the JDK's trust store and SSL context eagerly for a
   * client that may use TLS, about half a second of CPU in a one-shot process.
   */
  static final OkHttpClient SHARED_HTTP = new OkHttpClient.Builder()
      .connectionPool(new ConnectionPool(IDLE_CONNECTIONS, 5, TimeUnit.MINUTES))
      .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT))
      .retryOnConnectionFailure(false)
      .followRedirects(false)
      .followSslRedirects(false)
      .build();

  /** The client for {@code https://} base URLs: the same pool and dispatcher, made on first use. */
  private static final class Tls {
    static final OkHttpClient HTTP = SHARED_HTTP.newBuilder()
        .connectionSpecs(List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT))
        .build();
  }

  /** The shared client for a base URL: TLS set up only when the URL needs it. */
  static OkHttpClient sharedHttp(String baseUrl) {
    return baseUrl.regionMatches(true, 0, "http://", 0, 7) ? SHARED_HTTP : Tls.HTTP;
  }

  /**
   * Rows a list cursor fetches ahead of its consumer at most: 40 pages of 500. It bounds a
   * scan's memory (a streamed 100,000-row scan stays within a 64 MB heap), and it covers a
   * 20,000-token account whole, which thus arrives in two round trips: page 1, then all the
   * others at once. (At 25 pages, pages 27..40 went out only as the consumer reached pages
   * 2..15: a third round trip.) Pages arrive decoded into rows, which take less than half the
   * memory of the JSON trees the window was first sized for.
   */
  static final int LOOKAHEAD_ROWS = 20_000;

  private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();
  private static final long IDLE_THREAD_SECONDS = 30;

  private final ApiConfig config;
  private final RequestExecutor executor;
  private final ThreadPoolExecutor pool;
  private final CancelScope scope = CancelScope.root();
  private final AtomicLong requestCount = new AtomicLong();
  private volatile boolean closed;

  /** Creates a client; no network activity happens until a request is made. */
  public LinodeClient(ApiConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    OkHttpClient http = sharedHttp(config.baseUrl()).newBuilder()
        .connectTimeout(config.connectTimeout())
        .readTimeout(config.readTimeout())
        .writeTimeout(config.readTimeout())
        .build();
    int n = config.maxConcurrentRequests();
    this.executor = new RequestExecutor(config, http, new Semaphore(n, true), requestCount, new RetryPolicy(config));
    this.pool = new ThreadPoolExecutor(n, n, IDLE_THREAD_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        daemonThreads());
    pool.allowCoreThreadTimeOut(true);
  }

  private static ThreadFactory daemonThreads() {
    return r -> {
      Thread t = new Thread(r, "linode-jdbc-http-" + THREAD_NUMBER.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** The configuration this client was created with. */
  public ApiConfig config() {
    return config;
  }

  /**
   * GETs one object.
   *
   * @return the object, or null if the API answered 404
   * @throws LinodeApiException on any other failure
   */
  public ObjectNode getOrNull(String path) {
    return getOrNull(checkPath(path), openScope());
  }

  private ObjectNode getOrNull(String path, CancelScope in) {
    try {
      return (ObjectNode) executor.execute("GET", path, null, null, in);
    } catch (LinodeApiException e) {
      if (e.kind() == LinodeApiException.Kind.HTTP_STATUS && e.status() == 404) {
        return null;
      }
      throw e;
    }
  }

  /**
   * How many objects a list call would return: the {@code results} of its first page, asked with
   * the smallest page the API allows. One request, whatever the size of the collection.
   */
  public long count(ListRequest request) {
    String path = checkPath(request.path()) + "?page=1&page_size=" + ApiConfig.MIN_PAGE_SIZE;
    JsonNode page = executor.execute("GET", path, null,
        request.xFilter().map(WireJson::headerValue).orElse(null), openScope(), true);
    JsonNode results = page == null ? null : page.get("results");
    JsonNode pages = page == null ? null : page.get("pages");
    JsonNode data = page == null ? null : page.get("data");
    int pageSize = ApiConfig.MIN_PAGE_SIZE;
    // The count is trusted only when the envelope agrees with itself: the right number of
    // pages, and a first page as full as the count says.
    boolean consistent = results != null && results.canConvertToLong() && results.longValue() >= 0
        && pages != null && pages.canConvertToLong() && data != null && data.isArray()
        && pages.longValue() == Math.max(1, (results.longValue() + pageSize - 1) / pageSize)
        && data.size() == Math.min(results.longValue(), pageSize);
    if (!consistent) {
      throw LinodeApiException.builder(LinodeApiException.Kind.MALFORMED_RESPONSE, "GET", path)
          .detail("the list envelope's results, pages and data disagree").build();
    }
    return results.longValue();
  }

  /**
   * GETs many objects concurrently (bounded by {@code maxConcurrentRequests}), delivered in the order of
   * {@code paths}; paths that answer 404 are skipped. Lazy: nothing is fetched before the first
   * {@code hasNext()}.
   */
  public RowCursor getEach(List<String> paths) {
    Objects.requireNonNull(paths, "paths").forEach(LinodeClient::checkPath);
    CancelScope cursorScope = openScope().child();
    return new EachCursor(paths, pool, cursorScope, p -> getOrNull(p, cursorScope), config.maxConcurrentRequests());
  }

  /**
   * Pages fetched ahead of the consumer: as many as may be in flight, but at most
   * {@link #LOOKAHEAD_ROWS} rows' worth, which bounds a scan's memory whatever its length.
   */
  private int lookaheadPages(int pageSize) {
    return Math.max(1, Math.min(config.maxConcurrentRequests(), LOOKAHEAD_ROWS / pageSize));
  }

  /** Lazily reads a paginated listing; see {@link ListRequest} and the consistency checks of the cursor. */
  public RowCursor list(ListRequest request) {
    ListCursor<ObjectNode> objects = list(request, TREE_ROWS);
    return new RowCursor() {
      @Override public boolean hasNext() {
        return objects.hasNext();
      }

      @Override public ObjectNode next() {
        return objects.next();
      }

      @Override public void close() {
        objects.close();
      }
    };
  }

  /** Each object of a listing as a JSON tree; integral ids as numbers, anything else by its text. */
  private static final RowDecoder<ObjectNode> TREE_ROWS = new RowDecoder<>() {
    @Override public ObjectNode decode(com.fasterxml.jackson.core.JsonParser parser) throws java.io.IOException {
      return WireJson.treeReader().readTree(parser);
    }

    @Override public Object id(ObjectNode row) {
      JsonNode id = row.get("id");
      if (id == null || id.isNull()) {
        return null;
      }
      return id.isIntegralNumber() && id.canConvertToLong() ? (Object) id.longValue() : id.asText();
    }
  };

  /**
   * Lazily reads a paginated listing like {@link #list(ListRequest)}, each page parsed and its
   * objects turned into rows by {@code decoder} on the thread that fetched it, while the consumer
   * reads the pages before it.
   */
  public <T> ListCursor<T> list(ListRequest request, RowDecoder<T> decoder) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(decoder, "decoder");
    CancelScope cursorScope = openScope().child();
    int size = pageSizeFor(request.pageSize() == 0 ? config.pageSize() : request.pageSize(),
        request.fetchSize());
    String filter = request.xFilter().map(WireJson::headerValue).orElse(null);
    return new PageCursor<>(request.path(), size, request.prefetchRows(), request.fetchSize(),
        lookaheadPages(size), pool, cursorScope,
        p -> executor.executePage(p, filter, cursorScope, decoder));
  }

  /**
   * The page size for a consumer that reads {@code fetchSize} rows at a time: pages at least that
   * large (up to the API's 500), so that those rows come in one request; never smaller than
   * configured, since smaller pages only cost more requests.
   */
  static int pageSizeFor(int pageSize, int fetchSize) {
    if (fetchSize <= pageSize) {
      return pageSize;
    }
    return Math.min(ApiConfig.MAX_PAGE_SIZE, fetchSize);
  }

  /**
   * POSTs a JSON body and returns the response object. <b>Never retried</b>, whatever the failure:
   * the first attempt may have reached the server, and a second could create a second token.
   */
  public ObjectNode post(String path, ObjectNode body) {
    return (ObjectNode) executor.execute("POST", checkPath(path), Objects.requireNonNull(body, "body"), null,
        openScope());
  }

  /** PUTs a JSON body and returns the response object; retried like GET (a PUT is idempotent). */
  public ObjectNode put(String path, ObjectNode body) {
    return (ObjectNode) executor.execute("PUT", checkPath(path), Objects.requireNonNull(body, "body"), null,
        openScope());
  }

  /**
   * DELETEs an object. Success is 200 with {@code {}}, 204 or an empty body. Retried like GET; a 404 on
   * a retry after a failed attempt counts as success (the failed attempt already deleted it).
   */
  public void delete(String path) {
    executor.execute("DELETE", checkPath(path), null, null, openScope());
  }

  /**
   * {@link System#nanoTime()} of the last answer (2xx, or 404 to a lookup) that showed the token
   * works, or empty when there was none: lets a connection check skip a request.
   */
  public java.util.OptionalLong lastAnswerNanos() {
    long t = executor.lastAnswerNanos();
    return t == 0 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(t);
  }

  /** HTTP requests this client has sent; every attempt counts. */
  public long requestCount() {
    return requestCount.get();
  }

  /** Cancels all requests in flight, wakes retry waits, and stops the client's threads. Idempotent. */
  @Override
  public void close() {
    closed = true;
    scope.cancel();
    pool.shutdownNow();
  }

  private CancelScope openScope() {
    if (closed) {
      throw new IllegalStateException("this LinodeClient is closed");
    }
    // Synchronous calls use the client scope itself: close() must cancel them too, and they need no
    // scope of their own because only the client can cancel them.
    return scope;
  }

  /** Checks a caller's path: relative to the base URL, starting with a single "/". */
  static String checkPath(String path) {
    Objects.requireNonNull(path, "path");
    if (!path.startsWith("/") || path.startsWith("//") || path.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
      throw new IllegalArgumentException("path '" + path + "' must start with a single '/' and contain no"
          + " spaces or control characters, e.g. /profile/tokens/5");
    }
    return path;
  }
}
