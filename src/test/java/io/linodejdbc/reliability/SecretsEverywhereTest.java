package io.linodejdbc.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import io.linodejdbc.sandbox.Fault;
import io.linodejdbc.sandbox.FaultPlan;
import io.linodejdbc.sandbox.SandboxServer;
import io.linodejdbc.testing.ResultSets;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Issue item 7: the API token and every full secret created (INSERT … RETURNING token) appear
 * nowhere the suite can see: logs at TRACE, exception messages and stack traces, toString() of
 * JDBC objects, getPropertyInfo(), EXPLAIN, the sandbox's request log. The token never travels
 * over http:// to a non-loopback host, and a redirect never carries Authorization elsewhere.
 */
class SecretsEverywhereTest {
  static final String TOKEN = "RELCANARY0123456789abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHI";
  private final List<String> captured = Collections.synchronizedList(new ArrayList<>());
  private ListAppender<ILoggingEvent> appender;

  @BeforeEach
  void everyLoggerAtTrace() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    for (Logger l : context.getLoggerList()) {
      l.setLevel(Level.TRACE);
    }
    context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.TRACE);
    appender = new ListAppender<>();
    appender.setContext(context);
    appender.start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
  }

  @AfterEach
  void restore() throws Exception {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
    context.reset();
    new ch.qos.logback.classic.util.ContextInitializer(context).autoConfig();
  }

  private void capture(Throwable t) {
    captured.add(ChaosRun.stackTrace(t));
  }

  private void tryRun(Connection c, String sql) {
    try (Statement s = c.createStatement()) {
      captured.add(s.toString());
      boolean rs = s.execute(sql);
      if (rs) {
        try (ResultSet r = s.getResultSet()) {
          captured.add(r.toString());
          while (r.next()) {
            // read, but values are the user's data: not captured
          }
        }
      }
    } catch (SQLException | RuntimeException e) {
      capture(e);
    }
  }

  @Test
  void noSecretAnywhere() throws Exception {
    List<String> secrets = new ArrayList<>(List.of(TOKEN));
    try (SandboxServer s = SandboxServer.builder().tokens(Workload.TOKENS).actingToken(TOKEN).start()) {
      Properties p = new Properties();
      p.setProperty("token", TOKEN);
      p.setProperty("apiUrl", s.baseUrl());
      p.setProperty("readTimeout", "1");
      p.setProperty("maxRetries", "1");
      Driver driver = DriverManager.getDriver("jdbc:linode:");
      for (DriverPropertyInfo i : driver.getPropertyInfo("jdbc:linode:", p)) {
        captured.add(i.name + "=" + i.value + " " + i.description + " " + java.util.Arrays.toString(i.choices));
      }
      try (Connection c = DriverManager.getConnection("jdbc:linode:", p)) {
        captured.add(c.toString());
        captured.add(c.getMetaData().toString());
        captured.add(String.valueOf(c.getMetaData().getURL()) + c.getMetaData().getUserName());
        captured.add(c.getClientInfo().toString());
        for (int i = 0; i < 3; i++) {
          try (PreparedStatement ps = c.prepareStatement("INSERT INTO linode.profile.personal_access_tokens"
              + " (data__label, data__scopes) VALUES (?, '*') RETURNING id, token")) {
            captured.add(ps.toString());
            ps.setString(1, "secret-test-" + i);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              String full = rs.getString(2);
              assertThat(full).hasSizeGreaterThan(16);
              secrets.add(full);
              tryRun(c, "REPLACE linode.profile.personal_access_tokens SET data__label = 'renamed' WHERE tokenId = "
                  + rs.getInt(1) + " RETURNING id, label, token");
              tryRun(c, "DELETE FROM linode.profile.personal_access_tokens WHERE tokenId = " + rs.getInt(1));
            }
          }
        }
        tryRun(c, "SELECT * FROM personal_access_tokens");
        try (Statement st = c.createStatement();
            ResultSet rs = st.executeQuery("EXPLAIN PLAN FOR SELECT * FROM personal_access_tokens WHERE label = 'x'"
                + " AND id IN (1, 2)")) {
          while (rs.next()) {
            captured.add(rs.getString(1));
          }
        }
        tryRun(c, "SELEKT nonsense");
        tryRun(c, "SELECT nope FROM personal_access_tokens");
        tryRun(c, "DELETE FROM linode.profile.personal_access_tokens");
        s.setFaultPlan(r -> Fault.status(500, "boom"));
        tryRun(c, "SELECT * FROM personal_access_tokens WHERE id = 3");
        s.setFaultPlan(r -> Fault.body(200, Map.of(), "{\"data\": [".getBytes()));
        tryRun(c, "SELECT * FROM personal_access_tokens");
        s.setFaultPlan(r -> Fault.stall(Duration.ofMillis(1500)));
        tryRun(c, "SELECT * FROM personal_access_tokens");
        s.setFaultPlan(r -> Fault.dropConnection());
        tryRun(c, "INSERT INTO linode.profile.personal_access_tokens (data__label) VALUES ('x')");
        s.setFaultPlan(FaultPlan.NONE);
      }
      Properties wrong = new Properties();
      wrong.setProperty("password", TOKEN.replace('R', 'W'));
      wrong.setProperty("apiUrl", s.baseUrl());
      secrets.add(TOKEN.replace('R', 'W'));
      try (Connection c = DriverManager.getConnection("jdbc:linode:", wrong)) {
        captured.add(c.toString());
        tryRun(c, "SELECT * FROM personal_access_tokens");
      } catch (SQLException e) {
        capture(e);
      }
      captured.add(s.requestLog().requests().toString());
    }
    for (ILoggingEvent e : appender.list) {
      captured.add(e.getFormattedMessage());
      if (e.getThrowableProxy() != null) {
        captured.add(ThrowableProxyUtil.asString(e.getThrowableProxy()));
      }
    }
    assertThat(appender.list).as("TRACE logging really captured something").isNotEmpty();
    int found = 0;
    for (String secret : secrets) {
      for (String text : captured) {
        if (text != null && text.contains(secret)) {
          found++;
          System.out.println("[secrets] FOUND a secret in: " + text.replace(secret, "<SECRET>"));
        }
      }
    }
    System.out.println("[secrets] searched " + captured.size() + " captured texts (" + appender.list.size()
        + " log events) for " + secrets.size() + " secrets: found " + found);
    assertThat(found).isZero();
  }

  @Test
  void plainHttpToANonLoopbackHostIsRefused() {
    for (String url : List.of("http://api.linode.com/v4", "http://10.0.0.1/v4", "http://localhost.example.com/v4",
        "http://127.0.0.1.nip.io/v4", "http://[::ffff:10.0.0.1]/v4", "HTTP://example.com/v4")) {
      Properties p = new Properties();
      p.setProperty("token", TOKEN);
      p.setProperty("apiUrl", url);
      Throwable thrown = null;
      try (Connection c = DriverManager.getConnection("jdbc:linode:", p)) {
        tryRun(c, "SELECT * FROM personal_access_tokens WHERE id = 1");
      } catch (SQLException e) {
        thrown = e;
      }
      assertThat(thrown).as(url + " must be refused").isNotNull();
      assertThat(ChaosRun.stackTrace(thrown)).doesNotContain(TOKEN);
    }
  }

  @Test
  void redirectsNeverCarryTheTokenToAnotherHost() throws Exception {
    List<String> seenBySecond = Collections.synchronizedList(new ArrayList<>());
    HttpServer second = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 16);
    second.createContext("/", ex -> {
      seenBySecond.add(ex.getRequestMethod() + " " + ex.getRequestURI() + " auth="
          + ex.getRequestHeaders().getFirst("Authorization"));
      byte[] b = "{\"data\":[],\"page\":1,\"pages\":1,\"results\":0}".getBytes();
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    second.start();
    try (SandboxServer s = SandboxServer.builder().tokens(Workload.TOKENS).actingToken(TOKEN).start()) {
      String target = "http://127.0.0.2:" + second.getAddress().getPort() + "/v4/profile/tokens";
      Properties p = new Properties();
      p.setProperty("token", TOKEN);
      p.setProperty("apiUrl", s.baseUrl());
      try (Connection c = DriverManager.getConnection("jdbc:linode:", p)) {
        for (int status : new int[] {301, 302, 303, 307, 308}) {
          s.setFaultPlan(r -> Fault.body(status, Map.of("Location", target + (r.query() == null ? "" : "?" + r.query())),
              new byte[0]));
          for (String sql : List.of("SELECT * FROM personal_access_tokens",
              "SELECT * FROM personal_access_tokens WHERE id = 5")) {
            SQLException e = null;
            try {
              ResultSets.query(c, sql);
            } catch (SQLException x) {
              e = x;
            }
            assertThat((Object) e).as(status + " redirect is an error").isNotNull();
            assertThat(ChaosRun.stackTrace(e)).doesNotContain(TOKEN);
          }
        }
      }
    } finally {
      second.stop(0);
    }
    System.out.println("[secrets] second host (127.0.0.2) received: " + seenBySecond);
    assertThat(seenBySecond).noneMatch(x -> x.contains(TOKEN));
    assertThat(seenBySecond).as("the driver follows no redirect").isEmpty();
  }
}
