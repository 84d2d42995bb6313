package io.linodejdbc.dml;

import static org.assertj.core.api.Assertions.assertThat;

import io.linodejdbc.sandbox.LabelMatching;
import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.sandbox.SandboxServer;
import io.linodejdbc.sandbox.SandboxToken;
import io.linodejdbc.testing.LogCapture;
import io.linodejdbc.testing.SandboxFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With every logger at DEBUG, creates tokens in every way the driver allows (INSERT … RETURNING,
 * generated keys, prepared, batches), fails inserts (refused by the driver, refused by the server
 * after an earlier row was created), dry-runs them and EXPLAINs the rows query, then searches
 * everything produced for the new tokens' full secrets: log lines, exception messages and stack
 * traces, {@code toString()} of JDBC objects, the sandbox's request log. The secrets may appear
 * only in the RETURNING / generated-keys values read, which are kept apart.
 */
class SecretNeverLeaksOnWriteTest {
  private static final String T = "personal_access_tokens";

  private final List<String> captured = new ArrayList<>();
  /** The values read from RETURNING and generated keys: the one place a secret belongs. */
  private final Set<String> returnedSecrets = new HashSet<>();
  private LogCapture logs;

  @BeforeEach void captureAllLogsAtDebug() {
    logs = LogCapture.atDebug();
  }

  @AfterEach void restore() {
    logs.close();
  }

  private void failure(Throwable e) {
    StringWriter w = new StringWriter();
    e.printStackTrace(new PrintWriter(w));
    captured.add(w.toString());
    captured.add(String.valueOf(e.getMessage()));
  }

  /** Runs a query; the columns named {@code token} are secrets kept apart, the rest captured. */
  private void run(Connection c, String sql) {
    try (Statement s = c.createStatement()) {
      captured.add(s.toString());
      boolean results = s.execute(sql);
      if (results) {
        try (ResultSet rs = s.getResultSet()) {
          read(rs);
        }
      }
      captured.add(s.toString());
    } catch (SQLException e) {
      failure(e);
    }
  }

  private void read(ResultSet rs) throws SQLException {
    captured.add(rs.toString());
    int n = rs.getMetaData().getColumnCount();
    while (rs.next()) {
      for (int i = 1; i <= n; i++) {
        String v = rs.getString(i);
        if (rs.getMetaData().getColumnLabel(i).equals("token")) {
          returnedSecrets.add(v);
        } else {
          captured.add(String.valueOf(v));
        }
      }
    }
    captured.add(rs.toString());
  }

  @Test void newSecretsAppearOnlyWhereTheyAreReturned() throws Exception {
    // The sandbox lives in 2040: an expiry in 2035 passes the driver's check (real clock) and
    // is refused by the server, after the statement's first row was created.
    Clock future = Clock.fixed(Instant.parse("2040-01-01T00:00:00Z"), ZoneOffset.UTC);
    try (SandboxFixture box = SandboxFixture.start(SampleData.demo(), LabelMatching.EXACT, future)) {
      Connection c = box.connect();
      captured.add(c.toString());
      run(c, SeedStatementsTest.INSERT.replace("2030-01-01", "2045-01-01"));
      run(c, "INSERT INTO " + T + " (label) VALUES ('r1'), ('r2') RETURNING *");
      try (Statement s = c.createStatement()) {
        s.executeUpdate("INSERT INTO " + T + " (label) VALUES ('k1')",
            Statement.RETURN_GENERATED_KEYS);
        try (ResultSet keys = s.getGeneratedKeys()) {
          read(keys);
        }
        captured.add(s.toString());
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + T + " (label) VALUES (?)",
          new String[] {"id", "token"})) {
        captured.add(ps.toString());
        ps.setString(1, "pk1");
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
          read(keys);
        }
        captured.add(ps.toString());
      }
      try (Statement s = c.createStatement()) {
        s.addBatch("INSERT INTO " + T + " (label) VALUES ('b1')");
        s.addBatch("INSERT INTO " + T + " (label) VALUES ('" + "q".repeat(101) + "')");
        s.executeBatch();
      } catch (SQLException e) {
        failure(e);
      }
      // Refused by the driver.
      run(c, "INSERT INTO " + T + " (scopes) VALUES ('linodes:write') RETURNING token");
      // Refused by the server after the first row was created: that row's secret is lost.
      run(c, "INSERT INTO " + T + " (label, expiry) VALUES ('lost', NULL),"
          + " ('late', '2035-01-01T00:00:00') RETURNING id, token");
      run(c, "INSERT INTO " + T + " (label, expiry) VALUES ('lost2', NULL),"
          + " ('late2', '2035-01-01T00:00:00')");
      // The rows of the new tokens, read back, and EXPLAIN of a write's rows query.
      run(c, "SELECT * FROM " + T + " WHERE id > 8");
      run(c, "EXPLAIN PLAN FOR SELECT * FROM " + T + " WHERE id IN (9, 10, 11)");
      run(c, "UPDATE " + T + " SET label = 'relabelled' WHERE id = 9 RETURNING *");
      run(c, "DELETE FROM " + T + " WHERE id = 10 RETURNING *");

      try (Connection dry = box.connect(Map.of("dryRun", "true"))) {
        captured.add(dry.toString());
        run(dry, "INSERT INTO " + T + " (label) VALUES ('dry') RETURNING id, token");
        run(dry, "UPDATE " + T + " SET label = 'dry' WHERE id > 8");
        run(dry, "DELETE FROM " + T + " WHERE id > 8");
      }

      box.requests().forEach(r -> captured.add(r.toString() + " " + r.body() + " " + r.headers()));
      captured.add(box.server().store().all().toString());
      captured.addAll(logs.lines());

      List<SandboxToken> created = box.server().store().all().stream().filter(t -> t.id() > 8)
          .toList();
      // Tokens 9 (seed), 10-11 (r1, r2), 12 (k1), 13 (pk1), 14 (b1), 15 (lost), 16 (lost2);
      // 10 was deleted again.
      assertThat(created).extracting(SandboxToken::label).containsExactly("relabelled", "r2",
          "k1", "pk1", "b1", "lost", "lost2");
      assertThat(created).extracting(SandboxToken::id).containsExactly(9, 11, 12, 13, 14, 15, 16);
      assertThat(logs.events()).as("DEBUG logging was really on").isPositive();
      assertThat(captured).as("the server really refused the late expiry")
          .anySatisfy(s -> assertThat(s).contains("expiry must be in the future"));
      // Never print the set itself: it holds secrets. 9, 10, 11, 12 and 13 were returned in full.
      long full = returnedSecrets.stream().filter(v -> v != null && v.length() == 64).count();
      assertThat(full).as("full secrets read from RETURNING / generated keys").isEqualTo(5);
      for (SandboxToken t : created) {
        String beyondPrefix = t.secret().substring(SandboxToken.PREFIX_LENGTH);
        boolean returned = returnedSecrets.contains(t.secret());
        assertThat(returned || List.of(14, 15, 16).contains(t.id()))
            .as("token " + t.id() + "'s secret was returned where asked for").isTrue();
        for (String s : captured) {
          if (s != null && s.contains(beyondPrefix)) {
            throw new AssertionError("secret of token " + t.id() + " leaked into: "
                + s.replace(beyondPrefix, "<SECRET>"));
          }
        }
      }
      String acting = SandboxServer.DEFAULT_ACTING_TOKEN.substring(SandboxToken.PREFIX_LENGTH);
      assertThat(captured).noneSatisfy(s -> assertThat(String.valueOf(s)).contains(acting));
    }
  }
}
