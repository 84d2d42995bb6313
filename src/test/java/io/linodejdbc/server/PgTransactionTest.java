package io.linodejdbc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linodejdbc.sandbox.RecordedRequest;
import io.linodejdbc.sandbox.SampleData;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * BEGIN/COMMIT/ROLLBACK through the server map onto the session's JDBC transaction: writes are
 * checked at once and sent at COMMIT, discarded by ROLLBACK; an error makes the block failed
 * (25P02) until it ends.
 */
class PgTransactionTest {
  private static PgServerFixture f;

  @BeforeAll
  static void start() {
    f = PgServerFixture.start(SampleData.demo());
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  private static long writes() {
    return f.sandbox.requestLog().requests().stream().map(RecordedRequest::method)
        .filter(m -> !m.equals("GET")).count();
  }

  private static int count(Statement s, String label) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM personal_access_tokens WHERE label = '"
        + label + "'")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void pgJdbcWithoutAutoCommitSendsAtCommitAndDiscardsAtRollback() throws Exception {
    try (Connection c = f.connect(); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      f.clearRequests();
      assertThat(s.executeUpdate("INSERT INTO personal_access_tokens (label, scopes)"
          + " VALUES ('tx-rolled-back', 'linodes:read_only')")).isEqualTo(1);
      assertThat(writes()).isZero(); // checked, not sent
      c.rollback();
      assertThat(writes()).isZero();
      assertThat(count(s, "tx-rolled-back")).isZero();

      assertThat(s.executeUpdate("INSERT INTO personal_access_tokens (label, scopes)"
          + " VALUES ('tx-committed', 'linodes:read_only')")).isEqualTo(1);
      assertThat(writes()).isZero();
      c.commit();
      assertThat(writes()).isEqualTo(1);
      c.setAutoCommit(true);
      assertThat(count(s, "tx-committed")).isEqualTo(1);
      s.executeUpdate("DELETE FROM personal_access_tokens WHERE label = 'tx-committed'");
    }
  }

  @Test
  void anErrorFailsTheBlockUntilRollback() throws Exception {
    try (Connection c = f.connect(); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      f.clearRequests();
      s.executeUpdate("INSERT INTO personal_access_tokens (label, scopes)"
          + " VALUES ('tx-failed', 'linodes:read_only')");
      assertThatThrownBy(() -> s.executeQuery("SELECT lable FROM personal_access_tokens"))
          .isInstanceOfSatisfying(SQLException.class, e ->
              assertThat(e.getSQLState()).isEqualTo("42703"));
      assertThatThrownBy(() -> s.executeQuery("SELECT 1"))
          .isInstanceOfSatisfying(SQLException.class, e ->
              assertThat(e.getSQLState()).isEqualTo("25P02"));
      c.commit(); // a failed block commits as a rollback
      assertThat(writes()).isZero();
      assertThat(count(s, "tx-failed")).isZero();
    }
  }

  @Test
  void readOnlyTransactionRefusesWrites() throws Exception {
    try (Connection c = f.connect(); Statement s = c.createStatement()) {
      f.clearRequests();
      s.execute("BEGIN READ ONLY");
      assertThatThrownBy(() -> s.executeUpdate("DELETE FROM personal_access_tokens WHERE id = 1"))
          .isInstanceOf(SQLException.class);
      s.execute("ROLLBACK");
      s.execute("START TRANSACTION");
      s.execute("SET TRANSACTION READ ONLY");
      assertThatThrownBy(() -> s.executeUpdate("DELETE FROM personal_access_tokens WHERE id = 1"))
          .isInstanceOf(SQLException.class);
      s.execute("ROLLBACK");
      assertThat(writes()).isZero();
      assertThat(c.isReadOnly()).isFalse();
      assertThat(count(s, "linode-sql")).isEqualTo(1); // read-write again, row still there
    }
  }

  @Test
  void psycopg2DefaultTransactionCommitsAndRollsBack() {
    Path python = ExternalClients.python("psycopg2");
    ExternalClients.Result r = ExternalClients.run(List.of(python.toString(), "-c",
        String.join("\n",
            "import psycopg2, psycopg2.extensions as e",
            "c = psycopg2.connect('')",
            "cur = c.cursor()",
            "cur.execute(\"INSERT INTO personal_access_tokens (label, scopes)"
                + " VALUES ('py-rolled-back', 'linodes:read_only')\")",
            "print(c.get_transaction_status() == e.TRANSACTION_STATUS_INTRANS)",
            "c.rollback()",
            "print(c.get_transaction_status() == e.TRANSACTION_STATUS_IDLE)",
            "cur.execute(\"SELECT COUNT(*) FROM personal_access_tokens WHERE label = 'py-rolled-back'\")",
            "print(cur.fetchone()[0])",
            "try:",
            "    cur.execute('SELECT lable FROM personal_access_tokens')",
            "except psycopg2.Error as ex:",
            "    print(ex.pgcode, c.get_transaction_status() == e.TRANSACTION_STATUS_INERROR)",
            "try:",
            "    cur.execute('SELECT 1')",
            "except psycopg2.Error as ex:",
            "    print(ex.pgcode)",
            "c.rollback()",
            "cur.execute(\"INSERT INTO personal_access_tokens (label, scopes)"
                + " VALUES ('py-committed', 'linodes:read_only')\")",
            "c.commit()",
            "cur.execute(\"SELECT COUNT(*) FROM personal_access_tokens WHERE label = 'py-committed'\")",
            "print(cur.fetchone()[0])",
            "cur.execute(\"DELETE FROM personal_access_tokens WHERE label = 'py-committed'\")",
            "c.commit()",
            "c.close()")),
        Map.of("PGHOST", "127.0.0.1", "PGPORT", Integer.toString(f.server.port()),
            "PGUSER", "analyst", "PGDATABASE", "linode", "PGPASSWORD", f.token()), 120);
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out().lines().toList()).containsExactly("True", "True", "0", "42703 True",
        "25P02", "1");
  }
}
