package io.linodejdbc.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the benchmark at toy size so it cannot rot. Asserts the table and the exact request
 * counts (deterministic); never wall times.
 */
class ReadBenchmarkSmokeTest {

  @Test void tinyRunPrintsTheTableAndMakesTheMinimumRequests() throws Exception {
    // 1,100 tokens: a full scan needs 3 pages, so concurrency and paging are exercised.
    ReadBenchmark.Options options = ReadBenchmark.Options.parse(
        "--tokens", "1100", "--latency-ms", "2", "--runs", "1", "--warmups", "0");
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    List<ReadBenchmark.Result> results =
        ReadBenchmark.run(options, new PrintStream(buf, true, StandardCharsets.UTF_8));
    String table = buf.toString(StandardCharsets.UTF_8);

    assertThat(results).extracting(ReadBenchmark.Result::name)
        .containsExactly("full scan", "point lookup", "filtered (~10%)", "LIMIT 10");
    assertThat(table).contains("1100 tokens", "driver/baseline", "driver/floor", "| full scan",
        "| point lookup", "| filtered (~10%)", "| LIMIT 10").doesNotContain("WARNING");

    ReadBenchmark.Result full = results.get(0);
    assertThat(full.rows()).isEqualTo(1100);
    assertThat(full.minRequests()).isEqualTo(3);
    assertThat(full.floorMs()).isEqualTo(4.0); // 2 round trips x 2 ms

    ReadBenchmark.Result point = results.get(1);
    assertThat(point.rows()).isEqualTo(1);
    assertThat(point.minRequests()).isEqualTo(1);

    ReadBenchmark.Result filtered = results.get(2);
    assertThat(filtered.rows()).isEqualTo(110);
    assertThat(filtered.minRequests()).isEqualTo(1);

    ReadBenchmark.Result limit = results.get(3);
    assertThat(limit.rows()).isEqualTo(10);
    assertThat(limit.minRequests()).isEqualTo(1);

    for (ReadBenchmark.Result r : results) {
      assertThat(r.driverRequests()).as(r.name() + ": driver requests").isEqualTo(r.minRequests());
      assertThat(r.baselineRows()).as(r.name() + ": baseline rows").isEqualTo(r.rows());
      assertThat(r.driverMs()).isPositive();
      assertThat(r.baselineMs()).isPositive();
    }
    // The sequential baseline pays one request per page, too.
    assertThat(full.baselineRequests()).isEqualTo(3);
    assertThat(point.baselineRequests()).isEqualTo(1);
    assertThat(limit.baselineRequests()).isEqualTo(1);
  }

  @Test void filteredScanOverSeveralPages() throws Exception {
    // 12,000 tokens: ~1,200 match the 10% filter, i.e. 3 pages; no latency.
    ReadBenchmark.Options options = ReadBenchmark.Options.parse(
        "--tokens", "12000", "--latency-ms", "0", "--runs", "1", "--warmups", "0");
    List<ReadBenchmark.Result> results = ReadBenchmark.run(options,
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    ReadBenchmark.Result full = results.get(0);
    ReadBenchmark.Result filtered = results.get(2);

    assertThat(full.minRequests()).isEqualTo(24);
    assertThat(full.driverRequests()).isEqualTo(24);
    assertThat(filtered.rows()).isEqualTo(1200);
    assertThat(filtered.minRequests()).isEqualTo(3);
    assertThat(filtered.driverRequests()).isEqualTo(3);
    assertThat(filtered.baselineRows()).isEqualTo(1200);
  }

  @Test void optionsParse() {
    ReadBenchmark.Options o = ReadBenchmark.Options.parse("--tokens", "10", "--latency-ms", "5",
        "--runs", "3", "--max-concurrent-requests", "8");
    assertThat(o.tokens()).isEqualTo(10);
    assertThat(o.latencyMs()).isEqualTo(5);
    assertThat(o.runs()).isEqualTo(3);
    assertThat(o.warmups()).isEqualTo(1);
    assertThat(o.maxConcurrentRequests()).isEqualTo(8);
    assertThatThrownBy(() -> ReadBenchmark.Options.parse("--tokens")).hasMessageContaining("value");
    assertThatThrownBy(() -> ReadBenchmark.Options.parse("--bogus", "1"))
        .hasMessageContaining("unknown option");
    assertThatThrownBy(() -> ReadBenchmark.Options.parse("--runs", "0"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test void minimumRequestsArePagesOfFiveHundred() {
    assertThat(ReadBenchmark.pages(0)).isEqualTo(1);
    assertThat(ReadBenchmark.pages(500)).isEqualTo(1);
    assertThat(ReadBenchmark.pages(501)).isEqualTo(2);
    assertThat(ReadBenchmark.pages(10_000)).isEqualTo(20);
  }
}
