package io.linodejdbc.cli;

import io.linodejdbc.testing.SqlExampleScript;
import io.linodejdbc.testing.SqlExampleScript.Example;
import io.linodejdbc.testing.SandboxFixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.sandbox.SandboxServer;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every file in {@code sql-examples/} through the driver against the sandbox's demo data and
 * checks each statement against the {@code -- expect:} line before it (see
 * {@code sql-examples/README.md}).
 */
class SqlExamplesTest {
  static final Path DIR = Path.of(System.getProperty("basedir", "."), "sql-examples");

  private static SandboxFixture fixture;
  private static SandboxServer server;
  private static Connection connection;

  /** One statement of a file and what its {@code expect} line says. */

  @BeforeAll static void start() throws Exception {
    fixture = SandboxFixture.of(SandboxServer.builder().tokens(SampleData.demo()).start());
    server = fixture.server();
    connection = fixture.connect();
  }

  @AfterAll static void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  static Stream<String> files() throws IOException {
    try (Stream<Path> list = Files.list(DIR)) {
      // Files 20 onwards change tokens; WriteExamplesTest runs each on a fresh sandbox.
      return list.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".sql"))
          .filter(n -> Integer.parseInt(n.substring(0, 2))
              < io.linodejdbc.dml.WriteExamplesTest.FIRST_WRITE_EXAMPLE)
          .sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void runs(String file) throws Exception {
    List<Example> examples =
        SqlExampleScript.parse(Files.readString(DIR.resolve(file), StandardCharsets.UTF_8));
    assertThat(examples).as("statements in " + file).isNotEmpty();
    for (Example ex : examples) {
      String where = file + ":" + ex.line();
      String upper = ex.sql().toUpperCase(Locale.ROOT);
      assertThat(upper).as(where + ": read examples share one sandbox and must not change it")
          .doesNotContainPattern("^\\s*(INSERT|UPDATE|DELETE|REPLACE)\\b");
      assertThat(ex.expect()).as(where + ": every statement needs an '-- expect:' line").isNotBlank();

      server.requestLog().clear();
      int rows = 0;
      StringBuilder text = new StringBuilder();
      try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(ex.sql())) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          rows++;
          for (int i = 1; i <= columns; i++) {
            text.append(rs.getString(i)).append('\t');
          }
          text.append('\n');
        }
      } catch (SQLException e) {
        fail(where + " failed: " + e.getMessage() + "\n" + ex.sql(), e);
      }
      long requests = server.requestLog().count();
      check(where, ex, rows, requests, text.toString());
    }
  }

  private static void check(String where, Example ex, int rows, long requests, String text) {
    for (String term : ex.expect().trim().split("\\s+")) {
      if (term.equals("rows>0")) {
        assertThat(rows).as(where + " rows").isPositive();
      } else if (term.startsWith("rows=")) {
        assertThat(rows).as(where + " rows").isEqualTo(Integer.parseInt(term.substring(5)));
      } else if (term.startsWith("requests=")) {
        assertThat(requests).as(where + " HTTP requests " + server.requestLog().requests())
            .isEqualTo(Long.parseLong(term.substring(9)));
      } else if (term.startsWith("plan~")) {
        assertThat(text).as(where + " plan").contains(term.substring(5));
      } else {
        fail(where + ": unknown expect term '" + term + "'");
      }
    }
  }


  @Test void coversTheBriefsCases() throws IOException {
    List<String> names = files().toList();
    assertThat(names).hasSizeGreaterThanOrEqualTo(14);
    StringBuilder all = new StringBuilder();
    for (String n : names) {
      all.append(Files.readString(DIR.resolve(n), StandardCharsets.UTF_8)).append('\n');
    }
    String sql = all.toString().toUpperCase(Locale.ROOT);
    assertThat(sql).contains("WHERE ID = 3", " IN (", "LIKE", "ORDER BY CREATED DESC",
        "LIMIT 5", "EXPIRY IS NULL", "GROUP BY SCOPES", "ROW_NUMBER() OVER", "EXPLAIN PLAN FOR",
        "WITH ", "LEFT JOIN");
  }

  @Test void parserFindsStatementsAndExpectations() {
    List<Example> ex = SqlExampleScript.parse("""
        -- header
        -- expect: rows=1 requests=1
        SELECT 1
        FROM t;

        -- expect: rows>0
        SELECT 2;
        SELECT 3;
        """);
    assertThat(ex).extracting(Example::sql).containsExactly("SELECT 1\nFROM t", "SELECT 2",
        "SELECT 3");
    assertThat(ex).extracting(Example::expect).containsExactly("rows=1 requests=1", "rows>0", "");
    assertThat(ex).extracting(Example::line).containsExactly(3, 7, 8);
  }
}
