package io.linodejdbc.jdbc;

import java.lang.reflect.Method;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@link DatabaseMetaData} answers that differ from Calcite's: what SQL clients (DBeaver,
 * SchemaCrawler, BI tools) read when they browse the driver.
 */
final class MetaDataOverrides {
  private MetaDataOverrides() {}

  /**
   * The answer to {@code method(args)} on the connection's metadata, or
   * {@link LinodeConnection#NOT_HANDLED} to use Calcite's.
   */
  static @Nullable Object intercept(LinodeConnection connection, DatabaseMetaData calcite,
      DatabaseMetaData proxy, Method method, Object @Nullable [] args) throws SQLException {
    return LinodeConnection.NOT_HANDLED;
  }
}
