package io.linodejdbc.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linodejdbc.resource.LinodeDateTime;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RowConverterTest {

  @Test void theFastDateTimePathAgreesWithTheFormatter() {
    SplittableRandom rng = new SplittableRandom(3);
    for (int i = 0; i < 5_000; i++) {
      LocalDateTime t = LocalDateTime.of(1 + rng.nextInt(9999), 1 + rng.nextInt(12),
          1 + rng.nextInt(28), rng.nextInt(24), rng.nextInt(60), rng.nextInt(60));
      String text = LinodeDateTime.format(t);
      assertThat(RowConverter.millis(text)).as(text)
          .isEqualTo(Timestamps.toMillis(LinodeDateTime.parse(text)));
    }
    for (String edge : new String[] {"2024-02-29T23:59:59", "1970-01-01T00:00:00",
        "0001-01-01T00:00:00", "9999-12-31T23:59:59", "2024-01-01T00:00:00.5",
        "2024-01-01T00:00:00Z"}) {
      assertThat(RowConverter.millis(edge)).as(edge)
          .isEqualTo(Timestamps.toMillis(LinodeDateTime.parse(edge)));
    }
  }

  @Test void invalidDateTimesAreRefused() {
    for (String bad : new String[] {"2023-02-29T00:00:00", "2024-13-01T00:00:00",
        "2024-01-01T24:00:00", "2024-01-01T00:60:00", "2024-01-0xT00:00:00", "yesterday", ""}) {
      assertThatThrownBy(() -> RowConverter.millis(bad)).as(bad)
          .isInstanceOf(DateTimeException.class);
    }
  }
}
