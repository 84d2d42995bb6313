package io.linodejdbc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.linodejdbc.sandbox.LabelMatching;
import io.linodejdbc.sandbox.RecordedRequest;
import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.sandbox.SandboxServer;
import io.linodejdbc.sandbox.SandboxToken;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One fluent fixture for SQL → plan → requests → rows, in the spirit of Calcite's
 * {@code CalciteAssert} with {@code ElasticsearchChecker}:
 *
 * <pre>{@code
 * LinodeAssert.sql("SELECT id FROM personal_access_tokens WHERE id = 5")
 *     .explainContains("GET /profile/tokens/5")
 *     .requests(1)
 *     .returns("id=5");
 * LinodeAssert.sql("SELECT label FROM personal_access_tokens WHERE id = ?")
 *     .withSandbox(s -> s.tokens(myTokens)).with("pageSize", "25").params(5)
 *     .returnsUnordered("label=five");
 * LinodeAssert.sql("SELECT nope FROM personal_access_tokens").failsWith("42703");
 * LinodeAssert.sql("UPDATE personal_access_tokens SET label = 'x' WHERE id = 2").on(box)
 *     .sends("GET /v4/profile/tokens/2", "PUT /v4/profile/tokens/2 {\"label\":\"x\"}")
 *     .updates(1);
 * }</pre>
 *
 * <p>Each assertion opens a connection, runs, checks and closes it (or runs on the connection
 * given to {@link #on(SandboxFixture, Connection)}). {@link #requests(int)},
 * {@link #requests(int, int)}, {@link #sends}, {@link #requestsMatching} and {@link #conforms()}
 * are expectations every later run of the chain checks, whether it succeeds or fails as expected
 * (the request log is then emptied before each run; {@code EXPLAIN} is not checked). The
 * sandbox is either a shared {@link SandboxFixture} ({@link #on(SandboxFixture)}), or one this
 * chain starts (demo data unless {@link #withSandbox} says otherwise) and stops after each
 * assertion, so that writes in one chain never reach the next.
 *
 * <p>Rows are written as in {@code CalciteAssert}: {@code label=value} joined by {@code "; "},
 * values normalised by {@link ResultSets} (plain numbers, {@code YYYY-MM-DD HH:MM:SS}), SQL NULL
 * as {@code null}.
 */
public final class LinodeAssert {
  private final String sql;
  private final Map<String, String> properties = new LinkedHashMap<>();
  private final List<Consumer<SandboxServer.Builder>> sandbox = new ArrayList<>();
  private SandboxFixture shared;
  private Object[] parameters;
  private final List<Consumer<List<RecordedRequest>>> expectations = new ArrayList<>();
  private Connection connection;

  private LinodeAssert(String sql) {
    this.sql = sql;
  }

  /** A chain for {@code sql}. */
  public static LinodeAssert sql(String sql) {
    return new LinodeAssert(sql);
  }

  // ---- configuration ---------------------------------------------------------------------------

  /** Runs against a sandbox the test shares between chains. */
  public LinodeAssert on(SandboxFixture fixture) {
    this.shared = fixture;
    return this;
  }

  /**
   * Runs on an open connection of {@code fixture}'s, left open (for what lives in a connection:
   * its caches, its transaction).
   */
  public LinodeAssert on(SandboxFixture fixture, Connection connection) {
    this.shared = fixture;
    this.connection = connection;
    return this;
  }

  /** Configures the sandbox this chain starts (tokens, latency, label matching, ...). */
  public LinodeAssert withSandbox(Consumer<SandboxServer.Builder> configure) {
    sandbox.add(configure);
    return this;
  }

  /** The sandbox this chain starts holds {@code tokens}. */
  public LinodeAssert withTokens(List<SandboxToken> tokens) {
    return withSandbox(s -> s.tokens(tokens));
  }

  /** A connection property ({@code pageSize}, {@code dryRun}, ...). */
  public LinodeAssert with(String key, String value) {
    properties.put(key, value);
    return this;
  }

  /** Runs the statement prepared, with these parameters ({@code setObject(i + 1, v)}). */
  public LinodeAssert params(Object... values) {
    this.parameters = values.clone();
    return this;
  }

  /** Every later run of this chain must send exactly {@code n} requests to the API. */
  public LinodeAssert requests(int n) {
    return requestsMatching(r -> assertThat(r).as("requests of " + sql).hasSize(n));
  }

  /** Every later run must send exactly {@code reads} GETs and {@code writes} other requests. */
  public LinodeAssert requests(int reads, int writes) {
    return requestsMatching(r -> {
      long gets = r.stream().filter(q -> q.method().equals("GET")).count();
      assertThat(List.of(gets, r.size() - gets)).as("GETs and writes of " + sql + ": "
          + SandboxFixture.describe(r)).containsExactly((long) reads, (long) writes);
    });
  }

  /**
   * Every later run must send exactly these requests, in this order, each written as
   * {@code METHOD path[?query][ X-Filter=...][ body]} ({@link SandboxFixture#describe}).
   */
  public LinodeAssert sends(String... requestLines) {
    return requestsMatching(r -> assertThat(SandboxFixture.describe(r)).as("requests of " + sql)
        .containsExactly(requestLines));
  }

  /** Every later run's requests must pass {@code check} (paths, filters, bodies). */
  public LinodeAssert requestsMatching(Consumer<List<RecordedRequest>> check) {
    expectations.add(check);
    return this;
  }

  /** Every later run's requests must keep to the API's OpenAPI contract. */
  public LinodeAssert conforms() {
    return requestsMatching(r -> assertThat(SandboxFixture.violations(r))
        .as("API contract violations of " + sql).isEmpty());
  }

  // ---- assertions ------------------------------------------------------------------------------

  /** The rows, in this order. */
  public LinodeAssert returns(String... rows) {
    assertThat(lines(table())).as(sql).containsExactly(rows);
    return this;
  }

  /** The rows, in any order. */
  public LinodeAssert returnsUnordered(String... rows) {
    assertThat(lines(table())).as(sql).containsExactlyInAnyOrder(rows);
    return this;
  }

  /** The column labels, in order. */
  public LinodeAssert columns(String... labels) {
    assertThat(table().columns()).as(sql).containsExactly(labels);
    return this;
  }

  /** The number of rows. */
  public LinodeAssert returnsCount(int n) {
    assertThat(table().rows()).as(sql).hasSize(n);
    return this;
  }

  /** The whole result, for checks of its own. */
  public LinodeAssert returns(Consumer<ResultSets.Table> check) {
    check.accept(table());
    return this;
  }

  /** The result (column labels and normalised rows). */
  public ResultSets.Table table() {
    return succeeding(this::read);
  }

  /** The statement's update count ({@code executeLargeUpdate}). */
  public LinodeAssert updates(long count) {
    long actual = succeeding(c -> {
      if (parameters == null) {
        try (Statement st = c.createStatement()) {
          return st.executeLargeUpdate(sql);
        }
      }
      try (PreparedStatement ps = prepare(c)) {
        return ps.executeLargeUpdate();
      }
    });
    assertThat(actual).as(sql).isEqualTo(count);
    return this;
  }

  /** {@code EXPLAIN PLAN FOR} the statement contains each of {@code parts}. */
  public LinodeAssert explainContains(String... parts) {
    String plan = explain();
    for (String part : parts) {
      assertThat(plan).as("EXPLAIN " + sql).contains(part);
    }
    return this;
  }

  /** The plan {@code EXPLAIN PLAN FOR} shows, one line per plan line. */
  public String explain() {
    return succeeding(c -> {
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("EXPLAIN PLAN FOR " + sql)) {
        StringBuilder b = new StringBuilder();
        while (rs.next()) {
          b.append(rs.getString(1)).append('\n');
        }
        return b.toString();
      }
    }, null); // EXPLAIN sends nothing; requests(n) is for the statement
  }

  /** Running the statement fails with {@code sqlState} (and each of {@code messageParts}). */
  public LinodeAssert failsWith(String sqlState, String... messageParts) {
    SQLException e = failure();
    assertThat(e.getSQLState()).as(sql + ": " + e.getMessage()).isEqualTo(sqlState);
    for (String part : messageParts) {
      assertThat(e.getMessage()).as(sql).contains(part);
    }
    return this;
  }

  /**
   * The SQLException running the statement throws, while executing it or reading its rows (errors
   * of evaluation come while reading); fails if it runs.
   */
  public SQLException failure() {
    try {
      execute(true, c -> {
        if (parameters == null) {
          try (Statement st = c.createStatement()) {
            drain(st, st.execute(sql));
          }
        } else {
          try (PreparedStatement ps = prepare(c)) {
            drain(ps, ps.execute());
          }
        }
        return null;
      }, expectations());
    } catch (SQLException e) {
      return e;
    }
    throw new AssertionError("expected a failure, but it ran: " + sql);
  }

  /**
   * The SQLException running {@code sql} on {@code c} throws ({@code execute}, then reading every
   * row, since errors of evaluation come while reading); fails if it runs.
   */
  public static SQLException failure(Connection c, String sql) {
    try (Statement st = c.createStatement()) {
      drain(st, st.execute(sql));
    } catch (SQLException e) {
      return e;
    }
    throw new AssertionError("expected a failure, but it ran: " + sql);
  }

  /**
   * Runs {@code step} on a connection of the chain (a new one, or the one given to
   * {@link #on(SandboxFixture, Connection)}), checking the request expectations: the escape
   * hatch for what the fluent form does not say (metadata, generated keys, batches).
   */
  public <T> T withConnection(Step<T> step) {
    return succeeding(step);
  }

  // ---- running ---------------------------------------------------------------------------------

  /** A step on a connection. */
  @FunctionalInterface
  public interface Step<T> {
    T apply(Connection c) throws SQLException;
  }

  private <T> T succeeding(Step<T> step) {
    return succeeding(step, expectations());
  }

  /** All request expectations as one check, or {@code null} when there are none. */
  private Consumer<List<RecordedRequest>> expectations() {
    if (expectations.isEmpty()) {
      return null;
    }
    List<Consumer<List<RecordedRequest>>> all = List.copyOf(expectations);
    return requests -> all.forEach(e -> e.accept(requests));
  }

  private <T> T succeeding(Step<T> step, Consumer<List<RecordedRequest>> check) {
    try {
      return execute(false, step, check);
    } catch (SQLException e) {
      throw new AssertionError(sql + ": " + e.getMessage() + " (state " + e.getSQLState() + ")",
          e);
    }
  }

  /**
   * Runs {@code step}; with a {@code check}, the request log is emptied once the connection is
   * open (what opening sends is not the statement's) and the requests it sent are checked after
   * it returns, or, when it is {@code expectedToFail}, also after it throws.
   */
  private <T> T execute(boolean expectedToFail, Step<T> step,
      Consumer<List<RecordedRequest>> check) throws SQLException {
    SandboxFixture fixture = shared != null ? shared : startOwn();
    try {
      T result;
      try {
        if (connection != null) {
          result = step.apply(cleared(fixture, connection, check));
        } else {
          try (Connection c = fixture.connect(properties)) {
            result = step.apply(cleared(fixture, c, check));
          }
        }
      } catch (SQLException e) {
        if (check != null && expectedToFail) {
          check.accept(fixture.settledRequests());
        }
        throw e;
      }
      if (check != null) {
        check.accept(fixture.settledRequests());
      }
      return result;
    } finally {
      if (fixture != shared) {
        fixture.close();
      }
    }
  }

  /** {@code c}, once the request log is emptied (when there is a check): after connecting. */
  private static Connection cleared(SandboxFixture fixture, Connection c,
      Consumer<List<RecordedRequest>> check) {
    if (check != null) {
      fixture.clearRequests();
    }
    return c;
  }

  /** Reads every row of the result {@code st} has, when it has one. */
  private static void drain(Statement st, boolean hasResultSet) throws SQLException {
    if (hasResultSet) {
      try (ResultSet rs = st.getResultSet()) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          for (int i = 1; i <= n; i++) {
            rs.getObject(i);
          }
        }
      }
    }
  }

  private ResultSets.Table read(Connection c) throws SQLException {
    if (parameters == null) {
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
        return ResultSets.read(rs);
      }
    }
    try (PreparedStatement ps = prepare(c); ResultSet rs = ps.executeQuery()) {
      return ResultSets.read(rs);
    }
  }

  private PreparedStatement prepare(Connection c) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    for (int i = 0; i < parameters.length; i++) {
      ps.setObject(i + 1, parameters[i]);
    }
    return ps;
  }

  private SandboxFixture startOwn() {
    SandboxServer.Builder b = SandboxServer.builder().tokens(SampleData.demo())
        .labelMatching(LabelMatching.EXACT);
    sandbox.forEach(c -> c.accept(b));
    return SandboxFixture.of(b.start());
  }

  private static List<String> lines(ResultSets.Table t) {
    return t.rows().stream().map(r -> {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < r.size(); i++) {
        cells.add(t.columns().get(i) + "=" + r.get(i));
      }
      return String.join("; ", cells);
    }).collect(Collectors.toList());
  }
}
