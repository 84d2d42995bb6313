package io.linodejdbc.bench;

import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.sandbox.SandboxServer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The report's side-by-side rows: the driver next to Linode's official JavaScript SDK
 * ({@code @linode/api-v4}, {@code src/test/js/sdk-list.cjs}) against the same sandbox with the
 * same latency, in the same run; and whole-process one-shot timings.
 *
 * <p>The SDK is installed by the report itself ({@code npm install} into
 * {@code target/bench-js}); without node and npm the SDK columns stay empty and say why.
 */
final class PeerBenchmark {
  private static final String TABLE = "linode.profile.personal_access_tokens";
  private static final Pattern SDK_LINE = Pattern.compile("\"rows\":(\\d+).*\"ms\":([\\d.]+)");

  private PeerBenchmark() {}

  /** A full scan next to the SDK; times in ms (median), NaN where not measured. */
  record Peer(int tokens, long rows, long requests, long minimum, double driverMs,
      double sdkAllAtOnceMs, double sdkSequentialMs, double floorMs, String sdkNote) {}

  /** One whole-process run, median of {@code runs}. */
  record OneShot(String name, double medianMs, int runs, String command) {}

  /** Copies the SDK script into target/bench-js and installs the SDK there; null if it can't. */
  static Path installSdk(PrintStream log) {
    try {
      Path source = Paths.get("src/test/js").toAbsolutePath();
      Path dir = Paths.get("target/bench-js").toAbsolutePath();
      Files.createDirectories(dir);
      for (String f : List.of("package.json", "sdk-list.cjs")) {
        Files.copy(source.resolve(f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
      }
      if (!Files.isDirectory(dir.resolve("node_modules/@linode/api-v4"))) {
        log.println("[perf] installing @linode/api-v4 with npm into " + dir);
        Process p = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund",
            "--loglevel=error").directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
          log.println("[perf] npm install failed: " + out.strip());
          return null;
        }
      }
      return dir;
    } catch (IOException e) {
      log.println("[perf] no SDK run: " + e.getMessage());
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** The driver's full scan of {@code tokens} next to the SDK's two ways of listing. */
  static Peer fullScan(int tokens, long latencyMs, int runs, Path sdk, PrintStream log)
      throws Exception {
    try (SandboxServer server = SandboxServer.builder().tokens(SampleData.bulk(tokens, 7))
        .latency(Duration.ofMillis(latencyMs)).start();
         Connection connection = OverheadBenchmark.connect(server)) {
      String sql = "SELECT * FROM " + TABLE;
      double[] driver = new double[runs];
      long rows = 0;
      long requests = 0;
      for (int i = -1; i < runs; i++) { // one warm-up
        server.requestLog().clear();
        long start = System.nanoTime();
        rows = PerformanceReport.drain(connection, sql);
        double ms = (System.nanoTime() - start) / 1e6;
        requests = Math.max(requests, server.requestLog().requests().size());
        if (i >= 0) {
          driver[i] = ms;
        }
      }
      double all = Double.NaN;
      double sequential = Double.NaN;
      String note = sdk == null ? "SDK not installed (node/npm missing?)" : "";
      if (sdk != null) {
        all = sdkMedian(sdk, server, "all-at-once", runs, tokens);
        sequential = sdkMedian(sdk, server, "sequential", runs, tokens);
      }
      long pages = Workload.pages(tokens);
      Peer p = new Peer(tokens, rows, requests, pages, median(driver), all, sequential,
          Workload.listRoundTrips(pages) * latencyMs, note);
      log.printf(Locale.ROOT, "[perf]   full scan vs SDK: driver %.0f ms, SDK all-at-once %.0f"
          + " ms, sequential %.0f ms%n", p.driverMs(), all, sequential);
      return p;
    }
  }

  /** The SDK's in-process listing time, median of {@code runs} after one warm-up. */
  private static double sdkMedian(Path sdk, SandboxServer server, String mode, int runs,
      int tokens) throws Exception {
    Process p = new ProcessBuilder("node", "sdk-list.cjs", server.baseUrl(),
        server.actingToken(), mode, Integer.toString(Workload.PAGE), Integer.toString(runs + 1))
        .directory(sdk.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("the SDK run failed: " + out.strip());
    }
    List<Double> ms = new ArrayList<>();
    for (String line : out.split("\n")) {
      Matcher m = SDK_LINE.matcher(line);
      if (m.find()) {
        if (Long.parseLong(m.group(1)) != tokens) {
          throw new IllegalStateException("the SDK listed " + m.group(1) + " tokens, not "
              + tokens);
        }
        ms.add(Double.parseDouble(m.group(2)));
      }
    }
    if (ms.size() != runs + 1) {
      throw new IllegalStateException("unexpected SDK output: " + out.strip());
    }
    return median(ms.subList(1, ms.size()).stream().mapToDouble(Double::doubleValue).toArray());
  }

  /**
   * Whole processes against a one-page account: {@code linode-sql -e}, a plain JDBC program, and
   * the SDK listing the same tokens in one {@code node} process.
   */
  static List<OneShot> oneShots(int tokens, long latencyMs, int runs, Path sdk, PrintStream log)
      throws Exception {
    String sql = "SELECT id, label, created FROM " + TABLE;
    try (SandboxServer server = SandboxServer.builder().tokens(SampleData.bulk(tokens, 7))
        .latency(Duration.ofMillis(latencyMs)).start()) {
      String[] launcher = PerformanceReport.launcher();
      List<String> shell = new ArrayList<>(Arrays.asList(launcher).subList(1, launcher.length));
      shell.addAll(List.of("--token", server.actingToken(), "--api-url", server.baseUrl(),
          "-e", sql));
      List<Command> commands = new ArrayList<>();
      commands.add(new Command("linode-sql -e (" + launcher[0] + ")", shell, null));
      commands.add(new Command("plain JDBC program", List.of(PerformanceReport.java(), "-cp",
          PerformanceReport.driverClasspath(), OneShotQuery.class.getName(), server.baseUrl(),
          server.actingToken(), sql), null));
      // The same program with one option of its own JVM that suits short runs (the JIT's first
      // tier only); a driver cannot set it, the program's command line can (README, Performance).
      commands.add(new Command(SHORT_RUN_JDBC, List.of(PerformanceReport.java(),
          "-XX:TieredStopAtLevel=1", "-cp", PerformanceReport.driverClasspath(),
          OneShotQuery.class.getName(), server.baseUrl(), server.actingToken(), sql), null));
      if (sdk != null) {
        commands.add(new Command("SDK listing in one node process", List.of("node",
            "sdk-list.cjs", server.baseUrl(), server.actingToken(), "all-at-once", "500", "1"),
            sdk));
      }
      return time(commands, runs, log);
    }
  }

  /** The one-shot JDBC program run with {@code -XX:TieredStopAtLevel=1}. */
  static final String SHORT_RUN_JDBC = "JDBC program, JVM option -XX:TieredStopAtLevel=1";

  /** A process to time: its command line and working directory (null: this one's). */
  private record Command(String name, List<String> line, Path dir) {}

  /**
   * Times each command {@code runs} times, taking turns (A, B, C, A, B, C, ...) after one round
   * that is not counted, so that a busy or quiet spell of a shared machine falls on all of them
   * alike and one-time costs (a class-data archive written, files first read from disk) on none.
   */
  private static List<OneShot> time(List<Command> commands, int runs, PrintStream log)
      throws Exception {
    double[][] ms = new double[commands.size()][runs];
    for (int round = -1; round < runs; round++) {
      for (int c = 0; c < commands.size(); c++) {
        double took = run(commands.get(c));
        if (round >= 0) {
          ms[c][round] = took;
        }
      }
    }
    List<OneShot> out = new ArrayList<>();
    for (int c = 0; c < commands.size(); c++) {
      Command command = commands.get(c);
      OneShot shot = new OneShot(command.name(), median(ms[c]), runs,
          String.join(" ", command.line()));
      log.printf(Locale.ROOT, "[perf]   one-shot %-32s %8.0f ms%n", command.name(), shot.medianMs());
      out.add(shot);
    }
    return out;
  }

  /** One run's wall time in ms. */
  private static double run(Command command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command.line()).redirectErrorStream(true);
    if (command.dir() != null) {
      pb.directory(command.dir().toFile());
    }
    long start = System.nanoTime();
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(command.name() + " failed (" + p.exitValue() + "): "
          + output);
    }
    return (System.nanoTime() - start) / 1e6;
  }

  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int mid = v.length / 2;
    return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  }
}
