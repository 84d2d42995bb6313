package io.linodejdbc.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/** Immutable description of a paginated list call, e.g. {@code GET /profile/tokens}. */
public final class ListRequest {

  private final String path;
  private final JsonNode xFilter;
  private final int pageSize;
  private final long prefetchRows;
  private final int fetchSize;

  private ListRequest(Builder b) {
    this.path = b.path;
    this.xFilter = b.xFilter == null ? null : b.xFilter.deepCopy();
    this.pageSize = b.pageSize;
    this.prefetchRows = b.prefetchRows;
    this.fetchSize = b.fetchSize;
  }

  /**
   * Starts a list request.
   *
   * @param path collection path relative to the base URL, starting with {@code /}, e.g. {@code /profile/tokens}
   */
  public static Builder builder(String path) {
    return new Builder(path);
  }

  /** A builder initialised with this request's values. */
  public Builder toBuilder() {
    Builder b = new Builder(path);
    b.xFilter = xFilter;
    b.pageSize = pageSize;
    b.prefetchRows = prefetchRows;
    b.fetchSize = fetchSize;
    return b;
  }

  /** Collection path, e.g. {@code /profile/tokens}. */
  public String path() {
    return path;
  }

  /** The filter sent as the {@code X-Filter} header (a defensive copy). */
  public Optional<JsonNode> xFilter() {
    return Optional.ofNullable(xFilter).map(JsonNode::deepCopy);
  }

  /** Rows per page; 0 means the client's configured page size. */
  public int pageSize() {
    return pageSize;
  }

  /**
   * Hint: the consumer reads at most about this many rows, so pages beyond
   * {@code ceil(prefetchRows / pageSize)} are fetched only when actually reached.
   * {@link Long#MAX_VALUE} (the default) means all rows.
   */
  public long prefetchRows() {
    return prefetchRows;
  }

  /**
   * Hint (JDBC's fetch size): the consumer reads about this many rows before it asks for more; 0
   * (the default) means no hint. The cursor then fetches only the pages that hold them, and
   * fetches ahead as usual only once the consumer reads past them.
   */
  public int fetchSize() {
    return fetchSize;
  }

  @Override
  public String toString() {
    return "ListRequest{path=" + path + ", xFilter=" + xFilter + ", pageSize=" + pageSize
        + ", prefetchRows=" + (prefetchRows == Long.MAX_VALUE ? "all" : String.valueOf(prefetchRows))
        + (fetchSize == 0 ? "" : ", fetchSize=" + fetchSize) + "}";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ListRequest r && path.equals(r.path) && Objects.equals(xFilter, r.xFilter)
        && pageSize == r.pageSize && prefetchRows == r.prefetchRows && fetchSize == r.fetchSize;
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, xFilter, pageSize, prefetchRows, fetchSize);
  }

  /** Mutable builder of {@link ListRequest}. */
  public static final class Builder {
    private final String path;
    private JsonNode xFilter;
    private int pageSize;
    private long prefetchRows = Long.MAX_VALUE;
    private int fetchSize;

    private Builder(String path) {
      this.path = LinodeClient.checkPath(path);
      if (path.indexOf('?') >= 0) {
        // The client appends page/page_size itself; a caller's query would collide with them.
        throw new IllegalArgumentException("list path '" + path + "' must not contain a query; use xFilter to filter");
      }
    }

    /** The X-Filter JSON (an object); null removes it. */
    public Builder xFilter(JsonNode xFilter) {
      if (xFilter != null && !xFilter.isObject()) {
        throw new IllegalArgumentException("xFilter must be a JSON object, was " + xFilter.getNodeType());
      }
      this.xFilter = xFilter == null ? null : xFilter.deepCopy();
      return this;
    }

    /** Rows per page: 0 (client default) or 25..500. */
    public Builder pageSize(int pageSize) {
      if (pageSize != 0 && (pageSize < ApiConfig.MIN_PAGE_SIZE || pageSize > ApiConfig.MAX_PAGE_SIZE)) {
        throw new IllegalArgumentException("pageSize " + pageSize + " is out of range; use 0 for the client default or "
            + ApiConfig.MIN_PAGE_SIZE + ".." + ApiConfig.MAX_PAGE_SIZE);
      }
      this.pageSize = pageSize;
      return this;
    }

    /** Rows the consumer will probably read; at least 0; {@link Long#MAX_VALUE} for all. */
    public Builder prefetchRows(long prefetchRows) {
      if (prefetchRows < 0) {
        throw new IllegalArgumentException("prefetchRows " + prefetchRows + " is negative; use Long.MAX_VALUE for all rows");
      }
      this.prefetchRows = prefetchRows;
      return this;
    }

    /** The consumer's fetch size: at least 0 (0: no hint). */
    public Builder fetchSize(int fetchSize) {
      if (fetchSize < 0) {
        throw new IllegalArgumentException("fetchSize " + fetchSize + " is negative; use 0 for no hint");
      }
      this.fetchSize = fetchSize;
      return this;
    }

    /** Builds the request. */
    public ListRequest build() {
      return new ListRequest(this);
    }
  }
}
