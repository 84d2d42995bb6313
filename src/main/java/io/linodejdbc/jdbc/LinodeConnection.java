package io.linodejdbc.jdbc;

import io.linodejdbc.api.LinodeClient;
import io.linodejdbc.api.ListRequest;
import io.linodejdbc.api.RowCursor;
import io.linodejdbc.resource.Resources;
import io.linodejdbc.sql.LinodeSession;
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

/**
 * One driver connection: the Calcite connection that plans and runs SQL, the session its tables
 * reach the API through, and the JDBC proxy handed to the user.
 *
 * <p>The Linode API has no transactions: every statement is applied when it runs. The connection
 * therefore stays in auto-commit mode; {@code commit()} has nothing to do, and {@code rollback()}
 * has nothing it could undo, which it says in a warning rather than failing the clients that call
 * it out of habit.
 */
final class LinodeConnection {
  /** Returned by {@link #intercept} when the call goes to Calcite unchanged. */
  static final Object NOT_HANDLED = new Object();

  private final CalciteConnection calcite;
  private final LinodeSession session;
  private final ConnectionConfig config;
  private final Connection proxy;
  private @Nullable SQLWarning warnings;
  private final java.util.Properties clientInfo = new java.util.Properties();

  LinodeConnection(CalciteConnection calcite, LinodeSession session, ConnectionConfig config) {
    this.calcite = calcite;
    this.session = session;
    this.config = config;
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

  ConnectionConfig config() {
    return config;
  }

  Connection proxy() {
    return proxy;
  }

  /** Connection-level behaviour that differs from Calcite's. */
  @Nullable Object intercept(Method method, Object @Nullable [] args) throws SQLException {
    String name = method.getName();
    if (!name.equals("close") && !name.equals("isClosed") && calcite.isClosed()) {
      return NOT_HANDLED; // Calcite reports the closed connection itself
    }
    switch (name) {
    case "close":
      try {
        calcite.close();
      } finally {
        session.client().close();
      }
      return null;
    case "getAutoCommit":
      return true;
    case "setAutoCommit":
      if (!(Boolean) args[0]) {
        throw new SQLFeatureNotSupportedException("The Linode API has no transactions: every"
            + " statement is applied when it runs, so the connection stays in auto-commit mode.",
            SqlState.FEATURE_NOT_SUPPORTED.code());
      }
      return null;
    case "commit":
      return null; // everything is committed already
    case "rollback":
      if (args == null || args.length == 0) {
        addWarning("rollback() undid nothing: the Linode API has no transactions, every change"
            + " was applied when its statement ran.");
        return null;
      }
      break;
    case "getTransactionIsolation":
      return Connection.TRANSACTION_NONE;
    case "setTransactionIsolation":
      if ((Integer) args[0] != Connection.TRANSACTION_NONE) {
        addWarning("Transaction isolation stays TRANSACTION_NONE: the Linode API has no"
            + " transactions.");
      }
      return null;
    case "setReadOnly":
      session.setReadOnly((Boolean) args[0]);
      return null;
    case "isReadOnly":
      return session.isReadOnly();
    case "isValid":
      return isValid((Integer) args[0]);
    case "getCatalog":
    case "setCatalog":
      return MetaDataOverrides.catalogCall(name, args); // catalog "linode", as the metadata shows
    case "setClientInfo":
      // Clients label their connections (DBeaver: ApplicationName); the API has no use for it.
      if (args != null && args.length == 2) {
        clientInfo.setProperty((String) args[0], String.valueOf(args[1]));
      } else if (args != null && args.length == 1 && args[0] != null) {
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

  private void addWarning(String message) {
    SQLWarning w = new SQLWarning(message, SqlState.WARNING.code());
    if (warnings == null) {
      warnings = w;
    } else {
      warnings.setNextWarning(w);
    }
  }

  /** Whether the API answers with this token: the cheapest call there is, one short list page. */
  private boolean isValid(int timeoutSeconds) throws SQLException {
    if (timeoutSeconds < 0) {
      throw new SQLException("isValid timeout must not be negative",
          SqlState.INVALID_PARAMETER_VALUE.code());
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
