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
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The driver the shell hands to sqlline: {@link LinodeDriver}, with every connection wrapped by
 * {@link ShellConnection} so that results print whole and the same in every output format.
 *
 * <p>Why a driver: sqlline opens its connection itself, through {@link DriverManager}, from the
 * {@code -d}/{@code -u} it is given. Loading this class takes the place of the plain driver in
 * {@link DriverManager} for this process (the shell's own), so {@code jdbc:linode:} URLs,
 * including a {@code !connect} typed at the prompt, reach the wrapped one.
 */
public final class ShellDriver implements Driver {
  private static volatile Supplier<String> outputFormat = () -> "table";

  static {
    try {
      // Loads the service-registered drivers first, so that none is registered after us.
      for (Driver d : Collections.list(DriverManager.getDrivers())) {
        if (d instanceof LinodeDriver) {
          DriverManager.deregisterDriver(d);
        }
      }
      DriverManager.registerDriver(new ShellDriver());
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final LinodeDriver delegate = new LinodeDriver();

  /** Tells the display layer which sqlline output format is in use (read per result set). */
  static void outputFormat(Supplier<String> current) {
    outputFormat = current;
  }

  @Override public @Nullable Connection connect(String url, Properties info) throws SQLException {
    Connection c = delegate.connect(url, info);
    return c == null ? null : ShellConnection.wrap(c, outputFormat);
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
