package io.linodejdbc.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Runs the whole report at toy sizes so it cannot rot: every section, JMH in-process with one
 * short iteration, one cold start, one memory child. Asserts the exact request counts and the
 * shape of the table; never a wall time.
 */
class PerformanceReportSmokeTest {

  @Test void tinyReportCountsRequestsExactly() throws Exception {
    // 1,100 tokens: 3 pages, so paging and concurrency are exercised.
    PerformanceReport.Options o = PerformanceReport.Options.parse("--sizes", "1100",
        "--latency-ms", "1", "--runs", "1", "--warmups", "0", "--jmh", "true", "--jmh-forks",
        "0", "--jmh-iterations", "1", "--jmh-ms", "50", "--cold-runs", "1", "--memory-sizes",
        "1100", "--peer-tokens", "1100", "--peer-runs", "1", "--oneshot-tokens", "60",
        "--oneshot-runs", "1", "--sdk", Boolean.toString(onPath("node") && onPath("npm")));
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PerformanceReport.Report report =
        PerformanceReport.run(o, new PrintStream(log, true, StandardCharsets.UTF_8));
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PerformanceReport.print(report, new PrintStream(buf, true, StandardCharsets.UTF_8));
    String table = buf.toString(StandardCharsets.UTF_8);

    Map<String, PerformanceReport.Query> q = report.queries().stream()
        .collect(Collectors.toMap(PerformanceReport.Query::name, Function.identity()));
    assertThat(q.keySet()).containsExactlyInAnyOrder("full scan", "point lookup",
        "IN-list of 20 ids", "label equality", "created range (~10%)", "LIKE '%-12%'",
        "ORDER BY created LIMIT 10", "COUNT(*)", "self-join on id", "INSERT 1 row",
        "INSERT 3 rows", "UPDATE by id", "UPDATE by label", "DELETE by id", "DELETE by IN-list",
        "created > now - 90 days", "setMaxRows(200)", "setMaxRows(200) created DESC",
        "setFetchSize(50), 50 rows read", "JOIN (VALUES 2 ids)");

    // Reads: rows and the minimum worked out from the data; the driver at its minimum where it
    // is today. The baseline (the minimum requests, sequentially) agrees on the rows.
    assertRead(q.get("full scan"), 1100, 3, 3);
    assertRead(q.get("point lookup"), 1, 1, 1);
    assertRead(q.get("IN-list of 20 ids"), 20, 20, 20);
    assertRead(q.get("label equality"), 1, 1, 1);
    assertRead(q.get("created range (~10%)"), 110, 1, 1);
    assertRead(q.get("LIKE '%-12%'"), 11, 1, 1);
    assertRead(q.get("ORDER BY created LIMIT 10"), 10, 1, 1);
    assertRead(q.get("self-join on id"), 1100, 3, 3);
    // COUNT(*) is one call: page 1's "results".
    assertRead(q.get("COUNT(*)"), 1, 1, 1);
    // Nothing fetched that is not read: a clock-relative bound (the bulk data is years old), max
    // rows with and without an order, a constant list of ids.
    assertRead(q.get("created > now - 90 days"), 0, 1, 1);
    assertRead(q.get("setMaxRows(200)"), 200, 1, 1);
    assertRead(q.get("setMaxRows(200) created DESC"), 200, 1, 1);
    assertRead(q.get("JOIN (VALUES 2 ids)"), 2, 2, 2);
    // A fetch size of 50 with 50 rows read: page 1 only, no look-ahead (1,100 tokens: 3 pages).
    assertRead(q.get("setFetchSize(50), 50 rows read"), 50, 1, 1);
    for (PerformanceReport.Query r : report.queries()) {
      if (!r.dml()) {
        assertThat(r.baselineRows()).as(r.name() + ": baseline rows").isEqualTo(r.rows());
      }
    }

    // DML: one write per changed row; reads the driver spends beyond what is needed are
    // counted (one GET per id before a write by id).
    assertDml(q.get("INSERT 1 row"), 0, 1, 0, 1);
    assertDml(q.get("INSERT 3 rows"), 0, 3, 0, 3);
    assertDml(q.get("UPDATE by id"), 0, 1, 1, 1);
    assertDml(q.get("UPDATE by label"), 1, 3, 1, 3);
    assertDml(q.get("DELETE by id"), 0, 1, 1, 1);
    assertDml(q.get("DELETE by IN-list"), 0, 3, 3, 3);

    assertThat(report.overhead()).extracting(PerformanceReport.Overhead::name)
        .containsExactly(PerformanceReport.BENCHMARKS);
    assertThat(report.overhead()).allSatisfy(h -> assertThat(h.micros()).isPositive());
    assertThat(report.coldStartMs()).isPositive();
    assertThat(report.memory()).singleElement().satisfies(m -> {
      assertThat(m.completed()).as(m.failure()).isTrue();
      assertThat(m.rows()).isEqualTo(1100);
    });

    // Side by side with the SDK: the driver's scan at its minimum; one-shot processes ran.
    assertThat(report.peers()).singleElement().satisfies(p -> {
      assertThat(p.rows()).isEqualTo(1100);
      assertThat(p.requests()).isEqualTo(3);
      assertThat(p.minimum()).isEqualTo(3);
      if (o.sdk()) {
        assertThat(p.sdkAllAtOnceMs()).isPositive();
        assertThat(p.sdkSequentialMs()).isPositive();
      }
    });
    assertThat(report.oneShots()).extracting(PeerBenchmark.OneShot::name)
        .hasSize(o.sdk() ? 4 : 3).allSatisfy(n -> assertThat(n).isNotBlank());
    assertThat(report.oneShots()).allSatisfy(x -> assertThat(x.medianMs()).isPositive());

    assertThat(table).contains("| section", "| peer     | full scan vs @linode/api-v4",
        "| process  | one-shot: plain JDBC program", "| read     | full scan", "| dml      | UPDATE by label",
        "| overhead | warm point lookup", "| overhead | plan a fresh statement",
        "| overhead | cold start", "| memory   | stream all rows");
  }

  private static boolean onPath(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (java.nio.file.Files.isExecutable(java.nio.file.Paths.get(dir, command))) {
        return true;
      }
    }
    return false;
  }

  private static void assertRead(PerformanceReport.Query q, long rows, long minimum,
      long driverRequests) {
    assertThat(q.rows()).as(q.name() + ": rows").isEqualTo(rows);
    assertThat(q.minimum()).as(q.name() + ": minimum").isEqualTo(minimum);
    assertThat(q.writes()).as(q.name() + ": writes").isZero();
    assertThat(q.reads()).as(q.name() + ": driver requests").isEqualTo(driverRequests);
  }

  private static void assertDml(PerformanceReport.Query q, long minReads, long minWrites,
      long reads, long writes) {
    assertThat(q.minReads()).as(q.name() + ": minimum reads").isEqualTo(minReads);
    assertThat(q.minWrites()).as(q.name() + ": minimum writes").isEqualTo(minWrites);
    assertThat(q.reads()).as(q.name() + ": driver reads").isEqualTo(reads);
    assertThat(q.writes()).as(q.name() + ": driver writes").isEqualTo(writes);
  }

  @Test void optionsParse() {
    PerformanceReport.Options o = PerformanceReport.Options.parse("--sizes", "10,20",
        "--memory-sizes", "none", "--jmh", "false");
    assertThat(o.sizes()).containsExactly(10, 20);
    assertThat(o.memorySizes()).isEmpty();
    assertThat(o.jmh()).isFalse();
    assertThat(o.latencyMs()).isEqualTo(50);
    assertThatThrownBy(() -> PerformanceReport.Options.parse("--bogus", "1"))
        .hasMessageContaining("unknown option");
    assertThatThrownBy(() -> PerformanceReport.Options.parse("--runs"))
        .hasMessageContaining("needs a value");
    assertThatThrownBy(() -> PerformanceReport.Options.parse("--runs", "0"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test void minimumOfAListIsPagesOfFiveHundred() {
    assertThat(Workload.pages(0)).isEqualTo(1);
    assertThat(Workload.pages(500)).isEqualTo(1);
    assertThat(Workload.pages(501)).isEqualTo(2);
    assertThat(Workload.pages(100_000)).isEqualTo(200);
    assertThat(Workload.listRoundTrips(1)).isEqualTo(1);
    assertThat(Workload.listRoundTrips(20)).isEqualTo(2);
  }
}
