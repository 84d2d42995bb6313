package io.linodejdbc.sandbox;

import java.util.List;
import java.util.Map;

/**
 * Ends a request with an error status and envelope.
 *
 * <p>Why an exception: validation happens deep inside parsers (filters, bodies, paging); throwing
 * lets them stay plain functions while the handler renders one consistent error response.
 */
final class ApiException extends RuntimeException {

  private final int status;
  private final List<ApiError> errors;
  private final Map<String, String> headers;

  ApiException(int status, List<ApiError> errors) {
    this(status, errors, Map.of());
  }

  /** An error response that also carries headers (Allow, Retry-After, X-RateLimit-*). */
  ApiException(int status, List<ApiError> errors, Map<String, String> headers) {
    super(status + " " + errors, null, false, false);
    this.status = status;
    this.errors = List.copyOf(errors);
    this.headers = Map.copyOf(headers);
  }

  /** 400 with one reason about one field (which may be {@code null}). */
  static ApiException badRequest(String reason, String field) {
    return new ApiException(400, List.of(new ApiError(reason, field)));
  }

  /** 404 in the API's wording. */
  static ApiException notFound() {
    return new ApiException(404, List.of(ApiError.of("Not found")));
  }

  /** 401 in the API's wording. */
  static ApiException unauthorized() {
    return new ApiException(401, List.of(ApiError.of("Invalid Token")));
  }

  /** 405 with the methods the path does allow. */
  static ApiException methodNotAllowed(String allow) {
    return new ApiException(405, List.of(ApiError.of("Method Not Allowed")), Map.of("Allow", allow));
  }

  int status() {
    return status;
  }

  List<ApiError> errors() {
    return errors;
  }

  Map<String, String> headers() {
    return headers;
  }
}
