package io.linodejdbc.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.linodejdbc.sandbox.SampleData;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The system catalogs through the server, as clients query them: answered from the resource
 * descriptors, at no API cost.
 */
class PgCatalogClientTest {
  private static PgServerFixture f;
  private static Connection c;

  @BeforeAll
  static void start() throws SQLException {
    f = PgServerFixture.start(SampleData.demo());
    c = f.connect();
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  private static List<List<String>> rows(String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      List<List<String>> out = new ArrayList<>();
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getString(i));
        }
        out.add(row);
      }
      return out;
    }
  }

  @Test
  void catalogQueriesCostNoApiRequest() throws Exception {
    f.clearRequests();
    rows("SELECT * FROM pg_catalog.pg_class");
    rows("SELECT * FROM pg_attribute a JOIN pg_type t ON a.atttypid = t.oid");
    rows("SELECT * FROM information_schema.columns");
    rows("SELECT version(), current_database(), pg_catalog.format_type(23, -1)");
    assertThat(f.sandbox.requestLog().requests()).isEmpty();
  }

  @Test
  void tablesOfTheProfileSchemaWithKindsAndOwner() throws SQLException {
    assertThat(rows("SELECT n.nspname, c.relname, c.relkind, pg_catalog.pg_get_userbyid(c.relowner)"
        + " FROM pg_catalog.pg_class c LEFT JOIN pg_catalog.pg_namespace n"
        + " ON n.oid = c.relnamespace WHERE n.nspname = 'profile' AND c.relkind IN ('r', 'v')"
        + " AND pg_catalog.pg_table_is_visible(c.oid) ORDER BY 1, 2"))
        .containsExactly(List.of("profile", "personal_access_tokens", "r", "linode"),
            List.of("profile", "personal_access_tokens_pages", "v", "linode"));
  }

  @Test
  void columnsWithPostgresTypesAndTheApiDescriptions() throws SQLException {
    List<List<String>> columns = rows("SELECT a.attname, format_type(a.atttypid, a.atttypmod),"
        + " a.attnotnull, col_description(a.attrelid, a.attnum)"
        + " FROM pg_attribute a WHERE a.attrelid = regclass('profile.personal_access_tokens')"
        + " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum");
    assertThat(columns).extracting(r -> r.get(0) + " " + r.get(1) + " " + r.get(2))
        .containsExactly("id integer t", "created timestamp without time zone t",
            "expiry timestamp without time zone f", "label character varying(100) f",
            "scopes character varying f", "token character varying f");
    assertThat(columns.get(0).get(3)).contains("unique ID");
    assertThat(rows("SELECT obj_description(regclass('personal_access_tokens'), 'pg_class')")
        .get(0).get(0)).contains("Personal Access Tokens");
  }

  @Test
  void primaryKeyThroughIndexAndConstraint() throws SQLException {
    assertThat(rows("SELECT c2.relname, i.indisprimary, pg_get_indexdef(i.indexrelid, 0, true),"
        + " pg_get_constraintdef(con.oid, true) FROM pg_class c, pg_class c2, pg_index i"
        + " LEFT JOIN pg_constraint con ON (conrelid = i.indrelid AND conindid = i.indexrelid"
        + " AND contype IN ('p', 'u', 'x'))"
        + " WHERE c.oid = regclass('personal_access_tokens') AND c.oid = i.indrelid"
        + " AND i.indexrelid = c2.oid"))
        .containsExactly(List.of("personal_access_tokens_pkey", "t",
            "CREATE UNIQUE INDEX personal_access_tokens_pkey ON"
                + " profile.personal_access_tokens USING btree (id)", "PRIMARY KEY (id)"));
  }

  @Test
  void informationSchemaAsTheStandardSaysAndPostgresSpells() throws SQLException {
    assertThat(rows("SELECT table_schema, table_name, table_type FROM information_schema.tables"
        + " WHERE table_schema = 'profile' ORDER BY table_name"))
        .containsExactly(List.of("profile", "personal_access_tokens", "BASE TABLE"),
            List.of("profile", "personal_access_tokens_pages", "VIEW"));
    assertThat(rows("SELECT column_name, data_type, is_nullable, character_maximum_length,"
        + " udt_name FROM information_schema.columns WHERE table_name = 'personal_access_tokens'"
        + " ORDER BY ordinal_position"))
        .extracting(r -> String.join(" ", r.stream().map(String::valueOf).toList()))
        .containsExactly("id integer NO null int4", "created timestamp without time zone NO"
            + " null timestamp", "expiry timestamp without time zone YES null timestamp",
            "label character varying YES 100 varchar", "scopes character varying YES null"
                + " varchar", "token character varying YES null varchar");
    assertThat(rows("SELECT k.column_name FROM information_schema.table_constraints t"
        + " JOIN information_schema.key_column_usage k ON k.constraint_name = t.constraint_name"
        + " WHERE t.constraint_type = 'PRIMARY KEY' AND t.table_name = 'personal_access_tokens'"))
        .containsExactly(List.of("id"));
  }

  @Test
  void sessionFunctionsAndUnknownNames() throws SQLException {
    assertThat(rows("SELECT version()").get(0).get(0)).startsWith("PostgreSQL 15.0 ");
    assertThat(rows("SELECT current_database(), pg_catalog.current_database(),"
        + " current_setting('search_path'), quote_ident('Mixed Case')"))
        .containsExactly(List.of("linode", "linode", "profile", "\"Mixed Case\""));
    assertThat(rows("SELECT regclass('pg_class'), pg_catalog.regtype('integer'),"
        + " regnamespace('profile') = (SELECT oid FROM pg_namespace WHERE nspname = 'profile')"))
        .containsExactly(List.of("1259", "23", "t"));
    try (Statement s = c.createStatement()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() ->
              s.executeQuery("SELECT regclass('no_such_table')"))
          .isInstanceOfSatisfying(SQLException.class, e ->
              assertThat(e.getSQLState()).isEqualTo("42P01"))
          .hasMessageContaining("relation \"no_such_table\" does not exist");
    }
  }

  @Test
  void pgJdbcDatabaseMetaDataTables() throws SQLException {
    List<String> tables = new ArrayList<>();
    try (ResultSet rs = c.getMetaData().getTables(null, "profile", "%",
        new String[] {"TABLE", "VIEW"})) {
      while (rs.next()) {
        tables.add(rs.getString("TABLE_CAT") + "." + rs.getString("TABLE_SCHEM") + "."
            + rs.getString("TABLE_NAME") + " " + rs.getString("TABLE_TYPE") + " "
            + (rs.getString("REMARKS") != null));
      }
    }
    assertThat(tables).containsExactly("linode.profile.personal_access_tokens TABLE true",
        "linode.profile.personal_access_tokens_pages VIEW false");
  }

  @Test
  void pgJdbcDatabaseMetaDataPrimaryKey() throws SQLException {
    // pgJDBC's query: (information_schema._pg_expandarray(i.indkey)).n in a select list
    List<String> keys = new ArrayList<>();
    try (ResultSet rs = c.getMetaData().getPrimaryKeys(null, "profile", "personal_access_tokens")) {
      while (rs.next()) {
        keys.add(rs.getString("TABLE_SCHEM") + "." + rs.getString("TABLE_NAME") + " "
            + rs.getString("COLUMN_NAME") + " " + rs.getInt("KEY_SEQ") + " " + rs.getString("PK_NAME"));
      }
    }
    assertThat(keys).containsExactly("profile.personal_access_tokens id 1 personal_access_tokens_pkey");
  }

  @Test
  void pgJdbcDatabaseMetaDataIndexInfo() throws SQLException {
    // (information_schema._pg_expandarray(i.indkey)).n, tmp.CARDINALITY, I_INDOPTION[...] & 1
    List<String> indexes = new ArrayList<>();
    try (ResultSet rs = c.getMetaData().getIndexInfo(null, "profile", "personal_access_tokens",
        false, false)) {
      while (rs.next()) {
        indexes.add(rs.getString("INDEX_NAME") + " " + rs.getBoolean("NON_UNIQUE") + " "
            + rs.getInt("ORDINAL_POSITION") + " " + rs.getString("COLUMN_NAME") + " "
            + rs.getString("ASC_OR_DESC"));
      }
    }
    assertThat(indexes).containsExactly("personal_access_tokens_pkey false 1 id A");
  }

  @Test
  void pgJdbcDatabaseMetaDataColumns() throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    List<String> columns = new ArrayList<>();
    try (ResultSet rs = md.getColumns(null, "profile", "personal_access_tokens", "%")) {
      while (rs.next()) {
        columns.add(rs.getString("COLUMN_NAME") + " " + rs.getString("TYPE_NAME") + " "
            + rs.getInt("COLUMN_SIZE") + " " + rs.getString("IS_NULLABLE") + " "
            + (rs.getString("REMARKS") != null));
      }
    }
    try (ResultSet rs = md.getColumns(null, "profile", "personal_access_tokens", "id")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("TABLE_CAT")).isEqualTo("linode"); // select current_catalog
    }
    assertThat(columns).containsExactly("id int4 10 NO true", "created timestamp 29 NO true",
        "expiry timestamp 29 YES true", "label varchar 100 YES true",
        "scopes varchar 2147483647 YES true", "token varchar 2147483647 YES true");
  }

  @Test
  void pgJdbcDatabaseMetaDataSchemasAndCatalog() throws SQLException {
    List<String> schemas = new ArrayList<>();
    try (ResultSet rs = c.getMetaData().getSchemas()) {
      while (rs.next()) {
        schemas.add(rs.getString("TABLE_SCHEM") + "@" + rs.getString("TABLE_CATALOG"));
      }
    }
    assertThat(schemas).containsExactly("information_schema@linode", "pg_catalog@linode",
        "profile@linode");
    assertThat(c.getCatalog()).isEqualTo("linode");
  }

  @Test
  void arrayConstantsAndArrayFunctions() throws SQLException {
    // psql's policy query: an untyped string against an int array is an array constant.
    assertThat(rows("SELECT conkey = '{1}', conkey = '{2}', conkey = '{1,2}',"
        + " array_upper(conkey, 1), array_lower(conkey, 1), array_length(conkey, 2)"
        + " FROM pg_constraint WHERE contype = 'p'"))
        .containsExactly(List.of("t", "f", "f", "1", "1", "null").stream()
            .map(v -> v.equals("null") ? null : v).toList());
    assertThat(rows("SELECT COUNT(*) FROM pg_policy WHERE polroles = '{0}'"))
        .containsExactly(List.of("0"));
    // psql's statistics query: a string against the elements of a text array.
    assertThat(rows("SELECT 'd' = any(stxkind) FROM pg_statistic_ext")).isEmpty();
    assertThat(rows("SELECT 'b' = ANY(reloptions) FROM pg_class WHERE relname = 'pg_class'"))
        .containsExactly(java.util.Collections.singletonList(null));
    // pgJDBC's getTypeInfo: array types' input function is array_in.
    assertThat(rows("SELECT typname FROM pg_type WHERE typinput = 'pg_catalog.array_in'::regproc"
        + " AND typelem = 23")).containsExactly(List.of("_int4"));
    // an element of the search path, used as text.
    assertThat(rows("SELECT replace((current_schemas(true))[1], 'pg_', 'x_'),"
        + " (current_schemas(false))[1]")).containsExactly(List.of("x_catalog", "profile"));
  }
}
