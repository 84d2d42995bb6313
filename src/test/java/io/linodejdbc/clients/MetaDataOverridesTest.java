package io.linodejdbc.clients;

import static io.linodejdbc.testing.ResultSets.column;
import static io.linodejdbc.testing.ResultSets.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.linodejdbc.resource.ColumnDescriptor;
import io.linodejdbc.resource.Resources;
import io.linodejdbc.sandbox.SandboxServer;
import io.linodejdbc.testing.ResultSets;
import io.linodejdbc.testing.SandboxFixture;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each DatabaseMetaData answer a client reads, and how name patterns are matched. */
class MetaDataOverridesTest {
  private static final String T = "personal_access_tokens";
  private static final String PAGES = "personal_access_tokens_pages";
  private static SandboxServer server;
  private Connection connection;
  private DatabaseMetaData md;

  @BeforeAll static void start() {
    server = SandboxFixture.demoServer();
  }

  @AfterAll static void stop() {
    server.close();
  }

  @BeforeEach void connect() throws SQLException {
    connection = SandboxFixture.connectAsClient(server);
    md = connection.getMetaData();
  }

  @AfterEach void close() throws SQLException {
    connection.close();
  }

  @Test void productDriverAndUrl() throws SQLException {
    assertThat(md.getDatabaseProductName()).isEqualTo("Linode API");
    assertThat(md.getDatabaseProductVersion()).startsWith("v4 (" + server.baseUrl());
    assertThat(md.getDatabaseMajorVersion()).isEqualTo(4);
    assertThat(md.getDriverName()).isEqualTo("linode-jdbc");
    assertThat(md.getDriverVersion()).isNotBlank();
    assertThat(md.getDriverMajorVersion()).isZero();
    assertThat(md.getDriverMinorVersion()).isEqualTo(1);
    assertThat(md.getURL()).isEqualTo("jdbc:linode:apiUrl=" + server.baseUrl())
        .doesNotContain(server.actingToken());
    assertThat(md.getUserName()).isEqualTo("dbeaver");
    assertThat(md.getConnection()).isSameAs(connection);
  }

  @Test void urlKeepsNonDefaultSettingsButNoSecret() throws SQLException {
    try (Connection c = java.sql.DriverManager.getConnection(
        SandboxFixture.clientUrl(server) + ";pageSize=100;token=" + server.actingToken(), null)) {
      assertThat(c.getMetaData().getURL())
          .isEqualTo("jdbc:linode:apiUrl=" + server.baseUrl() + ";pageSize=100");
      assertThat(c.getMetaData().getUserName()).isNull();
    }
  }

  /** Transactions defer writes to commit() (PendingWrites); reads are READ COMMITTED. */
  @Test void transactionsAreTheSameEverywhere() throws SQLException {
    assertThat(md.supportsTransactions()).isTrue();
    assertThat(md.getDefaultTransactionIsolation())
        .isEqualTo(Connection.TRANSACTION_READ_COMMITTED)
        .isEqualTo(connection.getTransactionIsolation());
    assertThat(md.supportsTransactionIsolationLevel(Connection.TRANSACTION_READ_COMMITTED))
        .isTrue();
    assertThat(md.supportsTransactionIsolationLevel(Connection.TRANSACTION_SERIALIZABLE))
        .isFalse();
    assertThat(md.supportsDataManipulationTransactionsOnly()).isTrue();
    assertThat(md.supportsSavepoints()).isFalse();
    assertThat(connection.getAutoCommit()).isTrue();
  }

  @Test void readOnlyFollowsTheConnection() throws SQLException {
    assertThat(md.isReadOnly()).isFalse().isEqualTo(connection.isReadOnly());
    connection.setReadOnly(true);
    assertThat(md.isReadOnly()).isTrue();
    connection.setReadOnly(false);
    assertThat(md.isReadOnly()).isFalse();
  }

  @Test void identifiersAsInPostgres() throws SQLException {
    assertThat(md.getIdentifierQuoteString()).isEqualTo("\"");
    assertThat(md.getSearchStringEscape()).isEqualTo("\\");
    assertThat(md.storesLowerCaseIdentifiers()).isTrue();
    assertThat(md.storesUpperCaseIdentifiers()).isFalse();
    assertThat(md.supportsMixedCaseIdentifiers()).isFalse();
    assertThat(md.supportsMixedCaseQuotedIdentifiers()).isTrue();
    assertThat(md.storesMixedCaseQuotedIdentifiers()).isTrue();
    assertThat(md.getCatalogSeparator()).isEqualTo(".");
    assertThat(md.isCatalogAtStart()).isTrue();
    // The dialect's own parser's words (RETURNING is this driver's), not Calcite's standard one's.
    assertThat(List.of(md.getSQLKeywords().split(","))).contains("LIMIT", "RETURNING")
        .doesNotContain("SELECT");
    assertThat(md.supportsGetGeneratedKeys()).isTrue();
  }

  @Test void oneCatalogOneSchemaConsistentWithTheConnection() throws SQLException {
    assertThat(column(md.getCatalogs(), "TABLE_CAT")).containsExactly("linode");
    assertThat(rows(md.getSchemas())).containsExactly(
        Map.of("TABLE_SCHEM", "profile", "TABLE_CATALOG", "linode"));
    assertThat(connection.getCatalog()).isEqualTo("linode");
    assertThat(connection.getSchema()).isEqualTo("profile");
    connection.setCatalog("linode");
    assertThat(connection.getCatalog()).isEqualTo("linode");
    assertThat(column(md.getSchemas("linode", "prof%"), "TABLE_SCHEM")).containsExactly("profile");
    assertThat(column(md.getSchemas("linode", null), "TABLE_SCHEM")).containsExactly("profile");
    assertThat(column(md.getSchemas(null, "%"), "TABLE_SCHEM")).containsExactly("profile");
    assertThat(column(md.getSchemas("other", null), "TABLE_SCHEM")).isEmpty();
    assertThat(column(md.getSchemas("", null), "TABLE_SCHEM")).isEmpty();
    assertThat(column(md.getSchemas(null, "metadata"), "TABLE_SCHEM")).isEmpty();
  }

  @Test void tablesUnderTheirThreePartName() throws SQLException {
    List<Map<String, Object>> tables = rows(md.getTables(null, null, "%", null));
    assertThat(tables).extracting(r -> r.get("TABLE_CAT") + "." + r.get("TABLE_SCHEM") + "."
        + r.get("TABLE_NAME") + " " + r.get("TABLE_TYPE"))
        .containsExactly("linode.profile." + T + " TABLE", "linode.profile." + PAGES + " VIEW");
    assertThat(tables.get(0).get("REMARKS"))
        .isEqualTo(Resources.PERSONAL_ACCESS_TOKENS.description());
    assertThat((String) tables.get(1).get("REMARKS")).contains("one row per page");
    assertThat(column(md.getTableTypes(), "TABLE_TYPE")).containsExactly("TABLE", "VIEW");
  }

  @Test void theNamesAClientBuildsRunAsSql() throws SQLException {
    String q = md.getIdentifierQuoteString();
    try (ResultSet rs = md.getTables(null, null, null, new String[] {"TABLE", "VIEW"});
         Statement s = connection.createStatement()) {
      int n = 0;
      while (rs.next()) {
        String name = q + rs.getString("TABLE_CAT") + q + md.getCatalogSeparator() + q
            + rs.getString("TABLE_SCHEM") + q + "." + q + rs.getString("TABLE_NAME") + q;
        try (ResultSet data = s.executeQuery("SELECT * FROM " + name)) {
          assertThat(data.next()).as(name).isTrue();
        }
        n++;
      }
      assertThat(n).isEqualTo(2);
    }
  }

  @Test void tablePatternsTypesAndCatalogs() throws SQLException {
    assertThat(column(md.getTables(null, null, T, null), "TABLE_NAME")).containsExactly(T);
    assertThat(column(md.getTables(null, null, "personal\\_access\\_tokens", null),
        "TABLE_NAME")).containsExactly(T);
    assertThat(column(md.getTables(null, null, "personal_access_tokens%", null), "TABLE_NAME"))
        .containsExactly(T, PAGES);
    assertThat(column(md.getTables(null, null, "%\\_pages", null), "TABLE_NAME"))
        .containsExactly(PAGES);
    assertThat(column(md.getTables(null, null, "personal_access_token_", null), "TABLE_NAME"))
        .containsExactly(T);
    assertThat(column(md.getTables(null, null, "PERSONAL_ACCESS_TOKENS", null), "TABLE_NAME"))
        .isEmpty(); // stored in lower case, like unquoted names in PostgreSQL
    assertThat(column(md.getTables("linode", "profile", "%", new String[] {"TABLE"}),
        "TABLE_NAME")).containsExactly(T);
    assertThat(column(md.getTables(null, null, null, new String[] {"view"}), "TABLE_NAME"))
        .containsExactly(PAGES);
    assertThat(column(md.getTables(null, null, null, new String[] {"SYSTEM TABLE"}),
        "TABLE_NAME")).isEmpty();
    assertThat(column(md.getTables("nope", null, null, null), "TABLE_NAME")).isEmpty();
    assertThat(column(md.getTables("", null, null, null), "TABLE_NAME")).isEmpty();
    assertThat(column(md.getTables(null, "", null, null), "TABLE_NAME")).isEmpty();
    assertThat(column(md.getTables(null, "p_ofile", null, null), "TABLE_NAME")).hasSize(2);
    assertThat(column(md.getTables(null, "metadata", null, null), "TABLE_NAME")).isEmpty();
  }

  @Test void columnsWithCleanTypesAndTheApiDescriptions() throws SQLException {
    List<Map<String, Object>> cols = rows(md.getColumns("linode", "profile", T, null));
    assertThat(cols).extracting(r -> r.get("COLUMN_NAME") + " " + r.get("TYPE_NAME") + " "
        + r.get("DATA_TYPE") + " " + r.get("COLUMN_SIZE") + " " + r.get("NULLABLE") + " "
        + r.get("IS_NULLABLE") + " " + r.get("ORDINAL_POSITION"))
        .containsExactly(
            "id INTEGER 4 10 0 NO 1",
            "created TIMESTAMP 93 19 0 NO 2",
            "expiry TIMESTAMP 93 19 1 YES 3",
            "label VARCHAR 12 100 1 YES 4",
            "scopes VARCHAR 12 2147483647 1 YES 5",
            "token VARCHAR 12 2147483647 1 YES 6");
    for (Map<String, Object> c : cols) {
      ColumnDescriptor d = Resources.PERSONAL_ACCESS_TOKENS.column((String) c.get("COLUMN_NAME"))
          .orElseThrow();
      assertThat(c.get("REMARKS")).isEqualTo(d.description());
      assertThat(c.get("TABLE_CAT")).isEqualTo("linode");
      assertThat(c.get("TABLE_SCHEM")).isEqualTo("profile");
      assertThat(c.get("IS_AUTOINCREMENT")).isEqualTo(d.name().equals("id") ? "YES" : "NO");
      assertThat(c.get("IS_GENERATEDCOLUMN")).isEqualTo("NO");
    }
    try (ResultSet rs = md.getColumns(null, null, T, "label")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt("COLUMN_SIZE")).isEqualTo(100);
      assertThat(rs.getInt("DATA_TYPE")).isEqualTo(Types.VARCHAR);
      assertThat(rs.getShort("NULLABLE")).isEqualTo((short) DatabaseMetaData.columnNullable);
      assertThat(rs.next()).isFalse();
    }
    assertThat(column(md.getColumns(null, "profile", "%", "%e%"), "COLUMN_NAME"))
        .containsExactly("created", "expiry", "label", "scopes", "token", "page", "pages", "results");
    assertThat(column(md.getColumns(null, null, "personal\\_access\\_tokens", "_d"),
        "COLUMN_NAME")).containsExactly("id");
    assertThat(column(md.getColumns("x", null, null, null), "COLUMN_NAME")).isEmpty();
  }

  /** getColumns must say what a query of the table reports. */
  @Test void columnsAgreeWithTheQueryResultMetaData() throws SQLException {
    for (String table : List.of(T, PAGES)) {
      List<Map<String, Object>> cols = rows(md.getColumns(null, null, table, null));
      try (Statement s = connection.createStatement();
           ResultSet rs = s.executeQuery("SELECT * FROM linode.profile." + table)) {
        ResultSetMetaData rmd = rs.getMetaData();
        assertThat(cols).hasSize(rmd.getColumnCount());
        for (int i = 1; i <= rmd.getColumnCount(); i++) {
          Map<String, Object> c = cols.get(i - 1);
          assertThat(c.get("COLUMN_NAME")).isEqualTo(rmd.getColumnName(i));
          assertThat(c.get("DATA_TYPE")).isEqualTo(rmd.getColumnType(i));
          assertThat(c.get("TYPE_NAME")).isEqualTo(rmd.getColumnTypeName(i));
          assertThat(c.get("NULLABLE")).isEqualTo(rmd.isNullable(i));
        }
      }
    }
  }

  @Test void primaryKeyAndItsIndex() throws SQLException {
    assertThat(rows(md.getPrimaryKeys("linode", "profile", T))).containsExactly(Map.of(
        "TABLE_CAT", "linode", "TABLE_SCHEM", "profile", "TABLE_NAME", T, "COLUMN_NAME", "id",
        "KEY_SEQ", 1, "PK_NAME", T + "_pkey"));
    assertThat(column(md.getPrimaryKeys(null, null, PAGES), "COLUMN_NAME")).isEmpty();
    assertThat(column(md.getPrimaryKeys(null, null, "%"), "COLUMN_NAME")).containsExactly("id");
    List<Map<String, Object>> index = rows(md.getIndexInfo(null, null, T, true, true));
    assertThat(index).hasSize(1);
    assertThat(index.get(0)).containsEntry("INDEX_NAME", T + "_pkey")
        .containsEntry("NON_UNIQUE", false).containsEntry("COLUMN_NAME", "id")
        .containsEntry("ORDINAL_POSITION", 1);
    assertThat(column(md.getIndexInfo(null, null, PAGES, false, true), "INDEX_NAME")).isEmpty();
    assertThat(column(md.getBestRowIdentifier(null, null, T, DatabaseMetaData.bestRowSession,
        false), "COLUMN_NAME")).containsExactly("id");
    try (ResultSet rs = md.getImportedKeys(null, null, T)) {
      assertThat(rs.getMetaData().getColumnCount()).isEqualTo(14);
      assertThat(rs.next()).isFalse();
    }
    assertThat(rows(md.getExportedKeys(null, null, T))).isEmpty();
    assertThat(rows(md.getCrossReference(null, null, T, null, null, T))).isEmpty();
  }

  @Test void typeInfoOrderedByDataTypeAndCoversEveryColumnType() throws SQLException {
    List<Map<String, Object>> types = rows(md.getTypeInfo());
    List<Integer> dataTypes = types.stream().map(r -> (Integer) r.get("DATA_TYPE")).toList();
    assertThat(dataTypes).isSorted();
    assertThat(types).extracting(r -> r.get("TYPE_NAME"))
        .contains("INTEGER", "TIMESTAMP", "VARCHAR", "BOOLEAN", "BIGINT", "DECIMAL");
    assertThat(types).allSatisfy(r -> assertThat((String) r.get("TYPE_NAME"))
        .doesNotContain("NOT NULL").doesNotContain("JavaType"));
  }

  @Test void noProceduresNoFunctions() throws SQLException {
    try (ResultSet rs = md.getProcedures(null, null, "%")) {
      assertThat(rs.getMetaData().getColumnCount()).isEqualTo(9);
      assertThat(rs.next()).isFalse();
    }
    try (ResultSet rs = md.getFunctions(null, null, "%")) {
      assertThat(rs.getMetaData().getColumnLabel(3)).isEqualTo("FUNCTION_NAME");
      assertThat(rs.next()).isFalse();
    }
  }
}
