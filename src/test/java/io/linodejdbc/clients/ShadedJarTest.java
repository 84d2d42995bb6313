package io.linodejdbc.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.linodejdbc.sandbox.SandboxServer;
import io.linodejdbc.testing.SandboxFixture;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The self-contained driver jar as a user's tool loads it: in a class loader of its own that sees
 * nothing but the JDK. Runs in failsafe's integration-test phase (after package), which passes
 * the jar's path as {@code linodejdbc.driverJar}; skipped where that is not given.
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
    assertThat(Files.size(jar)).isLessThan(Long.getLong("linodejdbc.driverJarMaxBytes",
        40L << 20));
  }

  private static String text(JarFile j, String entry) throws IOException {
    JarEntry e = j.getJarEntry(entry);
    assertThat(e).as(entry).isNotNull();
    try (var in = j.getInputStream(e)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
