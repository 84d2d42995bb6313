package io.linodejdbc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.sandbox.SandboxServer;
import io.linodejdbc.sandbox.SandboxToken;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Read benchmark: the driver against a plain sequential HTTP client and the latency floor, on the
 * sandbox with injected per-request latency.
 *
 * <pre>
 * mvn -q -B -o test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.linodejdbc.bench.ReadBenchmark \
 *   -Dexec.args="--tokens 10000 --latency-ms 50 --runs 5"
 * </pre>
 *
 * <p>For each query it reports rows, the HTTP requests the sandbox saw, the fewest requests that
 * can answer it, and the median wall time of the measured runs (after warm-up runs), for:
 * <ul>
 *   <li>the driver: {@code jdbc:linode:} through JDBC, every row read to the end;
 *   <li>the baseline: what most scripts do, {@code java.net.http} fetching page 1, 2, 3 ... one
 *       after another with {@code page_size=500} and the same X-Filter, parsing with Jackson (a
 *       point lookup is one {@code GET /profile/tokens/{id}}, LIMIT 10 reads page 1 only);
 *   <li>the floor: the latency no client can beat, one round trip for one request, two when
 *       more pages are needed (page 1 tells how many; the rest can then go out at once).
 * </ul>
 * Request counts are deterministic; wall times are not and depend on the machine.
 */
public final class ReadBenchmark {
  static final String TABLE = "linode.profile.personal_access_tokens";
  static final int API_PAGE_SIZE = 500;
  private static final DateTimeFormatter API_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);
  private static final DateTimeFormatter SQL_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReadBenchmark() {}

  /** Benchmark settings. */
  public record Options(int tokens, long latencyMs, int runs, int warmups, long seed,
      Integer maxConcurrentRequests) {
    public Options {
      if (tokens < 1) {
        throw new IllegalArgumentException("--tokens must be at least 1");
      }
      if (latencyMs < 0 || runs < 1 || warmups < 0) {
        throw new IllegalArgumentException("--latency-ms >= 0, --runs >= 1, --warmups >= 0");
      }
    }

    static Options parse(String... args) {
      int tokens = 10_000;
      long latency = 50;
      int runs = 5;
      int warmups = 1;
      long seed = 7;
      Integer concurrency = null;
      for (int i = 0; i < args.length; i++) {
        String name = args[i];
        if (name.equals("--help") || name.equals("-h")) {
          throw new IllegalArgumentException(usage());
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(name + " needs a value\n" + usage());
        }
        String value = args[++i];
        try {
          switch (name) {
          case "--tokens" -> tokens = Integer.parseInt(value);
          case "--latency-ms" -> latency = Long.parseLong(value);
          case "--runs" -> runs = Integer.parseInt(value);
          case "--warmups" -> warmups = Integer.parseInt(value);
          case "--seed" -> seed = Long.parseLong(value);
          case "--max-concurrent-requests" -> concurrency = Integer.parseInt(value);
          default -> throw new IllegalArgumentException("unknown option " + name + "\n" + usage());
          }
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(name + " needs a number, not '" + value + "'");
        }
      }
      return new Options(tokens, latency, runs, warmups, seed, concurrency);
    }

    static String usage() {
      return "ReadBenchmark [--tokens N (10000)] [--latency-ms L (50)] [--runs K (5)]"
          + " [--warmups W (1)] [--seed S (7)] [--max-concurrent-requests C (driver default)]";
    }
  }

  /** One measured query. Times are medians in milliseconds. */
  public record Result(String name, String sql, long rows, long driverRequests,
      long minRequests, double driverMs, long baselineRows, long baselineRequests,
      double baselineMs, double floorMs) {}

  /** What one execution saw. */
  private record Sample(long rows, long requests, double millis) {}

  /** The baseline's request shape for one query. */
  private record Plan(String name, String sql, long minRequests, int floorRoundTrips,
      String xFilter, Integer pointId, Integer stopAfter) {}

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    run(options, System.out);
  }

  /** Runs the benchmark, prints the table to {@code out} and returns its rows. */
  public static List<Result> run(Options o, PrintStream out) throws Exception {
    List<SandboxToken> data = SampleData.bulk(o.tokens(), o.seed());
    List<Plan> plans = plans(data);
    List<Result> results = new ArrayList<>();
    try (SandboxServer server = SandboxServer.builder().tokens(data)
        .latency(Duration.ofMillis(o.latencyMs())).start()) {
      Properties props = new Properties();
      props.setProperty("token", server.actingToken());
      props.setProperty("apiUrl", server.baseUrl());
      if (o.maxConcurrentRequests() != null) {
        props.setProperty("maxConcurrentRequests", o.maxConcurrentRequests().toString());
      }
      Class.forName("io.linodejdbc.jdbc.LinodeDriver");
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10)).build();
      try (Connection connection = DriverManager.getConnection("jdbc:linode:", props)) {
        for (Plan plan : plans) {
          List<Sample> driver = new ArrayList<>();
          List<Sample> baseline = new ArrayList<>();
          for (int i = 0; i < o.warmups() + o.runs(); i++) {
            Sample d = measure(server, () -> driverRun(connection, plan.sql()));
            Sample b = measure(server, () -> baselineRun(http, server, plan));
            if (i >= o.warmups()) {
              driver.add(d);
              baseline.add(b);
            }
          }
          results.add(new Result(plan.name(), plan.sql(), same(driver, Sample::rows),
              max(driver, Sample::requests), plan.minRequests(), median(driver),
              same(baseline, Sample::rows), max(baseline, Sample::requests), median(baseline),
              (double) plan.floorRoundTrips() * o.latencyMs()));
        }
      }
    }
    print(o, results, out);
    return results;
  }

  /** The four queries, with their minimum request counts worked out from the data. */
  static List<Plan> plans(List<SandboxToken> data) {
    int n = data.size();
    List<SandboxToken> byCreated = new ArrayList<>(data);
    byCreated.sort(Comparator.comparing(SandboxToken::created));
    // ~10%: the created value of the token at the 90th percentile; count what really matches.
    LocalDateTime from = byCreated.get(n - Math.max(1, n / 10)).created();
    long matching = data.stream().filter(t -> !t.created().isBefore(from)).count();
    int pointId = data.get(n / 2).id();
    long fullMin = pages(n);
    long filteredMin = pages(matching);
    return List.of(
        new Plan("full scan", "SELECT * FROM " + TABLE, fullMin, fullMin > 1 ? 2 : 1, null, null,
            null),
        new Plan("point lookup", "SELECT * FROM " + TABLE + " WHERE id = " + pointId, 1, 1, null,
            pointId, null),
        new Plan("filtered (~10%)", "SELECT * FROM " + TABLE + " WHERE created >= TIMESTAMP '"
            + SQL_TIME.format(from) + "'", filteredMin, filteredMin > 1 ? 2 : 1,
            "{\"created\":{\"+gte\":\"" + API_TIME.format(from) + "\"}}", null, null),
        new Plan("LIMIT 10", "SELECT * FROM " + TABLE + " LIMIT 10", 1, 1, null, null, 10));
  }

  /** Pages of 500 needed for {@code rows} rows; an empty result still costs one request. */
  static long pages(long rows) {
    return Math.max(1, (rows + API_PAGE_SIZE - 1) / API_PAGE_SIZE);
  }

  private interface Body {
    long rows() throws Exception;
  }

  private static Sample measure(SandboxServer server, Body body) throws Exception {
    server.requestLog().clear();
    long start = System.nanoTime();
    long rows = body.rows();
    double millis = (System.nanoTime() - start) / 1e6;
    return new Sample(rows, server.requestLog().count(), millis);
  }

  /** Executes {@code sql} and reads every column of every row. */
  private static long driverRun(Connection connection, String sql) throws SQLException {
    long rows = 0;
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= columns; i++) {
          rs.getObject(i);
        }
        rows++;
      }
    }
    return rows;
  }

  /** The plain script: one request after another, page 1, 2, 3 ... */
  private static long baselineRun(HttpClient http, SandboxServer server, Plan plan)
      throws IOException, InterruptedException {
    if (plan.pointId() != null) {
      HttpResponse<String> r = send(http, server, "/profile/tokens/" + plan.pointId(), null);
      return r.statusCode() == 200 ? 1 : 0;
    }
    long rows = 0;
    int page = 1;
    while (true) {
      HttpResponse<String> r = send(http, server,
          "/profile/tokens?page=" + page + "&page_size=" + API_PAGE_SIZE, plan.xFilter());
      if (r.statusCode() != 200) {
        throw new IOException("baseline: HTTP " + r.statusCode() + ": " + r.body());
      }
      JsonNode body = JSON.readTree(r.body());
      for (JsonNode token : body.get("data")) {
        token.get("id").asLong(); // touch the parsed row
        rows++;
        if (plan.stopAfter() != null && rows == plan.stopAfter()) {
          return rows;
        }
      }
      if (page >= body.get("pages").asInt()) {
        return rows;
      }
      page++;
    }
  }

  /** One GET of the plain baseline client (also used by {@link PerformanceReport}). */
  static HttpResponse<String> send(HttpClient http, SandboxServer server, String path,
      String xFilter) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
        .header("Authorization", "Bearer " + server.actingToken())
        .header("Accept", "application/json")
        .timeout(Duration.ofSeconds(60))
        .GET();
    if (xFilter != null) {
      b.header("X-Filter", xFilter);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static double median(List<Sample> samples) {
    double[] ms = samples.stream().mapToDouble(Sample::millis).sorted().toArray();
    int mid = ms.length / 2;
    return ms.length % 2 == 1 ? ms[mid] : (ms[mid - 1] + ms[mid]) / 2;
  }

  private static long max(List<Sample> samples, java.util.function.ToLongFunction<Sample> f) {
    return samples.stream().mapToLong(f).max().orElseThrow();
  }

  /** The value all runs agree on; a disagreement is a bug worth failing loudly for. */
  private static long same(List<Sample> samples, java.util.function.ToLongFunction<Sample> f) {
    long[] values = samples.stream().mapToLong(f).distinct().toArray();
    if (values.length != 1) {
      throw new IllegalStateException("runs returned different row counts: "
          + Arrays.toString(values));
    }
    return values[0];
  }

  static void print(Options o, List<Result> results, PrintStream out) {
    out.printf(Locale.ROOT, "linode-jdbc read benchmark: %d tokens, %d ms latency per request,"
            + " median of %d run(s) after %d warm-up(s); page_size %d; maxConcurrentRequests %s%n",
        o.tokens(), o.latencyMs(), o.runs(), o.warmups(), API_PAGE_SIZE,
        o.maxConcurrentRequests() == null ? "driver default" : o.maxConcurrentRequests());
    out.println();
    String head = "| %-15s | %6s | %8s | %8s | %9s | %8s | %11s | %8s | %15s | %12s |%n";
    String row = "| %-15s | %6d | %8d | %8d | %9.1f | %8d | %11.1f | %8.1f | %14.2fx | %11.2fx |%n";
    out.printf(Locale.ROOT, head, "query", "rows", "requests", "minimum", "driver ms",
        "baseline", "baseline ms", "floor ms", "driver/baseline", "driver/floor");
    out.printf(Locale.ROOT, head, "", "", "(driver)", "possible", "", "requests", "", "", "",
        "");
    out.println("|-----------------|--------|----------|----------|-----------|----------|"
        + "-------------|----------|-----------------|--------------|");
    for (Result r : results) {
      out.printf(Locale.ROOT, row, r.name(), r.rows(), r.driverRequests(), r.minRequests(),
          r.driverMs(), r.baselineRequests(), r.baselineMs(), r.floorMs(),
          r.driverMs() / r.baselineMs(), r.floorMs() == 0 ? Double.NaN : r.driverMs() / r.floorMs());
    }
    out.println();
    for (Result r : results) {
      out.printf(Locale.ROOT, "%-15s  %s%n", r.name(), r.sql());
      if (r.rows() != r.baselineRows()) {
        out.printf(Locale.ROOT, "  WARNING: driver returned %d rows, baseline %d%n", r.rows(),
            r.baselineRows());
      }
      if (r.driverRequests() > r.minRequests()) {
        out.printf(Locale.ROOT, "  NOTE: driver made %d requests, %d would do%n",
            r.driverRequests(), r.minRequests());
      }
    }
    out.println();
    out.println("baseline: java.net.http, pages fetched one after another (page_size=500, same"
        + " X-Filter), Jackson parsing; floor: 1 round trip for 1 request, 2 when more pages are"
        + " needed. Request counts are exact; times depend on the machine.");
  }
}
