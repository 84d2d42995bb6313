package io.linodejdbc.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.linodejdbc.sandbox.LabelMatching;
import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.testing.Corpus;
import io.linodejdbc.testing.SandboxFixture;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random token-level mutations of valid PostgreSQL-dialect queries (a token dropped, doubled,
 * swapped with its neighbour or replaced by another): whatever the driver then says is one line
 * without the parser's list of expected tokens and without a Java class name.
 */
class PgErrorMutationProperties {
  private static final Pattern TOKEN = Pattern.compile(
      "'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|::|!~\\*?|~\\*?|<>|!=|<=|>=|\\|\\||[A-Za-z_][\\w$]*"
          + "|\\d+(?:\\.\\d+)?|\\S");
  private static final List<String> INSERTS = List.of("::", "(", ")", ",", "'", "FROM", "WHERE",
      "ILIKE", "interval", "~", "1", "'x'", "::int", "::regclass", "now()", "AS", "GROUP BY",
      "E'\\x'", "$$", "OPERATOR(", "*", "NULL", "'2024-13-01'", ";", "\"", "SELECT");
  private static final Pattern JAVA_NAME = Pattern.compile(
      "\\b(?:java|javax|org\\.apache|io\\.linodejdbc)\\.[a-z]|\\b[A-Z]\\w*(?:Exception|Error)\\b");

  private static SandboxFixture fixture;
  private static Connection conn;
  private static List<String> queries;

  @BeforeContainer
  static void start() throws SQLException {
    fixture = SandboxFixture.start(SampleData.adversarial(60, 3), LabelMatching.EXACT);
    conn = fixture.connect();
    queries = Corpus.load(PgDifferentialTest.CORPUS).stream().map(Corpus.Query::sql).toList();
  }

  @AfterContainer
  static void stop() throws SQLException {
    conn.close();
    fixture.close();
  }

  record Mutation(int query, int kind, int at, int insert) {}

  @Provide
  Arbitrary<Mutation> mutations() {
    return net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 10_000),
        Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 10_000),
        Arbitraries.integers().between(0, INSERTS.size() - 1)).as(Mutation::new);
  }

  @Property(tries = 250, seed = "90909")
  void mutatedQueriesNeverLeakParserOrJavaText(@ForAll("mutations") Mutation m) {
    String sql = mutate(queries.get(m.query() % queries.size()), m);
    try (Statement s = conn.createStatement()) {
      s.setQueryTimeout(30);
      try (java.sql.ResultSet rs = s.executeQuery(sql)) {
        while (rs.next()) {
          rs.getObject(1); // errors of evaluation come while reading
        }
      }
    } catch (SQLException e) {
      String message = String.valueOf(e.getMessage());
      assertThat(message).as(sql).doesNotContain("Was expecting").doesNotContain("\n");
      Matcher java = JAVA_NAME.matcher(message);
      assertThat(java.find()).as(sql + " -> " + message).isFalse();
    }
  }

  static String mutate(String sql, Mutation m) {
    List<String> tokens = new ArrayList<>();
    Matcher t = TOKEN.matcher(sql);
    while (t.find()) {
      tokens.add(t.group());
    }
    int i = m.at() % tokens.size();
    switch (m.kind()) {
    case 0 -> tokens.remove(i);
    case 1 -> tokens.add(i, tokens.get(i));
    case 2 -> {
      if (i + 1 < tokens.size()) {
        String a = tokens.get(i);
        tokens.set(i, tokens.get(i + 1));
        tokens.set(i + 1, a);
      }
    }
    default -> tokens.set(i, INSERTS.get(m.insert()));
    }
    return String.join(" ", tokens);
  }
}
