package io.linodejdbc.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.sandbox.SandboxServer;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClassPreloaderTest {
  static final AtomicInteger INITIALIZED = new AtomicInteger();

  /** A class whose initializer says when it ran. */
  static final class Probe {
    static {
      INITIALIZED.incrementAndGet();
    }

    private Probe() {}
  }

  @Test void everyListedClassExistsOnTheClassPath() throws Exception {
    List<String> missing = new ArrayList<>();
    int listed = 0;
    try (BufferedReader list = list()) {
      for (String line = list.readLine(); line != null; line = list.readLine()) {
        String name = ClassPreloader.name(line.strip(), false);
        if (name == null) {
          continue;
        }
        listed++;
        try {
          Class.forName(name, false, getClass().getClassLoader());
        } catch (ClassNotFoundException e) {
          missing.add(name);
        }
      }
    }
    // A failure here means a dependency or a class of the driver changed: run bench/PreloadList.
    assertThat(missing).as("listed classes that no longer exist").isEmpty();
    assertThat(listed).as("classes listed").isGreaterThan(3_000);
  }

  @Test void theListNamesCalciteRelocatedAndTheDriverAsItIs() throws IOException {
    List<String> lines;
    try (BufferedReader list = list()) {
      lines = list.lines().toList();
    }
    assertThat(lines).contains("~org.apache.calcite.jdbc.CalciteConnection",
        "io.linodejdbc.jdbc.LinodeConnection");
    assertThat(lines).noneMatch(l -> l.startsWith("java.") || l.startsWith("~java.")
        || l.contains("$$Lambda") || l.startsWith("io.linodejdbc.shaded."));
  }

  @Test void loadsWithoutRunningStaticInitializers() throws IOException {
    int before = INITIALIZED.get();
    ClassPreloader.Result result = ClassPreloader.load(reader(Probe.class.getName(),
        "# a comment", "", "no.such.Clazz", "~no.such.Relocated"), getClass().getClassLoader(),
        false);
    assertThat(result).isEqualTo(new ClassPreloader.Result(1, 2));
    assertThat(INITIALIZED.get()).isEqualTo(before);
    // the check above can fail: initializing the same class does count
    try {
      Class.forName(Probe.class.getName(), true, getClass().getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
    assertThat(INITIALIZED.get()).isEqualTo(before + 1);
  }

  @Test void linesNameClassesRelocatedOrNot() {
    assertThat(ClassPreloader.name("~org.apache.calcite.rel.rules.CoreRules", true))
        .isEqualTo("io.linodejdbc.shaded.org.apache.calcite.rel.rules.CoreRules");
    assertThat(ClassPreloader.name("~org.apache.calcite.rel.rules.CoreRules", false))
        .isEqualTo("org.apache.calcite.rel.rules.CoreRules");
    assertThat(ClassPreloader.name("io.linodejdbc.jdbc.LinodeDriver", true))
        .isEqualTo("io.linodejdbc.jdbc.LinodeDriver");
    assertThat(ClassPreloader.name("# written by bench/PreloadList", true)).isNull();
    assertThat(ClassPreloader.name("", false)).isNull();
  }

  /** Every JDBC interface a session's objects are proxies of has its proxy class made ahead. */
  @Test void theProxyClassesMadeAheadAreTheOnesASessionUses() throws Exception {
    List<Object> objects = new ArrayList<>();
    try (SandboxServer server = SandboxServer.builder().tokens(SampleData.demo()).start()) {
      Properties p = new Properties();
      p.setProperty("token", server.actingToken());
      p.setProperty("apiUrl", server.baseUrl());
      try (Connection c = new LinodeDriver().connect("jdbc:linode:", p);
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT id FROM personal_access_tokens");
          PreparedStatement ps = c.prepareStatement("SELECT id FROM personal_access_tokens");
          ResultSet keys = c.getMetaData().getTables(null, null, "%", null)) {
        objects.addAll(List.of(c, s, rs, ps, c.getMetaData(), keys)); // (the shell wraps metadata)
      }
    }
    for (Object o : objects) {
      assertThat(Proxy.isProxyClass(o.getClass())).as(o.getClass().getName()).isTrue();
      assertThat(ClassPreloader.PROXIED).as(o.getClass().getName())
          .containsAll(List.of(o.getClass().getInterfaces()));
    }
    ClassLoader loader = ClassPreloader.class.getClassLoader();
    ClassPreloader.defineProxyClasses(loader);
    for (Object o : objects) {
      // the wrappers' proxies are of the classes made ahead (the JDK keeps one per loader)
      Object made = Proxy.newProxyInstance(loader, o.getClass().getInterfaces(), (x, m, a) -> null);
      assertThat(made.getClass()).as(o.getClass().getName()).isSameAs(o.getClass());
    }
  }

  @Test void onTheTestClassPathNothingIsRelocated() {
    assertThat(ClassPreloader.relocated()).isFalse();
  }

  @Test void theSystemPropertyFalseTurnsItOff() {
    assertThat(ClassPreloader.enabled(null)).isTrue();
    assertThat(ClassPreloader.enabled("true")).isTrue();
    assertThat(ClassPreloader.enabled("false")).isFalse();
    assertThat(ClassPreloader.enabled(" FALSE ")).isFalse();
  }

  private static BufferedReader reader(String... lines) {
    return new BufferedReader(new StringReader(String.join("\n", lines)));
  }

  private BufferedReader list() {
    InputStream in = ClassPreloader.class.getResourceAsStream(ClassPreloader.LIST);
    assertThat(in).as(ClassPreloader.LIST).isNotNull();
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }
}
