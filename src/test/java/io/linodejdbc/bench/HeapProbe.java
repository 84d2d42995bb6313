package io.linodejdbc.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;

/**
 * Child-JVM main for the memory section: streams every row of the table through a ResultSet
 * (every column read) and prints one line {@code HEAP rows=N peakMb=P liveMb=L}:
 * <ul>
 *   <li>{@code peakMb}: the sum over heap pools of their peak usage since the reset taken just
 *       before the query (an upper bound of the real peak, garbage included);
 *   <li>{@code liveMb}: the largest heap in use right after a full GC, sampled at ten points of
 *       the stream (what the stream really keeps alive).
 * </ul>
 * The parent runs it with {@code -Xmx64m}: completing at all is the first check.
 *
 * <p>Arguments: apiUrl token expectedRows.
 */
public final class HeapProbe {
  private HeapProbe() {}

  public static void main(String[] args) throws Exception {
    String apiUrl = args[0];
    String token = args[1];
    long expected = Long.parseLong(args[2]);
    Class.forName("io.linodejdbc.jdbc.LinodeDriver");
    Properties props = new Properties();
    props.setProperty("token", token);
    props.setProperty("apiUrl", apiUrl);
    try (Connection c = DriverManager.getConnection("jdbc:linode:", props);
         Statement st = c.createStatement()) {
      // Warm: load the driver, Calcite and the HTTP client before the baseline is taken.
      try (ResultSet rs = st.executeQuery("SELECT * FROM " + Workload.TABLE + " LIMIT 1")) {
        while (rs.next()) {
          rs.getObject(1);
        }
      }
      double before = liveMb();
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          pool.resetPeakUsage();
        }
      }
      long every = Math.max(1, expected / 10);
      double live = before;
      long rows = 0;
      try (ResultSet rs = st.executeQuery("SELECT * FROM " + Workload.TABLE)) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          for (int i = 1; i <= columns; i++) {
            rs.getObject(i);
          }
          rows++;
          if (rows % every == 0) {
            live = Math.max(live, liveMb());
          }
        }
      }
      long peak = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
          peak += pool.getPeakUsage().getUsed();
        }
      }
      System.out.printf(Locale.ROOT, "HEAP rows=%d peakMb=%.1f liveMb=%.1f beforeMb=%.1f%n", rows,
          peak / 1048576.0, live, before);
    }
  }

  private static double liveMb() {
    System.gc();
    Runtime r = Runtime.getRuntime();
    return (r.totalMemory() - r.freeMemory()) / 1048576.0;
  }
}
