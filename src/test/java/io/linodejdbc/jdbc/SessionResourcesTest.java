package io.linodejdbc.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.linodejdbc.api.ApiConfig;
import io.linodejdbc.api.LinodeClient;
import io.linodejdbc.sql.LinodeSession;
import io.linodejdbc.sql.write.WriteOptions;
import io.linodejdbc.sql.write.Writes;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
    client = new LinodeClient(ApiConfig.builder()
        .baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/v4")
        .token("fixture-token-0123456789").maxRetries(0).build());
    LinodeSession session = new LinodeSession(client, Duration.ZERO,
        List.of(SecondResourceTest.WIDGETS), List.of(new Writes(WriteOptions.DEFAULTS).extension()));
    conn = LinodeDriver.openCalcite(session);
  }

  @AfterEach
  void stop() throws SQLException {
    conn.close();
    client.close();
    server.stop(0);
    assertThat(requests).as("requests to the API").isEmpty();
  }

  private List<String> rows(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getString(i));
        }
        out.add(String.join("|", row));
      }
    }
    return out;
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
}
