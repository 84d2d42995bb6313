package io.linodejdbc.server;

import io.linodejdbc.sql.SqlState;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL wire-protocol (version 3) server in front of the linode-jdbc driver: one thread
 * and one driver connection per client session, at most {@link ServerConfig#maxConnections()}
 * at once.
 */
public final class PgServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PgServer.class);

  /** The one database served. */
  public static final String DATABASE = "linode";

  /**
   * The login check: the cheapest read there is (a count the API answers from one page of 25).
   */
  static final String TOKEN_CHECK = "SELECT COUNT(*) FROM linode.profile.personal_access_tokens";

  private final ServerConfig config;
  private final ServerSocket listener;
  private final ExecutorService sessions;
  private final Semaphore slots;
  private final Map<Integer, PgSession> active = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final AtomicInteger nextProcessId = new AtomicInteger(1000);
  private final Thread acceptor;
  private volatile boolean closing;

  private PgServer(ServerConfig config, ServerSocket listener) {
    this.config = config;
    this.listener = listener;
    this.slots = new Semaphore(config.maxConnections());
    AtomicInteger n = new AtomicInteger();
    ThreadFactory threads = r -> {
      Thread t = new Thread(r, "pg-session-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    this.sessions = Executors.newFixedThreadPool(config.maxConnections(), threads);
    this.acceptor = new Thread(this::acceptLoop, "pg-accept-" + listener.getLocalPort());
    this.acceptor.setDaemon(true);
  }

  /**
   * Starts a server.
   *
   * @throws IOException when the address cannot be bound
   * @throws IllegalArgumentException when the address is not a loopback one and TLS is not
   *     configured (clear-text passwords — tokens — must not cross a network unencrypted)
   */
  public static PgServer start(ServerConfig config) throws IOException {
    InetAddress address = InetAddress.getByName(config.host());
    if (!address.isLoopbackAddress() && config.tls() == null) {
      throw new IllegalArgumentException("refusing to listen on " + config.host() + " without"
          + " TLS: clients send their Linode token as a clear-text password, which may only"
          + " travel over loopback or TLS; give --tls-cert and --tls-key, or use 127.0.0.1 (and"
          + " an SSH tunnel)");
    }
    try {
      Class.forName("io.linodejdbc.jdbc.LinodeDriver");
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("the linode-jdbc driver is missing from the class path", e);
    }
    ServerSocket listener = new ServerSocket();
    listener.setReuseAddress(true);
    listener.bind(new InetSocketAddress(address, config.port()), 128);
    PgServer server = new PgServer(config, listener);
    if (config.tls() != null) {
      LOG.info("TLS on{}, certificate {}", config.requireTls() ? " and required" : "",
          config.tls().subject());
    }
    server.acceptor.start();
    return server;
  }

  ServerConfig config() {
    return config;
  }

  /** The port listened on (the chosen one when the configuration said 0). */
  public int port() {
    return listener.getLocalPort();
  }

  public String host() {
    return listener.getInetAddress().getHostAddress();
  }

  /** {@code postgresql://HOST:PORT/linode}. */
  public String url() {
    String h = host().contains(":") ? "[" + host() + "]" : host();
    return "postgresql://" + h + ":" + port() + "/" + DATABASE;
  }

  /** Sessions now open (authenticated or starting). */
  public int activeSessions() {
    return active.size();
  }

  private void acceptLoop() {
    while (!closing) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException e) {
        if (!closing) {
          LOG.warn("accepting a connection failed: {}", e.getMessage());
        }
        continue;
      }
      if (!slots.tryAcquire()) {
        refuse(socket);
        continue;
      }
      int pid = nextProcessId.incrementAndGet();
      PgSession session = new PgSession(this, socket, pid, random.nextInt());
      active.put(pid, session);
      try {
        sessions.execute(session);
      } catch (RuntimeException e) {
        active.remove(pid);
        slots.release();
        closeQuietly(socket);
      }
    }
  }

  /** Beyond the connection limit: PostgreSQL's "too many clients" error, then close. */
  private void refuse(Socket socket) {
    LOG.info("connection from {} refused: {} sessions open (--max-connections)",
        socket.getRemoteSocketAddress(), config.maxConnections());
    try {
      socket.setSoTimeout(1000);
      PgWire wire = new PgWire(socket.getInputStream(), socket.getOutputStream(), 0);
      wire.send(ErrorResponses.message('E', "FATAL", new PgError(
          SqlState.TOO_MANY_CONNECTIONS.code(), "sorry, too many clients"
          + " already: this server allows " + config.maxConnections() + " sessions at once",
          null, 0)));
      wire.flush();
      socket.shutdownOutput();
    } catch (IOException e) {
      // the client went away
    } finally {
      closeQuietly(socket);
    }
  }

  void ended(PgSession session) {
    if (active.remove(session.processId) != null) {
      slots.release();
    }
  }

  void cancel(int processId, int secretKey) {
    PgSession s = active.get(processId);
    if (s != null && s.secretKey == secretKey) {
      LOG.info("session {}: cancel requested", processId);
      s.cancel();
    }
  }

  /** A driver connection with the client's token. */
  Connection connect(String token) throws SQLException {
    return DriverManager.getConnection(config.jdbcUrl(), config.connectionProperties(token));
  }

  /** One API request with the token: a refused token fails with SQLSTATE 28000. */
  void checkToken(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(TOKEN_CHECK)) {
      rs.next();
    }
  }

  /** Stops accepting, cancels what runs, closes every session and waits for them. */
  @Override public void close() {
    closing = true;
    closeQuietly(listener);
    for (PgSession s : active.values()) {
      s.shutdown();
    }
    sessions.shutdown();
    try {
      if (!sessions.awaitTermination(10, TimeUnit.SECONDS)) {
        sessions.shutdownNow();
      }
      acceptor.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(java.io.Closeable c) {
    try {
      c.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  static String version() {
    String v = PgServer.class.getPackage().getImplementationVersion();
    return v != null ? v : "0.1.0-SNAPSHOT";
  }
}
