package io.linodejdbc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.sandbox.SandboxServer;
import io.linodejdbc.sandbox.SandboxToken;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the {@code linode-sql} script as a process, stdout redirected to a file, as a user piping
 * it would. The script is pointed at the build's class path ({@code LINODE_SQL_CLASSPATH}), so
 * it builds nothing.
 */
class LinodeSqlProcessTest {
  static final String TABLE = "linode.profile.personal_access_tokens";
  static final List<SandboxToken> DEMO = SampleData.demo();
  static final Path PROJECT =
      Paths.get(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();

  @TempDir Path dir;

  record Result(int code, String out, String err) {}

  /** The class path the script runs the shell with: the build's, without test-only logging. */
  static String shellClasspath() {
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> kept = new ArrayList<>();
    String slf4jSimple = null;
    for (String entry : cp.split(File.pathSeparator)) {
      String name = Paths.get(entry).getFileName().toString();
      if (entry.isBlank() || name.startsWith("logback-") || entry.endsWith("test-classes")) {
        continue;
      }
      if (name.startsWith("slf4j-api-")) {
        // slf4j-simple is the shell's backend (the tests leave it off their class path)
        Path api = Paths.get(entry).toAbsolutePath();
        String version = api.getParent().getFileName().toString();
        Path simple = api.getParent().getParent().getParent()
            .resolve("slf4j-simple").resolve(version).resolve("slf4j-simple-" + version + ".jar");
        if (Files.isRegularFile(simple)) {
          slf4jSimple = simple.toString();
        }
      }
      kept.add(entry);
    }
    if (slf4jSimple != null) {
      kept.add(slf4jSimple);
    }
    return String.join(File.pathSeparator, kept);
  }

  static ProcessBuilder script(Path dir, List<String> command, Map<String, String> env) {
    ProcessBuilder pb = new ProcessBuilder(command).directory(PROJECT.toFile());
    Map<String, String> e = pb.environment();
    e.remove("LINODE_TOKEN");
    e.remove("JAVA_TOOL_OPTIONS");
    e.put("HOME", dir.toString()); // no linode-cli configuration, no sqlline settings of this machine
    e.put("LINODE_SQL_CLASSPATH", shellClasspath());
    e.putAll(env);
    return pb;
  }

  Result run(Map<String, String> env, String input, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(PROJECT.resolve("linode-sql").toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process p = script(dir, command, env).redirectOutput(out.toFile()).redirectError(err.toFile())
        .start();
    try (OutputStream stdin = p.getOutputStream()) {
      stdin.write(input.getBytes(StandardCharsets.UTF_8));
    }
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("linode-sql did not finish: " + Files.readString(err));
    }
    return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  Result run(String... args) throws Exception {
    return run(Map.of(), "", args);
  }

  @Test void tableCsvJsonAndExplainAreWhole() throws Exception {
    String explain = "EXPLAIN PLAN FOR SELECT * FROM " + TABLE + " WHERE id = 3";
    String scan = "request=[GET /profile/tokens/{id} for id in [3]]";
    Result table = run("--sandbox", "-e", "SELECT * FROM " + TABLE + " ORDER BY id", "-e", explain);
    assertThat(table.code()).as(table.err()).isZero();
    assertThat(table.out()).containsPattern("\\|\\s+token\\s+\\|")
        .containsPattern("\\|\\s+scopes\\s+\\|");
    for (SandboxToken t : DEMO) {
      assertThat(table.out()).contains("| " + t.scopes() + " ").contains(t.secret().substring(0, 16));
    }
    assertThat(table.out()).contains(scan);
    assertThat(table.out()).doesNotContain(DEMO.get(0).secret());

    Result csv = run("--sandbox", "--outputformat=csv", "-e", "SELECT * FROM " + TABLE
        + " ORDER BY id", "-e", explain);
    assertThat(csv.code()).as(csv.err()).isZero();
    List<String> lines = csv.out().lines().collect(Collectors.toList());
    assertThat(lines.get(0)).isEqualTo("\"id\",\"created\",\"expiry\",\"label\",\"scopes\",\"token\"");
    assertThat(lines.get(1)).startsWith("\"1\",\"2024-01-15 09:30:00\",\"\",\"linode-sql\",\"*\",\"");
    assertThat(lines.subList(1, 1 + DEMO.size())).allMatch(l -> l.split("\",\"").length == 6);
    assertThat(lines).contains("\"PLAN\"").anyMatch(l -> l.contains(scan));

    Result json = run("--sandbox", "--outputformat=json", "-e", "SELECT * FROM " + TABLE
        + " ORDER BY id");
    assertThat(json.code()).as(json.err()).isZero();
    JsonNode rows = new ObjectMapper().readTree(json.out()).get("resultset");
    assertThat(rows).hasSize(DEMO.size());
    assertThat(rows.get(0).get("expiry").isNull()).isTrue();
    assertThat(rows.get(4).get("label").isNull()).isTrue();
    assertThat(rows.get(7).get("scopes").asText()).isEqualTo(DEMO.get(7).scopes());
    Result jsonPlan = run("--sandbox", "--outputformat=json", "-e", explain);
    assertThat(jsonPlan.out()).contains(scan.replace("/", "\\/"));
  }

  @Test void aParseErrorIsOneLine() throws Exception {
    Result r = run("--sandbox", "-e", "SELECT id FROM " + TABLE + " WHERE WHERE id = 1");
    assertThat(r.code()).isEqualTo(LinodeSql.EXIT_FAILED);
    List<String> errors = r.err().lines().filter(l -> l.contains("rror")).toList();
    assertThat(errors).as(r.err()).singleElement().asString().startsWith("Error: ")
        .contains("state=");
    assertThat(r.err()).doesNotContain("Was expecting").doesNotContain("\tat ");
  }

  @Test void dryRunDeleteShowsItsRequestAndSendsNothing() throws Exception {
    try (SandboxServer server = SandboxServer.builder().tokens(DEMO).start()) {
      Result r = run(Map.of("LINODE_TOKEN", server.actingToken()), "", "--api-url",
          server.baseUrl(), "-p", "dryRun=true", "--outputformat=csv",
          "-e", "DELETE FROM " + TABLE + " WHERE id = 5");
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out()).contains("\"DELETE\",\"/profile/tokens/5\"");
      assertThat(server.requestLog().requests()).isNotEmpty()
          .noneMatch(q -> q.method().equals("DELETE"));
      assertThat(r.out() + r.err()).doesNotContain(server.actingToken());
    }
  }

  @Test void theHistoryFileNeverHoldsTheToken() throws Exception {
    try (SandboxServer server = SandboxServer.builder().tokens(DEMO).start()) {
      String token = server.actingToken();
      Path history = dir.resolve("history");
      String input = String.join("\n",
          "SELECT COUNT(*) AS n FROM " + TABLE + ";",
          "SELECT id FROM " + TABLE + " WHERE token = '" + token + "';",
          "SELECT id FROM " + TABLE,
          "WHERE label = '" + token + "';",
          "!quit", "");
      Result r = run(Map.of("LINODE_TOKEN", token), input, "--api-url", server.baseUrl(),
          "--historyFile=" + history);
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(history).isRegularFile();
      String saved = Files.readString(history);
      assertThat(saved).contains("SELECT COUNT(*) AS n FROM").doesNotContain(token);
      assertThat(r.out() + r.err()).doesNotContain(token);
    }
  }

  @Test void buildsNothingAndTalksOnlyOfWhatMatters() throws Exception {
    Result r = run("--sandbox", "-e", "SELECT 1");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).doesNotContain("log4j").doesNotContain("SLF4J").doesNotContain("\u001b[")
        .doesNotContain("isolation")
        .doesNotContain("building");
  }

  static String read(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }
}
