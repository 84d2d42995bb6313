package io.linodejdbc.sandbox;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One stored personal access token. Immutable.
 *
 * <p>The record keeps the full secret because the sandbox must recognise the acting token and
 * show the full value once in a POST response; everything else only ever sees {@link #prefix()},
 * exactly as the real API only returns the first 16 characters after creation. {@link #toString()}
 * hides the secret so that a token printed in a test failure or a log line cannot leak it.
 *
 * @param id the token id, positive
 * @param label the label, or {@code null} (old tokens may have none)
 * @param scopes {@code *} or space-separated {@code area:read_only|read_write} scopes
 * @param created creation time, UTC, whole seconds
 * @param expiry expiry time, UTC, or {@code null} for "never expires"
 * @param secret the full secret, normally 64 characters (at least 16)
 */
public record SandboxToken(
    int id, String label, String scopes, LocalDateTime created, LocalDateTime expiry, String secret) {

  /** How many leading characters of the secret the API shows outside the POST response. */
  public static final int PREFIX_LENGTH = 16;

  /** Validates the invariants the server relies on when rendering a token. */
  public SandboxToken {
    if (id <= 0) {
      throw new IllegalArgumentException("id must be positive: " + id);
    }
    Objects.requireNonNull(scopes, "scopes");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(secret, "secret");
    if (secret.length() < PREFIX_LENGTH) {
      throw new IllegalArgumentException("secret must have at least " + PREFIX_LENGTH + " characters");
    }
  }

  /** The first 16 characters of the secret: what lists and single GETs show as {@code token}. */
  public String prefix() {
    return secret.substring(0, PREFIX_LENGTH);
  }

  /** A copy with another label; used by PUT, which may change nothing else. */
  public SandboxToken withLabel(String newLabel) {
    return new SandboxToken(id, newLabel, scopes, created, expiry, secret);
  }

  /** Shows the prefix followed by an ellipsis, never the full secret. */
  @Override
  public String toString() {
    return "SandboxToken[id=" + id
        + ", label=" + (label == null ? "null" : "\"" + label + "\"")
        + ", scopes=" + scopes
        + ", created=" + created
        + ", expiry=" + expiry
        + ", secret=" + prefix() + "…]";
  }
}
