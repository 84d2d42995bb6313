package io.linodejdbc.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.linodejdbc.sandbox.LabelMatching;
import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.sandbox.SandboxToken;
import io.linodejdbc.testing.H2Oracle;
import io.linodejdbc.testing.ResultSets;
import io.linodejdbc.testing.SandboxFixture;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue item 6 (extremes): ids at Integer.MAX_VALUE, negative ids, years 0001 and 9999 in data and
 * in filters, and an IN list of 10,000 ids (right answer, in-flight bounded).
 */
class ExtremeValuesTest {
  static final LocalDateTime Y1 = LocalDateTime.of(1, 1, 1, 0, 0, 0);
  static final LocalDateTime Y9999 = LocalDateTime.of(9999, 12, 31, 23, 59, 59);
  private static SandboxFixture fixture;
  private static H2Oracle oracle;
  private static Connection conn;

  @BeforeAll
  static void start() throws SQLException {
    List<SandboxToken> t = new ArrayList<>(SampleData.adversarial(600, 9));
    t.add(new SandboxToken(Integer.MAX_VALUE, "max", "*", Y1, Y9999, "M".repeat(64)));
    t.add(new SandboxToken(Integer.MAX_VALUE - 1, "max-1", "*", Y9999, null, "N".repeat(64)));
    t.add(new SandboxToken(601, "year-one", "*", Y1.plusSeconds(1), Y1.plusDays(1), "O".repeat(64)));
    oracle = H2Oracle.load(t);
    fixture = SandboxFixture.start(t, LabelMatching.EXACT);
    conn = fixture.connect();
  }

  @AfterAll
  static void stop() throws SQLException {
    fixture.close();
    oracle.close();
  }

  @TestFactory
  Stream<DynamicTest> extremesMatchH2() {
    return Stream.of(
        "SELECT * FROM personal_access_tokens WHERE id = 2147483647",
        "SELECT id FROM personal_access_tokens WHERE id IN (2147483647, 2147483646, -2147483648, 0, -1)",
        "SELECT id FROM personal_access_tokens WHERE id > 2147483645",
        "SELECT id FROM personal_access_tokens WHERE id < 0",
        "SELECT id FROM personal_access_tokens WHERE id = -2147483648",
        "SELECT id FROM personal_access_tokens WHERE id = 2147483648",
        "SELECT id, created FROM personal_access_tokens WHERE created < TIMESTAMP '0002-01-01 00:00:00'",
        "SELECT id, created FROM personal_access_tokens WHERE created = TIMESTAMP '0001-01-01 00:00:00'",
        "SELECT id, created FROM personal_access_tokens WHERE created >= TIMESTAMP '9999-01-01 00:00:00'",
        "SELECT id FROM personal_access_tokens WHERE created > TIMESTAMP '9999-12-31 23:59:58'",
        "SELECT id, expiry FROM personal_access_tokens WHERE expiry >= TIMESTAMP '9999-12-31 23:59:59'",
        "SELECT id, expiry FROM personal_access_tokens WHERE expiry < TIMESTAMP '0001-01-03 00:00:00'",
        "SELECT MIN(created), MAX(created), MAX(id), MIN(id) FROM personal_access_tokens",
        "SELECT id, created FROM personal_access_tokens ORDER BY created, id LIMIT 3",
        "SELECT id, created FROM personal_access_tokens ORDER BY created DESC, id LIMIT 3",
        "SELECT id FROM personal_access_tokens WHERE created BETWEEN TIMESTAMP '0001-01-01 00:00:00'"
            + " AND TIMESTAMP '0001-01-01 00:00:01'")
        .map(sql -> DynamicTest.dynamicTest(sql, () -> {
          Optional<String> d = ResultSets.diff(oracle.query(sql), ResultSets.query(conn, sql), sql.contains("ORDER BY"));
          assertThat(d).as(sql).isEmpty();
        }));
  }

  /**
   * The longest IN list the driver takes, 1,000 ids (the issue asks for 10,000: past 1,000 the
   * statement is refused with 54001, see FixedDefectsTest), under two concurrency limits.
   */
  @TestFactory
  Stream<DynamicTest> longInListsAreRightAndInFlightBounded() {
    return Stream.of(new int[] {1_000, 8}, new int[] {1_000, 3}).map(c ->
        DynamicTest.dynamicTest(c[0] + " ids, maxConcurrentRequests " + c[1], () -> {
          try (Connection cc = fixture.connect(Map.of("maxConcurrentRequests", Integer.toString(c[1]),
              "pageSize", "25"))) {
            String ids = IntStream.rangeClosed(1, c[0] - 1).mapToObj(Integer::toString)
                .collect(Collectors.joining(",")) + ",2147483647";
            String sql = "SELECT id, label FROM personal_access_tokens WHERE id IN (" + ids + ")";
            fixture.clearRequests();
            fixture.server().resetMaxInFlightUntilResponse();
            assertThat(ResultSets.diff(oracle.query(sql), ResultSets.query(cc, sql), false)).isEmpty();
            int inFlight = fixture.server().maxInFlightUntilResponse();
            System.out.println("[extreme] IN list of " + c[0] + " ids: " + fixture.requests().size()
                + " requests, max in flight " + inFlight + " (maxConcurrentRequests " + c[1] + ")");
            assertThat(inFlight).isLessThanOrEqualTo(c[1]);
            assertThat(WireChecks.problems(fixture.requests())).isEmpty();
          }
        }));
  }
}
