package io.linodejdbc.jdbc;

import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.sandbox.SandboxServer;
import java.sql.*;
import java.util.Properties;

public class Scratch3 {
  public static void main(String[] a) throws Exception {
    try (SandboxServer s = SandboxServer.builder().tokens(SampleData.bulk(1000, 1)).start()) {
      Properties p = new Properties();
      p.setProperty("token", s.actingToken());
      p.setProperty("apiUrl", s.baseUrl());
      Class.forName("io.linodejdbc.jdbc.LinodeDriver");
      try (Connection c = DriverManager.getConnection("jdbc:linode:", p)) {
        for (int round = 0; round < 3; round++) {
          long t0 = System.nanoTime();
          int n = 200;
          for (int i = 0; i < n; i++) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT label FROM personal_access_tokens WHERE id = " + (1 + i % 50))) { while (rs.next()) {} }
          }
          long t1 = System.nanoTime();
          try (PreparedStatement ps = c.prepareStatement("SELECT label FROM personal_access_tokens WHERE id = ?")) {
            for (int i = 0; i < n; i++) { ps.setInt(1, 1 + i % 50); try (ResultSet rs = ps.executeQuery()) { while (rs.next()) {} } }
          }
          long t2 = System.nanoTime();
          for (int i = 0; i < 20; i++) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM personal_access_tokens")) { while (rs.next()) {} }
          }
          long t3 = System.nanoTime();
          System.out.printf("statement point: %.2f ms/q, prepared point: %.2f ms/q, full scan 1000: %.2f ms/q%n", (t1-t0)/1e6/n, (t2-t1)/1e6/n, (t3-t2)/1e6/20);
        }
      }
    }
  }
}
