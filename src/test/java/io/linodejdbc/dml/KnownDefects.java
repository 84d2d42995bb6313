package io.linodejdbc.dml;

import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import org.junit.jupiter.api.DynamicTest;

/**
 * Driver defects these tests found, each kept as a check of the <em>correct</em> behaviour. While
 * a defect was open its check was asserted to fail ({@link #stillFailing}); once fixed it runs as
 * an ordinary regression test ({@link #stayFixed}).
 */
final class KnownDefects {
  private KnownDefects() {}

  /** A check of correct behaviour that currently fails. */
  interface Check {
    void run() throws Exception;
  }

  /** One defect: a name saying statement / expected / actual, and the check. */
  record Defect(String name, Check check) {}

  static Defect defect(String name, Check check) {
    return new Defect(name, check);
  }

  /** Dynamic tests that each defect's check passes: the defects stay fixed. */
  static List<DynamicTest> stayFixed(List<Defect> defects) {
    return defects.stream()
        .map(d -> DynamicTest.dynamicTest("fixed: " + d.name(), () -> d.check().run()))
        .toList();
  }

  /** Dynamic tests that pass while each defect is still there. */
  static List<DynamicTest> stillFailing(List<Defect> defects) {
    return defects.stream().map(d -> DynamicTest.dynamicTest(d.name(), () -> {
      try {
        d.check().run();
      } catch (AssertionError | Exception expected) {
        return; // still broken, as recorded
      }
      fail("KNOWN DEFECT FIXED (move the check to the ordinary tests): " + d.name());
    })).toList();
  }
}
