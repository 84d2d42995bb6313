package io.linodejdbc.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

/**
 * A plain JDBC program, as a user writes one: connect, run one query, read it, close. The
 * performance report times it as a whole process (JVM start included).
 *
 * <pre>java -cp driver.jar:… io.linodejdbc.bench.OneShotQuery apiUrl token "SELECT …"</pre>
 */
public final class OneShotQuery {
  private OneShotQuery() {}

  public static void main(String[] args) throws Exception {
    Properties props = new Properties();
    props.setProperty("apiUrl", args[0]);
    props.setProperty("token", args[1]);
    long rows = 0;
    try (Connection c = DriverManager.getConnection("jdbc:linode:", props);
         Statement s = c.createStatement();
         ResultSet rs = s.executeQuery(args[2])) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= columns; i++) {
          rs.getObject(i);
        }
        rows++;
      }
    }
    System.out.println("rows=" + rows);
  }
}
