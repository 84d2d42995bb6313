package io.linodejdbc.jdbc;

import io.linodejdbc.api.LinodeClient;
import io.linodejdbc.api.ListRequest;
import io.linodejdbc.api.RowCursor;
import io.linodejdbc.sql.LinodeSession;
import io.linodejdbc.sql.write.Writes;
import io.linodejdbc.sql.SqlState;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.calcite.jdbc.CalciteConnection;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One driver connection: the Calcite connection that plans and runs SQL, the session its tables
 * reach the API through, and the JDBC proxy handed to the user.
 *
 * <p>Transactions: the Linode API has none. In auto-commit mode (the default) every statement is
 * applied when it runs. With {@code setAutoCommit(false)} a write is checked at once and its
 * requests are sent at {@code commit()}, or discarded by {@code rollback()}
 * ({@link PendingWrites}).
 * The isolation level is READ COMMITTED: reads see what the API holds when they run.
 */
final class LinodeConnection {
  private static final Logger LOG = LoggerFactory.getLogger(LinodeConnection.class);

  /** Returned by {@link #intercept} when the call goes to Calcite unchanged. */
  static final Object NOT_HANDLED = new Object();
  /** The one isolation level there is: every read sees the API's current, committed state. */
  static final int ISOLATION = Connection.TRANSACTION_READ_COMMITTED;
  /** How recent an answer from the API lets {@code isValid} skip its request. */
  static final long VALID_WITHOUT_REQUEST_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final CalciteConnection calcite;
  private final LinodeSession session;
  private final ConnectionConfig config;
  private final Connection proxy;
  private final PendingWrites pending;
  private @Nullable SQLWarning warnings;
  private final java.util.Properties clientInfo = new java.util.Properties();
  private volatile boolean autoCommit = true;
  private volatile int networkTimeoutMillis;

  private final Writes writes;

  LinodeConnection(CalciteConnection calcite, LinodeSession session, Writes writes,
      ConnectionConfig config) {
    this.calcite = calcite;
    this.session = session;
    this.writes = writes;
    this.config = config;
    this.pending = new PendingWrites(session, writes);
    this.proxy = JdbcProxies.connection(this);
  }

  CalciteConnection calcite() {
    return calcite;
  }

  LinodeClient client() {
    return session.client();
  }

  LinodeSession session() {
    return session;
  }

  /** The connection's writes: dry runs or real, batch progress. */
  Writes writes() {
    return writes;
  }

  ConnectionConfig config() {
    return config;
  }

  Connection proxy() {
    return proxy;
  }

  /** True while writes wait for {@code commit()}. */
  boolean inTransaction() {
    return !autoCommit && !writes.dryRun();
  }

  PendingWrites pending() {
    return pending;
  }

  /** {@code setNetworkTimeout}'s value in milliseconds; 0 for none. */
  int networkTimeoutMillis() {
    return networkTimeoutMillis;
  }

  /** NONE (sqlline asks for it) and READ UNCOMMITTED are served by READ COMMITTED. */
  static boolean supportsIsolation(int level) {
    return level == Connection.TRANSACTION_NONE || level == Connection.TRANSACTION_READ_UNCOMMITTED
        || level == Connection.TRANSACTION_READ_COMMITTED;
  }

  /** Connection-level behaviour that differs from Calcite's. */
  @Nullable Object intercept(Method method, Object @Nullable [] args) throws SQLException {
    String name = method.getName();
    if (!name.equals("close") && !name.equals("isClosed") && calcite.isClosed()) {
      if (name.equals("isValid")) {
        return false;
      }
      return NOT_HANDLED; // Calcite reports the closed connection itself
    }
    switch (name) {
    case "close":
    case "abort":
      close();
      return null;
    case "getAutoCommit":
      return autoCommit;
    case "setAutoCommit":
      boolean on = (Boolean) args[0];
      if (on && !autoCommit) {
        pending.commit(); // JDBC: switching auto-commit on commits the transaction
      }
      autoCommit = on;
      return null;
    case "commit":
      pending.commit();
      return null;
    case "rollback":
      if (args == null || args.length == 0) {
        int discarded = pending.rollback();
        if (autoCommit) {
          addWarning("rollback() undid nothing: the Linode API has no transactions, and in"
              + " auto-commit mode every change was applied when its statement ran.");
        } else {
          LOG.debug("rollback() discarded {} request(s) that were never sent", discarded);
        }
        return null;
      }
      break;
    case "getTransactionIsolation":
      return ISOLATION;
    case "setTransactionIsolation":
      int level = (Integer) args[0];
      if (!supportsIsolation(level)) {
        throw new SQLFeatureNotSupportedException("Transaction isolation " + level + " is not"
            + " available: reads see the Linode API's current state (READ COMMITTED), which"
            + " cannot be held still for a transaction.", SqlState.FEATURE_NOT_SUPPORTED.code());
      }
      return null; // READ UNCOMMITTED is served by the stronger READ COMMITTED, as JDBC allows
    case "setReadOnly":
      session.setReadOnly((Boolean) args[0]);
      return null;
    case "isReadOnly":
      return session.isReadOnly();
    case "isValid":
      return isValid((Integer) args[0]);
    case "getTypeMap":
      return new java.util.HashMap<String, Class<?>>();
    case "setTypeMap":
      if (args[0] != null && !((java.util.Map<?, ?>) args[0]).isEmpty()) {
        throw new SQLFeatureNotSupportedException("The driver has no user-defined types to map",
            SqlState.FEATURE_NOT_SUPPORTED.code());
      }
      return null;
    case "nativeSQL":
      return args[0]; // the driver runs the text as it is
    case "setNetworkTimeout":
      int millis = (Integer) args[1];
      if (millis < 0) {
        throw new SQLException("Network timeout must not be negative",
            SqlState.INVALID_PARAMETER_VALUE.code());
      }
      networkTimeoutMillis = millis;
      return null;
    case "getNetworkTimeout":
      return networkTimeoutMillis;
    case "getCatalog":
    case "setCatalog":
      return MetaDataOverrides.catalogCall(name, args); // catalog "linode", as the metadata shows
    case "setClientInfo":
      // Clients label their connections (DBeaver: ApplicationName); the API has no use for it.
      if (args != null && args.length == 2) {
        if (args[1] == null) {
          clientInfo.remove((String) args[0]);
        } else {
          clientInfo.setProperty((String) args[0], String.valueOf(args[1]));
        }
      } else if (args != null && args.length == 1 && args[0] != null) {
        clientInfo.clear();
        clientInfo.putAll((java.util.Properties) args[0]);
      }
      return null;
    case "getClientInfo":
      if (args != null && args.length == 1) {
        return clientInfo.getProperty((String) args[0]);
      }
      java.util.Properties copy = new java.util.Properties();
      copy.putAll(clientInfo);
      return copy;
    case "getWarnings":
      return warnings;
    case "clearWarnings":
      warnings = null;
      return null;
    default:
      break;
    }
    return NOT_HANDLED;
  }

  private void close() throws SQLException {
    if (!pending.isEmpty()) {
      LOG.warn("Connection closed with uncommitted writes: they were discarded, nothing was sent");
    }
    try {
      pending.close();
      calcite.close();
    } finally {
      session.client().close();
    }
  }

  private void addWarning(String message) {
    SQLWarning w = new SQLWarning(message, SqlState.WARNING.code());
    if (warnings == null) {
      warnings = w;
    } else {
      warnings.setNextWarning(w);
    }
  }

  /**
   * Whether the API answers with this token. An answer within the last few seconds says so
   * without a request (pools ask on every borrow, and list calls are rate-limited); otherwise
   * the cheapest call there is, one short list page, within the timeout.
   */
  private boolean isValid(int timeoutSeconds) throws SQLException {
    if (timeoutSeconds < 0) {
      throw new SQLException("isValid timeout must not be negative",
          SqlState.INVALID_PARAMETER_VALUE.code());
    }
    java.util.OptionalLong last = session.client().lastAnswerNanos();
    if (last.isPresent() && System.nanoTime() - last.getAsLong() < VALID_WITHOUT_REQUEST_NANOS) {
      return true;
    }
    ListRequest probe = ListRequest.builder(session.resources().get(0).collectionPath())
        .pageSize(25).prefetchRows(1).build();
    CompletableFuture<Boolean> answer = CompletableFuture.supplyAsync(() -> {
      try (RowCursor cursor = session.client().list(probe)) {
        cursor.hasNext();
        return true;
      }
    });
    try {
      return timeoutSeconds == 0 ? answer.get()
          : answer.get(timeoutSeconds, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      answer.cancel(true);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
