package io.linodejdbc.dml;

import static io.linodejdbc.dml.KnownDefects.defect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.testing.SandboxFixture;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The API has no transactions: commit is a no-op, rollback warns and undoes nothing, auto-commit
 * cannot be turned off, and a read-only connection refuses writes.
 */
class ConnectionBehaviourTest {
  private static final String T = "personal_access_tokens";

  @Test void commitIsHarmlessAndAutoCommitIsOn() throws Exception {
    try (SandboxFixture box = SandboxFixture.demo()) {
      Connection c = box.connect();
      assertThat(c.getAutoCommit()).isTrue();
      box.clearRequests();
      c.commit();
      assertThat((Object) c.getWarnings()).isNull();
      assertThat(box.requestLines()).isEmpty();
      c.setAutoCommit(true); // allowed: it is already so
      assertThat(c.getAutoCommit()).isTrue();
    }
  }

  @Test void rollbackWarnsAndUndoesNothing() throws Exception {
    try (SandboxFixture box = SandboxFixture.demo()) {
      Connection c = box.connect();
      try (Statement s = c.createStatement()) {
        s.executeUpdate("INSERT INTO " + T + " (label) VALUES ('kept')");
      }
      box.clearRequests();
      c.rollback();
      SQLWarning w = c.getWarnings();
      assertThat((Object) w).isNotNull();
      assertThat(w.getMessage()).contains("no transactions").contains("undid nothing");
      assertThat(w.getSQLState()).isEqualTo("01000");
      assertThat(box.requestLines()).isEmpty();
      assertThat(box.token(9).label()).isEqualTo("kept");
      c.rollback();
      assertThat((Object) c.getWarnings().getNextWarning()).isNotNull();
      c.clearWarnings();
      assertThat((Object) c.getWarnings()).isNull();
    }
  }

  @Test void readOnlyRefusesWritesWhenTheyRunAndAllowsThemAgainAfter() throws Exception {
    try (SandboxFixture box = SandboxFixture.demo()) {
      Connection c = box.connect();
      c.setReadOnly(true);
      assertThat(c.isReadOnly()).isTrue();
      box.clearRequests();
      try (Statement s = c.createStatement()) {
        assertThatThrownBy(() -> s.executeUpdate("INSERT INTO " + T + " (label) VALUES ('ro')"))
            .isInstanceOf(SQLException.class)
            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25006"));
      }
      assertThat(box.requestLines()).isEmpty();
      c.setReadOnly(false);
      try (Statement s = c.createStatement()) {
        assertThat(s.executeUpdate("INSERT INTO " + T + " (label) VALUES ('rw')")).isEqualTo(1);
      }
      assertThat(box.ids()).hasSize(9);
    }
  }

  static final List<KnownDefects.Defect> FIXED_DEFECTS = List.of(
      defect("PreparedStatement INSERT prepared while writable, executed after"
          + " setReadOnly(true): expected 25006 and no POST, actual the POST is sent and the"
          + " token created (read-only is checked only when planning)", () -> {
        try (SandboxFixture box = SandboxFixture.demo()) {
          Connection c = box.connect();
          try (PreparedStatement ps = c.prepareStatement(
              "INSERT INTO " + T + " (label) VALUES (?)")) {
            c.setReadOnly(true);
            ps.setString(1, "after-read-only");
            try {
              ps.executeUpdate();
            } catch (SQLException e) {
              assertThat(e.getSQLState()).isEqualTo("25006");
            }
          }
          assertThat(box.server().store().all()).isEqualTo(SampleData.demo());
        }
      }));

  @TestFactory List<DynamicTest> formerDefectsStayFixed() {
    return KnownDefects.stayFixed(FIXED_DEFECTS);
  }
}
