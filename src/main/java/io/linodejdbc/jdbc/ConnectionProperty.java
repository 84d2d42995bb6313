package io.linodejdbc.jdbc;

import io.linodejdbc.api.ApiConfig;
import java.time.Duration;
import java.util.Locale;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Every connection property the driver accepts, with its default, its bounds and the text that
 * {@link java.sql.Driver#getPropertyInfo} shows (DBeaver's properties dialog). The defaults of
 * the API client's settings are {@link ApiConfig}'s: one source for both.
 */
public enum ConnectionProperty {
  TOKEN("token", null, null, 0, 0,
      "Linode personal access token (scope account:read_only to read, account:read_write to"
          + " change). Also accepted as the JDBC password. Default: the LINODE_TOKEN"
          + " environment variable."),
  PASSWORD("password", null, null, 0, 0,
      "Same as 'token': lets a client keep the token in its password store."),
  USER("user", null, null, 0, 0,
      "Ignored: the token identifies the user. Accepted because clients always send it."),
  API_URL("apiUrl", ApiConfig.DEFAULT_BASE_URL, null, 0, 0,
      "Base URL of the Linode API (also https://api.linode.com/v4beta). http:// is accepted only"
          + " for loopback addresses, since the token would otherwise travel in clear text."),
  PAGE_SIZE("pageSize", String.valueOf(ApiConfig.DEFAULT_PAGE_SIZE), Kind.INT,
      ApiConfig.MIN_PAGE_SIZE, ApiConfig.MAX_PAGE_SIZE,
      "Rows per list request, 25 to 500. Larger pages mean fewer API calls."),
  MAX_CONCURRENT_REQUESTS("maxConcurrentRequests",
      String.valueOf(ApiConfig.DEFAULT_MAX_CONCURRENT_REQUESTS), Kind.INT, 1, 64,
      "Most HTTP requests this connection has in flight at once (pages of a scan, key"
          + " lookups), 1 to 64."),
  CONNECT_TIMEOUT("connectTimeout", seconds(ApiConfig.DEFAULT_CONNECT_TIMEOUT), Kind.INT, 1, 3600,
      "Seconds to wait for a TCP/TLS connection to the API."),
  READ_TIMEOUT("readTimeout", seconds(ApiConfig.DEFAULT_READ_TIMEOUT), Kind.INT, 1, 3600,
      "Seconds to wait for data from the API on an open connection."),
  MAX_RETRIES("maxRetries", String.valueOf(ApiConfig.DEFAULT_MAX_RETRIES), Kind.INT, 0, 20,
      "Retries of a read (or of an update or delete) after 429, 408, 502, 503, 504 or a"
          + " network failure. A token is never created twice: POST is not retried."),
  ALLOW_FULL_TABLE_DML("allowFullTableDml", "false", Kind.BOOLEAN, 0, 0,
      "Let UPDATE and DELETE run without a WHERE clause (they would relabel or revoke every"
          + " token)."),
  ALLOW_REVOKE_SELF("allowRevokeSelf", "false", Kind.BOOLEAN, 0, 0,
      "Let DELETE revoke the token this connection itself uses (the session would lose"
          + " access at once)."),
  CACHE_TTL("cacheTtl", "0", Kind.INT, 0, 86400,
      "Seconds to reuse the result of a read this connection made before (clients such as"
          + " DBeaver run a query again for each page they show). 0 turns the cache off. Any"
          + " INSERT/UPDATE/DELETE through the connection empties it; changes made elsewhere show"
          + " after the time given."),
  DRY_RUN("dryRun", "false", Kind.BOOLEAN, 0, 0,
      "Answer INSERT, UPDATE, REPLACE and DELETE with the HTTP requests they would send"
          + " (method, path, body) and send none of them.");

  enum Kind { INT, BOOLEAN }

  private final String key;
  private final @Nullable String defaultValue;
  private final @Nullable Kind kind;
  private final int min;
  private final int max;
  private final String description;

  ConnectionProperty(String key, @Nullable String defaultValue, @Nullable Kind kind, int min,
      int max, String description) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.kind = kind;
    this.min = min;
    this.max = max;
    this.description = description;
  }

  private static String seconds(Duration d) {
    return String.valueOf(d.toSeconds());
  }

  /** The property's name as written in URLs and {@link java.util.Properties}. */
  public String key() {
    return key;
  }

  public @Nullable String defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }

  /** True for the properties whose value is a credential and is never shown. */
  public boolean isSecret() {
    return this == TOKEN || this == PASSWORD;
  }

  /** The property named {@code key} (exact spelling, case-insensitive), or null. */
  static @Nullable ConnectionProperty of(String key) {
    for (ConnectionProperty p : values()) {
      if (p.key.toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT))) {
        return p;
      }
    }
    return null;
  }

  /** Parses an integer property within its bounds. */
  int parseInt(String value) throws IllegalArgumentException {
    int parsed;
    try {
      parsed = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Connection property '" + key + "' must be a whole number from " + min + " to " + max
              + ", not '" + value + "'");
    }
    if (parsed < min || parsed > max) {
      throw new IllegalArgumentException(
          "Connection property '" + key + "' must be from " + min + " to " + max + ", not "
              + parsed);
    }
    return parsed;
  }

  /** Parses a boolean property: true or false. */
  boolean parseBoolean(String value) throws IllegalArgumentException {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.equals("true") || v.equals("false")) {
      return v.equals("true");
    }
    throw new IllegalArgumentException(
        "Connection property '" + key + "' must be true or false, not '" + value + "'");
  }

  /** Human-readable bounds, for the properties dialog. */
  @Nullable String range() {
    return kind == Kind.INT ? min + ".." + max : null;
  }

  /** The values a client may offer in a drop-down, or null for free text. */
  String @Nullable [] choices() {
    return kind == Kind.BOOLEAN ? new String[] {"true", "false"} : null;
  }
}
