package io.linodejdbc.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.linodejdbc.api.ApiConfig;
import io.linodejdbc.api.LinodeClient;
import io.linodejdbc.resource.ColumnDescriptor;
import io.linodejdbc.resource.ColumnType;
import io.linodejdbc.resource.MethodDescriptor;
import io.linodejdbc.resource.ResourceDescriptor;
import io.linodejdbc.resource.ValueRules;
import io.linodejdbc.sql.LinodeSession;
import io.linodejdbc.sql.write.WriteOptions;
import io.linodejdbc.sql.write.Writes;
import io.linodejdbc.testing.ResultSets;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A second resource, registered only here, runs through the same code as the tokens: a small
 * fake API serving {@code /widgets} (key {@code serial}, a writable {@code name}, a create-only
 * {@code color}) and a descriptor of it. Nothing outside {@code resource/} knows it.
 */
class SecondResourceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static final ResourceDescriptor WIDGETS = new ResourceDescriptor("testing", "widgets", "/widgets",
      List.of(
          ColumnDescriptor.serverSet("serial", ColumnType.INTEGER, false, false,
              "The widget's serial number.", "widgetId"),
          new ColumnDescriptor("name", "name", ColumnType.VARCHAR, 20, false, false, true, true,
              "What the widget is called.", List.of("data__name"), false, ValueRules.text(1, 20)),
          new ColumnDescriptor("color", "colour", ColumnType.VARCHAR, 10, true, false, true, false,
              "The widget's colour, fixed when it is made.", List.of("data__color"), false,
              ValueRules.text(1, 10))),
      "serial", "Widgets of a test fixture.",
      List.of(new MethodDescriptor("get_widgets", "select", "", "Lists widgets."),
          new MethodDescriptor("post_widget", "insert", "", "Makes a widget.")),
      "widget");

  private HttpServer server;
  private final Map<Integer, ObjectNode> widgets = Collections.synchronizedMap(new TreeMap<>());
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private int next = 100;
  private LinodeClient client;
  private Connection conn;

  @BeforeEach
  void start() throws IOException, SQLException {
    widget("bolt", "red");
    widget("nut", "blue");
    widget("gear", null);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v4/widgets", this::handle);
    server.start();
    client = new LinodeClient(ApiConfig.builder()
        .baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/v4")
        .token("fixture-token-0123456789").maxRetries(0).build());
    LinodeSession session = new LinodeSession(client, Duration.ZERO, List.of(WIDGETS),
        List.of(new Writes(WriteOptions.DEFAULTS).extension()));
    conn = LinodeDriver.openCalcite(session);
    requests.clear();
  }

  @AfterEach
  void stop() throws SQLException {
    conn.close();
    client.close();
    server.stop(0);
  }

  private ObjectNode widget(String name, String color) {
    ObjectNode w = JSON.createObjectNode().put("serial", next++).put("name", name);
    w.put("colour", color);
    widgets.put(w.get("serial").asInt(), w);
    return w;
  }

  private void handle(HttpExchange x) throws IOException {
    String method = x.getRequestMethod();
    String path = x.getRequestURI().getPath().substring("/v4".length());
    String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(method + " " + path + (body.isEmpty() ? "" : " " + body));
    int status = 200;
    Object answer;
    String[] parts = path.split("/");
    Integer key = parts.length > 2 ? Integer.valueOf(parts[2]) : null;
    if (key == null && method.equals("GET")) {
      ObjectNode page = JSON.createObjectNode();
      ArrayNode data = page.putArray("data");
      widgets.values().forEach(data::add);
      page.put("page", 1).put("pages", 1).put("results", widgets.size());
      answer = page;
    } else if (key == null && method.equals("POST")) {
      ObjectNode in = (ObjectNode) JSON.readTree(body);
      answer = widget(in.get("name").asText(), in.has("colour") ? in.get("colour").asText() : null);
    } else if (!widgets.containsKey(key)) {
      status = 404;
      answer = JSON.createObjectNode().set("errors",
          JSON.createArrayNode().add(JSON.createObjectNode().put("reason", "Not found")));
    } else if (method.equals("PUT")) {
      ObjectNode w = widgets.get(key);
      w.setAll((ObjectNode) JSON.readTree(body));
      answer = w;
    } else if (method.equals("DELETE")) {
      widgets.remove(key);
      answer = JSON.createObjectNode();
    } else {
      answer = widgets.get(key);
    }
    byte[] out = JSON.writeValueAsBytes(answer);
    x.getResponseHeaders().add("Content-Type", "application/json");
    x.sendResponseHeaders(status, out.length);
    x.getResponseBody().write(out);
    x.close();
  }

  private List<String> rows(String sql) throws SQLException {
    return ResultSets.strings(conn, sql).stream().map(row -> String.join("|", row)).toList();
  }

  private int update(String sql) throws SQLException {
    try (Statement s = conn.createStatement()) {
      return s.executeUpdate(sql);
    }
  }

  @Test void selectsTheCollection() throws SQLException {
    assertThat(rows("SELECT serial, name, color FROM linode.testing.widgets ORDER BY serial"))
        .containsExactly("100|bolt|red", "101|nut|blue", "102|gear|null");
    assertThat(requests).hasSize(1).allMatch(r -> r.startsWith("GET /widgets"));
  }

  @Test void aKeyLookupIsOneGet() throws SQLException {
    assertThat(rows("SELECT name FROM linode.testing.widgets WHERE serial = 101"))
        .containsExactly("nut");
    assertThat(requests).containsExactly("GET /widgets/101");
    requests.clear();
    assertThat(rows("SELECT data__name FROM linode.testing.widgets WHERE widgetId = 100"))
        .as("StackQL aliases from the descriptor").containsExactly("bolt");
    assertThat(requests).containsExactly("GET /widgets/100");
  }

  @Test void insertReturning() throws SQLException {
    assertThat(rows("INSERT INTO linode.testing.widgets (name, color) VALUES ('cog', 'green')"
        + " RETURNING serial, name, color")).containsExactly("103|cog|green");
    assertThat(requests).containsExactly("POST /widgets {\"name\":\"cog\",\"colour\":\"green\"}");
  }

  @Test void updateAndDeleteByKeyAreOneGetAndOneWrite() throws SQLException {
    assertThat(update("UPDATE linode.testing.widgets SET name = 'washer' WHERE serial = 102"))
        .isEqualTo(1);
    assertThat(requests).containsExactly("GET /widgets/102",
        "PUT /widgets/102 {\"name\":\"washer\"}");
    requests.clear();
    assertThat(update("DELETE FROM linode.testing.widgets WHERE serial = 100")).isEqualTo(1);
    assertThat(requests).containsExactly("GET /widgets/100", "DELETE /widgets/100");
    assertThat(widgets.keySet()).containsExactly(101, 102);
  }

  @Test void theDescriptorsRulesHold() {
    assertThatThrownBy(() -> update("UPDATE linode.testing.widgets SET color = 'x' WHERE"
        + " serial = 100")).hasMessageContaining("cannot be changed after a widget is created;"
        + " only name can be");
    assertThatThrownBy(() -> update("INSERT INTO linode.testing.widgets (name) VALUES"
        + " ('a name much longer than twenty')")).hasMessageContaining("the API allows 1 to 20");
    assertThatThrownBy(() -> update("DELETE FROM linode.testing.widgets"))
        .hasMessageContaining("every row of widgets");
    assertThat(requests).isEmpty();
  }

  @Test void showAndDescribe() throws SQLException {
    assertThat(rows("SHOW RESOURCES IN linode.testing")).singleElement().asString()
        .startsWith("widgets|linode.testing.widgets|");
    assertThat(rows("DESCRIBE linode.testing.widgets"))
        .extracting(r -> r.substring(0, r.indexOf('|'))).containsExactly("serial", "name", "color");
    assertThat(requests).isEmpty();
  }

  @Test void explainOfAWriteShowsItsRequests() throws SQLException {
    String plan = String.join("\n", rows("EXPLAIN PLAN FOR DELETE FROM linode.testing.widgets"
        + " WHERE serial = 101"));
    assertThat(plan).contains("LinodeTableModify", "DELETE /widgets/{serial} per row",
        "GET /widgets/", "[101]");
    assertThat(requests).isEmpty();
  }
}
