package io.linodejdbc.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.linodejdbc.resource.Resources;
import io.linodejdbc.sandbox.SandboxServer;
import io.linodejdbc.testing.SandboxFixture;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import schemacrawler.loader.counts.TableRowCountsUtility;
import schemacrawler.schema.Catalog;
import schemacrawler.schema.Column;
import schemacrawler.schema.Schema;
import schemacrawler.schema.Table;
import schemacrawler.schemacrawler.LoadOptionsBuilder;
import schemacrawler.schemacrawler.SchemaCrawlerOptions;
import schemacrawler.schemacrawler.SchemaCrawlerOptionsBuilder;
import schemacrawler.schemacrawler.SchemaInfoLevelBuilder;
import schemacrawler.tools.options.Config;
import schemacrawler.tools.utility.SchemaCrawlerUtility;
import us.fatehi.utility.datasource.DatabaseConnectionSource;
import us.fatehi.utility.datasource.DatabaseConnectionSources;

/** SchemaCrawler crawls the driver at its maximum info level, with row counts. */
class SchemaCrawlerTest {
  private static SandboxServer server;

  @BeforeAll static void start() {
    server = SandboxFixture.demoServer();
  }

  @AfterAll static void stop() {
    server.close();
  }

  @Test void crawlsTablesColumnsRemarksKeysAndRowCounts() throws Exception {
    try (Connection c = SandboxFixture.connectAsClient(server)) {
      DatabaseConnectionSource source = DatabaseConnectionSources.fromConnection(c);
      SchemaCrawlerOptions options = SchemaCrawlerOptionsBuilder.newSchemaCrawlerOptions()
          .withLoadOptions(LoadOptionsBuilder.builder()
              .withSchemaInfoLevel(SchemaInfoLevelBuilder.maximum()).toOptions());
      Config config = new Config();
      config.put("load-row-counts", true);
      Catalog catalog = SchemaCrawlerUtility.getCatalog(source,
          SchemaCrawlerUtility.matchSchemaRetrievalOptions(source), options, config);

      assertThat(catalog.getDatabaseInfo().getProductName()).isEqualTo("Linode API");
      assertThat(catalog.getJdbcDriverInfo().getDriverName()).isEqualTo("linode-jdbc");
      List<Schema> schemas = List.copyOf(catalog.getSchemas());
      assertThat(schemas).extracting(Schema::getFullName).containsExactly("linode.profile");

      Table table = catalog.lookupTable(schemas.get(0), "personal_access_tokens").orElseThrow();
      assertThat(table.getFullName()).isEqualTo("linode.profile.personal_access_tokens");
      assertThat(table.getTableType().isView()).isFalse();
      assertThat(table.getRemarks()).isEqualTo(Resources.PERSONAL_ACCESS_TOKENS.description());
      assertThat(table.getColumns()).extracting(col -> col.getName() + " "
          + col.getColumnDataType().getName() + " " + (col.isNullable() ? "NULL" : "NOT NULL"))
          .containsExactly("id INTEGER NOT NULL", "created TIMESTAMP NOT NULL",
              "expiry TIMESTAMP NULL", "label VARCHAR NULL", "scopes VARCHAR NULL",
              "token VARCHAR NULL");
      for (Column col : table.getColumns()) {
        assertThat(col.getRemarks()).isEqualTo(Resources.PERSONAL_ACCESS_TOKENS
            .column(col.getName()).orElseThrow().description());
      }
      assertThat(table.lookupColumn("label").orElseThrow().getSize()).isEqualTo(100);
      assertThat(table.hasPrimaryKey()).isTrue();
      assertThat(table.getPrimaryKey().getConstrainedColumns()).extracting(Column::getName)
          .containsExactly("id");
      assertThat(table.lookupColumn("id").orElseThrow().isPartOfPrimaryKey()).isTrue();
      assertThat(table.getImportedForeignKeys()).isEmpty();

      Table pages = catalog.lookupTable(schemas.get(0), "personal_access_tokens_pages")
          .orElseThrow();
      assertThat(pages.getTableType().isView()).isTrue();
      assertThat(pages.getColumns()).extracting(Column::getName)
          .containsExactly("data", "page", "pages", "results");

      assertThat(TableRowCountsUtility.hasRowCount(table)).isTrue();
      assertThat(TableRowCountsUtility.getRowCount(table)).isEqualTo(8);
      assertThat(TableRowCountsUtility.getRowCount(pages)).isEqualTo(1);
    }
  }
}
