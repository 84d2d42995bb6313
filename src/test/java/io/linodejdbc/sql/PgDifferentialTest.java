package io.linodejdbc.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.linodejdbc.sandbox.LabelMatching;
import io.linodejdbc.sandbox.RecordedRequest;
import io.linodejdbc.testing.Corpus;
import io.linodejdbc.testing.OpenApiConformance;
import io.linodejdbc.testing.PostgresOracle;
import io.linodejdbc.testing.ResultSets;
import io.linodejdbc.testing.SandboxFixture;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The PostgreSQL dialect against PostgreSQL itself: every query of
 * {@code differential/pg-corpus.sql} runs on a real PostgreSQL ({@link PostgresOracle}) and
 * through the driver against the sandbox, with exact and with case-insensitive label filtering
 * on the server, both holding {@link DifferentialTest#TOKENS}. Rows and column names must be
 * identical. The differences that are Java's by nature are tested as the README documents them
 * ({@link #documentedDifferences}).
 */
class PgDifferentialTest {
  static final String CORPUS = "/differential/pg-corpus.sql";

  private static PostgresOracle postgres;
  private static final Map<LabelMatching, SandboxFixture> FIXTURES =
      new EnumMap<>(LabelMatching.class);
  private static final Map<LabelMatching, Connection> CONNECTIONS =
      new EnumMap<>(LabelMatching.class);
  private static final Map<String, ResultSets.Table> EXPECTED = new HashMap<>();

  @BeforeAll
  static void start() throws Exception {
    postgres = PostgresOracle.start(DifferentialTest.TOKENS);
    for (LabelMatching m : LabelMatching.values()) {
      SandboxFixture f = SandboxFixture.start(DifferentialTest.TOKENS, m);
      FIXTURES.put(m, f);
      CONNECTIONS.put(m, f.connect());
    }
  }

  @AfterAll
  static void stop() {
    FIXTURES.values().forEach(SandboxFixture::close);
    FIXTURES.clear();
    CONNECTIONS.clear();
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void corpusIsBigEnough() {
    assertThat(Corpus.load(CORPUS)).hasSizeGreaterThanOrEqualTo(150);
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

  /**
   * Where Java and PostgreSQL differ by nature, the driver gives Java's answer (README,
   * "PostgreSQL dialect"): both sides are checked, so that a change on either shows.
   */
  @Test
  void documentedDifferences() throws SQLException {
    Connection driver = CONNECTIONS.get(LabelMatching.EXACT);
    // upper() of 'ß': Java's full case mapping gives "SS"; PostgreSQL keeps the letter.
    assertThat(DifferentialTest.run(driver, "SELECT upper('straße') AS u").rows())
        .containsExactly(List.of("STRASSE"));
    assertThat(postgres.query("SELECT upper('straße') AS u").rows())
        .containsExactly(List.of("STRAßE"));
    // char_length counts characters on both sides, but Java's String.length() would not.
    assertThat(DifferentialTest.run(driver, "SELECT char_length('🚀x') AS n").rows())
        .containsExactly(List.of("2"));
  }

  static void check(LabelMatching mode, String sql, boolean ordered) throws SQLException {
    SandboxFixture fixture = FIXTURES.get(mode);
    Connection conn = CONNECTIONS.get(mode);
    fixture.clearRequests();
    ResultSets.Table expected = expected(sql);
    ResultSets.Table actual;
    try {
      actual = DifferentialTest.run(conn, sql);
    } catch (SQLException | RuntimeException e) {
      throw new AssertionError("\n[" + mode + "] " + sql + "\nplan:\n"
          + DifferentialTest.explain(conn, sql) + "\ndriver failed: " + e, e);
    }
    List<RecordedRequest> sent = fixture.requests();
    if (!expected.columns().equals(actual.columns())) {
      fail("\n[" + mode + "] " + sql + "\ncolumn names differ: PostgreSQL " + expected.columns()
          + ", driver " + actual.columns());
    }
    Optional<String> d = ResultSets.diff(expected, actual, ordered);
    if (d.isPresent()) {
      fail("\n[" + mode + "] " + sql + "\nplan:\n" + DifferentialTest.explain(conn, sql) + "\n"
          + d.get() + "\nrequests: " + DifferentialTest.describe(sent));
    }
    OpenApiConformance.get().assertConforms(sent);
  }

  private static synchronized ResultSets.Table expected(String sql) throws SQLException {
    ResultSets.Table t = EXPECTED.get(sql);
    if (t == null) {
      t = postgres.query(sql);
      EXPECTED.put(sql, t);
    }
    return t;
  }
}
