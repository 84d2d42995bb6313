package io.linodejdbc.sql.prepare;

import static org.assertj.core.api.Assertions.assertThat;

import io.linodejdbc.sandbox.LabelMatching;
import io.linodejdbc.sql.LinodeCountScan;
import io.linodejdbc.sql.LinodeTableScan;
import io.linodejdbc.testing.Corpus;
import io.linodejdbc.testing.SandboxFixture;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.calcite.adapter.enumerable.EnumerableAggregate;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableFilter;
import org.apache.calcite.adapter.enumerable.EnumerableInterpreter;
import org.apache.calcite.adapter.enumerable.EnumerableLimit;
import org.apache.calcite.adapter.enumerable.EnumerableLimitSort;
import org.apache.calcite.adapter.enumerable.EnumerableProject;
import org.apache.calcite.adapter.enumerable.EnumerableSort;
import org.apache.calcite.adapter.enumerable.EnumerableSortedAggregate;
import org.apache.calcite.adapter.enumerable.EnumerableTableScan;
import org.apache.calcite.adapter.enumerable.EnumerableValues;
import org.apache.calcite.interpreter.Bindables;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleOperand;
import org.apache.calcite.plan.RelOptRules;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.volcano.AbstractConverter;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;
import org.junit.jupiter.api.Test;

/**
 * {@link SimplePlans}: its rules are exactly the part of Calcite's default set that can match a
 * simple plan, and every query of the differential corpora gets the same plan with them as with
 * the whole default set.
 */
class SimplePlansTest {

  /** The node classes a simple plan is made of, before and during planning. */
  private static final List<Class<? extends RelNode>> SIMPLE_NODES = List.of(
      LogicalTableScan.class, LinodeTableScan.class, EnumerableTableScan.class,
      Bindables.BindableTableScan.class, LogicalProject.class, LogicalFilter.class,
      LogicalSort.class, LogicalValues.class, LogicalCalc.class, EnumerableProject.class,
      EnumerableFilter.class, EnumerableSort.class, EnumerableLimit.class,
      EnumerableLimitSort.class, EnumerableValues.class, EnumerableCalc.class,
      EnumerableInterpreter.class, AbstractConverter.class, LogicalAggregate.class,
      EnumerableAggregate.class, EnumerableSortedAggregate.class, LinodeCountScan.class);

  private static List<RelOptRule> defaultRules() {
    VolcanoPlanner planner = new VolcanoPlanner();
    RelOptUtil.registerDefaultRules(planner, true, false);
    return planner.getRules();
  }

  /** Whether every operand of a rule can match one of these nodes. */
  private static boolean mayMatch(RelOptRule rule, List<Class<? extends RelNode>> nodes) {
    for (RelOptRuleOperand operand : rule.getOperands()) {
      if (nodes.stream().noneMatch(operand.getMatchedClass()::isAssignableFrom)) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, Class<?>> byDescription(List<RelOptRule> rules) {
    Map<String, Class<?>> map = new LinkedHashMap<>();
    for (RelOptRule rule : rules) {
      assertThat(map.put(rule.toString(), rule.getClass())).as("duplicate rule %s", rule)
          .isNull();
    }
    return map;
  }

  @Test void simpleRulesAreTheDefaultRulesThatCanMatchASimplePlan() {
    List<Class<? extends RelNode>> withoutAggregates = SIMPLE_NODES.stream()
        .filter(c -> !org.apache.calcite.rel.core.Aggregate.class.isAssignableFrom(c)
            && c != LinodeCountScan.class)
        .collect(Collectors.toList());
    checkRules(SimplePlans.rules(true), SIMPLE_NODES);
    checkRules(SimplePlans.rules(false), withoutAggregates);
    assertThat(SimplePlans.rules(false).size()).isLessThan(SimplePlans.rules(true).size());
  }

  private static void checkRules(List<RelOptRule> rules, List<Class<? extends RelNode>> nodes) {
    Map<String, Class<?>> defaults = byDescription(defaultRules());
    Map<String, Class<?>> simple = byDescription(rules);
    assertThat(defaults).as("every simple rule is a default rule").containsAllEntriesOf(simple);
    Set<String> needed = defaultRules().stream().filter(r -> mayMatch(r, nodes))
        .map(RelOptRule::toString).collect(Collectors.toCollection(TreeSet::new));
    assertThat(simple.keySet()).as("every default rule that can match a simple plan")
        .containsAll(needed);
    assertThat(new ArrayList<>(defaults.keySet())).as("in the order the default set has them")
        .containsSubsequence(new ArrayList<>(simple.keySet()));
    // the operand test does tell rules apart: joins, set operations and windows are left out
    assertThat(needed).contains("ProjectMergeRule", "FilterProjectTransposeRule")
        .doesNotContain("FilterIntoJoinRule", "JoinCommuteRule", "UnionMergeRule");
    assertThat(simple.size()).isLessThan(defaults.size());
  }

  @Test void calcPassIsCalcitesCalcRules() {
    assertThat(SimplePlans.calcRules()).extracting(RelOptRule::toString)
        .containsExactlyElementsOf(RelOptRules.CALC_RULES.stream().map(RelOptRule::toString)
            .collect(Collectors.toList()));
    assertThat(SimplePlans.calcRules()).extracting(r -> (Class) r.getClass())
        .containsExactlyElementsOf(RelOptRules.CALC_RULES.stream().map(r -> (Class) r.getClass())
            .collect(Collectors.toList()));
  }

  @Test void simplicity() {
    RelBuilder b = RelBuilder.create(Frameworks.newConfigBuilder()
        .defaultSchema(Frameworks.createRootSchema(true)).build());
    RelNode rows = b.values(new String[] {"a", "b"}, 1, 2, 3, 4).build();
    assertThat(SimplePlans.isSimple(rows)).isTrue();
    RelNode chain = b.push(rows).filter(b.equals(b.field("a"), b.literal(1)))
        .project(b.field("b"), b.call(SqlStdOperatorTable.PLUS, b.field("a"), b.literal(1)))
        .sortLimit(0, 5, b.field(0)).build();
    assertThat(SimplePlans.isSimple(chain)).isTrue();

    assertThat(SimplePlans.isSimple(b.push(rows).aggregate(b.groupKey("a"), b.countStar("n"),
        b.sum(b.field("b"))).build())).as("aggregate").isTrue();
    assertThat(SimplePlans.isSimple(b.push(rows).aggregate(b.groupKey(),
        b.count(true, "d", b.field("b"))).build())).as("distinct aggregate").isFalse();
    assertThat(SimplePlans.isSimple(b.push(rows).aggregate(b.groupKey(ImmutableBitSet.of(0),
        List.of(ImmutableBitSet.of(0), ImmutableBitSet.of())), b.countStar("n")).build()))
        .as("grouping sets").isFalse();
    assertThat(SimplePlans.isSimple(b.push(rows).push(rows).join(JoinRelType.INNER,
        b.equals(b.field(2, 0, "a"), b.field(2, 1, "a"))).build())).as("join").isFalse();
    RelNode union = b.push(rows).filter(b.equals(b.field("a"), b.literal(1)))
        .push(rows).filter(b.equals(b.field("a"), b.literal(3))).union(true).build();
    assertThat(union).isInstanceOf(org.apache.calcite.rel.core.Union.class);
    assertThat(SimplePlans.isSimple(union)).as("union").isFalse();
    RelNode exists = b.push(rows)
        .filter(b.exists(inner -> inner.push(rows).filter(inner.equals(inner.field("b"),
            inner.literal(2))).build()))
        .build();
    assertThat(SimplePlans.isSimple(exists)).as("sub-query").isFalse();
    RelNode window = b.push(rows).project(b.aggregateCall(SqlStdOperatorTable.ROW_NUMBER)
        .over().rowsUnbounded().toRex()).build();
    assertThat(SimplePlans.isSimple(window)).as("window function").isFalse();
  }

  /**
   * Every query of both differential corpora, planned by the same driver once with the simple
   * rules and once with Calcite's whole default set: the plans (EXPLAIN's text) are identical, or
   * both fail alike.
   */
  @Test void everyCorpusQueryGetsTheSamePlanEitherWay() throws SQLException {
    List<Corpus.Query> queries = new ArrayList<>(Corpus.load("/differential/read-corpus.sql"));
    queries.addAll(Corpus.load("/differential/pg-corpus.sql"));
    long simple = 0;
    try (SandboxFixture fixture = SandboxFixture.start(SandboxFixture.differentialTokens(),
        LabelMatching.EXACT);
         Connection withSimple = fixture.connect();
         Connection withDefaults = fixture.connect()) {
      List<String> differences = new ArrayList<>();
      for (Corpus.Query q : queries) {
        PlanningCounts.reset();
        String planned = explain(withSimple, q.sql());
        simple += PlanningCounts.simplePlans();
        SimplePlans.enabled = false;
        String reference;
        try {
          reference = explain(withDefaults, q.sql());
        } finally {
          SimplePlans.enabled = true;
        }
        if (!planned.equals(reference)) {
          differences.add(q.name() + "\n  simple:  " + planned + "\n  default: " + reference);
        }
      }
      assertThat(differences).as("queries planned differently").isEmpty();
      assertThat(fixture.requests()).as("EXPLAIN sends nothing").isEmpty();
    }
    System.out.printf("%d of %d corpus queries planned with the simple rules%n", simple,
        queries.size());
    assertThat(simple).as("corpus queries planned with the simple rules")
        .isGreaterThan(queries.size() / 3);
  }

  private static String explain(Connection c, String sql) {
    try (Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("EXPLAIN PLAN FOR " + sql)) {
      StringBuilder plan = new StringBuilder();
      while (rs.next()) {
        plan.append(rs.getString(1));
      }
      return plan.toString();
    } catch (SQLException e) {
      return "failed: " + e.getSQLState() + " " + e.getMessage();
    }
  }
}
