package io.linodejdbc.clients;

import static io.linodejdbc.testing.ResultSets.column;
import static io.linodejdbc.testing.ResultSets.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.linodejdbc.sandbox.SandboxServer;
import io.linodejdbc.testing.ResultSets;
import io.linodejdbc.testing.SandboxFixture;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JDBC calls DBeaver's generic plugin makes (JDBCDataSource, JDBCDataSourceInfo,
 * JDBCSQLDialect, GenericDataSource, GenericMetaModel), in its order: connect, read the dialect,
 * browse the navigator (catalogs, schemas, tables, columns, keys, indexes, procedures), open a
 * table's data tab, run a statement in the SQL editor. DBeaver shows any exception of these as an
 * error, so none may throw; the answers are checked for what DBeaver does with them.
 */
class DbeaverReplayTest {
  private static SandboxServer server;

  @BeforeAll static void start() {
    server = SandboxFixture.demoServer();
  }

  @AfterAll static void stop() {
    server.close();
  }

  @Test void connectBrowseOpenAndQuery() throws SQLException {
    // Driver manager dialog: driver class, URL, properties page.
    Driver driver = DriverManager.getDriver("jdbc:linode:");
    assertThat(driver.getClass().getName()).isEqualTo("io.linodejdbc.jdbc.LinodeDriver");
    DriverPropertyInfo[] props = driver.getPropertyInfo(SandboxFixture.clientUrl(server), null);
    assertThat(props).extracting(p -> p.name).contains("token", "password", "apiUrl");

    // JDBCDataSource.openConnection + initContext: user/password, auto-commit as configured.
    try (Connection c = driver.connect(SandboxFixture.clientUrl(server),
        SandboxFixture.clientCredentials(server))) {
      c.setAutoCommit(true);
      assertThat(c.getAutoCommit()).isTrue();
      assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
      c.setReadOnly(false);
      try {
        // DBeaver sets the application name and logs (at debug level) a driver's refusal.
        c.setClientInfo("ApplicationName", "DBeaver 25.0.0 - Main");
      } catch (java.sql.SQLClientInfoException ignored) {
        // Calcite/Avatica keep no client info; DBeaver goes on.
      }
      assertThat((Object) c.getWarnings()).isNull();

      // JDBCDataSourceInfo.
      DatabaseMetaData md = c.getMetaData();
      assertThat(md.getDatabaseProductName()).isEqualTo("Linode API");
      assertThat(md.getDatabaseProductVersion()).isNotBlank();
      assertThat(md.getDriverName()).isEqualTo("linode-jdbc");
      assertThat(md.getDriverVersion()).isNotBlank();
      assertThat(md.supportsTransactions()).isTrue();
      assertThat(md.getDefaultTransactionIsolation())
          .isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
      for (int level : new int[] {Connection.TRANSACTION_REPEATABLE_READ,
          Connection.TRANSACTION_SERIALIZABLE}) {
        assertThat(md.supportsTransactionIsolationLevel(level)).isFalse();
      }
      assertThat(md.supportsTransactionIsolationLevel(Connection.TRANSACTION_READ_COMMITTED))
          .isTrue();
      assertThat(md.supportsResultSetType(ResultSet.TYPE_FORWARD_ONLY)).isTrue();
      md.supportsBatchUpdates();
      md.supportsMultipleResultSets();
      md.supportsSavepoints();
      md.supportsStoredProcedures();
      md.getSchemaTerm();
      md.getProcedureTerm();
      assertThat(md.getCatalogTerm()).isNotBlank();
      md.supportsCatalogsInDataManipulation();
      md.supportsSchemasInDataManipulation();
      md.supportsCatalogsInTableDefinitions();
      md.supportsSchemasInTableDefinitions();
      md.getMaxTableNameLength();
      md.isReadOnly();

      // JDBCSQLDialect.initDriverSettings.
      assertThat(md.getSQLKeywords()).isNotBlank();
      assertThat(md.getNumericFunctions()).contains("ABS");
      assertThat(md.getStringFunctions()).isNotBlank();
      assertThat(md.getSystemFunctions()).isNotNull();
      assertThat(md.getTimeDateFunctions()).isNotBlank();
      assertThat(md.getIdentifierQuoteString()).isEqualTo("\"");
      assertThat(md.getSearchStringEscape()).isEqualTo("\\");
      assertThat(md.getExtraNameCharacters()).isNotNull();
      assertThat(md.storesUpperCaseIdentifiers()).isFalse();
      assertThat(md.storesLowerCaseIdentifiers()).isTrue();
      assertThat(md.storesMixedCaseIdentifiers()).isFalse();
      assertThat(md.supportsMixedCaseIdentifiers()).isFalse();
      assertThat(md.supportsMixedCaseQuotedIdentifiers()).isTrue();
      assertThat(md.storesMixedCaseQuotedIdentifiers()).isTrue();
      assertThat(md.getCatalogSeparator()).isEqualTo(".");
      assertThat(md.isCatalogAtStart()).isTrue();
      md.supportsSubqueriesInComparisons();
      md.supportsSubqueriesInExists();
      md.supportsSubqueriesInIns();
      md.supportsExpressionsInOrderBy();
      md.supportsUnion();
      md.supportsUnionAll();
      md.nullsAreSortedAtEnd();

      // Data types (JDBCBasicDataTypeCache).
      List<Map<String, Object>> types = rows(md.getTypeInfo());
      assertThat(types).extracting(t -> t.get("TYPE_NAME"))
          .contains("INTEGER", "TIMESTAMP", "VARCHAR");

      // Default context: current catalog and schema (DBeaver selects them in the navigator).
      String catalog = c.getCatalog();
      String schema = c.getSchema();
      assertThat(catalog).isEqualTo("linode");
      assertThat(schema).isEqualTo("profile");

      // GenericDataSource.initialize: table types, catalogs, schemas of each catalog.
      assertThat(column(md.getTableTypes(), "TABLE_TYPE")).contains("TABLE", "VIEW");
      List<String> catalogs = column(md.getCatalogs(), "TABLE_CAT");
      assertThat(catalogs).containsExactly(catalog);
      List<Map<String, Object>> schemas = rows(md.getSchemas(catalog, "%"));
      assertThat(schemas).containsExactly(Map.of("TABLE_SCHEM", schema, "TABLE_CATALOG",
          catalog));

      // Navigator: tables of the schema (schema name escaped with getSearchStringEscape).
      String schemaPattern = escape(md, schema);
      List<Map<String, Object>> tables = rows(md.getTables(catalog, schemaPattern, "%", null));
      assertThat(tables).extracting(t -> t.get("TABLE_NAME") + ":" + t.get("TABLE_TYPE"))
          .containsExactly("personal_access_tokens:TABLE", "personal_access_tokens_pages:VIEW");
      assertThat(tables).allSatisfy(t -> assertThat(t.get("REMARKS")).isNotNull());

      // Columns of the whole schema at once, then of one table (name escaped).
      assertThat(rows(md.getColumns(catalog, schemaPattern, "%", "%"))).hasSize(10);
      List<Map<String, Object>> columns = rows(md.getColumns(catalog, schemaPattern,
          escape(md, "personal_access_tokens"), "%"));
      assertThat(columns).extracting(r -> r.get("COLUMN_NAME") + " " + r.get("TYPE_NAME"))
          .containsExactly("id INTEGER", "created TIMESTAMP", "expiry TIMESTAMP",
              "label VARCHAR", "scopes VARCHAR", "token VARCHAR");

      // Constraints, foreign keys, indexes: table pattern % for the whole schema, then the table.
      assertThat(rows(md.getPrimaryKeys(catalog, schema, "%"))).extracting(
          r -> r.get("TABLE_NAME") + "." + r.get("COLUMN_NAME") + " " + r.get("PK_NAME"))
          .containsExactly("personal_access_tokens.id personal_access_tokens_pkey");
      assertThat(rows(md.getPrimaryKeys(catalog, schema, "personal_access_tokens"))).hasSize(1);
      assertThat(rows(md.getImportedKeys(catalog, schema, "%"))).isEmpty();
      assertThat(rows(md.getImportedKeys(catalog, schema, "personal_access_tokens"))).isEmpty();
      assertThat(rows(md.getExportedKeys(catalog, schema, "personal_access_tokens"))).isEmpty();
      assertThat(rows(md.getIndexInfo(catalog, schema, "%", false, true)))
          .extracting(r -> r.get("INDEX_NAME") + " " + r.get("COLUMN_NAME"))
          .containsExactly("personal_access_tokens_pkey id");
      assertThat(rows(md.getIndexInfo(catalog, schema, "personal_access_tokens_pages", false,
          true))).isEmpty();

      // Procedures and functions of the schema: none.
      assertThat(rows(md.getFunctions(catalog, schemaPattern, "%"))).isEmpty();
      assertThat(rows(md.getProcedures(catalog, schemaPattern, "%"))).isEmpty();

      // Connection check before a data read.
      assertThat(c.isValid(5)).isTrue();

      // Data tab: the fully qualified, quoted name; fetch size and max rows; result metadata.
      String q = md.getIdentifierQuoteString();
      String table = q + catalog + q + md.getCatalogSeparator() + q + schema + q + "."
          + q + "personal_access_tokens" + q;
      try (PreparedStatement ps = c.prepareStatement("SELECT x.* FROM " + table + " x",
          ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
        ps.setFetchSize(200);
        ps.setMaxRows(200);
        ps.setQueryTimeout(30);
        assertThat(ps.execute()).isTrue();
        try (ResultSet rs = ps.getResultSet()) {
          ResultSetMetaData rmd = rs.getMetaData();
          List<String> described = new ArrayList<>();
          for (int i = 1; i <= rmd.getColumnCount(); i++) {
            described.add(rmd.getColumnLabel(i) + " " + rmd.getColumnTypeName(i) + " "
                + rmd.getTableName(i));
            rmd.getColumnName(i);
            rmd.getSchemaName(i);
            rmd.getCatalogName(i);
            rmd.getPrecision(i);
            rmd.getScale(i);
            rmd.isNullable(i);
            rmd.isAutoIncrement(i);
            rmd.isReadOnly(i);
            rmd.getColumnClassName(i);
            rmd.getColumnDisplaySize(i);
          }
          assertThat(described).containsExactly("id INTEGER personal_access_tokens",
              "created TIMESTAMP personal_access_tokens", "expiry TIMESTAMP personal_access_tokens",
              "label VARCHAR personal_access_tokens", "scopes VARCHAR personal_access_tokens",
              "token VARCHAR personal_access_tokens");
          int n = 0;
          while (rs.next()) {
            rs.getObject(1);
            rs.getTimestamp(2);
            rs.getObject(3);
            rs.getString(4);
            n++;
          }
          assertThat(n).isEqualTo(8);
        }
        assertThat(ps.getMoreResults()).isFalse();
        assertThat(ps.getUpdateCount()).isEqualTo(-1);
        ps.clearWarnings();
      }

      // Row count of the table ("Calculate row count" in the properties).
      try (Statement s = c.createStatement();
           ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(8);
      }

      // SQL editor: a statement with the editor's limits, then DBeaver's smart commit.
      try (Statement s = c.createStatement()) {
        s.setFetchSize(200);
        s.setMaxRows(200);
        s.setQueryTimeout(0);
        assertThat(s.execute("SELECT label, expiry FROM personal_access_tokens"
            + " WHERE expiry IS NULL ORDER BY label")).isTrue();
        try (ResultSet rs = s.getResultSet()) {
          assertThat(column(rs, "label")).containsExactly("linode-cli", "linode-sql",
              null);
        }
        s.getWarnings();
      }
      c.commit();
      assertThat((Object) c.getWarnings()).isNull();
      assertThat(c.isValid(1)).isTrue();
    }
  }

  /** JDBCUtils.escapeWildCards: prefix % and _ with the search string escape. */
  private static String escape(DatabaseMetaData md, String name) throws SQLException {
    String esc = md.getSearchStringEscape();
    return name.replace("%", esc + "%").replace("_", esc + "_");
  }
}
