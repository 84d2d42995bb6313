package io.linodejdbc.server;

import io.linodejdbc.sandbox.LabelMatching;
import io.linodejdbc.sandbox.SandboxServer;
import io.linodejdbc.sandbox.SandboxToken;
import io.linodejdbc.testing.PostgresOracle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** A sandbox API with a PostgreSQL server in front of it, and pgJDBC connections to it. */
final class PgServerFixture implements AutoCloseable {
  final SandboxServer sandbox;
  final PgServer server;
  private final List<Connection> connections = new ArrayList<>();

  private PgServerFixture(SandboxServer sandbox, PgServer server) {
    this.sandbox = sandbox;
    this.server = server;
  }

  /**
   * A real PostgreSQL holding {@code tokens} as the server shows them: table
   * {@code profile.personal_access_tokens}, {@code profile} on the search path, then
   * {@code moreSetUp} run in order.
   */
  static PostgresOracle profileOracle(List<SandboxToken> tokens, String... moreSetUp) throws Exception {
    PostgresOracle oracle = PostgresOracle.start(tokens);
    try (java.sql.Statement s = oracle.connection().createStatement()) {
      s.execute("CREATE SCHEMA profile");
      s.execute("ALTER TABLE public.personal_access_tokens SET SCHEMA profile");
      for (String sql : moreSetUp) {
        s.execute(sql);
      }
      s.execute("SET search_path = profile");
    }
    return oracle;
  }

  /** {@link #profileOracle}'s view standing for the page envelope table. */
  static final String PAGES_VIEW = "CREATE VIEW profile.personal_access_tokens_pages AS SELECT"
      + " CAST(NULL AS varchar) AS data, 1 AS page, 1 AS pages, 1 AS results";

  static PgServerFixture start(List<SandboxToken> tokens) {
    return start(tokens, LabelMatching.EXACT, 32, 0, Map.of());
  }

  static PgServerFixture start(List<SandboxToken> tokens, LabelMatching matching,
      int maxConnections, int idleTimeoutMillis, Map<String, String> driverProperties) {
    SandboxServer sandbox = SandboxServer.builder().tokens(tokens).labelMatching(matching)
        .start();
    Map<String, String> props = new java.util.HashMap<>(driverProperties);
    props.put("apiUrl", sandbox.baseUrl());
    try {
      PgServer server = PgServer.start(new ServerConfig("127.0.0.1", 0, "jdbc:linode:", props,
          maxConnections, 1024 * 1024, idleTimeoutMillis, 10_000));
      return new PgServerFixture(sandbox, server);
    } catch (IOException e) {
      sandbox.close();
      throw new UncheckedIOException(e);
    }
  }

  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + server.port() + "/linode";
  }

  String token() {
    return sandbox.actingToken();
  }

  /** A pgJDBC connection with the sandbox's token as password. */
  Connection connect() throws SQLException {
    return connect(new Properties());
  }

  Connection connect(Properties extra) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", "tester");
    p.setProperty("password", token());
    p.putAll(extra);
    Connection c = DriverManager.getConnection(jdbcUrl(), p);
    synchronized (connections) {
      connections.add(c);
    }
    return c;
  }

  /** Empties the sandbox's request log once nothing is in flight. */
  void clearRequests() throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (sandbox.inFlightNow() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(2);
    }
    sandbox.requestLog().clear();
  }

  @Override public void close() {
    synchronized (connections) {
      for (Connection c : connections) {
        try {
          c.close();
        } catch (SQLException ignored) {
          // closing anyway
        }
      }
    }
    server.close();
    sandbox.close();
  }
}
