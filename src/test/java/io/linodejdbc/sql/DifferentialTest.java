package io.linodejdbc.sql;

import io.linodejdbc.testing.Corpus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.linodejdbc.sandbox.LabelMatching;
import io.linodejdbc.sandbox.RecordedRequest;
import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.sandbox.SandboxToken;
import io.linodejdbc.testing.H2Oracle;
import io.linodejdbc.testing.OpenApiConformance;
import io.linodejdbc.testing.ResultSets;
import io.linodejdbc.testing.SandboxFixture;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The proof that pushdown never changes an answer: every query of
 * {@code differential/read-corpus.sql} runs through the driver (against the sandbox, once with
 * {@link LabelMatching#EXACT} and once with {@link LabelMatching#CASE_INSENSITIVE} label
 * filtering on the server) and through H2 holding the same tokens; the answers must be identical.
 * Every query's EXPLAIN plan is shown on failure, and every request the driver sent must conform
 * to the API contract ({@link OpenApiConformance}).
 */
class DifferentialTest {
  /** {@link SandboxFixture#differentialTokens()}: adversarial labels plus Greek sigmas. */
  static final List<SandboxToken> TOKENS = SandboxFixture.differentialTokens();
  static final String CORPUS = "/differential/read-corpus.sql";

  private static H2Oracle oracle;
  private static final Map<LabelMatching, SandboxFixture> FIXTURES = new EnumMap<>(LabelMatching.class);
  private static final Map<LabelMatching, Connection> CONNECTIONS = new EnumMap<>(LabelMatching.class);

  @BeforeAll
  static void start() throws SQLException {
    oracle = H2Oracle.load(TOKENS);
    for (LabelMatching m : LabelMatching.values()) {
      SandboxFixture f = SandboxFixture.start(TOKENS, m);
      FIXTURES.put(m, f);
      CONNECTIONS.put(m, f.connect());
    }
    OpenApiConformance.get(); // fails loudly here when the spec is missing
  }

  @AfterAll
  static void stop() throws SQLException {
    FIXTURES.values().forEach(SandboxFixture::close);
    FIXTURES.clear();
    CONNECTIONS.clear();
    if (oracle != null) {
      oracle.close();
    }
  }

  @Test
  void corpusIsBigEnough() {
    List<Corpus.Query> corpus = Corpus.load(CORPUS);
    assertThat(corpus).hasSizeGreaterThanOrEqualTo(60);
    assertThat(TOKENS).hasSizeGreaterThanOrEqualTo(1000);
  }

  @TestFactory
  Stream<DynamicNode> corpus() {
    List<Corpus.Query> corpus = Corpus.load(CORPUS);
    List<DynamicNode> modes = new ArrayList<>();
    for (LabelMatching m : LabelMatching.values()) {
      List<DynamicNode> tests = new ArrayList<>();
      for (Corpus.Query q : corpus) {
        tests.add(DynamicTest.dynamicTest(q.name(), () -> check(m, q.sql(), q.ordered())));
      }
      modes.add(DynamicContainer.dynamicContainer(m.name(), tests));
    }
    return modes.stream();
  }

  /** Qualified names reach the same table (H2 runs the unqualified text). */
  @TestFactory
  Stream<DynamicTest> qualifiedNames() {
    String[][] cases = {
        {"SELECT id, label FROM linode.profile.personal_access_tokens WHERE label = 'deploy'",
            "SELECT id, label FROM personal_access_tokens WHERE label = 'deploy'"},
        {"SELECT COUNT(*) FROM profile.personal_access_tokens",
            "SELECT COUNT(*) FROM personal_access_tokens"},
        {"SELECT id FROM \"linode\".\"profile\".\"personal_access_tokens\" WHERE id IN (5, 6)",
            "SELECT id FROM personal_access_tokens WHERE id IN (5, 6)"},
        {"SELECT t.id FROM LINODE.Profile.Personal_Access_Tokens t"
            + " WHERE t.created = TIMESTAMP '2015-05-05 02:25:15'",
            "SELECT t.id FROM personal_access_tokens t"
            + " WHERE t.created = TIMESTAMP '2015-05-05 02:25:15'"},
    };
    return Stream.of(cases).map(c -> DynamicTest.dynamicTest(c[0], () -> {
      Connection conn = CONNECTIONS.get(LabelMatching.EXACT);
      ResultSets.Table expected = oracle.query(c[1]);
      ResultSets.Table actual = run(conn, c[0]);
      Optional<String> d = ResultSets.diff(expected, actual, false);
      d.ifPresent(msg -> fail(c[0] + "\n" + msg));
    }));
  }

  /**
   * Parameters take another path through the driver (bound at run time, fractions of seconds
   * only known then): hostile labels and fractional timestamps as {@code ?}.
   */
  @TestFactory
  Stream<DynamicNode> parameters() {
    List<Object[]> cases = new ArrayList<>();
    for (String label : List.of("deploy", "DEPLOY", "it's", "%", "_", "\\", "{\"+or\":[{\"label\":\"x\"}]}",
        "日本", "İstanbul", "straße", "trailing ", " ", "x".repeat(100), "🚀 rocket")) {
      cases.add(new Object[] {"SELECT id, label FROM personal_access_tokens WHERE label = ?", label});
      cases.add(new Object[] {"SELECT id, label FROM personal_access_tokens WHERE label LIKE ?",
          "%" + label.substring(0, Math.min(3, label.length())) + "%"});
    }
    for (String ts : List.of("2015-05-05 02:25:15", "2015-05-05 02:25:15.5",
        "2023-04-26 13:47:22.001")) {
      java.sql.Timestamp v = java.sql.Timestamp.valueOf(ts);
      for (String op : List.of("=", "<>", "<", "<=", ">", ">=")) {
        cases.add(new Object[] {"SELECT id FROM personal_access_tokens WHERE created " + op + " ?", v});
      }
      cases.add(new Object[] {"SELECT id, created FROM personal_access_tokens WHERE created >= ?"
          + " ORDER BY created, id LIMIT 3", v});
    }
    cases.add(new Object[] {"SELECT id FROM personal_access_tokens WHERE id = ?", 5});
    cases.add(new Object[] {"SELECT id FROM personal_access_tokens WHERE id = ?", -1});
    cases.add(new Object[] {"SELECT id FROM personal_access_tokens WHERE id = ?", Integer.MAX_VALUE});
    // A long beyond INTEGER for an INTEGER parameter is refused with 22003 (Calcite would wrap it
    // around to an int): ParametersConformanceTest checks that.
    cases.add(new Object[] {"SELECT id FROM personal_access_tokens WHERE id = ?", null});
    cases.add(new Object[] {"SELECT id FROM personal_access_tokens WHERE label = ?", null});
    cases.add(new Object[] {"SELECT id FROM personal_access_tokens WHERE created > ?", null});
    List<DynamicNode> modes = new ArrayList<>();
    for (LabelMatching m : LabelMatching.values()) {
      List<DynamicNode> tests = new ArrayList<>();
      for (Object[] c : cases) {
        String sql = (String) c[0];
        Object value = c[1];
        if (m != LabelMatching.EXACT && !sql.contains("label")) {
          continue; // the server's label matching cannot matter: run once (test time)
        }
        tests.add(DynamicTest.dynamicTest(sql + " [" + value + "]",
            () -> checkParameter(m, sql, value)));
      }
      modes.add(DynamicContainer.dynamicContainer(m.name(), tests));
    }
    return modes.stream();
  }

  /**
   * Paging edges: the same ordered LIMIT queries through a connection with pages of 25, with
   * limits and offsets around page boundaries, so that "stop after n rows and ties" crosses pages.
   */
  @TestFactory
  Stream<DynamicNode> smallPages() {
    List<String> queries = new ArrayList<>();
    for (int n : new int[] {1, 24, 25, 26, 50, 51}) {
      queries.add("SELECT id, created FROM personal_access_tokens ORDER BY created, id LIMIT " + n);
      queries.add("SELECT id, created FROM personal_access_tokens ORDER BY created DESC, id DESC LIMIT " + n);
      queries.add("SELECT id, created FROM personal_access_tokens ORDER BY created, id LIMIT 3 OFFSET " + n);
    }
    queries.add("SELECT id, created FROM personal_access_tokens"
        + " WHERE created >= TIMESTAMP '2015-05-05 02:25:15' ORDER BY created, id LIMIT 26");
    queries.add("SELECT COUNT(*), COUNT(DISTINCT id) FROM personal_access_tokens");
    queries.add("SELECT id, created FROM personal_access_tokens ORDER BY created DESC, id LIMIT 4 OFFSET 498");
    queries.add("SELECT COUNT(*), COUNT(DISTINCT id) FROM personal_access_tokens WHERE label LIKE '%e%'");
    List<DynamicNode> modes = new ArrayList<>();
    for (LabelMatching m : LabelMatching.values()) {
      List<DynamicNode> tests = new ArrayList<>();
      for (String q : queries) {
        if (m != LabelMatching.EXACT && !q.contains("label")) {
          continue; // label matching cannot matter here: run once (each query is many pages)
        }
        tests.add(DynamicTest.dynamicTest(q, () -> {
          try (Connection small = FIXTURES.get(m).connect(Map.of("pageSize", "25"))) {
            checkOn(m, small, q, q.contains("ORDER BY"));
          }
        }));
      }
      modes.add(DynamicContainer.dynamicContainer(m.name(), tests));
    }
    return modes.stream();
  }

  // ---- the check ---------------------------------------------------------------------------

  static void check(LabelMatching mode, String sql, boolean ordered) throws SQLException {
    checkOn(mode, CONNECTIONS.get(mode), sql, ordered);
  }

  static void checkOn(LabelMatching mode, Connection conn, String sql, boolean ordered)
      throws SQLException {
    SandboxFixture fixture = FIXTURES.get(mode);
    fixture.clearRequests();
    // EXPLAIN runs once per query (in the first mode, where it must also send nothing); in the
    // other modes only when there is a failure to explain. Planning is most of a query's cost.
    String plan = null;
    if (mode == LabelMatching.values()[0]) {
      plan = explain(conn, sql);
      List<RecordedRequest> duringExplain = fixture.requests();
      if (!duringExplain.isEmpty()) {
        fail(context(mode, sql, plan) + "EXPLAIN sent requests: " + describe(duringExplain));
      }
    }
    ResultSets.Table expected = expected(sql);
    ResultSets.Table actual;
    try {
      actual = run(conn, sql);
    } catch (SQLException | RuntimeException e) {
      throw new AssertionError(context(mode, sql, plan != null ? plan : explain(conn, sql))
          + "driver failed: " + e, e);
    }
    List<RecordedRequest> sent = fixture.requests();
    Optional<String> d = ResultSets.diff(expected, actual, ordered);
    if (d.isPresent()) {
      fail(context(mode, sql, plan != null ? plan : explain(conn, sql)) + d.get()
          + "\nrequests: " + describe(sent));
    }
    OpenApiConformance.get().assertConforms(sent);
  }

  private static final Map<String, ResultSets.Table> EXPECTED = new java.util.HashMap<>();

  /** H2's answer, computed once per query text (the oracle does not depend on the mode). */
  private static synchronized ResultSets.Table expected(String sql) throws SQLException {
    ResultSets.Table t = EXPECTED.get(sql);
    if (t == null) {
      t = oracle.query(sql);
      EXPECTED.put(sql, t);
    }
    return t;
  }

  static void checkParameter(LabelMatching mode, String sql, Object value) throws SQLException {
    SandboxFixture fixture = FIXTURES.get(mode);
    Connection conn = CONNECTIONS.get(mode);
    fixture.clearRequests();
    ResultSets.Table expected;
    try (PreparedStatement ps = oracle.connection().prepareStatement(sql)) {
      ps.setObject(1, value);
      try (ResultSet rs = ps.executeQuery()) {
        expected = ResultSets.read(rs);
      }
    }
    ResultSets.Table actual;
    String plan = explain(conn, sql);
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      if (value == null) {
        ps.setNull(1, sql.contains("created") ? java.sql.Types.TIMESTAMP
            : sql.contains("label") ? java.sql.Types.VARCHAR : java.sql.Types.INTEGER);
      } else {
        ps.setObject(1, value);
      }
      try (ResultSet rs = ps.executeQuery()) {
        actual = ResultSets.read(rs);
      }
    } catch (SQLException | RuntimeException e) {
      throw new AssertionError(context(mode, sql + "  [? = " + value + "]", plan)
          + "driver failed: " + e, e);
    }
    List<RecordedRequest> sent = fixture.requests();
    Optional<String> d = ResultSets.diff(expected, actual, sql.contains("ORDER BY"));
    if (d.isPresent()) {
      fail(context(mode, sql + "  [? = " + value + "]", plan) + d.get()
          + "\nrequests: " + describe(sent));
    }
    OpenApiConformance.get().assertConforms(sent);
  }

  static ResultSets.Table run(Connection conn, String sql) throws SQLException {
    try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return ResultSets.read(rs);
    }
  }

  static String explain(Connection conn, String sql) {
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("EXPLAIN PLAN FOR " + sql)) {
      StringBuilder b = new StringBuilder();
      while (rs.next()) {
        b.append(rs.getString(1));
      }
      return b.toString();
    } catch (SQLException | RuntimeException e) {
      return "(EXPLAIN failed: " + e + ")";
    }
  }

  private static String context(LabelMatching mode, String sql, String plan) {
    return "\n[" + mode + "] " + sql + "\nplan:\n" + plan.strip() + "\n";
  }

  static String describe(List<RecordedRequest> requests) {
    StringBuilder b = new StringBuilder();
    for (RecordedRequest r : requests) {
      b.append("\n  ").append(r.method()).append(' ').append(r.path())
          .append(r.query() == null ? "" : "?" + r.query())
          .append(r.header("X-Filter").map(f -> "  X-Filter: " + f).orElse(""))
          .append(" -> ").append(r.status());
    }
    return b.length() == 0 ? "(none)" : b.toString();
  }
}
