package io.linodejdbc.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.linodejdbc.resource.ColumnDescriptor;
import io.linodejdbc.resource.ColumnType;
import io.linodejdbc.resource.ResourceDescriptor;
import io.linodejdbc.resource.Resources;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ScanSpec}: what a scan asks, and how EXPLAIN words it. */
class ScanSpecTest {
  /** A resource keyed by another column than {@code id}. */
  private static final ResourceDescriptor GADGETS = new ResourceDescriptor("testing", "gadgets",
      "/gadgets", List.of(ColumnDescriptor.serverSet("code", ColumnType.INTEGER, false, false,
          "The gadget's code.")), "code", "Gadgets.", List.of(), "gadget");

  @Test void keyLookupsAreWordedWithTheResourcesKey() {
    ScanSpec spec = ScanSpec.FULL.withKeys(List.of(new ScanValue.Literal(7),
        new ScanValue.Parameter(0)), true);
    assertThat(spec.describeRequest(GADGETS, 50)).isEqualTo("GET /gadgets/{code} for code in [7, ?0]");
    assertThat(spec.describeRequest(Resources.PERSONAL_ACCESS_TOKENS, 50))
        .isEqualTo("GET /profile/tokens/{id} for id in [7, ?0]");
  }

  @Test void aListCallShowsItsPageSize() {
    assertThat(ScanSpec.FULL.describeRequest(GADGETS, 25)).isEqualTo("GET /gadgets page_size=25");
  }

  @Test void narrowingAndLimits() {
    ScanSpec keyed = ScanSpec.FULL.withKeys(List.of(new ScanValue.Literal(1)), false);
    assertThat(keyed.isKeyLookup()).isTrue();
    assertThat(keyed.isFiltered()).isTrue();
    assertThat(keyed.exact()).isFalse();
    assertThat(ScanSpec.FULL.isFiltered()).isFalse();
    assertThat(ScanSpec.FULL.isLimited()).isFalse();
    ScanSpec limited = keyed.withLimit("created", true, 3);
    assertThat(limited.isLimited()).isTrue();
    assertThat(limited.keys()).isEqualTo(keyed.keys());
    assertThat(limited.orderByField()).isEqualTo("created");
    assertThat(limited.descending()).isTrue();
    assertThat(limited.stopAfter()).isEqualTo(3);
  }
}
