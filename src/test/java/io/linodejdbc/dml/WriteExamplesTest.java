package io.linodejdbc.dml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.linodejdbc.sandbox.SandboxToken;
import io.linodejdbc.testing.ResultSets;
import io.linodejdbc.testing.SandboxFixture;
import io.linodejdbc.testing.SqlExampleScript.Example;
import io.linodejdbc.testing.SqlExampleScript;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the write examples, {@code sql-examples/20-*.sql} onwards, each file against a fresh
 * sandbox holding the demo tokens (a write changes the data the next file would see), its
 * statements in order on one connection. {@code cli/SqlExamplesTest} shares one sandbox across
 * all files and refuses writes, so it cannot run these.
 *
 * <p>{@code -- expect:} terms, as in {@code sql-examples/README.md} plus three for writes:
 * {@code rows=N}, {@code rows>0}, {@code requests=N}, {@code plan~TEXT}, and
 * {@code count=N} (rows the write changed: its update count), {@code writes=N} (POST/PUT/DELETE
 * requests the sandbox received), {@code tokens=N} (tokens stored afterwards).
 *
 * <p>A returned {@code token} of full length must be the stored secret of the returned id; it is
 * compared, never printed.
 */
public class WriteExamplesTest {
  static final Path DIR = Path.of(System.getProperty("basedir", "."), "sql-examples");
  public static final int FIRST_WRITE_EXAMPLE = 20;


  static Stream<String> files() throws IOException {
    try (Stream<Path> list = Files.list(DIR)) {
      return list.map(f -> f.getFileName().toString())
          .filter(n -> n.matches("\\d+-.*\\.sql"))
          .filter(n -> Integer.parseInt(n.substring(0, n.indexOf('-'))) >= FIRST_WRITE_EXAMPLE)
          .sorted().toList().stream();
    }
  }

  @Test void theWriteExamplesExistAndCoverTheSeedPage() throws IOException {
    List<String> names = files().toList();
    assertThat(names).hasSizeGreaterThanOrEqualTo(4);
    StringBuilder all = new StringBuilder();
    for (String n : names) {
      all.append(Files.readString(DIR.resolve(n), StandardCharsets.UTF_8)).append('\n');
    }
    String sql = all.toString().toUpperCase(Locale.ROOT);
    assertThat(sql).contains("INSERT INTO LINODE.PROFILE.PERSONAL_ACCESS_TOKENS",
        "DATA__EXPIRY", "RETURNING", "REPLACE LINODE.PROFILE.PERSONAL_ACCESS_TOKENS",
        "SET\nDATA__LABEL", "WHERE TOKENID = ", "DELETE FROM LINODE.PROFILE.PERSONAL_ACCESS_TOKENS",
        "WHERE LABEL = ");
    assertThat(sql).doesNotContainPattern("SELECT\\s+DATA,\\s*PAGE");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void runsOnAFreshSandbox(String file) throws Exception {
    List<Example> examples =
        SqlExampleScript.parse(Files.readString(DIR.resolve(file), StandardCharsets.UTF_8));
    assertThat(examples).as("statements in " + file).isNotEmpty();
    try (SandboxFixture box = SandboxFixture.demo()) {
      assertThat(box.ids()).as("fresh demo data").hasSize(8);
      Connection c = box.connect();
      for (Example ex : examples) {
        String where = file + ":" + ex.line();
        assertThat(ex.expect()).as(where + ": every statement needs an '-- expect:' line")
            .isNotBlank();
        box.clearRequests();
        int rows = -1;
        long count = -1;
        StringBuilder text = new StringBuilder();
        try (Statement st = c.createStatement()) {
          if (st.execute(ex.sql())) {
            try (ResultSet rs = st.getResultSet()) {
              List<String> cols = ResultSets.labels(rs);
              List<List<String>> result = ResultSets.strings(rs);
              if (cols.equals(List.of("ROWCOUNT"))) {
                // UPDATE/DELETE answer a ROWCOUNT row instead of an update count (known defect).
                count = Long.parseLong(result.get(0).get(0));
              } else {
                rows = result.size();
                checkSecrets(box, where, cols, result);
                result.forEach(r -> text.append(String.join("\t", r)).append("\n"));
              }
            }
          } else {
            count = st.getLargeUpdateCount();
          }
        } catch (SQLException e) {
          fail(where + " failed: " + e.getSQLState() + " " + e.getMessage() + "\n" + ex.sql(), e);
        }
        check(where, ex, box, rows, count, text.toString());
      }
      box.assertConforms();
    }
  }

  private static void checkSecrets(SandboxFixture box, String where, List<String> cols,
      List<List<String>> result) {
    int id = cols.indexOf("id");
    int token = cols.indexOf("token");
    if (id < 0 || token < 0) {
      return;
    }
    for (List<String> r : result) {
      SandboxToken t = box.token(Integer.parseInt(r.get(id)));
      String v = r.get(token);
      boolean ok = v != null && (v.length() == 64 ? v.equals(t.secret()) : v.equals(t.prefix()));
      assertThat(ok).as(where + ": token of id " + t.id() + " is its secret or its prefix").isTrue();
    }
  }

  private static void check(String where, Example ex, SandboxFixture box, int rows, long count,
      String text) {
    for (String term : ex.expect().trim().split("\\s+")) {
      if (term.equals("rows>0")) {
        assertThat(rows).as(where + " rows").isPositive();
      } else if (term.startsWith("rows=")) {
        assertThat(rows).as(where + " rows").isEqualTo(Integer.parseInt(term.substring(5)));
      } else if (term.startsWith("count=")) {
        assertThat(count).as(where + " rows changed").isEqualTo(Long.parseLong(term.substring(6)));
      } else if (term.startsWith("requests=")) {
        assertThat(box.requestLines()).as(where + " HTTP requests")
            .hasSize(Integer.parseInt(term.substring(9)));
      } else if (term.startsWith("writes=")) {
        assertThat(box.writes()).as(where + " POST/PUT/DELETE requests")
            .hasSize(Integer.parseInt(term.substring(7)));
      } else if (term.startsWith("tokens=")) {
        assertThat(box.ids()).as(where + " tokens stored afterwards")
            .hasSize(Integer.parseInt(term.substring(7)));
      } else if (term.startsWith("plan~")) {
        assertThat(text).as(where + " plan").contains(term.substring(5));
      } else {
        fail(where + ": unknown expect term '" + term + "'");
      }
    }
  }

}
