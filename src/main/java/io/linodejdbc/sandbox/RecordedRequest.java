package io.linodejdbc.sandbox;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request as the sandbox saw it, with the status it answered. Immutable.
 *
 * <p>Tests use it to assert what the driver sent (page sizes, filters, bodies) without a proxy.
 * The Authorization header's credentials are masked before the record is built, so a test
 * report or log can never contain a secret.
 *
 * @param method the HTTP method, e.g. {@code GET}
 * @param path the raw path, e.g. {@code /v4/profile/tokens}
 * @param query the raw query string, or {@code null}
 * @param headers request headers with lower-case names (repeated values joined with {@code ,});
 *     Authorization appears as {@code Bearer ***}
 * @param body the request body as UTF-8 text, empty when there was none
 * @param status the status code the sandbox answered
 * @param at when the request arrived
 */
public record RecordedRequest(
    String method, String path, String query, Map<String, String> headers, String body,
    int status, Instant at) {

  /** Copies the headers into an unmodifiable, lower-cased, order-keeping map. */
  public RecordedRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(at, "at");
    Map<String, String> copy = new LinkedHashMap<>();
    if (headers != null) {
      headers.forEach((k, v) -> copy.put(k.toLowerCase(Locale.ROOT), v));
    }
    headers = Collections.unmodifiableMap(copy);
    body = body == null ? "" : body;
  }

  /** A header by name, case-insensitively. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }

  /** The decoded query parameters; the first of a repeated parameter wins. */
  public Map<String, String> queryParams() {
    return QueryString.parse(query);
  }
}
