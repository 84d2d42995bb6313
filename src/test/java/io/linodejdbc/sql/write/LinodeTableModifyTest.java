package io.linodejdbc.sql.write;

import static io.linodejdbc.testing.LinodeAssert.sql;
import static org.assertj.core.api.Assertions.assertThat;

import io.linodejdbc.sandbox.LabelMatching;
import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.testing.SandboxFixture;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.runtime.Hook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link LinodeTableModify} and {@link LinodeTableModifyRule}: a write is one relational
 * expression over the ordinary rows plan, made enumerable by the driver's rule (never by
 * Calcite's {@code EnumerableTableModifyRule}), and {@code EXPLAIN PLAN FOR} shows that tree with
 * its requests per row, with or without RETURNING, and sends nothing.
 */
class LinodeTableModifyTest {
  private static final String T = "personal_access_tokens";
  private SandboxFixture fixture;

  @BeforeEach
  void start() {
    fixture = SandboxFixture.start(SampleData.demo(), LabelMatching.EXACT);
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  /** The plan lines of {@code EXPLAIN PLAN FOR sql}, which must send no request. */
  private List<String> plan(String sql) {
    String plan = sql(sql).on(fixture).explain();
    assertThat(fixture.requests()).as("requests of EXPLAIN " + sql).isEmpty();
    return plan.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  @Test void explainOfADeleteIsTheModifyOverAKeyLookup() {
    List<String> lines = plan("DELETE FROM " + T + " WHERE id = 2");
    assertThat(lines.get(0)).startsWith("LinodeTableModify(")
        .contains("table=[[profile, personal_access_tokens]]", "operation=[DELETE]",
            "request=[DELETE /profile/tokens/{id} per row]", "sequential=[true]")
        .doesNotContain("returning", "dryRun");
    assertThat(lines).last().asString().startsWith("LinodeTableScan(")
        .contains("GET /profile/tokens/{id} for id in [2]");
  }

  @Test void explainOfAWriteWithReturningShowsTheSameTree() {
    List<String> plain = plan("UPDATE " + T + " SET label = 'x' WHERE id = 3");
    List<String> returning = plan("UPDATE " + T + " SET label = 'x' WHERE id = 3"
        + " RETURNING id, label AS name");
    assertThat(returning.get(0)).startsWith("LinodeTableModify(")
        .contains("operation=[UPDATE]", "request=[PUT /profile/tokens/{id} body=[label] per row]",
            "returning=[id, label]");
    assertThat(returning.subList(1, returning.size())).as("the rows plan below")
        .isEqualTo(plain.subList(1, plain.size()));
    assertThat(plan("INSERT INTO " + T + " (label, scopes) VALUES ('a', '*') RETURNING *")
        .get(0)).contains("operation=[INSERT]", "request=[POST /profile/tokens body=[label,"
            + " scopes] per row]", "returning=[id, created, expiry, label, scopes, token]");
  }

  @Test void explainOfStackqlReplaceAndOfADryRun() {
    assertThat(plan("REPLACE " + T + " SET label = 'y' WHERE id = 4 RETURNING label").get(0))
        .contains("operation=[REPLACE]", "PUT /profile/tokens/{id} body=[label] per row",
            "returning=[label]");
    String dry = sql("DELETE FROM " + T + " WHERE id = 2").on(fixture).with("dryRun", "true")
        .explain();
    assertThat(dry.lines().findFirst().orElseThrow()).contains("LinodeTableModify(",
        "dryRun=[true]");
  }

  @Test void explainWithParametersAsJson() throws SQLException {
    try (Connection c = fixture.connect();
        PreparedStatement ps = c.prepareStatement("EXPLAIN PLAN AS JSON FOR DELETE FROM " + T
            + " WHERE id = ? RETURNING id")) {
      ps.setInt(1, 5);
      try (var rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).contains("\"relOp\": \"io.linodejdbc.sql.write"
            + ".LinodeTableModify\"", "\"returning\": \"id\"", "DELETE /profile/tokens/{id} per row");
      }
    }
    assertThat(fixture.requests()).isEmpty();
  }

  /** The optimized plan of a write, as Calcite hands it to code generation. */
  private RelNode planned(String sql) throws SQLException {
    List<RelNode> plans = new ArrayList<>();
    try (Hook.Closeable hook = Hook.PLAN_BEFORE_IMPLEMENTATION.addThread(
        (RelRoot root) -> plans.add(root.rel));
        Connection c = fixture.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
      assertThat(ps).isNotNull();
    }
    assertThat(plans).hasSize(1);
    return plans.get(0);
  }

  @Test void theDriversRuleWinsOverCalcitesEnumerableOne() throws SQLException {
    RelNode plan = planned("UPDATE " + T + " SET label = ? WHERE id = ?");
    assertThat(plan).isInstanceOf(LinodeTableModify.class);
    assertThat(plan.getConvention()).isEqualTo(EnumerableConvention.INSTANCE);
    assertThat(plan.getInput(0).getConvention()).isEqualTo(EnumerableConvention.INSTANCE);
    assertThat(((TableModify) plan).getOperation()).isEqualTo(TableModify.Operation.UPDATE);
    assertThat(((TableModify) plan).getUpdateColumnList()).containsExactly("label");
    // Calcite's rule matches its LogicalTableModify only; the driver's rule, this rel.
    assertThat(EnumerableRules.ENUMERABLE_TABLE_MODIFICATION_RULE.getOperand().matches(plan))
        .isFalse();
    LinodeTableModify logical = ((LinodeTableModify) plan).copy(
        plan.getTraitSet().replace(Convention.NONE), plan.getInput(0));
    assertThat(LinodeTableModifyRule.INSTANCE.getOperand().matches(logical)).isTrue();
    assertThat(LinodeTableModifyRule.INSTANCE.getOperand().matches(plan))
        .as("an enumerable one is left alone").isFalse();
    RelNode converted = LinodeTableModifyRule.INSTANCE.convert(logical);
    assertThat(converted).isInstanceOf(LinodeTableModify.class);
    assertThat(converted.getConvention()).isEqualTo(EnumerableConvention.INSTANCE);
    assertThat(converted.getRowType()).isEqualTo(logical.getRowType());
  }

  @Test void theResultIsTheCountOrTheReturnedColumns() throws SQLException {
    assertThat(planned("DELETE FROM " + T + " WHERE id = 2").getRowType().getFieldNames())
        .containsExactly("ROWCOUNT");
    assertThat(planned("INSERT INTO " + T + " (label) VALUES ('r') RETURNING token, id")
        .getRowType().getFieldNames()).containsExactly("token", "id");
    assertThat(fixture.requests()).as("preparing sends nothing").isEmpty();
  }
}
