package io.linodejdbc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.testing.Corpus;
import io.linodejdbc.testing.ResultSets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The read corpus of the H2 differential test and the PostgreSQL-dialect corpus (whose answers
 * {@code sql.PgDifferentialTest} holds against a real PostgreSQL) through the server (pgJDBC,
 * both as a plain statement and as a prepared one) must give exactly the answers the driver
 * gives directly:
 * the same column labels, the same rows, in the same order where the corpus says it matters,
 * and the same SQLSTATE class for a query that fails.
 */
class PgDifferentialTest {
  private static PgServerFixture f;
  private static Connection direct;
  private static Connection viaServer;

  @BeforeAll
  static void start() throws SQLException {
    f = PgServerFixture.start(SampleData.adversarial(1200, 42));
    Properties p = new Properties();
    p.setProperty("token", f.token());
    p.setProperty("apiUrl", f.sandbox.baseUrl());
    direct = DriverManager.getConnection("jdbc:linode:", p);
    viaServer = f.connect();
  }

  @AfterAll
  static void stop() throws SQLException {
    direct.close();
    f.close();
  }

  @TestFactory
  Stream<DynamicTest> corpus() {
    return tests(Corpus.load("/differential/read-corpus.sql"), 60);
  }

  @TestFactory
  Stream<DynamicTest> postgresDialectCorpus() {
    return tests(Corpus.load("/differential/pg-corpus.sql"), 150);
  }

  private static Stream<DynamicTest> tests(List<Corpus.Query> corpus, int atLeast) {
    assertThat(corpus).hasSizeGreaterThanOrEqualTo(atLeast);
    List<DynamicTest> tests = new ArrayList<>();
    for (Corpus.Query q : corpus) {
      tests.add(DynamicTest.dynamicTest(q.name(), () -> check(q)));
    }
    return tests.stream();
  }

  private static void check(Corpus.Query q) throws SQLException {
    Outcome expected = run(direct, q.sql(), false);
    for (boolean prepared : new boolean[] {false, true}) {
      Outcome actual = run(viaServer, q.sql(), prepared);
      String how = prepared ? " (prepared)" : " (statement)";
      if (expected.error != null || actual.error != null) {
        if (expected.error == null || actual.error == null) {
          fail(q.sql() + how + ": driver " + expected + " but server " + actual);
        }
        continue;
      }
      assertThat(actual.table.columns()).as(q.sql() + how).isEqualTo(expected.table.columns());
      Optional<String> d = ResultSets.diff(expected.table, actual.table, q.ordered());
      d.ifPresent(msg -> fail(q.sql() + how + "\n" + msg));
    }
  }

  private record Outcome(ResultSets.Table table, SQLException error) {
    @Override public String toString() {
      return error != null ? "failed " + error.getSQLState() + ": " + error.getMessage()
          : table.size() + " rows";
    }
  }

  private static Outcome run(Connection c, String sql, boolean prepared) {
    try {
      if (prepared) {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
          return new Outcome(ResultSets.read(rs), null);
        }
      }
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
        return new Outcome(ResultSets.read(rs), null);
      }
    } catch (SQLException e) {
      return new Outcome(null, e);
    }
  }
}
