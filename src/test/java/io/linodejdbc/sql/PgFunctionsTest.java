package io.linodejdbc.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Timestamp;
import org.junit.jupiter.api.Test;

/** PostgreSQL's arithmetic and text forms where the corpus data cannot reach every case. */
class PgFunctionsTest {
  private static Timestamp ts(String s) {
    return Timestamp.valueOf(s);
  }

  @Test
  void ageBorrowsMonthsAsPostgresDoesAndPrintsItsText() {
    assertThat(PgFunctions.pg_age(ts("2024-03-01 00:00:00"), ts("2023-01-15 10:00:00")))
        .isEqualTo("1 year 1 mon 16 days 14:00:00");
    assertThat(PgFunctions.pg_age(ts("2023-01-15 00:00:00"), ts("2024-03-01 10:00:00")))
        .isEqualTo("-1 years -1 mons -17 days -10:00:00");
    assertThat(PgFunctions.pg_age(ts("2024-01-01 00:00:00"), ts("2024-01-01 00:00:00")))
        .isEqualTo("00:00:00");
    assertThat(PgFunctions.pg_age(ts("2024-01-01 00:00:00.25"), ts("2024-01-01 00:00:00")))
        .isEqualTo("00:00:00.25");
    assertThat(PgFunctions.pg_age(null, ts("2024-01-01 00:00:00"))).isNull();
    assertThat(PgFunctions.interval(0, -1, 2, 3, 0, 0, 0)).isEqualTo("-1 mons +2 days 03:00:00");
  }

  @Test
  void avgHasPostgresDigits() {
    assertThat(PgFunctions.pg_avg(new BigDecimal(9), 2L))
        .isEqualTo(new BigDecimal("4.5000000000000000"));
    assertThat(PgFunctions.pg_avg(new BigDecimal(5), 3L))
        .isEqualTo(new BigDecimal("1.6666666666666667"));
    assertThat(PgFunctions.pg_avg(new BigDecimal(3), 3L))
        .isEqualTo(new BigDecimal("1.00000000000000000000"));
    assertThat(PgFunctions.pg_avg(new BigDecimal(3703716), 3L))
        .isEqualTo(new BigDecimal("1234572.000000000000"));
    assertThat(PgFunctions.pg_avg(new BigDecimal(7), 0L)).isNull();
  }

  @Test
  void substringsCountCodePoints() {
    assertThat(PgFunctions.pg_substr("😀abc", 2, 2)).isEqualTo("ab");
    assertThat(PgFunctions.pg_substr("abc", -1, 3)).isEqualTo("a");
    assertThat(PgFunctions.pg_left("😀abc", -3)).isEqualTo("😀");
    assertThat(PgFunctions.pg_right("ab😀", 1)).isEqualTo("😀");
    assertThatThrownBy(() -> PgFunctions.pg_substr("abc", 1, -1))
        .hasMessage("negative substring length not allowed");
  }

  @Test
  void percentilesInterpolateOrPickAsPostgres() {
    PgAggregates.PercentileCont cont = new PgAggregates.PercentileCont();
    PgAggregates.Values v = cont.init();
    for (double d : new double[] {4, 1, 3, 2}) {
      cont.add(v, d, 0.25);
    }
    cont.add(v, null, 0.25);
    assertThat(cont.result(v)).isEqualTo(1.75);
    PgAggregates.PercentileDisc disc = new PgAggregates.PercentileDisc();
    PgAggregates.Values w = disc.init();
    for (double d : new double[] {4, 1, 3, 2}) {
      disc.add(w, d, 0.5);
    }
    assertThat(disc.result(w)).isEqualTo(2.0);
    assertThat(disc.result(disc.init())).isNull();
    assertThatThrownBy(() -> cont.add(cont.init(), 1.0, 1.5))
        .hasMessage("percentile value 1.5 is not between 0 and 1");
  }
}
