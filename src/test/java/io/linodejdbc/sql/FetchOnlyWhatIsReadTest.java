package io.linodejdbc.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linodejdbc.sandbox.LabelMatching;
import io.linodejdbc.sandbox.RecordedRequest;
import io.linodejdbc.sandbox.SandboxToken;
import io.linodejdbc.testing.OpenApiConformance;
import io.linodejdbc.testing.SandboxFixture;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.util.Holder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The driver fetches no page the client will not read: filters relative to the clock become a
 * {@code created} bound evaluated per execution, {@code setMaxRows} stops paging like LIMIT, a
 * join with a constant list of ids becomes GETs by id. Exact request counts from the sandbox's
 * log, and the rows compared with what the data says.
 */
class FetchOnlyWhatIsReadTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TABLE = "linode.profile.personal_access_tokens";
  /** 1,234 tokens (3 pages of 500), one every 2 hours back from now. */
  private static final int TOKENS = 1234;
  private static final LocalDateTime NOW =
      LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
  private static SandboxFixture fixture;
  private static Connection conn;
  private static List<SandboxToken> data;

  @BeforeAll
  static void start() throws SQLException {
    data = new ArrayList<>();
    for (int id = 1; id <= TOKENS; id++) {
      data.add(new SandboxToken(id, "t-" + id, "*", NOW.minusHours(2L * (TOKENS - id)), null,
          "s".repeat(60) + String.format("%04d", id)));
    }
    fixture = SandboxFixture.start(data, LabelMatching.EXACT);
    conn = fixture.connect();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @BeforeEach
  void clear() {
    fixture.clearRequests();
  }

  @AfterEach
  void everyRequestConforms() {
    OpenApiConformance.get().assertConforms(fixture.requests());
  }

  // ---- filters relative to now --------------------------------------------------------------

  @Test
  void createdAfterNowMinusIntervalIsOneFilteredListCall() throws SQLException {
    String sql = "SELECT id FROM " + TABLE + " WHERE created > CURRENT_TIMESTAMP - INTERVAL '30' DAY";
    assertThat(explain(sql)).contains("xFilter=[{\"created\":{\"+gt\":").contains("CURRENT_TIMESTAMP");
    List<Integer> ids = ids(sql);
    // One token every 2 hours: 360 tokens within 30 days (the next one is exactly 30 days old).
    assertThat(ids).hasSize(360).allSatisfy(id -> assertThat(id).isGreaterThan(TOKENS - 360));
    List<RecordedRequest> sent = fixture.requests();
    assertThat(sent).hasSize(1);
    JsonNode filter = xFilter(sent.get(0));
    LocalDateTime bound = LocalDateTime.parse(filter.path("created").path("+gt").asText());
    assertThat(ChronoUnit.SECONDS.between(bound, NOW.minusDays(30))).isBetween(-120L, 0L);
  }

  @Test
  void everyClockFunctionAndDirectionIsPushed() throws SQLException {
    for (String sql : List.of(
        "SELECT id FROM " + TABLE + " WHERE created >= LOCALTIMESTAMP - INTERVAL '2' DAY",
        "SELECT id FROM " + TABLE + " WHERE CURRENT_TIMESTAMP - INTERVAL '2' DAY <= created",
        "SELECT id FROM " + TABLE + " WHERE created > CURRENT_DATE - INTERVAL '1' DAY",
        "SELECT id FROM " + TABLE + " WHERE created BETWEEN CURRENT_TIMESTAMP - INTERVAL '3' DAY"
            + " AND CURRENT_TIMESTAMP + INTERVAL '1' HOUR")) {
      fixture.clearRequests();
      List<Integer> ids = ids(sql);
      assertThat(ids).as(sql).isNotEmpty().hasSizeLessThan(40);
      assertThat(fixture.requests()).as(sql).hasSize(1);
      assertThat(fixture.requests().get(0).header("X-Filter")).as(sql).isPresent();
    }
  }

  @Test
  void aPreparedStatementEvaluatesTheBoundAtEachExecution() throws SQLException {
    String sql = "SELECT id FROM " + TABLE + " WHERE created > CURRENT_TIMESTAMP - INTERVAL '1' DAY";
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      List<Integer> today = ids(ps);
      // The same plan, run as if 100 days later: the bound moves with the clock.
      long later = NOW.plusDays(100).toInstant(ZoneOffset.UTC).toEpochMilli();
      List<Integer> later100;
      try (Hook.Closeable ignored = Hook.CURRENT_TIME.addThread(
          (Holder<Long> time) -> time.set(later))) {
        later100 = ids(ps);
      }
      assertThat(today).hasSize(12);
      assertThat(later100).isEmpty();
      List<RecordedRequest> sent = fixture.requests();
      assertThat(sent).hasSize(2);
      LocalDateTime first = LocalDateTime.parse(xFilter(sent.get(0)).path("created").path("+gt")
          .asText());
      LocalDateTime second = LocalDateTime.parse(xFilter(sent.get(1)).path("created").path("+gt")
          .asText());
      // 100 days apart, less the seconds between this test's start and its first execution
      assertThat(ChronoUnit.SECONDS.between(first, second))
          .isBetween(100L * 86_400 - 300, 100L * 86_400);
    }
  }

  @Test
  void aNonDeterministicExpressionIsNotPushed() throws SQLException {
    String sql = "SELECT id FROM " + TABLE
        + " WHERE created > CURRENT_TIMESTAMP - INTERVAL '1' DAY * CAST(RAND() * 0 + 1 AS INTEGER)";
    assertThat(ids(sql)).hasSize(12);
    assertThat(fixture.requests()).hasSize(3); // every page: RAND() differs per evaluation
  }

  // ---- setMaxRows ---------------------------------------------------------------------------

  @Test
  void statementMaxRowsStopsPagingLikeLimit() throws SQLException {
    try (Statement s = conn.createStatement()) {
      s.setMaxRows(200);
      assertThat(count(s.executeQuery("SELECT * FROM " + TABLE))).isEqualTo(200);
      assertThat(fixture.requests()).hasSize(1);
      fixture.clearRequests();
      s.setLargeMaxRows(501);
      assertThat(count(s.executeQuery("SELECT * FROM " + TABLE))).isEqualTo(501);
      assertThat(fixture.requests()).hasSize(2);
      fixture.clearRequests();
      s.setMaxRows(0);
      assertThat(count(s.executeQuery("SELECT * FROM " + TABLE))).isEqualTo(TOKENS);
      assertThat(fixture.requests()).hasSize(3);
    }
  }

  @Test
  void maxRowsOrderedByCreatedPushesTheOrder() throws SQLException {
    List<Integer> newest = data.stream().sorted(Comparator.comparing(SandboxToken::created)
        .reversed()).limit(200).map(SandboxToken::id).toList();
    String sql = "SELECT id FROM " + TABLE + " ORDER BY created DESC";
    try (Statement s = conn.createStatement()) {
      s.setMaxRows(200);
      assertThat(ids(s.executeQuery(sql))).isEqualTo(newest);
    }
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      ps.setMaxRows(200);
      assertThat(ids(ps)).isEqualTo(newest);
    }
    List<RecordedRequest> sent = fixture.requests();
    assertThat(sent).hasSize(2);
    for (RecordedRequest r : sent) {
      assertThat(xFilter(r).path("+order_by").asText()).isEqualTo("created");
      assertThat(xFilter(r).path("+order").asText()).isEqualTo("desc");
    }
  }

  @Test
  void preparedMaxRowsStopsPagingAndCanBeLifted() throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM " + TABLE)) {
      ps.setMaxRows(200); // DBeaver's data grid
      assertThat(ps.execute()).isTrue();
      assertThat(count(ps.getResultSet())).isEqualTo(200);
      assertThat(fixture.requests()).hasSize(1);
      fixture.clearRequests();
      ps.setMaxRows(0);
      assertThat(count(ps.executeQuery())).isEqualTo(TOKENS);
      assertThat(fixture.requests()).hasSize(3);
      fixture.clearRequests();
      ps.setMaxRows(10);
      assertThat(count(ps.executeQuery())).isEqualTo(10);
      assertThat(fixture.requests()).hasSize(1);
    }
  }

  @Test
  void maxRowsAboveALimitOrWithFiltersKeepsTheAnswer() throws SQLException {
    try (Statement s = conn.createStatement()) {
      s.setMaxRows(5);
      assertThat(ids(s.executeQuery("SELECT id FROM " + TABLE + " ORDER BY created LIMIT 3")))
          .containsExactly(1, 2, 3);
      assertThat(ids(s.executeQuery("SELECT id FROM " + TABLE + " WHERE label LIKE 't-12%'"
          + " ORDER BY id"))).containsExactly(12, 120, 121, 122, 123);
      assertThat(ids(s.executeQuery("SELECT COUNT(*) FROM " + TABLE))).containsExactly(TOKENS);
    }
  }

  // ---- constant lists of ids ------------------------------------------------------------------

  @Test
  void joinWithValuesIsOneGetPerId() throws SQLException {
    String sql = "SELECT t.id, t.label FROM " + TABLE + " t JOIN (VALUES (7), (9), (99999)) v(id)"
        + " ON t.id = v.id ORDER BY t.id";
    assertThat(explain(sql)).contains("request=[GET /profile/tokens/{id} for id in [7, 9, 99999]]");
    assertThat(ids(sql)).containsExactly(7, 9);
    assertThat(paths()).containsExactlyInAnyOrder("GET /v4/profile/tokens/7",
        "GET /v4/profile/tokens/9", "GET /v4/profile/tokens/99999");
  }

  @Test
  void inSubqueryOverValuesIsOneGetPerId() throws SQLException {
    String sql = "SELECT id FROM " + TABLE + " WHERE id IN (SELECT x FROM (VALUES (3), (5), (3))"
        + " v(x)) ORDER BY id";
    assertThat(ids(sql)).containsExactly(3, 5);
    assertThat(paths()).containsExactlyInAnyOrder("GET /v4/profile/tokens/3",
        "GET /v4/profile/tokens/5");
  }

  @Test
  void valuesOnTheLeftAndExtraConditionsStillFilter() throws SQLException {
    String sql = "SELECT v.id, t.label FROM (VALUES (4), (6)) v(id) JOIN " + TABLE + " t"
        + " ON v.id = t.id AND t.label = 't-6'";
    assertThat(ids(sql)).containsExactly(6);
    assertThat(fixture.requests()).hasSize(2).allSatisfy(r -> assertThat(r.query()).isNull());
  }

  @Test
  void aLongListReadsTheListInstead() throws SQLException {
    String values = java.util.stream.IntStream.rangeClosed(1, 300).mapToObj(i -> "(" + i + ")")
        .collect(Collectors.joining(", "));
    String sql = "SELECT t.id FROM " + TABLE + " t JOIN (VALUES " + values + ") v(id)"
        + " ON t.id = v.id";
    assertThat(ids(sql)).hasSize(300);
    assertThat(fixture.requests()).hasSize(3); // the three pages beat 300 GETs
  }

  // ---- helpers ------------------------------------------------------------------------------

  private static String explain(String sql) {
    fixture.clearRequests();
    String plan = DifferentialTest.explain(conn, sql);
    assertThat(fixture.requests()).isEmpty();
    return plan;
  }

  private static List<Integer> ids(String sql) throws SQLException {
    try (Statement s = conn.createStatement()) {
      return ids(s.executeQuery(sql));
    }
  }

  private static List<Integer> ids(PreparedStatement ps) throws SQLException {
    return ids(ps.executeQuery());
  }

  private static List<Integer> ids(ResultSet rs) throws SQLException {
    try (rs) {
      List<Integer> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getInt(1));
      }
      return out;
    }
  }

  private static long count(ResultSet rs) throws SQLException {
    try (rs) {
      long n = 0;
      while (rs.next()) {
        n++;
      }
      return n;
    }
  }

  private static List<String> paths() {
    return fixture.requests().stream()
        .map(r -> r.method() + " " + r.path() + (r.query() == null ? "" : "?" + r.query()))
        .collect(Collectors.toList());
  }

  private static JsonNode xFilter(RecordedRequest r) {
    try {
      return JSON.readTree(r.header("X-Filter").orElseThrow());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
