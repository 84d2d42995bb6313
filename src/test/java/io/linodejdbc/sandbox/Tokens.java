package io.linodejdbc.sandbox;

import java.time.LocalDateTime;

/** Small token factories for tests. */
final class Tokens {

  private Tokens() {}

  static SandboxToken token(int id, String label, String created) {
    return new SandboxToken(id, label, "*", LocalDateTime.parse(created), null, secret(id));
  }

  static String secret(int id) {
    return String.format("%064d", id);
  }
}
