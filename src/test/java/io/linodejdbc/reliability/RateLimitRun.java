package io.linodejdbc.reliability;

import io.linodejdbc.sandbox.RecordedRequest;
import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.sandbox.SandboxServer;
import io.linodejdbc.sandbox.SandboxToken;
import io.linodejdbc.testing.H2Oracle;
import io.linodejdbc.testing.ResultSets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A long list scan (pageSize 25) against a sandbox enforcing a scaled-down list rate limit: it
 * must finish with H2's answer by waiting as told, and never ask again for a page sooner than the
 * 429's Retry-After (always at least 1 s from the sandbox).
 */
final class RateLimitRun {

  record Result(int limit, Duration window, int pages, boolean correct, String error, int listCalls, int ok,
      int rateLimited, int maxOkPerWindow, int retriesSoonerThanAllowed, long millis) {}

  private RateLimitRun() {}

  static Result run(int tokenCount, int limit, Duration window) throws Exception {
    Class.forName("io.linodejdbc.jdbc.LinodeDriver");
    List<SandboxToken> tokens = SampleData.adversarial(tokenCount, 11);
    String sql = "SELECT id, label, created FROM personal_access_tokens ORDER BY id";
    ResultSets.Table expected;
    try (H2Oracle oracle = H2Oracle.load(tokens)) {
      expected = oracle.query(sql);
    }
    try (SandboxServer s = SandboxServer.builder().tokens(tokens).listRateLimit(limit, window).start()) {
      Properties p = new Properties();
      p.setProperty("token", s.actingToken());
      p.setProperty("apiUrl", s.baseUrl());
      p.setProperty("pageSize", "25");
      long t0 = System.nanoTime();
      boolean correct = false;
      String error = null;
      try (Connection c = DriverManager.getConnection("jdbc:linode:", p)) {
        Optional<String> d = ResultSets.diff(expected, ResultSets.query(c, sql), true);
        correct = d.isEmpty();
        error = d.orElse(null);
      } catch (SQLException e) {
        error = e.getSQLState() + " " + e.getMessage();
      }
      long millis = (System.nanoTime() - t0) / 1_000_000;
      List<RecordedRequest> list = s.requestLog().requests().stream()
          .filter(r -> r.method().equals("GET") && r.path().endsWith("/profile/tokens")).toList();
      List<Long> okAt = new ArrayList<>();
      int limited = 0;
      int tooSoon = 0;
      Map<String, Long> last429 = new HashMap<>();
      for (RecordedRequest r : list) {
        long at = r.at().toEpochMilli();
        Long refused = last429.remove(r.query());
        if (refused != null && at - refused < 1000 - 20) { // 20 ms: Instant.now() vs the client's clock
          tooSoon++;
        }
        if (r.status() == 429) {
          limited++;
          last429.put(r.query(), at);
        } else if (r.status() == 200) {
          okAt.add(at);
        }
      }
      int maxPerWindow = 0;
      for (int i = 0, j = 0; i < okAt.size(); i++) {
        while (okAt.get(i) - okAt.get(j) >= window.toMillis()) {
          j++;
        }
        maxPerWindow = Math.max(maxPerWindow, i - j + 1);
      }
      int pages = (tokenCount + 24) / 25;
      return new Result(limit, window, pages, correct, error, list.size(), okAt.size(), limited, maxPerWindow,
          tooSoon, millis);
    }
  }
}
