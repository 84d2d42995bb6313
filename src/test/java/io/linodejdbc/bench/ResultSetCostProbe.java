package io.linodejdbc.bench;

import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.sandbox.SandboxServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Probe of the driver's per-getter cost on a full scan: the sandbox without latency, one
 * {@code SELECT *} read in several ways, each run several times, interleaved (so that the load
 * of a shared machine falls on all of them alike); prints the median milliseconds of each and the
 * nanoseconds per row of the getters beyond a scan that only calls {@code next()}.
 *
 * <ul>
 *   <li>{@code next only}: the scan itself (pages, decoding, Calcite's enumerator);
 *   <li>{@code getObject, driver}: every column by {@code getObject(i)} on the driver's result
 *       set;
 *   <li>{@code getObject, avatica}: the same on the unwrapped Avatica result set (the floor: no
 *       driver layer, but also none of its date-time corrections);
 *   <li>{@code typed getters, driver}: {@code getLong/getString/getTimestamp} by label, as an
 *       application mapping rows to objects does.
 * </ul>
 *
 * <p>Run: {@code mvn -o -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.linodejdbc.bench.ResultSetCostProbe -Dexec.args="--tokens 20000 --runs 7"}
 */
public final class ResultSetCostProbe {
  private ResultSetCostProbe() {}

  private enum Mode { NEXT_ONLY, DRIVER, AVATICA, TYPED }

  public static void main(String[] args) throws Exception {
    int tokens = 20_000;
    int runs = 7;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--tokens" -> tokens = Integer.parseInt(args[i + 1]);
        case "--runs" -> runs = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    try (SandboxServer server = SandboxServer.builder().tokens(SampleData.bulk(tokens, 42L))
        .latency(Duration.ZERO).start()) {
      Properties props = new Properties();
      props.setProperty("token", server.actingToken());
      props.setProperty("apiUrl", server.baseUrl());
      Class.forName("io.linodejdbc.jdbc.LinodeDriver");
      try (Connection c = DriverManager.getConnection("jdbc:linode:", props)) {
        List<List<Double>> times = new ArrayList<>();
        for (Mode m : Mode.values()) {
          times.add(new ArrayList<>());
        }
        int warmups = 2;
        for (int r = 0; r < warmups + runs; r++) {
          for (Mode m : Mode.values()) {
            long t0 = System.nanoTime();
            long rows = scan(c, m);
            double ms = (System.nanoTime() - t0) / 1e6;
            if (rows != tokens) {
              throw new IllegalStateException(m + " read " + rows + " rows, expected " + tokens);
            }
            if (r >= warmups) {
              times.get(m.ordinal()).add(ms);
            }
          }
        }
        double base = median(times.get(Mode.NEXT_ONLY.ordinal()));
        System.out.printf(Locale.ROOT, "ResultSetCostProbe: %d rows, %d runs (median)%n", tokens,
            runs);
        System.out.printf(Locale.ROOT, "| %-24s | %9s | %22s |%n", "read", "median ms",
            "getters ns/row (-next)");
        for (Mode m : Mode.values()) {
          double med = median(times.get(m.ordinal()));
          System.out.printf(Locale.ROOT, "| %-24s | %9.1f | %22.0f |%n", label(m), med,
              m == Mode.NEXT_ONLY ? 0.0 : (med - base) * 1e6 / tokens);
        }
      }
    }
  }

  private static String label(Mode m) {
    return switch (m) {
      case NEXT_ONLY -> "next only";
      case DRIVER -> "getObject, driver";
      case AVATICA -> "getObject, avatica";
      case TYPED -> "typed getters, driver";
    };
  }

  private static long scan(Connection c, Mode m) throws Exception {
    long rows = 0;
    long sink = 0;
    try (Statement st = c.createStatement();
         ResultSet wrapped = st.executeQuery("SELECT * FROM " + Workload.TABLE)) {
      ResultSet rs = m == Mode.AVATICA
          ? wrapped.unwrap(org.apache.calcite.avatica.AvaticaResultSet.class) : wrapped;
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        rows++;
        switch (m) {
          case NEXT_ONLY -> { }
          case TYPED -> {
            sink += rs.getLong("id");
            String label = rs.getString("label");
            sink += label == null ? 0 : label.length();
            java.sql.Timestamp created = rs.getTimestamp("created");
            sink += created == null ? 0 : created.getNanos();
            sink += rs.wasNull() ? 1 : 0;
          }
          default -> {
            for (int i = 1; i <= columns; i++) {
              Object v = rs.getObject(i);
              sink += v == null ? 0 : 1;
            }
          }
        }
      }
    }
    return sink < 0 ? -1 : rows; // sink keeps the reads alive
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }
}
