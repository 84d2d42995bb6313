package io.linodejdbc.jdbc;

import static io.linodejdbc.jdbc.MethodTable.params;

import io.linodejdbc.sql.prepare.DialectSettings;
import io.linodejdbc.sql.prepare.DialectSettings.WriteShape;
import io.linodejdbc.sql.prepare.MaxRows;
import io.linodejdbc.sql.SqlState;
import io.linodejdbc.sql.prepare.StatementCancel;
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
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.NoSuchStatementException;
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
    /**
     * Prepared with a RETURNING clause added for generated keys. Its batches run here, one
     * execution of that same plan per parameter set (Avatica batches only statements that answer
     * an update count), and collect the keys of every row.
     */
    boolean returnsKeys;
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
        shape = sql == null ? WriteShape.NONE : DialectSettings.writeShape(sql);
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

  /** How a statement's result is asked for: the JDBC execute method that was called. */
  private enum Execution {
    EXECUTE, QUERY, UPDATE, LARGE_UPDATE;

    /** The answer of this method for a write of {@code count} rows. */
    Object countResult(long count, boolean rows) {
      return switch (this) {
        case EXECUTE -> rows;
        case LARGE_UPDATE -> count;
        default -> (int) count;
      };
    }
  }

  /**
   * One call on a wrapper: what the overriding handler may read (typed arguments, the driver
   * connection, the wrapped object and the statement's state) and {@link #proceed()}, the
   * wrapped object's own answer.
   */
  static final class Call {
    private final Handler handler;
    private final Object proxy;
    private final Method method;
    private final Object @Nullable [] args;

    private Call(Handler handler, Object proxy, Method method, Object @Nullable [] args) {
      this.handler = handler;
      this.proxy = proxy;
      this.method = method;
      this.args = args;
    }

    LinodeConnection connection() {
      return handler.parents.connection();
    }

    Object proxy() {
      return proxy;
    }

    Object delegate() {
      return handler.delegate;
    }

    /**
     * Argument {@code index}, of the type the overridden method declares there (boxed for a
     * primitive); the table's key guarantees it.
     */
    <T> @Nullable T arg(int index, Class<T> type) {
      return type.cast(java.util.Objects.requireNonNull(args)[index]);
    }

    /** The wrapped object's own answer, wrapped in turn where it is a JDBC object. */
    @Nullable Object proceed() throws SQLException {
      return handler.proceed(proxy, method, args);
    }

    /**
     * The {@link java.sql.Types} code of a column of the wrapped result set, read from its
     * metadata once per result set.
     */
    int columnType(int column) throws SQLException {
      return handler.columnType((ResultSet) handler.delegate, column);
    }

    private StatementState statement() {
      return java.util.Objects.requireNonNull(handler.state);
    }

    private Handler handler() {
      return handler;
    }
  }

  // ---------------------------------------------------------------------------------------
  // The tables

  /** What every wrapper answers itself: identity, and unwrap to the wrapper. */
  private static final MethodTable COMMON = MethodTable.of(java.sql.Wrapper.class)
      .on("equals", params(Object.class), c -> c.proxy() == c.arg(0, Object.class))
      .on("hashCode", c -> System.identityHashCode(c.proxy()))
      .on("toString", c -> "linode-jdbc " + c.handler().iface.getSimpleName() + "@"
          + Integer.toHexString(System.identityHashCode(c.proxy())))
      .on("isWrapperFor", params(Class.class),
          c -> isInstance(c) ? (Object) true : c.proceed())
      .on("unwrap", params(Class.class), c -> isInstance(c) ? c.proxy() : c.proceed())
      .build();

  private static boolean isInstance(Call c) {
    Class<?> type = c.arg(0, Class.class);
    return type != null && type.isInstance(c.proxy());
  }

  private static final MethodTable CONNECTION = MethodTable.of(Connection.class)
      .include(COMMON)
      .include(LinodeConnection.OVERRIDES)
      // prepareStatement(sql, keys): prepare it with a RETURNING clause.
      .on("prepareStatement", params(String.class, int.class), JdbcProxies::prepareWithKeys)
      .on("prepareStatement", params(String.class, int[].class), JdbcProxies::prepareWithKeys)
      .on("prepareStatement", params(String.class, String[].class),
          JdbcProxies::prepareWithKeys)
      .build();

  private static final MethodTable METADATA = MethodTable.of(DatabaseMetaData.class)
      .include(COMMON)
      .include(MetaDataOverrides.OVERRIDES)
      .on("getConnection", c -> c.connection().proxy())
      .build();

  private static final MethodTable RESULT_SET = MethodTable.of(ResultSet.class)
      .include(COMMON)
      .include(TemporalValues.OVERRIDES)
      .on("getStatement", c -> c.handler().parents.statement() != null
          ? c.handler().parents.statement() : c.proceed())
      .build();

  /**
   * Generated keys, batches and the result protocol of writes; the parameters of prepared
   * statements.
   */
  private static final MethodTable STATEMENT = statementTable(Statement.class);
  private static final MethodTable PREPARED = statementTable(PreparedStatement.class);
  private static final MethodTable CALLABLE = statementTable(CallableStatement.class);

  private static MethodTable statementTable(Class<? extends Statement> iface) {
    MethodTable.Builder b = MethodTable.of(iface).include(COMMON)
        .on("getConnection", c -> c.connection().proxy())
        .on("close", JdbcProxies::close)
        .on("cancel", JdbcProxies::cancel)
        .on("addBatch", params(String.class), c -> {
          c.statement().sqlBatch.add(c.arg(0, String.class));
          return c.proceed();
        })
        .on("clearBatch", JdbcProxies::clearBatch)
        .on("getGeneratedKeys", c -> c.statement().generatedKeys != null
            ? c.statement().generatedKeys : GeneratedKeys.empty((Statement) c.proxy()))
        .on("executeBatch", c -> c.handler().executeBatch(c, false))
        .on("executeLargeBatch", c -> c.handler().executeBatch(c, true))
        .on("getUpdateCount", c -> c.statement().ownResult
            ? (Object) (int) c.statement().updateCount : c.proceed())
        .on("getLargeUpdateCount", c -> c.statement().ownResult
            ? (Object) c.statement().updateCount : c.proceed())
        .on("getResultSet", c -> c.statement().ownResult
            ? c.statement().currentResult : c.proceed())
        .on("getMoreResults", c -> moreResults(c, Statement.CLOSE_CURRENT_RESULT))
        .on("getMoreResults", params(int.class), c -> moreResults(c, c.arg(0, Integer.class)));
    for (Execution e : Execution.values()) {
      String name = switch (e) {
        case EXECUTE -> "execute";
        case QUERY -> "executeQuery";
        case UPDATE -> "executeUpdate";
        case LARGE_UPDATE -> "executeLargeUpdate";
      };
      b.on(name, params(String.class), c -> c.handler().executeText(c, e, null, false));
      if (e != Execution.QUERY) {
        for (Class<?> keys : List.of(int.class, int[].class, String[].class)) {
          b.on(name, params(String.class, keys),
              c -> c.handler().executeText(c, e, c.arg(1, Object.class), true));
        }
      }
      if (PreparedStatement.class.isAssignableFrom(iface)) {
        b.on(name, c -> c.handler().executePrepared(c, e));
      }
    }
    if (PreparedStatement.class.isAssignableFrom(iface)) {
      b.onEach(ParameterBinder::isSetter, JdbcProxies::bindParameter)
          .onEach(m -> m.getName().startsWith("set") && m.getParameterCount() >= 2
              && m.getParameterTypes()[0] == int.class && !ParameterBinder.isSetter(m),
              JdbcProxies::otherSetter)
          .on("clearParameters", c -> {
            c.statement().parameters.clear();
            return c.proceed();
          })
          .on("addBatch", c -> {
            StatementState s = c.statement();
            s.batch.add(List.copyOf(s.parameters.values()));
            return c.proceed();
          });
    }
    return b.build();
  }

  private static MethodTable table(Class<?> iface) {
    if (iface == Connection.class) {
      return CONNECTION;
    } else if (iface == DatabaseMetaData.class) {
      return METADATA;
    } else if (iface == ResultSet.class) {
      return RESULT_SET;
    } else if (iface == CallableStatement.class) {
      return CALLABLE;
    } else if (iface == PreparedStatement.class) {
      return PREPARED;
    } else if (iface == Statement.class) {
      return STATEMENT;
    }
    return COMMON;
  }

  // ---------------------------------------------------------------------------------------
  // Handlers

  private static @Nullable Object prepareWithKeys(Call c) throws SQLException {
    String sql = c.arg(0, String.class);
    LinodeConnection owner = c.connection();
    List<String> keys = GeneratedKeys.requested(c.arg(1, Object.class), sql, owner.session());
    String returning = keys == null || sql == null ? null : DialectSettings.withReturning(sql, keys);
    StatementState s = new StatementState();
    s.sql = sql;
    s.returnsKeys = returning != null;
    synchronized (owner) { // see Handler.createsStatements
      PreparedStatement ps = owner.calcite().prepareStatement(returning != null ? returning : sql);
      applyNetworkTimeout(owner, ps);
      return wrap(ps, PreparedStatement.class, new Parents(owner, null), s);
    }
  }

  /** setNetworkTimeout: no statement of the connection waits longer for the API. */
  private static void applyNetworkTimeout(LinodeConnection owner, Statement st)
      throws SQLException {
    int millis = owner.networkTimeoutMillis();
    if (millis > 0) {
      st.setQueryTimeout(Math.max(1, (millis + 999) / 1000));
    }
  }

  private static @Nullable Object close(Call c) throws SQLException {
    StatementState s = c.statement();
    Handler.closeCurrent(s);
    return c.proceed();
  }

  /**
   * Raises the statement's cancel flag at once. Avatica's own {@code cancel()} is synchronized
   * on the statement, whose monitor the running execute holds while its first rows are
   * computed, so a cancel from another thread (a Ctrl-C handler, a timeout) would wait for the
   * very statement it should stop. The flag is Avatica's own, from its public
   * {@code AvaticaConnection.getCancelFlag(handle)}: Calcite's runtime, the scans and their
   * watchdog all watch it.
   */
  private static @Nullable Object cancel(Call c) throws SQLException {
    java.util.concurrent.atomic.AtomicBoolean flag = cancelFlag(c);
    if (flag == null) {
      return c.proceed(); // a closed statement: Avatica says so
    }
    flag.set(true);
    return null;
  }

  /** The statement's cancel flag; null when it is closed. */
  private static java.util.concurrent.atomic.@Nullable AtomicBoolean cancelFlag(Call c)
      throws SQLException {
    if (c.delegate() instanceof AvaticaStatement st && !st.isClosed()
        && c.connection().calcite() instanceof AvaticaConnection avatica) {
      try {
        return avatica.getCancelFlag(st.handle);
      } catch (NoSuchStatementException e) {
        return null; // closed meanwhile: nothing left to cancel
      }
    }
    return null;
  }

  private static @Nullable Object clearBatch(Call c) throws SQLException {
    StatementState s = c.statement();
    s.batch.clear();
    s.sqlBatch.clear();
    return c.proceed();
  }

  private static @Nullable Object moreResults(Call c, @Nullable Integer current)
      throws SQLException {
    StatementState s = c.statement();
    if (!s.ownResult) {
      return c.proceed();
    }
    if (current == null || current != Statement.KEEP_CURRENT_RESULT) {
      Handler.closeCurrent(s);
    }
    s.currentResult = null;
    s.updateCount = -1;
    return false;
  }

  /** A typed setter: bound by {@link ParameterBinder}, and remembered. */
  private static @Nullable Object bindParameter(Call c) throws SQLException {
    StatementState s = c.statement();
    PreparedStatement ps = (PreparedStatement) c.delegate();
    Object[] call = java.util.Objects.requireNonNull(c.args).clone();
    String name = c.method.getName();
    if (!s.parameterTypesRead) {
      s.parameterTypes = ParameterBinder.parameterTypes(ps);
      s.parameterTypesRead = true;
    }
    ParameterBinder.bind(ps, s.parameterTypes, name, call);
    s.parameters.put((Integer) call[0], new Object[] {name, call});
    return null;
  }

  /** Other setters (bytes, streams, times) go to Avatica as they are. */
  private static @Nullable Object otherSetter(Call c) throws SQLException {
    StatementState s = c.statement();
    Object[] args = java.util.Objects.requireNonNull(c.args);
    Integer index = (Integer) args[0];
    s.parameters.put(index, new Object[] {"setObject", new Object[] {index, args[1]}});
    return c.proceed();
  }

  /** In a replayed batch, a statement that is no write: the batch check below reports it. */
  private static @Nullable Object notAWrite() {
    return null;
  }

  /**
   * The result set getters a full scan calls for every row, answered without reflection: each
   * Method a proxy passes is classified once (a proxy class passes the same instances on every
   * call).
   */
  private static final class ResultSetGetters {
    static final int NONE = 0;
    static final int NEXT = 1;
    static final int WAS_NULL = 2;
    static final int GET_STRING = 3;
    static final int GET_LONG = 4;
    static final int GET_INT = 5;
    static final int GET_OBJECT = 6;
    static final int GET_TIMESTAMP = 7;
    /** A getter's answer that says: take the general path. */
    static final Object SLOW = new Object();
    private static final Map<Method, Integer> CODES = new java.util.concurrent.ConcurrentHashMap<>();

    private ResultSetGetters() {}

    static int code(Method method) {
      Integer code = CODES.get(method);
      if (code == null) {
        code = classify(method);
        CODES.put(method, code);
      }
      return code;
    }

    private static int classify(Method m) {
      Class<?>[] p = m.getParameterTypes();
      if (p.length == 0) {
        int code = switch (m.getName()) {
          case "next" -> NEXT;
          case "wasNull" -> WAS_NULL;
          default -> NONE;
        };
        return code != NONE && RESULT_SET.get(m) == null ? code : NONE;
      }
      if (p.length != 1 || p[0] != int.class && p[0] != String.class) {
        return NONE;
      }
      int code = switch (m.getName()) {
        case "getString" -> GET_STRING;
        case "getLong" -> GET_LONG;
        case "getInt" -> GET_INT;
        // The table answers these through TemporalValues, as the fast path does.
        case "getObject" -> GET_OBJECT;
        case "getTimestamp" -> GET_TIMESTAMP;
        default -> NONE;
      };
      if (code == GET_STRING || code == GET_LONG || code == GET_INT) {
        return RESULT_SET.get(m) == null ? code : NONE; // a plain getter, unless overridden
      }
      return code;
    }
  }

  private static final class Handler implements InvocationHandler {
    private final Object delegate;
    private final Class<?> iface;
    private final Parents parents;
    private final @Nullable StatementState state;
    private final MethodTable table;
    /** A result set's column types ({@link #columnType}), once read; null before. */
    private int @Nullable [] columnTypes;

    Handler(Object delegate, Class<?> iface, Parents parents, @Nullable StatementState state) {
      this.delegate = delegate;
      this.iface = iface;
      this.parents = parents;
      this.state = state;
      this.table = table(iface);
    }

    @Override public @Nullable Object invoke(Object proxy, Method method, Object @Nullable [] args)
        throws Throwable {
      if (iface == ResultSet.class) {
        int getter = ResultSetGetters.code(method);
        if (getter != ResultSetGetters.NONE) {
          Object answer = getter(getter, args);
          if (answer != ResultSetGetters.SLOW) {
            return answer;
          }
        }
      }
      MethodTable.Override override = table.get(method);
      if (iface == Connection.class && parents.connection().calcite().isClosed()
          && !LinodeConnection.answersWhenClosed(method)) {
        if (method.getName().equals("isValid")) {
          return false;
        }
        override = null; // Calcite reports the closed connection itself
      }
      if (override == null) {
        return proceed(proxy, method, args);
      }
      try {
        return override.answer(new Call(this, proxy, method, args));
      } catch (SQLException | RuntimeException e) {
        throw translate(e);
      }
    }

    /**
     * A hot result set getter called directly on Avatica's result set, with the answer the
     * table would give ({@link TemporalValues} for date-time columns); {@link
     * ResultSetGetters#SLOW} where only the general path answers exactly as before (a closed
     * result set, a column out of range).
     */
    private @Nullable Object getter(int code, Object @Nullable [] args) throws SQLException {
      ResultSet rs = (ResultSet) delegate;
      try {
        switch (code) {
        case ResultSetGetters.NEXT:
          return rs.next();
        case ResultSetGetters.WAS_NULL:
          return rs.wasNull();
        default:
          break;
        }
        Object key = java.util.Objects.requireNonNull(args)[0];
        if (key == null) {
          return ResultSetGetters.SLOW;
        }
        boolean byIndex = key instanceof Integer;
        switch (code) {
        case ResultSetGetters.GET_STRING:
          return byIndex ? rs.getString((Integer) key) : rs.getString((String) key);
        case ResultSetGetters.GET_LONG:
          return byIndex ? rs.getLong((Integer) key) : rs.getLong((String) key);
        case ResultSetGetters.GET_INT:
          return byIndex ? rs.getInt((Integer) key) : rs.getInt((String) key);
        default:
          break;
        }
        if (rs.isClosed()) {
          return ResultSetGetters.SLOW; // the general path reports it as before
        }
        int column = byIndex ? (Integer) key : rs.findColumn((String) key);
        int[] types = columnTypes != null ? columnTypes : readColumnTypes(rs);
        if (column < 1 || column > types.length) {
          return ResultSetGetters.SLOW;
        }
        int type = types[column - 1];
        boolean timestamp = code == ResultSetGetters.GET_TIMESTAMP;
        if (TemporalValues.isTemporal(type)) {
          return TemporalValues.answer(rs, column, type, timestamp ? "getTimestamp" : "getObject",
              null);
        }
        return timestamp ? rs.getTimestamp(column) : rs.getObject(column);
      } catch (SQLException | RuntimeException e) {
        throw translate(e);
      }
    }

    /** The {@link java.sql.Types} code of column {@code column} of the wrapped result set. */
    private int columnType(ResultSet rs, int column) throws SQLException {
      int[] types = columnTypes;
      if (types == null) {
        types = readColumnTypes(rs);
      }
      if (column >= 1 && column <= types.length) {
        return types[column - 1];
      }
      return rs.getMetaData().getColumnType(column); // out of range: the metadata's own error
    }

    private int[] readColumnTypes(ResultSet rs) throws SQLException {
      java.sql.ResultSetMetaData md = rs.getMetaData();
      int[] types = new int[md.getColumnCount()];
      for (int i = 0; i < types.length; i++) {
        types[i] = md.getColumnType(i + 1);
      }
      columnTypes = types;
      return types;
    }

    /** The wrapped object's own answer, wrapped where it is a JDBC object. */
    private @Nullable Object proceed(Object proxy, Method method, Object @Nullable [] args)
        throws SQLException {
      String name = method.getName();
      Object result;
      if (createsStatements(name)) {
        // Avatica numbers statements with a plain int++ (AvaticaConnection.statementCount):
        // statements created concurrently on one connection would share an id.
        synchronized (parents.connection()) {
          result = invokeOn(delegate, method, args);
        }
      } else if (delegate instanceof Statement st && name.startsWith("execute")) {
        try (var hint = io.linodejdbc.sql.FetchSizeHint.set(st.getFetchSize())) { // for the scans
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
        applyNetworkTimeout(parents.connection(), st);
      }
      return wrapResult(proxy, method.getReturnType(), result, created);
    }

    /** Calls that make Calcite create a statement (metadata calls run one internally). */
    private boolean createsStatements(String name) {
      return iface == DatabaseMetaData.class
          || iface == Connection.class && (name.equals("createStatement")
              || name.equals("prepareStatement") || name.equals("prepareCall"));
    }

    /** {@code execute…(sql[, keys])}: a statement's own text. */
    private @Nullable Object executeText(Call c, Execution how, @Nullable Object keysArgument,
        boolean withKeys) throws SQLException {
      String sql = c.arg(0, String.class);
      if (sql == null) {
        return c.proceed();
      }
      List<String> keys = withKeys
          ? GeneratedKeys.requested(keysArgument, sql, parents.connection().session()) : null;
      return cancellable(c, () -> execute(c.proxy(), how, sql, false, keys, withKeys, List.of(),
          c::proceed));
    }

    /** {@code execute…()} of a prepared statement. */
    private @Nullable Object executePrepared(Call c, Execution how) throws SQLException {
      StatementState s = java.util.Objects.requireNonNull(state);
      return cancellable(c, () -> {
        if (how == Execution.QUERY || how == Execution.EXECUTE) {
          MaxRows.beforeExecute((Statement) delegate); // setMaxRows stops paging like LIMIT
        }
        if (s.sql == null) {
          return c.proceed();
        }
        return execute(c.proxy(), how, s.sql, true, null, false,
            List.copyOf(s.parameters.values()), c::proceed);
      });
    }

    /**
     * Runs an execution so that {@code cancel()} stops it wherever it is: the statement's cancel
     * flag reaches the planner ({@link StatementCancel}), and whatever a cancelled statement
     * fails with (the planner's abort, Avatica's "Statement canceled", an aborted request) is
     * reported as HY008.
     */
    private @Nullable Object cancellable(Call c, StatementCancel.Work<@Nullable Object> work)
        throws SQLException {
      java.util.concurrent.atomic.AtomicBoolean flag = cancelFlag(c);
      if (flag != null) {
        flag.set(false); // a cancel stops the execution it meets, not the statement's next one
      }
      try {
        return StatementCancel.whilePreparing(flag, work);
      } catch (SQLException | RuntimeException e) {
        if (flag != null && flag.get()) {
          throw new SQLException("Statement canceled", SqlState.OPERATION_CANCELED.code(), e);
        }
        throw e;
      }
    }

    private Object executeBatch(Call c, boolean large) throws SQLException {
      StatementState s = java.util.Objects.requireNonNull(state);
      return replaysBatch(s) ? replayBatch(c.proxy(), large) : batch(large);
    }

    /** Whether a batch runs statement by statement here rather than in Avatica. */
    private boolean replaysBatch(StatementState s) {
      LinodeConnection owner = parents.connection();
      boolean rows = delegate instanceof PreparedStatement
          && (s.returnsKeys || s.shape() == WriteShape.RETURNING);
      return owner.inTransaction() || owner.writes().dryRun() || rows;
    }

    /**
     * One execution. Writes with rows to show (RETURNING, the requests of a dry run, generated
     * keys) are read into memory at once, so that their rows (a new token's one-time secret)
     * stay available through getResultSet() and getGeneratedKeys() whichever execute method ran
     * them, and the update count is the exact number of rows. In a transaction a write is only
     * checked and queued ({@link PendingWrites}).
     */
    private @Nullable Object execute(Object proxy, Execution how, String sql, boolean prepared,
        @Nullable List<String> keys, boolean keysArgument, List<Object[]> parameters,
        Fallback avatica) throws SQLException {
      StatementState s = java.util.Objects.requireNonNull(state);
      LinodeConnection owner = parents.connection();
      closeCurrent(s);
      s.ownResult = false;
      s.generatedKeys = null;
      s.keyRows = null;
      s.currentResult = null;
      s.updateCount = -1;
      WriteShape shape = prepared ? s.shape() : DialectSettings.writeShape(sql);
      Statement statement = (Statement) delegate;
      boolean keyed = prepared ? s.returnsKeys : keys != null && shape == WriteShape.COUNT;
      boolean dryRun = owner.writes().dryRun();
      if (shape == WriteShape.NONE
          || shape == WriteShape.COUNT && !keyed && !dryRun && !owner.inTransaction()) {
        if (keysArgument) {
          // Nothing is generated (Avatica has no execute(sql, keys)): run it plainly.
          return switch (how) {
            case EXECUTE -> statement.execute(sql);
            case LARGE_UPDATE -> statement.executeLargeUpdate(sql);
            default -> statement.executeUpdate(sql);
          };
        }
        return avatica.run(); // Avatica's own results are right
      }
      if (owner.inTransaction()) {
        if (shape == WriteShape.RETURNING || keyed) {
          throw new SQLException("RETURNING and generated keys need the API's answer, which a"
              + " write in a transaction gets only at commit(): run this statement with"
              + " auto-commit on.", SqlState.INVALID_TRANSACTION_STATE.code());
        }
        if (how == Execution.QUERY) {
          throw new SQLException("executeQuery needs rows, and this write answers an update"
              + " count: use executeUpdate", SqlState.INVALID_TRANSACTION_STATE.code());
        }
        long count = owner.pending().add(sql, parameters);
        s.ownResult = true;
        s.updateCount = count;
        return how.countResult(count, false);
      }
      String run = !prepared && keyed ? DialectSettings.withReturning(sql, keys) : sql;
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
      if (how == Execution.QUERY) {
        return s.currentResult;
      }
      s.updateCount = how == Execution.EXECUTE && shown ? -1 : count;
      return how.countResult(count, shown);
    }

    /** What runs a statement the driver leaves to Avatica. */
    @FunctionalInterface
    private interface Fallback {
      @Nullable Object run() throws SQLException;
    }

    private static void closeCurrent(StatementState s) throws SQLException {
      if (s.currentResult != null) {
        s.currentResult.close();
      }
    }

    /** {@code t} as an SQLException, in the words of this connection's resources. */
    private SQLException translate(Throwable t) {
      return SqlErrors.translate(t, parents.connection().session().resources());
    }

    private @Nullable Object invokeOn(Object target, Method method,
        Object @Nullable [] args) throws SQLException {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw translate(e.getCause());
      } catch (IllegalAccessException e) {
        throw new SQLException("cannot call " + method.getName(), SqlState.GENERAL_ERROR.code(),
            e);
      }
    }

    /**
     * A batch run here, statement by statement (in a transaction, on a dry run, with RETURNING
     * or generated keys): each one's count is exact; a failure says which ones completed; the
     * generated keys are those of all the rows.
     */
    private Object replayBatch(Object proxy, boolean large) throws SQLException {
      StatementState s = java.util.Objects.requireNonNull(state);
      boolean prepared = delegate instanceof PreparedStatement;
      List<List<Object[]>> sets = List.copyOf(s.batch);
      List<String> statements = List.copyOf(s.sqlBatch);
      s.batch.clear();
      s.sqlBatch.clear();
      ((Statement) delegate).clearBatch();
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
            r = execute(proxy, Execution.LARGE_UPDATE, java.util.Objects.requireNonNull(s.sql),
                true, null, false, sets.get(i), JdbcProxies::notAWrite);
          } else {
            r = execute(proxy, Execution.LARGE_UPDATE, statements.get(i), false, null, false,
                List.of(), JdbcProxies::notAWrite);
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
        SQLException cause = translate(e);
        throw new BatchUpdateException("Batch stopped after " + counts.size()
            + " statement(s) completed: " + cause.getMessage(), cause.getSQLState(),
            cause.getErrorCode(), counts.stream().mapToLong(Long::longValue).toArray(), cause);
      }
      s.generatedKeys = last == null ? null
          : CachedResultSet.of(last.metaData(), keyRows, (Statement) proxy);
      s.currentResult = null;
      s.updateCount = -1;
      if (!large) {
        return counts.stream().mapToInt(Long::intValue).toArray();
      }
      return counts.stream().mapToLong(Long::longValue).toArray();
    }

    /** Runs the batch; a failure says how many statements were applied before it. */
    private Object batch(boolean large) throws SQLException {
      Statement target = (Statement) delegate;
      if (state != null) {
        state.batch.clear();
        state.sqlBatch.clear();
      }
      try (var progress = Writes.recordProgress()) {
        try {
          return large ? target.executeLargeBatch() : target.executeBatch();
        } catch (SQLException | RuntimeException e) {
          SQLException cause = translate(e);
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
