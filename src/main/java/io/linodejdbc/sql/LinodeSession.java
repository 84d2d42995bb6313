package io.linodejdbc.sql;

import io.linodejdbc.api.LinodeClient;
import java.time.Clock;
import java.time.Duration;
import io.linodejdbc.resource.ResourceDescriptor;
import java.util.List;
import java.util.Objects;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What the tables of one connection share: the API client, the resources it serves, the
 * statement extensions of its prepare hook (writes), the result and plan caches, and the first
 * characters of the connection's own credential (lists show a credential's first 16 characters,
 * which is how the driver recognises the one it must not revoke by accident).
 */
public final class LinodeSession {
  /** How many characters of a token the API shows in lists. */
  public static final int TOKEN_PREFIX_LENGTH = 16;

  private final LinodeClient client;
  private final List<ResourceDescriptor> resources;
  private final List<StatementExtension> extensions;
  private final String ownTokenPrefix;
  private volatile boolean readOnly;
  private final @Nullable ResultCache cache;
  private final PlanCache plans = new PlanCache();

  /**
   * @param cacheTtl how long scan results are reused ({@link ResultCache}); zero for never
   * @param resources the resources mounted as tables
   * @param extensions statements the prepare hook plans with help ({@link StatementExtension})
   */
  public LinodeSession(LinodeClient client, Duration cacheTtl, List<ResourceDescriptor> resources,
      List<StatementExtension> extensions) {
    this.cache = cacheTtl.isZero() ? null : new ResultCache(cacheTtl, Clock.systemUTC());
    this.client = Objects.requireNonNull(client, "client");
    this.resources = List.copyOf(resources);
    this.extensions = List.copyOf(extensions);
    String token = client.config().token();
    this.ownTokenPrefix = token == null || token.length() < TOKEN_PREFIX_LENGTH
        ? "" : token.substring(0, TOKEN_PREFIX_LENGTH);
  }

  public LinodeClient client() {
    return client;
  }

  /** The resources this session serves. */
  public List<ResourceDescriptor> resources() {
    return resources;
  }

  /** The resource of this name, if the session serves it. */
  public java.util.Optional<ResourceDescriptor> resource(String name) {
    return resources.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  public List<StatementExtension> extensions() {
    return extensions;
  }

  /** Prepared statements of this connection, by SQL text. */
  public PlanCache plans() {
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

  /** True when a listed credential (its 16-character prefix) is the one this connection uses. */
  public boolean isOwnCredential(String listedPrefix) {
    return !ownTokenPrefix.isEmpty() && ownTokenPrefix.equals(listedPrefix);
  }

  @Override public String toString() {
    return "LinodeSession{" + client.config().baseUrl() + "}";
  }
}
