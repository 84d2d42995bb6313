package io.linodejdbc.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Runs {@link ReliabilityReport} at its tiny size so the report command cannot rot. */
class ReliabilityReportSmokeTest {

  @Test
  void tinyReportPrintsOneTable() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ReliabilityReport.run(new String[] {"--tiny"}, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String table = bytes.toString(StandardCharsets.UTF_8);
    System.out.println(table);
    assertThat(table).contains("| area").contains("concurrency, one shared connection").contains("soak")
        .contains("open sockets before");
    assertThat(table.lines().filter(l -> l.startsWith("|")).count()).isGreaterThan(10);
  }
}
