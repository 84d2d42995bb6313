package io.linodejdbc.server;

import java.util.Map;
import java.util.Properties;

/**
 * What a server serves and its limits.
 *
 * @param host address to bind (loopback unless TLS is configured)
 * @param port TCP port, 0 for a free one
 * @param jdbcUrl the driver URL each session connects with ({@code jdbc:linode:…}), without token
 * @param driverProperties connection properties every session gets (never a token)
 * @param maxConnections sessions at once; more are refused with 53300
 * @param maxMessageBytes largest frontend message accepted
 * @param idleTimeoutMillis a session idle this long is closed; 0 for never
 * @param startupTimeoutMillis time a client has to start up and authenticate
 */
record ServerConfig(String host, int port, String jdbcUrl, Map<String, String> driverProperties,
    int maxConnections, int maxMessageBytes, int idleTimeoutMillis, int startupTimeoutMillis) {
  static final int DEFAULT_MAX_CONNECTIONS = 64;
  static final int DEFAULT_MAX_MESSAGE_BYTES = 8 * 1024 * 1024;
  static final int DEFAULT_STARTUP_TIMEOUT_MILLIS = 60_000;

  ServerConfig {
    driverProperties = Map.copyOf(driverProperties);
    if (driverProperties.containsKey("token") || driverProperties.containsKey("password")) {
      throw new IllegalArgumentException("the server holds no token: each client's password is"
          + " its token");
    }
  }

  String serverVersion() {
    return "15.0 (linode-jdbc " + PgServer.version() + ")";
  }

  Properties connectionProperties(String token) {
    Properties p = new Properties();
    driverProperties.forEach(p::setProperty);
    p.setProperty("token", token);
    return p;
  }
}
