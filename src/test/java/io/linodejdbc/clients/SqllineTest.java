package io.linodejdbc.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.linodejdbc.sandbox.SandboxServer;
import io.linodejdbc.testing.SandboxFixture;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sqlline.SqlLine;

/** Plain sqlline (not our shell) driving the driver non-interactively. */
class SqllineTest {
  private static SandboxServer server;

  @BeforeAll static void start() {
    server = SandboxFixture.demoServer();
  }

  @AfterAll static void stop() {
    server.close();
  }

  private record Run(SqlLine.Status status, String out, String err) {}

  private static Run run(String script, String... options) throws Exception {
    List<String> args = new ArrayList<>(List.of("-d", "io.linodejdbc.jdbc.LinodeDriver",
        "-u", SandboxFixture.clientUrl(server), "-n", "x", "-p", server.actingToken(),
        "--isolation=TRANSACTION_NONE", "--showWarnings=true"));
    args.addAll(List.of(options));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    SqlLine sqlline = new SqlLine();
    sqlline.setOutputStream(new PrintStream(out, true, StandardCharsets.UTF_8));
    sqlline.setErrorStream(new PrintStream(err, true, StandardCharsets.UTF_8));
    SqlLine.Status status = sqlline.begin(args.toArray(new String[0]),
        new ByteArrayInputStream((script + "\n!quit\n").getBytes(StandardCharsets.UTF_8)),
        false);
    return new Run(status, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test void browsesTablesColumnsAndKeys() throws Exception {
    Run r = run("!tables\n!columns personal_access_tokens\n!primarykeys personal_access_tokens\n"
        + "!indexes personal_access_tokens\n!metadata getDatabaseProductName\n", "--maxWidth=4000");
    assertThat(r.err()).doesNotContain("Error").doesNotContain("Exception");
    assertThat(r.out())
        .containsPattern("\\| *linode *\\| *profile *\\| *personal_access_tokens *\\| *TABLE")
        .containsPattern("\\| *linode *\\| *profile *\\| *personal_access_tokens_pages *\\| *VIEW")
        .contains("Personal Access Tokens of the acting user")
        .containsPattern("\\| *label *\\| *12 *\\| *VARCHAR *\\| *100 ")
        .containsPattern("\\| *id *\\| *4 *\\| *INTEGER *\\| *10 ")
        .contains("This token's unique ID")
        .containsPattern("\\| *personal_access_tokens *\\| *id *\\| *1 *\\| *"
            + "personal_access_tokens_pkey")
        .contains("Linode API")
        .doesNotContain("metadata | COLUMNS")
        .doesNotContain(server.actingToken());
  }

  @Test void queriesAsCsvAndJson() throws Exception {
    Run csv = run("SELECT id, label FROM \"linode\".\"profile\".\"personal_access_tokens\""
        + " WHERE id <= 3 ORDER BY id;", "--outputformat=csv");
    assertThat(csv.err()).doesNotContain("Error");
    assertThat(csv.out()).contains("'id','label'", "'1','linode-sql'", "'2','ci-deploy'",
        "'3','terraform'");
    Run json = run("SELECT id, label FROM personal_access_tokens WHERE id IN (2, 5)"
        + " ORDER BY id;", "--outputformat=json");
    assertThat(json.err()).doesNotContain("Error");
    assertThat(json.out().replaceAll("\\s", ""))
        .contains("{\"id\":2,\"label\":\"ci-deploy\"}", "{\"id\":5,\"label\":null}");
  }
}
