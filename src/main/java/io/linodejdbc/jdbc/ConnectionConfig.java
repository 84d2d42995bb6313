package io.linodejdbc.jdbc;

import io.linodejdbc.api.ApiConfig;
import io.linodejdbc.sql.SqlState;
import io.linodejdbc.sql.write.WriteOptions;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The settings of one connection, read from the URL ({@code jdbc:linode:key=value;key=value}),
 * the {@link Properties} and the environment, and checked before anything is sent.
 */
public final class ConnectionConfig {
  /** URL prefix the driver answers to. */
  public static final String URL_PREFIX = "jdbc:linode:";
  /** The environment variable every Linode tool reads the token from. */
  public static final String TOKEN_ENV = "LINODE_TOKEN";

  private final Map<ConnectionProperty, String> values;

  private ConnectionConfig(Map<ConnectionProperty, String> values) {
    this.values = values;
  }

  /**
   * Reads URL and properties. A property given in both must agree; {@code env} supplies
   * {@link #TOKEN_ENV} when no token is given.
   */
  public static ConnectionConfig parse(String url, @Nullable Properties info,
      Function<String, @Nullable String> env) throws SQLException {
    if (!url.startsWith(URL_PREFIX)) {
      throw new SQLNonTransientConnectionException(
          "Not a linode-jdbc URL: it must start with " + URL_PREFIX,
              SqlState.UNABLE_TO_CONNECT.code());
    }
    Map<ConnectionProperty, String> values = new EnumMap<>(ConnectionProperty.class);
    String rest = url.substring(URL_PREFIX.length());
    for (String pair : rest.split(";")) {
      if (pair.isBlank()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new SQLNonTransientConnectionException(
            "Malformed URL part '" + pair + "': write key=value pairs separated by ';', e.g. "
                + URL_PREFIX + "pageSize=100;readTimeout=60", SqlState.UNABLE_TO_CONNECT.code());
      }
      put(values, pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    }
    if (info != null) {
      for (String name : info.stringPropertyNames()) {
        put(values, name, info.getProperty(name));
      }
    }
    ConnectionConfig config = new ConnectionConfig(values);
    if (config.token() == null) {
      String fromEnv = env.apply(TOKEN_ENV);
      if (fromEnv != null && !fromEnv.isBlank()) {
        values.put(ConnectionProperty.TOKEN, fromEnv.trim());
      }
    }
    config.validate();
    return config;
  }

  private static void put(Map<ConnectionProperty, String> values, String key, String value)
      throws SQLException {
    ConnectionProperty property = ConnectionProperty.of(key);
    if (property == null) {
      throw new SQLNonTransientConnectionException(
          "Unknown connection property '" + key + "'. Known properties: " + knownKeys(),
              SqlState.UNABLE_TO_CONNECT.code());
    }
    String previous = values.put(property, value);
    if (previous != null && !previous.equals(value)) {
      throw new SQLNonTransientConnectionException(
          "Connection property '" + property.key() + "' is given twice with different values"
              + (property.isSecret() ? "" : " ('" + previous + "' and '" + value + "')"),
          SqlState.UNABLE_TO_CONNECT.code());
    }
  }

  private static String knownKeys() {
    StringBuilder b = new StringBuilder();
    for (ConnectionProperty p : ConnectionProperty.values()) {
      b.append(b.length() == 0 ? "" : ", ").append(p.key());
    }
    return b.toString();
  }

  private void validate() throws SQLException {
    try {
      toApiConfig();
      writeOptions();
    } catch (IllegalArgumentException e) {
      throw new SQLNonTransientConnectionException(e.getMessage(),
          SqlState.UNABLE_TO_CONNECT.code(),
          e);
    }
    if (token() == null) {
      throw new SQLInvalidAuthorizationSpecException(
          "No Linode API token: set the connection property 'token' (or the JDBC password), or"
              + " the environment variable " + TOKEN_ENV
              + ". Create one at https://cloud.linode.com/profile/tokens",
                  SqlState.INVALID_AUTHORIZATION.code());
    }
  }

  /** The token: property {@code token}, else {@code password}; null when neither is set. */
  public @Nullable String token() {
    String token = values.get(ConnectionProperty.TOKEN);
    if (token == null || token.isBlank()) {
      token = values.get(ConnectionProperty.PASSWORD);
    }
    return token == null || token.isBlank() ? null : token.trim();
  }

  /** The raw value of a property, or its default. */
  public @Nullable String get(ConnectionProperty property) {
    String v = values.get(property);
    return v != null ? v : property.defaultValue();
  }

  int getInt(ConnectionProperty property) {
    return property.parseInt(java.util.Objects.requireNonNull(get(property)));
  }

  boolean getBoolean(ConnectionProperty property) {
    return property.parseBoolean(java.util.Objects.requireNonNull(get(property)));
  }

  /** The safety rails for statements that change tokens. */
  public WriteOptions writeOptions() {
    return new WriteOptions(getBoolean(ConnectionProperty.ALLOW_FULL_TABLE_DML),
        getBoolean(ConnectionProperty.ALLOW_REVOKE_SELF),
        getBoolean(ConnectionProperty.DRY_RUN));
  }

  /** The HTTP client settings. */
  public ApiConfig toApiConfig() {
    return ApiConfig.builder()
        .baseUrl(get(ConnectionProperty.API_URL))
        .token(token())
        .pageSize(getInt(ConnectionProperty.PAGE_SIZE))
        .maxConcurrentRequests(getInt(ConnectionProperty.MAX_CONCURRENT_REQUESTS))
        .connectTimeout(Duration.ofSeconds(getInt(ConnectionProperty.CONNECT_TIMEOUT)))
        .readTimeout(Duration.ofSeconds(getInt(ConnectionProperty.READ_TIMEOUT)))
        .maxRetries(getInt(ConnectionProperty.MAX_RETRIES))
        .build();
  }

  @Override public String toString() {
    StringBuilder b = new StringBuilder("ConnectionConfig{");
    values.forEach((k, v) -> b.append(k.key()).append('=')
        .append(k.isSecret() ? "***" : v).append(", "));
    return b.append('}').toString();
  }
}
