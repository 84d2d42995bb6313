package io.linodejdbc.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linodejdbc.sandbox.LabelMatching;
import io.linodejdbc.sandbox.RecordedRequest;
import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.sandbox.SandboxToken;
import io.linodejdbc.testing.H2Oracle;
import io.linodejdbc.testing.OpenApiConformance;
import io.linodejdbc.testing.ResultSets;
import io.linodejdbc.testing.SandboxFixture;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The differential machinery can fail: the comparison sees wrong values, missing or duplicated
 * rows and wrong order; the oracle's H2 settings really give Calcite's semantics; the conformance
 * check rejects requests that break the contract; and a planted difference between the data the
 * driver sees and the data the oracle holds is detected.
 */
class DifferentialHarnessTest {
  private static final List<String> COLS = List.of("a", "b");

  private static ResultSets.Table table(List<List<String>> rows) {
    return new ResultSets.Table(COLS, rows);
  }

  @Test
  void diffDetectsValuesRowsAndOrder() {
    ResultSets.Table t = table(List.of(List.of("1", "x"), List.of("2", "y")));
    assertThat(ResultSets.diff(t, table(List.of(List.of("2", "y"), List.of("1", "x"))), false)).isEmpty();
    assertThat(ResultSets.diff(t, table(List.of(List.of("2", "y"), List.of("1", "x"))), true))
        .hasValueSatisfying(m -> assertThat(m).contains("different order"));
    assertThat(ResultSets.diff(t, table(List.of(List.of("1", "x"), List.of("2", "y "))), false))
        .hasValueSatisfying(m -> assertThat(m).contains("missing from driver (1)").contains("'y '"));
    assertThat(ResultSets.diff(t, table(List.of(List.of("1", "x"), List.of("2", "y"), List.of("2", "y"))), false))
        .hasValueSatisfying(m -> assertThat(m).contains("unexpected in driver (1)"));
    List<String> withNull = new ArrayList<>();
    withNull.add("1");
    withNull.add(null);
    assertThat(ResultSets.diff(t, table(List.of(withNull, List.of("2", "y"))), false)).isPresent();
    assertThat(ResultSets.diff(t, new ResultSets.Table(List.of("a"), List.of()), false))
        .hasValueSatisfying(m -> assertThat(m).contains("column count"));
  }

  @Test
  void normalisationIsOnlyAboutRepresentation() {
    assertThat(ResultSets.number(5)).isEqualTo(ResultSets.number(5L))
        .isEqualTo(ResultSets.number(new java.math.BigDecimal("5.00"))).isEqualTo("5");
    assertThat(ResultSets.number(0.1 + 0.2)).isEqualTo("0.3");
    assertThat(ResultSets.number(5)).isNotEqualTo(ResultSets.number(6));
    assertThat(ResultSets.timestamp("2020-05-05 10:00:00")).isEqualTo("2020-05-05 10:00:00")
        .isEqualTo(ResultSets.timestamp("2020-05-05T10:00:00"))
        .isEqualTo(ResultSets.timestamp("2020-05-05 10:00:00.000"));
    assertThat(ResultSets.timestamp("2020-05-05 10:00:00.5")).isEqualTo("2020-05-05 10:00:00.5");
  }

  @Test
  void oracleHasCalciteLikeAndNullSemantics() throws Exception {
    List<SandboxToken> tokens = SampleData.adversarial(120, 42);
    try (H2Oracle oracle = H2Oracle.load(tokens)) {
      // backslash is the default escape, as in PostgreSQL and the driver: '%\%' is "ends
      // with a percent sign"
      List<String> expected = tokens.stream()
          .filter(t -> t.label() != null && t.label().endsWith("%"))
          .map(t -> String.valueOf(t.id())).sorted().collect(Collectors.toList());
      assertThat(expected).isNotEmpty();
      assertThat(oracle.query("SELECT id FROM personal_access_tokens WHERE label LIKE '%\\%'")
          .rows().stream().map(r -> r.get(0)).sorted().collect(Collectors.toList()))
          .isEqualTo(expected);
      // NULLs last ascending, first descending (Calcite's HIGH null collation)
      List<List<String>> asc = oracle.query("SELECT label FROM personal_access_tokens ORDER BY label").rows();
      assertThat(asc.get(0).get(0)).isNotNull();
      assertThat(asc.get(asc.size() - 1).get(0)).isNull();
      List<List<String>> desc =
          oracle.query("SELECT label FROM personal_access_tokens ORDER BY label DESC").rows();
      assertThat(desc.get(0).get(0)).isNull();
      // binary (UTF-16) order, case-sensitive
      List<String> labels = tokens.stream().map(SandboxToken::label).filter(Objects::nonNull)
          .sorted(Comparator.naturalOrder()).collect(Collectors.toList());
      assertThat(asc.stream().map(r -> r.get(0)).filter(Objects::nonNull).collect(Collectors.toList()))
          .isEqualTo(labels);
      assertThat(oracle.query("SELECT COUNT(*) FROM personal_access_tokens WHERE label = 'deploy'")
          .rows().get(0).get(0)).isEqualTo(String.valueOf(
              tokens.stream().filter(t -> "deploy".equals(t.label())).count()));
    }
  }

  @Test
  void aPlantedDataDifferenceIsDetected() throws Exception {
    List<SandboxToken> tokens = SampleData.adversarial(120, 42);
    List<SandboxToken> tampered = new ArrayList<>(tokens);
    tampered.set(0, tokens.get(0).withLabel("deploy-tampered")); // token 1 is labelled 'deploy'
    try (SandboxFixture f = SandboxFixture.start(tokens, LabelMatching.EXACT);
        H2Oracle oracle = H2Oracle.load(tampered)) {
      Connection c = f.connect();
      String sql = "SELECT id, label FROM personal_access_tokens WHERE label = 'deploy'";
      assertThat(ResultSets.diff(oracle.query(sql), DifferentialTest.run(c, sql), false))
          .hasValueSatisfying(m -> assertThat(m).contains("unexpected in driver (1)").contains("('1', 'deploy')"));
      String same = "SELECT id, label FROM personal_access_tokens WHERE id BETWEEN 2 AND 40";
      assertThat(ResultSets.diff(oracle.query(same), DifferentialTest.run(c, same), false)).isEmpty();
    }
  }

  @Test
  void conformanceRejectsWhatTheContractForbids() {
    OpenApiConformance v = OpenApiConformance.get();
    assertThat(v.violations(request("GET", "/v4/profile/tokens", "page=1&page_size=500", null)))
        .isEmpty();
    assertThat(v.violations(request("GET", "/v4/profile/tokens/5", null, null))).isEmpty();
    assertThat(v.violations(request("GET", "/v4/profile/tokens", "page=1&page_size=500",
        "{\"created\":{\"+gte\":\"2020-01-01T00:00:00\"},\"+order_by\":\"created\",\"+order\":\"desc\"}")))
        .isEmpty();

    assertThat(v.violations(request("GET", "/v4/profile/tokens", "page=0&page_size=1000", null)))
        .anyMatch(m -> m.contains("page=0")).anyMatch(m -> m.contains("page_size=1000"));
    assertThat(v.violations(request("GET", "/v4/profile/tokens/abc", null, null)))
        .anyMatch(m -> m.contains("[openapi]"));
    assertThat(v.violations(request("GET", "/v4/profile/tokenz", null, null)))
        .anyMatch(m -> m.contains("[openapi]"));
    assertThat(v.violations(request("GET", "/v4/profile/tokens", "page=1", "{\"id\":5}")))
        .anyMatch(m -> m.contains("not allowed: id"));
    assertThat(v.violations(request("GET", "/v4/profile/tokens", "page=1", "{\"label\":\"日本\"}")))
        .anyMatch(m -> m.contains("non-ASCII"));
    assertThat(v.violations(request("GET", "/v4/profile/tokens", "page=1",
        "{\"created\":{\"+gte\":\"2020-01-01T00:00:00Z\"}}")))
        .anyMatch(m -> m.contains("YYYY-MM-DDTHH:MM:SS"));
    assertThat(v.violations(request("GET", "/v4/profile/tokens", "page=1",
        "{\"+or\":[{\"label\":\"x\",\"+order_by\":\"created\"}]}")))
        .anyMatch(m -> m.contains("below the top level"));
    assertThatThrownBy(() -> v.assertConforms(
        List.of(request("GET", "/v4/profile/tokens", "page_size=10", null))))
        .isInstanceOf(AssertionError.class).hasMessageContaining("page_size=10");
  }

  @Test
  void missingSpecFailsLoudly() {
    String old = System.getProperty(OpenApiConformance.PROPERTY);
    System.setProperty(OpenApiConformance.PROPERTY, "/nonexistent/tokens-openapi.yaml");
    try {
      assertThatThrownBy(OpenApiConformance::locateSpec)
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a file");
    } finally {
      if (old == null) {
        System.clearProperty(OpenApiConformance.PROPERTY);
      } else {
        System.setProperty(OpenApiConformance.PROPERTY, old);
      }
    }
  }

  private static RecordedRequest request(String method, String path, String query, String xFilter) {
    Map<String, String> headers = new java.util.LinkedHashMap<>();
    headers.put("Authorization", "Bearer ***");
    headers.put("Accept", "application/json");
    if (xFilter != null) {
      headers.put("X-Filter", xFilter);
    }
    return new RecordedRequest(method, path, query, headers, "", 200, Instant.EPOCH);
  }
}
