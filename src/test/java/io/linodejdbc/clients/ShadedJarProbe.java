package io.linodejdbc.clients;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

/**
 * A JDBC program that knows nothing but the JDK: {@link ShadedJarTest} runs it in a JVM of its own
 * whose class path is the driver jar and this class alone. It connects through
 * {@link DriverManager} (the jar's service entry registers the driver), runs the statements of a
 * file separated by lines {@value #SEPARATOR}, and prints what each returned in a fixed text form
 * ({@link #run}), which the test compares with the same statements run on the build's class path.
 *
 * <p>Arguments: the JDBC URL and the statements file; the token comes from {@code LINODE_TOKEN}.
 */
final class ShadedJarProbe {
  static final String SEPARATOR = "-- @@";

  private ShadedJarProbe() {}

  public static void main(String[] args) throws Exception {
    List<String> statements = split(Files.readString(Path.of(args[1]), StandardCharsets.UTF_8));
    try (Connection c = DriverManager.getConnection(args[0], new Properties())) {
      List<String> drivers = new ArrayList<>();
      for (Driver d : Collections.list(DriverManager.getDrivers())) {
        drivers.add(d.getClass().getName() + " " + d.acceptsURL("jdbc:calcite:"));
      }
      System.out.println("drivers: " + drivers);
      System.out.println("driver from: " + Class.forName("io.linodejdbc.jdbc.LinodeDriver")
          .getProtectionDomain().getCodeSource().getLocation().getPath());
      System.out.print(run(c, statements));
    }
  }

  static List<String> split(String text) {
    return Arrays.stream(text.split("\n" + SEPARATOR + "\n")).map(String::strip)
        .filter(s -> !s.isEmpty()).toList();
  }

  static String join(List<String> statements) {
    return String.join("\n" + SEPARATOR + "\n", statements) + "\n";
  }

  /**
   * Runs each statement and writes, per statement, {@code ## n} then {@code rows k} and the rows
   * (values tab-separated, by {@code getString}), {@code count k}, or {@code error SQLSTATE}.
   */
  static String run(Connection c, List<String> statements) {
    StringBuilder out = new StringBuilder();
    for (int n = 0; n < statements.size(); n++) {
      out.append("## ").append(n + 1).append('\n');
      try (Statement s = c.createStatement()) {
        if (s.execute(statements.get(n))) {
          try (ResultSet rs = s.getResultSet()) {
            ResultSetMetaData md = rs.getMetaData();
            StringBuilder rows = new StringBuilder();
            for (int i = 1; i <= md.getColumnCount(); i++) {
              rows.append(md.getColumnLabel(i)).append(i < md.getColumnCount() ? "\t" : "\n");
            }
            int k = 0;
            while (rs.next()) {
              k++;
              for (int i = 1; i <= md.getColumnCount(); i++) {
                rows.append(rs.getString(i)).append(i < md.getColumnCount() ? "\t" : "\n");
              }
            }
            out.append("rows ").append(k).append('\n').append(rows);
          }
        } else {
          out.append("count ").append(s.getUpdateCount()).append('\n');
        }
      } catch (SQLException e) {
        out.append("error ").append(e.getSQLState()).append(' ').append(e.getMessage())
            .append('\n');
      }
    }
    return out.toString();
  }
}
