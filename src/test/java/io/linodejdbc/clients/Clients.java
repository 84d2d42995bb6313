package io.linodejdbc.clients;

import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.sandbox.SandboxServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** What the client tests share: a sandbox with the demo tokens and ways to connect to it. */
final class Clients {
  private Clients() {}

  static SandboxServer sandbox() {
    return SandboxServer.builder().tokens(SampleData.demo()).start();
  }

  /** The URL a client is given: the API URL in it, the token as the password. */
  static String url(SandboxServer server) {
    return "jdbc:linode:apiUrl=" + server.baseUrl();
  }

  static Properties credentials(SandboxServer server) {
    Properties p = new Properties();
    p.setProperty("user", "dbeaver");
    p.setProperty("password", server.actingToken());
    return p;
  }

  static Connection connect(SandboxServer server) throws SQLException {
    return DriverManager.getConnection(url(server), credentials(server));
  }

  /** Every row of {@code rs}, as column label to value, closing it. */
  static List<Map<String, Object>> rows(ResultSet rs) throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (ResultSet r = rs) {
      ResultSetMetaData md = r.getMetaData();
      while (r.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          row.put(md.getColumnLabel(i), r.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** One column of every row, as strings. */
  static List<String> column(ResultSet rs, String label) throws SQLException {
    List<String> values = new ArrayList<>();
    try (ResultSet r = rs) {
      while (r.next()) {
        values.add(r.getString(label));
      }
    }
    return values;
  }
}
