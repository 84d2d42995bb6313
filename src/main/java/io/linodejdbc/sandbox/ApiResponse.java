package io.linodejdbc.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A response before it is written: status, JSON body, extra headers. Immutable.
 *
 * <p>Endpoints return values instead of writing to the exchange so that they can be tested
 * without HTTP, and so that the handler can record the status before sending.
 *
 * <p>A list page keeps its tokens rather than a JSON tree: {@link #bytes()} writes it straight
 * to UTF-8 ({@link Json#pageBytes}), the same bytes the tree would serialise to, and
 * {@link #body()} builds the tree only when asked (tests). A page of 500 tokens was most of the
 * sandbox's work per request, and in a benchmark that work competes with the client for the
 * same cores.
 */
final class ApiResponse {
  private final int status;
  private final JsonNode body;
  private final Page page;
  private final Map<String, String> headers;

  /** The parts of a list page's envelope. */
  private record Page(List<SandboxToken> data, int page, int pages, int results) {}

  /**
   * @param status the HTTP status
   * @param body the JSON body
   * @param headers headers besides {@code Content-Type}
   */
  ApiResponse(int status, JsonNode body, Map<String, String> headers) {
    this(status, Objects.requireNonNull(body, "body"), null, headers);
  }

  private ApiResponse(int status, JsonNode body, Page page, Map<String, String> headers) {
    this.status = status;
    this.body = body;
    this.page = page;
    this.headers = Map.copyOf(headers);
  }

  /** A 200 with no extra headers. */
  static ApiResponse ok(JsonNode body) {
    return new ApiResponse(200, body, Map.of());
  }

  /** A 200 holding one list page in the API's envelope ({@link Json#page}). */
  static ApiResponse page(List<SandboxToken> data, int page, int pages, int results) {
    return new ApiResponse(200, null, new Page(List.copyOf(data), page, pages, results), Map.of());
  }

  /** The error envelope for an {@link ApiException}. */
  static ApiResponse of(ApiException e) {
    return new ApiResponse(e.status(), Json.errors(e.errors()), e.headers());
  }

  /** The HTTP status. */
  int status() {
    return status;
  }

  /** The JSON body. */
  JsonNode body() {
    return page == null ? body : Json.page(page.data(), page.page(), page.pages(), page.results());
  }

  /** The body as sent: compact UTF-8 JSON. */
  byte[] bytes() {
    return page == null ? Json.bytes(body)
        : Json.pageBytes(page.data(), page.page(), page.pages(), page.results());
  }

  /** Headers besides {@code Content-Type}. */
  Map<String, String> headers() {
    return headers;
  }

  /** A copy with more headers. */
  ApiResponse withHeaders(Map<String, String> more) {
    Map<String, String> all = new java.util.LinkedHashMap<>(headers);
    all.putAll(more);
    return new ApiResponse(status, body, page, all);
  }

  @Override public String toString() {
    return "ApiResponse[status=" + status + ", headers=" + headers + "]";
  }
}
