package io.linodejdbc.jdbc;

import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.sandbox.SandboxServer;
import java.sql.*;
import java.util.Properties;

public class Scratch {
  public static void main(String[] a) throws Exception {
    try (SandboxServer s = SandboxServer.builder().tokens(SampleData.adversarial(1234, 7)).start()) {
      Properties p = new Properties();
      p.setProperty("token", s.actingToken());
      p.setProperty("apiUrl", s.baseUrl());
      Class.forName("io.linodejdbc.jdbc.LinodeDriver");
      try (Connection c = DriverManager.getConnection("jdbc:linode:", p)) {
        String[] qs = a.length > 0 ? a : new String[] {
          "select count(*) from linode.profile.personal_access_tokens",
          "explain plan for select * from personal_access_tokens where id = 5",
          "select id, label, created from personal_access_tokens where id in (5, 7, 99999)",
          "explain plan for select * from personal_access_tokens where label = 'deploy' or label = 'x'",
          "explain plan for select * from personal_access_tokens where created >= timestamp '2020-01-01 00:00:00' and label like '%ab%'",
          "explain plan for select * from personal_access_tokens order by created desc limit 10",
          "explain plan for select * from personal_access_tokens limit 5",
          "explain plan for select * from personal_access_tokens where created > '2020-01-01 00:00:00' order by created, id limit 10",
          "select id, label from personal_access_tokens where label = '日本'",
          "select LABEL from Linode.Profile.Personal_Access_Tokens where \"id\" = 3",
        };
        for (String q : qs) {
          s.requestLog().clear();
          try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(q)) {
            int n = rs.getMetaData().getColumnCount(); int rows = 0;
            while (rs.next()) { if (rows++ < 4) { StringBuilder b = new StringBuilder(); for (int i = 1; i <= n; i++) b.append(rs.getString(i)).append(" | "); System.out.println("  " + b); } }
            System.out.println(q + " -> rows=" + rows + " requests=" + s.requestLog().count());
          } catch (SQLException e) { System.out.println(q + " -> ERR " + e.getSQLState() + " " + e.getMessage()); }
        }
      }
    }
  }
}
