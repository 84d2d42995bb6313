package io.linodejdbc.dml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.linodejdbc.sandbox.LabelMatching;
import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.sandbox.SandboxToken;
import io.linodejdbc.testing.H2Oracle;
import io.linodejdbc.testing.LinodeAssert;
import io.linodejdbc.testing.ResultSets;
import io.linodejdbc.testing.SandboxFixture;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every statement of {@code dml/write-corpus.sql} applied to H2 and, through the driver, to the
 * sandbox (label matching EXACT and CASE_INSENSITIVE), both starting from the same 300 hostile
 * tokens. After UPDATE/DELETE the ids and labels must agree, after INSERT the new rows'
 * label/scopes/expiry (not the generated id/created/token); the numbers of rows changed must
 * agree too. Each statement gets a fresh sandbox and a fresh H2 database.
 */
class DmlDifferentialTest {
  static final List<SandboxToken> DATA = SampleData.adversarial(300, 11);
  private static final Pattern INSERT = Pattern.compile(
      "(?is)^INSERT INTO personal_access_tokens \\(label, scopes, expiry\\)\\s*(.*)$");
  private static final DateTimeFormatter WHOLE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /** One corpus statement with its markers. */
  record Entry(String sql, Map<String, String> props, String expectError, int line) {
    @Override public String toString() {
      return line + ": " + (sql.length() > 100 ? sql.substring(0, 100) + "…" : sql);
    }
  }

  static List<Entry> corpus() throws IOException {
    String text;
    try (InputStream in = DmlDifferentialTest.class.getResourceAsStream("/dml/write-corpus.sql")) {
      assertThat(in).as("dml/write-corpus.sql on the class path").isNotNull();
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<Entry> out = new ArrayList<>();
    Map<String, String> props = new HashMap<>();
    String error = null;
    StringBuilder sql = new StringBuilder();
    int start = 0;
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String t = lines[i].trim();
      if (t.startsWith("--")) {
        String body = t.substring(2).trim();
        if (body.startsWith("props:")) {
          for (String kv : body.substring(6).trim().split("\\s+")) {
            String[] p = kv.split("=", 2);
            props.put(p[0], p[1]);
          }
        } else if (body.startsWith("expect-error:")) {
          error = body.substring(13).trim();
        }
        continue;
      }
      if (t.isEmpty() && sql.length() == 0) {
        continue;
      }
      if (sql.length() == 0) {
        start = i + 1;
      }
      sql.append(lines[i]).append('\n');
      if (t.endsWith(";")) {
        String s = sql.toString().trim();
        out.add(new Entry(s.substring(0, s.length() - 1).trim(), Map.copyOf(props), error, start));
        sql.setLength(0);
        props.clear();
        error = null;
      }
    }
    return out;
  }

  static Stream<Arguments> cases() throws IOException {
    List<Arguments> out = new ArrayList<>();
    for (Entry e : corpus()) {
      for (LabelMatching m : LabelMatching.values()) {
        // Label matching is irrelevant without WHERE; those statements (300 sequential
        // requests each) run once.
        if (e.props().isEmpty() || m == LabelMatching.EXACT) {
          out.add(Arguments.of(e, m));
        }
      }
    }
    return out.stream();
  }

  @Test void corpusCoversTheShapes() throws IOException {
    List<Entry> corpus = corpus();
    assertThat(corpus).hasSizeGreaterThanOrEqualTo(40);
    String all = String.join("\n", corpus.stream().map(Entry::sql).toList());
    assertThat(all).contains("ESCAPE", " IN (SELECT", "LIKE", "created", "expiry", "scopes",
        "token", "IS NULL", "INSERT INTO", "DELETE FROM", "UPDATE ", "EXISTS");
    assertThat(corpus).filteredOn(e -> !e.props().isEmpty())
        .allMatch(e -> !e.sql().toUpperCase().contains("WHERE")).hasSize(2);
  }

  @ParameterizedTest(name = "{1} {0}")
  @MethodSource("cases")
  void sameOutcomeAsH2(Entry entry, LabelMatching matching) throws Exception {
    try (SandboxFixture box = SandboxFixture.start(DATA, matching, Clock.systemUTC());
        H2Oracle h2 = H2Oracle.load(DATA)) {
      Connection c = box.connect(entry.props());
      if (!entry.props().isEmpty()) {
        // Without the property the same statement is refused, and nothing is sent.
        LinodeAssert.sql(entry.sql()).on(box).requests(0).failsWith("55000");
      }
      box.clearRequests();
      Matcher insert = INSERT.matcher(entry.sql());
      if (entry.expectError() != null) {
        SQLException e = LinodeAssert.failure(c, entry.sql());
        assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo(entry.expectError());
        assertThat(box.writes()).isEmpty();
        assertThat(box.server().store().all()).isEqualTo(DATA);
        if (!insert.matches()) {
          try (Statement s = h2.connection().createStatement()) {
            s.executeUpdate(entry.sql());
            fail("H2 accepted what the driver refused: " + entry.sql());
          } catch (SQLException expected) {
            // both refuse
          }
        }
        return;
      }
      if (insert.matches()) {
        ResultSets.Table expected = h2.query(insert.group(1));
        long count;
        try (Statement s = c.createStatement()) {
          count = s.executeUpdate(entry.sql());
        }
        assertThat(count).as("INSERT count").isEqualTo(expected.size());
        List<List<String>> created = new ArrayList<>();
        for (SandboxToken t : box.server().store().all()) {
          if (t.id() > 300) {
            created.add(Arrays.asList(t.label(), t.scopes(),
                t.expiry() == null ? null : t.expiry().format(WHOLE)));
          }
        }
        List<List<String>> want = new ArrayList<>();
        for (List<String> r : expected.rows()) {
          want.add(Arrays.asList(r.get(0), r.get(1) == null ? "*" : r.get(1), r.get(2)));
        }
        Optional<String> diff = ResultSets.diff(
            new ResultSets.Table(List.of("label", "scopes", "expiry"), want),
            new ResultSets.Table(List.of("label", "scopes", "expiry"), created), false);
        assertThat(diff).as("new rows").isEmpty();
        assertThat(box.writes()).hasSize(want.size()).allMatch(w -> w.startsWith("POST "));
        assertThat(box.server().store().all().subList(0, 300)).isEqualTo(DATA);
      } else {
        int h2Count;
        try (Statement s = h2.connection().createStatement()) {
          h2Count = s.executeUpdate(entry.sql());
        }
        int counted;
        try (Statement s = c.createStatement()) {
          counted = s.executeUpdate(entry.sql());
        }
        assertThat(counted).as("update count").isEqualTo(h2Count);
        ResultSets.Table want = h2.query("SELECT id, label FROM personal_access_tokens ORDER BY id");
        List<List<String>> actual = new ArrayList<>();
        for (SandboxToken t : box.server().store().all()) {
          actual.add(Arrays.asList(Integer.toString(t.id()), t.label()));
        }
        Optional<String> diff = ResultSets.diff(want,
            new ResultSets.Table(List.of("id", "label"), actual), true);
        assertThat(diff).as("ids and labels after the statement").isEmpty();
        long writes = box.writes().size();
        assertThat(writes).as("one PUT/DELETE per changed row").isEqualTo(h2Count);
        // Nothing but labels may change, and only through PUT.
        for (SandboxToken t : box.server().store().all()) {
          SandboxToken before = DATA.get(t.id() - 1);
          assertThat(t).isEqualTo(before.withLabel(t.label()));
        }
      }
      box.assertConforms();
    }
  }
}
