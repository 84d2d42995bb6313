package io.linodejdbc.jdbc;

import io.linodejdbc.testing.LogCapture;
import static org.assertj.core.api.Assertions.assertThat;

import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.sandbox.SandboxServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs reads, failures and EXPLAIN with every logger at DEBUG, and searches everything the run
 * produced for the API token: log lines, exception messages and stack traces, {@code toString()}
 * of JDBC objects, property info and the sandbox's request log.
 */
class SecretLeakTest {
  /** 64 characters like a real token; its 16-character prefix is what lists show. */
  private static final String ACTING = "LEAKCANARY0123456789abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH";
  private static final String WRONG = "WRONGCANARY9876543210zyxwvutsrqponmlkjihgfedcba9876543210ZYXWVU";

  private final List<String> captured = new ArrayList<>();
  private LogCapture logs;

  @BeforeEach void captureAllLogsAtDebug() {
    logs = LogCapture.atDebug();
  }

  @AfterEach void restore() {
    logs.close();
  }

  private Connection connect(SandboxServer server, String token) throws SQLException {
    Properties p = new Properties();
    p.setProperty("password", token);
    p.setProperty("apiUrl", server.baseUrl());
    Connection c = DriverManager.getConnection("jdbc:linode:", p);
    captured.add(c.toString());
    return c;
  }

  private void run(Connection c, String sql) {
    try (Statement s = c.createStatement()) {
      captured.add(s.toString());
      try (ResultSet rs = s.executeQuery(sql)) {
        captured.add(rs.toString());
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          for (int i = 1; i <= n; i++) {
            captured.add(String.valueOf(rs.getString(i)));
          }
        }
      }
    } catch (SQLException e) {
      StringWriter w = new StringWriter();
      e.printStackTrace(new PrintWriter(w));
      captured.add(w.toString());
    }
  }

  @Test void theTokenAppearsNowhere() throws SQLException {
    try (SandboxServer server = SandboxServer.builder().actingToken(ACTING)
        .tokens(SampleData.adversarial(300, 3)).start()) {
      try (Connection c = connect(server, ACTING)) {
        run(c, "SELECT * FROM personal_access_tokens");
        run(c, "SELECT * FROM personal_access_tokens WHERE id IN (1, 2, 99999)");
        run(c, "SELECT * FROM personal_access_tokens WHERE label = 'deploy' ORDER BY created"
            + " DESC LIMIT 3");
        run(c, "EXPLAIN PLAN FOR SELECT * FROM personal_access_tokens WHERE created >"
            + " TIMESTAMP '2020-01-01 00:00:00'");
        run(c, "SELECT no_such_column FROM personal_access_tokens");
        run(c, "SELEC broken");
        try (PreparedStatement ps =
            c.prepareStatement("SELECT label FROM personal_access_tokens WHERE id = ?")) {
          captured.add(ps.toString());
          ps.setInt(1, 5);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              captured.add(String.valueOf(rs.getString(1)));
            }
          }
        }
        captured.add(String.valueOf(c.getMetaData().getURL()));
      }
      try (Connection c = connect(server, WRONG)) {
        run(c, "SELECT * FROM personal_access_tokens"); // 401
      }
      server.requestLog().requests().forEach(r -> captured.add(r.toString()));
      for (var info : new LinodeDriver().getPropertyInfo("jdbc:linode:token=" + ACTING,
          new Properties())) {
        captured.add(info.name + "=" + info.value + " " + info.description);
      }
    }
    captured.addAll(logs.lines());

    assertThat(logs.events()).as("DEBUG logging was really on").isPositive();
    assertThat(captured).as("the 401 was really produced")
        .anySatisfy(s -> assertThat(s).contains("Invalid Token"));
    for (String secret : List.of(ACTING, WRONG)) {
      // The 16-character prefix is public (the API lists it); everything longer is secret.
      String beyondPrefix = secret.substring(16);
      assertThat(captured).noneSatisfy(s -> assertThat(s).contains(beyondPrefix));
    }
  }
}
