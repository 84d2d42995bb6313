package io.linodejdbc.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.linodejdbc.sandbox.SandboxServer;
import io.linodejdbc.testing.SandboxFixture;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The driver as a Maven user gets it, from a local repository of its own under the build folder:
 * the packaged driver jar is installed there with the POM the build installs (the
 * dependency-reduced one), then a consumer project declaring the README's coordinates
 * ({@code io.linodejdbc:linode-jdbc:VERSION:driver}) resolves its class path with Maven and a
 * program on exactly that class path queries the sandbox. The repository borrows the plugins from
 * the user's local repository (symbolic links), so that Maven can run offline; our own group is
 * never linked, only installed. Runs in failsafe (after package); skipped where failsafe did not
 * pass the jar, the POM and Maven's home.
 */
class InstalledDriverTest {
  private static final String GROUP_PATH = "io/linodejdbc/linode-jdbc/";

  @Test void aConsumerOfTheCoordinatesGetsTheDriverJarAndNothingElse() throws Exception {
    String jarProp = System.getProperty("linodejdbc.driverJar");
    String pomProp = System.getProperty("linodejdbc.installedPom");
    String mavenHome = System.getProperty("linodejdbc.mavenHome");
    String userRepo = System.getProperty("linodejdbc.localRepository");
    String version = System.getProperty("linodejdbc.version");
    assumeTrue(jarProp != null && pomProp != null && mavenHome != null && userRepo != null,
        "run by failsafe (mvn verify) after package");
    Path jar = Path.of(jarProp);
    Path pom = Path.of(pomProp);
    assertThat(jar).isRegularFile();
    assertThat(pom).isRegularFile();

    // The installed POM names no dependency a consumer would inherit.
    String pomText = Files.readString(pom, StandardCharsets.UTF_8);
    assertThat(pomText).contains("<artifactId>linode-jdbc</artifactId>");
    assertThat(inheritedDependencies(pomText)).isEmpty();

    Path work = jar.getParent().resolve("it-install");
    delete(work);
    Path repo = work.resolve("repository");
    borrowPlugins(Path.of(userRepo), repo);

    String mvn = Path.of(mavenHome, "bin", "mvn").toString();
    run(work, mvn, repo, "org.apache.maven.plugins:maven-install-plugin:3.1.4:install-file",
        "-Dfile=" + jar, "-DpomFile=" + pom, "-Dclassifier=driver");
    Path installed = repo.resolve(GROUP_PATH + version + "/linode-jdbc-" + version + "-driver.jar");
    assertThat(installed).isRegularFile().hasSameBinaryContentAs(jar);

    Path consumer = work.resolve("consumer");
    Files.createDirectories(consumer);
    Files.writeString(consumer.resolve("pom.xml"), """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>example</groupId>
          <artifactId>consumer</artifactId>
          <version>1</version>
          <dependencies>
            <dependency>
              <groupId>io.linodejdbc</groupId>
              <artifactId>linode-jdbc</artifactId>
              <version>%s</version>
              <classifier>driver</classifier>
            </dependency>
          </dependencies>
        </project>
        """.formatted(version), StandardCharsets.UTF_8);
    Path cpFile = consumer.resolve("classpath.txt");
    run(consumer, mvn, repo,
        "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath",
        "-Dmdep.outputFile=" + cpFile, "-Dmdep.includeScope=runtime");
    List<String> classPath = List.of(Files.readString(cpFile, StandardCharsets.UTF_8).strip()
        .split(File.pathSeparator));
    assertThat(classPath).containsExactly(installed.toString());

    // A program on that class path (and the JDK-only probe) connects and queries.
    try (SandboxServer sandbox = SandboxFixture.demoServer()) {
      Path probeDir = work.resolve("probe");
      Path target = probeDir.resolve("io/linodejdbc/clients/ShadedJarProbe.class");
      Files.createDirectories(target.getParent());
      Files.copy(Path.of(ShadedJarProbe.class.getResource("ShadedJarProbe.class").toURI()), target);
      Path sql = probeDir.resolve("statements.sql");
      Files.writeString(sql, ShadedJarProbe.join(List.of(
          "SELECT COUNT(*) AS n FROM linode.profile.personal_access_tokens WHERE id > 1")));
      ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin",
          "java").toString(), "-cp", String.join(File.pathSeparator, classPath) + File.pathSeparator
          + probeDir, ShadedJarProbe.class.getName(), "jdbc:linode:apiUrl=" + sandbox.baseUrl(),
          sql.toString());
      pb.environment().put("LINODE_TOKEN", sandbox.actingToken());
      pb.redirectErrorStream(true);
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
      assertThat(p.exitValue()).as(out).isZero();
      assertThat(out).contains("driver from: " + installed.toUri().getPath() + "\n")
          .contains("## 1\nrows 1\nn\n7\n");
    }
  }

  /** Dependencies in the POM's own dependencies section that a consumer would inherit. */
  static List<String> inheritedDependencies(String pom) throws Exception {
    var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(false);
    org.w3c.dom.Document doc = factory.newDocumentBuilder().parse(
        new java.io.ByteArrayInputStream(pom.getBytes(StandardCharsets.UTF_8)));
    List<String> found = new ArrayList<>();
    for (org.w3c.dom.Node n = doc.getDocumentElement().getFirstChild(); n != null;
         n = n.getNextSibling()) {
      if (!n.getNodeName().equals("dependencies")) {
        continue; // not dependencyManagement, not a plugin's dependencies
      }
      for (org.w3c.dom.Node d = n.getFirstChild(); d != null; d = d.getNextSibling()) {
        if (d instanceof org.w3c.dom.Element e && e.getTagName().equals("dependency")) {
          String scope = child(e, "scope");
          boolean inherited = !"true".equals(child(e, "optional"))
              && !List.of("test", "provided", "system").contains(scope == null ? "" : scope);
          if (inherited) {
            found.add(child(e, "groupId") + ":" + child(e, "artifactId"));
          }
        }
      }
    }
    return found;
  }

  private static String child(org.w3c.dom.Element e, String name) {
    var list = e.getElementsByTagName(name);
    return list.getLength() == 0 ? null : list.item(0).getTextContent().strip();
  }

  /** A repository whose entries link to the user's, except our own group's folder. */
  private static void borrowPlugins(Path userRepo, Path repo) throws IOException {
    Files.createDirectories(repo.resolve("io"));
    try (Stream<Path> top = Files.list(userRepo)) {
      for (Path p : top.toList()) {
        if (!p.getFileName().toString().equals("io")) {
          Files.createSymbolicLink(repo.resolve(p.getFileName().toString()), p);
        }
      }
    }
    Path io = userRepo.resolve("io");
    if (Files.isDirectory(io)) {
      try (Stream<Path> groups = Files.list(io)) {
        for (Path p : groups.toList()) {
          if (!p.getFileName().toString().equals("linodejdbc")) {
            Files.createSymbolicLink(repo.resolve("io").resolve(p.getFileName().toString()), p);
          }
        }
      }
    }
  }

  /** Runs Maven offline first (the plugins are linked), online if something is missing. */
  private static void run(Path dir, String mvn, Path repo, String... args) throws Exception {
    Files.createDirectories(dir);
    String failed = "";
    for (boolean offline : new boolean[] {true, false}) {
      List<String> cmd = new ArrayList<>(List.of(mvn, "-B", "-q", "-Dmaven.repo.local=" + repo));
      if (offline) {
        cmd.add("-o");
      }
      cmd.addAll(List.of(args));
      Path log = dir.resolve("mvn-" + System.nanoTime() + ".log");
      Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
      if (p.exitValue() == 0) {
        return;
      }
      failed += String.join(" ", cmd) + "\n" + Files.readString(log) + "\n";
    }
    throw new AssertionError("Maven failed:\n" + failed);
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) { // walk does not follow the links
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Test void thePomCheckSeesWhatAConsumerWouldInherit() throws Exception {
    assertThat(inheritedDependencies("""
        <project><dependencyManagement><dependencies><dependency><groupId>g</groupId>
        <artifactId>m</artifactId></dependency></dependencies></dependencyManagement>
        <build><plugins><plugin><artifactId>p</artifactId><dependencies><dependency>
        <groupId>g</groupId><artifactId>plugin-dep</artifactId></dependency></dependencies>
        </plugin></plugins></build>
        <dependencies><dependency><groupId>g</groupId><artifactId>a</artifactId></dependency>
        <dependency><groupId>g</groupId><artifactId>t</artifactId><scope>test</scope></dependency>
        <dependency><groupId>g</groupId><artifactId>o</artifactId><optional>true</optional>
        </dependency>
        <dependency><groupId>g</groupId><artifactId>r</artifactId><scope>runtime</scope>
        </dependency></dependencies></project>""")).containsExactly("g:a", "g:r");
  }
}
