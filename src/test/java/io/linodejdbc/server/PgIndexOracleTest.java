package io.linodejdbc.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.testing.PostgresOracle;
import io.linodejdbc.testing.ResultSets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code pg_index} as PostgreSQL has it: {@code indkey} and {@code indoption} are
 * {@code int2vector}s, subscripted from 0 and written "1 2" as text; pgJDBC's
 * {@code getIndexInfo} and {@code getPrimaryKeys} give what they give on a real PostgreSQL with
 * the same table and key.
 */
class PgIndexOracleTest {
  private static PgServerFixture f;
  private static Connection server;
  private static PostgresOracle oracle;

  @BeforeAll
  static void start() throws Exception {
    oracle = PgServerFixture.profileOracle(SampleData.demo());
    f = PgServerFixture.start(SampleData.demo());
    server = f.connect();
  }

  @AfterAll
  static void stop() {
    if (f != null) {
      f.close();
    }
    if (oracle != null) {
      oracle.close();
    }
  }

  private static List<List<String>> rows(ResultSet rs, String... columns) throws SQLException {
    return ResultSets.values(rs, columns);
  }

  private static List<List<String>> query(Connection c, String sql, String... columns)
      throws SQLException {
    return ResultSets.values(c, sql, columns);
  }

  @Test
  void int2vectorSubscriptsFromZeroAndTextWithSpaces() throws SQLException {
    String sql = "SELECT i.indkey[0] AS k0, i.indoption[0] AS o0, i.indkey[1] AS k1,"
        + " i.indkey::varchar AS ktext, i.indoption::varchar AS otext, i.indnatts,"
        + " i.indnkeyatts, i.indisprimary, i.indisunique, a.attname AS first_column"
        + " FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid"
        + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]"
        + " WHERE c.relname = 'personal_access_tokens'";
    String[] columns = {"k0", "o0", "k1", "ktext", "otext", "indnatts", "indnkeyatts",
        "indisprimary", "indisunique", "first_column"};
    List<List<String>> expected = query(oracle.connection(), sql, columns);
    assertThat(expected).containsExactly(java.util.Arrays.asList("1", "0", null, "1", "0", "1",
        "1", "t", "t", "id"));
    assertThat(query(server, sql, columns)).isEqualTo(expected);
  }

  @Test
  void booleanSpellingsOfAStringConstantAsPostgres() throws SQLException {
    // SQLAlchemy's get_indexes asks for ix.indisprimary = 'f'
    String sql = "SELECT count(*) AS n, 't'::boolean AS a, 'yes'::boolean AS b,"
        + " ' Off '::boolean AS c, '1'::boolean AS d, 'fa'::boolean AS e"
        + " FROM pg_index ix WHERE ix.indisprimary = 'f'"
        + " AND ix.indrelid = 'profile.personal_access_tokens'::regclass";
    String[] columns = {"n", "a", "b", "c", "d", "e"};
    List<List<String>> expected = query(oracle.connection(), sql, columns);
    assertThat(expected).containsExactly(List.of("0", "t", "t", "f", "t", "f"));
    assertThat(query(server, sql, columns)).isEqualTo(expected);
    try (Statement s = server.createStatement()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> s.executeQuery("SELECT 'o'::boolean"))
          .isInstanceOfSatisfying(SQLException.class,
              e -> assertThat(e.getSQLState()).isEqualTo("22P02"))
          .hasMessageContaining("invalid input syntax for type boolean: \"o\"");
    }
  }

  @Test
  void keyColumnsThroughAnyAndUnnestAsPostgres() throws SQLException {
    String sql = "SELECT a.attname, k.ord FROM pg_attribute a JOIN (SELECT unnest(ix.indkey)"
        + " AS attnum, generate_subscripts(ix.indkey, 1) AS ord FROM pg_index ix"
        + " WHERE ix.indrelid = 'profile.personal_access_tokens'::regclass AND ix.indisprimary)"
        + " k ON a.attnum = k.attnum WHERE a.attrelid = 'profile.personal_access_tokens'::regclass"
        + " ORDER BY k.ord";
    // the subscript's origin differs (0 in PostgreSQL): only the names are compared
    assertThat(query(server, sql, "attname")).isEqualTo(query(oracle.connection(), sql,
        "attname")).containsExactly(List.of("id"));
    String any = "SELECT a.attname FROM pg_index ix JOIN pg_attribute a"
        + " ON a.attrelid = ix.indrelid AND a.attnum = ANY(ix.indkey)"
        + " WHERE ix.indrelid = 'profile.personal_access_tokens'::regclass";
    assertThat(query(server, any, "attname")).isEqualTo(query(oracle.connection(), any,
        "attname"));
  }

  @Test
  void pgJdbcIndexInfoAndPrimaryKeysAsOnPostgres() throws SQLException {
    String[] index = {"TABLE_SCHEM", "TABLE_NAME", "NON_UNIQUE", "INDEX_NAME", "TYPE",
        "ORDINAL_POSITION", "COLUMN_NAME", "ASC_OR_DESC"};
    List<List<String>> expected = rows(oracle.connection().getMetaData().getIndexInfo(null,
        "profile", "personal_access_tokens", false, false), index);
    assertThat(expected).hasSize(1);
    assertThat(rows(server.getMetaData().getIndexInfo(null, "profile",
        "personal_access_tokens", false, false), index)).isEqualTo(expected);
    String[] key = {"TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME"};
    assertThat(rows(server.getMetaData().getPrimaryKeys(null, "profile",
        "personal_access_tokens"), key)).isEqualTo(rows(oracle.connection().getMetaData()
        .getPrimaryKeys(null, "profile", "personal_access_tokens"), key));
  }
}
