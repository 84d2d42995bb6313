package io.linodejdbc.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;

/**
 * A response before it is written: status, JSON body, extra headers. Immutable.
 *
 * <p>Endpoints return values instead of writing to the exchange so that they can be tested
 * without HTTP, and so that the handler can record the status before sending.
 *
 * @param status the HTTP status
 * @param body the JSON body
 * @param headers headers besides {@code Content-Type}
 */
record ApiResponse(int status, JsonNode body, Map<String, String> headers) {

  ApiResponse {
    Objects.requireNonNull(body, "body");
    headers = Map.copyOf(headers);
  }

  /** A 200 with no extra headers. */
  static ApiResponse ok(JsonNode body) {
    return new ApiResponse(200, body, Map.of());
  }

  /** The error envelope for an {@link ApiException}. */
  static ApiResponse of(ApiException e) {
    return new ApiResponse(e.status(), Json.errors(e.errors()), e.headers());
  }

  /** A copy with more headers. */
  ApiResponse withHeaders(Map<String, String> more) {
    Map<String, String> all = new java.util.LinkedHashMap<>(headers);
    all.putAll(more);
    return new ApiResponse(status, body, all);
  }
}
