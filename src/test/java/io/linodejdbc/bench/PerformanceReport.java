package io.linodejdbc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linodejdbc.sandbox.RecordedRequest;
import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.sandbox.SandboxServer;
import io.linodejdbc.sandbox.SandboxToken;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The performance report: one command, one table.
 *
 * <pre>
 * mvn -q -B -o test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.linodejdbc.bench.PerformanceReport
 * </pre>
 *
 * Sections (all on by default; {@code --help} lists the options):
 * <ul>
 *   <li><b>calls + latency</b>: each statement of {@link Workload} against the sandbox with
 *       {@code --latency-ms} (50) injected per request, at each of {@code --sizes}
 *       (10000,100000) tokens: rows, HTTP requests (reads+writes) next to the minimum, the median
 *       wall time next to a plain sequential client doing the minimum requests one after another
 *       (reads only) and next to the latency floor (round trips no client can avoid);
 *   <li><b>overhead</b>: JMH with no injected latency ({@link OverheadBenchmark}): warm point
 *       lookup, warm full scan of 1,000 rows, planning of a fresh statement; and the cold start of
 *       {@code linode-sql -e "SELECT 1"} as a whole process, median of {@code --cold-runs};
 *   <li><b>memory</b>: a child JVM with {@code -Xmx64m} ({@link HeapProbe}) streams all of
 *       {@code --memory-sizes} (10000,100000) tokens through a ResultSet.
 * </ul>
 * Request counts are exact; times depend on the machine and its load, so compare ratios within
 * one run.
 */
public final class PerformanceReport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PerformanceReport() {}

  /** Settings; see {@link #usage()}. */
  public record Options(List<Integer> sizes, long latencyMs, int runs, int warmups,
      int bigRuns, boolean jmh, int jmhForks, int jmhIterations, int jmhMillis, int coldRuns,
      List<Integer> memorySizes, String heap, long seed, int peerTokens, int peerRuns,
      int oneShotTokens, int oneShotRuns, boolean sdk) {

    static Options parse(String... args) {
      Map<String, String> v = new LinkedHashMap<>();
      v.put("--sizes", "10000,100000");
      v.put("--latency-ms", "50");
      v.put("--runs", "5");
      v.put("--warmups", "1");
      v.put("--big-runs", "3");
      v.put("--jmh", "true");
      v.put("--jmh-forks", "1");
      v.put("--jmh-iterations", "5");
      v.put("--jmh-ms", "1000");
      v.put("--cold-runs", "5");
      v.put("--memory-sizes", "10000,100000");
      v.put("--heap", "64m");
      v.put("--seed", "7");
      v.put("--peer-tokens", "20000");
      v.put("--peer-runs", "5");
      v.put("--oneshot-tokens", "60");
      v.put("--oneshot-runs", "5");
      v.put("--sdk", "true");
      for (int i = 0; i < args.length; i++) {
        if (args[i].equals("--help") || args[i].equals("-h")) {
          throw new IllegalArgumentException(usage());
        }
        if (!v.containsKey(args[i])) {
          throw new IllegalArgumentException("unknown option " + args[i] + "\n" + usage());
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(args[i] + " needs a value\n" + usage());
        }
        v.put(args[i], args[++i]);
      }
      try {
        Options o = new Options(ints(v.get("--sizes")), Long.parseLong(v.get("--latency-ms")),
            Integer.parseInt(v.get("--runs")), Integer.parseInt(v.get("--warmups")),
            Integer.parseInt(v.get("--big-runs")), Boolean.parseBoolean(v.get("--jmh")),
            Integer.parseInt(v.get("--jmh-forks")), Integer.parseInt(v.get("--jmh-iterations")),
            Integer.parseInt(v.get("--jmh-ms")), Integer.parseInt(v.get("--cold-runs")),
            ints(v.get("--memory-sizes")), v.get("--heap"), Long.parseLong(v.get("--seed")),
            Integer.parseInt(v.get("--peer-tokens")), Integer.parseInt(v.get("--peer-runs")),
            Integer.parseInt(v.get("--oneshot-tokens")), Integer.parseInt(v.get("--oneshot-runs")),
            Boolean.parseBoolean(v.get("--sdk")));
        if (o.runs < 1 || o.bigRuns < 1 || o.warmups < 0 || o.latencyMs < 0
            || o.jmhIterations < 1 || o.coldRuns < 0) {
          throw new IllegalArgumentException("runs >= 1, warmups >= 0, latency >= 0\n" + usage());
        }
        return o;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a number: " + e.getMessage() + "\n" + usage());
      }
    }

    private static List<Integer> ints(String csv) {
      if (csv.isBlank() || csv.equals("none")) {
        return List.of();
      }
      return Arrays.stream(csv.split(",")).map(String::trim).map(Integer::valueOf).toList();
    }
  }

  static String usage() {
    return "PerformanceReport [--sizes 10000,100000 (none: skip)] [--latency-ms 50]"
        + " [--runs 5] [--warmups 1] [--big-runs 3 (runs at sizes > 20000)]"
        + " [--jmh true|false] [--jmh-forks 1] [--jmh-iterations 5] [--jmh-ms 1000]"
        + " [--cold-runs 5 (0: skip)] [--memory-sizes 10000,100000 (none: skip)] [--heap 64m]"
        + " [--seed 7] [--peer-tokens 20000 (0: skip)] [--peer-runs 5] [--oneshot-tokens 60]"
        + " [--oneshot-runs 5 (0: skip)] [--sdk true|false (the @linode/api-v4 columns)]";
  }

  /** One statement at one size. Times in ms (median); NaN where not measured. */
  public record Query(int tokens, String name, String sql, long rows, long reads, long writes,
      long minWrites, long minReads, double driverMs, double baselineMs, long baselineRows,
      double floorMs) {
    long requests() {
      return reads + writes;
    }

    long minimum() {
      return minReads + minWrites;
    }

    boolean dml() {
      return minWrites > 0;
    }
  }

  /** One JMH figure: average time per operation and allocation per operation. */
  public record Overhead(String name, double micros, double errorMicros, double bytesPerOp) {}

  /** One streaming run in a child JVM. */
  public record Memory(int tokens, boolean completed, long rows, double peakMb, double liveMb,
      String failure) {}

  /** Everything measured. */
  public record Report(Options options, List<Query> queries, List<Overhead> overhead,
      double coldStartMs, String coldCommand, List<Memory> memory,
      List<PeerBenchmark.Peer> peers, List<PeerBenchmark.OneShot> oneShots) {}

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Report report = run(options, System.out);
    print(report, System.out);
    System.exit(0); // exec:java would otherwise wait for idle pool threads
  }

  /** Runs every section; progress goes to {@code log}. */
  public static Report run(Options o, PrintStream log) throws Exception {
    List<Query> queries = new ArrayList<>();
    for (int size : o.sizes()) {
      log.printf(Locale.ROOT, "[perf] calls + latency: %d tokens, %d ms per request%n", size,
          o.latencyMs());
      queries.addAll(latency(o, size, log));
    }
    List<Overhead> overhead = List.of();
    if (o.jmh()) {
      log.println("[perf] overhead: JMH");
      overhead = jmh(o);
    }
    double cold = Double.NaN;
    String coldCommand = "";
    if (o.coldRuns() > 0) {
      log.println("[perf] cold start");
      String[] result = coldStart(o);
      cold = Double.parseDouble(result[0]);
      coldCommand = result[1];
    }
    List<Memory> memory = new ArrayList<>();
    for (int size : o.memorySizes()) {
      log.printf(Locale.ROOT, "[perf] memory: %d tokens, -Xmx%s%n", size, o.heap());
      memory.add(memory(o, size));
    }
    java.nio.file.Path sdk = o.sdk() && (o.peerTokens() > 0 || o.oneShotRuns() > 0)
        ? PeerBenchmark.installSdk(log) : null;
    List<PeerBenchmark.Peer> peers = new ArrayList<>();
    if (o.peerTokens() > 0) {
      log.printf(Locale.ROOT, "[perf] side by side with @linode/api-v4: %d tokens, %d ms%n",
          o.peerTokens(), o.latencyMs());
      peers.add(PeerBenchmark.fullScan(o.peerTokens(), o.latencyMs(), o.peerRuns(), sdk, log));
    }
    List<PeerBenchmark.OneShot> shots = List.of();
    if (o.oneShotRuns() > 0) {
      log.printf(Locale.ROOT, "[perf] one-shot processes: %d tokens, %d ms%n", o.oneShotTokens(),
          o.latencyMs());
      shots = PeerBenchmark.oneShots(o.oneShotTokens(), o.latencyMs(), o.oneShotRuns(), sdk, log);
    }
    return new Report(o, queries, overhead, cold, coldCommand, memory, peers, shots);
  }

  // ---- calls + latency -------------------------------------------------------------------------

  private interface Body {
    long rows() throws Exception;
  }

  private record Sample(long rows, long reads, long writes, double millis) {}

  private static List<Query> latency(Options o, int size, PrintStream log) throws Exception {
    List<SandboxToken> data = SampleData.bulk(size, o.seed());
    int runs = size > 20_000 ? o.bigRuns() : o.runs();
    List<Query> out = new ArrayList<>();
    double latency = o.latencyMs();
    try (SandboxServer server = SandboxServer.builder().tokens(data)
        .latency(Duration.ofMillis(o.latencyMs())).start();
         Connection connection = OverheadBenchmark.connect(server)) {
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10)).build();
      for (Workload.Read read : Workload.reads(data)) {
        List<Sample> driver = new ArrayList<>();
        List<Sample> baseline = new ArrayList<>();
        for (int i = 0; i < o.warmups() + runs; i++) {
          Sample d = measure(server, () -> read.fetchSize() > 0
              ? drainSome(connection, read.sql(), read.fetchSize(), read.rows())
              : drain(connection, read.sql(), read.maxRows()));
          Sample b = measure(server, () -> baseline(http, server, read));
          if (i >= o.warmups()) {
            driver.add(d);
            baseline.add(b);
          }
        }
        Sample last = driver.get(driver.size() - 1);
        out.add(new Query(size, read.name(), read.sql(), last.rows(),
            max(driver, Sample::reads), max(driver, Sample::writes), 0, read.minReads(),
            median(driver), median(baseline), baseline.get(0).rows(),
            read.floorRoundTrips() * latency));
        log.printf(Locale.ROOT, "[perf]   %-26s %8.1f ms%n", read.name(), median(driver));
      }
      // DML rounds: insert 1 and 3, update them by id and by label, delete them: data unchanged.
      Map<String, List<Sample>> dml = new LinkedHashMap<>();
      Map<String, Workload.Dml> shapes = new HashMap<>();
      for (int i = 0; i < o.warmups() + runs; i++) {
        String round = size + "-" + i;
        List<Workload.Dml> statements = new ArrayList<>();
        Workload.Dml one = Workload.insertOne(round);
        Workload.Dml three = Workload.insertThree(round);
        List<Long> oneIds = new ArrayList<>();
        List<Long> threeIds = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        samples.add(measure(server, () -> returning(connection, one, oneIds)));
        samples.add(measure(server, () -> returning(connection, three, threeIds)));
        statements.add(one);
        statements.add(three);
        List<Workload.Dml> rest = Workload.changes(round, Math.toIntExact(oneIds.get(0)),
            threeIds.stream().map(Math::toIntExact).toList());
        for (Workload.Dml change : rest) {
          samples.add(measure(server, () -> update(connection, change)));
          statements.add(change);
        }
        if (i < o.warmups()) {
          continue;
        }
        for (int k = 0; k < statements.size(); k++) {
          dml.computeIfAbsent(statements.get(k).name(), x -> new ArrayList<>())
              .add(samples.get(k));
          shapes.put(statements.get(k).name(), statements.get(k));
        }
      }
      for (Map.Entry<String, List<Sample>> e : dml.entrySet()) {
        Workload.Dml shape = shapes.get(e.getKey());
        List<Sample> s = e.getValue();
        out.add(new Query(size, shape.name(), shape.sql(), same(s, Sample::rows),
            max(s, Sample::reads), max(s, Sample::writes), shape.minWrites(), shape.minReads(),
            median(s), Double.NaN, shape.rows(), shape.floorRoundTrips() * latency));
        log.printf(Locale.ROOT, "[perf]   %-26s %8.1f ms%n", shape.name(), median(s));
      }
      if (server.store().all().size() != size) {
        throw new IllegalStateException("the DML rounds left " + server.store().all().size()
            + " tokens, expected " + size);
      }
    }
    return out;
  }

  private static Sample measure(SandboxServer server, Body body) throws Exception {
    server.requestLog().clear();
    long start = System.nanoTime();
    long rows = body.rows();
    double millis = (System.nanoTime() - start) / 1e6;
    List<RecordedRequest> sent = server.requestLog().requests();
    long reads = sent.stream().filter(r -> r.method().equals("GET")).count();
    return new Sample(rows, reads, sent.size() - reads, millis);
  }

  /** Executes a query and reads every column of every row. */
  static long drain(Connection connection, String sql) throws SQLException {
    return drain(connection, sql, 0);
  }

  /** The same with {@code Statement.setMaxRows(maxRows)} (0: none). */
  static long drain(Connection connection, String sql, int maxRows) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.setMaxRows(maxRows);
      return drain(st.executeQuery(sql));
    }
  }

  /**
   * Reads the first {@code rows} rows with {@code Statement.setFetchSize(fetchSize)} and closes
   * the result (a grid showing one screenful).
   */
  static long drainSome(Connection connection, String sql, int fetchSize, long rows)
      throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.setFetchSize(fetchSize);
      long n = 0;
      try (ResultSet rs = st.executeQuery(sql)) {
        int columns = rs.getMetaData().getColumnCount();
        while (n < rows && rs.next()) {
          for (int i = 1; i <= columns; i++) {
            rs.getObject(i);
          }
          n++;
        }
      }
      return n;
    }
  }

  private static long drain(ResultSet resultSet) throws SQLException {
    long rows = 0;
    try (ResultSet rs = resultSet) {
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

  private static PreparedStatement prepare(Connection connection, Workload.Dml dml)
      throws SQLException {
    PreparedStatement ps = connection.prepareStatement(dml.sql());
    for (int i = 0; i < dml.params().size(); i++) {
      ps.setObject(i + 1, dml.params().get(i));
    }
    return ps;
  }

  private static long returning(Connection connection, Workload.Dml dml, List<Long> ids)
      throws SQLException {
    try (PreparedStatement ps = prepare(connection, dml); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids.size();
  }

  /** Runs a DML statement; the rows it reports changing (the JDBC update count). */
  private static long update(Connection connection, Workload.Dml dml) throws SQLException {
    try (PreparedStatement ps = prepare(connection, dml)) {
      return ps.executeUpdate();
    }
  }

  /** A plain script: the minimum requests, one after another, parsed with Jackson. */
  private static long baseline(HttpClient http, SandboxServer server, Workload.Read read)
      throws IOException, InterruptedException {
    switch (read.baseline()) {
    case GET_EACH: {
      long rows = 0;
      for (int id : read.ids()) {
        HttpResponse<String> r = ReadBenchmark.send(http, server, "/profile/tokens/" + id, null);
        if (r.statusCode() == 200) {
          JSON.readTree(r.body()).get("id").asLong();
          rows++;
        }
      }
      return rows;
    }
    case COUNT: {
      JsonNode page = page(http, server, 1, 25, null);
      return page.get("results").asLong() >= 0 ? 1 : 0;
    }
    case SELF_JOIN: {
      Map<Long, String> labels = new HashMap<>();
      List<Long> ids = new ArrayList<>();
      pages(http, server, null, null, t -> {
        labels.put(t.get("id").asLong(), t.get("label").asText());
        ids.add(t.get("id").asLong());
      });
      long rows = 0;
      for (long id : ids) {
        if (labels.get(id) != null) {
          rows++;
        }
      }
      return rows;
    }
    default:
      return pages(http, server, read.xFilterNow(), read.stopAfter(), t -> t.get("id").asLong());
    }
  }

  private static long pages(HttpClient http, SandboxServer server, String xFilter,
      Integer stopAfter, java.util.function.Consumer<JsonNode> each)
      throws IOException, InterruptedException {
    long rows = 0;
    for (int p = 1; ; p++) {
      JsonNode body = page(http, server, p, Workload.PAGE, xFilter);
      for (JsonNode token : body.get("data")) {
        each.accept(token);
        rows++;
        if (stopAfter != null && rows == stopAfter) {
          return rows;
        }
      }
      if (p >= body.get("pages").asInt()) {
        return rows;
      }
    }
  }

  private static JsonNode page(HttpClient http, SandboxServer server, int page, int size,
      String xFilter) throws IOException, InterruptedException {
    HttpResponse<String> r = ReadBenchmark.send(http, server,
        "/profile/tokens?page=" + page + "&page_size=" + size, xFilter);
    if (r.statusCode() != 200) {
      throw new IOException("baseline: HTTP " + r.statusCode());
    }
    return JSON.readTree(r.body());
  }

  private static double median(List<Sample> samples) {
    double[] ms = samples.stream().mapToDouble(Sample::millis).sorted().toArray();
    int mid = ms.length / 2;
    return ms.length % 2 == 1 ? ms[mid] : (ms[mid - 1] + ms[mid]) / 2;
  }

  private static long max(List<Sample> samples, java.util.function.ToLongFunction<Sample> f) {
    return samples.stream().mapToLong(f).max().orElseThrow();
  }

  private static long same(List<Sample> samples, java.util.function.ToLongFunction<Sample> f) {
    long[] values = samples.stream().mapToLong(f).distinct().toArray();
    if (values.length != 1) {
      throw new IllegalStateException("runs disagree: " + Arrays.toString(values));
    }
    return values[0];
  }

  // ---- overhead --------------------------------------------------------------------------------

  static final String[] BENCHMARKS = {"pointLookupPrepared", "fullScanPrepared",
      "planFreshStatement"};

  private static List<Overhead> jmh(Options o) throws Exception {
    String cp = childClasspath();
    String saved = System.getProperty("java.class.path");
    // Forked JMH JVMs get java.class.path; under exec:java that is Maven's, not the project's.
    System.setProperty("java.class.path", cp);
    try {
      ChainedOptionsBuilder b = new OptionsBuilder()
          .include(OverheadBenchmark.class.getName() + "\\.")
          .forks(o.jmhForks())
          .warmupIterations(o.jmhIterations())
          .warmupTime(TimeValue.milliseconds(o.jmhMillis()))
          .measurementIterations(o.jmhIterations())
          .measurementTime(TimeValue.milliseconds(o.jmhMillis()))
          .threads(1)
          .shouldFailOnError(true)
          .addProfiler(GCProfiler.class);
      if (o.jmhForks() > 0) {
        b.jvmArgsAppend("-Xmx512m");
      }
      List<Overhead> out = new ArrayList<>();
      Map<String, RunResult> byName = new HashMap<>();
      for (RunResult r : new Runner(b.build()).run()) {
        String label = r.getParams().getBenchmark();
        byName.put(label.substring(label.lastIndexOf('.') + 1), r);
      }
      for (String name : BENCHMARKS) {
        RunResult r = byName.get(name);
        if (r == null) {
          throw new IllegalStateException("JMH produced no result for " + name);
        }
        Result<?> primary = r.getPrimaryResult();
        Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
        double err = primary.getScoreError();
        out.add(new Overhead(name, primary.getScore(), Double.isNaN(err) ? 0 : err,
            alloc == null ? Double.NaN : alloc.getScore()));
      }
      return out;
    } finally {
      System.setProperty("java.class.path", saved);
    }
  }

  /**
   * The project's test classpath, for child JVMs: the class loader's URLs under exec:java (where
   * java.class.path is Maven's own), else java.class.path (surefire, IDE).
   */
  static String childClasspath() throws Exception {
    for (ClassLoader c = PerformanceReport.class.getClassLoader(); c != null;
         c = c.getParent()) {
      if (c instanceof URLClassLoader u) {
        List<String> parts = new ArrayList<>();
        boolean project = false;
        for (URL url : u.getURLs()) {
          String path = Paths.get(url.toURI()).toString();
          project |= path.endsWith("test-classes");
          parts.add(path);
        }
        if (project) {
          return String.join(File.pathSeparator, parts);
        }
      }
    }
    return System.getProperty("java.class.path");
  }

  static String java() {
    return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Median wall time of {@code linode-sql -e "SELECT 1"}; returns {median ms, command}. */
  private static String[] coldStart(Options o) throws Exception {
    try (SandboxServer server = SandboxServer.builder().tokens(SampleData.bulk(10, 1)).start()) {
      String[] launcher = launcher();
      List<String> command = new ArrayList<>(Arrays.asList(launcher).subList(1, launcher.length));
      command.addAll(List.of("--token", server.actingToken(), "--api-url", server.baseUrl(),
          "-e", "SELECT 1"));
      double[] ms = new double[o.coldRuns()];
      for (int i = 0; i < ms.length; i++) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        long start = System.nanoTime();
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
          throw new IllegalStateException("linode-sql failed (" + p.exitValue() + "): " + output);
        }
        ms[i] = (System.nanoTime() - start) / 1e6;
      }
      return new String[] {Double.toString(PeerBenchmark.median(ms)),
          launcher[0] + " -e \"SELECT 1\""};
    }
  }

  /**
   * How to start the shell: {shown name, command…}. The launcher script when its jar is fresh,
   * else the same main class on the test classpath.
   */
  static String[] launcher() throws Exception {
    Path script = Paths.get("linode-sql").toAbsolutePath();
    if (Files.isExecutable(script) && scriptJarIsFresh(script.getParent())) {
      return new String[] {"./linode-sql", script.toString()};
    }
    return new String[] {"java -cp <test classpath> io.linodejdbc.cli.LinodeSql", java(), "-cp",
        childClasspath(), "io.linodejdbc.cli.LinodeSql"};
  }

  /**
   * The class path of a plain JDBC program: the self-contained driver jar (what a user adds)
   * when it is fresh, else the test classpath; plus the test classes (the program itself).
   */
  static String driverClasspath() throws Exception {
    Path driver = freshDriverJar();
    if (driver != null) {
      return driver + File.pathSeparator
          + Paths.get("target/test-classes").toAbsolutePath();
    }
    return childClasspath();
  }

  /** The self-contained driver jar, if it is newer than every source; else null. */
  static Path freshDriverJar() throws Exception {
    Path root = Paths.get("").toAbsolutePath();
    if (!scriptJarIsFresh(root)) {
      return null;
    }
    try (var files = Files.list(root.resolve("target"))) {
      return files.filter(f -> f.getFileName().toString().endsWith("-driver.jar"))
          .findFirst().orElse(null);
    }
  }

  /** True if target/ holds a driver jar and its lib/ newer than every source, as the script wants. */
  private static boolean scriptJarIsFresh(Path root) throws IOException {
    Path target = root.resolve("target");
    if (!Files.isDirectory(target.resolve("lib"))) {
      return false;
    }
    Path jar;
    try (var files = Files.list(target)) {
      jar = files.filter(f -> f.getFileName().toString().matches("linode-jdbc-.*(?<!-tests)\\.jar"))
          .findFirst().orElse(null);
    }
    if (jar == null) {
      return false;
    }
    long built = Files.getLastModifiedTime(jar).toMillis();
    try (var sources = Files.walk(root.resolve("src/main"))) {
      return sources.noneMatch(f -> {
        try {
          return Files.getLastModifiedTime(f).toMillis() > built;
        } catch (IOException e) {
          return true;
        }
      }) && Files.getLastModifiedTime(root.resolve("pom.xml")).toMillis() <= built;
    }
  }

  // ---- memory ----------------------------------------------------------------------------------

  private static final Pattern HEAP =
      Pattern.compile("HEAP rows=(\\d+) peakMb=([\\d.]+) liveMb=([\\d.]+)");

  private static Memory memory(Options o, int size) throws Exception {
    try (SandboxServer server = SandboxServer.builder().tokens(SampleData.bulk(size, o.seed()))
        .start()) {
      List<String> command = List.of(java(), "-Xmx" + o.heap(), "-cp", childClasspath(),
          HeapProbe.class.getName(), server.baseUrl(), server.actingToken(),
          Integer.toString(size));
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      boolean exited = p.waitFor(300, TimeUnit.SECONDS);
      Matcher m = HEAP.matcher(output);
      if (!exited || p.exitValue() != 0 || !m.find()) {
        String tail = output.length() > 400 ? output.substring(output.length() - 400) : output;
        return new Memory(size, false, 0, Double.NaN, Double.NaN,
            tail.contains("OutOfMemoryError") ? "OutOfMemoryError" : tail.strip());
      }
      return new Memory(size, true, Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)),
          Double.parseDouble(m.group(3)), null);
    }
  }

  // ---- the table -------------------------------------------------------------------------------

  private static final String ROW = "| %-8s | %-26s | %7s | %7s | %-11s | %-11s | %-17s | %-18s"
      + " | %-15s | %-24s | %-6s |%n";

  static void print(Report r, PrintStream out) {
    Options o = r.options();
    out.printf(Locale.ROOT, "%nlinode-jdbc performance report: %d ms injected per request for"
            + " calls/latency (median of %d runs, %d at > 20,000 tokens, after %d warm-up);"
            + " overhead and memory with 0 ms; %d cores, Java %s%n%n",
        o.latencyMs(), o.runs(), o.bigRuns(), o.warmups(),
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    out.printf(Locale.ROOT, ROW, "section", "case", "tokens", "rows", "requests", "minimum",
        "driver", "baseline", "floor", "goal", "status");
    out.printf(Locale.ROOT, ROW, "--------", "-".repeat(26), "-------", "-------",
        "-".repeat(11), "-".repeat(11), "-".repeat(17), "-".repeat(18), "-".repeat(15),
        "-".repeat(24), "------");
    for (Query q : r.queries()) {
      boolean extra = q.requests() > q.minimum();
      String requests = q.dml() ? q.requests() + " (" + q.reads() + "r+" + q.writes() + "w)"
          : Long.toString(q.requests());
      String minimum = q.dml() ? q.minimum() + " (" + q.minReads() + "r+" + q.minWrites() + "w)"
          : Long.toString(q.minimum());
      String goal = "";
      String status = extra ? "CALLS" : "ok";
      if (q.name().equals("full scan") && q.tokens() == 10_000) {
        boolean met = q.driverMs() <= 3 * q.floorMs() && q.baselineMs() >= 5 * q.driverMs();
        goal = "<= 3x floor, >= 5x base";
        status = (extra ? "CALLS " : "") + (met ? "ok" : "SLOW");
      }
      out.printf(Locale.ROOT, ROW, q.dml() ? "dml" : "read", q.name(), q.tokens(), q.rows(),
          requests, minimum, ms(q.driverMs()),
          Double.isNaN(q.baselineMs()) ? "-" : ms(q.baselineMs()) + " (" + ratio(q.baselineMs()
              / q.driverMs()) + ")",
          ms(q.floorMs()) + " (" + ratio(q.driverMs() / q.floorMs()) + ")", goal, status);
    }
    for (PeerBenchmark.Peer p : r.peers()) {
      boolean sdk = !Double.isNaN(p.sdkAllAtOnceMs());
      boolean met = p.driverMs() <= 2.5 * p.floorMs()
          && (!sdk || p.driverMs() <= p.sdkAllAtOnceMs());
      out.printf(Locale.ROOT, ROW, "peer", "full scan vs @linode/api-v4", p.tokens(), p.rows(),
          p.requests(), p.minimum(), ms(p.driverMs()),
          sdk ? "SDK " + ms(p.sdkAllAtOnceMs()) + " (" + ratio(p.sdkAllAtOnceMs() / p.driverMs())
              + ")" : "-",
          ms(p.floorMs()) + " (" + ratio(p.driverMs() / p.floorMs()) + ")",
          "<= SDK all, <= 2.5x floor",
          (p.requests() > p.minimum() ? "CALLS " : "") + (met ? "ok" : "SLOW"));
      out.printf(Locale.ROOT, ROW, "peer", "  SDK: page after page", p.tokens(), p.rows(),
          p.minimum(), p.minimum(), "-", sdk ? "SDK " + ms(p.sdkSequentialMs()) : p.sdkNote(),
          "-", "", "info");
    }
    double sdkProcess = r.oneShots().stream().filter(x -> x.name().startsWith("SDK"))
        .mapToDouble(PeerBenchmark.OneShot::medianMs).findFirst().orElse(Double.NaN);
    for (PeerBenchmark.OneShot shot : r.oneShots()) {
      boolean launcher = shot.name().startsWith("linode-sql");
      boolean jdbc = shot.name().startsWith("plain JDBC");
      boolean shortRun = shot.name().equals(PeerBenchmark.SHORT_RUN_JDBC);
      String goal = launcher ? "<= 2.5x SDK process" : jdbc ? "< 1 s" : "";
      String status = launcher ? (Double.isNaN(sdkProcess) ? "info"
          : shot.medianMs() <= 2.5 * sdkProcess ? "ok" : "SLOW")
          : jdbc ? (shot.medianMs() < 1000 ? "ok" : "SLOW") : "info";
      String name = launcher ? "one-shot: linode-sql -e" : jdbc ? "one-shot: plain JDBC program"
          : shortRun ? "  same, TieredStopAtLevel=1" : "one-shot: SDK, one node process";
      out.printf(Locale.ROOT, ROW, "process", name, o.oneShotTokens(), o.oneShotTokens(), "1", "1",
          ms(shot.medianMs()), "median of " + shot.runs() + ", in turn",
          Double.isNaN(sdkProcess) || !launcher ? "-" : ratio(shot.medianMs() / sdkProcess)
              + " SDK", goal, status);
    }
    Map<String, String> goals = Map.of("pointLookupPrepared", "< 1 ms",
        "planFreshStatement", "< 20 ms", "fullScanPrepared", "");
    Map<String, Double> limits = Map.of("pointLookupPrepared", 1000.0,
        "planFreshStatement", 20_000.0, "fullScanPrepared", Double.MAX_VALUE);
    Map<String, String> names = Map.of("pointLookupPrepared", "warm point lookup (prep.)",
        "fullScanPrepared", "warm full scan (prep.)", "planFreshStatement",
        "plan a fresh statement");
    Map<String, String> requests = Map.of("pointLookupPrepared", "1", "fullScanPrepared", "2",
        "planFreshStatement", "0");
    Map<String, String> rows = Map.of("pointLookupPrepared", "1", "fullScanPrepared", "1000",
        "planFreshStatement", "-");
    for (Overhead h : r.overhead()) {
      out.printf(Locale.ROOT, ROW, "overhead", names.get(h.name()), "1000", rows.get(h.name()),
          requests.get(h.name()), requests.get(h.name()),
          String.format(Locale.ROOT, "%.3f±%.3f ms", h.micros() / 1000, h.errorMicros() / 1000),
          Double.isNaN(h.bytesPerOp()) ? "-" : kb(h.bytesPerOp()) + "/op alloc", "-",
          goals.get(h.name()), h.micros() < limits.get(h.name()) ? "ok" : "SLOW");
    }
    if (!Double.isNaN(r.coldStartMs())) {
      out.printf(Locale.ROOT, ROW, "overhead", "cold start: linode-sql", "-", "1", "0", "0",
          ms(r.coldStartMs()), "median of " + o.coldRuns(), "-", "", "info");
    }
    for (Memory m : r.memory()) {
      out.printf(Locale.ROOT, ROW, "memory", "stream all rows, -Xmx" + o.heap(), m.tokens(),
          m.completed() ? Long.toString(m.rows()) : "-", "-", "-",
          m.completed() ? String.format(Locale.ROOT, "peak %.1f MB", m.peakMb()) : "FAILED",
          m.completed() ? String.format(Locale.ROOT, "live %.1f MB", m.liveMb()) : "-", "-",
          "< 64 MB, flat in rows",
          m.completed() && m.rows() == m.tokens() && m.peakMb() < 64 ? "ok" : "FAIL");
    }
    out.println();
    out.println("requests: HTTP requests the sandbox received (DML: r = reads, w = writes);"
        + " minimum: fewest that can answer (DML: one write per changed row plus the reads needed"
        + " to find the rows). driver/baseline/floor: median wall ms; baseline = java.net.http"
        + " doing the minimum requests one after another (x = baseline/driver); floor ="
        + " unavoidable round trips x latency (x = driver/floor). overhead: JMH average time per"
        + " operation (± 99.9% error) with 0 ms latency and allocation per op; memory: child JVM,"
        + " 'peak' = heap pools' peak usage (garbage included), 'live' = largest heap after a"
        + " full GC at 10 points of the stream.");
    if (!r.peers().isEmpty()) {
      out.println("peer: the same sandbox and latency, same run: the driver's full scan (median,"
          + " after a warm-up) next to Linode's JavaScript SDK @linode/api-v4 in node (its own"
          + " listing time, median): page 1 then all other pages at once (Promise.all), and page"
          + " after page. process: whole processes, median wall ms: the launcher, a plain JDBC"
          + " program (connect, one query, close) and the SDK listing the tokens in one node"
          + " process, taking turns run by run after one uncounted round.");
    }
    if (!r.coldCommand().isEmpty()) {
      out.println("cold start: " + r.coldCommand() + " against a local sandbox, whole process.");
    }
    for (Query q : r.queries()) {
      if (q.baselineRows() >= 0 && q.baselineRows() != q.rows()) {
        out.printf(Locale.ROOT, "WARNING: %s at %d tokens: driver %d rows, %s %d%n",
            q.name(), q.tokens(), q.rows(), q.dml() ? "expected" : "baseline", q.baselineRows());
      }
    }
    for (Memory m : r.memory()) {
      if (!m.completed()) {
        out.printf(Locale.ROOT, "memory at %d tokens failed: %s%n", m.tokens(), m.failure());
      }
    }
  }

  private static String ms(double v) {
    return String.format(Locale.ROOT, v < 10 ? "%.2f ms" : "%.0f ms", v);
  }

  private static String ratio(double v) {
    return String.format(Locale.ROOT, "%.1fx", v);
  }

  private static String kb(double bytes) {
    return bytes >= 1024 * 1024 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1048576)
        : String.format(Locale.ROOT, "%.1f KB", bytes / 1024);
  }
}
