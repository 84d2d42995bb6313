package io.linodejdbc.jdbc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a JDBC user sees when the API misbehaves: a clean {@link SQLException} with a fitting
 * SQLSTATE and the API's reason, never a partial result and never an unchecked exception.
 */
class DriverFaultsTest {
  private static final String TOKEN = "drv-SECRET-77e1c0ffee";
  private static final String LIST = "/v4/profile/tokens";

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private Connection connect(String extra) throws SQLException {
    Properties p = new Properties();
    p.setProperty("token", TOKEN);
    return DriverManager.getConnection(
        "jdbc:linode:apiUrl=" + wm.baseUrl() + "/v4;maxRetries=2" + extra, p);
  }

  private static String token(int id) {
    return "{\"id\":" + id + ",\"label\":\"t" + id + "\",\"scopes\":\"*\","
        + "\"created\":\"2024-01-01T00:00:00\",\"expiry\":null,\"token\":\"abcdefghijklmnop\"}";
  }

  private static String page(int page, int pages, int results, int from, int to) {
    return "{\"data\":[" + IntStream.rangeClosed(from, to).mapToObj(DriverFaultsTest::token)
        .collect(Collectors.joining(",")) + "],\"page\":" + page + ",\"pages\":" + pages
        + ",\"results\":" + results + "}";
  }

  private static String errors(String reason) {
    return "{\"errors\":[{\"reason\":\"" + reason + "\"}]}";
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      long n = 0;
      while (rs.next()) {
        n++;
      }
      return n;
    }
  }

  private static SQLException failure(Connection c, String sql) {
    try {
      count(c, sql);
    } catch (SQLException e) {
      return e;
    }
    throw new AssertionError("expected " + sql + " to fail");
  }

  @Test void unauthorizedIsClass28WithTheApiReason() throws SQLException {
    wm.stubFor(get(urlPathEqualTo(LIST)).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json").withBody(errors("Invalid Token"))));
    try (Connection c = connect("")) {
      SQLException e = failure(c, "SELECT * FROM personal_access_tokens");
      assertThat(e.getSQLState()).isEqualTo("28000");
      assertThat(e.getMessage()).contains("Invalid Token").contains("401")
          .contains("GET /profile/tokens").doesNotContain(TOKEN);
    }
  }

  @Test void serverErrorIsNotRetriedAndCarriesTheReason() throws SQLException {
    wm.stubFor(get(urlPathEqualTo(LIST)).willReturn(aResponse().withStatus(500)
        .withHeader("Content-Type", "application/json").withBody(errors("Server is on fire"))));
    // A distinct page size tells this test's requests from late ones of stalled earlier tests.
    try (Connection c = connect(";pageSize=32")) {
      SQLException e = failure(c, "SELECT * FROM personal_access_tokens");
      assertThat(e.getSQLState()).isEqualTo("58000");
      assertThat(e.getMessage()).contains("Server is on fire").contains("500");
    }
    wm.verify(1, getRequestedFor(urlPathEqualTo(LIST))
        .withQueryParam("page_size", WireMock.equalTo("32")));
  }

  @Test void serviceUnavailableTwiceThenSuccessAnswers() throws SQLException {
    String s = "flaky";
    wm.stubFor(get(urlPathEqualTo(LIST)).inScenario(s).whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503)).willSetStateTo("one"));
    wm.stubFor(get(urlPathEqualTo(LIST)).inScenario(s).whenScenarioStateIs("one")
        .willReturn(aResponse().withStatus(503)).willSetStateTo("two"));
    wm.stubFor(get(urlPathEqualTo(LIST)).inScenario(s).whenScenarioStateIs("two")
        .willReturn(okJson(page(1, 1, 3, 1, 3))));
    try (Connection c = connect(";pageSize=31")) {
      assertThat(count(c, "SELECT * FROM personal_access_tokens")).isEqualTo(3);
    }
    assertThat(wm.getAllServeEvents())
        .extracting(e -> e.getRequest().getUrl() + " -> " + e.getResponse().getStatus())
        .containsExactlyInAnyOrder(
            "/v4/profile/tokens?page=1&page_size=31 -> 503",
            "/v4/profile/tokens?page=1&page_size=31 -> 503",
            "/v4/profile/tokens?page=1&page_size=31 -> 200");
  }

  @Test void rateLimitedThenSuccessWaitsAsTold() throws SQLException {
    String s = "limited";
    wm.stubFor(get(urlPathEqualTo(LIST)).inScenario(s).whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
            .withBody(errors("Too many requests"))).willSetStateTo("ok"));
    wm.stubFor(get(urlPathEqualTo(LIST)).inScenario(s).whenScenarioStateIs("ok")
        .willReturn(okJson(page(1, 1, 2, 1, 2))));
    long start = System.nanoTime();
    try (Connection c = connect("")) {
      assertThat(count(c, "SELECT * FROM personal_access_tokens")).isEqualTo(2);
    }
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(1000);
  }

  @Test void aPageFailingMidScanFailsTheQueryNotSilentlyShortens() throws SQLException {
    wm.stubFor(get(urlPathEqualTo(LIST)).withQueryParam("page", WireMock.equalTo("1"))
        .willReturn(okJson(page(1, 3, 75, 1, 25))));
    wm.stubFor(get(urlPathEqualTo(LIST)).withQueryParam("page", WireMock.equalTo("2"))
        .willReturn(okJson(page(2, 3, 75, 26, 50))));
    wm.stubFor(get(urlPathEqualTo(LIST)).withQueryParam("page", WireMock.equalTo("3"))
        .willReturn(aResponse().withStatus(500).withBody(errors("page three is lost"))));
    try (Connection c = connect(";pageSize=25")) {
      SQLException e = failure(c, "SELECT * FROM personal_access_tokens");
      assertThat(e.getMessage()).contains("page three is lost").contains("page=3");
    }
  }

  @Test void connectionResetIsRetried() throws SQLException {
    String s = "reset";
    wm.stubFor(get(urlPathEqualTo(LIST)).inScenario(s).whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("ok"));
    wm.stubFor(get(urlPathEqualTo(LIST)).inScenario(s).whenScenarioStateIs("ok")
        .willReturn(okJson(page(1, 1, 1, 1, 1))));
    try (Connection c = connect("")) {
      assertThat(count(c, "SELECT * FROM personal_access_tokens")).isEqualTo(1);
    }
  }

  @Test void connectionResetEveryTimeIsAConnectionError() throws SQLException {
    wm.stubFor(get(urlPathEqualTo(LIST))
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    try (Connection c = connect("")) {
      SQLException e = failure(c, "SELECT * FROM personal_access_tokens");
      assertThat(e.getSQLState()).startsWith("08");
    }
  }

  @Test void malformedAndTruncatedBodiesAreSystemErrorsNotConnectionErrors() throws SQLException {
    wm.stubFor(get(urlPathEqualTo(LIST)).willReturn(okJson("{\"data\":[{\"id\":1")));
    try (Connection c = connect("")) {
      SQLException e = failure(c, "SELECT * FROM personal_access_tokens");
      assertThat(e.getSQLState()).isEqualTo("58000");
    }
    wm.resetAll();
    wm.stubFor(get(urlPathEqualTo(LIST)).willReturn(
        okJson("{\"data\":[{\"id\":\"one\"}],\"page\":1,\"pages\":1,\"results\":1}")));
    try (Connection c = connect("")) {
      SQLException e = failure(c, "SELECT * FROM personal_access_tokens");
      assertThat(e.getSQLState()).isEqualTo("58000");
      assertThat(e.getMessage()).contains("'id'");
    }
  }

  @Test void pointLookupOf404IsNoRow() throws SQLException {
    wm.stubFor(get(urlPathEqualTo(LIST + "/7")).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json").withBody(errors("Not found"))));
    try (Connection c = connect("")) {
      assertThat(count(c, "SELECT * FROM personal_access_tokens WHERE id = 7")).isZero();
    }
    wm.verify(0, getRequestedFor(urlPathEqualTo(LIST)));
  }

  @Test void queryTimeoutOnAStalledServerIsSqlTimeoutException() throws SQLException {
    wm.stubFor(get(urlPathEqualTo(LIST)).willReturn(okJson(page(1, 1, 1, 1, 1))
        .withFixedDelay(8000)));
    try (Connection c = connect(""); Statement s = c.createStatement()) {
      s.setQueryTimeout(1);
      long start = System.nanoTime();
      assertThatThrownBy(() -> {
        try (ResultSet rs = s.executeQuery("SELECT * FROM personal_access_tokens")) {
          while (rs.next()) {
            // drain
          }
        }
      }).isInstanceOf(SQLTimeoutException.class).hasMessageContaining("timeout");
      // Not a wall-clock limit on the driver: only that it did not wait for the 8 s response.
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(7000);
    }
  }

  @Test void cancelFromAnotherThreadStopsAStalledScan() throws Exception {
    wm.stubFor(get(urlPathEqualTo(LIST)).willReturn(okJson(page(1, 1, 1, 1, 1))
        .withFixedDelay(8000)));
    try (Connection c = connect(""); Statement s = c.createStatement()) {
      CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
        try (ResultSet rs = s.executeQuery("SELECT * FROM personal_access_tokens")) {
          while (rs.next()) {
            // drain
          }
          return null;
        } catch (Throwable t) {
          return t;
        }
      });
      // Cancel once the scan is waiting on the stalled server (a cancel that arrives before the
      // statement starts executing is reset by the execution itself).
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
      while (wm.getAllServeEvents().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      Thread.sleep(100);
      s.cancel();
      Throwable t = outcome.get(7, TimeUnit.SECONDS);
      assertThat(t).isInstanceOf(SQLException.class);
      assertThat(((SQLException) t).getSQLState()).isEqualTo("HY008");
    }
  }
}
