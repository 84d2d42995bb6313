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
 * INSERT … RETURNING 4 and 2. Between that and planning its batches from the same plan, a
 * prepared INSERT with generated keys cost 2 and 2 (a copy without RETURNING was prepared for
 * {@code executeBatch}), and {@code Statement.executeUpdate(sql, RETURN_GENERATED_KEYS)} 2 and 1.
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

  @Test void preparedInsertWithGeneratedKeysExecutedTwiceThenBatched() throws SQLException {
    PlanningCounts.reset();
    List<String> keys = new ArrayList<>();
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + TABLE
        + " (label, expiry, scopes) VALUES (?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
      // The JDBC layer parses the text to add RETURNING and hands that tree to the prepare hook;
      // batches run the same plan, so nothing else is prepared.
      assertThat(counts()).as("parses, preparations of prepareStatement").containsExactly(1, 1);
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
      for (int i = 2; i < 4; i++) {
        ps.setString(1, "counted-" + i);
        ps.setString(2, "2031-01-01T00:00:00");
        ps.setString(3, "*");
        ps.addBatch();
      }
      assertThat(ps.executeBatch()).containsExactly(1, 1);
      assertThat(counts()).as("parses, preparations of a batch of two").containsExactly(0, 0);
      try (ResultSet rs = ps.getGeneratedKeys()) {
        while (rs.next()) {
          keys.add(rs.getString("label"));
        }
      }
    }
    assertThat(keys).containsExactly("counted-0", "counted-1", "counted-2", "counted-3");
    assertThat(fixture.server().store().all()).filteredOn(t -> String.valueOf(t.label()).startsWith("counted-"))
        .hasSize(4);
  }

  @Test void preparedWithKeyNamesOrPositions() throws SQLException {
    PlanningCounts.reset();
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + TABLE
        + " (label, scopes) VALUES (?, '*')", new String[] {"ID", "label"})) {
      assertThat(counts()).as("parses, preparations with key names").containsExactly(1, 1);
      ps.setString(1, "named");
      assertThat(ps.executeUpdate()).isEqualTo(1);
      try (ResultSet rs = ps.getGeneratedKeys()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getMetaData().getColumnCount()).isEqualTo(2);
        assertThat(rs.getString(2)).isEqualTo("named");
      }
    }
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + TABLE
        + " (label, scopes) VALUES (?, '*')", new int[] {4})) {
      assertThat(counts()).as("parses, preparations with key positions").containsExactly(1, 1);
      ps.setString(1, "positioned");
      assertThat(ps.executeUpdate()).isEqualTo(1);
      try (ResultSet rs = ps.getGeneratedKeys()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getMetaData().getColumnName(1)).isEqualTo("label");
        assertThat(rs.getString(1)).isEqualTo("positioned");
      }
    }
  }

  @Test void statementWithGeneratedKeys() throws SQLException {
    try (Statement s = conn.createStatement()) {
      PlanningCounts.reset();
      assertThat(s.executeUpdate("INSERT INTO " + TABLE + " (label, scopes) VALUES ('keyed', '*')",
          Statement.RETURN_GENERATED_KEYS)).isEqualTo(1);
      assertThat(counts()).as("parses, preparations").containsExactly(1, 1);
      try (ResultSet rs = s.getGeneratedKeys()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString("label")).isEqualTo("keyed");
      }
    }
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
