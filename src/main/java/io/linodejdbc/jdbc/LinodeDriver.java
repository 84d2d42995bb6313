package io.linodejdbc.jdbc;

import io.linodejdbc.api.LinodeApiException;
import io.linodejdbc.api.LinodeClient;
import io.linodejdbc.api.ListRequest;
import io.linodejdbc.resource.Resources;
import io.linodejdbc.sql.prepare.LinodeCalciteDriver;
import io.linodejdbc.sql.LinodeSchemas;
import io.linodejdbc.sql.prepare.DialectSettings;
import io.linodejdbc.sql.LinodeSession;
import io.linodejdbc.sql.write.Writes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;
import org.apache.calcite.jdbc.CalciteConnection;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The JDBC driver for {@code jdbc:linode:} URLs.
 *
 * <p>Each connection is a Calcite connection with the Linode schema mounted, identifiers treated
 * as PostgreSQL treats them (unquoted names fold to lower case, double quotes keep case), and
 * default schema {@code profile}.
 */
public final class LinodeDriver implements java.sql.Driver {
  static {
    try {
      DriverManager.registerDriver(new LinodeDriver());
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Driver name, as {@code DatabaseMetaData.getDriverName()} reports it. */
  public static final String NAME = "linode-jdbc";

  private static final LinodeCalciteDriver CALCITE = new LinodeCalciteDriver();

  static {
    // Loading LinodeCalciteDriver ran Calcite's Driver initializer, which registers
    // jdbc:calcite:. In the driver jar Calcite is relocated, private to this driver: withdraw
    // that registration so that only jdbc:linode: shows in the user's tool. On a plain class
    // path Calcite may be the user's own, and stays registered.
    if (org.apache.calcite.jdbc.Driver.class.getName().startsWith("io.linodejdbc.")) {
      for (java.sql.Driver d : java.util.Collections.list(DriverManager.getDrivers())) {
        if (d.getClass() == org.apache.calcite.jdbc.Driver.class) {
          try {
            DriverManager.deregisterDriver(d);
          } catch (SQLException | SecurityException e) {
            // stays registered; harmless
          }
        }
      }
    }
  }

  @Override public @Nullable Connection connect(String url, @Nullable Properties info)
      throws SQLException {
    if (!acceptsURL(url)) {
      return null; // DriverManager asks every driver; this URL is another's
    }
    ClassPreloader.startOnce(); // while this thread connects
    ConnectionConfig config = ConnectionConfig.parse(url, info, System::getenv);
    // Calcite's connection first, the HTTP client after: a shell checking the token on another
    // thread is setting up the HTTP classes meanwhile, which the client would wait for.
    CalciteConnection calcite = CALCITE.open(DialectSettings.connectionProperties());
    LinodeClient client = null;
    try {
      client = new LinodeClient(config.toApiConfig());
      Writes writes = new Writes(config.writeOptions());
      LinodeSession session = new LinodeSession(client,
          java.time.Duration.ofSeconds(config.getInt(ConnectionProperty.CACHE_TTL)),
          Resources.all(), List.of(writes.extension()));
      mount(calcite, session);
      return new LinodeConnection(calcite, session, writes, config).proxy();
    } catch (SQLException | RuntimeException e) {
      calcite.close();
      if (client != null) {
        client.close();
      }
      throw e;
    }
  }

  /**
   * Checks that the API accepts the token of {@code url} and {@code info} and lets it list
   * personal access tokens, with one request (the first page of the smallest size) and no
   * connection: for a tool that says a wrong token before anything else, and can do other work
   * meanwhile. A failure is the {@link SQLException} a query would raise: SQLSTATE 28000 for a
   * rejected token, 42501 for a missing scope, class 08 or HYT00 for an API out of reach.
   *
   * @param url a {@code jdbc:linode:} URL
   * @param info connection properties, as for {@link #connect}
   * @throws SQLException the API's answer, or a malformed URL or property
   */
  public static void checkAccess(String url, @Nullable Properties info) throws SQLException {
    ConnectionConfig config = ConnectionConfig.parse(url, info, System::getenv);
    try (LinodeClient client = new LinodeClient(config.toApiConfig())) {
      client.count(ListRequest.builder(Resources.PERSONAL_ACCESS_TOKENS.collectionPath()).build());
    } catch (LinodeApiException e) {
      throw SqlErrors.translate(e, Resources.all());
    }
  }

  /** A Calcite connection with the Linode schema of {@code session} mounted. */
  static CalciteConnection openCalcite(LinodeSession session) throws SQLException {
    CalciteConnection calcite = CALCITE.open(DialectSettings.connectionProperties());
    try {
      mount(calcite, session);
      return calcite;
    } catch (SQLException | RuntimeException e) {
      calcite.close();
      throw e;
    }
  }

  /** Mounts the Linode schema of {@code session} on {@code calcite}, its default schema. */
  private static void mount(CalciteConnection calcite, LinodeSession session) throws SQLException {
    LinodeSchemas.mount(calcite.getRootSchema(), session);
    calcite.setSchema("profile");
    calcite.setAutoCommit(true);
  }

  @Override public boolean acceptsURL(@Nullable String url) {
    return url != null && url.startsWith(ConnectionConfig.URL_PREFIX);
  }

  @Override public DriverPropertyInfo[] getPropertyInfo(String url, @Nullable Properties info) {
    List<DriverPropertyInfo> result = new ArrayList<>();
    for (ConnectionProperty p : ConnectionProperty.values()) {
      String given = info == null ? null : info.getProperty(p.key());
      DriverPropertyInfo d = new DriverPropertyInfo(p.key(),
          p.isSecret() ? null : (given != null ? given : p.defaultValue()));
      d.description = p.description() + (p.range() == null ? "" : " Range: " + p.range() + ".");
      d.required = false;
      d.choices = p.choices();
      result.add(d);
    }
    return result.toArray(new DriverPropertyInfo[0]);
  }

  @Override public int getMajorVersion() {
    return 0;
  }

  @Override public int getMinorVersion() {
    return 1;
  }

  @Override public boolean jdbcCompliant() {
    return false; // Calcite's SQL is broad, but there are no transactions
  }

  @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("linode-jdbc logs through SLF4J");
  }
}
