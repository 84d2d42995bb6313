package io.linodejdbc.jdbc;

import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.sandbox.SandboxServer;
import java.sql.*;
import java.util.Properties;

public class Scratch2 {
  public static void main(String[] a) throws Exception {
    try (SandboxServer s = SandboxServer.builder().tokens(SampleData.demo()).start()) {
      Properties p = new Properties();
      p.setProperty("token", s.actingToken());
      p.setProperty("apiUrl", s.baseUrl());
      Class.forName("io.linodejdbc.jdbc.LinodeDriver");
      try (Connection c = DriverManager.getConnection("jdbc:linode:", p)) {
        for (String q : a) {
          s.requestLog().clear();
          try (Statement st = c.createStatement()) {
            boolean rs = st.execute(q);
            if (rs) { ResultSet r = st.getResultSet(); int n = r.getMetaData().getColumnCount(); while (r.next()) { StringBuilder b = new StringBuilder(); for (int i = 1; i <= n; i++) b.append(r.getString(i)).append(" | "); System.out.println("  " + b); } }
            else System.out.println("  count=" + st.getUpdateCount());
            System.out.println(q + " -> requests=" + s.requestLog().requests().stream().map(x -> x.method() + " " + x.path() + (x.body().isEmpty() ? "" : " " + x.body())).toList());
          } catch (SQLException e) { System.out.println(q + " -> ERR " + e.getSQLState() + " " + e.getMessage()); }
        }
      }
    }
  }
}
