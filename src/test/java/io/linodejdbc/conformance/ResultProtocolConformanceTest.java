package io.linodejdbc.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.linodejdbc.sandbox.RecordedRequest;
import io.linodejdbc.sandbox.SandboxToken;
import io.linodejdbc.testing.SandboxFixture;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The result protocol of writes (JDBC 4.3 §13.1: execute, getResultSet, getUpdateCount,
 * getMoreResults; §13.6: generated keys; §14.1: batches), for every statement shape.
 */
class ResultProtocolConformanceTest {
  private static final String T = "personal_access_tokens";
  private SandboxFixture sandbox;
  private Connection c;

  @BeforeEach void start() throws SQLException {
    sandbox = ConformanceData.start();
    c = sandbox.connect();
  }

  @AfterEach void stop() {
    sandbox.close();
  }

  private List<String> writes() {
    return sandbox.requests().stream().filter(r -> !r.method().equals("GET"))
        .map(r -> r.method() + " " + r.path()).toList();
  }

  private String secretOf(int id) {
    return sandbox.server().store().get(id).map(SandboxToken::secret).orElseThrow();
  }

  /** executeUpdate returns the row count of INSERT, UPDATE, REPLACE and DELETE. */
  @Test void executeUpdateCountsRowsOfEveryWrite() throws SQLException {
    try (Statement s = c.createStatement()) {
      assertThat(s.executeUpdate("INSERT INTO " + T + " (label) VALUES ('a'), ('b')")).isEqualTo(2);
      assertThat(s.executeUpdate("UPDATE " + T + " SET label = 'x' WHERE id IN (2, 3)"))
          .isEqualTo(2);
      assertThat(s.executeUpdate("REPLACE " + T + " SET data__label = 'y' WHERE tokenId = 4"))
          .isEqualTo(1);
      assertThat(s.executeUpdate("DELETE FROM " + T + " WHERE id IN (5, 6, 99)")).isEqualTo(2);
      assertThat(s.executeLargeUpdate("UPDATE " + T + " SET label = 'z' WHERE id = 99"))
          .isZero();
    }
  }

  /** With RETURNING, executeUpdate still returns the count, and the rows stay readable. */
  @Test void executeUpdateOfReturningCountsAndKeepsTheRows() throws SQLException {
    try (Statement s = c.createStatement()) {
      assertThat(s.executeUpdate("INSERT INTO " + T + " (label) VALUES ('r1'), ('r2')"
          + " RETURNING id, token")).isEqualTo(2);
      assertThat(s.getUpdateCount()).isEqualTo(2);
      try (ResultSet rs = s.getResultSet()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString("token")).isEqualTo(secretOf(rs.getInt("id")));
        assertThat(rs.next()).isTrue();
        assertThat(rs.next()).isFalse();
      }
      try (ResultSet keys = s.getGeneratedKeys()) {
        assertThat(keys.next()).isTrue();
        assertThat(keys.getString(2)).hasSize(64);
      }
      assertThat(s.getMoreResults()).isFalse();
      assertThat(s.getUpdateCount()).isEqualTo(-1);
      assertThat(s.executeLargeUpdate("UPDATE " + T + " SET label = 'u' WHERE id IN (2, 3)"
          + " RETURNING label")).isEqualTo(2L);
    }
    assertThat(writes()).containsExactly("POST /v4/profile/tokens", "POST /v4/profile/tokens",
        "PUT /v4/profile/tokens/2", "PUT /v4/profile/tokens/3");
  }

  /** execute() is true when the first result is a result set: RETURNING's rows. */
  @Test void executeOfReturningIsTrueThenNoMoreResults() throws SQLException {
    try (Statement s = c.createStatement()) {
      assertThat(s.execute("INSERT INTO " + T + " (label) VALUES ('e') RETURNING id, token"))
          .isTrue();
      assertThat(s.getUpdateCount()).isEqualTo(-1);
      ResultSet rs = s.getResultSet();
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(2)).isEqualTo(secretOf(rs.getInt(1)));
      assertThat(s.getMoreResults()).isFalse();
      assertThat(rs.isClosed()).isTrue();
      assertThat(s.getResultSet()).isNull();
      assertThat(s.getUpdateCount()).isEqualTo(-1);
    }
  }

  /** execute() of a write without RETURNING: false, then the count, then nothing more. */
  @Test void executeOfAPlainWriteIsFalseWithTheCount() throws SQLException {
    try (Statement s = c.createStatement()) {
      assertThat(s.execute("UPDATE " + T + " SET label = 'p' WHERE id IN (2, 3, 4)")).isFalse();
      assertThat(s.getResultSet()).isNull();
      assertThat(s.getUpdateCount()).isEqualTo(3);
      assertThat(s.getMoreResults()).isFalse();
      assertThat(s.getUpdateCount()).isEqualTo(-1);
    }
  }

  /** executeQuery of RETURNING gives the rows; the same rows are the generated keys. */
  @Test void executeQueryOfReturningAlsoFillsGeneratedKeys() throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + T
        + " (label) VALUES (?) RETURNING id, token")) {
      ps.setString(1, "q");
      int id;
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        id = rs.getInt(1);
      }
      try (ResultSet keys = ps.getGeneratedKeys()) {
        assertThat(keys.next()).isTrue();
        assertThat(keys.getInt(1)).isEqualTo(id);
        assertThat(keys.getString(2)).isEqualTo(secretOf(id));
      }
    }
  }

  /** Whichever execute method runs an INSERT … RETURNING token, the secret can be read. */
  @ParameterizedTest
  @ValueSource(strings = {"execute", "executeUpdate", "executeLargeUpdate", "executeQuery"})
  void aOneTimeSecretIsNeverLost(String method) throws SQLException {
    String sql = "INSERT INTO " + T + " (label) VALUES ('once') RETURNING id, token";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ResultSet rows = switch (method) {
        case "execute" -> ps.execute() ? ps.getResultSet() : null;
        case "executeUpdate" -> ps.executeUpdate() == 1 ? ps.getResultSet() : null;
        case "executeLargeUpdate" -> ps.executeLargeUpdate() == 1L ? ps.getResultSet() : null;
        default -> ps.executeQuery();
      };
      assertThat(rows).isNotNull();
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString("token")).isEqualTo(secretOf(rows.getInt("id")));
      try (ResultSet keys = ps.getGeneratedKeys()) {
        assertThat(keys.next()).isTrue();
        assertThat(keys.getString("token")).isEqualTo(secretOf(keys.getInt("id")));
      }
    }
    assertThat(writes()).hasSize(1);
  }

  /** RETURN_GENERATED_KEYS: the count, then the keys, with one POST. */
  @Test void generatedKeysOfAPreparedInsert() throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + T + " (label) VALUES (?)",
        Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, "k");
      assertThat(ps.executeUpdate()).isEqualTo(1);
      assertThat(ps.getUpdateCount()).isEqualTo(1);
      assertThat(ps.getResultSet()).isNull();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        assertThat(keys.next()).isTrue();
        assertThat(keys.getString("token")).isEqualTo(secretOf(keys.getInt("id")));
      }
    }
    assertThat(writes()).containsExactly("POST /v4/profile/tokens");
  }

  /** A dry run's counts are those the statement would have; nothing is sent. */
  @Test void dryRunsCountWhatTheyWouldDo() throws SQLException {
    Connection dry = sandbox.connect(Map.of("dryRun", "true"));
    try (Statement s = dry.createStatement()) {
      assertThat(s.executeUpdate("INSERT INTO " + T + " (label) VALUES ('d1'), ('d2')"))
          .isEqualTo(2);
      assertThat(s.executeUpdate("UPDATE " + T + " SET label = 'x' WHERE id IN (2, 3, 4)"))
          .isEqualTo(3);
      assertThat(s.executeLargeUpdate("DELETE FROM " + T + " WHERE id = 99")).isZero();
      assertThat(s.execute("DELETE FROM " + T + " WHERE id = 2")).isTrue();
      try (ResultSet rs = s.getResultSet()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString("method")).isEqualTo("DELETE");
        assertThat(rs.getString("path")).endsWith("/profile/tokens/2");
      }
      s.addBatch("UPDATE " + T + " SET label = 'b' WHERE id = 2");
      s.addBatch("UPDATE " + T + " SET label = 'b' WHERE id IN (3, 4)");
      assertThat(s.executeBatch()).containsExactly(1, 2);
    }
    try (PreparedStatement ps = dry.prepareStatement("INSERT INTO " + T + " (label) VALUES (?)")) {
      for (String label : List.of("p1", "p2", "p3")) {
        ps.setString(1, label);
        ps.addBatch();
      }
      assertThat(ps.executeBatch()).containsExactly(1, 1, 1);
    }
    assertThat(writes()).isEmpty();
    assertThat(sandbox.server().store().all()).hasSize(ConformanceData.tokens().size());
  }

  /** A batch of RETURNING statements: a count per statement and every statement's keys. */
  @Test void batchOfReturningStatements() throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + T
        + " (label) VALUES (?) RETURNING id, token")) {
      ps.setString(1, "b1");
      ps.addBatch();
      ps.setString(1, "b2");
      ps.addBatch();
      assertThat(ps.executeBatch()).containsExactly(1, 1);
      try (ResultSet keys = ps.getGeneratedKeys()) {
        int n = 0;
        while (keys.next()) {
          assertThat(keys.getString("token")).isEqualTo(secretOf(keys.getInt("id")));
          n++;
        }
        assertThat(n).isEqualTo(2);
      }
    }
    List<RecordedRequest> posts = sandbox.requests().stream()
        .filter(r -> r.method().equals("POST")).toList();
    assertThat(posts).hasSize(2);
  }
}
