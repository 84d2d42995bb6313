package io.linodejdbc.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.sandbox.SandboxServer;
import io.linodejdbc.sandbox.SandboxToken;
import io.linodejdbc.testing.SandboxFixture;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How a scan streams: it stops fetching when its consumer stops, and its limit keeps ties. */
class ScanEnumeratorTest {
  private static SandboxServer server;
  private static SandboxFixture fixture;
  private static List<SandboxToken> tokens;

  @BeforeAll static void start() {
    // 1,000 tokens in groups of ten sharing one created second: ties everywhere.
    tokens = new ArrayList<>();
    List<SandboxToken> base = SampleData.bulk(1000, 5);
    LocalDateTime t0 = LocalDateTime.of(2024, 1, 1, 0, 0, 0);
    for (SandboxToken t : base) {
      tokens.add(new SandboxToken(t.id(), t.label(), t.scopes(),
          t0.plusSeconds((t.id() - 1) / 10), t.expiry(), t.secret()));
    }
    server = SandboxServer.builder().tokens(tokens).start();
    fixture = SandboxFixture.of(server);
  }

  @AfterAll static void stop() {
    fixture.close();
  }

  @BeforeEach void clearLog() throws InterruptedException {
    // A page an earlier test abandoned is logged when answered: let it land first.
    for (int i = 0; i < 2500 && server.inFlightNow() > 0; i++) {
      Thread.sleep(2);
    }
    server.requestLog().clear();
  }

  private static Connection connect(String props) throws SQLException {
    Map<String, String> extra = new java.util.LinkedHashMap<>();
    for (String kv : props.split(";")) {
      if (!kv.isEmpty()) {
        extra.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
      }
    }
    return fixture.connect(extra);
  }

  private static long listCalls() {
    return server.requestLog().requests().stream()
        .filter(r -> r.path().endsWith("/profile/tokens")).count();
  }

  @Test void closingTheResultSetStopsThePaging() throws Exception {
    try (Connection c = connect(";pageSize=25;maxConcurrentRequests=2");
         Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT id FROM personal_access_tokens")) {
        assertThat(rs.next()).isTrue();
      }
      // The sandbox logs a request when it answers it: one already sent when the result set
      // closed may still show up. After that, nothing new may start.
      Thread.sleep(300);
      long settled = listCalls();
      Thread.sleep(300);
      assertThat(listCalls()).isEqualTo(settled);
      // page 1, plus at most the pages fetched ahead (two at a time), of 40 in all
      assertThat(settled).isBetween(1L, 4L);
    }
  }

  @Test void aLimitWithoutOrderStopsAfterItsPages() throws SQLException {
    try (Connection c = connect(";pageSize=25"); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT id FROM personal_access_tokens LIMIT 30")) {
      int n = 0;
      while (rs.next()) {
        n++;
      }
      assertThat(n).isEqualTo(30);
    }
    assertThat(listCalls()).isEqualTo(2);
  }

  @Test void anOrderedLimitReadsTiesAndAnswersExactly() throws SQLException {
    // Rows 991..1000 share the newest second; LIMIT 3 must pick the three highest ids of them.
    List<Integer> expected = tokens.stream()
        .sorted(Comparator.comparing(SandboxToken::created).reversed()
            .thenComparing(SandboxToken::id, Comparator.reverseOrder()))
        .limit(3).map(SandboxToken::id).collect(Collectors.toList());
    List<Integer> actual = new ArrayList<>();
    try (Connection c = connect(";pageSize=25"); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT id FROM personal_access_tokens"
             + " ORDER BY created DESC, id DESC LIMIT 3")) {
      while (rs.next()) {
        actual.add(rs.getInt(1));
      }
    }
    assertThat(actual).isEqualTo(expected);
    assertThat(listCalls()).isEqualTo(1);
    assertThat(server.requestLog().requests().get(0).header("x-filter").orElseThrow())
        .contains("\"+order_by\":\"created\"").contains("\"+order\":\"desc\"");
  }

  @Test void tiesAcrossAPageBoundaryAreFetched() throws SQLException {
    // 25 rows a page; the 25th row's second (ids 21..30) continues on page 2.
    List<Integer> actual = new ArrayList<>();
    try (Connection c = connect(";pageSize=25"); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT id FROM personal_access_tokens"
             + " ORDER BY created, id DESC LIMIT 25")) {
      while (rs.next()) {
        actual.add(rs.getInt(1));
      }
    }
    List<Integer> expected = new ArrayList<>();
    for (int group = 0; group < 3; group++) {
      for (int id = group * 10 + 10; id > group * 10; id--) {
        expected.add(id);
      }
    }
    assertThat(actual).isEqualTo(expected.subList(0, 25));
    assertThat(listCalls()).isEqualTo(2);
  }
}
