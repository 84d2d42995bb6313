package io.linodejdbc.sandbox;

import java.util.List;
import java.util.Map;

/**
 * The {@code page} and {@code page_size} of a list request, and the paging arithmetic. Immutable.
 *
 * <p>Rules as the real API documents them: {@code page} starts at 1 (default 1), {@code page_size}
 * is 25..500 (default 100), {@code pages = max(1, ceil(results / page_size))}. A page past the end
 * is not an error: it answers an empty {@code data} list with the true {@code pages} and
 * {@code results}, which is what a driver sees when rows are revoked between page fetches.
 *
 * @param page the 1-based page number
 * @param pageSize rows per page
 */
record PageRequest(int page, int pageSize) {

  static final int DEFAULT_PAGE_SIZE = 100;
  static final int MIN_PAGE_SIZE = 25;
  static final int MAX_PAGE_SIZE = 500;

  /**
   * Reads paging from query parameters.
   *
   * @throws ApiException 400 naming {@code page} or {@code page_size}
   */
  static PageRequest from(Map<String, String> params) {
    int page = integer(params.get("page"), 1, "page");
    if (page < 1) {
      throw ApiException.badRequest("page must be 1 or greater", "page");
    }
    int size = integer(params.get("page_size"), DEFAULT_PAGE_SIZE, "page_size");
    if (size < MIN_PAGE_SIZE || size > MAX_PAGE_SIZE) {
      throw ApiException.badRequest(
          "page_size must be between " + MIN_PAGE_SIZE + " and " + MAX_PAGE_SIZE, "page_size");
    }
    return new PageRequest(page, size);
  }

  private static int integer(String text, int fallback, String field) {
    if (text == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(field + " must be an integer", field);
    }
  }

  /** Total pages for {@code results} rows: never less than 1. */
  int pages(int results) {
    return Math.max(1, (int) ((results + (long) pageSize - 1) / pageSize));
  }

  /** This page's rows out of all matching rows; empty past the end. */
  <T> List<T> slice(List<T> rows) {
    long from = (long) (page - 1) * pageSize;
    if (from >= rows.size()) {
      return List.of();
    }
    return rows.subList((int) from, (int) Math.min(rows.size(), from + pageSize));
  }
}
