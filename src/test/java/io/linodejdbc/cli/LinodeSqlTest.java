package io.linodejdbc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.sandbox.SandboxServer;
import io.linodejdbc.sandbox.SandboxToken;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the shell in-process, mostly against {@code --sandbox}, and reads what it printed. */
class LinodeSqlTest {
  private static final String TABLE = "linode.profile.personal_access_tokens";
  private static final List<SandboxToken> DEMO = SampleData.demo();

  /** What one run of the shell returned and printed. */
  record Run(int code, String out, String err) {
    String all() {
      return out + "\n" + err;
    }
  }

  static Run run(Map<String, String> env, InputStream in, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = LinodeSql.run(args, in, out, err, env);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Run run(String... args) {
    return run(Map.of(), InputStream.nullInputStream(), args);
  }

  @Test void countPrintsTheDemoTokenCount() {
    Run r = run("--sandbox", "-e", "SELECT count(*) AS n FROM " + TABLE);

    assertThat(r.code()).as(r.all()).isZero();
    // sqlline's table format: | n | over | 8 |
    List<String> cells = tableCells(r.out());
    assertThat(cells).as(r.out()).containsExactly("n", String.valueOf(DEMO.size()));
    assertThat(r.err()).contains("sandbox").contains(DEMO.size() + " sample tokens")
        .contains("no real Linode account");
  }

  @Test void sandboxTokensServesBulkData() {
    Run r = run("--sandbox-tokens", "1234", "--outputformat=csv", "--silent=true",
        "-e", "SELECT count(*) AS n, max(id) AS top FROM " + TABLE);

    assertThat(r.code()).as(r.all()).isZero();
    assertThat(csv(r.out())).containsExactly(List.of("n", "top"), List.of("1234", "1234"));
    assertThat(r.err()).contains("1234 sample tokens");
  }

  @Test void csvOutputHasEveryDemoToken() {
    Run r = run("--sandbox", "--outputformat=csv", "--silent=true",
        "-e", "SELECT id, label, scopes FROM " + TABLE + " WHERE label IS NOT NULL ORDER BY id");

    assertThat(r.code()).as(r.all()).isZero();
    List<List<String>> expected = new ArrayList<>();
    expected.add(List.of("id", "label", "scopes"));
    DEMO.stream().filter(t -> t.label() != null).sorted(Comparator.comparingLong(SandboxToken::id))
        .forEach(t -> expected.add(List.of(String.valueOf(t.id()), t.label(), t.scopes())));
    assertThat(csv(r.out())).isEqualTo(expected);
  }

  @Test void jsonOutputParses() throws Exception {
    Run r = run("--sandbox", "--outputformat=json", "--silent=true",
        "-e", "SELECT id, label, expiry FROM " + TABLE + " WHERE id IN (2, 3) ORDER BY id");

    assertThat(r.code()).as(r.all()).isZero();
    JsonNode rows = new ObjectMapper().readTree(r.out()).get("resultset");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).get("id").asInt()).isEqualTo(2);
    assertThat(rows.get(0).get("label").asText()).isEqualTo("ci-deploy");
    assertThat(rows.get(0).get("expiry").asText()).startsWith("2027-03-02 14:05:11");
    assertThat(rows.get(1).get("id").asInt()).isEqualTo(3);
    assertThat(rows.get(1).get("label").asText()).isEqualTo("terraform");
    assertThat(rows.get(1).get("expiry").asText()).startsWith("2999-12-12 05:00:00");
  }

  @Test void failingStatementGivesNonZeroExitAndOneLineError() {
    Run r = run("--sandbox", "-e", "SELECT no_such_column FROM " + TABLE);

    assertThat(r.code()).isEqualTo(LinodeSql.EXIT_FAILED);
    assertThat(r.err()).contains("Error:").contains("no_such_column");
    assertThat(r.all()).doesNotContain("\tat ").doesNotContain("Exception:");
  }

  @Test void lastStatementSucceedingDoesNotHideAnEarlierFailure() {
    Run r = run("--sandbox", "-e", "SELECT no_such_column FROM " + TABLE, "-e", "SELECT 1");

    assertThat(r.code()).as(r.all()).isEqualTo(LinodeSql.EXIT_FAILED);
  }

  @Test void scriptStopsAtTheFirstError(@TempDir Path dir) throws Exception {
    Path script = dir.resolve("s.sql");
    Files.writeString(script, String.join("\n",
        "-- two good statements around a bad one",
        "SELECT label FROM " + TABLE,
        "WHERE id = 3;",
        "SELECT no_such_column FROM " + TABLE + ";",
        "SELECT 'never-reached' AS marker;",
        ""));

    Run bad = run("--sandbox", "--outputformat=csv", "-f", script.toString());
    assertThat(bad.code()).as(bad.all()).isEqualTo(LinodeSql.EXIT_FAILED);
    assertThat(bad.out()).contains("\"terraform\"").doesNotContain("never-reached");

    Files.writeString(script, "SELECT label FROM " + TABLE + " WHERE id = 7;\n");
    Run good = run("--sandbox", "--outputformat=csv", "-f", script.toString());
    assertThat(good.code()).as(good.all()).isZero();
    assertThat(good.out()).contains("\"monitoring\"");
  }

  @Test void missingScriptIsAUsageError() {
    Run r = run("--sandbox", "-f", "/no/such/dir/script.sql");
    assertThat(r.code()).isEqualTo(LinodeSql.EXIT_USAGE);
    assertThat(r.err()).contains("/no/such/dir/script.sql");
  }

  @Test void interactiveModeReadsStatementsFromInput() {
    InputStream in = new ByteArrayInputStream(
        ("SELECT label FROM " + TABLE + " WHERE id = 8;\n!quit\n").getBytes(StandardCharsets.UTF_8));
    Run r = run(Map.of(), in, "--sandbox", "--outputformat=csv");

    assertThat(r.code()).as(r.all()).isZero();
    assertThat(r.out()).contains("\"backup-script\"");
  }

  /**
   * {@code --verbose=true} makes sqlline echo its {@code !connect ... -p password '<token>'}
   * command and print stack traces: the worst case for a leak. sqlline also prints some stack
   * traces with {@code printStackTrace()} to {@code System.err}, so that is captured too.
   */
  @Test void actingTokenIsNeverPrinted() {
    String secret = SandboxServer.DEFAULT_ACTING_TOKEN;
    PrintStream realErr = System.err;
    PrintStream realOut = System.out;
    ByteArrayOutputStream processErr = new ByteArrayOutputStream();
    ByteArrayOutputStream processOut = new ByteArrayOutputStream();
    Run r;
    try {
      System.setErr(new PrintStream(processErr, true, StandardCharsets.UTF_8));
      System.setOut(new PrintStream(processOut, true, StandardCharsets.UTF_8));
      r = run("--sandbox", "--verbose=true", "--showNestedErrs=true",
          "-e", "SELECT id, label, token FROM " + TABLE + " WHERE id = 1",
          "-e", "!dbinfo",
          "-e", "SELECT no_such_column FROM " + TABLE);
    } finally {
      System.setErr(realErr);
      System.setOut(realOut);
    }

    assertThat(r.code()).isEqualTo(LinodeSql.EXIT_FAILED);
    // The connection line was printed, with the URL, and the token went in as a password.
    assertThat(r.err()).contains("Connecting to jdbc:linode:apiUrl=http://127.0.0.1:")
        .contains("-p password \"" + RedactingOutputStream.MASK + "\"");
    // The token column shows only the first 16 characters, as the API does.
    assertThat(r.out()).contains(secret.substring(0, 16));
    assertThat(r.out()).doesNotContain(secret);
    assertThat(r.err()).doesNotContain(secret);
    assertThat(processErr.toString(StandardCharsets.UTF_8)).doesNotContain(secret);
    assertThat(processOut.toString(StandardCharsets.UTF_8)).doesNotContain(secret);
  }

  @Test void tokenFromLinodeCliConfiguration(@org.junit.jupiter.api.io.TempDir java.nio.file.Path home)
      throws Exception {
    try (SandboxServer server = SandboxServer.builder().tokens(DEMO).start()) {
      java.nio.file.Path config = home.resolve(".config");
      java.nio.file.Files.createDirectories(config);
      java.nio.file.Files.writeString(config.resolve("linode-cli"), "[DEFAULT]\n"
          + "default-user = me\n\n[me]\ntoken = " + server.actingToken() + "\n");
      Run r = run(Map.of("HOME", home.toString()), InputStream.nullInputStream(),
          "--api-url", server.baseUrl(), "--outputformat=csv", "--silent=true",
          "-e", "SELECT count(*) AS n FROM " + TABLE);
      assertThat(r.code()).as(r.all()).isZero();
      assertThat(csv(r.out())).containsExactly(List.of("n"), List.of(String.valueOf(DEMO.size())));
      assertThat(r.all()).doesNotContain(server.actingToken());
    }
  }

  @Test void tokenFromEnvironmentAndApiUrl() {
    try (SandboxServer server = SandboxServer.builder().tokens(DEMO).start()) {
      Run r = run(Map.of("LINODE_TOKEN", server.actingToken()), InputStream.nullInputStream(),
          "--api-url", server.baseUrl(), "--outputformat=csv", "--silent=true",
          "-e", "SELECT count(*) AS n FROM " + TABLE);

      assertThat(r.code()).as(r.all()).isZero();
      assertThat(csv(r.out())).containsExactly(List.of("n"), List.of(String.valueOf(DEMO.size())));
      assertThat(r.all()).doesNotContain(server.actingToken());
      assertThat(server.requestLog().requests()).isNotEmpty()
          .allSatisfy(req -> assertThat(req.path()).startsWith("/v4/profile/tokens"));
    }
  }

  @Test void tokenOptionWinsOverEnvironment() {
    try (SandboxServer server = SandboxServer.builder().tokens(DEMO).start()) {
      Run good = run(Map.of("LINODE_TOKEN", "wrong-token-from-env"), InputStream.nullInputStream(),
          "--token", server.actingToken(), "--api-url", server.baseUrl(),
          "-e", "SELECT count(*) FROM " + TABLE);
      assertThat(good.code()).as(good.all()).isZero();

      Run bad = run(Map.of(), InputStream.nullInputStream(),
          "--token", "not-the-sandbox-token", "--api-url", server.baseUrl(),
          "-e", "SELECT count(*) FROM " + TABLE);
      assertThat(bad.code()).isEqualTo(LinodeSql.EXIT_FAILED);
      assertThat(bad.all()).doesNotContain("not-the-sandbox-token");
    }
  }

  @Test void noTokenRunsOnTheSandboxAndSaysSo() {
    Run r = run("--outputformat=csv", "--silent=true",
        "-e", "SELECT count(*) AS n FROM " + TABLE);

    assertThat(r.code()).as(r.all()).isZero();
    assertThat(r.err()).contains("no Linode API token").contains("LINODE_TOKEN")
        .contains("sandbox");
    assertThat(csv(r.out())).containsExactly(List.of("n"), List.of(String.valueOf(DEMO.size())));
  }

  @Test void noTokenForAnExplicitApiUrlExplainsHowToSetOne() {
    Run r = run("--api-url", "http://127.0.0.1:9/v4", "-e", "SELECT 1");

    assertThat(r.code()).isEqualTo(LinodeSql.EXIT_USAGE);
    assertThat(r.err()).contains("LINODE_TOKEN").contains("--token").contains("--sandbox");
    assertThat(r.out()).isEmpty();
  }

  @Test void helpListsTheShellsOptionsAndSqllines() {
    Run r = run("--help");

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Usage: linode-sql").contains("--sandbox")
        .contains("--sandbox-tokens").contains("--token").contains("--api-url")
        .contains("LINODE_TOKEN").contains("-e \"SQL\"").contains("-f file.sql")
        .contains("--outputformat").contains("--property KEY=VALUE").contains("--sandbox-server")
        .contains("--port N");
    for (io.linodejdbc.jdbc.ConnectionProperty p : io.linodejdbc.jdbc.ConnectionProperty.values()) {
      if (!List.of("token", "password", "user").contains(p.key())) {
        assertThat(r.out()).as(p.key()).contains("  " + p.key() + " ");
      }
    }
    assertThat(run("-h").out()).isEqualTo(r.out());
  }

  @Test void afterAShellTheDriverManagerHasThePlainDriverAgain() throws Exception {
    assertThat(run("--sandbox", "-e", "SELECT 1").code()).isZero();
    assertThat(java.util.Collections.list(java.sql.DriverManager.getDrivers()))
        .anyMatch(d -> d instanceof io.linodejdbc.jdbc.LinodeDriver)
        .noneMatch(d -> d instanceof ShellDriver);
  }

  @Test void propertiesReachTheDriver() {
    Run dry = run("--sandbox", "-p", "dryRun=true", "--outputformat=csv",
        "-e", "DELETE FROM " + TABLE + " WHERE id = 5", "-e", "SELECT COUNT(*) AS n FROM " + TABLE);
    assertThat(dry.code()).as(dry.all()).isZero();
    assertThat(csv(dry.out())).contains(List.of("DELETE", "/profile/tokens/5", ""))
        .contains(List.of("n")).contains(List.of(String.valueOf(DEMO.size())));

    Run bad = run("--sandbox", "--property", "pageSize=7", "-e", "SELECT 1");
    assertThat(bad.code()).isEqualTo(LinodeSql.EXIT_FAILED);
    assertThat(bad.err()).contains("pageSize").contains("25 to 500");
    Run unknown = run("--sandbox", "-p", "pagesize2=7", "-e", "SELECT 1");
    assertThat(unknown.code()).isEqualTo(LinodeSql.EXIT_USAGE);
    assertThat(unknown.err()).contains("unknown connection property 'pagesize2'").contains("dryRun");
    assertThat(run("--sandbox", "-p", "dryRun", "-e", "SELECT 1").code())
        .isEqualTo(LinodeSql.EXIT_USAGE);
  }

  @Test void valuesPrintTheSameWayInEveryColumnAndFormat() throws Exception {
    String sql = "SELECT id, created, expiry, label, CAST(NULL AS INTEGER) AS n,"
        + " TIMESTAMP '2024-01-02 03:04:05.250' AS f FROM " + TABLE + " WHERE id = 5";
    Run table = run("--sandbox", "-e", sql);
    assertThat(table.code()).as(table.all()).isZero();
    assertThat(tableCells(table.out())).containsExactly("id", "created", "expiry", "label", "n", "f",
        "5", "2019-05-05 05:05:05", "NULL", "NULL", "NULL", "2024-01-02 03:04:05.25");

    Run csv = run("--sandbox", "--outputformat=csv", "-e", sql);
    assertThat(csv.out()).contains("\"5\",\"2019-05-05 05:05:05\",\"\",\"\",\"\",\"2024-01-02 03:04:05.25\"");

    Run json = run("--sandbox", "--outputformat=json", "-e", sql);
    JsonNode row = new ObjectMapper().readTree(json.out()).get("resultset").get(0);
    assertThat(row.get("id").isInt()).isTrue();
    assertThat(row.get("created").asText()).isEqualTo("2019-05-05 05:05:05");
    assertThat(row.get("expiry").isNull()).as(json.out()).isTrue();
    assertThat(row.get("label").isNull()).isTrue();
    assertThat(row.get("n").isNull()).isTrue();
  }

  @Test void csvQuotesAsRfc4180() {
    Run r = run("--sandbox", "--outputformat=csv",
        "-e", "SELECT 'say \"hi\", then go' AS q, 'it''s' AS a FROM " + TABLE + " WHERE id = 1");
    assertThat(r.code()).as(r.all()).isZero();
    assertThat(r.out().lines().toList()).containsExactly("\"q\",\"a\"",
        "\"say \"\"hi\"\", then go\",\"it's\"");
  }

  @Test void wideRowsAndPlansAreNotCut() {
    String label = "x".repeat(100);
    Run r = run("--sandbox", "-p", "dryRun=true",
        "-e", "SELECT id, scopes, token, '" + label + "' AS wide FROM " + TABLE + " WHERE id = 8",
        "-e", "EXPLAIN PLAN FOR SELECT * FROM " + TABLE + " WHERE id = 3");
    assertThat(r.code()).as(r.all()).isZero();
    assertThat(r.out()).contains("object_storage:read_write volumes:read_only").contains(label)
        .contains("token");
    assertThat(r.out().lines().filter(l -> l.contains("LinodeTableScan")))
        .singleElement().asString()
        .contains("request=[GET /profile/tokens/{id} for id in [3]])").endsWith("|");
  }

  @Test void errorsAreOneLineWithTheirState() {
    Run r = run("--sandbox", "-e", "SELECT * FROM " + TABLE + " WHERE WHERE id = 1");
    assertThat(r.code()).isEqualTo(LinodeSql.EXIT_FAILED);
    List<String> errors = r.err().lines().filter(l -> l.startsWith("Error:")).toList();
    assertThat(errors).singleElement().asString().contains("(state=4");
    assertThat(r.all()).doesNotContain("Was expecting").doesNotContain("\tat ")
        .doesNotContain("Exception");
  }

  @Test void firstLineDropsJavaClassNames() {
    assertThat(ShellSqlLine.firstLine("GET / failed: java.net.ConnectException: refused\nmore"))
        .isEqualTo("GET / failed: refused");
    assertThat(ShellSqlLine.firstLine("\n  Encountered \"WHERE\"\nWas expecting one of:"))
        .isEqualTo("Encountered \"WHERE\"");
  }

  @Test void aRejectedTokenIsSaidBeforeThePrompt() {
    try (SandboxServer server = SandboxServer.builder().tokens(DEMO).start()) {
      Run r = run(Map.of("LINODE_TOKEN", "bogus-token-value"), InputStream.nullInputStream(),
          "--api-url", server.baseUrl(), "-e", "SELECT 1");
      assertThat(r.code()).isEqualTo(LinodeSql.EXIT_FAILED);
      assertThat(r.err()).contains("rejected the token").contains("401").contains(server.baseUrl());
      assertThat(r.out()).isEmpty();
      assertThat(r.all()).doesNotContain("bogus-token-value");
      assertThat(server.requestLog().requests()).hasSize(1);
    }
  }

  @Test void anUnreachableApiIsSaidWithItsUrl() {
    Run r = run(Map.of("LINODE_TOKEN", "some-token"), InputStream.nullInputStream(),
        "--api-url", "http://127.0.0.1:1/v4", "-e", "SELECT 1");
    assertThat(r.code()).isEqualTo(LinodeSql.EXIT_FAILED);
    assertThat(r.err()).contains("cannot reach the Linode API at http://127.0.0.1:1/v4")
        .doesNotContain("Exception");
  }

  @Test void sandboxServerPrintsTheUrlAndTokenAndServes() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    java.util.concurrent.CountDownLatch stop = new java.util.concurrent.CountDownLatch(1);
    LinodeSql.Options options = LinodeSql.Options.parse(
        new String[] {"--sandbox-server", "--sandbox-tokens", "30"});
    Thread serving = new Thread(() -> LinodeSql.serveSandbox(options,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), stop));
    serving.start();
    try {
      String url = null;
      String token = null;
      for (int i = 0; i < 600 && token == null; i++) {
        for (String line : out.toString(StandardCharsets.UTF_8).lines().toList()) {
          if (line.startsWith("JDBC URL: ")) {
            url = line.substring("JDBC URL: ".length()).trim();
          } else if (line.startsWith("Token: ")) {
            token = line.substring("Token: ".length()).trim().split("\\s+")[0];
          }
        }
        Thread.sleep(50);
      }
      assertThat(url).startsWith("jdbc:linode:apiUrl=http://127.0.0.1:");
      java.util.Properties props = new java.util.Properties();
      props.setProperty("password", token);
      Class.forName(LinodeSql.DRIVER_CLASS);
      try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, props);
          java.sql.ResultSet rs = c.createStatement().executeQuery(
              "SELECT COUNT(*) FROM " + TABLE)) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(30);
      }
      assertThat(serving.isAlive()).isTrue();
    } finally {
      stop.countDown();
      serving.join(10_000);
    }
    assertThat(serving.isAlive()).isFalse();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> LinodeSql.Options.parse(
        new String[] {"--sandbox-server", "--port", "0"})).hasMessageContaining("--port");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> LinodeSql.Options.parse(
        new String[] {"--sandbox-server", "-e", "SELECT 1"})).hasMessageContaining("only");
  }

  @Test void badArgumentsAreUsageErrors() {
    assertThat(run("-u", "jdbc:linode:").code()).isEqualTo(LinodeSql.EXIT_USAGE);
    assertThat(run("--sandbox", "--token", "x").code()).isEqualTo(LinodeSql.EXIT_USAGE);
    assertThat(run("--sandbox-tokens", "many").code()).isEqualTo(LinodeSql.EXIT_USAGE);
    assertThat(run("-e").code()).isEqualTo(LinodeSql.EXIT_USAGE);
    Run unknown = run("--sandbox", "--noSuchSqllineOption=1", "-e", "SELECT 1");
    assertThat(unknown.code()).isEqualTo(LinodeSql.EXIT_USAGE);
  }

  /** Cells of sqlline's table output, header first, blank cells and borders dropped. */
  private static List<String> tableCells(String out) {
    List<String> cells = new ArrayList<>();
    for (String line : out.split("\\R")) {
      if (line.startsWith("|")) {
        for (String cell : line.split("\\|")) {
          if (!cell.isBlank()) {
            cells.add(cell.trim());
          }
        }
      }
    }
    return cells;
  }

  /** The shell's csv: every value in double quotes, comma-separated (demo values have neither). */
  static List<List<String>> csv(String out) {
    List<List<String>> rows = new ArrayList<>();
    for (String line : out.split("\\R")) {
      if (line.startsWith("\"") && line.endsWith("\"")) {
        rows.add(List.of(line.substring(1, line.length() - 1).split("\",\"", -1)));
      }
    }
    return rows;
  }
}
