package io.linodejdbc.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.sandbox.SandboxServer;
import io.linodejdbc.testing.SandboxFixture;
import io.linodejdbc.testing.SqlExampleScript;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The self-contained driver jar as a user's tool loads it: in a class loader of its own that sees
 * nothing but the JDK, and in a JVM of its own whose class path is the jar (plus the JDK-only
 * {@link ShadedJarProbe}): the read examples, PostgreSQL-dialect and catalog queries, EXPLAIN, a
 * write with RETURNING and the PostgreSQL server ({@code --serve}). The jar is minimised
 * (pom.xml): these runs are what shows nothing it needs was left out. Runs in failsafe's
 * integration-test phase (after package), which passes the jar's path as
 * {@code linodejdbc.driverJar}; skipped where that is not given.
 */
class ShadedJarTest {
  private static final String SHADED = "io/linodejdbc/shaded/";
  private static SandboxServer server;
  private static Path jar;

  @BeforeAll static void start() {
    String path = System.getProperty("linodejdbc.driverJar");
    assumeTrue(path != null, "run by failsafe (mvn verify) on the packaged driver jar");
    jar = Path.of(path);
    assertThat(jar).as("mvn package builds the driver jar").isRegularFile();
    server = SandboxFixture.demoServer();
  }

  @AfterAll static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static URLClassLoader isolated() throws IOException {
    return new URLClassLoader(new URL[] {jar.toUri().toURL()},
        ClassLoader.getPlatformClassLoader());
  }

  @Test void connectsAndQueriesFromAnIsolatedClassLoader() throws Exception {
    try (URLClassLoader loader = isolated()) {
      Class<?> driverClass = Class.forName("io.linodejdbc.jdbc.LinodeDriver", true, loader);
      assertThat(driverClass.getClassLoader()).isSameAs(loader);
      // The only driver the jar announces is ours.
      List<String> announced = new ArrayList<>();
      for (Driver d : ServiceLoader.load(Driver.class, loader)) {
        if (d.getClass().getClassLoader() == loader) {
          announced.add(d.getClass().getName());
        }
      }
      assertThat(announced).containsExactly("io.linodejdbc.jdbc.LinodeDriver");

      Driver driver = (Driver) driverClass.getDeclaredConstructor().newInstance();
      assertThat(driver.acceptsURL("jdbc:linode:")).isTrue();
      assertThat(driver.getPropertyInfo("jdbc:linode:", new Properties())).isNotEmpty();
      Properties p = SandboxFixture.clientCredentials(server);
      ClassLoader previous = Thread.currentThread().getContextClassLoader();
      try (Connection c = driver.connect(SandboxFixture.clientUrl(server), p)) {
        assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("Linode API");
        assertThat(c.getMetaData().getDriverVersion()).isEqualTo(
            driverClass.getPackage().getImplementationVersion()).isNotBlank();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), MAX(label) FROM"
                 + " \"linode\".\"profile\".\"personal_access_tokens\" WHERE id > 1")) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getInt(1)).isEqualTo(7);
          assertThat(rs.getString(2)).isEqualTo("terraform");
        }
        try (ResultSet rs = c.getMetaData().getPrimaryKeys("linode", "profile",
            "personal_access_tokens")) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString("COLUMN_NAME")).isEqualTo("id");
        }
      } finally {
        Thread.currentThread().setContextClassLoader(previous);
      }
    }
  }

  @Test void everyThirdPartyClassIsRelocated() throws IOException {
    List<String> unrelocated = new ArrayList<>();
    List<String> classes = new ArrayList<>();
    try (JarFile j = new JarFile(jar.toFile())) {
      for (JarEntry e : java.util.Collections.list(j.entries())) {
        String name = e.getName();
        if (!name.endsWith(".class")) {
          continue;
        }
        classes.add(name);
        // Deliberate exception: SLF4J's API stays as it is, so that the driver logs into the
        // host's backend (see pom.xml).
        if (!name.startsWith("io/linodejdbc/") && !name.startsWith("org/slf4j/")) {
          unrelocated.add(name);
        }
      }
      assertThat(unrelocated).isEmpty();
      assertThat(classes).contains(SHADED + "org/apache/calcite/jdbc/CalciteConnection.class",
          SHADED + "com/fasterxml/jackson/databind/ObjectMapper.class",
          SHADED + "okhttp3/OkHttpClient.class", SHADED + "okio/Buffer.class",
          SHADED + "kotlin/Unit.class", SHADED + "com/google/common/collect/ImmutableList.class",
          SHADED + "org/codehaus/janino/CompilerFactory.class",
          "io/linodejdbc/jdbc/LinodeDriver.class", "org/slf4j/LoggerFactory.class");
      // Left out: the shell and any logging backend.
      assertThat(classes).noneMatch(n -> n.contains("sqlline/") || n.contains("org/jline/")
          || n.contains("jansi") || n.contains("com/sun/jna/") || n.contains("slf4j/simple/")
          || n.startsWith("ch/qos/"));
      assertThat(text(j, "META-INF/services/java.sql.Driver").trim())
          .isEqualTo("io.linodejdbc.jdbc.LinodeDriver");
      assertThat(text(j, "META-INF/services/"
          + "io.linodejdbc.shaded.org.codehaus.commons.compiler.ICompilerFactory").trim())
          .isEqualTo("io.linodejdbc.shaded.org.codehaus.janino.CompilerFactory");
      assertThat(j.stream().map(JarEntry::getName))
          .noneMatch(n -> n.matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)"))
          .noneMatch(n -> n.startsWith("META-INF/versions/"))
          .noneMatch(n -> n.startsWith("META-INF/services/org.")
              || n.startsWith("META-INF/services/com."));
    }
    assertThat(Files.size(jar)).as("driver jar bytes").isLessThanOrEqualTo(
        Long.getLong("linodejdbc.driverJarMaxBytes", 25L << 20));
  }

  /** The read examples (files before the first write example), each with its expected rows. */
  private static List<SqlExampleScript.Example> readExamples() throws IOException {
    // The build names the project's folder: failsafe's working folder is not always that folder.
    Path dir = Path.of(System.getProperty("linodejdbc.projectDir", "."), "sql-examples").toAbsolutePath();
    List<SqlExampleScript.Example> out = new ArrayList<>();
    try (var files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        String n = f.getFileName().toString();
        if (n.endsWith(".sql") && Integer.parseInt(n.substring(0, 2))
            < io.linodejdbc.dml.WriteExamplesTest.FIRST_WRITE_EXAMPLE) {
          out.addAll(SqlExampleScript.parse(Files.readString(f, StandardCharsets.UTF_8)));
        }
      }
    }
    return out;
  }

  /** Statements beyond the examples: the PostgreSQL dialect and the catalogs. */
  private static final List<String> MORE_READS = List.of(
      "SELECT id, label::text AS l, date_trunc('day', created) AS d,"
          + " created + interval '1 day' AS next_day FROM personal_access_tokens"
          + " WHERE label ILIKE '%CI%' OR label::varchar ILIKE 't%' ORDER BY id",
      "SELECT to_char(created, 'YYYY-MM') AS m, count(*)::int AS n FROM personal_access_tokens"
          + " WHERE created >= now() - interval '100 years' GROUP BY 1 ORDER BY 1",
      "SELECT table_name, column_name, data_type FROM information_schema.columns"
          + " WHERE table_name = 'personal_access_tokens' ORDER BY ordinal_position",
      "SELECT c.relname, n.nspname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n"
          + " ON n.oid = c.relnamespace WHERE c.relname LIKE 'personal%' ORDER BY 1",
      "EXPLAIN PLAN FOR SELECT label FROM personal_access_tokens WHERE id = 3");

  private static final String WRITE = "INSERT INTO linode.profile.personal_access_tokens"
      + " (label, scopes, expiry) VALUES ('from-the-jar', 'linodes:read_only',"
      + " '2030-01-01T00:00:00') RETURNING id, label, scopes, token";

  @Test void examplesDialectCatalogsAndAWriteRunInAJvmOfTheirOwn() throws Exception {
    try (SandboxServer sandbox = SandboxServer.builder().tokens(SampleData.demo()).start()) {
      List<SqlExampleScript.Example> examples = readExamples();
      assertThat(examples).hasSizeGreaterThan(20);
      List<String> reads = new ArrayList<>();
      examples.forEach(e -> reads.add(e.sql()));
      reads.addAll(MORE_READS);

      // The same statements on the build's class path (the unshaded driver): the reference.
      sandbox.requestLog().clear();
      String expected;
      Properties p = new Properties();
      p.setProperty("token", sandbox.actingToken());
      try (Connection c = DriverManager.getConnection("jdbc:linode:apiUrl=" + sandbox.baseUrl(), p)) {
        expected = ShadedJarProbe.run(c, reads);
      }
      long referenceGets = gets(sandbox);
      assertThat(expected).doesNotContain("\nerror ");

      List<String> all = new ArrayList<>(reads);
      all.add(WRITE);
      sandbox.requestLog().clear();
      int before = sandbox.store().all().size();
      String out = probe(sandbox, all);

      assertThat(out).startsWith("drivers: [io.linodejdbc.jdbc.LinodeDriver false]\n"
          + "driver from: " + jar.toUri().getPath() + "\n");
      String results = out.substring(out.indexOf("## 1\n"));
      int write = results.indexOf("## " + all.size() + "\n");
      assertThat(results.substring(0, write)).isEqualTo(expected);
      assertThat(gets(sandbox)).as("GETs for the reads, as on the class path").isEqualTo(
          referenceGets);
      assertThat(sandbox.requestLog().requests()).filteredOn(r -> r.method().equals("POST"))
          .hasSize(1);

      // Every example's own expectation about its row count holds on the jar too.
      String[] blocks = results.split("(?m)^## \\d+\n");
      for (int i = 0; i < examples.size(); i++) {
        Matcher m = Pattern.compile("rows=(\\d+)").matcher(examples.get(i).expect());
        String block = blocks[i + 1];
        if (m.find()) {
          assertThat(block).as(examples.get(i).sql()).startsWith("rows " + m.group(1) + "\n");
        } else if (examples.get(i).expect().contains("rows>0")) {
          assertThat(block).as(examples.get(i).sql()).startsWith("rows ").doesNotStartWith(
              "rows 0\n");
        }
      }
      // The write: one row back with the new token's id and its one-time secret.
      String written = blocks[all.size()];
      assertThat(written).startsWith("rows 1\nid\tlabel\tscopes\ttoken\n");
      String[] row = written.lines().toList().get(2).split("\t");
      assertThat(row[1]).isEqualTo("from-the-jar");
      assertThat(row[2]).isEqualTo("linodes:read_only");
      assertThat(sandbox.store().all()).hasSize(before + 1);
      assertThat(sandbox.store().get(Integer.parseInt(row[0]))).isPresent();
      assertThat(row[3]).hasSize(64);
    }
  }

  private static long gets(SandboxServer sandbox) {
    return sandbox.requestLog().requests().stream().filter(r -> r.method().equals("GET")).count();
  }

  /** Runs {@link ShadedJarProbe} on the jar in a new JVM and returns its standard output. */
  private static String probe(SandboxServer sandbox, List<String> statements) throws Exception {
    Path dir = Files.createTempDirectory(jar.getParent(), "probe");
    Path cls = Path.of(ShadedJarProbe.class.getResource("ShadedJarProbe.class").toURI());
    Path target = dir.resolve("io/linodejdbc/clients/ShadedJarProbe.class");
    Files.createDirectories(target.getParent());
    Files.copy(cls, target);
    Path sql = dir.resolve("statements.sql");
    Files.writeString(sql, ShadedJarProbe.join(statements), StandardCharsets.UTF_8);
    ProcessBuilder pb = new ProcessBuilder(java(), "-cp", jar + File.pathSeparator + dir,
        ShadedJarProbe.class.getName(), "jdbc:linode:apiUrl=" + sandbox.baseUrl(), sql.toString());
    pb.environment().put("LINODE_TOKEN", sandbox.actingToken());
    pb.redirectError(dir.resolve("stderr.txt").toFile());
    Process proc = pb.start();
    String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(proc.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(proc.exitValue()).as(out + Files.readString(dir.resolve("stderr.txt"))).isZero();
    return out;
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** {@code linode-sql --serve}'s main class, from the jar alone, answering a PostgreSQL client. */
  @Test void theServerRunsFromTheJar() throws Exception {
    ProcessBuilder pb = new ProcessBuilder(java(), "-cp", jar.toString(),
        "io.linodejdbc.server.PgServerMain", "--serve", "0", "--api-url", server.baseUrl());
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process proc = pb.start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(proc.getInputStream(),
          StandardCharsets.UTF_8));
      String line = out.readLine();
      assertThat(line).startsWith("LISTENING postgresql://127.0.0.1:");
      String url = "jdbc:" + line.substring("LISTENING ".length()).split(" ")[0];
      try (Connection c = DriverManager.getConnection(url, "me", server.actingToken());
           Statement s = c.createStatement()) {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM personal_access_tokens"
            + " WHERE label ILIKE '%' AND created > now() - interval '100 years'")) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getLong(1)).isEqualTo(
              SampleData.demo().stream().filter(t -> t.label() != null).count());
        }
        try (ResultSet rs = s.executeQuery("SELECT label::text FROM personal_access_tokens"
            + " WHERE id = 3")) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString(1)).isEqualTo("terraform");
        }
        try (ResultSet rs = s.executeQuery("SELECT c.relname FROM pg_catalog.pg_class c"
            + " WHERE c.relname = 'personal_access_tokens'")) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString(1).toLowerCase(Locale.ROOT)).isEqualTo("personal_access_tokens");
        }
      }
    } finally {
      proc.destroy();
      proc.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static String text(JarFile j, String entry) throws IOException {
    JarEntry e = j.getJarEntry(entry);
    assertThat(e).as(entry).isNotNull();
    try (var in = j.getInputStream(e)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
