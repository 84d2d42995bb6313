package io.linodejdbc.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.testing.PostgresOracle;
import io.linodejdbc.testing.ResultSets;
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
 * Metabase's PostgreSQL sync (its driver's own catalog queries, src/metabase/driver/postgres.clj,
 * as HoneySQL renders them, and the pgJDBC DatabaseMetaData calls it makes) through pgJDBC,
 * against the server and a real PostgreSQL with the same table and a view of the same name and
 * columns as the server's pages view. Columns both sides fill alike are compared; where the
 * server knows more (descriptions from the API's documentation) or less (no row-count estimate)
 * the server's answer is checked on its own.
 *
 * <p>What they needed: the table list joins {@code pg_stat_user_tables} (added, empty); the
 * field list calls {@code format('%s', …)} and {@code format('%I.%I', …)} (added); the rest ran
 * on the catalog as it was.
 */
class MetabaseClientTest {
  private static PgServerFixture f;
  private static Connection server;
  private static PostgresOracle oracle;

  private static final String TABLES = "SELECT n.nspname AS schema, c.relname AS name,"
      + " CASE c.relkind WHEN 'r' THEN 'TABLE' WHEN 'p' THEN 'PARTITIONED TABLE'"
      + " WHEN 'v' THEN 'VIEW' WHEN 'f' THEN 'FOREIGN TABLE' WHEN 'm' THEN 'MATERIALIZED VIEW'"
      + " ELSE NULL END AS type, d.description AS description,"
      + " stat.n_live_tup AS estimated_row_count FROM pg_catalog.pg_class AS c"
      + " INNER JOIN pg_catalog.pg_namespace AS n ON c.relnamespace = n.oid"
      + " LEFT JOIN pg_catalog.pg_description AS d ON (c.oid = d.objoid) AND (d.objsubid = 0)"
      + " AND (d.classoid = 'pg_class'::regclass) LEFT JOIN pg_stat_user_tables AS stat"
      + " ON (n.nspname = stat.schemaname) AND (c.relname = stat.relname)"
      + " WHERE (c.relnamespace = n.oid) AND (n.nspname !~ '^pg_')"
      + " AND (n.nspname <> 'information_schema') AND c.relkind in ('r', 'p', 'v', 'f', 'm')"
      + " AND (n.nspname IN ('profile')) ORDER BY type ASC, schema ASC, name ASC";

  private static final String FIELDS = "SELECT \"c\".\"column_name\" AS \"name\","
      + " CASE WHEN \"c\".\"udt_schema\" IN ('public', 'pg_catalog')"
      + " THEN FORMAT('%s', \"c\".\"udt_name\")"
      + " ELSE FORMAT('\"%s\".\"%s\"', \"c\".\"udt_schema\", \"c\".\"udt_name\") END"
      + " AS \"database-type\", \"c\".\"ordinal_position\" - 1 AS \"database-position\","
      + " \"c\".\"table_schema\" AS \"table-schema\", \"c\".\"table_name\" AS \"table-name\","
      + " \"pk\".\"column_name\" IS NOT NULL AS \"pk?\","
      + " COL_DESCRIPTION(CAST(CAST(FORMAT('%I.%I', CAST(\"c\".\"table_schema\" AS TEXT),"
      + " CAST(\"c\".\"table_name\" AS TEXT)) AS REGCLASS) AS OID), \"c\".\"ordinal_position\")"
      + " AS \"field-comment\","
      + " ((\"column_default\" IS NULL) OR (LOWER(\"column_default\") = 'null'))"
      + " AND (\"is_nullable\" = 'NO') AND NOT (((\"column_default\" IS NOT NULL)"
      + " AND (\"column_default\" LIKE '%nextval(%')) OR (\"is_identity\" <> 'NO'))"
      + " AS \"database-required\", ((\"column_default\" IS NOT NULL)"
      + " AND (\"column_default\" LIKE '%nextval(%')) OR (\"is_identity\" <> 'NO')"
      + " AS \"database-is-auto-increment\" FROM \"information_schema\".\"columns\" AS \"c\""
      + " LEFT JOIN (SELECT \"tc\".\"table_schema\", \"tc\".\"table_name\", \"kc\".\"column_name\""
      + " FROM \"information_schema\".\"table_constraints\" AS \"tc\""
      + " INNER JOIN \"information_schema\".\"key_column_usage\" AS \"kc\""
      + " ON (\"tc\".\"constraint_name\" = \"kc\".\"constraint_name\")"
      + " AND (\"tc\".\"table_schema\" = \"kc\".\"table_schema\")"
      + " AND (\"tc\".\"table_name\" = \"kc\".\"table_name\")"
      + " WHERE \"tc\".\"constraint_type\" = 'PRIMARY KEY') AS \"pk\""
      + " ON (\"c\".\"table_schema\" = \"pk\".\"table_schema\")"
      + " AND (\"c\".\"table_name\" = \"pk\".\"table_name\")"
      + " AND (\"c\".\"column_name\" = \"pk\".\"column_name\")"
      + " WHERE c.table_schema !~ '^information_schema|catalog_history|pg_'"
      + " AND (\"c\".\"table_schema\" IN ('profile'))"
      + " AND (\"c\".\"table_name\" IN ('personal_access_tokens'))"
      + " UNION ALL SELECT \"pa\".\"attname\" AS \"name\","
      + " CASE WHEN \"ptn\".\"nspname\" IN ('public', 'pg_catalog')"
      + " THEN FORMAT('%s', \"pt\".\"typname\")"
      + " ELSE FORMAT('\"%s\".\"%s\"', \"ptn\".\"nspname\", \"pt\".\"typname\") END"
      + " AS \"database-type\", \"pa\".\"attnum\" - 1 AS \"database-position\","
      + " \"pn\".\"nspname\" AS \"table-schema\", \"pc\".\"relname\" AS \"table-name\","
      + " FALSE AS \"pk?\", NULL AS \"field-comment\", FALSE AS \"database-required\","
      + " FALSE AS \"database-is-auto-increment\" FROM \"pg_catalog\".\"pg_class\" AS \"pc\""
      + " INNER JOIN \"pg_catalog\".\"pg_namespace\" AS \"pn\" ON \"pn\".\"oid\" = \"pc\".\"relnamespace\""
      + " INNER JOIN \"pg_catalog\".\"pg_attribute\" AS \"pa\" ON \"pa\".\"attrelid\" = \"pc\".\"oid\""
      + " INNER JOIN \"pg_catalog\".\"pg_type\" AS \"pt\" ON \"pt\".\"oid\" = \"pa\".\"atttypid\""
      + " INNER JOIN \"pg_catalog\".\"pg_namespace\" AS \"ptn\" ON \"ptn\".\"oid\" = \"pt\".\"typnamespace\""
      + " WHERE (\"pc\".\"relkind\" = 'm') AND (\"pa\".\"attnum\" >= 1)"
      + " AND (\"pn\".\"nspname\" IN ('profile'))"
      + " AND (\"pc\".\"relname\" IN ('personal_access_tokens'))"
      + " ORDER BY \"table-schema\" ASC, \"table-name\" ASC, \"database-position\" ASC";

  private static final String FKS = "SELECT \"fk_ns\".\"nspname\" AS \"fk-table-schema\","
      + " \"fk_table\".\"relname\" AS \"fk-table-name\", \"fk_column\".\"attname\" AS \"fk-column-name\","
      + " \"pk_ns\".\"nspname\" AS \"pk-table-schema\", \"pk_table\".\"relname\" AS \"pk-table-name\","
      + " \"pk_column\".\"attname\" AS \"pk-column-name\" FROM \"pg_constraint\" AS \"c\""
      + " INNER JOIN \"pg_class\" AS \"fk_table\" ON \"c\".\"conrelid\" = \"fk_table\".\"oid\""
      + " INNER JOIN \"pg_namespace\" AS \"fk_ns\" ON \"c\".\"connamespace\" = \"fk_ns\".\"oid\""
      + " INNER JOIN \"pg_attribute\" AS \"fk_column\" ON \"c\".\"conrelid\" = \"fk_column\".\"attrelid\""
      + " INNER JOIN \"pg_class\" AS \"pk_table\" ON \"c\".\"confrelid\" = \"pk_table\".\"oid\""
      + " INNER JOIN \"pg_namespace\" AS \"pk_ns\" ON \"pk_table\".\"relnamespace\" = \"pk_ns\".\"oid\""
      + " INNER JOIN \"pg_attribute\" AS \"pk_column\" ON \"c\".\"confrelid\" = \"pk_column\".\"attrelid\""
      + " WHERE fk_ns.nspname !~ '^information_schema|catalog_history|pg_'"
      + " AND (\"c\".\"contype\" = 'f'::char) AND (\"fk_column\".\"attnum\" = ANY(c.conkey))"
      + " AND (\"pk_column\".\"attnum\" = ANY(c.confkey))"
      + " AND (\"fk_table\".\"relname\" IN ('personal_access_tokens'))"
      + " AND (\"fk_ns\".\"nspname\" IN ('profile'))"
      + " ORDER BY \"fk-table-schema\" ASC, \"fk-table-name\" ASC";

  private static final String INDEXES = "SELECT \"tmp\".\"table-schema\", \"tmp\".\"table-name\","
      + " TRIM(BOTH '\"' FROM PG_CATALOG.PG_GET_INDEXDEF(\"tmp\".\"ci_oid\", \"tmp\".\"pos\", FALSE))"
      + " AS \"field-name\" FROM (SELECT \"n\".\"nspname\" AS \"table-schema\","
      + " \"ct\".\"relname\" AS \"table-name\", \"ci\".\"oid\" AS \"ci_oid\","
      + " (information_schema._pg_expandarray(\"i\".\"indkey\")).\"n\" AS \"pos\""
      + " FROM \"pg_catalog\".\"pg_class\" AS \"ct\""
      + " INNER JOIN \"pg_catalog\".\"pg_namespace\" AS \"n\" ON \"ct\".\"relnamespace\" = \"n\".\"oid\""
      + " INNER JOIN \"pg_catalog\".\"pg_index\" AS \"i\" ON \"ct\".\"oid\" = \"i\".\"indrelid\""
      + " INNER JOIN \"pg_catalog\".\"pg_class\" AS \"ci\" ON \"ci\".\"oid\" = \"i\".\"indexrelid\""
      + " WHERE (PG_CATALOG.PG_GET_EXPR(\"i\".\"indpred\", \"i\".\"indrelid\") IS NULL)"
      + " AND n.nspname !~ '^information_schema|catalog_history|pg_'"
      + " AND (\"n\".\"nspname\" IN ('profile'))"
      + " AND (\"ct\".\"relname\" IN ('personal_access_tokens'))) AS \"tmp\""
      + " WHERE \"tmp\".\"pos\" = 1";

  private static final String ENUMS = "SELECT nspname, typname FROM pg_type t"
      + " JOIN pg_namespace n ON n.oid = t.typnamespace"
      + " WHERE t.oid IN (SELECT DISTINCT enumtypid FROM pg_enum e)";

  /** The privilege check of Metabase's sql-jdbc sync, per table and view. */
  private static final String PRIVILEGES = "select t.schemaname, t.objectname,"
      + " pg_catalog.has_table_privilege(current_user, '\"' || t.schemaname || '\"' || '.'"
      + " || '\"' || t.objectname || '\"', 'SELECT') OR pg_catalog.has_any_column_privilege("
      + "current_user, '\"' || t.schemaname || '\"' || '.' || '\"' || t.objectname || '\"',"
      + " 'SELECT') as \"select\" from (select schemaname, tablename as objectname"
      + " from pg_catalog.pg_tables union select schemaname, viewname as objectname"
      + " from pg_views union select schemaname, matviewname as objectname"
      + " from pg_catalog.pg_matviews) t where t.schemaname !~ '^pg_'"
      + " and t.schemaname <> 'information_schema'"
      + " and pg_catalog.has_schema_privilege(current_user, t.schemaname, 'usage')"
      + " order by 1, 2";

  @BeforeAll
  static void start() throws Exception {
    oracle = PgServerFixture.profileOracle(SampleData.demo(), PgServerFixture.PAGES_VIEW);
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

  /** The server's rows of {@code columns}, after checking they are the real PostgreSQL's. */
  private static List<List<String>> same(String sql, String... columns) throws SQLException {
    List<List<String>> expected = query(oracle.connection(), sql, columns);
    List<List<String>> actual = query(server, sql, columns);
    assertThat(actual).as(sql).isEqualTo(expected);
    return actual;
  }

  @Test
  void tableListWithDescriptions() throws SQLException {
    assertThat(same(TABLES, "schema", "name", "type")).containsExactly(
        List.of("profile", "personal_access_tokens", "TABLE"),
        List.of("profile", "personal_access_tokens_pages", "VIEW"));
    List<List<String>> server = query(MetabaseClientTest.server, TABLES, "description",
        "estimated_row_count");
    assertThat(server.get(0).get(0)).contains("Personal Access Tokens");
    // no statistics here: Metabase reads NULL as "not known"
    assertThat(server.get(0).get(1)).isNull();
  }

  @Test
  void fieldsWithTypesPositionsAndKey() throws SQLException {
    List<List<String>> fields = same(FIELDS, "name", "database-type", "database-position",
        "table-schema", "table-name", "pk?", "database-is-auto-increment");
    assertThat(fields).extracting(r -> r.get(0) + " " + r.get(1) + " " + r.get(5))
        .containsExactly("id int4 t", "created timestamp f", "expiry timestamp f",
            "label varchar f", "scopes varchar f", "token varchar f");
    List<List<String>> comments = query(server, FIELDS, "field-comment", "database-required");
    assertThat(comments.get(0).get(0)).contains("unique ID");
    assertThat(comments).extracting(r -> r.get(1)).startsWith("t", "t", "f");
  }

  @Test
  void foreignKeysIndexesEnumsAndPrivileges() throws SQLException {
    assertThat(same(FKS, "fk-table-name", "pk-table-name")).isEmpty();
    assertThat(same(INDEXES, "table-schema", "table-name", "field-name"))
        .containsExactly(List.of("profile", "personal_access_tokens", "id"));
    assertThat(same(ENUMS, "nspname", "typname")).isEmpty();
    assertThat(same(PRIVILEGES, "schemaname", "objectname", "select")).containsExactly(
        List.of("profile", "personal_access_tokens", "t"),
        List.of("profile", "personal_access_tokens_pages", "t"));
    assertThat(query(server, "show timezone", "timezone")).containsExactly(List.of("UTC"));
  }

  @Test
  void formatAsPostgres() throws SQLException {
    assertThat(same("SELECT format('%s', 'int4') AS a, format('\"%s\".\"%s\"', 'x', 'y') AS b,"
        + " format('%I.%I', 'profile', 'My Table') AS c, format('%L and %s%%', NULL, NULL) AS d,"
        + " format('%2$s %1$s', 'a', 'b') AS e", "a", "b", "c", "d", "e"))
        .containsExactly(List.of("int4", "\"x\".\"y\"", "profile.\"My Table\"", "NULL and %",
            "b a"));
    try (Statement s = server.createStatement()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> s.executeQuery("SELECT format('%s %s', 'a')"))
          .isInstanceOfSatisfying(SQLException.class,
              e -> assertThat(e.getSQLState()).isEqualTo("22023"))
          .hasMessageContaining("too few arguments for format()");
    }
  }

  @Test
  void databaseMetaDataAsMetabaseCallsIt() throws SQLException {
    DatabaseMetaData s = server.getMetaData();
    DatabaseMetaData o = oracle.connection().getMetaData();
    String[] types = {"TABLE", "PARTITIONED TABLE", "VIEW", "FOREIGN TABLE", "MATERIALIZED VIEW",
        "EXTERNAL TABLE"};
    String[] table = {"TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE"};
    assertThat(rows(s.getTables(null, "profile", "%", types), table))
        .isEqualTo(rows(o.getTables(null, "profile", "%", types), table)).hasSize(2);
    // COLUMN_SIZE differs for the time stamps: the catalog gives no precision (29, PostgreSQL's
    // for timestamp(6)) where the oracle's columns are timestamp(0) (22)
    String[] column = {"COLUMN_NAME", "DATA_TYPE", "TYPE_NAME", "ORDINAL_POSITION",
        "IS_AUTOINCREMENT"};
    assertThat(rows(s.getColumns(null, "profile", "personal_access_tokens", "%"), column))
        .isEqualTo(rows(o.getColumns(null, "profile", "personal_access_tokens", "%"), column))
        .hasSize(6);
    String[] key = {"COLUMN_NAME", "KEY_SEQ", "PK_NAME"};
    assertThat(rows(s.getPrimaryKeys(null, "profile", "personal_access_tokens"), key))
        .isEqualTo(rows(o.getPrimaryKeys(null, "profile", "personal_access_tokens"), key));
    String[] imported = {"PKTABLE_NAME", "FKCOLUMN_NAME"};
    assertThat(rows(s.getImportedKeys(null, "profile", "personal_access_tokens"), imported))
        .isEqualTo(rows(o.getImportedKeys(null, "profile", "personal_access_tokens"), imported))
        .isEmpty();
  }

  @Test
  void syncCostsNoApiRequest() throws Exception {
    f.clearRequests();
    query(server, TABLES, "name");
    query(server, FIELDS, "name");
    query(server, INDEXES, "field-name");
    server.getMetaData().getColumns(null, "profile", "%", "%").close();
    assertThat(f.sandbox.requestLog().requests()).isEmpty();
  }
}
