package io.linodejdbc.jdbc;

import static io.linodejdbc.jdbc.MethodTable.params;

import io.linodejdbc.api.LinodeClient;
import io.linodejdbc.api.ListRequest;
import io.linodejdbc.api.RowCursor;
import io.linodejdbc.resource.Resources;
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

  /** Whether {@code method} may still be called once the Calcite connection is closed. */
  static boolean answersWhenClosed(Method method) {
    return method.getName().equals("close") || method.getName().equals("isClosed");
  }

  /**
   * Connection-level behaviour that differs from Calcite's. On a closed connection only
   * {@code isValid} (false) is answered here; Calcite reports the closed connection itself.
   */
  static final MethodTable OVERRIDES = MethodTable.of(Connection.class)
      .act("close", c -> c.connection().close())
      .act("abort", params(java.util.concurrent.Executor.class), c -> c.connection().close())
      .on("getAutoCommit", c -> c.connection().autoCommit)
      .act("setAutoCommit", params(boolean.class),
          c -> c.connection().setAutoCommit(c.arg(0, Boolean.class)))
      .act("commit", c -> c.connection().pending.commit())
      .act("rollback", c -> c.connection().rollback())
      .on("getTransactionIsolation", c -> ISOLATION)
      .act("setTransactionIsolation", params(int.class),
          c -> setTransactionIsolation(c.arg(0, Integer.class)))
      .act("setReadOnly", params(boolean.class),
          c -> c.connection().session.setReadOnly(c.arg(0, Boolean.class)))
      .on("isReadOnly", c -> c.connection().session.isReadOnly())
      .on("isValid", params(int.class), c -> c.connection().isValid(c.arg(0, Integer.class)))
      .on("getTypeMap", c -> new java.util.HashMap<String, Class<?>>())
      .act("setTypeMap", params(java.util.Map.class),
          c -> setTypeMap(c.arg(0, java.util.Map.class)))
      .on("nativeSQL", params(String.class), c -> c.arg(0, String.class)) // run as it is
      .act("setNetworkTimeout", params(java.util.concurrent.Executor.class, int.class),
          c -> c.connection().setNetworkTimeout(c.arg(1, Integer.class)))
      .on("getNetworkTimeout", c -> c.connection().networkTimeoutMillis)
      // catalog "linode", as the metadata shows
      .on("getCatalog", c -> MetadataModel.CATALOG)
      // setting it (or any other name, which JDBC lets a driver ignore) changes nothing
      .act("setCatalog", params(String.class), c -> { })
      .act("setClientInfo", params(String.class, String.class),
          c -> c.connection().setClientInfo(c.arg(0, String.class), c.arg(1, String.class)))
      .act("setClientInfo", params(java.util.Properties.class),
          c -> c.connection().setClientInfo(c.arg(0, java.util.Properties.class)))
      .on("getClientInfo", params(String.class),
          c -> c.connection().clientInfo.getProperty(c.arg(0, String.class)))
      .on("getClientInfo", c -> c.connection().clientInfo())
      .on("getWarnings", c -> c.connection().warnings)
      .act("clearWarnings", c -> c.connection().warnings = null)
      .build();

  private void setAutoCommit(boolean on) throws SQLException {
    if (on && !autoCommit) {
      pending.commit(); // JDBC: switching auto-commit on commits the transaction
    }
    autoCommit = on;
  }

  private void rollback() {
    int discarded = pending.rollback();
    if (autoCommit) {
      addWarning("rollback() undid nothing: the Linode API has no transactions, and in"
          + " auto-commit mode every change was applied when its statement ran.");
    } else {
      LOG.debug("rollback() discarded {} request(s) that were never sent", discarded);
    }
  }

  private static void setTransactionIsolation(int level) throws SQLException {
    if (!supportsIsolation(level)) {
      throw new SQLFeatureNotSupportedException("Transaction isolation " + level + " is not"
          + " available: reads see the Linode API's current state (READ COMMITTED), which"
          + " cannot be held still for a transaction.", SqlState.FEATURE_NOT_SUPPORTED.code());
    }
    // READ UNCOMMITTED is served by the stronger READ COMMITTED, as JDBC allows
  }

  private static void setTypeMap(java.util.@Nullable Map<?, ?> map) throws SQLException {
    if (map != null && !map.isEmpty()) {
      throw new SQLFeatureNotSupportedException("The driver has no user-defined types to map",
          SqlState.FEATURE_NOT_SUPPORTED.code());
    }
  }

  private void setNetworkTimeout(int millis) throws SQLException {
    if (millis < 0) {
      throw new SQLException("Network timeout must not be negative",
          SqlState.INVALID_PARAMETER_VALUE.code());
    }
    networkTimeoutMillis = millis;
  }

  /** Clients label their connections (DBeaver: ApplicationName); the API has no use for it. */
  private void setClientInfo(@Nullable String name, @Nullable String value) {
    if (name == null) {
      return;
    }
    if (value == null) {
      clientInfo.remove(name);
    } else {
      clientInfo.setProperty(name, value);
    }
  }

  private void setClientInfo(java.util.@Nullable Properties all) {
    if (all != null) {
      clientInfo.clear();
      clientInfo.putAll(all);
    }
  }

  private java.util.Properties clientInfo() {
    java.util.Properties copy = new java.util.Properties();
    copy.putAll(clientInfo);
    return copy;
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
    ListRequest probe = ListRequest.builder(Resources.PERSONAL_ACCESS_TOKENS.collectionPath())
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
