package io.linodejdbc.sql.prepare;

import static org.assertj.core.api.Assertions.assertThat;

import io.linodejdbc.sandbox.LabelMatching;
import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.testing.SandboxFixture;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The exact number of parses and Calcite preparations a write costs, from preparing it to its
 * last execution (counted on this thread by {@link PlanningCounts}). Before writes became a
 * relational expression, the same statements cost: INSERT with generated keys 6 parses and 3
 * preparations to prepare plus 1 parse over two executions; UPDATE twice 3 and 1; DELETE 3 and 1;
 * INSERT … RETURNING 4 and 2.
 */
class PlanningCountsTest {
  private static final String TABLE = "linode.profile.personal_access_tokens";
  private SandboxFixture fixture;
  private Connection conn;

  @BeforeEach
  void start() throws SQLException {
    fixture = SandboxFixture.start(SampleData.demo(), LabelMatching.EXACT);
    conn = fixture.connect();
  }

  @AfterEach
  void stop() throws SQLException {
    conn.close();
    fixture.close();
  }

  private List<Integer> ids() throws SQLException {
    List<Integer> ids = new ArrayList<>();
    try (Statement s = conn.createStatement();
         ResultSet rs = s.executeQuery("SELECT id FROM " + TABLE + " ORDER BY id")) {
      while (rs.next()) {
        ids.add(rs.getInt(1));
      }
    }
    return ids;
  }

  private static long[] counts() {
    long[] c = {PlanningCounts.parses(), PlanningCounts.preparations()};
    PlanningCounts.reset();
    return c;
  }

  @Test void preparedInsertWithGeneratedKeysExecutedTwice() throws SQLException {
    PlanningCounts.reset();
    List<String> keys = new ArrayList<>();
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + TABLE
        + " (label, expiry, scopes) VALUES (?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
      // The statement with RETURNING: one parse, one preparation. The JDBC layer also parses the
      // text once to add RETURNING, and prepares it without RETURNING for executeBatch (a twin
      // that the parse of the first step serves).
      assertThat(counts()).as("parses, preparations of prepareStatement").containsExactly(2, 2);
      for (int i = 0; i < 2; i++) {
        ps.setString(1, "counted-" + i);
        ps.setString(2, "2031-01-01T00:00:00");
        ps.setString(3, "*");
        assertThat(ps.executeUpdate()).isEqualTo(1);
        try (ResultSet rs = ps.getGeneratedKeys()) {
          assertThat(rs.next()).isTrue();
          keys.add(rs.getString("label"));
        }
      }
      assertThat(counts()).as("parses, preparations of two executions").containsExactly(0, 0);
    }
    assertThat(keys).containsExactly("counted-0", "counted-1");
  }

  @Test void preparedUpdateExecutedTwice() throws SQLException {
    int id = ids().get(0);
    PlanningCounts.reset();
    try (PreparedStatement ps = conn.prepareStatement("UPDATE " + TABLE
        + " SET label = ? WHERE id = ?")) {
      for (int i = 0; i < 2; i++) {
        ps.setString(1, "renamed-" + i);
        ps.setInt(2, id);
        assertThat(ps.executeUpdate()).isEqualTo(1);
      }
    }
    assertThat(counts()).as("parses, preparations").containsExactly(1, 1);
    assertThat(fixture.server().store().get(id).orElseThrow().label()).isEqualTo("renamed-1");
  }

  @Test void preparedDelete() throws SQLException {
    int id = ids().get(1);
    PlanningCounts.reset();
    try (PreparedStatement ps = conn.prepareStatement("DELETE FROM " + TABLE + " WHERE id = ?")) {
      ps.setInt(1, id);
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
    assertThat(counts()).as("parses, preparations").containsExactly(1, 1);
    assertThat(fixture.server().store().get(id)).isEmpty();
  }

  @Test void insertReturning() throws SQLException {
    PlanningCounts.reset();
    try (Statement s = conn.createStatement();
         ResultSet rs = s.executeQuery("INSERT INTO " + TABLE
             + " (label, scopes) VALUES ('returned', '*') RETURNING id, label")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(2)).isEqualTo("returned");
    }
    assertThat(counts()).as("parses, preparations").containsExactly(1, 1);
  }
}
