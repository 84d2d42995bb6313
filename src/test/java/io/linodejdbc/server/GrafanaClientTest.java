package io.linodejdbc.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.testing.PostgresOracle;
import java.math.BigDecimal;
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
 * The SQL Grafana's PostgreSQL data source sends (its frontend's meta queries for the table and
 * column pickers, its version probe, its health check, and its time-series macros as the backend
 * expands them), through pgJDBC against the server and against a real PostgreSQL holding the same
 * tokens in a table {@code profile.personal_access_tokens} with {@code search_path} profile.
 * Each query must give the same rows in both.
 *
 * <p>What each needed of the server: the search-path subquery of the table and column lists
 * ({@code FROM generate_series(array_lower(...), array_upper(...)) AS i,
 * string_to_array(...) s} and {@code s[i]}) needed a function call whose first argument is a call
 * to be read as a FROM item, and a scalar function in FROM to be a one-row relation; the column
 * list needed {@code parse_ident}.
 */
class GrafanaClientTest {
  private static PgServerFixture f;
  private static Connection server;
  private static PostgresOracle oracle;

  /** Grafana's test for "the schema is on the search path" (postgresMetaQuery.ts). */
  private static final String ON_SEARCH_PATH = "quote_ident(table_schema) IN ("
      + " SELECT CASE WHEN trim(s[i]) = '\"$user\"' THEN user ELSE trim(s[i]) END"
      + " FROM generate_series("
      + " array_lower(string_to_array(current_setting('search_path'),','),1),"
      + " array_upper(string_to_array(current_setting('search_path'),','),1)"
      + " ) as i, string_to_array(current_setting('search_path'),',') s )";

  private static final String EXCLUDED_SCHEMAS = "('information_schema', 'pg_catalog',"
      + " '_timescaledb_cache', '_timescaledb_catalog', '_timescaledb_internal',"
      + " '_timescaledb_config', 'timescaledb_information', 'timescaledb_experimental')";

  @BeforeAll
  static void start() throws Exception {
    oracle = PgServerFixture.profileOracle(SampleData.demo(), PgServerFixture.PAGES_VIEW,
        "DROP SCHEMA public CASCADE");
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

  /** Every row, each value normalised: numbers by value, the rest as text. */
  private static List<List<String>> rows(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      List<List<String>> out = new ArrayList<>();
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          Object v = rs.getObject(i);
          row.add(v instanceof Number num
              ? new BigDecimal(num.toString()).stripTrailingZeros().toPlainString()
              : String.valueOf(v));
        }
        out.add(row);
      }
      return out;
    }
  }

  /** The server's rows, after checking they are the real PostgreSQL's. */
  private static List<List<String>> same(String sql) throws SQLException {
    List<List<String>> expected = rows(oracle.connection(), sql);
    List<List<String>> actual = rows(server, sql);
    assertThat(actual).as(sql).isEqualTo(expected);
    return actual;
  }

  @Test
  void connectionTestAndVersionProbe() throws SQLException {
    assertThat(same("SELECT 1")).containsExactly(List.of("1"));
    // the version Grafana reads to offer TimescaleDB: 15.x
    assertThat(rows(server, "SELECT current_setting('server_version_num')::int/100 as version"))
        .containsExactly(List.of("1500"));
    assertThat(same("SELECT extversion FROM pg_extension WHERE extname = 'timescaledb'"))
        .isEmpty();
  }

  @Test
  void pgxPingIsAnEmptyQuery() throws Exception {
    // pgx (Grafana's driver) pings with a comment only: EmptyQueryResponse, then ready
    try (RawPgClient c = new RawPgClient(f.server.port())) {
      c.login(f.token());
      c.send(RawPgClient.message('Q', RawPgClient.cstring("-- ping")));
      assertThat(c.read().type()).isEqualTo('I');
      assertThat(c.read().type()).isEqualTo('Z');
    }
  }

  @Test
  void schemaList() throws SQLException {
    assertThat(same("SELECT schema_name AS \"name\" FROM information_schema.schemata"
        + " WHERE schema_name NOT IN ('information_schema', 'pg_catalog', 'pg_toast',"
        + " '_timescaledb_cache') ORDER BY schema_name"))
        .containsExactly(List.of("profile"));
  }

  @Test
  void tableListOfASchema() throws SQLException {
    assertThat(same("SELECT quote_ident(table_name) AS \"table\" FROM information_schema.tables"
        + " WHERE quote_ident(table_schema) = 'profile' ORDER BY 1"))
        .containsExactly(List.of("personal_access_tokens"),
            List.of("personal_access_tokens_pages"));
  }

  @Test
  void tableListOverTheSearchPath() throws SQLException {
    assertThat(same("SELECT CASE WHEN " + ON_SEARCH_PATH + " THEN quote_ident(table_name)"
        + " ELSE quote_ident(table_schema) || '.' || quote_ident(table_name) END AS \"table\""
        + " FROM information_schema.tables WHERE quote_ident(table_schema) NOT IN "
        + EXCLUDED_SCHEMAS + " ORDER BY CASE WHEN " + ON_SEARCH_PATH + " THEN 0 ELSE 1 END, 1"))
        .containsExactly(List.of("personal_access_tokens"),
            List.of("personal_access_tokens_pages"));
  }

  private static String columnsOf(String table) {
    String t = "'" + table.replace("'", "''") + "'";
    return "SELECT quote_ident(column_name) AS \"column\", data_type AS \"type\""
        + " FROM information_schema.columns WHERE"
        + " CASE WHEN array_length(parse_ident(" + t + "),1) = 2"
        + " THEN quote_ident(table_schema) = (parse_ident(" + t + "))[1]"
        + " AND quote_ident(table_name) = (parse_ident(" + t + "))[2]"
        + " ELSE quote_ident(table_name) = " + t + " AND " + ON_SEARCH_PATH + " END"
        + " ORDER BY ordinal_position";
  }

  @Test
  void columnListUnqualifiedAndQualified() throws SQLException {
    List<List<String>> columns = same(columnsOf("personal_access_tokens"));
    assertThat(columns).extracting(r -> r.get(0) + " " + r.get(1)).containsExactly(
        "id integer", "created timestamp without time zone",
        "expiry timestamp without time zone", "label character varying",
        "scopes character varying", "token character varying");
    assertThat(same(columnsOf("profile.personal_access_tokens"))).isEqualTo(columns);
    assertThat(same(columnsOf("no_such_table"))).isEmpty();
  }

  @Test
  void parseIdentAsPostgresSplitsNames() throws SQLException {
    assertThat(same("SELECT parse_ident('profile.\"My Table\"'), (parse_ident('A.b'))[1],"
        + " array_length(parse_ident('x'), 1)"))
        .containsExactly(List.of("{profile,\"My Table\"}", "a", "1"));
    try (Statement s = server.createStatement()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> s.executeQuery("SELECT parse_ident('a..b')"))
          .isInstanceOfSatisfying(SQLException.class,
              e -> assertThat(e.getSQLState()).isEqualTo("22023"))
          .hasMessageContaining("string is not a valid identifier");
    }
  }

  @Test
  void timeSeriesMacrosAsTheBackendExpandsThem() throws SQLException {
    // $__timeGroupAlias(created, '1d'), count(id) ... WHERE $__timeFilter(created)
    assertThat(same("SELECT floor(extract(epoch from created)/86400)*86400 AS \"time\","
        + " count(id) AS \"id\" FROM personal_access_tokens"
        + " WHERE created BETWEEN '2019-01-01T00:00:00Z' AND '2025-01-01T00:00:00.5Z'"
        + " GROUP BY 1 ORDER BY 1")).hasSizeGreaterThan(3);
    // $__time(created), $__timeFrom() / $__timeTo()
    assertThat(same("SELECT created AS \"time\", label FROM personal_access_tokens"
        + " WHERE created >= '2020-01-01T00:00:00Z' AND created < '2024-02-01T00:00:00Z'"
        + " ORDER BY 1")).isNotEmpty();
    // $__timeEpoch(created), $__unixEpochFilter over an epoch expression
    assertThat(same("SELECT extract(epoch from created) as \"time\", id"
        + " FROM personal_access_tokens WHERE extract(epoch from created) >= 1577836800"
        + " AND extract(epoch from created) <= 1735689600 ORDER BY 1")).isNotEmpty();
    // the visual builder's default: a column of a table, LIMIT 50
    assertThat(same("SELECT label FROM personal_access_tokens ORDER BY id LIMIT 50"))
        .hasSize(SampleData.demo().size());
  }

  @Test
  void catalogQueriesCostNoApiRequest() throws Exception {
    f.clearRequests();
    rows(server, columnsOf("personal_access_tokens"));
    rows(server, "SELECT quote_ident(table_name) FROM information_schema.tables WHERE "
        + ON_SEARCH_PATH);
    assertThat(f.sandbox.requestLog().requests()).isEmpty();
  }
}
