package io.linodejdbc.cli;

import io.linodejdbc.jdbc.LinodeDriver;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Collections;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The driver the shell hands to sqlline: {@link LinodeDriver}, with every connection wrapped by
 * {@link ShellConnection} so that results print whole and the same in every output format.
 *
 * <p>Why a driver: sqlline opens its connection itself, through {@link DriverManager}, from the
 * {@code -d}/{@code -u} it is given. While a shell runs ({@link #install} to {@link #uninstall}),
 * this driver takes the place of the plain one in {@link DriverManager}, so {@code jdbc:linode:}
 * URLs, including a {@code !connect} typed at the prompt, reach it; afterwards the plain driver
 * is back (tests run several shells, and other clients, in one JVM).
 */
public final class ShellDriver implements Driver {
  private static final ShellDriver INSTANCE = new ShellDriver();
  private static volatile @Nullable Supplier<String> outputFormat;
  private static volatile @Nullable TokenCheck pendingCheck;
  private static @Nullable OpenedAhead openedAhead; // guarded by ShellDriver.class

  private final LinodeDriver delegate = new LinodeDriver();

  /**
   * Puts this driver in the plain one's place.
   *
   * @param current the sqlline output format in use (read per result set)
   * @param check a token check still running, or null: a connection is opened meanwhile, and
   *     handed out only when the check passed (else {@link TokenCheck.Refused} is raised)
   */
  static synchronized void install(Supplier<String> current, @Nullable TokenCheck check)
      throws SQLException {
    outputFormat = current;
    pendingCheck = check;
    // Listing the drivers loads the service-registered ones first, so none comes after us.
    for (Driver d : Collections.list(DriverManager.getDrivers())) {
      if (d instanceof LinodeDriver || d instanceof ShellDriver) {
        DriverManager.deregisterDriver(d);
      }
    }
    DriverManager.registerDriver(INSTANCE);
  }

  /**
   * Has {@link DriverManager} load and initialize its drivers, this one's among them. Called on
   * the shell's thread before it starts any helper thread (the token check, the connection opened
   * ahead): the driver's class initialization lists DriverManager's drivers, and DriverManager
   * initializes the drivers it lists while holding its lock, so two threads that each began one
   * of the two would wait for each other for ever. Once loaded, no thread waits on either.
   */
  static void loadDrivers() {
    DriverManager.getDrivers();
  }

  /**
   * Starts opening, on a thread of its own, the connection sqlline will ask for with {@code url}
   * and these credentials, so that a one-shot run sets up sqlline and the connection at once.
   * sqlline's {@code connect} with exactly this URL and properties gets it (once); any other
   * connects as usual. Call after {@link #loadDrivers}.
   */
  static synchronized void openAhead(String url, String user, String password) {
    Properties info = new Properties();
    info.setProperty("user", user);
    info.setProperty("password", password);
    CompletableFuture<Connection> connection = new CompletableFuture<>();
    Properties own = (Properties) info.clone();
    Thread t = new Thread(() -> {
      try {
        connection.complete(INSTANCE.delegate.connect(url, own));
      } catch (SQLException | RuntimeException | Error e) {
        connection.completeExceptionally(e);
      }
    }, "linode-sql-connect");
    t.setDaemon(true);
    t.start();
    openedAhead = new OpenedAhead(url, info, connection);
  }

  /** A connection being opened ahead of sqlline's connect. */
  private record OpenedAhead(String url, Properties info, CompletableFuture<Connection> connection) {
    @Override public String toString() {
      return "OpenedAhead[" + url + "]"; // info holds the token
    }
  }

  /** The connection opened ahead for {@code url} and {@code info}, taken once; else null. */
  private static @Nullable Connection takeOpenedAhead(String url, Properties info)
      throws SQLException {
    OpenedAhead ahead;
    synchronized (ShellDriver.class) {
      ahead = openedAhead;
      if (ahead == null || !ahead.url().equals(url) || !ahead.info().equals(info)) {
        return null;
      }
      openedAhead = null;
    }
    try {
      return ahead.connection().join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SQLException sql) {
        throw sql;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw e;
    }
  }

  /** Gives the plain driver its place back. */
  static synchronized void uninstall() {
    outputFormat = null;
    pendingCheck = null;
    OpenedAhead ahead = openedAhead;
    openedAhead = null;
    if (ahead != null) { // opened for a connect that never came
      ahead.connection().thenAccept(c -> {
        try {
          c.close();
        } catch (SQLException e) {
          // a connection nothing used; nothing to report
        }
      });
    }
    try {
      DriverManager.deregisterDriver(INSTANCE);
      if (Collections.list(DriverManager.getDrivers()).stream()
          .noneMatch(d -> d instanceof LinodeDriver)) {
        DriverManager.registerDriver(new LinodeDriver());
      }
    } catch (SQLException e) {
      // DriverManager refuses nothing here; the process is ending anyway
    }
  }

  @Override public @Nullable Connection connect(String url, Properties info) throws SQLException {
    Connection c = takeOpenedAhead(url, info);
    if (c == null) {
      c = delegate.connect(url, info);
    }
    TokenCheck check = pendingCheck;
    if (c != null && check != null) {
      String problem = check.problem(); // the connection was opened while the check ran
      if (problem != null) {
        c.close();
        throw new TokenCheck.Refused(problem);
      }
    }
    Supplier<String> format = outputFormat;
    return c == null || format == null ? c : ShellConnection.wrap(c, format);
  }

  @Override public boolean acceptsURL(String url) throws SQLException {
    return delegate.acceptsURL(url);
  }

  @Override public DriverPropertyInfo[] getPropertyInfo(String url, Properties info)
      throws SQLException {
    return delegate.getPropertyInfo(url, info);
  }

  @Override public int getMajorVersion() {
    return delegate.getMajorVersion();
  }

  @Override public int getMinorVersion() {
    return delegate.getMinorVersion();
  }

  @Override public boolean jdbcCompliant() {
    return delegate.jdbcCompliant();
  }

  @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return delegate.getParentLogger();
  }
}
