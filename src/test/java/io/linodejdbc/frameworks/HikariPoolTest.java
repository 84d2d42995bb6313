package io.linodejdbc.frameworks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.linodejdbc.sandbox.LabelMatching;
import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.testing.LogCapture;
import io.linodejdbc.testing.SandboxFixture;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HikariCP in front of the driver, as applications configure it. */
class HikariPoolTest {
  private static final String T = "personal_access_tokens";
  private SandboxFixture sandbox;

  @BeforeEach void start() {
    sandbox = SandboxFixture.start(SampleData.demo(), LabelMatching.EXACT);
  }

  @AfterEach void stop() {
    sandbox.close();
  }

  private HikariConfig config(int size) {
    HikariConfig config = new HikariConfig();
    config.setDriverClassName("io.linodejdbc.jdbc.LinodeDriver");
    config.setJdbcUrl("jdbc:linode:");
    // The token as the password: Hikari masks it when it logs its configuration (it would show
    // a dataSourceProperties "token" as it is).
    config.setPassword(sandbox.server().actingToken());
    config.addDataSourceProperty("apiUrl", sandbox.server().baseUrl());
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(1);
    config.setPoolName("linode-test");
    return config;
  }

  private long lookupsOf(int id) {
    return sandbox.requests().stream()
        .filter(r -> r.method().equals("GET") && r.path().endsWith("/profile/tokens/" + id))
        .count();
  }

  /** Default configuration: 8 threads borrow, query and return 200 times each. */
  @Test void eightThreadsTwoHundredBorrowsEach() throws Exception {
    try (HikariDataSource ds = new HikariDataSource(config(4))) {
      sandbox.clearRequests();
      ExecutorService threads = Executors.newFixedThreadPool(8);
      List<Future<Integer>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        done.add(threads.submit(() -> {
          int ok = 0;
          for (int i = 0; i < 200; i++) {
            try (Connection c = ds.getConnection();
                 PreparedStatement ps = c.prepareStatement(
                     "SELECT label FROM " + T + " WHERE id = ?")) {
              ps.setInt(1, 2);
              try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getString(1).equals("ci-deploy")) {
                  ok++;
                }
              }
            }
          }
          return ok;
        }));
      }
      int total = 0;
      for (Future<Integer> f : done) {
        total += f.get(10, TimeUnit.MINUTES);
      }
      threads.shutdown();
      assertThat(total).isEqualTo(1600);
      assertThat(lookupsOf(2)).isEqualTo(1600);
      assertThat(ds.getHikariPoolMXBean().getTotalConnections()).isLessThanOrEqualTo(4);
      // Pools check a connection when it was idle; a recent answer spares the request.
      long probes = sandbox.requests().stream()
          .filter(r -> r.path().endsWith("/profile/tokens") && r.method().equals("GET")).count();
      assertThat(probes).isLessThanOrEqualTo(4);
    }
  }

  /** autoCommit=false: the pool's connections run transactions; return rolls back the rest. */
  @Test void autoCommitOffPool() throws SQLException {
    HikariConfig config = config(2);
    config.setAutoCommit(false);
    try (HikariDataSource ds = new HikariDataSource(config)) {
      try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
        assertThat(c.getAutoCommit()).isFalse();
        assertThat(s.executeUpdate("UPDATE " + T + " SET label = 'pooled' WHERE id = 3"))
            .isEqualTo(1);
        c.commit();
      }
      try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
        s.executeUpdate("UPDATE " + T + " SET label = 'abandoned' WHERE id = 4");
      } // returned uncommitted: Hikari rolls back
      try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
        c.commit();
      }
    }
    assertThat(sandbox.server().store().get(3).orElseThrow().label()).isEqualTo("pooled");
    assertThat(sandbox.server().store().get(4).orElseThrow().label()).isEqualTo("linode-cli");
    assertThat(sandbox.requests().stream().filter(r -> r.method().equals("PUT")).count())
        .isEqualTo(1);
  }

  /** A refused statement is the statement's problem: the pool keeps the connection. */
  @Test void refusedStatementsDoNotEvict() throws SQLException {
    try (HikariDataSource ds = new HikariDataSource(config(1))) {
      Object physical;
      try (Connection c = ds.getConnection()) {
        physical = c.unwrap(Connection.class);
      }
      List<String> refusals = List.of(
          "UPDATE " + T + " SET scopes = '*' WHERE id = 2",
          "UPDATE " + T + " SET expiry = NULL WHERE id = 2",
          "DELETE FROM " + T,
          "UPSERT INTO " + T + " (label) VALUES ('x')",
          "SELECT nope FROM " + T,
          "SELEC 1",
          "INSERT INTO " + T + " (label) VALUES ('" + "x".repeat(101) + "')",
          "SELECT id FROM " + T + " WHERE created = CAST('never' AS TIMESTAMP)");
      List<String> states = new ArrayList<>();
      for (String sql : refusals) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
          assertThat(c.unwrap(Connection.class)).isSameAs(physical);
          assertThatThrownBy(() -> s.execute(sql)).isInstanceOf(SQLException.class)
              .satisfies(e -> states.add(((SQLException) e).getSQLState()));
        }
      }
      try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
          "SELECT id FROM " + T + " WHERE id = ?")) {
        assertThatThrownBy(() -> ps.setString(1, "two")).isInstanceOf(SQLException.class)
            .satisfies(e -> states.add(((SQLException) e).getSQLState()));
        c.setReadOnly(true);
        try (Statement s = c.createStatement()) {
          assertThatThrownBy(() -> s.executeUpdate("DELETE FROM " + T + " WHERE id = 2"))
              .satisfies(e -> states.add(((SQLException) e).getSQLState()));
        }
      }
      try (Connection c = ds.getConnection()) {
        assertThat(c.unwrap(Connection.class)).isSameAs(physical);
      }
      assertThat(states).hasSize(refusals.size() + 2)
          .noneMatch(s -> s == null || s.startsWith("08") || s.equals("0A000"));
      assertThat(ds.getHikariPoolMXBean().getTotalConnections()).isEqualTo(1);
    }
  }

  /** Leak detection names a connection held too long, through the host's logging. */
  @Test void leakDetectionReportsAHeldConnection() throws Exception {
    HikariConfig config = config(1);
    config.setLeakDetectionThreshold(2000);
    try (LogCapture log = LogCapture.atDebug(); HikariDataSource ds = new HikariDataSource(config)) {
      try (Connection c = ds.getConnection()) {
        Thread.sleep(3000);
        assertThat(c.isValid(1)).isTrue();
      }
      assertThat(log.lines()).anyMatch(l -> l.contains("leak"));
      assertThat(String.join("\n", log.lines())).doesNotContain(sandbox.server().actingToken());
    }
  }

  /** Shutdown closes the driver's connections; borrowing afterwards fails cleanly. */
  @Test void shutdownClosesConnections() throws SQLException {
    HikariDataSource ds = new HikariDataSource(config(2));
    Connection physical;
    try (Connection c = ds.getConnection()) {
      physical = c.unwrap(Connection.class);
    }
    ds.close();
    assertThat(ds.isClosed()).isTrue();
    assertThat(physical.isClosed()).isTrue();
    assertThatThrownBy(ds::getConnection).isInstanceOf(SQLException.class);
  }
}
