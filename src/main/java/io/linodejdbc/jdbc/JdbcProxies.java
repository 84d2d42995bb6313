package io.linodejdbc.jdbc;

import io.linodejdbc.sql.LinodeSql;
import io.linodejdbc.sql.SqlState;
import io.linodejdbc.sql.WriteProgress;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.BatchUpdateException;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Wraps the JDBC objects of the Calcite connection so that every failure leaves as a proper
 * {@link java.sql.SQLException} ({@link SqlErrors}), every object points back to the wrappers
 * ({@code getConnection()}, {@code getStatement()}), and the JDBC features Calcite lacks are
 * there: generated keys ({@link GeneratedKeys}), batch failures that say what was applied
 * ({@link BatchUpdateException}), {@code getObject(i, LocalDateTime.class)}.
 *
 * <p>Dynamic proxies keep this to one class instead of thousands of delegating lines; the
 * reflective call costs well under a microsecond per JDBC call.
 */
final class JdbcProxies {
  private JdbcProxies() {}

  /** What a wrapped object needs to know about its parents. */
  private record Parents(LinodeConnection connection, @Nullable Object statement) {}

  /** Per-statement state for generated keys. */
  private static final class StatementState {
    /** Prepared with a RETURNING clause added for generated keys. */
    boolean returnsKeys;
    /**
     * With {@link #returnsKeys}: the statement prepared without RETURNING, which runs the batches
     * (Avatica batches only statements that answer an update count). Parameters go to both.
     */
    @Nullable PreparedStatement twin;
    @Nullable ResultSet generatedKeys;
    /** Update count of the last execute() that ran through the generated-keys path, or -1. */
    long keysUpdateCount = -1;
  }

  static Connection connection(LinodeConnection owner) {
    return (Connection) wrap(owner.calcite(), Connection.class, new Parents(owner, null), null);
  }

  private static Object wrap(Object delegate, Class<?> iface, Parents parents,
      @Nullable StatementState state) {
    return Proxy.newProxyInstance(JdbcProxies.class.getClassLoader(), new Class<?>[] {iface},
        new Handler(delegate, iface, parents, state));
  }

  private static final class Handler implements InvocationHandler {
    private final Object delegate;
    private final Class<?> iface;
    private final Parents parents;
    private final @Nullable StatementState state;

    Handler(Object delegate, Class<?> iface, Parents parents, @Nullable StatementState state) {
      this.delegate = delegate;
      this.iface = iface;
      this.parents = parents;
      this.state = state;
    }

    @Override public @Nullable Object invoke(Object proxy, Method method, Object @Nullable [] args)
        throws Throwable {
      String name = method.getName();
      int arity = args == null ? 0 : args.length;
      switch (name) {
      case "equals":
        if (arity == 1) {
          return proxy == args[0];
        }
        break;
      case "hashCode":
        if (arity == 0) {
          return System.identityHashCode(proxy);
        }
        break;
      case "toString":
        if (arity == 0) {
          return "linode-jdbc " + iface.getSimpleName() + "@"
              + Integer.toHexString(System.identityHashCode(proxy));
        }
        break;
      case "isWrapperFor":
        if (((Class<?>) args[0]).isInstance(proxy)) {
          return true;
        }
        break;
      case "unwrap":
        if (((Class<?>) args[0]).isInstance(proxy)) {
          return proxy;
        }
        break;
      case "getConnection":
        if (arity == 0 && iface != Connection.class) {
          return parents.connection().proxy();
        }
        break;
      case "getStatement":
        if (arity == 0 && iface == ResultSet.class && parents.statement() != null) {
          return parents.statement();
        }
        break;
      default:
        break;
      }
      try {
        if (iface == ResultSet.class && name.equals("getObject") && arity == 2
            && args[1] instanceof Class<?> type && JavaTimeValues.handles(type)) {
          return JavaTimeValues.read((ResultSet) delegate, args[0], type);
        }
        if (iface == Connection.class) {
          Object handled = connectionCall(method, args);
          if (handled != LinodeConnection.NOT_HANDLED) {
            return handled;
          }
        }
        if (iface == DatabaseMetaData.class) {
          Object handled = MetaDataOverrides.intercept(parents.connection(),
              (DatabaseMetaData) delegate, (DatabaseMetaData) proxy, method, args);
          if (handled != LinodeConnection.NOT_HANDLED) {
            return handled;
          }
        }
        if (state != null) {
          Object handled = statementCall(proxy, method, args);
          if (handled != LinodeConnection.NOT_HANDLED) {
            return handled;
          }
        }
      } catch (SQLException | RuntimeException e) {
        throw SqlErrors.translate(e);
      }
      Object result;
      if (createsStatements(name)) {
        // Avatica numbers statements with a plain int++ (AvaticaConnection.statementCount):
        // statements created concurrently on one connection would share an id.
        synchronized (parents.connection()) {
          result = invokeOn(delegate, method, args);
        }
      } else {
        result = invokeOn(delegate, method, args);
      }
      return wrapResult(proxy, method.getReturnType(), result, null);
    }

    /** Calls that make Calcite create a statement (metadata calls run one internally). */
    private boolean createsStatements(String name) {
      return iface == DatabaseMetaData.class
          || iface == Connection.class && (name.equals("createStatement")
              || name.equals("prepareStatement") || name.equals("prepareCall"));
    }

    private Object connectionCall(Method method, Object @Nullable [] args) throws SQLException {
      Object handled = parents.connection().intercept(method, args);
      if (handled != LinodeConnection.NOT_HANDLED) {
        return handled;
      }
      // prepareStatement(sql, keys): prepare it with a RETURNING clause.
      if (method.getName().equals("prepareStatement") && args != null && args.length == 2
          && args[0] instanceof String sql) {
        List<String> keys = GeneratedKeys.requested(args[1]);
        String returning = keys == null ? null : LinodeSql.withReturning(sql, keys);
        StatementState s = new StatementState();
        synchronized (parents.connection()) { // see createsStatements
          if (returning != null) {
            s.returnsKeys = true;
            s.twin = parents.connection().calcite().prepareStatement(sql);
            PreparedStatement ps = parents.connection().calcite().prepareStatement(returning);
            return wrap(ps, PreparedStatement.class, new Parents(parents.connection(), null), s);
          }
          PreparedStatement ps = parents.connection().calcite().prepareStatement(sql);
          return wrap(ps, PreparedStatement.class, new Parents(parents.connection(), null), s);
        }
      }
      return LinodeConnection.NOT_HANDLED;
    }

    /** Generated keys and batches; NOT_HANDLED for everything else. */
    private Object statementCall(Object proxy, Method method, Object @Nullable [] args)
        throws SQLException {
      String name = method.getName();
      StatementState s = java.util.Objects.requireNonNull(state);
      int arity = args == null ? 0 : args.length;
      PreparedStatement twin = s.twin;
      if (twin != null) {
        if (name.startsWith("set") && arity >= 2 || name.equals("clearParameters")) {
          invokeOn(twin, method, args); // parameters to both; the keyed one answers below
          return LinodeConnection.NOT_HANDLED;
        }
        if (name.equals("addBatch") || name.equals("clearBatch")) {
          return invokeOn(twin, method, args);
        }
        if (name.equals("close")) {
          twin.close();
          return LinodeConnection.NOT_HANDLED;
        }
      }
      switch (name) {
      case "getGeneratedKeys":
        return s.generatedKeys != null ? s.generatedKeys : GeneratedKeys.empty((Statement) proxy);
      case "executeBatch":
      case "executeLargeBatch":
        return batch(name);
      case "getUpdateCount":
        return s.keysUpdateCount >= 0 ? (int) s.keysUpdateCount : LinodeConnection.NOT_HANDLED;
      case "getLargeUpdateCount":
        return s.keysUpdateCount >= 0 ? s.keysUpdateCount : LinodeConnection.NOT_HANDLED;
      case "getResultSet":
        return s.keysUpdateCount >= 0 ? null : LinodeConnection.NOT_HANDLED;
      default:
        break;
      }
      if (!name.startsWith("execute")) {
        return LinodeConnection.NOT_HANDLED;
      }
      s.keysUpdateCount = -1;
      s.generatedKeys = null;
      if (iface == PreparedStatement.class && arity == 0) {
        if (!s.returnsKeys) {
          return LinodeConnection.NOT_HANDLED;
        }
        long count = runForKeys(proxy, ((PreparedStatement) delegate).executeQuery());
        return result(name, count);
      }
      if (arity == 2 && args[0] instanceof String sql) {
        List<String> keys = GeneratedKeys.requested(args[1]);
        String returning = keys == null ? null : LinodeSql.withReturning(sql, keys);
        Statement statement = (Statement) delegate;
        if (returning == null) {
          // Nothing is generated: run it plainly.
          return switch (name) {
            case "execute" -> statement.execute(sql);
            case "executeLargeUpdate" -> statement.executeLargeUpdate(sql);
            default -> statement.executeUpdate(sql);
          };
        }
        long count = runForKeys(proxy, statement.executeQuery(returning));
        return result(name, count);
      }
      return LinodeConnection.NOT_HANDLED;
    }

    private long runForKeys(Object proxy, ResultSet rs) throws SQLException {
      StatementState s = java.util.Objects.requireNonNull(state);
      CachedResultSet.Rows rows;
      try (ResultSet r = rs) {
        rows = CachedResultSet.read(r);
      }
      s.generatedKeys = CachedResultSet.of(rows.metaData(), rows.rows(), (Statement) proxy);
      return rows.rows().size();
    }

    private Object result(String name, long count) {
      StatementState s = java.util.Objects.requireNonNull(state);
      s.keysUpdateCount = count;
      return switch (name) {
        case "execute" -> false;
        case "executeLargeUpdate" -> count;
        default -> (int) count;
      };
    }

    private static @Nullable Object invokeOn(Object target, Method method,
        Object @Nullable [] args) throws SQLException {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw SqlErrors.translate(e.getCause());
      } catch (IllegalAccessException e) {
        throw new SQLException("cannot call " + method.getName(), SqlState.GENERAL_ERROR.code(), e);
      }
    }

    /** Runs the batch; a failure says how many statements were applied before it. */
    private Object batch(String name) throws SQLException {
      Statement target = state != null && state.twin != null ? state.twin : (Statement) delegate;
      try (WriteProgress progress = WriteProgress.start()) {
        try {
          return name.equals("executeBatch") ? target.executeBatch()
              : target.executeLargeBatch();
        } catch (SQLException | RuntimeException e) {
          SQLException cause = SqlErrors.translate(e);
          List<Long> done = progress.counts();
          long[] counts = done.stream().mapToLong(Long::longValue).toArray();
          BatchUpdateException b = new BatchUpdateException("Batch stopped after " + done.size()
              + " statement(s) were applied: " + cause.getMessage(), cause.getSQLState(),
              cause.getErrorCode(), counts, cause);
          throw b;
        }
      }
    }

    private @Nullable Object wrapResult(Object proxy, Class<?> type, @Nullable Object result,
        @Nullable StatementState newState) {
      if (result == null) {
        return null;
      }
      if (type == Statement.class || type == PreparedStatement.class
          || type == CallableStatement.class) {
        return wrap(result, type, new Parents(parents.connection(), null),
            newState != null ? newState : new StatementState());
      }
      if (type == ResultSet.class) {
        Object statement = iface == ResultSet.class ? parents.statement()
            : (Statement.class.isAssignableFrom(iface) ? proxy : null);
        return wrap(result, ResultSet.class, new Parents(parents.connection(), statement), null);
      }
      if (type == DatabaseMetaData.class) {
        return wrap(result, DatabaseMetaData.class, new Parents(parents.connection(), null),
            null);
      }
      return result;
    }
  }
}
