package io.linodejdbc.sql;

import java.lang.reflect.Field;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.CalciteFactory;
import org.apache.calcite.jdbc.Driver;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the Calcite connections the Linode driver runs on. It is never registered with
 * {@link java.sql.DriverManager}; the JDBC driver of the project is
 * {@code io.linodejdbc.jdbc.LinodeDriver}.
 *
 * <p>Two things differ from a plain Calcite connection:
 * <ul>
 *   <li>statements are prepared by {@link LinodePrepare};
 *   <li>character literals default to UTF-8. Calcite's default is ISO-8859-1, in which
 *       {@code WHERE label = '日本'} cannot even be written; its only other switch is a JVM-wide
 *       system property read once, which a driver must not depend on or impose;
 *   <li>literals of different lengths meeting in VALUES, UNION or CASE become VARCHAR rather
 *       than CHAR padded with spaces: {@code VALUES ('a'), ('bb')} inserts the label {@code 'a'},
 *       as PostgreSQL or H2 would.
 * </ul>
 */
public final class LinodeCalciteDriver extends Driver {
  private static final Logger LOG = LoggerFactory.getLogger(LinodeCalciteDriver.class);

  public LinodeCalciteDriver() {
    super(LinodePrepare::new);
  }

  /** A new Calcite connection with the given Calcite connection properties. */
  public CalciteConnection open(Properties calciteProperties) throws SQLException {
    JavaTypeFactory typeFactory = new Utf8TypeFactory();
    AvaticaConnection connection = ((CalciteFactory) factory)
        .newConnection(this, factory, getConnectStringPrefix(), calciteProperties, null,
            typeFactory);
    handler.onConnectionInit(connection);
    makeStatementRegistryConcurrent(connection);
    return (CalciteConnection) connection;
  }

  /**
   * Calcite keeps a connection's statements in a plain {@code HashMap}
   * ({@code CalciteConnectionImpl.server.statementMap}); statements created, run and closed on
   * one connection from several threads corrupt it ("no statement" failures under load). JDBC
   * connections are shared across threads by pools and applications, so the map is replaced by a
   * concurrent one. Reflection is the only way in; if a Calcite upgrade moves the field, the
   * driver logs it and carries on as before.
   */
  private static void makeStatementRegistryConcurrent(AvaticaConnection connection) {
    try {
      Field serverField = findField(connection.getClass(), "server");
      Object server = serverField.get(connection);
      Field mapField = findField(server.getClass(), "statementMap");
      @SuppressWarnings("unchecked")
      Map<Object, Object> current = (Map<Object, Object>) mapField.get(server);
      if (!(current instanceof ConcurrentHashMap)) {
        mapField.set(server, new ConcurrentHashMap<>(current));
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.debug("cannot make Calcite's statement map concurrent: {}", e.toString());
    }
  }

  private static Field findField(Class<?> type, String name) throws NoSuchFieldException {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f;
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    throw new NoSuchFieldException(name);
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
