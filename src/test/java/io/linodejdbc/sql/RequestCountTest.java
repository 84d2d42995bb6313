package io.linodejdbc.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linodejdbc.sandbox.LabelMatching;
import io.linodejdbc.sandbox.RecordedRequest;
import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.testing.OpenApiConformance;
import io.linodejdbc.testing.ResultSets;
import io.linodejdbc.testing.SandboxFixture;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The exact HTTP requests each kind of query costs, read from the sandbox's request log, and the
 * same requests announced by {@code EXPLAIN PLAN FOR} (which itself must send nothing). Every
 * request must conform to the API contract.
 */
class RequestCountTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static SandboxFixture fixture;
  private static Connection conn;

  @BeforeAll
  static void start() throws SQLException {
    fixture = SandboxFixture.start(SampleData.adversarial(1234, 7), LabelMatching.EXACT);
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

  // ---- keys ------------------------------------------------------------------------------------

  @Test
  void pointLookupIsOneGetAndNoList() throws SQLException {
    assertThat(explainSendsNothing("SELECT * FROM personal_access_tokens WHERE id = 5"))
        .contains("request=[GET /profile/tokens/{id} for id in [5]]")
        .doesNotContain("page_size");
    ResultSets.Table t = query("SELECT * FROM personal_access_tokens WHERE id = 5");
    assertThat(t.size()).isEqualTo(1);
    List<RecordedRequest> sent = fixture.requests();
    assertThat(sent).hasSize(1);
    RecordedRequest r = sent.get(0);
    assertThat(r.method()).isEqualTo("GET");
    assertThat(r.path()).isEqualTo("/v4/profile/tokens/5");
    assertThat(r.query()).isNullOrEmpty();
    assertThat(r.header("X-Filter")).isEmpty();
  }

  @Test
  void inListIsOneGetPerKey() throws SQLException {
    assertThat(explainSendsNothing("SELECT id FROM personal_access_tokens WHERE id IN (1, 2, 3)"))
        .contains("request=[GET /profile/tokens/{id} for id in [1, 2, 3]]");
    assertThat(query("SELECT id FROM personal_access_tokens WHERE id IN (1, 2, 3)").size())
        .isEqualTo(3);
    assertThat(paths()).containsExactlyInAnyOrder(
        "GET /v4/profile/tokens/1", "GET /v4/profile/tokens/2", "GET /v4/profile/tokens/3");
  }

  @Test
  void orOfKeysAndMissingKey() throws SQLException {
    assertThat(query("SELECT id FROM personal_access_tokens WHERE id = 7 OR id = 99999").size())
        .isEqualTo(1);
    assertThat(paths()).containsExactlyInAnyOrder(
        "GET /v4/profile/tokens/7", "GET /v4/profile/tokens/99999");
    assertThat(fixture.requests()).extracting(RecordedRequest::status)
        .containsExactlyInAnyOrder(200, 404);
  }

  @Test
  void keyOutsideIntegerRangeIsNeverSentAsAWrappedId() throws SQLException {
    // 2^31 is outside the API's integer ids: nothing can match. (The driver scans instead of
    // sending nothing, since the comparison is widened to BIGINT; what must never happen is a
    // GET of a wrapped-around id such as /profile/tokens/-2147483648.)
    assertThat(query("SELECT id FROM personal_access_tokens WHERE id = 2147483648").size()).isZero();
    assertThat(query("SELECT id FROM personal_access_tokens WHERE id = 4294967301").size()).isZero();
    assertThat(fixture.requests()).noneMatch(r -> r.path().startsWith("/v4/profile/tokens/"));
  }

  @Test
  void preparedKeyIsOneGetPerExecution() throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement("SELECT id, label FROM personal_access_tokens WHERE id = ?")) {
      ps.setInt(1, 7);
      assertThat(read(ps)).extracting(r -> r.get(0)).containsExactly("7");
      assertThat(paths()).containsExactly("GET /v4/profile/tokens/7");
      fixture.clearRequests();
      ps.setInt(1, 9);
      assertThat(read(ps)).extracting(r -> r.get(0)).containsExactly("9");
      assertThat(paths()).containsExactly("GET /v4/profile/tokens/9");
    }
  }

  // ---- list calls ------------------------------------------------------------------------------

  @Test
  void fullScanIsThreePagesOf500() throws SQLException {
    assertThat(explainSendsNothing("SELECT * FROM personal_access_tokens"))
        .contains("request=[GET /profile/tokens page_size=500]")
        .doesNotContain("xFilter");
    assertThat(query("SELECT * FROM personal_access_tokens").size()).isEqualTo(1234);
    List<RecordedRequest> sent = fixture.requests();
    assertThat(sent).hasSize(3);
    assertThat(sent).allSatisfy(r -> {
      assertThat(r.method()).isEqualTo("GET");
      assertThat(r.path()).isEqualTo("/v4/profile/tokens");
      assertThat(r.queryParams()).containsEntry("page_size", "500");
      assertThat(r.header("X-Filter")).isEmpty();
    });
    assertThat(sent).extracting(r -> r.queryParams().get("page"))
        .containsExactlyInAnyOrder("1", "2", "3");
  }

  @Test
  void limitWithoutOrderIsOneCall() throws SQLException {
    assertThat(explainSendsNothing("SELECT * FROM personal_access_tokens LIMIT 5"))
        .contains("stopAfter=[5 rows]");
    assertThat(query("SELECT * FROM personal_access_tokens LIMIT 5").size()).isEqualTo(5);
    assertThat(fixture.requests()).hasSize(1);
    assertThat(fixture.requests().get(0).path()).isEqualTo("/v4/profile/tokens");
  }

  @Test
  void orderByCreatedDescLimitIsOneOrderedCall() throws SQLException {
    String sql = "SELECT id, created FROM personal_access_tokens ORDER BY created DESC LIMIT 10";
    assertThat(explainSendsNothing(sql))
        .contains("order=[created desc]").contains("stopAfter=[10 rows and ties]");
    assertThat(query(sql).size()).isEqualTo(10);
    List<RecordedRequest> sent = fixture.requests();
    assertThat(sent).hasSize(1);
    JsonNode filter = xFilter(sent.get(0)).orElseThrow();
    assertThat(filter.path("+order_by").asText()).isEqualTo("created");
    assertThat(filter.path("+order").asText()).isEqualTo("desc");
  }

  @Test
  void createdRangeIsSentAsWholeSecondsWithoutZone() throws SQLException {
    String sql = "SELECT id FROM personal_access_tokens"
        + " WHERE created >= TIMESTAMP '2020-01-01 00:00:00'";
    assertThat(explainSendsNothing(sql))
        .contains("xFilter=[{\"created\":{\"+gte\":\"2020-01-01T00:00:00\"}}]");
    query(sql);
    List<RecordedRequest> sent = fixture.requests();
    assertThat(sent).isNotEmpty().allSatisfy(r ->
        assertThat(r.header("X-Filter")).contains("{\"created\":{\"+gte\":\"2020-01-01T00:00:00\"}}"));
  }

  @Test
  void fractionalCreatedLiteralIsNotPushed() throws SQLException {
    // The column is widened to TIMESTAMP(3) to compare with the literal: nothing is pushed, and
    // the answer is still exact (see the corpus).
    String sql = "SELECT id FROM personal_access_tokens"
        + " WHERE created < TIMESTAMP '2020-05-05 10:00:00.500'";
    assertThat(explainSendsNothing(sql)).doesNotContain("xFilter");
    query(sql);
    assertThat(fixture.requests()).hasSize(3)
        .allSatisfy(r -> assertThat(r.header("X-Filter")).isEmpty());
  }

  @Test
  void fractionalCreatedParameterIsRoundedToASuperset() throws SQLException {
    // The API speaks whole seconds: "< x.5" must keep second x (+lte x), "> x.5" is "+gt x",
    // "<> x.5" excludes nothing the API can express (no filter).
    java.sql.Timestamp half = java.sql.Timestamp.valueOf("2020-05-05 10:00:00.5");
    Map<String, String> expected = Map.of(
        "<", "{\"created\":{\"+lte\":\"2020-05-05T10:00:00\"}}",
        "<=", "{\"created\":{\"+lte\":\"2020-05-05T10:00:00\"}}",
        ">", "{\"created\":{\"+gt\":\"2020-05-05T10:00:00\"}}",
        ">=", "{\"created\":{\"+gte\":\"2020-05-05T10:00:00\"}}",
        "=", "{\"created\":\"2020-05-05T10:00:00\"}");
    for (Map.Entry<String, String> e : expected.entrySet()) {
      fixture.clearRequests();
      try (PreparedStatement ps = conn.prepareStatement(
          "SELECT id FROM personal_access_tokens WHERE created " + e.getKey() + " ?")) {
        ps.setTimestamp(1, half);
        read(ps);
      }
      assertThat(fixture.requests()).as(e.getKey()).isNotEmpty();
      assertThat(xFilter(fixture.requests().get(0))).as("created %s ?", e.getKey())
          .contains(json(e.getValue()));
    }
    fixture.clearRequests();
    try (PreparedStatement ps =
        conn.prepareStatement("SELECT id FROM personal_access_tokens WHERE created <> ?")) {
      ps.setTimestamp(1, half);
      read(ps);
    }
    assertThat(fixture.requests()).hasSize(3)
        .allSatisfy(r -> assertThat(r.header("X-Filter")).isEmpty());
  }

  @Test
  void unicodeLabelIsEscapedInTheRawHeader() throws SQLException {
    String sql = "SELECT id FROM personal_access_tokens WHERE label = '日本'";
    assertThat(explainSendsNothing(sql)).contains("xFilter=[{\"label\":\"日本\"}]");
    assertThat(query(sql).size()).isPositive();
    List<RecordedRequest> sent = fixture.requests();
    assertThat(sent).hasSize(1);
    String raw = sent.get(0).header("X-Filter").orElseThrow();
    assertThat(raw).matches("\\{\"label\":\"\\\\u65[eE]5\\\\u672[cC]\"\\}");
    assertThat(xFilter(sent.get(0)).orElseThrow()).isEqualTo(json("{\"label\":\"日本\"}"));

    fixture.clearRequests();
    query("SELECT id FROM personal_access_tokens WHERE label = 'İstanbul'");
    assertThat(fixture.requests().get(0).header("X-Filter").orElseThrow())
        .matches("\\{\"label\":\"\\\\u0130stanbul\"\\}");
  }

  @Test
  void jsonMetacharactersInALabelStayAString() throws SQLException {
    query("SELECT id FROM personal_access_tokens WHERE label = '{\"+or\":[{\"label\":\"x\"}]}'");
    assertThat(xFilter(fixture.requests().get(0)).orElseThrow())
        .isEqualTo(JSON.createObjectNode().put("label", "{\"+or\":[{\"label\":\"x\"}]}"));
  }

  @Test
  void likeIsSentAsContains() throws SQLException {
    String sql = "SELECT id FROM personal_access_tokens WHERE label LIKE '%abc%'";
    assertThat(explainSendsNothing(sql)).contains("xFilter=[{\"label\":{\"+contains\":\"abc\"}}]");
    query(sql);
    assertThat(fixture.requests()).hasSize(1);
    assertThat(xFilter(fixture.requests().get(0)).orElseThrow())
        .isEqualTo(json("{\"label\":{\"+contains\":\"abc\"}}"));
  }

  @Test
  void labelNotEqualSendsNoFilter() throws SQLException {
    String sql = "SELECT id FROM personal_access_tokens WHERE label <> 'x'";
    assertThat(explainSendsNothing(sql)).doesNotContain("xFilter");
    query(sql);
    assertThat(fixture.requests()).hasSize(3)
        .allSatisfy(r -> assertThat(r.header("X-Filter")).isEmpty());
  }

  @Test
  void labelRangeSendsNoFilter() throws SQLException {
    query("SELECT id FROM personal_access_tokens WHERE label > 'x' AND label < 'z'");
    assertThat(fixture.requests()).hasSize(3)
        .allSatisfy(r -> assertThat(r.header("X-Filter")).isEmpty());
  }

  @Test
  void pageSizePropertyReachesPushedFilter() throws SQLException {
    try (Connection small = fixture.connect(Map.of("pageSize", "25"))) {
      String sql = "SELECT id FROM personal_access_tokens WHERE label LIKE '%e%'";
      try (Statement s = small.createStatement();
          ResultSet rs = s.executeQuery("EXPLAIN PLAN FOR " + sql)) {
        rs.next();
        assertThat(rs.getString(1)).contains("page_size=25");
      }
      assertThat(fixture.requests()).isEmpty();
      int rows;
      try (Statement s = small.createStatement(); ResultSet rs = s.executeQuery(sql)) {
        rows = ResultSets.read(rs).size();
      }
      List<RecordedRequest> sent = fixture.requests();
      assertThat(sent).isNotEmpty().allSatisfy(r -> {
        assertThat(r.queryParams()).containsEntry("page_size", "25");
        assertThat(r.header("X-Filter")).contains("{\"label\":{\"+contains\":\"e\"}}");
      });
      // the server's superset is at least the SQL answer; pages of 25 cover it exactly once
      assertThat(sent).extracting(r -> r.queryParams().get("page")).doesNotHaveDuplicates();
      assertThat(sent.size()).isGreaterThanOrEqualTo((rows + 24) / 25);
    }
  }

  @Test
  void labelOrIsOneCallWithOr() throws SQLException {
    query("SELECT id FROM personal_access_tokens WHERE label = 'deploy' OR label = 'x'");
    assertThat(fixture.requests()).hasSize(1);
    assertThat(xFilter(fixture.requests().get(0)).orElseThrow())
        .isEqualTo(json("{\"+or\":[{\"label\":\"deploy\"},{\"label\":\"x\"}]}"));
  }

  @Test
  void orderByCreatedLimitWithCreatedFilter() throws SQLException {
    String sql = "SELECT id FROM personal_access_tokens WHERE created > TIMESTAMP '2020-01-01 00:00:00'"
        + " ORDER BY created, id LIMIT 10";
    assertThat(explainSendsNothing(sql))
        .contains("xFilter=[{\"created\":{\"+gt\":\"2020-01-01T00:00:00\"}}]")
        .contains("order=[created asc]").contains("stopAfter=[10 rows and ties]");
    assertThat(query(sql).size()).isEqualTo(10);
    assertThat(fixture.requests()).hasSize(1);
    assertThat(xFilter(fixture.requests().get(0)).orElseThrow()).isEqualTo(json(
        "{\"created\":{\"+gt\":\"2020-01-01T00:00:00\"},\"+order_by\":\"created\",\"+order\":\"asc\"}"));
  }

  @Test
  void explainOfEveryShapeSendsNothing() {
    for (String sql : List.of(
        "SELECT * FROM personal_access_tokens",
        "SELECT * FROM personal_access_tokens WHERE id IN (1, 2)",
        "SELECT label, COUNT(*) FROM personal_access_tokens GROUP BY label",
        "SELECT * FROM personal_access_tokens WHERE label LIKE '%x%' ORDER BY created DESC LIMIT 3")) {
      explainSendsNothing(sql);
    }
  }

  @Test
  void scalarSubqueryOnAKeyIsFetchedOnce() throws SQLException {
    try (SandboxFixture small = SandboxFixture.start(SampleData.adversarial(40, 3), LabelMatching.EXACT);
        Connection c = small.connect()) {
      String sql = "SELECT id FROM personal_access_tokens"
          + " WHERE created > (SELECT created FROM personal_access_tokens WHERE id = 40)";
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
        ResultSets.read(rs);
      }
      List<RecordedRequest> sent = small.requests();
      OpenApiConformance.get().assertConforms(sent);
      assertThat(sent.stream().filter(r -> r.path().equals("/v4/profile/tokens/40")).count())
          .as("GETs of token 40").isEqualTo(1);
      assertThat(sent).hasSize(2);
    }
  }

  @Test
  void aSelfJoinReadsTheListOnce() throws SQLException {
    fixture.clearRequests();
    query("SELECT COUNT(*) FROM personal_access_tokens a JOIN personal_access_tokens b"
        + " ON a.id = b.id");
    assertThat(fixture.requests()).hasSize(3); // 1,234 tokens: 3 pages, read once
  }

  // ---- helpers -----------------------------------------------------------------------------

  private static String explainSendsNothing(String sql) {
    fixture.clearRequests();
    String plan = DifferentialTest.explain(conn, sql);
    assertThat(plan).as("EXPLAIN of %s", sql).doesNotStartWith("(EXPLAIN failed");
    assertThat(fixture.requests()).as("requests sent by EXPLAIN of %s", sql).isEmpty();
    return plan;
  }

  private static ResultSets.Table query(String sql) throws SQLException {
    return DifferentialTest.run(conn, sql);
  }

  private static List<List<String>> read(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      return ResultSets.read(rs).rows();
    }
  }

  private static List<String> paths() {
    return fixture.requests().stream()
        .map(r -> r.method() + " " + r.path() + (r.query() == null ? "" : "?" + r.query()))
        .collect(Collectors.toList());
  }

  private static Optional<JsonNode> xFilter(RecordedRequest r) {
    return r.header("X-Filter").map(RequestCountTest::json);
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }
}
