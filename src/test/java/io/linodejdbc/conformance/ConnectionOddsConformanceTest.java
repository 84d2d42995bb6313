package io.linodejdbc.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linodejdbc.testing.SandboxFixture;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Connection methods pools, ORMs and metadata tools call on the side (JDBC 4.3 §9, §4). */
class ConnectionOddsConformanceTest {
  private SandboxFixture sandbox;
  private Connection c;

  @BeforeEach void start() throws SQLException {
    sandbox = ConformanceData.start();
    c = sandbox.connect();
  }

  @AfterEach void stop() {
    sandbox.close();
  }

  /** getTypeMap returns a map (empty: no user-defined types); an empty one can be set back. */
  @Test void typeMapIsEmptyAndAnEmptyOneIsAccepted() throws SQLException {
    Map<String, Class<?>> map = c.getTypeMap();
    assertThat(map).isEmpty();
    c.setTypeMap(map);
    c.setTypeMap(new java.util.HashMap<>());
    assertThatThrownBy(() -> c.setTypeMap(Map.of("x", String.class)))
        .isInstanceOf(SQLFeatureNotSupportedException.class);
  }

  /** nativeSQL returns the statement as the driver runs it: unchanged. */
  @Test void nativeSqlReturnsTheText() throws SQLException {
    String sql = "SELECT id FROM personal_access_tokens WHERE label = '{fn x}'";
    assertThat(c.nativeSQL(sql)).isEqualTo(sql);
  }

  /** Client info: what is set is what is read back; null removes a name. */
  @Test void clientInfoRoundTrips() throws SQLException {
    c.setClientInfo("ApplicationName", "conformance");
    assertThat(c.getClientInfo("ApplicationName")).isEqualTo("conformance");
    Properties all = new Properties();
    all.setProperty("ClientUser", "ci");
    c.setClientInfo(all);
    assertThat(c.getClientInfo()).containsOnlyKeys("ClientUser");
    c.setClientInfo("ClientUser", null);
    assertThat(c.getClientInfo("ClientUser")).isNull();
  }

  /** setNetworkTimeout is kept, and statements created afterwards wait no longer. */
  @Test void networkTimeoutIsHonoured() throws SQLException {
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      c.setNetworkTimeout(executor, 2500);
      assertThat(c.getNetworkTimeout()).isEqualTo(2500);
      try (Statement s = c.createStatement()) {
        assertThat(s.getQueryTimeout()).isEqualTo(3);
      }
      assertThatThrownBy(() -> c.setNetworkTimeout(executor, -1)).isInstanceOf(SQLException.class);
    } finally {
      executor.shutdownNow();
    }
  }

  /** isValid: one small request when nothing was heard lately, none right after an answer. */
  @Test void isValidSpendsARequestOnlyWhenItMustCheck() throws SQLException {
    sandbox.clearRequests();
    assertThat(c.isValid(5)).isTrue();
    assertThat(sandbox.requests()).hasSize(1);
    assertThat(sandbox.requests().get(0).method()).isEqualTo("GET");
    assertThat(c.isValid(5)).isTrue();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT label FROM personal_access_tokens WHERE id = 2")) {
      assertThat(rs.next()).isTrue();
    }
    sandbox.clearRequests();
    for (int i = 0; i < 10; i++) {
      assertThat(c.isValid(1)).isTrue();
    }
    assertThat(sandbox.requests()).isEmpty();
    assertThatThrownBy(() -> c.isValid(-1)).isInstanceOf(SQLException.class);
    c.close();
    assertThat(c.isValid(1)).isFalse();
  }

  /** A connection whose token the API refuses is not valid. */
  @Test void isValidIsFalseForARefusedToken() throws SQLException {
    Properties p = sandbox.baseProperties();
    p.setProperty("token", "f".repeat(64));
    try (Connection bad = DriverManager.getConnection("jdbc:linode:", p)) {
      assertThat(bad.isValid(5)).isFalse();
    }
  }
}
