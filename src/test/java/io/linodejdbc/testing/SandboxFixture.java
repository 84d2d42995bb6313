package io.linodejdbc.testing;

import io.linodejdbc.sandbox.LabelMatching;
import io.linodejdbc.sandbox.RecordedRequest;
import io.linodejdbc.sandbox.RequestLog;
import io.linodejdbc.sandbox.SandboxServer;
import io.linodejdbc.sandbox.SandboxToken;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A running sandbox API plus driver connections to it, for end-to-end tests.
 *
 * <pre>{@code
 * try (SandboxFixture f = SandboxFixture.start(tokens, LabelMatching.EXACT)) {
 *   Connection c = f.connect();
 *   ...
 *   f.requests();  // what the driver sent
 * }
 * }</pre>
 *
 * <p>Connections opened through the fixture are closed with it. Use it from {@code @BeforeAll} /
 * {@code @AfterAll}, or in a try-with-resources block.
 */
public final class SandboxFixture implements AutoCloseable {
  private final SandboxServer server;
  private final List<Connection> connections = new ArrayList<>();

  private SandboxFixture(SandboxServer server) {
    this.server = server;
  }

  /** Starts a sandbox on an ephemeral port holding {@code tokens}. */
  public static SandboxFixture start(List<SandboxToken> tokens, LabelMatching matching) {
    try {
      Class.forName("io.linodejdbc.jdbc.LinodeDriver");
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("driver class missing", e);
    }
    return new SandboxFixture(
        SandboxServer.builder().tokens(tokens).labelMatching(matching).start());
  }

  /** A fixture around a sandbox the caller built ({@code SandboxServer.builder()...start()}). */
  public static SandboxFixture of(SandboxServer server) {
    try {
      Class.forName("io.linodejdbc.jdbc.LinodeDriver");
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("driver class missing", e);
    }
    return new SandboxFixture(server);
  }

  /** A sandbox holding the demo tokens (what {@code linode-sql --sandbox} shows). */
  public static SandboxServer demoServer() {
    return SandboxServer.builder().tokens(io.linodejdbc.sandbox.SampleData.demo()).start();
  }

  /** The URL a SQL client (DBeaver, sqlline) is given: the API URL in it, no token. */
  public static String clientUrl(SandboxServer server) {
    return "jdbc:linode:apiUrl=" + server.baseUrl();
  }

  /** What a SQL client sends with {@link #clientUrl}: a user name, the token as the password. */
  public static Properties clientCredentials(SandboxServer server) {
    Properties p = new Properties();
    p.setProperty("user", "dbeaver");
    p.setProperty("password", server.actingToken());
    return p;
  }

  /** A connection as a SQL client opens one ({@link #clientUrl}, {@link #clientCredentials}). */
  public static Connection connectAsClient(SandboxServer server) throws SQLException {
    return DriverManager.getConnection(clientUrl(server), clientCredentials(server));
  }

  public SandboxServer server() {
    return server;
  }

  /** The properties every connection gets: the acting token and the sandbox URL. */
  public Properties baseProperties() {
    Properties p = new Properties();
    p.setProperty("token", server.actingToken());
    p.setProperty("apiUrl", server.baseUrl());
    return p;
  }

  /** A new driver connection ({@code jdbc:linode:}) to this sandbox. */
  public Connection connect() throws SQLException {
    return connect(Map.of());
  }

  /** A new driver connection with extra connection properties (e.g. {@code pageSize}). */
  public Connection connect(Map<String, String> extra) throws SQLException {
    Properties p = baseProperties();
    extra.forEach(p::setProperty);
    Connection c = DriverManager.getConnection("jdbc:linode:", p);
    synchronized (connections) {
      connections.add(c);
    }
    return c;
  }

  public RequestLog requestLog() {
    return server.requestLog();
  }

  /** Snapshot of the recorded requests, in arrival order. */
  public List<RecordedRequest> requests() {
    return server.requestLog().requests();
  }

  /**
   * Empties the request log once the sandbox has answered everything in flight: a request a
   * previous query sent and then abandoned (a prefetched page after its LIMIT was met) is logged
   * when it is answered, and must not be counted against the next query.
   */
  public void clearRequests() {
    awaitSettled();
    server.requestLog().clear();
  }

  /** The recorded requests once the sandbox has answered everything in flight. */
  public List<RecordedRequest> settledRequests() {
    awaitSettled();
    return requests();
  }

  private void awaitSettled() {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
    while (server.inFlightNow() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
  }

  public void setLabelMatching(LabelMatching matching) {
    server.setLabelMatching(matching);
  }

  @Override public void close() {
    synchronized (connections) {
      for (Connection c : connections) {
        try {
          c.close();
        } catch (SQLException | RuntimeException ignored) {
          // closing anyway
        }
      }
      connections.clear();
    }
    server.close();
  }
}
