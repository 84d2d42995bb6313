package io.linodejdbc.sql.prepare;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.CalciteFactory;
import org.apache.calcite.jdbc.Driver;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;

/**
 * Opens the Calcite connections the Linode driver runs on. It is never registered with
 * {@link java.sql.DriverManager}; the project's JDBC driver, one layer up, opens them.
 *
 * <p>What differs from a plain Calcite connection:
 * <ul>
 *   <li>statements are prepared by {@link LinodePrepare};
 *   <li>character literals default to UTF-8. Calcite's default is ISO-8859-1, in which
 *       {@code WHERE label = '日本'} cannot even be written; its only other switch is a JVM-wide
 *       system property read once, which a driver must not depend on or impose;
 *   <li>literals of different lengths meeting in VALUES, UNION or CASE become VARCHAR rather
 *       than CHAR padded with spaces: {@code VALUES ('a'), ('bb')} inserts the label {@code 'a'},
 *       as PostgreSQL or H2 would;
 *   <li>its statement registry is safe for several threads
 *       ({@link CalciteInternals#makeStatementRegistryConcurrent}).
 * </ul>
 */
public final class LinodeCalciteDriver extends Driver {
  public LinodeCalciteDriver() {
    super(LinodePrepare::new);
  }

  /**
   * A new Calcite connection with the given Calcite connection properties. It is opened as
   * Calcite's own {@code Driver.connect} opens one, through the factory and handler the driver
   * holds for its subclasses, because only the factory takes a type factory (see
   * {@link Utf8TypeFactory}): no connection property sets the default character set.
   */
  public CalciteConnection open(Properties calciteProperties) throws SQLException {
    JavaTypeFactory typeFactory = new Utf8TypeFactory();
    AvaticaConnection connection = ((CalciteFactory) factory)
        .newConnection(this, factory, getConnectStringPrefix(), calciteProperties, null,
            typeFactory);
    handler.onConnectionInit(connection);
    CalciteInternals.makeStatementRegistryConcurrent(connection);
    return (CalciteConnection) connection;
  }

  /** Calcite's Java type factory with UTF-8 as the default character set. */
  static final class Utf8TypeFactory extends JavaTypeFactoryImpl {
    Utf8TypeFactory() {
      super(new RelDataTypeSystemImpl() {
        @Override public boolean shouldConvertRaggedUnionTypesToVarying() {
          return true;
        }
      });
    }

    @Override public Charset getDefaultCharset() {
      return StandardCharsets.UTF_8;
    }
  }
}
