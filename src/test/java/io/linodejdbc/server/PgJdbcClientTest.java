package io.linodejdbc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linodejdbc.sandbox.RecordedRequest;
import io.linodejdbc.sandbox.SampleData;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** pgJDBC, a real PostgreSQL client, against the server: queries, parameters, writes, cancel. */
class PgJdbcClientTest {
  private static PgServerFixture f;

  @BeforeAll
  static void start() {
    f = PgServerFixture.start(SampleData.bulk(1200, 7));
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  @Test
  void connectCostsOneRequestAndAQueryReturnsTypedColumns() throws Exception {
    f.clearRequests();
    try (Connection c = f.connect()) {
      List<RecordedRequest> login = f.sandbox.requestLog().requests();
      assertThat(login).hasSize(1);
      assertThat(login.get(0).path()).isEqualTo("/v4/profile/tokens");
      assertThat(c.getMetaData().getDatabaseProductVersion()).startsWith("15.0");
      try (Statement s = c.createStatement();
           ResultSet rs = s.executeQuery("SELECT id, label, created, expiry, scopes, token"
               + " FROM personal_access_tokens WHERE id = 5")) {
        ResultSetMetaData md = rs.getMetaData();
        assertThat(md.getColumnTypeName(1)).isEqualTo("int4");
        assertThat(md.getColumnTypeName(2)).isEqualTo("varchar");
        assertThat(md.getColumnTypeName(3)).isEqualTo("timestamp");
        assertThat(md.getColumnType(3)).isEqualTo(Types.TIMESTAMP);
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(5);
        assertThat(rs.getTimestamp(3)).isNotNull();
        assertThat(rs.next()).isFalse();
      }
    }
  }

  @Test
  void wrongTokenIsRefusedAtConnect() {
    Properties p = new Properties();
    p.setProperty("password", "not-a-token");
    assertThatThrownBy(() -> f.connect(p))
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"))
        .hasMessageContaining("password authentication failed")
        .hasMessageNotContaining("not-a-token");
  }

  @Test
  void simpleQueryWithSeveralStatementsAndTags() throws Exception {
    try (Connection c = f.connect(); Statement s = c.createStatement()) {
      assertThat(s.execute("SELECT 1; SELECT id FROM personal_access_tokens WHERE id IN (1, 2)"))
          .isTrue();
      List<Integer> counts = new ArrayList<>();
      do {
        try (ResultSet rs = s.getResultSet()) {
          int n = 0;
          while (rs.next()) {
            n++;
          }
          counts.add(n);
        }
      } while (s.getMoreResults());
      assertThat(counts).containsExactly(1, 2);
    }
  }

  @Test
  void preparedStatementsWithParametersOfEachType() throws Exception {
    try (Connection c = f.connect()) {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id, label FROM personal_access_tokens WHERE id = ?")) {
        for (int round = 0; round < 7; round++) { // past pgJDBC's prepareThreshold: binary rows
          ps.setInt(1, 5 + round);
          try (ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt("id")).isEqualTo(5 + round);
          }
        }
        ps.setNull(1, Types.INTEGER);
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(rs.next()).isFalse();
        }
        ps.setString(1, "6");
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(rs.next()).isTrue();
        }
      }
      String label;
      Timestamp created;
      try (Statement s = c.createStatement();
           ResultSet rs = s.executeQuery("SELECT label, created FROM personal_access_tokens"
               + " WHERE id = 9")) {
        rs.next();
        label = rs.getString(1);
        created = rs.getTimestamp(2);
      }
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id FROM personal_access_tokens WHERE label = ? AND created = ?")) {
        ps.setString(1, label);
        ps.setTimestamp(2, created);
        try (ResultSet rs = ps.executeQuery()) {
          List<Integer> ids = new ArrayList<>();
          while (rs.next()) {
            ids.add(rs.getInt(1));
          }
          assertThat(ids).contains(9);
        }
      }
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT ? + 1.5, CAST(? AS DOUBLE) * 2, ? IS TRUE FROM personal_access_tokens WHERE id = 1")) {
        ps.setBigDecimal(1, new BigDecimal("1.25"));
        ps.setDouble(2, 0.5);
        ps.setBoolean(3, true);
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getBigDecimal(1)).isEqualByComparingTo("2.75");
          assertThat(rs.getDouble(2)).isEqualTo(1.0);
          assertThat(rs.getBoolean(3)).isTrue();
        }
      }
    }
  }

  @Test
  void fetchSizeUsesPortalsWithRowLimits() throws Exception {
    try (Connection c = f.connect()) {
      c.setAutoCommit(false); // pgJDBC fetches in chunks only inside a transaction
      try (Statement s = c.createStatement()) {
        s.setFetchSize(100);
        try (ResultSet rs = s.executeQuery("SELECT id FROM personal_access_tokens ORDER BY id")) {
          int n = 0;
          int last = 0;
          while (rs.next()) {
            assertThat(rs.getInt(1)).isGreaterThan(last);
            last = rs.getInt(1);
            n++;
          }
          assertThat(n).isEqualTo(1200);
        }
      }
      c.commit();
    }
  }

  @Test
  void insertReturningGivesTheSecretOnce() throws Exception {
    try (Connection c = f.connect(); Statement s = c.createStatement()) {
      String secret;
      int id;
      try (ResultSet rs = s.executeQuery("INSERT INTO personal_access_tokens (label, scopes)"
          + " VALUES ('via-pg', 'linodes:read_only') RETURNING id, label, token")) {
        assertThat(rs.next()).isTrue();
        id = rs.getInt("id");
        secret = rs.getString("token");
        assertThat(rs.getString("label")).isEqualTo("via-pg");
        assertThat(secret).hasSizeGreaterThan(20);
      }
      try (ResultSet rs = s.executeQuery("SELECT token FROM personal_access_tokens WHERE id = "
          + id)) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isNotEqualTo(secret);
      }
      assertThat(s.executeUpdate("UPDATE personal_access_tokens SET label = 'via-pg-2'"
          + " WHERE id = " + id)).isEqualTo(1);
      try (PreparedStatement ps = c.prepareStatement(
          "DELETE FROM personal_access_tokens WHERE id = ?")) {
        ps.setInt(1, id);
        assertThat(ps.executeUpdate()).isEqualTo(1);
      }
    }
  }

  @Test
  void errorsCarrySqlStateAndPosition() throws Exception {
    try (Connection c = f.connect(); Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeQuery("SELECT nope FROM personal_access_tokens"))
          .isInstanceOfSatisfying(org.postgresql.util.PSQLException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo("42703");
            assertThat(e.getServerErrorMessage().getPosition()).isEqualTo(8);
          });
      assertThatThrownBy(() -> s.executeQuery("SELECT * FROM nowhere"))
          .isInstanceOfSatisfying(org.postgresql.util.PSQLException.class, e ->
              assertThat(e.getSQLState()).isEqualTo("42P01"));
      // The session carries on after an error.
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM personal_access_tokens")) {
        assertThat(rs.next()).isTrue();
      }
    }
  }

  @Test
  void setShowAndTransactionsAsClientsExpect() throws Exception {
    try (Connection c = f.connect(); Statement s = c.createStatement()) {
      s.execute("SET application_name = 'report-tool'");
      try (ResultSet rs = s.executeQuery("SHOW application_name")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("report-tool");
      }
      try (ResultSet rs = s.executeQuery("SHOW server_encoding")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("UTF8");
      }
      c.setAutoCommit(false);
      try (ResultSet rs = s.executeQuery("SELECT id FROM personal_access_tokens WHERE id = 3")) {
        assertThat(rs.next()).isTrue();
      }
      c.rollback(); // a real rollback now (PgTransactionTest): no warning that it undid nothing
      assertThat((Object) c.getWarnings()).isNull();
      c.setAutoCommit(true);
      assertThatThrownBy(() -> s.execute("SET client_encoding = 'LATIN1'"))
          .hasMessageContaining("UTF8");
    }
  }

  @Test
  void cancelStopsARunningQuery() throws Exception {
    try (Connection c = f.connect(); Statement s = c.createStatement()) {
      String sql = "SELECT COUNT(DISTINCT label) FROM personal_access_tokens a";
      try (ResultSet rs = s.executeQuery(sql)) { // planned once: the cancel meets the run
        assertThat(rs.next()).isTrue();
      }
      f.sandbox.setLatency(java.time.Duration.ofMillis(400));
      try {
        CompletableFuture<Object> run = CompletableFuture.supplyAsync(() -> {
          try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
          } catch (SQLException e) {
            return e;
          }
        });
        Thread.sleep(300);
        s.cancel();
        Object outcome = run.get(30, TimeUnit.SECONDS);
        assertThat(outcome).isInstanceOf(SQLException.class);
        assertThat(((SQLException) outcome).getSQLState()).isEqualTo("57014");
      } finally {
        f.sandbox.setLatency(java.time.Duration.ZERO);
      }
      try (ResultSet rs = s.executeQuery("SELECT id FROM personal_access_tokens WHERE id = 2")) {
        assertThat(rs.next()).isTrue();
      }
    }
  }
}
