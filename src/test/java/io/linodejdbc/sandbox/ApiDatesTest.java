package io.linodejdbc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class ApiDatesTest {

  @Test
  void formatsWithoutZoneOrFraction() {
    assertThat(ApiDates.format(LocalDateTime.of(2024, 1, 2, 3, 4, 5))).isEqualTo("2024-01-02T03:04:05");
    assertThat(ApiDates.format(LocalDateTime.of(2024, 1, 2, 3, 4))).isEqualTo("2024-01-02T03:04:00");
    assertThat(ApiDates.format(null)).isNull();
  }

  @Test
  void parsesOnlyTheExactWireFormat() {
    assertThat(ApiDates.parse("2024-02-29T23:59:59")).contains(LocalDateTime.of(2024, 2, 29, 23, 59, 59));
    assertThat(ApiDates.parse("2023-02-29T00:00:00")).isEmpty();
    assertThat(ApiDates.parse("2024-01-01T00:00:00Z")).isEmpty();
    assertThat(ApiDates.parse("2024-01-01T00:00:00+01:00")).isEmpty();
    assertThat(ApiDates.parse("2024-01-01T00:00:00.000")).isEmpty();
    assertThat(ApiDates.parse("2024-01-01 00:00:00")).isEmpty();
    assertThat(ApiDates.parse("2024-01-01")).isEmpty();
    assertThat(ApiDates.parse(null)).isEmpty();
  }
}
