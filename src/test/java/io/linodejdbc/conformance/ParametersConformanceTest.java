package io.linodejdbc.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.linodejdbc.testing.SandboxFixture;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.JDBCType;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * JDBC 4.2 parameter conversions (specification appendix B, tables B-4 and B-5, and
 * {@code PreparedStatement}'s setter contracts), as frameworks use them: Spring binds
 * {@code java.time} values with {@code setObject}, jOOQ binds LIMIT as a long, many tools bind
 * everything as a string.
 */
class ParametersConformanceTest {
  private static SandboxFixture sandbox;
  private static Connection c;

  @BeforeAll static void start() throws SQLException {
    sandbox = ConformanceData.start();
    c = sandbox.connect();
  }

  @AfterAll static void stop() {
    sandbox.close();
  }

  interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private static List<Integer> ids(String where, Binder binder) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT id FROM personal_access_tokens " + where)) {
      binder.bind(ps);
      List<Integer> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getInt(1));
        }
      }
      return out;
    }
  }

  private static List<Integer> createdIs(Binder binder) throws SQLException {
    return ids("WHERE created = ? ORDER BY id", binder);
  }

  private static SQLException failure(String where, Binder binder) {
    return catchThrowableOfType(SQLException.class, () -> ids(where, binder));
  }

  /** B-5: LocalDateTime maps to TIMESTAMP; the driver's TIMESTAMPs are UTC. */
  @Test void setObjectLocalDateTimeBindsATimestamp() throws SQLException {
    assertThat(createdIs(ps -> ps.setObject(1, ConformanceData.NY_GAP))).containsExactly(2);
    assertThat(createdIs(ps -> ps.setObject(1, ConformanceData.NY_GAP, Types.TIMESTAMP)))
        .containsExactly(2);
    assertThat(createdIs(ps -> ps.setObject(1, ConformanceData.NY_GAP, JDBCType.TIMESTAMP)))
        .containsExactly(2);
  }

  /** B-5: OffsetDateTime, ZonedDateTime and Instant denote instants; compared in UTC. */
  @Test void setObjectWithAnOffsetOrZoneBindsTheSameInstant() throws SQLException {
    OffsetDateTime utc = ConformanceData.NY_GAP.atOffset(ZoneOffset.UTC);
    assertThat(createdIs(ps -> ps.setObject(1, utc))).containsExactly(2);
    assertThat(createdIs(ps -> ps.setObject(1, utc.withOffsetSameInstant(ZoneOffset.ofHours(-5)))))
        .containsExactly(2);
    assertThat(createdIs(ps -> ps.setObject(1,
        utc.atZoneSameInstant(ZoneId.of("Australia/Lord_Howe")), Types.TIMESTAMP)))
        .containsExactly(2);
    assertThat(createdIs(ps -> ps.setObject(1, utc.toInstant()))).containsExactly(2);
  }

  /** B-4: java.util.Date, Calendar and LocalDate convert to TIMESTAMP. */
  @Test void setObjectDateCalendarAndLocalDate() throws SQLException {
    Calendar cal = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    cal.setTimeInMillis(ConformanceData.NY_GAP.toInstant(ZoneOffset.UTC).toEpochMilli());
    assertThat(createdIs(ps -> ps.setObject(1, cal))).containsExactly(2);
    assertThat(ids("WHERE created >= ? AND created < ? ORDER BY id", ps -> {
      ps.setObject(1, LocalDate.of(2025, 3, 9));
      ps.setObject(2, LocalDate.of(2025, 3, 10));
    })).containsExactly(2);
  }

  /** setTimestamp(i, x, cal): the calendar's zone says what wall-clock time x stands for. */
  @Test void setTimestampWithACalendar() throws SQLException {
    Timestamp instant = Timestamp.from(ConformanceData.LH_GAP.toInstant(ZoneOffset.UTC));
    Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    assertThat(createdIs(ps -> ps.setTimestamp(1, instant, utc))).containsExactly(4);
  }

  /** B-5: a String converts to TIMESTAMP as a cast reads it, in every ISO form. */
  @ParameterizedTest
  @ValueSource(strings = {"2025-03-09 02:19:00", "2025-03-09T02:19:00", "2025-03-09T02:19",
      "2025-03-09 02:19", "2025-03-09T02:19:00Z", "2025-03-09T02:19:00.000",
      "2025-03-09T02:19:00.000000000Z", "2025-03-08T21:19:00-05:00", "2025-03-09T07:49:00+05:30",
      "2025-03-09T07:49:00+0530", "2025-03-09t02:19:00z", " 2025-03-09 02:19:00 "})
  void setStringForATimestamp(String text) throws SQLException {
    assertThat(createdIs(ps -> ps.setString(1, text))).containsExactly(2);
    assertThat(createdIs(ps -> ps.setObject(1, text))).containsExactly(2);
  }

  @Test void setStringOfADateAloneIsMidnight() throws SQLException {
    assertThat(ids("WHERE created >= ? AND created < ? ORDER BY id", ps -> {
      ps.setString(1, "2025-10-05");
      ps.setString(2, "2025-10-06");
    })).containsExactly(4);
  }

  /** B-5: String, Long, Short, Byte and BigDecimal convert to INTEGER. */
  @Test void everyNumberSetterAndStringBindAnInteger() throws SQLException {
    assertThat(ids("WHERE id = ?", ps -> ps.setString(1, "3"))).containsExactly(3);
    assertThat(ids("WHERE id = ?", ps -> ps.setString(1, " 3 "))).containsExactly(3);
    assertThat(ids("WHERE id = ?", ps -> ps.setObject(1, "3"))).containsExactly(3);
    assertThat(ids("WHERE id = ?", ps -> ps.setLong(1, 3L))).containsExactly(3);
    assertThat(ids("WHERE id = ?", ps -> ps.setShort(1, (short) 3))).containsExactly(3);
    assertThat(ids("WHERE id = ?", ps -> ps.setByte(1, (byte) 3))).containsExactly(3);
    assertThat(ids("WHERE id = ?", ps -> ps.setBigDecimal(1, new BigDecimal("3")))).containsExactly(3);
    assertThat(ids("WHERE id = ?", ps -> ps.setObject(1, 3L, Types.BIGINT))).containsExactly(3);
    assertThat(ids("WHERE id = ?", ps -> ps.setDouble(1, 3.0))).containsExactly(3);
    assertThat(ids("WHERE id IN (?, ?) ORDER BY id", ps -> {
      ps.setString(1, "2");
      ps.setLong(2, 5L);
    })).containsExactly(2, 5);
  }

  /** LIMIT, OFFSET and FETCH take any integral setter (jOOQ binds them with setLong). */
  @Test void limitOffsetAndFetchTakeLongsAndOtherNumbers() throws SQLException {
    assertThat(ids("ORDER BY id LIMIT ?", ps -> ps.setLong(1, 2L))).containsExactly(1, 2);
    assertThat(ids("ORDER BY id LIMIT ? OFFSET ?", ps -> {
      ps.setLong(1, 2L);
      ps.setLong(2, 3L);
    })).containsExactly(4, 5);
    assertThat(ids("ORDER BY id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", ps -> {
      ps.setBigDecimal(1, BigDecimal.ONE);
      ps.setShort(2, (short) 2);
    })).containsExactly(2, 3);
    assertThat(ids("ORDER BY id LIMIT ?", ps -> ps.setString(1, "1"))).containsExactly(1);
    assertThat(ids("ORDER BY id LIMIT ?", ps -> ps.setObject(1, 1L))).containsExactly(1);
  }

  /** setNull(i, sqlType) is accepted whatever the type; NULL equals nothing. */
  @ParameterizedTest
  @ValueSource(ints = {Types.INTEGER, Types.BIGINT, Types.VARCHAR, Types.TIMESTAMP, Types.NULL,
      Types.OTHER, Types.JAVA_OBJECT, Types.DECIMAL, Types.BOOLEAN})
  void setNullOfAnyType(int type) throws SQLException {
    assertThat(ids("WHERE id = ?", ps -> ps.setNull(1, type))).isEmpty();
    assertThat(ids("WHERE created = ?", ps -> ps.setNull(1, type))).isEmpty();
    assertThat(ids("WHERE label = ?", ps -> ps.setNull(1, type, "VARCHAR"))).isEmpty();
    assertThat(ids("WHERE id = ?", ps -> ps.setObject(1, null))).isEmpty();
  }

  /** A value that cannot convert: a data exception (class 22) naming the parameter. */
  @Test void unconvertibleValuesAreDataExceptionsNamingTheParameter() {
    SQLException notANumber = failure("WHERE id = ?", ps -> ps.setString(1, "abc"));
    assertThat(notANumber.getSQLState()).isEqualTo("22018");
    assertThat(notANumber.getMessage()).contains("parameter 1").contains("INTEGER")
        .doesNotContain("Exception");
    SQLException tooBig = failure("WHERE id = ?", ps -> ps.setLong(1, 1L << 40));
    assertThat(tooBig.getSQLState()).isEqualTo("22003");
    assertThat(tooBig.getMessage()).contains("parameter 1");
    SQLException fraction = failure("WHERE id = ?", ps -> ps.setBigDecimal(1, new BigDecimal("2.5")));
    assertThat(fraction.getSQLState()).isEqualTo("22018");
    SQLException notATime = failure("WHERE id = ? AND created = ?", ps -> {
      ps.setInt(1, 2);
      ps.setString(2, "yesterday");
    });
    assertThat(notATime.getSQLState()).isEqualTo("22007");
    assertThat(notATime.getMessage()).contains("parameter 2").contains("TIMESTAMP");
    SQLException wrongKind = failure("WHERE created = ?", ps -> ps.setObject(1, new Object()));
    assertThat(wrongKind.getSQLState()).isEqualTo("22018");
    SQLException longLimit = failure("LIMIT ?", ps -> ps.setLong(1, Long.MAX_VALUE));
    assertThat(longLimit.getSQLState()).startsWith("22");
  }

  /** A long text is never quoted back: it could be a secret. */
  @Test void aLongUnconvertibleTextIsNotQuotedInTheMessage() {
    String secretLike = "f".repeat(64);
    SQLException e = failure("WHERE id = ?", ps -> ps.setString(1, secretLike));
    assertThat(e.getMessage()).doesNotContain(secretLike.substring(0, 16));
  }

  /** ParameterMetaData reports the types the statement needs (Spring's setNull asks). */
  @Test void parameterMetaDataTellsTheTypes() throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM personal_access_tokens"
        + " WHERE id = ? AND created > ? AND label = ? LIMIT ?")) {
      ParameterMetaData md = ps.getParameterMetaData();
      assertThat(md.getParameterCount()).isEqualTo(4);
      assertThat(md.getParameterType(1)).isEqualTo(Types.INTEGER);
      assertThat(md.getParameterType(2)).isEqualTo(Types.TIMESTAMP);
      assertThat(md.getParameterType(3)).isEqualTo(Types.VARCHAR);
      assertThat(md.getParameterType(4)).isIn(Types.INTEGER, Types.BIGINT);
      assertThat(md.getParameterMode(1)).isEqualTo(ParameterMetaData.parameterModeIn);
    }
  }

  /** B-4 in reverse: a VARCHAR parameter takes numbers and date-times as their text. */
  @Test void textParametersTakeNumbersAndDateTimes() throws SQLException {
    assertThat(ids("WHERE label = ?", ps -> ps.setString(1, "kolkata"))).containsExactly(6);
    assertThat(ids("WHERE CAST(id AS VARCHAR) = ?", ps -> ps.setInt(1, 6))).containsExactly(6);
    assertThat(ids("WHERE created = CAST(? AS TIMESTAMP)",
        ps -> ps.setString(1, "2025-06-01 05:30:00"))).containsExactly(6);
  }
}
