package io.linodejdbc.sql;

import io.linodejdbc.api.LinodeClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What the tables of one connection share: the API client, the write options, and the first
 * characters of the connection's own token (lists show every token's first 16 characters, which
 * is how the driver recognises the token it must not revoke by accident).
 */
public final class LinodeSession {
  /** How many characters of a token the API shows in lists. */
  public static final int TOKEN_PREFIX_LENGTH = 16;

  private final LinodeClient client;
  private final WriteOptions writeOptions;
  private final String ownTokenPrefix;
  private volatile boolean readOnly;
  private final @Nullable ResultCache cache;
  private final PlanCache plans = new PlanCache();

  public LinodeSession(LinodeClient client, WriteOptions writeOptions) {
    this(client, writeOptions, Duration.ZERO);
  }

  /**
   * @param cacheTtl how long scan results are reused ({@link ResultCache}); zero for never
   */
  public LinodeSession(LinodeClient client, WriteOptions writeOptions, Duration cacheTtl) {
    this.cache = cacheTtl.isZero() ? null : new ResultCache(cacheTtl, Clock.systemUTC());
    this.client = Objects.requireNonNull(client, "client");
    this.writeOptions = Objects.requireNonNull(writeOptions, "writeOptions");
    String token = client.config().token();
    this.ownTokenPrefix = token == null || token.length() < TOKEN_PREFIX_LENGTH
        ? "" : token.substring(0, TOKEN_PREFIX_LENGTH);
  }

  public LinodeClient client() {
    return client;
  }

  public WriteOptions writeOptions() {
    return writeOptions;
  }

  /** Prepared statements of this connection, by SQL text. */
  PlanCache plans() {
    return plans;
  }

  /** The result cache, or null when it is off. */
  @Nullable ResultCache cache() {
    return cache;
  }

  /** Forgets cached results: called before and after every write (and a commit's requests). */
  public void invalidateCache() {
    if (cache != null) {
      cache.clear();
    }
  }

  /** {@code Connection.setReadOnly}: refuse every statement that would change something. */
  public void setReadOnly(boolean readOnly) {
    this.readOnly = readOnly;
  }

  public boolean isReadOnly() {
    return readOnly;
  }

  /** True when a listed token (its 16-character prefix) is the one this connection uses. */
  boolean isOwnToken(String listedPrefix) {
    return !ownTokenPrefix.isEmpty() && ownTokenPrefix.equals(listedPrefix);
  }

  @Override public String toString() {
    return "LinodeSession{" + client.config().baseUrl() + ", " + writeOptions + "}";
  }
}
