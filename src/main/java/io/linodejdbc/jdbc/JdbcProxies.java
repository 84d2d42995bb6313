package io.linodejdbc.jdbc;

import io.linodejdbc.sql.LinodeSql;
import io.linodejdbc.sql.LinodeSql.WriteShape;
import io.linodejdbc.sql.MaxRows;
import io.linodejdbc.sql.SqlState;
import io.linodejdbc.sql.write.Writes;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

  /** Per-statement state: generated keys, the driver's own results, parameters, batches. */
  private static final class StatementState {
    /** Prepared with a RETURNING clause added for generated keys. */
    boolean returnsKeys;
    /**
     * With {@link #returnsKeys}: the statement prepared without RETURNING, which runs the batches
     * (Avatica batches only statements that answer an update count). Parameters go to both.
     */
    @Nullable PreparedStatement twin;
    /** The SQL a prepared statement was prepared with (as the user wrote it). */
    @Nullable String sql;
    @Nullable WriteShape shape;
    @Nullable ResultSet generatedKeys;
    /** The rows behind {@link #generatedKeys}, for a batch that collects them. */
    CachedResultSet.@Nullable Rows keyRows;
    /** True when the last execution's results are the driver's, not Avatica's. */
    boolean ownResult;
    @Nullable ResultSet currentResult;
    long updateCount = -1;
    /** The parameter types ({@link ParameterBinder#parameterTypes}), once asked for. */
    int @Nullable [] parameterTypes;
    boolean parameterTypesRead;
    /** The current parameters as setter calls {@code {name, args}}, by index. */
    final Map<Integer, Object[]> parameters = new TreeMap<>();
    /** Parameter sets of {@code addBatch()}, and statements of {@code addBatch(sql)}. */
    final List<List<Object[]>> batch = new ArrayList<>();
    final List<String> sqlBatch = new ArrayList<>();

    WriteShape shape() {
      if (shape == null) {
        shape = sql == null ? WriteShape.NONE : LinodeSql.writeShape(sql);
      }
      return shape;
    }
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
        if (iface == ResultSet.class) {
          Object value = TemporalValues.read((ResultSet) delegate, name, args);
          if (value != TemporalValues.NOT_HANDLED) {
            return value;
          }
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
        if (iface == PreparedStatement.class && arity == 0
            && (name.equals("executeQuery") || name.equals("execute"))) {
          MaxRows.beforeExecute((Statement) delegate); // setMaxRows stops paging like LIMIT
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
      StatementState created = null;
      if (iface == Connection.class && result instanceof Statement st) {
        created = new StatementState();
        if (args != null && args.length >= 1 && args[0] instanceof String sql) {
          created.sql = sql;
        }
        applyNetworkTimeout(st);
      }
      return wrapResult(proxy, method.getReturnType(), result, created);
    }

    /** setNetworkTimeout: no statement of the connection waits longer for the API. */
    private void applyNetworkTimeout(Statement st) throws SQLException {
      int millis = parents.connection().networkTimeoutMillis();
      if (millis > 0) {
        st.setQueryTimeout(Math.max(1, (millis + 999) / 1000));
      }
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
        List<String> keys = GeneratedKeys.requested(args[1], sql, parents.connection().session());
        String returning = keys == null ? null : LinodeSql.withReturning(sql, keys);
        StatementState s = new StatementState();
        s.sql = sql;
        synchronized (parents.connection()) { // see createsStatements
          if (returning != null) {
            s.returnsKeys = true;
            s.twin = parents.connection().calcite().prepareStatement(sql);
            applyNetworkTimeout(s.twin);
            PreparedStatement ps = parents.connection().calcite().prepareStatement(returning);
            applyNetworkTimeout(ps);
            return wrap(ps, PreparedStatement.class, new Parents(parents.connection(), null), s);
          }
          PreparedStatement ps = parents.connection().calcite().prepareStatement(sql);
          applyNetworkTimeout(ps);
          return wrap(ps, PreparedStatement.class, new Parents(parents.connection(), null), s);
        }
      }
      return LinodeConnection.NOT_HANDLED;
    }

    /**
     * Parameters, generated keys, batches and the result protocol of writes; NOT_HANDLED for
     * what Avatica answers itself.
     */
    private Object statementCall(Object proxy, Method method, Object @Nullable [] args)
        throws SQLException {
      String name = method.getName();
      StatementState s = java.util.Objects.requireNonNull(state);
      int arity = args == null ? 0 : args.length;
      PreparedStatement twin = s.twin;
      if (delegate instanceof PreparedStatement ps && ParameterBinder.isSetter(name, args)) {
        Object[] call = java.util.Objects.requireNonNull(args).clone();
        if (!s.parameterTypesRead) {
          s.parameterTypes = ParameterBinder.parameterTypes(ps);
          s.parameterTypesRead = true;
        }
        ParameterBinder.bind(ps, s.parameterTypes, name, call);
        if (twin != null) {
          ParameterBinder.bind(twin, s.parameterTypes, name, call);
        }
        s.parameters.put((Integer) call[0], new Object[] {name, call});
        return null;
      }
      if (name.startsWith("set") && arity >= 2 && args[0] instanceof Integer index
          && delegate instanceof PreparedStatement) {
        // Other setters (bytes, streams, times) go to Avatica as they are, and to the twin.
        if (twin != null) {
          invokeOn(twin, method, args);
        }
        s.parameters.put(index, new Object[] {"setObject", new Object[] {index, args[1]}});
        return LinodeConnection.NOT_HANDLED;
      }
      switch (name) {
      case "clearParameters":
        s.parameters.clear();
        if (twin != null) {
          twin.clearParameters();
        }
        return LinodeConnection.NOT_HANDLED;
      case "addBatch":
        if (arity == 0) {
          s.batch.add(List.copyOf(s.parameters.values()));
        } else if (args[0] instanceof String sql) {
          s.sqlBatch.add(sql);
        }
        return twin != null ? invokeOn(twin, method, args) : LinodeConnection.NOT_HANDLED;
      case "clearBatch":
        s.batch.clear();
        s.sqlBatch.clear();
        return twin != null ? invokeOn(twin, method, args) : LinodeConnection.NOT_HANDLED;
      case "close":
        if (twin != null) {
          twin.close();
        }
        closeCurrent(s);
        return LinodeConnection.NOT_HANDLED;
      case "getGeneratedKeys":
        return s.generatedKeys != null ? s.generatedKeys : GeneratedKeys.empty((Statement) proxy);
      case "executeBatch":
      case "executeLargeBatch":
        if (replaysBatch(s)) {
          return replayBatch(proxy, name);
        }
        return batch(name);
      case "getUpdateCount":
        return s.ownResult ? (Object) (int) s.updateCount : LinodeConnection.NOT_HANDLED;
      case "getLargeUpdateCount":
        return s.ownResult ? (Object) s.updateCount : LinodeConnection.NOT_HANDLED;
      case "getResultSet":
        return s.ownResult ? s.currentResult : LinodeConnection.NOT_HANDLED;
      case "getMoreResults":
        if (!s.ownResult) {
          return LinodeConnection.NOT_HANDLED;
        }
        if (arity == 0 || (Integer) args[0] != Statement.KEEP_CURRENT_RESULT) {
          closeCurrent(s);
        }
        s.currentResult = null;
        s.updateCount = -1;
        return false;
      default:
        break;
      }
      if (!name.startsWith("execute")) {
        return LinodeConnection.NOT_HANDLED;
      }
      String sql;
      List<String> keys = null;
      boolean prepared = delegate instanceof PreparedStatement && arity == 0;
      if (prepared) {
        sql = s.sql;
      } else if (arity >= 1 && args[0] instanceof String text) {
        sql = text;
        keys = arity == 2 ? GeneratedKeys.requested(args[1], text, parents.connection().session()) : null;
      } else {
        return LinodeConnection.NOT_HANDLED;
      }
      if (sql == null) {
        return LinodeConnection.NOT_HANDLED;
      }
      return execute(proxy, name, sql, prepared, keys, !prepared && arity == 2,
          prepared ? List.copyOf(s.parameters.values()) : List.of());
    }

    /** Whether a batch runs statement by statement here rather than in Avatica. */
    private boolean replaysBatch(StatementState s) {
      LinodeConnection owner = parents.connection();
      boolean returning = delegate instanceof PreparedStatement && !s.returnsKeys
          && s.shape() == WriteShape.RETURNING;
      return owner.inTransaction() || owner.writes().dryRun() || returning;
    }

    /**
     * One execution. Writes with rows to show (RETURNING, the requests of a dry run, generated
     * keys) are read into memory at once, so that their rows (a new token's one-time secret)
     * stay available through getResultSet() and getGeneratedKeys() whichever execute method ran
     * them, and the update count is the exact number of rows. In a transaction a write is only
     * checked and queued ({@link PendingWrites}).
     */
    private Object execute(Object proxy, String name, String sql, boolean prepared,
        @Nullable List<String> keys, boolean keysArgument, List<Object[]> parameters)
        throws SQLException {
      StatementState s = java.util.Objects.requireNonNull(state);
      LinodeConnection owner = parents.connection();
      closeCurrent(s);
      s.ownResult = false;
      s.generatedKeys = null;
      s.keyRows = null;
      s.currentResult = null;
      s.updateCount = -1;
      WriteShape shape = prepared ? s.shape() : LinodeSql.writeShape(sql);
      Statement statement = (Statement) delegate;
      boolean keyed = prepared ? s.returnsKeys : keys != null && shape == WriteShape.COUNT;
      boolean dryRun = owner.writes().dryRun();
      if (shape == WriteShape.NONE
          || shape == WriteShape.COUNT && !keyed && !dryRun && !owner.inTransaction()) {
        if (keysArgument) {
          // Nothing is generated (Avatica has no execute(sql, keys)): run it plainly.
          return switch (name) {
            case "execute" -> statement.execute(sql);
            case "executeLargeUpdate" -> statement.executeLargeUpdate(sql);
            default -> statement.executeUpdate(sql);
          };
        }
        return LinodeConnection.NOT_HANDLED; // Avatica's own results are right
      }
      if (owner.inTransaction()) {
        if (shape == WriteShape.RETURNING || keyed) {
          throw new SQLException("RETURNING and generated keys need the API's answer, which a"
              + " write in a transaction gets only at commit(): run this statement with"
              + " auto-commit on.", SqlState.INVALID_TRANSACTION_STATE.code());
        }
        if (name.equals("executeQuery")) {
          throw new SQLException("executeQuery needs rows, and this write answers an update"
              + " count: use executeUpdate", SqlState.INVALID_TRANSACTION_STATE.code());
        }
        long count = owner.pending().add(sql, parameters);
        s.ownResult = true;
        s.updateCount = count;
        return countResult(name, count, false);
      }
      String run = !prepared && keyed ? LinodeSql.withReturning(sql, keys) : sql;
      CachedResultSet.Rows rows;
      try (ResultSet rs = prepared ? ((PreparedStatement) delegate).executeQuery()
          : statement.executeQuery(run)) {
        rows = CachedResultSet.read(rs);
      }
      long count = rows.rows().size();
      s.ownResult = true;
      if (!dryRun) {
        s.generatedKeys = CachedResultSet.of(rows.metaData(), rows.rows(), (Statement) proxy);
        s.keyRows = rows;
      }
      boolean shown = dryRun || shape == WriteShape.RETURNING;
      if (shown) {
        s.currentResult = CachedResultSet.of(rows.metaData(), rows.rows(), (Statement) proxy);
      }
      if (name.equals("executeQuery")) {
        return s.currentResult;
      }
      s.updateCount = name.equals("execute") && shown ? -1 : count;
      return countResult(name, count, shown);
    }

    private static Object countResult(String name, long count, boolean rows) {
      return switch (name) {
        case "execute" -> rows;
        case "executeLargeUpdate" -> count;
        default -> (int) count;
      };
    }

    private static void closeCurrent(StatementState s) throws SQLException {
      if (s.currentResult != null) {
        s.currentResult.close();
      }
    }

    private static @Nullable Object invokeOn(Object target, Method method,
        Object @Nullable [] args) throws SQLException {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw SqlErrors.translate(e.getCause());
      } catch (IllegalAccessException e) {
        throw new SQLException("cannot call " + method.getName(), SqlState.GENERAL_ERROR.code(),
            e);
      }
    }

    /**
     * A batch run here, statement by statement (in a transaction, on a dry run, with
     * RETURNING): each one's count is exact; a failure says which ones completed.
     */
    private Object replayBatch(Object proxy, String name) throws SQLException {
      StatementState s = java.util.Objects.requireNonNull(state);
      boolean prepared = delegate instanceof PreparedStatement;
      List<List<Object[]>> sets = List.copyOf(s.batch);
      List<String> statements = List.copyOf(s.sqlBatch);
      s.batch.clear();
      s.sqlBatch.clear();
      ((Statement) delegate).clearBatch();
      if (s.twin != null) {
        s.twin.clearBatch();
      }
      List<Long> counts = new ArrayList<>();
      List<Object[]> keyRows = new ArrayList<>();
      CachedResultSet.Rows last = null;
      int n = prepared ? sets.size() : statements.size();
      try {
        for (int i = 0; i < n; i++) {
          Object r;
          if (prepared) {
            PreparedStatement ps = (PreparedStatement) delegate;
            ps.clearParameters();
            for (Object[] call : sets.get(i)) {
              ParameterBinder.bind(ps, s.parameterTypes, (String) call[0], (Object[]) call[1]);
            }
            r = execute(proxy, "executeLargeUpdate", java.util.Objects.requireNonNull(s.sql),
                true, null, false, sets.get(i));
          } else {
            r = execute(proxy, "executeLargeUpdate", statements.get(i), false, null, false,
                List.of());
          }
          if (!(r instanceof Long count)) {
            throw new SQLException("A batch holds writes only; statement " + (i + 1) + " is none",
                SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION.code());
          }
          counts.add(count);
          if (s.keyRows != null) {
            keyRows.addAll(s.keyRows.rows());
            last = s.keyRows;
          }
        }
      } catch (SQLException | RuntimeException e) {
        SQLException cause = SqlErrors.translate(e);
        throw new BatchUpdateException("Batch stopped after " + counts.size()
            + " statement(s) completed: " + cause.getMessage(), cause.getSQLState(),
            cause.getErrorCode(), counts.stream().mapToLong(Long::longValue).toArray(), cause);
      }
      s.generatedKeys = last == null ? null
          : CachedResultSet.of(last.metaData(), keyRows, (Statement) proxy);
      s.currentResult = null;
      s.updateCount = -1;
      if (name.equals("executeBatch")) {
        return counts.stream().mapToInt(Long::intValue).toArray();
      }
      return counts.stream().mapToLong(Long::longValue).toArray();
    }

    /** Runs the batch; a failure says how many statements were applied before it. */
    private Object batch(String name) throws SQLException {
      Statement target = state != null && state.twin != null ? state.twin : (Statement) delegate;
      if (state != null) {
        state.batch.clear();
        state.sqlBatch.clear();
      }
      try (var progress = Writes.recordProgress()) {
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
