package io.linodejdbc.reliability;

import java.io.PrintStream;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the measuring parts of the reliability suite and prints their figures as one table.
 *
 * <pre>
 * mvn -q -B -o test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.linodejdbc.reliability.ReliabilityReport [-Dexec.args="--full"]
 * </pre>
 * Options: {@code --full} (3 chaos passes at pageSize 100, 16 × 200 concurrent queries, a
 * 20,000-query soak), {@code --tiny} (smoke size), {@code --soak N}, {@code --seed S}. Default:
 * the CI sizes. Exit status 1 if any figure breaks its requirement.
 */
public final class ReliabilityReport {

  record Row(String area, String figure, String value, String requirement, boolean ok) {}

  private ReliabilityReport() {}

  public static void main(String[] args) throws Exception {
    int status = run(args, System.out);
    System.exit(status);
  }

  static int run(String[] args, PrintStream out) throws Exception {
    boolean full = false;
    boolean tiny = false;
    Integer soak = null;
    long seed = 20240601L;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--full" -> full = true;
        case "--tiny" -> tiny = true;
        case "--soak" -> soak = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    full |= ProcessFigures.full();
    int passes = tiny ? 0 : full ? 3 : 1;
    int pageSize = full ? 100 : 250;
    int perThread = tiny ? 3 : full ? 200 : 25;
    int soakN = soak != null ? soak : tiny ? 100 : full ? 20_000 : 800;
    List<Row> rows = new ArrayList<>();

    if (passes > 0) {
      ChaosRun.Result c = ChaosRun.run(seed, passes, pageSize, Duration.ofSeconds(60));
      rows.add(new Row("chaos", "queries run (" + passes + " pass(es) × corpus, seed " + seed + ", pageSize "
          + pageSize + ", readTimeout 1 s)", Integer.toString(c.queries()), "-", true));
      rows.add(new Row("chaos", "faults injected / requests", c.faults() + " / " + c.requests(), "-", true));
      rows.add(new Row("chaos", "correct (= H2)", Integer.toString(c.correct()), "-", true));
      rows.add(new Row("chaos", "clean SQLExceptions " + c.errorStates(), Integer.toString(c.cleanErrors()), "-",
          true));
      rows.add(new Row("chaos", "wrong or partial", Integer.toString(c.wrong()), "0", c.wrong() == 0));
      rows.add(new Row("chaos", "hung (> 60 s)", Integer.toString(c.hung()), "0", c.hung() == 0));
      rows.add(new Row("chaos", "wall time", c.millis() / 1000 + " s", "-", true));
    }
    for (boolean shared : new boolean[] {false, true}) {
      ConcurrencyRun.Result r = ConcurrencyRun.run(shared, 16, perThread, ConcurrencyTest.MAX_CONCURRENT,
          Duration.ofMinutes(10));
      String area = "concurrency, " + r.mode();
      rows.add(new Row(area, "queries (16 threads × " + perThread + ")", Integer.toString(r.queries()), "-", true));
      rows.add(new Row(area, "right answers", Integer.toString(r.correct()), "= queries",
          r.correct() == r.queries()));
      rows.add(new Row(area, "deadlock", Boolean.toString(r.deadlocked()), "false", !r.deadlocked()));
      rows.add(new Row(area, "max in flight per connection (until response starts; loose: "
          + r.maxInFlightLoose() + ")", Integer.toString(r.maxInFlightObserved()),
          "<= " + r.maxConcurrentRequests(), r.maxInFlightObserved() <= r.maxConcurrentRequests()));
      rows.add(new Row(area, "HTTP requests / wall time", r.requests() + " / " + r.millis() / 1000 + " s", "-", true));
    }
    SoakRun.Result s = SoakRun.run(tiny ? 50 : 300, soakN);
    rows.add(new Row("soak", "queries after warm-up (" + s.warmup() + ")", Integer.toString(s.queries()), "-", true));
    rows.add(new Row("soak", "wrong answers", Integer.toString(s.wrong()), "0", s.wrong() == 0));
    rows.add(new Row("soak", "heap after GC before → after", ProcessFigures.mb(s.before().heapBytes()) + " → "
        + ProcessFigures.mb(s.after().heapBytes()), "flat (+16 MB)",
        s.after().heapBytes() <= s.before().heapBytes() + (16L << 20)));
    rows.add(new Row("soak", "live threads before → after", s.before().threads() + " → " + s.after().threads(),
        "flat (+4)", s.after().threads() <= s.before().threads() + 4));
    rows.add(new Row("soak", "open sockets before → after", s.before().sockets() + " → " + s.after().sockets(),
        "flat (+12)", s.after().sockets() <= s.before().sockets() + 12));
    rows.add(new Row("soak", "wall time", s.millis() / 1000 + " s", "-", true));
    if (!tiny) {
      RateLimitRun.Result r = RateLimitRun.run(full ? 1200 : 400, 5, Duration.ofSeconds(2));
      rows.add(new Row("rate limit 5/2 s", r.pages() + "-page scan (pageSize 25) answer", r.correct() ? "correct"
          : String.valueOf(r.error()), "correct", r.correct()));
      rows.add(new Row("rate limit 5/2 s", "list calls: 200 / 429", r.ok() + " / " + r.rateLimited(), "-", true));
      rows.add(new Row("rate limit 5/2 s", "max 200s in any 2 s window", Integer.toString(r.maxOkPerWindow()),
          "<= 5", r.maxOkPerWindow() <= 5));
      rows.add(new Row("rate limit 5/2 s", "average pages per 2 s", String.format("%.2f",
          r.ok() * 2000.0 / Math.max(1, r.millis())), "5 allowed", true));
      rows.add(new Row("rate limit 5/2 s", "retries sooner than Retry-After", Integer.toString(
          r.retriesSoonerThanAllowed()), "0", r.retriesSoonerThanAllowed() == 0));
      rows.add(new Row("rate limit 5/2 s", "wall time", r.millis() / 1000.0 + " s", "-", true));
    }
    print(rows, out, full, tiny);
    return rows.stream().allMatch(Row::ok) ? 0 : 1;
  }

  static void print(List<Row> rows, PrintStream out, boolean full, boolean tiny) {
    int a = "area".length();
    int f = "figure".length();
    int v = "value".length();
    int q = "required".length();
    for (Row r : rows) {
      a = Math.max(a, r.area().length());
      f = Math.max(f, r.figure().length());
      v = Math.max(v, r.value().length());
      q = Math.max(q, r.requirement().length());
    }
    out.println("linode-jdbc reliability report, " + ZonedDateTime.now().withNano(0) + ", "
        + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
        + ", size " + (tiny ? "tiny" : full ? "full" : "ci"));
    String fmt = "| %-" + a + "s | %-" + f + "s | %-" + v + "s | %-" + q + "s | %-4s |%n";
    out.printf(fmt, "area", "figure", "value", "required", "ok");
    out.printf("|%s|%s|%s|%s|%s|%n", "-".repeat(a + 2), "-".repeat(f + 2), "-".repeat(v + 2), "-".repeat(q + 2),
        "-".repeat(6));
    for (Row r : rows) {
      out.printf(fmt, r.area(), r.figure(), r.value(), r.requirement(), r.ok() ? "yes" : "NO");
    }
  }
}
