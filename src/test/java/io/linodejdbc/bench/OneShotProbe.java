package io.linodejdbc.bench;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * {@link OneShotQuery} cut into phases, for the one-shot breakdown: wall and process CPU time and
 * the number of classes loaded after each phase (JVM start up to {@code main} comes from the JVM's
 * own start time). A second query on the same connection shows what the first one paid once.
 *
 * <pre>java -cp driver.jar:test-classes io.linodejdbc.bench.OneShotProbe apiUrl token "SELECT …"</pre>
 */
public final class OneShotProbe {
  private OneShotProbe() {}

  private static final List<String> LINES = new ArrayList<>();
  private static long lastWall;
  private static long lastCpu;

  public static void main(String[] args) throws Exception {
    long startMs = ManagementFactory.getRuntimeMXBean().getStartTime();
    lastWall = System.nanoTime();
    lastCpu = cpu();
    LINES.add(String.format(Locale.ROOT, "%-26s %7d ms wall %7.0f ms cpu %6d classes", "JVM start to main",
        System.currentTimeMillis() - startMs, lastCpu / 1e6, classes()));
    Class<?> driverClass = Class.forName("io.linodejdbc.jdbc.LinodeDriver");
    phase("load + init driver class");
    Properties props = new Properties();
    props.setProperty("apiUrl", args[0]);
    props.setProperty("token", args[1]);
    Driver driver = DriverManager.getDriver("jdbc:linode:");
    phase("DriverManager.getDriver");
    long rows = 0;
    try (Connection c = driver.connect("jdbc:linode:", props)) {
      phase("connect");
      for (int round = 1; round <= (args.length > 3 ? Integer.parseInt(args[3]) : 1); round++) {
        try (Statement s = c.createStatement()) {
          phase("createStatement #" + round);
          try (ResultSet rs = s.executeQuery(args[2])) {
            phase("executeQuery #" + round);
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
              for (int i = 1; i <= columns; i++) {
                rs.getObject(i);
              }
              rows++;
            }
            phase("read rows #" + round);
          }
        }
      }
    }
    phase("close");
    LINES.forEach(System.out::println);
    System.out.println("rows=" + rows + " driver=" + driverClass.getSimpleName());
  }

  private static void phase(String name) {
    long wall = System.nanoTime();
    long cpu = cpu();
    LINES.add(String.format(Locale.ROOT, "%-26s %7.0f ms wall %7.0f ms cpu %6d classes", name,
        (wall - lastWall) / 1e6, (cpu - lastCpu) / 1e6, classes()));
    if (Boolean.getBoolean("probe.marks")) {
      System.out.println("=== after " + name);
    }
    lastWall = System.nanoTime();
    lastCpu = cpu();
  }

  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static int classes() {
    return ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
  }
}
