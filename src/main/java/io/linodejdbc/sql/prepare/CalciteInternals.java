package io.linodejdbc.sql.prepare;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.server.CalciteServer;
import org.apache.calcite.server.CalciteServerStatement;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where the driver reaches into Calcite's internals, because Calcite has no
 * extension point for what it needs. Both uses touch the connection's
 * {@link CalciteServer}, the package-private, final {@code CalciteConnectionImpl.server}, which
 * Calcite creates inline (no factory, driver or handler hook can supply another):
 * <ul>
 *   <li>{@link #makeStatementRegistryConcurrent}: the server keeps the connection's statements
 *       in a plain {@code HashMap} ({@code CalciteServerImpl.statementMap}); statements created,
 *       run and closed on one connection from several threads corrupt it ("no statement"
 *       failures under load), and JDBC connections are shared across threads by pools and
 *       applications;
 *   <li>{@link #serverStatement}: a prepared statement's server-side statement, whose signature
 *       {@link MaxRows} replaces when {@code setMaxRows} changes ({@code Meta.execute} passes no
 *       max rows; Calcite only cuts the finished result).
 * </ul>
 * Written against {@link #WRITTEN_FOR}. If an upgrade moves either field, the driver carries on
 * as plain Calcite would (a warning in the log), and {@code CalciteInternalsTest} fails, naming
 * the versions.
 */
public final class CalciteInternals {
  private static final Logger LOG = LoggerFactory.getLogger(CalciteInternals.class);

  /** The Calcite and Avatica versions whose internals this class knows. */
  public static final String WRITTEN_FOR = "calcite-core 1.42.0, avatica-core 1.28.0";

  private static final AtomicBoolean WARNED = new AtomicBoolean();
  private static volatile @Nullable Field serverField;

  private CalciteInternals() {}

  /**
   * Replaces the connection's statement registry by a concurrent one; false (and a warning,
   * once) if Calcite's internals moved.
   */
  static boolean makeStatementRegistryConcurrent(AvaticaConnection connection) {
    try {
      Object server = server(connection);
      Field mapField = field(server.getClass(), "statementMap");
      @SuppressWarnings("unchecked")
      Map<Object, Object> current = (Map<Object, Object>) mapField.get(server);
      if (!(current instanceof ConcurrentHashMap)) {
        mapField.set(server, new ConcurrentHashMap<>(current));
      }
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      moved("statement map (statements used from several threads may fail)", e);
      return false;
    }
  }

  /** Calcite's server-side statement of a handle; null if Calcite's internals moved. */
  static @Nullable CalciteServerStatement serverStatement(java.sql.Connection connection,
      Meta.StatementHandle handle) {
    try {
      return ((CalciteServer) server(connection)).getStatement(handle);
    } catch (ReflectiveOperationException | RuntimeException e) {
      moved("server statement (setMaxRows on a prepared statement only cuts the result)", e);
      return null;
    } catch (NoSuchStatementException e) {
      return null;
    }
  }

  private static Object server(Object connection) throws ReflectiveOperationException {
    Field f = serverField;
    if (f == null) {
      f = field(connection.getClass(), "server");
      serverField = f;
    }
    return f.get(connection);
  }

  private static void moved(String what, Exception e) {
    if (WARNED.compareAndSet(false, true)) {
      LOG.warn("Calcite's internals moved ({} known): cannot reach its {}: {}", WRITTEN_FOR, what,
          e.toString());
    }
  }

  private static Field field(Class<?> type, String name) throws NoSuchFieldException {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f;
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    throw new NoSuchFieldException(type.getName() + "." + name);
  }
}
