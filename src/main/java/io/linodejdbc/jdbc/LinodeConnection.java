package io.linodejdbc.jdbc;

import io.linodejdbc.api.LinodeClient;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import org.apache.calcite.jdbc.CalciteConnection;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One driver connection: the Calcite connection that plans and runs SQL, the API client its
 * tables read through, and the JDBC proxy handed to the user.
 */
final class LinodeConnection {
  /** Returned by {@link #intercept} when the call goes to Calcite unchanged. */
  static final Object NOT_HANDLED = new Object();

  private final CalciteConnection calcite;
  private final LinodeClient client;
  private final ConnectionConfig config;
  private final Connection proxy;

  LinodeConnection(CalciteConnection calcite, LinodeClient client, ConnectionConfig config) {
    this.calcite = calcite;
    this.client = client;
    this.config = config;
    this.proxy = JdbcProxies.connection(this);
  }

  CalciteConnection calcite() {
    return calcite;
  }

  LinodeClient client() {
    return client;
  }

  ConnectionConfig config() {
    return config;
  }

  Connection proxy() {
    return proxy;
  }

  /** Connection-level behaviour that differs from Calcite's. */
  @Nullable Object intercept(Method method, Object @Nullable [] args) throws SQLException {
    switch (method.getName()) {
    case "close":
      try {
        calcite.close();
      } finally {
        client.close();
      }
      return null;
    default:
      return NOT_HANDLED;
    }
  }
}
