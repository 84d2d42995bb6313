package io.linodejdbc.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every date-time getter and setter, with values inside daylight-saving gaps and overlaps, in a
 * JVM per default zone ({@link TimeZoneProbe}): a JVM's zone is read once by Avatica and the JDK,
 * so changing it inside one running JVM would not test what users run.
 */
class TimeZoneMatrixTest {
  @ParameterizedTest
  @ValueSource(strings = {"UTC", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe"})
  void everyGetterAndSetterGivesTheApisUtcValue(String zone)
      throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb = new ProcessBuilder(List.of(java.toString(), "-Duser.timezone=" + zone,
        "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        TimeZoneProbe.class.getName()));
    pb.redirectErrorStream(true);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    String output = new String(out, StandardCharsets.UTF_8);
    String summary = output.lines().filter(l -> l.contains(" checks in ") || l.startsWith("FAIL"))
        .reduce("", (a, b) -> a + b + "\n");
    assertThat(summary).as(output).contains(" checks in " + zone + ", 0 failed");
    assertThat(p.exitValue()).as(output).isZero();
  }
}
