package io.linodejdbc.sandbox;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The sandbox's tokens, in memory. Thread-safe.
 *
 * <p>Ids ascend from 1, or from one past the highest id ever held; like the real API, an id is
 * never reused after a delete. Reads return an immutable snapshot that is rebuilt only after a
 * write, so a benchmark paging through 100,000 tokens does not copy the map on every request.
 *
 * <p>The store remembers secrets of deleted tokens so that the server can refuse a revoked acting
 * token, as the real API does.
 */
public final class TokenStore {

  private final Clock clock;
  private final Supplier<String> secrets;
  private final TreeMap<Integer, SandboxToken> tokens = new TreeMap<>();
  private final Set<String> revokedSecrets = new HashSet<>();
  private int nextId = 1;
  private volatile List<SandboxToken> snapshot = List.of();

  /** An empty store stamping new tokens with the UTC system clock and random secrets. */
  public TokenStore() {
    this(Clock.systemUTC(), Secrets.random());
  }

  TokenStore(Clock clock, Supplier<String> secrets) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.secrets = Objects.requireNonNull(secrets, "secrets");
  }

  /** All tokens ordered by id. */
  public List<SandboxToken> all() {
    List<SandboxToken> current = snapshot;
    if (current != null) {
      return current;
    }
    synchronized (this) {
      if (snapshot == null) {
        snapshot = List.copyOf(tokens.values());
      }
      return snapshot;
    }
  }

  /** The token with this id, if stored. */
  public synchronized Optional<SandboxToken> get(int id) {
    return Optional.ofNullable(tokens.get(id));
  }

  /**
   * Stores a new token with the next id, the clock's current second as {@code created} and a
   * fresh 64-character secret. Does not validate: the HTTP layer does that.
   *
   * @param label the label or {@code null}
   * @param scopes the scopes, {@code null} meaning {@code *}
   * @param expiry the expiry or {@code null} for never
   */
  public synchronized SandboxToken create(String label, String scopes, LocalDateTime expiry) {
    LocalDateTime created = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    SandboxToken token = new SandboxToken(
        nextId++, label, scopes == null ? "*" : scopes, created, expiry, secrets.get());
    tokens.put(token.id(), token);
    snapshot = null;
    return token;
  }

  /** Changes a token's label; empty if there is no such token. */
  public synchronized Optional<SandboxToken> relabel(int id, String label) {
    SandboxToken current = tokens.get(id);
    if (current == null) {
      return Optional.empty();
    }
    SandboxToken updated = current.withLabel(label);
    tokens.put(id, updated);
    snapshot = null;
    return Optional.of(updated);
  }

  /** Deletes (revokes) a token; false if there was none. */
  public synchronized boolean delete(int id) {
    SandboxToken removed = tokens.remove(id);
    if (removed == null) {
      return false;
    }
    revokedSecrets.add(removed.secret());
    snapshot = null;
    return true;
  }

  /**
   * Replaces every token, e.g. to load sample data. Forgets revocations and continues ids after the
   * highest id given.
   *
   * @throws IllegalArgumentException if two tokens share an id
   */
  public synchronized void replaceAll(Collection<SandboxToken> newTokens) {
    Map<Integer, SandboxToken> byId = new TreeMap<>();
    for (SandboxToken token : newTokens) {
      if (byId.put(token.id(), token) != null) {
        throw new IllegalArgumentException("duplicate token id " + token.id());
      }
    }
    tokens.clear();
    tokens.putAll(byId);
    revokedSecrets.clear();
    nextId = tokens.isEmpty() ? 1 : tokens.lastKey() + 1;
    snapshot = null;
  }

  /** Whether a token with this secret was deleted since the last {@link #replaceAll}. */
  synchronized boolean isRevoked(String secret) {
    return revokedSecrets.contains(secret);
  }

  /** The stored token whose secret is {@code secret}, if any. */
  Optional<SandboxToken> findBySecret(String secret) {
    return all().stream().filter(t -> t.secret().equals(secret)).findFirst();
  }
}
