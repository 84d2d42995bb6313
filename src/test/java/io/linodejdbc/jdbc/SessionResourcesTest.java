package io.linodejdbc.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import io.linodejdbc.api.LinodeClient;
import io.linodejdbc.sql.LinodeSession;
import io.linodejdbc.sql.write.Writes;
import io.linodejdbc.testing.ResultSets;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Everything that describes the tables reads the resources of the connection's session, not the
 * driver's built-in list: a session serving only the test-only {@code widgets} resource
 * ({@link SecondResourceTest#WIDGETS}, key {@code serial}) shows it, and not the tokens, in the
 * catalogs, {@code DatabaseMetaData}, the error hints and {@code EXPLAIN}. None of this asks the
 * API anything: the fake API here counts the requests and answers none.
 */
class SessionResourcesTest {
  private HttpServer server;
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private LinodeClient client;
  private Connection conn;

  @BeforeEach
  void start() throws IOException, SQLException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", x -> {
      requests.add(x.getRequestMethod() + " " + x.getRequestURI().getPath());
      x.sendResponseHeaders(500, -1);
      x.close();
    });
    server.start();
    Properties props = new Properties();
    props.setProperty("token", "fixture-token-0123456789");
    ConnectionConfig config = ConnectionConfig.parse("jdbc:linode:apiUrl=http://127.0.0.1:"
        + server.getAddress().getPort() + "/v4;maxRetries=0", props, name -> null);
    client = new LinodeClient(config.toApiConfig());
    Writes writes = new Writes(config.writeOptions());
    LinodeSession session = new LinodeSession(client, Duration.ZERO,
        List.of(SecondResourceTest.WIDGETS), List.of(writes.extension()));
    // the driver's own connection (its metadata, its errors) over this session
    conn = new LinodeConnection(LinodeDriver.openCalcite(session), session, writes, config)
        .proxy();
  }

  @AfterEach
  void stop() throws SQLException {
    conn.close();
    client.close();
    server.stop(0);
    assertThat(requests).as("requests to the API").isEmpty();
  }

  private List<String> rows(String sql) throws SQLException {
    return ResultSets.strings(conn, sql).stream().map(row -> String.join("|", row)).toList();
  }

  @Test void pgCatalogListsTheSessionsResource() throws SQLException {
    assertThat(rows("SELECT c.relname, c.relkind FROM pg_catalog.pg_class c"
        + " JOIN pg_catalog.pg_namespace n ON c.relnamespace = n.oid WHERE n.nspname = 'testing'"
        + " ORDER BY c.relname"))
        .containsExactly("widgets|r", "widgets_pages|v", "widgets_pkey|i");
    assertThat(rows("SELECT count(*) FROM pg_catalog.pg_class"
        + " WHERE relname LIKE 'personal_access_tokens%'")).containsExactly("0");
    assertThat(rows("SELECT obj_description(c.oid, 'pg_class'),"
        + " pg_catalog.pg_table_is_visible(c.oid) FROM pg_catalog.pg_class c"
        + " WHERE c.relname = 'widgets'")).containsExactly("Widgets of a test fixture.|true");
  }

  @Test void informationSchemaListsItsColumnsAndKey() throws SQLException {
    assertThat(rows("SELECT column_name, data_type FROM information_schema.columns"
        + " WHERE table_schema = 'testing' AND table_name = 'widgets' ORDER BY ordinal_position"))
        .containsExactly("serial|integer", "name|character varying", "color|character varying");
    assertThat(rows("SELECT column_name FROM information_schema.key_column_usage"
        + " WHERE table_schema = 'testing' AND table_name = 'widgets'"))
        .as("the primary key is the descriptor's key column").containsExactly("serial");
  }

  @Test void explainWordsKeyLookupsWithTheResourcesKey() throws SQLException {
    String select = String.join("\n", rows("EXPLAIN PLAN FOR SELECT name FROM"
        + " linode.testing.widgets WHERE serial IN (101, 102)"));
    assertThat(select).contains("GET /widgets/{serial} for serial in [101, 102]")
        .doesNotContain("{id}");
    String update = String.join("\n", rows("EXPLAIN PLAN FOR UPDATE linode.testing.widgets"
        + " SET name = 'x' WHERE serial = 100 RETURNING serial, name"));
    assertThat(update).contains("PUT /widgets/{serial} body=[name] per row",
        "GET /widgets/{serial} for serial in [100]", "returning=[serial, name]")
        .doesNotContain("{id}");
  }

  @Test void databaseMetaDataListsTheSessionsResource() throws SQLException {
    DatabaseMetaData md = conn.getMetaData();
    List<String> tables = new ArrayList<>();
    try (ResultSet rs = md.getTables(null, null, "%", null)) {
      while (rs.next()) {
        tables.add(rs.getString("TABLE_SCHEM") + "." + rs.getString("TABLE_NAME") + "|"
            + rs.getString("TABLE_TYPE") + "|" + rs.getString("REMARKS"));
      }
    }
    assertThat(tables).contains("testing.widgets|TABLE|Widgets of a test fixture.")
        .anyMatch(t -> t.startsWith("testing.widgets_pages|VIEW|The list call of"))
        .noneMatch(t -> t.contains("personal_access_tokens"));
    try (ResultSet rs = md.getPrimaryKeys(null, "testing", "widgets")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("COLUMN_NAME")).isEqualTo("serial");
      assertThat(rs.next()).isFalse();
    }
    try (ResultSet rs = md.getColumns(null, "testing", "widgets", "color")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("REMARKS")).isEqualTo("The widget's colour, fixed when it is made.");
    }
  }

  @Test void aMisspeltColumnIsMatchedAgainstTheSessionsColumns() {
    SQLException e = catchThrowableOfType(SQLException.class,
        () -> rows("SELECT nmae FROM linode.testing.widgets"));
    assertThat(e.getSQLState()).isEqualTo("42703");
    assertThat(e.getMessage()).contains("column \"nmae\" does not exist",
        "perhaps you meant \"name\"");
    SQLException other = catchThrowableOfType(SQLException.class,
        () -> rows("SELECT lable FROM linode.testing.widgets"));
    assertThat(other.getMessage()).as("no token column is offered")
        .contains("column \"lable\" does not exist").doesNotContain("perhaps");
  }

  @Test void stackqlsEnvelopeColumnsReadTheSessionsPagesTable() throws SQLException {
    assertThat(String.join("\n", rows("EXPLAIN PLAN FOR SELECT data, page, pages, results"
        + " FROM linode.testing.widgets"))).contains("widgets_pages");
  }
}
