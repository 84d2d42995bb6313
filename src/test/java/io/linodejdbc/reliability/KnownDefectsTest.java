package io.linodejdbc.reliability;

import io.linodejdbc.testing.LinodeAssert;
import org.junit.jupiter.api.Test;

/**
 * KNOWN_DEFECTS: defects this suite found that are NOT fixed yet. Each test asserts that the
 * defect is STILL PRESENT, so the build stays green while it is open and turns red the moment it
 * is fixed: then delete the test here and restore the real assertion it names. Both left are in
 * Calcite's LIKE (its runtime, not the driver's pushdown); KD-1 to KD-5, KD-8 and KD-9 were fixed
 * in the driver and are checked by {@link FixedDefectsTest} and the tests they name.
 */
class KnownDefectsTest {

  /**
   * KD-6: LIKE's {@code _} does not match a line terminator. Tokens labelled {@code "\n"} and
   * {@code "\r\n"}: {@code WHERE label LIKE '_'} returns nothing (H2 / SQL: the {@code "\n"}
   * token), {@code WHERE label LIKE '%_%'} misses both. {@code %} does match newlines. The
   * predicate is evaluated by Calcite's LIKE (EnumerableCalc, nothing pushed down), whose
   * regex translation maps {@code _} to {@code .} without DOTALL, but {@code %} to
   * {@code (?s:.*)}; the driver's answer is wrong all the same.
   * Restore: put "\n" and "\r\n" back into HostileInputProperties.HOSTILE.
   */
  @Test
  void kd6_likeUnderscoreDoesNotMatchNewline() throws Exception {
    java.util.List<io.linodejdbc.sandbox.SandboxToken> t = java.util.List.of(
        new io.linodejdbc.sandbox.SandboxToken(1, "\n", "*", java.time.LocalDateTime.of(2020, 1, 1, 0, 0), null,
            "n".repeat(64)),
        new io.linodejdbc.sandbox.SandboxToken(2, "\r\n", "*", java.time.LocalDateTime.of(2020, 1, 1, 0, 0), null,
            "r".repeat(64)));
    // KD-6 fixed? (SQL answer: 1 row, then 2 rows)
    LinodeAssert.sql("SELECT id FROM personal_access_tokens WHERE label LIKE '_'")
        .withTokens(t)
        .returnsCount(0);
    LinodeAssert.sql("SELECT id FROM personal_access_tokens WHERE label LIKE '%_%'")
        .withTokens(t)
        .returnsCount(0);
  }
}
