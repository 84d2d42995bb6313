package io.linodejdbc.sql.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.linodejdbc.resource.ColumnDescriptor;
import io.linodejdbc.resource.Resources;
import io.linodejdbc.sql.LinodeQueryException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/**
 * {@link WriteValues}: the SQL side of a written value (a TIMESTAMP's milliseconds, a DATE's
 * days, a {@code ?} bound with {@code setTimestamp}) made the API's, the column's rule applied,
 * and its refusal given the fitting SQLSTATE.
 */
class WriteValuesTest {
  private static final Clock NOW = Clock.fixed(Instant.parse("2030-06-15T12:00:00Z"), ZoneOffset.UTC);
  private static final ColumnDescriptor EXPIRY =
      Resources.PERSONAL_ACCESS_TOKENS.column("expiry").orElseThrow();
  private static final ColumnDescriptor LABEL =
      Resources.PERSONAL_ACCESS_TOKENS.column("label").orElseThrow();
  private final WriteValues values = new WriteValues(NOW);

  private LinodeQueryException refused(ColumnDescriptor column, Object value, SqlTypeName type) {
    return catchThrowableOfType(LinodeQueryException.class,
        () -> values.convert(column, value, type));
  }

  @Test void dateTimesFromSqlValues() {
    long millis = LocalDateTime.of(2031, 2, 3, 4, 5, 6).toInstant(ZoneOffset.UTC).toEpochMilli();
    assertThat(values.convert(EXPIRY, millis + 999, SqlTypeName.TIMESTAMP))
        .as("a TIMESTAMP literal, milliseconds dropped").isEqualTo("2031-02-03T04:05:06");
    int days = (int) LocalDate.of(2031, 2, 3).toEpochDay();
    assertThat(values.convert(EXPIRY, days, SqlTypeName.DATE)).isEqualTo("2031-02-03T00:00:00");
    assertThat(values.convert(EXPIRY, "2031-02-03 04:05:06", SqlTypeName.VARCHAR))
        .isEqualTo("2031-02-03T04:05:06");
  }

  @Test void aTimestampBoundToATextParameterKeepsItsWallClock() {
    // setTimestamp on a ? typed as text reaches the statement as Timestamp.getTime() digits
    Timestamp ts = Timestamp.valueOf(LocalDateTime.of(2031, 2, 3, 4, 5, 6));
    assertThat(values.convert(EXPIRY, String.valueOf(ts.getTime()), SqlTypeName.VARCHAR))
        .isEqualTo("2031-02-03T04:05:06");
  }

  @Test void wrongSqlTypesAre22023() {
    LinodeQueryException number = refused(LABEL, 42, SqlTypeName.INTEGER);
    assertThat(number.sqlState()).isEqualTo("22023");
    assertThat(number).hasMessage("label must be text, not INTEGER");
    LinodeQueryException flag = refused(EXPIRY, true, SqlTypeName.BOOLEAN);
    assertThat(flag.sqlState()).isEqualTo("22023");
    assertThat(flag).hasMessageContaining("expiry must be a timestamp or a text like");
  }

  @Test void theRulesRefusalsGetTheirSqlStates() {
    assertThat(refused(LABEL, "x".repeat(101), SqlTypeName.VARCHAR).sqlState())
        .as("too long").isEqualTo("22001");
    assertThat(refused(LABEL, "a\uD800b", SqlTypeName.VARCHAR).sqlState())
        .as("an unpaired surrogate").isEqualTo("22021");
    LinodeQueryException past = refused(EXPIRY, "2020-01-01T00:00:00", SqlTypeName.VARCHAR);
    assertThat(past.sqlState()).isEqualTo("22023");
    assertThat(past).hasMessageContaining("is not in the future");
  }
}
