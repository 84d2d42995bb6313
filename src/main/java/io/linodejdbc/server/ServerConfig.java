package io.linodejdbc.server;

import java.util.Map;
import java.util.Properties;

/**
 * What a server serves and its limits.
 *
 * @param host address to bind (a non-loopback one only with TLS)
 * @param port TCP port, 0 for a free one
 * @param jdbcUrl the driver URL each session connects with ({@code jdbc:linode:…}), without token
 * @param driverProperties connection properties every session gets (never a token)
 * @param maxConnections sessions at once; more are refused with 53300
 * @param maxMessageBytes largest frontend message accepted
 * @param idleTimeoutMillis a session idle this long is closed; 0 for never
 * @param startupTimeoutMillis time a client has to start up and authenticate
 * @param tls the certificate and key SSLRequest is answered with, or null for no TLS
 * @param requireTls whether a session without TLS is refused (28000); needs {@code tls}
 */
record ServerConfig(String host, int port, String jdbcUrl, Map<String, String> driverProperties,
    int maxConnections, int maxMessageBytes, int idleTimeoutMillis, int startupTimeoutMillis,
    PgTls tls, boolean requireTls) {
  static final int DEFAULT_MAX_CONNECTIONS = 64;
  static final int DEFAULT_MAX_MESSAGE_BYTES = 8 * 1024 * 1024;
  static final int DEFAULT_STARTUP_TIMEOUT_MILLIS = 60_000;

  ServerConfig {
    driverProperties = Map.copyOf(driverProperties);
    if (driverProperties.containsKey("token") || driverProperties.containsKey("password")) {
      throw new IllegalArgumentException("the server holds no token: each client's password is"
          + " its token");
    }
    if (requireTls && tls == null) {
      throw new IllegalArgumentException("--require-tls needs --tls-cert and --tls-key");
    }
  }

  /** Without TLS. */
  ServerConfig(String host, int port, String jdbcUrl, Map<String, String> driverProperties,
      int maxConnections, int maxMessageBytes, int idleTimeoutMillis, int startupTimeoutMillis) {
    this(host, port, jdbcUrl, driverProperties, maxConnections, maxMessageBytes,
        idleTimeoutMillis, startupTimeoutMillis, null, false);
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
