package io.linodejdbc.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.linodejdbc.sandbox.SampleData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** psql, driven as a process, against the server. */
class PsqlClientTest {
  private static PgServerFixture f;

  @BeforeAll
  static void start() {
    f = PgServerFixture.start(SampleData.demo());
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  private static ExternalClients.Result psql(String password, String... commands) {
    Path psql = ExternalClients.psql();
    List<String> cmd = new ArrayList<>(List.of(psql.toString(), "-X", "-q", "-A",
        "-h", "127.0.0.1", "-p", Integer.toString(f.server.port()), "-U", "analyst",
        "-d", "linode", "-v", "ON_ERROR_STOP=1"));
    for (String c : commands) {
      cmd.add("-c");
      cmd.add(c);
    }
    return ExternalClients.run(cmd, Map.of("PGPASSWORD", password, "PGCONNECT_TIMEOUT", "120"),
        120);
  }

  @Test
  void aQuery() {
    ExternalClients.Result r = psql(f.token(), "SELECT id, label FROM personal_access_tokens"
        + " WHERE id IN (1, 2) ORDER BY id");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out().lines().toList())
        .containsExactly("id|label", "1|linode-sql", "2|ci-deploy", "(2 rows)");
  }

  @Test
  void copyToStdoutAsCsv() {
    ExternalClients.Result r = psql(f.token(), "\\copy (SELECT id, label, expiry FROM"
        + " personal_access_tokens WHERE id <= 3 ORDER BY id) TO STDOUT CSV HEADER");
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).isEqualTo("id,label,expiry");
    assertThat(lines.get(1)).startsWith("1,linode-sql,");
    assertThat(lines.get(2)).startsWith("2,ci-deploy,");
  }

  @Test
  void settingsAndSeveralStatements() {
    ExternalClients.Result r = psql(f.token(), "SHOW server_version; SELECT COUNT(*) AS n"
        + " FROM personal_access_tokens");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("15.0 (linode-jdbc").contains("n\n" + SampleData.demo().size());
  }

  @Test
  void anErrorShowsStatePositionAndExitCode() {
    ExternalClients.Result r = psql(f.token(), "\\set VERBOSITY verbose",
        "SELECT lable FROM personal_access_tokens");
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.err()).contains("ERROR:  42703").contains("LINE 1: SELECT lable");
  }

  @Test
  void listTablesSchemasAndDatabases() {
    ExternalClients.Result r = psql(f.token(), "\\dt profile.*", "\\dn", "\\l");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("profile|personal_access_tokens|table|linode")
        .contains("profile|linode")
        .contains("linode|linode|UTF8|C|C|");
    assertThat(r.out()).doesNotContain("pg_catalog|pg_class");
  }

  @Test
  void describeATableListsItsColumnsAndPrimaryKey() {
    ExternalClients.Result r = psql(f.token(), "\\d profile.personal_access_tokens");
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("Table \"profile.personal_access_tokens\"");
    assertThat(lines.subList(1, 8)).containsExactly("Column|Type|Collation|Nullable|Default",
        "id|integer||not null|", "created|timestamp without time zone||not null|",
        "expiry|timestamp without time zone|||", "label|character varying(100)|||",
        "scopes|character varying|||", "token|character varying|||");
    assertThat(lines.subList(8, lines.size())).containsExactly("Indexes:",
        "    \"personal_access_tokens_pkey\" PRIMARY KEY, btree (id)");
  }

  @Test
  void describePlusAddsStorageAndTheApiDescriptions() {
    ExternalClients.Result r = psql(f.token(), "\\d+ profile.personal_access_tokens");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("id|integer||not null||plain|||This token's unique ID")
        .contains("\"personal_access_tokens_pkey\" PRIMARY KEY, btree (id)")
        .contains("Access method: heap");
  }

  @Test
  void describeCostsNoApiRequest() throws Exception {
    psql(f.token(), "SELECT 1"); // warm-up: the login itself is one request
    f.clearRequests();
    ExternalClients.Result r = psql(f.token(), "\\dt profile.*", "\\dn",
        "\\d+ profile.personal_access_tokens");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(f.sandbox.requestLog().requests()).hasSize(1); // the login check only
  }

  @Test
  void aWrongTokenIsRefused() {
    ExternalClients.Result r = psql("wrong-token", "SELECT 1");
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.err()).contains("password authentication failed").doesNotContain("wrong-token");
  }
}
