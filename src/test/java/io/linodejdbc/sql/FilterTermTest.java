package io.linodejdbc.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.DataContexts;
import org.junit.jupiter.api.Test;

class FilterTermTest {
  private static long millis(String iso) {
    return Timestamps.toMillis(LocalDateTime.parse(iso));
  }

  private static FilterTerm created(FilterTerm.Operator op, ScanValue v) {
    return new FilterTerm.Comparison("created", op, v, FilterTerm.ValueFormat.DATE_TIME);
  }

  @Test void parametersAreBoundAtRunTime() {
    FilterTerm label = new FilterTerm.Comparison("label", FilterTerm.Operator.EQ,
        new ScanValue.Parameter(0), FilterTerm.ValueFormat.STRING);
    DataContext ctx = DataContexts.of(Map.of("?0", "ci \"quoted\" 日本"));
    assertThat(label.bind(ctx).orElseThrow().toString())
        .isEqualTo("{\"label\":\"ci \\\"quoted\\\" 日本\"}");
    assertThat(label.describe()).isEqualTo("{\"label\":\"?0\"}");
  }

  @Test void aNullParameterSendsNoFilter() {
    FilterTerm label = new FilterTerm.Comparison("label", FilterTerm.Operator.EQ,
        new ScanValue.Parameter(0), FilterTerm.ValueFormat.STRING);
    assertThat(label.bind(DataContexts.of(Map.of())).isPresent()).isFalse();
  }

  @Test void dateTimesAreSentInTheApiFormat() {
    FilterTerm t = created(FilterTerm.Operator.GTE,
        new ScanValue.Literal(millis("0001-01-01T00:00:00")));
    assertThat(t.bind(DataContexts.EMPTY).orElseThrow().toString())
        .isEqualTo("{\"created\":{\"+gte\":\"0001-01-01T00:00:00\"}}");
  }

  @Test void fractionalSecondsRoundDownAndWidenStrictUpperBounds() {
    long half = millis("2024-01-01T00:00:00.500");
    assertThat(created(FilterTerm.Operator.LT, new ScanValue.Literal(half))
        .bind(DataContexts.EMPTY).orElseThrow().toString())
        .isEqualTo("{\"created\":{\"+lte\":\"2024-01-01T00:00:00\"}}");
    assertThat(created(FilterTerm.Operator.GT, new ScanValue.Literal(half))
        .bind(DataContexts.EMPTY).orElseThrow().toString())
        .isEqualTo("{\"created\":{\"+gt\":\"2024-01-01T00:00:00\"}}");
    assertThat(created(FilterTerm.Operator.NEQ, new ScanValue.Literal(half))
        .bind(DataContexts.EMPTY)).isEmpty();
  }

  @Test void andDropsUnboundTermsOrGivesUpOnThem() {
    FilterTerm bound = new FilterTerm.Comparison("label", FilterTerm.Operator.EQ,
        new ScanValue.Literal("a"), FilterTerm.ValueFormat.STRING);
    FilterTerm unbound = new FilterTerm.Comparison("label", FilterTerm.Operator.EQ,
        new ScanValue.Parameter(3), FilterTerm.ValueFormat.STRING);
    assertThat(new FilterTerm.And(List.of(bound, unbound)).bind(DataContexts.EMPTY)
        .orElseThrow().toString()).isEqualTo("{\"label\":\"a\"}");
    assertThat(new FilterTerm.Or(List.of(bound, unbound)).bind(DataContexts.EMPTY)).isEmpty();
  }
}
