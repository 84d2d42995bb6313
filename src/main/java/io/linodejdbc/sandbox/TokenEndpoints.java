package io.linodejdbc.sandbox;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The five token operations, from parsed request parts to {@link ApiResponse}. No HTTP here: the
 * handler deals with the exchange, authentication, latency and rate limits.
 */
final class TokenEndpoints {

  private final TokenStore store;
  private final RuntimeSettings settings;
  private final Clock clock;

  TokenEndpoints(TokenStore store, RuntimeSettings settings, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** {@code GET /profile/tokens}: filter, order, then page. */
  ApiResponse list(Map<String, String> params, String xFilter) {
    PageRequest paging = PageRequest.from(params);
    TokenQuery query = TokenFilter.parse(xFilter, settings.labelMatching());
    List<SandboxToken> matching = query.apply(store.all());
    return ApiResponse.page(
        paging.slice(matching), paging.page(), paging.pages(matching.size()), matching.size());
  }

  /** {@code GET /profile/tokens/{id}}. */
  ApiResponse get(int id) {
    return ApiResponse.ok(Json.token(existing(id), false));
  }

  /** {@code POST /profile/tokens}: the only response with the full secret. */
  ApiResponse create(String body) {
    CreateTokenRequest request =
        CreateTokenRequest.from(Json.parseObject(body, "Request body", null), LocalDateTime.now(clock));
    SandboxToken created = store.create(request.label(), request.scopes(), request.expiry());
    return ApiResponse.ok(Json.token(created, true));
  }

  /** {@code PUT /profile/tokens/{id}}: relabel only. */
  ApiResponse update(int id, String body) {
    SandboxToken current = existing(id);
    UpdateTokenRequest request =
        UpdateTokenRequest.from(Json.parseObject(body, "Request body", null), current);
    SandboxToken updated = request.label()
        .map(label -> store.relabel(id, label).orElseThrow(ApiException::notFound))
        .orElse(current);
    return ApiResponse.ok(Json.token(updated, false));
  }

  /** {@code DELETE /profile/tokens/{id}}: 200 with {@code {}}, as the API answers. */
  ApiResponse delete(int id) {
    if (!store.delete(id)) {
      throw ApiException.notFound();
    }
    return ApiResponse.ok(Json.empty());
  }

  private SandboxToken existing(int id) {
    return store.get(id).orElseThrow(ApiException::notFound);
  }
}
