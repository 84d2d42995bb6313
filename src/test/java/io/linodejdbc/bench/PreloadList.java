package io.linodejdbc.bench;

import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.sandbox.SandboxServer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

/**
 * Writes the driver's class preload list ({@code src/main/resources/io/linodejdbc/jdbc/
 * preload-classes.txt}, read by {@code jdbc.ClassPreloader}): the classes a first session loads,
 * in the order it loads them, from a child JVM running {@link Session} on the driver jar with
 * class-load logging. Only classes read from the driver jar are listed (not the JDK's, nor classes
 * made at run time: lambdas, proxies, Janino's compiled code); relocated library classes are
 * written {@code ~name}, without the driver jar's prefix.
 *
 * <pre>mvn -DskipTests package &amp;&amp; mvn -q exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.linodejdbc.bench.PreloadList</pre>
 *
 * Run it again after a dependency upgrade: {@code ClassPreloaderTest} fails when a listed class
 * no longer exists.
 */
public final class PreloadList {
  static final Path OUTPUT = Paths.get("src/main/resources/io/linodejdbc/jdbc/preload-classes.txt");
  private static final String RELOCATED = "io.linodejdbc.shaded.";
  private static final Pattern LOADED =
      Pattern.compile("\\[class,load\\] (\\S+) source: (.+)$");

  private PreloadList() {}

  public static void main(String[] args) throws Exception {
    Path jar = driverJar();
    Path log = Files.createTempFile("linode-preload", ".log");
    try (SandboxServer server = SandboxServer.builder().tokens(SampleData.demo()).start()) {
      List<String> command = List.of(PerformanceReport.java(),
          "-Dlinode.jdbc.preload=false", "-Xlog:class+load=info:file=" + log,
          "-cp", jar + File.pathSeparator + Paths.get("target/test-classes").toAbsolutePath(),
          Session.class.getName(), server.baseUrl(), server.actingToken());
      Process p = new ProcessBuilder(command).inheritIO().start();
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("the sample session failed: " + command);
      }
    }
    List<String> names = names(Files.readAllLines(log, StandardCharsets.UTF_8), jar);
    Files.delete(log);
    List<String> out = new ArrayList<>();
    out.add("# Classes a first session loads, in order; written by bench/PreloadList, do not edit.");
    out.add("# '~' marks a library class the driver jar relocates under " + RELOCATED);
    out.addAll(names);
    Files.createDirectories(OUTPUT.getParent());
    Files.write(OUTPUT, out, StandardCharsets.UTF_8);
    System.out.println("wrote " + names.size() + " class names to " + OUTPUT);
  }

  /**
   * The list lines for a class-load log of a run on {@code jar}: the classes read from the jar.
   * (Janino's compiled classes name the jar as their source too; they are not in it.)
   */
  static List<String> names(List<String> logLines, Path jar) throws IOException {
    Set<String> names = new LinkedHashSet<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (String line : logLines) {
        Matcher m = LOADED.matcher(line);
        if (!m.find() || !m.group(2).startsWith("file:")) {
          continue; // the JDK's own (its archive or jrt:/) and classes defined at run time
        }
        String name = m.group(1);
        if (zip.getEntry(name.replace('.', '/') + ".class") == null) {
          continue;
        }
        names.add(name.startsWith(RELOCATED) ? "~" + name.substring(RELOCATED.length()) : name);
      }
    }
    return new ArrayList<>(names);
  }

  private static Path driverJar() throws Exception {
    Path jar = PerformanceReport.freshDriverJar();
    if (jar == null) {
      throw new IllegalStateException("no target/*-driver.jar newer than the sources: run"
          + " 'mvn -DskipTests package' first");
    }
    return jar;
  }

  /**
   * A user's first session: connect, a filtered and ordered query, a full listing and a count,
   * reading every column, then close.
   */
  public static final class Session {
    private Session() {}

    public static void main(String[] args) throws Exception {
      Properties props = new Properties();
      props.setProperty("apiUrl", args[0]);
      props.setProperty("token", args[1]);
      String table = "linode.profile.personal_access_tokens";
      try (Connection c = DriverManager.getConnection("jdbc:linode:", props);
           Statement s = c.createStatement()) {
        // A first query's classes only: the preloader's thread competes with the caller's and the
        // JIT for two cores, and listing an aggregate's classes as well (COUNT(*)) made a plain
        // scan's one-shot process 100 ms slower.
        for (String sql : List.of("SELECT id, label, created FROM " + table,
            "SELECT * FROM " + table + " WHERE label LIKE 'd%' ORDER BY created DESC LIMIT 10",
            "SELECT 1")) {
          try (ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
              for (int i = 1; i <= columns; i++) {
                rs.getObject(i);
              }
            }
          }
        }
      }
    }
  }
}
