package io.linodejdbc.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.linodejdbc.sandbox.Fault;
import io.linodejdbc.sandbox.FaultPlan;
import io.linodejdbc.sandbox.SandboxServer;
import io.linodejdbc.testing.ResultSets;
import io.linodejdbc.testing.SandboxFixture;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue item 6 (response side): random bytes and random JSON as API responses, absurd
 * {@code pages}/{@code results} claims, deeply nested JSON and a 50 MB body. Each query must end
 * (60 s watchdog) with a clean SQLException or, where the body happens to be acceptable, an
 * answer; never a hang, never an Error such as OutOfMemoryError.
 */
class HostileResponsesTest {
  private static SandboxFixture fixture;
  private static SandboxServer server;
  private static Connection conn;
  private static final ExecutorService RUNNER = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "hostile-responses");
    t.setDaemon(true);
    return t;
  });
  static final String LIST = "SELECT COUNT(*) FROM personal_access_tokens";
  static final String POINT = "SELECT * FROM personal_access_tokens WHERE id = 5";

  @BeforeAll
  static void start() throws Exception {
    fixture = SandboxFixture.of(SandboxServer.builder().tokens(Workload.TOKENS).start());
    server = fixture.server();
    conn = fixture.connect(Map.of("maxRetries", "1"));
  }

  @AfterAll
  static void stop() throws SQLException {
    fixture.close();
    RUNNER.shutdownNow();
  }

  /** Runs {@code sql} under a 60 s watchdog; returns the SQLException, or null if it answered. */
  static SQLException outcome(String sql) throws Exception {
    Future<Object> f = RUNNER.submit(() -> {
      try {
        ResultSets.query(conn, sql);
        return null;
      } catch (SQLException e) {
        return e;
      }
    });
    try {
      return (SQLException) f.get(60, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new AssertionError("HUNG: " + sql);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new AssertionError("not an SQLException (Error or unchecked): " + e.getCause(), e.getCause());
    }
  }

  private static void serve(Fault f) {
    server.setFaultPlan(r -> f);
  }

  private static void assertClean(SQLException e, String what) {
    assertThat((Object) e).as(what + ": expected a clean SQLException").isNotNull();
    assertThat(e.getSQLState()).as(what + ": " + e).isIn(ChaosRun.FITTING_STATES);
    assertThat(e.getMessage()).isNotBlank();
  }

  @Test
  void randomBytesFailCleanly() throws Exception {
    SplittableRandom rng = new SplittableRandom(99);
    for (int i = 0; i < 25; i++) {
      byte[] b = new byte[1 + rng.nextInt(i % 5 == 0 ? 100_000 : 300)];
      for (int j = 0; j < b.length; j++) {
        b[j] = (byte) rng.nextInt(256);
      }
      b[0] = (byte) ("{[\"n0x<".charAt(rng.nextInt(7))); // sometimes looks like JSON at first
      serve(Fault.body(200, Map.of(), b));
      assertClean(outcome(i % 2 == 0 ? LIST : POINT), "random bytes #" + i);
    }
    server.setFaultPlan(FaultPlan.NONE);
  }

  @Test
  void randomJsonFailsCleanlyOrAnswers() throws Exception {
    SplittableRandom rng = new SplittableRandom(7);
    int errors = 0;
    for (int i = 0; i < 60; i++) {
      String json = randomJson(rng, 0, i % 3 == 0);
      serve(Fault.body(200, Map.of(), json.getBytes(StandardCharsets.UTF_8)));
      SQLException e = outcome(i % 2 == 0 ? LIST : POINT);
      if (e != null) {
        errors++;
        assertClean(e, "random JSON " + json.substring(0, Math.min(200, json.length())));
      }
    }
    System.out.println("[hostile] random JSON: 60 bodies, " + errors + " clean SQLExceptions, rest answered");
    server.setFaultPlan(FaultPlan.NONE);
  }

  @Test
  void absurdPageClaimsFailCleanly() throws Exception {
    for (String claim : new String[] {
        "{\"data\":[],\"page\":1,\"pages\":2147483647,\"results\":53687091175}",
        "{\"data\":[],\"page\":1,\"pages\":1000000000000,\"results\":1000000000000000}",
        "{\"data\":[],\"page\":1,\"pages\":-1,\"results\":-5}",
        "{\"data\":[],\"page\":1,\"pages\":1.5e300,\"results\":1e308}",
        "{\"data\":[],\"page\":1,\"pages\":99999999999999999999999999,\"results\":1}"}) {
      // Only page 1 lies; later pages come from the real sandbox.
      server.setFaultPlan(r -> r.query() != null && r.query().startsWith("page=1&")
          ? Fault.body(200, Map.of(), claim.getBytes(StandardCharsets.UTF_8)) : Fault.none());
      server.requestLog().clear();
      SQLException e = outcome(LIST);
      System.out.println("[hostile] " + claim + " -> " + e + " after " + server.requestLog().count() + " requests");
      assertClean(e, claim);
      assertThat(server.requestLog().count()).as("requests after an absurd claim").isLessThan(100);
    }
    server.setFaultPlan(FaultPlan.NONE);
  }

  @Test
  void deeplyNestedJsonFailsCleanly() throws Exception {
    int depth = 200_000;
    String body = "{\"data\":" + "[".repeat(depth) + "]".repeat(depth) + ",\"page\":1,\"pages\":1,\"results\":1}";
    serve(Fault.body(200, Map.of(), body.getBytes(StandardCharsets.US_ASCII)));
    SQLException e = outcome(LIST);
    System.out.println("[hostile] nesting depth " + depth + " -> " + e);
    assertClean(e, "deep nesting");
    serve(Fault.body(200, Map.of(), ("{\"id\":" + "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000) + "}")
        .getBytes(StandardCharsets.US_ASCII)));
    assertClean(outcome(POINT), "deep objects");
    server.setFaultPlan(FaultPlan.NONE);
  }

  @Test
  void fiftyMegabyteBodyDoesNotExhaustMemory() throws Exception {
    long size = 50L << 20;
    String head = "{\"data\":[],\"page\":1,\"pages\":1,\"results\":0,\"pad\":\"";
    String tail = "\"}";
    long pad = size - head.length() - tail.length();
    serve(Fault.streamed(200, Map.of(), size, out -> {
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
      long left = pad;
      while (left > 0) {
        int n = (int) Math.min(chunk.length, left);
        out.write(chunk, 0, n);
        left -= n;
      }
      out.write(tail.getBytes(StandardCharsets.US_ASCII));
    }));
    long t0 = System.nanoTime();
    SQLException e = outcome(LIST);
    System.out.println("[hostile] 50 MB body (valid envelope, 50 MB string field) -> "
        + (e == null ? "answered (COUNT 0)" : e.toString()) + " in " + (System.nanoTime() - t0) / 1_000_000
        + " ms; max heap " + ProcessFigures.mb(Runtime.getRuntime().maxMemory()));
    if (e != null) {
      assertClean(e, "50 MB body");
    }
    // 50 MB of garbage: an error, not an OOM.
    serve(Fault.streamed(200, Map.of(), -1, out -> {
      byte[] chunk = "[1,".repeat(20_000).getBytes(StandardCharsets.US_ASCII);
      for (long w = 0; w < size; w += chunk.length) {
        out.write(chunk);
      }
    }));
    assertClean(outcome(LIST), "50 MB garbage");
    server.setFaultPlan(FaultPlan.NONE);
  }

  @Test
  void retryAfterBeyondMaxRetryWaitFailsAtOnce() throws Exception {
    serve(Fault.tooManyRequests(100_000));
    server.requestLog().clear();
    SQLException e = outcome(POINT);
    assertClean(e, "Retry-After 100000");
    assertThat(e.getSQLState()).isEqualTo("53400");
    assertThat(server.requestLog().count()).isEqualTo(1);
    server.setFaultPlan(FaultPlan.NONE);
  }

  static String randomJson(SplittableRandom rng, int depth, boolean envelope) {
    if (envelope) {
      return "{\"data\":" + randomJson(rng, 1, false) + ",\"page\":" + randomJson(rng, 3, false)
          + ",\"pages\":" + randomJson(rng, 3, false) + ",\"results\":" + randomJson(rng, 3, false) + "}";
    }
    int kind = rng.nextInt(depth >= 3 ? 5 : 7);
    return switch (kind) {
      case 0 -> "null";
      case 1 -> Long.toString(rng.nextLong());
      case 2 -> "\"" + "ab\\\"\\u0000é".substring(0, rng.nextInt(8)) + "\"";
      case 3 -> rng.nextBoolean() ? "true" : "1e400";
      case 4 -> Integer.toString(rng.nextInt(3));
      case 5 -> {
        StringBuilder b = new StringBuilder("[");
        for (int i = rng.nextInt(4); i > 0; i--) {
          b.append(randomJson(rng, depth + 1, false)).append(i > 1 ? "," : "");
        }
        yield b.append(']').toString();
      }
      default -> {
        String[] keys = {"id", "label", "created", "expiry", "scopes", "token", "data", "page", "x"};
        StringBuilder b = new StringBuilder("{");
        for (int i = rng.nextInt(5); i > 0; i--) {
          b.append('"').append(keys[rng.nextInt(keys.length)]).append("\":").append(randomJson(rng, depth + 1, false))
              .append(i > 1 ? "," : "");
        }
        yield b.append('}').toString();
      }
    };
  }
}
