package io.linodejdbc.sandbox;

import java.util.Locale;
import java.util.Objects;

/**
 * Decides whether a request's {@code Authorization} header carries the acting token.
 *
 * <p>Exactly one secret is accepted. If that secret belongs to a stored token that has since been
 * deleted, it is refused too: the real API revokes immediately, and the driver's protection
 * against revoking its own token is only testable if doing so really locks the session out.
 */
final class Authenticator {

  private final String actingToken;
  private final TokenStore store;

  Authenticator(String actingToken, TokenStore store) {
    this.actingToken = Objects.requireNonNull(actingToken, "actingToken");
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * Checks a header value.
   *
   * @throws ApiException 401 {@code Invalid Token} unless it is {@code Bearer <acting token>}
   */
  void check(String authorization) {
    if (authorization == null || authorization.length() < 7
        || !authorization.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
      throw ApiException.unauthorized();
    }
    String secret = authorization.substring(7).trim();
    if (!secret.equals(actingToken) || store.isRevoked(actingToken)) {
      throw ApiException.unauthorized();
    }
  }

  /** The header value shown in logs: the scheme kept, the credentials replaced by {@code ***}. */
  static String mask(String authorization) {
    int space = authorization.indexOf(' ');
    return space < 0 ? "***" : authorization.substring(0, space) + " ***";
  }
}
