package io.linodejdbc.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.linodejdbc.sandbox.SandboxToken;
import io.linodejdbc.testing.SandboxFixture;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Transactions (JDBC 4.3 §10): setAutoCommit(false) starts one; commit() makes its changes
 * permanent, rollback() drops them; switching auto-commit on commits. The API has none, so writes
 * are checked at once and sent at commit() (PendingWrites).
 */
class TransactionsConformanceTest {
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

  private List<String> labels() {
    return sandbox.server().store().all().stream().map(SandboxToken::label).toList();
  }

  /** §10.1: setAutoCommit(false) is accepted and getAutoCommit says so. */
  @Test void autoCommitCanBeSwitchedOff() throws SQLException {
    assertThat(c.getAutoCommit()).isTrue();
    c.setAutoCommit(false);
    assertThat(c.getAutoCommit()).isFalse();
    c.setAutoCommit(true);
    assertThat(c.getAutoCommit()).isTrue();
  }

  /** §10.1: commit() makes the changes permanent, in statement order. */
  @Test void writesAreSentAtCommitInOrder() throws SQLException {
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      assertThat(s.executeUpdate("INSERT INTO " + T + " (label) VALUES ('tx-new')")).isEqualTo(1);
      assertThat(s.executeUpdate("UPDATE " + T + " SET label = 'tx-renamed' WHERE id IN (2, 3)"))
          .isEqualTo(2);
      assertThat(s.executeUpdate("DELETE FROM " + T + " WHERE id = 4")).isEqualTo(1);
    }
    assertThat(writes()).isEmpty();
    assertThat(labels()).doesNotContain("tx-new", "tx-renamed");
    c.commit();
    assertThat(writes()).containsExactly("POST /v4/profile/tokens", "PUT /v4/profile/tokens/2",
        "PUT /v4/profile/tokens/3", "DELETE /v4/profile/tokens/4");
    assertThat(labels()).contains("tx-new", "tx-renamed").doesNotContain("lh-gap");
    c.commit(); // nothing left to send
    assertThat(writes()).hasSize(4);
  }

  /** §10.1: rollback() drops the changes; nothing was sent, so nothing needs undoing. */
  @Test void rollbackDiscardsAndSendsNothing() throws SQLException {
    c.setAutoCommit(false);
    try (PreparedStatement ps = c.prepareStatement("UPDATE " + T + " SET label = ? WHERE id = ?")) {
      ps.setString(1, "never");
      ps.setInt(2, 2);
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
    c.rollback();
    assertThat((Object) c.getWarnings()).isNull();
    c.commit();
    assertThat(writes()).isEmpty();
    assertThat(labels()).doesNotContain("never");
  }

  /** A write is checked when it executes: a bad value fails then, and nothing is queued. */
  @Test void aBadWriteFailsAtOnce() throws SQLException {
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE " + T + " SET label = 'ok' WHERE id = 2");
      SQLException e = catchThrowableOfType(SQLException.class,
          () -> s.executeUpdate("UPDATE " + T + " SET label = '" + "x".repeat(101) + "' WHERE id = 3"));
      assertThat(e.getSQLState()).isEqualTo("22001");
      assertThat(catchThrowableOfType(SQLException.class,
          () -> s.executeUpdate("UPDATE " + T + " SET scopes = '*' WHERE id = 3")).getSQLState())
          .isEqualTo("428C9");
    }
    c.commit();
    assertThat(writes()).containsExactly("PUT /v4/profile/tokens/2");
  }

  /** JDBC: switching auto-commit back on during a transaction commits it. */
  @Test void switchingAutoCommitOnCommits() throws SQLException {
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM " + T + " WHERE id = 5");
    }
    assertThat(writes()).isEmpty();
    c.setAutoCommit(true);
    assertThat(writes()).containsExactly("DELETE /v4/profile/tokens/5");
  }

  /** A commit failing part-way says exactly which requests were applied and which not. */
  @Test void aCommitFailingPartWayReportsWhatWasApplied() throws SQLException {
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE " + T + " SET label = 'first' WHERE id = 2");
      s.executeUpdate("UPDATE " + T + " SET label = 'second' WHERE id = 5");
      s.executeUpdate("DELETE FROM " + T + " WHERE id = 6");
    }
    sandbox.server().store().delete(5); // gone before the commit: its PUT will fail
    SQLException e = catchThrowableOfType(SQLException.class, () -> c.commit());
    assertThat(e.getMessage()).contains("request 2 of 3")
        .contains("Applied, and not undone: [PUT /profile/tokens/2]")
        .contains("Not sent: [DELETE /profile/tokens/6]");
    assertThat(e.getSQLState()).isNotNull().doesNotStartWith("08").isNotEqualTo("0A000");
    assertThat(writes()).containsExactly("PUT /v4/profile/tokens/2", "PUT /v4/profile/tokens/5");
    assertThat(labels()).contains("first", "kolkata");
    c.commit(); // the failed transaction is over
    assertThat(writes()).hasSize(2);
  }

  /** RETURNING needs the API's answer, which only a sent request has: refused, nothing queued. */
  @Test void returningInATransactionIsRefused() throws SQLException {
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      SQLException e = catchThrowableOfType(SQLException.class,
          () -> s.executeUpdate("INSERT INTO " + T + " (label) VALUES ('r') RETURNING token"));
      assertThat(e.getSQLState()).isEqualTo("25000");
      assertThatThrownBy(() -> s.executeUpdate("INSERT INTO " + T + " (label) VALUES ('k')",
          Statement.RETURN_GENERATED_KEYS)).isInstanceOf(SQLException.class);
    }
    c.commit();
    assertThat(writes()).isEmpty();
  }

  /** Batches in a transaction: counts per statement at once, requests at commit. */
  @Test void batchesInATransaction() throws SQLException {
    c.setAutoCommit(false);
    try (PreparedStatement ps = c.prepareStatement("UPDATE " + T + " SET label = ? WHERE id = ?")) {
      ps.setString(1, "b2");
      ps.setInt(2, 2);
      ps.addBatch();
      ps.setString(1, "b99");
      ps.setInt(2, 99);
      ps.addBatch();
      assertThat(ps.executeBatch()).containsExactly(1, 0);
    }
    assertThat(writes()).isEmpty();
    c.commit();
    assertThat(writes()).containsExactly("PUT /v4/profile/tokens/2");
  }

  /** A failing statement in a batch: BatchUpdateException with the counts before it. */
  @Test void aFailingBatchStatementInATransaction() throws SQLException {
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.addBatch("UPDATE " + T + " SET label = 'one' WHERE id = 2");
      s.addBatch("UPDATE " + T + " SET expiry = NULL WHERE id = 3");
      BatchUpdateException e = catchThrowableOfType(BatchUpdateException.class, s::executeBatch);
      assertThat(e.getLargeUpdateCounts()).containsExactly(1L);
      assertThat(e.getSQLState()).isEqualTo("428C9");
    }
    c.rollback();
    assertThat(writes()).isEmpty();
  }

  /** A read-only transaction (Spring's readOnly = true) refuses writes with 25006. */
  @Test void readOnlyTransactionsRefuseWrites() throws SQLException {
    c.setReadOnly(true);
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      assertThat(catchThrowableOfType(SQLException.class,
          () -> s.executeUpdate("DELETE FROM " + T + " WHERE id = 2")).getSQLState())
          .isEqualTo("25006");
      assertThat(s.executeQuery("SELECT count(*) FROM " + T).next()).isTrue();
    }
    c.commit();
    assertThat(writes()).isEmpty();
  }

  /** §10.2: getTransactionIsolation reports the level setTransactionIsolation accepted. */
  @Test void isolationIsReadCommittedAndConsistent() throws SQLException {
    assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED)
        .isEqualTo(c.getMetaData().getDefaultTransactionIsolation());
    c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    c.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED); // served by a higher one
    assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
    assertThatThrownBy(() -> c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE))
        .isInstanceOf(SQLException.class);
    assertThat(c.getMetaData().supportsTransactionIsolationLevel(
        Connection.TRANSACTION_SERIALIZABLE)).isFalse();
    assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
  }

  /** Closing with writes pending discards them (JDBC leaves this to the driver). */
  @Test void closingDiscardsPendingWrites() throws SQLException {
    Connection other = sandbox.connect();
    other.setAutoCommit(false);
    try (Statement s = other.createStatement()) {
      s.executeUpdate("DELETE FROM " + T + " WHERE id = 2");
    }
    other.close();
    assertThat(writes()).isEmpty();
    assertThat(sandbox.server().store().get(2)).isPresent();
  }
}
