package io.linodejdbc.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linodejdbc.testing.SandboxFixture;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The result set getters {@link JdbcProxies} answers without reflection ({@code next},
 * {@code wasNull}, {@code getObject}, {@code getString}, {@code getLong}, {@code getInt},
 * {@code getTimestamp}, by index and by label) give exactly what the general path gives: the same
 * value read through {@code getObject(i, Class)} with the column's class, which that shortcut
 * never takes, and the same {@code wasNull}.
 */
class ResultSetGettersTest {
  private static SandboxFixture fixture;
  private static Connection connection;

  @BeforeAll
  static void start() throws SQLException {
    fixture = SandboxFixture.demo();
    connection = fixture.connect();
  }

  @AfterAll
  static void stop() throws SQLException {
    connection.close();
    fixture.close();
  }

  @Test
  void everyShortcutAgreesWithTheGeneralPathOnEveryColumnOfEveryRow() throws SQLException {
    int rows = 0;
    int nulls = 0;
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT * FROM personal_access_tokens ORDER BY id")) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        rows++;
        for (int i = 1; i <= md.getColumnCount(); i++) {
          String label = md.getColumnLabel(i);
          Object general = rs.getObject(i, columnClass(md, i));
          boolean generalNull = rs.wasNull();
          assertThat(rs.getObject(i)).as(label).isEqualTo(general);
          assertThat(rs.wasNull()).as(label).isEqualTo(generalNull);
          assertThat(rs.getObject(label)).as(label).isEqualTo(general);
          assertThat(rs.getString(i)).as(label).isEqualTo(rs.getObject(i, String.class));
          assertThat(rs.getString(label)).as(label).isEqualTo(rs.getObject(i, String.class));
          if (md.getColumnType(i) == java.sql.Types.TIMESTAMP) {
            assertThat(rs.getTimestamp(i)).as(label).isEqualTo(rs.getObject(i, Timestamp.class));
            assertThat(rs.getTimestamp(label)).as(label).isEqualTo(rs.getObject(i, Timestamp.class));
          }
          if (md.getColumnType(i) == java.sql.Types.INTEGER || md.getColumnType(i) == java.sql.Types.BIGINT) {
            long viaClass = Objects.requireNonNullElse(rs.getObject(i, Long.class), 0L);
            assertThat(rs.getLong(i)).as(label).isEqualTo(viaClass);
            assertThat(rs.getLong(label)).as(label).isEqualTo(viaClass);
            assertThat(rs.getInt(i)).as(label).isEqualTo((int) viaClass);
            assertThat(rs.getInt(label)).as(label).isEqualTo((int) viaClass);
          }
          if (generalNull) {
            nulls++;
          }
        }
      }
    }
    assertThat(rows).as("the demo data has rows").isGreaterThan(1);
    assertThat(nulls).as("and NULLs (tokens without expiry)").isPositive();
  }

  private static Class<?> columnClass(ResultSetMetaData md, int column) throws SQLException {
    try {
      return Class.forName(md.getColumnClassName(column));
    } catch (ClassNotFoundException e) {
      throw new AssertionError("column " + column + " names a class that does not exist", e);
    }
  }

  @Test
  void aTimestampColumnIsATimestampOnBothPaths() throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT created FROM personal_access_tokens ORDER BY id LIMIT 1")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getObject(1)).isInstanceOf(Timestamp.class).isEqualTo(rs.getObject("created", Timestamp.class));
    }
  }

  @Test
  void theGeneralPathsErrorsStay() throws SQLException {
    try (Statement st = connection.createStatement()) {
      ResultSet rs = st.executeQuery("SELECT id FROM personal_access_tokens ORDER BY id");
      assertThat(rs.next()).isTrue();
      assertThatThrownBy(() -> rs.getObject(2)).isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isNotNull());
      assertThatThrownBy(() -> rs.getTimestamp(1)).isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22018"))
          .hasMessage("Cannot read this column as Timestamp");
      assertThatThrownBy(() -> rs.getLong("no_such_column")).isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isNotNull());
      rs.close();
      assertThatThrownBy(() -> rs.getObject(1)).isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isNotNull());
      assertThatThrownBy(rs::next).isInstanceOf(SQLException.class);
    }
  }

  @Test
  void getObjectWithAClassReadsEveryColumnAsItsOwnClassAndAsText() throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT id, label, CAST(id AS BIGINT) AS big, CAST(1.5 AS DOUBLE) AS d,"
            + " CAST(2.25 AS DECIMAL(5,2)) AS n, id > 0 AS b, CAST(NULL AS INTEGER) AS none"
            + " FROM personal_access_tokens ORDER BY id LIMIT 1")) {
      assertThat(rs.next()).isTrue();
      int id = rs.getInt(1);
      assertThat(rs.getObject(1, Integer.class)).isEqualTo(id);
      assertThat(rs.getObject("id", Long.class)).isEqualTo((long) id);
      assertThat(rs.getObject(1, String.class)).isEqualTo(Integer.toString(id));
      assertThat(rs.getObject(1, Number.class)).isEqualTo(id);
      assertThat(rs.getObject(2, String.class)).isEqualTo(rs.getString(2));
      assertThat(rs.getObject(2, Object.class)).isEqualTo(rs.getString(2));
      assertThat(rs.getObject(3, Long.class)).isEqualTo((long) id);
      assertThat(rs.getObject(4, Double.class)).isEqualTo(1.5);
      assertThat(rs.getObject(5, java.math.BigDecimal.class)).isEqualByComparingTo("2.25");
      assertThat(rs.getObject(6, Boolean.class)).isTrue();
      assertThat(rs.getObject(7, Integer.class)).isNull();
      assertThat(rs.wasNull()).isTrue();
      assertThatThrownBy(() -> rs.getObject(2, java.util.UUID.class)).isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22018"))
          .hasMessageContaining("UUID").hasMessageNotContaining("avatica").hasMessageNotContaining("Accessor");
    }
  }
}
