package io.linodejdbc.dml;

import static io.linodejdbc.dml.KnownDefects.defect;
import static io.linodejdbc.testing.ResultSets.labels;
import static io.linodejdbc.testing.ResultSets.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.sandbox.SandboxToken;
import io.linodejdbc.testing.LinodeAssert;
import io.linodejdbc.testing.SandboxFixture;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * JDBC's generated keys, RETURNING, PreparedStatement parameters for every statement kind, and
 * batches. The secret of a new token is shown once, so the keys must carry it in full.
 */
class GeneratedKeysTest {
  private static final String T = "personal_access_tokens";

  /** Asserts the row's token column is the full stored secret of token {@code id}. */
  private static void assertFullSecret(SandboxFixture box, int id, String returned) {
    SandboxToken t = box.token(id);
    assertThat(returned == null ? -1 : returned.length()).as("length of token " + id)
        .isEqualTo(64);
    assertThat(t.secret().equals(returned)).as("token " + id + " equals the stored secret")
        .isTrue();
  }

  @Test void executeUpdateWithReturnGeneratedKeysGivesTheCreatedRows() throws Exception {
    try (SandboxFixture box = SandboxFixture.demo(); Statement s = box.connect().createStatement()) {
      box.clearRequests();
      assertThat(s.executeUpdate("INSERT INTO " + T + " (label, scopes) VALUES ('k1', '*'),"
          + " ('k2', 'linodes:read_only')", Statement.RETURN_GENERATED_KEYS)).isEqualTo(2);
      assertThat(s.getUpdateCount()).isEqualTo(2);
      try (ResultSet keys = s.getGeneratedKeys()) {
        assertThat(labels(keys)).containsExactly("id", "created", "expiry", "label", "scopes",
            "token");
        assertThat(keys.next()).isTrue();
        assertThat(keys.getInt("id")).isEqualTo(9);
        assertThat(keys.getString("label")).isEqualTo("k1");
        assertFullSecret(box, 9, keys.getString("token"));
        assertThat(keys.next()).isTrue();
        assertThat(keys.getInt(1)).isEqualTo(10);
        assertThat(keys.getString("scopes")).isEqualTo("linodes:read_only");
        assertFullSecret(box, 10, keys.getString(6));
        assertThat(keys.next()).isFalse();
      }
      assertThat(box.writes()).hasSize(2);
      box.assertConforms();
    }
  }

  @Test void executeWithoutKeysGivesAnEmptyGeneratedKeysResult() throws Exception {
    try (SandboxFixture box = SandboxFixture.demo(); Statement s = box.connect().createStatement()) {
      assertThat(s.executeUpdate("INSERT INTO " + T + " (label) VALUES ('plain')",
          Statement.NO_GENERATED_KEYS)).isEqualTo(1);
      try (ResultSet keys = s.getGeneratedKeys()) {
        assertThat(keys.next()).isFalse();
      }
      assertThat(box.token(9).label()).isEqualTo("plain");
    }
  }

  @Test void preparedWithKeyNamesGivesIdAndFullToken() throws Exception {
    try (SandboxFixture box = SandboxFixture.demo()) {
      Connection c = box.connect();
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + T
          + " (label, scopes, expiry) VALUES (?, ?, ?)", new String[] {"id", "token"})) {
        ps.setString(1, "ps-1");
        ps.setString(2, "linodes:read_only");
        ps.setString(3, "2030-01-01T00:00:00");
        assertThat(ps.executeUpdate()).isEqualTo(1);
        try (ResultSet keys = ps.getGeneratedKeys()) {
          assertThat(labels(keys)).containsExactly("id", "token");
          assertThat(keys.next()).isTrue();
          assertThat(keys.getInt(1)).isEqualTo(9);
          assertFullSecret(box, 9, keys.getString(2));
          assertThat(keys.next()).isFalse();
        }
        ps.setString(1, "ps-2");
        ps.setString(2, "*");
        ps.setString(3, "2031-02-03 04:05:06");
        assertThat(ps.executeUpdate()).isEqualTo(1);
        try (ResultSet keys = ps.getGeneratedKeys()) {
          assertThat(strings(keys)).hasSize(1);
        }
      }
      assertThat(box.token(9).expiry()).isEqualTo(LocalDateTime.of(2030, 1, 1, 0, 0));
      assertThat(box.token(9).scopes()).isEqualTo("linodes:read_only");
      assertThat(box.token(10).label()).isEqualTo("ps-2");
      assertThat(box.token(10).expiry()).isEqualTo(LocalDateTime.of(2031, 2, 3, 4, 5, 6));
      box.assertConforms();
    }
  }

  @Test void preparedWithKeyPositionsGivesThoseColumns() throws Exception {
    try (SandboxFixture box = SandboxFixture.demo()) {
      Connection c = box.connect();
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + T + " (label) VALUES (?)",
          new int[] {1})) {
        ps.setString(1, "pos");
        assertThat(ps.executeUpdate()).isEqualTo(1);
        try (ResultSet keys = ps.getGeneratedKeys()) {
          assertThat(labels(keys)).containsExactly("id");
          assertThat(strings(keys)).containsExactly(List.of("9"));
        }
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + T + " (label) VALUES (?)",
          new int[] {1, 6})) {
        ps.setString(1, "pos2");
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
          assertThat(labels(keys)).containsExactly("id", "token");
          assertThat(keys.next()).isTrue();
          assertFullSecret(box, 10, keys.getString(2));
        }
      }
      assertThatThrownBy(() -> c.prepareStatement("INSERT INTO " + T + " (label) VALUES (?)",
          new int[] {7})).isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("07009"));
    }
  }

  @Test void returningOnUpdateAndReplaceGivesTheRowsAfter() throws Exception {
    try (SandboxFixture box = SandboxFixture.demo()) {
      LinodeAssert.sql("UPDATE " + T + " SET label = label || '!' WHERE id IN (2, 4)"
          + " RETURNING id, label, token").on(box).returns(
              "id=2; label=ci-deploy!; token=" + box.token(2).prefix(),
              "id=4; label=linode-cli!; token=" + box.token(4).prefix());
      LinodeAssert.sql("REPLACE linode.profile." + T + " SET data__label = 'tf'"
          + " WHERE tokenId = 3 RETURNING *;").on(box).returns("id=3; created=2023-06-20 08:00:00;"
              + " expiry=2999-12-12 05:00:00; label=tf; scopes=*; token=" + box.token(3).prefix());
      assertThat(box.labels()).containsEntry(2, "ci-deploy!").containsEntry(3, "tf")
          .containsEntry(4, "linode-cli!");
    }
  }

  @Test void returningOnDeleteGivesTheRowsBefore() throws Exception {
    try (SandboxFixture box = SandboxFixture.demo()) {
      String p7 = box.token(7).prefix();
      String p8 = box.token(8).prefix();
      LinodeAssert.sql("DELETE FROM " + T + " WHERE id IN (7, 8, 99) RETURNING id, label, token")
          .on(box).returns("id=7; label=monitoring; token=" + p7, "id=8; label=backup-script; token=" + p8);
      assertThat(box.ids()).containsExactly(1, 2, 3, 4, 5, 6);
    }
  }

  @Test void generatedKeysOnUpdateAndDeleteAreTheReturnedRows() throws Exception {
    try (SandboxFixture box = SandboxFixture.demo(); Statement s = box.connect().createStatement()) {
      assertThat(s.executeUpdate("UPDATE " + T + " SET label = 'g' WHERE id = 2",
          new String[] {"id", "label"})).isEqualTo(1);
      try (ResultSet keys = s.getGeneratedKeys()) {
        assertThat(strings(keys)).containsExactly(List.of("2", "g"));
      }
      assertThat(s.executeUpdate("DELETE FROM " + T + " WHERE id = 6",
          Statement.RETURN_GENERATED_KEYS)).isEqualTo(1);
      try (ResultSet keys = s.getGeneratedKeys()) {
        List<List<String>> r = strings(keys);
        assertThat(r).hasSize(1);
        assertThat(List.of(r.get(0).get(0), r.get(0).get(3))).containsExactly("6", "old-laptop");
      }
      assertThat(box.ids()).doesNotContain(6);
    }
  }

  @Test void preparedParametersForUpdateAndDelete() throws Exception {
    try (SandboxFixture box = SandboxFixture.demo()) {
      Connection c = box.connect();
      box.clearRequests();
      try (PreparedStatement ps = c.prepareStatement("UPDATE " + T + " SET label = ? WHERE id = ?")) {
        ps.setString(1, "p-upd");
        ps.setInt(2, 2);
        ps.executeUpdate();
        ps.setString(1, "p-upd-4");
        ps.setInt(2, 4);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + T + " WHERE id = ?")) {
        ps.setInt(1, 6);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement(
          "REPLACE " + T + " SET data__label = ? WHERE tokenId = ? RETURNING id, label")) {
        ps.setString(1, "p-rep");
        ps.setInt(2, 3);
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(strings(rs)).containsExactly(List.of("3", "p-rep"));
        }
      }
      assertThat(box.writes()).containsExactly("PUT /v4/profile/tokens/2 {\"label\":\"p-upd\"}",
          "PUT /v4/profile/tokens/4 {\"label\":\"p-upd-4\"}", "DELETE /v4/profile/tokens/6",
          "PUT /v4/profile/tokens/3 {\"label\":\"p-rep\"}");
      assertThat(box.labels()).containsEntry(2, "p-upd").containsEntry(4, "p-upd-4")
          .containsEntry(3, "p-rep").doesNotContainKey(6);
      box.assertConforms();
    }
  }

  @Test void insertBatchReturnsPerStatementCounts() throws Exception {
    try (SandboxFixture box = SandboxFixture.demo()) {
      Connection c = box.connect();
      try (Statement s = c.createStatement()) {
        s.addBatch("INSERT INTO " + T + " (label) VALUES ('b1')");
        s.addBatch("INSERT INTO " + T + " (label) VALUES ('b2'), ('b3')");
        s.addBatch("INSERT INTO " + T + " (label) SELECT label FROM " + T + " WHERE id = 999");
        assertThat(s.executeBatch()).containsExactly(1, 2, 0);
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + T + " (label, scopes)"
          + " VALUES (?, ?)")) {
        ps.setString(1, "pb1");
        ps.setString(2, "*");
        ps.addBatch();
        ps.setString(1, "pb2");
        ps.setString(2, "lke:read_only");
        ps.addBatch();
        assertThat(ps.executeBatch()).containsExactly(1, 1);
      }
      assertThat(box.labels()).containsEntry(9, "b1").containsEntry(10, "b2")
          .containsEntry(11, "b3").containsEntry(12, "pb1").containsEntry(13, "pb2");
      assertThat(box.token(13).scopes()).isEqualTo("lke:read_only");
    }
  }

  /** A batch failing at its 3rd statement stops there: 1st and 2nd applied, 4th not run. */
  @Test void insertBatchFailingAtTheThirdStatementStopsThere() throws Exception {
    try (SandboxFixture box = SandboxFixture.demo(); Statement s = box.connect().createStatement()) {
      for (String sql : failingInsertBatch()) {
        s.addBatch(sql);
      }
      box.clearRequests();
      SQLException e = catchSql(s::executeBatch);
      assertThat(e.getSQLState()).isEqualTo("22001");
      assertThat(e.getMessage()).contains("101");
      assertThat(box.writes()).hasSize(3);
      assertThat(box.labels().values()).contains("f1", "f2", "f3").doesNotContain("f4");
      assertThat(box.ids()).hasSize(11);
    }
  }

  static List<String> failingInsertBatch() {
    return List.of("INSERT INTO " + T + " (label) VALUES ('f1')",
        "INSERT INTO " + T + " (label) VALUES ('f2'), ('f3')",
        "INSERT INTO " + T + " (label) VALUES ('" + "y".repeat(101) + "')",
        "INSERT INTO " + T + " (label) VALUES ('f4')");
  }

  @Test void preparedInsertBatchFailingAtTheThirdRowStopsThere() throws Exception {
    try (SandboxFixture box = SandboxFixture.demo();
        PreparedStatement ps = box.connect().prepareStatement(
            "INSERT INTO " + T + " (label, scopes) VALUES (?, ?)")) {
      addFailingPreparedBatch(ps);
      box.clearRequests();
      SQLException e = catchSql(ps::executeBatch);
      assertThat(e.getSQLState()).isEqualTo("22023");
      assertThat(box.writes()).hasSize(2);
      assertThat(box.ids()).hasSize(10);
    }
  }

  static void addFailingPreparedBatch(PreparedStatement ps) throws SQLException {
    for (String scopes : List.of("*", "lke:read_only", "linodes:write", "*")) {
      ps.setString(1, "pf");
      ps.setString(2, scopes);
      ps.addBatch();
    }
  }

  private interface SqlCall {
    Object call() throws SQLException;
  }

  private static SQLException catchSql(SqlCall call) {
    try {
      call.call();
    } catch (SQLException e) {
      return e;
    }
    throw new AssertionError("expected an SQLException");
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * UPDATE / REPLACE / DELETE inside batches are not run at all: Calcite's batch paths only run a
   * statement whose Avatica type {@code canUpdate()}, and the planner types them UPDATE/DELETE
   * (false) instead of IS_DML. The batch "succeeds" with -1 per statement and sends nothing.
   */
  static final List<KnownDefects.Defect> FIXED_DEFECTS = List.of(
      defect("executeBatch on prepareStatement(\"INSERT … (label) VALUES (?)\", new String[]"
          + " {\"id\", \"token\"}) with 2 rows: expected [1, 1], two tokens created and their"
          + " keys, actual nothing is POSTed (the statement is prepared with RETURNING, a SELECT"
          + " to Avatica, which batches never run)", () -> {
        try (SandboxFixture box = SandboxFixture.demo();
            PreparedStatement ps = box.connect().prepareStatement(
                "INSERT INTO " + T + " (label) VALUES (?)", new String[] {"id", "token"})) {
          ps.setString(1, "kb1");
          ps.addBatch();
          ps.setString(1, "kb2");
          ps.addBatch();
          int[] counts;
          try {
            counts = ps.executeBatch();
          } finally {
            assertThat(box.ids()).as("tokens after the batch").hasSize(10);
          }
          assertThat(counts).containsExactly(1, 1);
        }
      }),
      defect("Statement batch [INSERT 1 row, INSERT 2 rows, INSERT label of 101 chars, INSERT]:"
          + " expected BatchUpdateException with getUpdateCounts() [1, 2], actual a plain"
          + " SQLDataException 22001 (JdbcProxies builds the BatchUpdateException, then its own"
          + " catch re-translates it via SqlErrors.translate, which finds the"
          + " LinodeQueryException cause and drops the counts)", () -> {
        try (SandboxFixture box = SandboxFixture.demo(); Statement s = box.connect().createStatement()) {
          for (String sql : failingInsertBatch()) {
            s.addBatch(sql);
          }
          SQLException e = catchSql(s::executeBatch);
          assertThat((Throwable) e).isInstanceOf(BatchUpdateException.class);
          assertThat(((BatchUpdateException) e).getUpdateCounts()).containsExactly(1, 2);
        }
      }),
      defect("PreparedStatement batch INSERT (label, scopes) whose 3rd row has scopes"
          + " 'linodes:write': expected BatchUpdateException with counts [1, 1], actual"
          + " SQLDataException 22023", () -> {
        try (SandboxFixture box = SandboxFixture.demo();
            PreparedStatement ps = box.connect().prepareStatement(
                "INSERT INTO " + T + " (label, scopes) VALUES (?, ?)")) {
          addFailingPreparedBatch(ps);
          SQLException e = catchSql(ps::executeBatch);
          assertThat((Throwable) e).isInstanceOf(BatchUpdateException.class);
          assertThat(((BatchUpdateException) e).getUpdateCounts()).containsExactly(1, 1);
        }
      }),
      defect("getGeneratedKeys() after DELETE … WHERE id = 6 RETURN_GENERATED_KEYS: expected"
          + " getString(created) '2020-02-29 23:59:59' as in every other result set, actual"
          + " '2020-02-29 23:59:59.0' (Timestamp.toString in CachedResultSet)", () -> {
        try (SandboxFixture box = SandboxFixture.demo(); Statement s = box.connect().createStatement()) {
          s.executeUpdate("DELETE FROM " + T + " WHERE id = 6", Statement.RETURN_GENERATED_KEYS);
          try (ResultSet keys = s.getGeneratedKeys()) {
            assertThat(keys.next()).isTrue();
            assertThat(keys.getString("created")).isEqualTo("2020-02-29 23:59:59");
          }
        }
      }),
      defect("setTimestamp(3, 2031-02-03 04:05:06) on INSERT (label, scopes, expiry) VALUES"
          + " (?, ?, ?): expected a token expiring 2031-02-03T04:05:06, actual 22023 \"expiry"
          + " '1927857906000' is not a date-time\" (the ? is typed VARCHAR, the timestamp arrives"
          + " as epoch millis text)", () -> {
        try (SandboxFixture box = SandboxFixture.demo();
            PreparedStatement ps = box.connect().prepareStatement("INSERT INTO " + T
                + " (label, scopes, expiry) VALUES (?, ?, ?)")) {
          ps.setString(1, "ts");
          ps.setString(2, "*");
          ps.setTimestamp(3, Timestamp.valueOf(LocalDateTime.of(2031, 2, 3, 4, 5, 6)));
          assertThat(ps.executeUpdate()).isEqualTo(1);
          assertThat(box.token(9).expiry()).isEqualTo(LocalDateTime.of(2031, 2, 3, 4, 5, 6));
        }
      }),
      defect("Statement batch [INSERT, UPDATE … WHERE id = 2, DELETE … WHERE id = 4]: expected"
          + " counts [1, 1, 1] and both changes applied, actual [1, -1, -1] and neither the PUT"
          + " nor the DELETE is sent", () -> {
        try (SandboxFixture box = SandboxFixture.demo(); Statement s = box.connect().createStatement()) {
          s.addBatch("INSERT INTO " + T + " (label) VALUES ('b1')");
          s.addBatch("UPDATE " + T + " SET label = 'b2' WHERE id = 2");
          s.addBatch("DELETE FROM " + T + " WHERE id = 4");
          assertThat(s.executeBatch()).containsExactly(1, 1, 1);
          assertThat(box.labels()).containsEntry(2, "b2").doesNotContainKey(4);
        }
      }),
      defect("PreparedStatement batch UPDATE … SET label = ? WHERE id = ? ×2: expected [1, 1]"
          + " and both relabelled, actual [-1, -1] and nothing sent", () -> {
        try (SandboxFixture box = SandboxFixture.demo();
            PreparedStatement ps = box.connect().prepareStatement(
                "UPDATE " + T + " SET label = ? WHERE id = ?")) {
          ps.setString(1, "u4");
          ps.setInt(2, 4);
          ps.addBatch();
          ps.setString(1, "u5");
          ps.setInt(2, 5);
          ps.addBatch();
          assertThat(ps.executeBatch()).containsExactly(1, 1);
          assertThat(box.labels()).containsEntry(4, "u4").containsEntry(5, "u5");
        }
      }),
      defect("Statement batch whose 3rd statement DELETEs an id the server 404s (DELETE … WHERE"
          + " id = 2; DELETE … WHERE id = 3; DELETE … WHERE id = 99): expected counts [1, 1, 0]"
          + " (or a BatchUpdateException after 2), actual [-1, -1, -1] with nothing revoked",
          () -> {
        try (SandboxFixture box = SandboxFixture.demo(); Statement s = box.connect().createStatement()) {
          s.addBatch("DELETE FROM " + T + " WHERE id = 2");
          s.addBatch("DELETE FROM " + T + " WHERE id = 3");
          s.addBatch("DELETE FROM " + T + " WHERE id = 99");
          int[] counts = s.executeBatch();
          assertThat(counts[0]).isEqualTo(1);
          assertThat(counts[1]).isEqualTo(1);
          assertThat(box.ids()).doesNotContain(2, 3);
        }
      }),
      defect("Statement batch [UPDATE ok, UPDATE ok, UPDATE label of 101 chars]: expected"
          + " BatchUpdateException with getUpdateCounts() [1, 1] (22001), actual no exception,"
          + " counts [-1, -1, -1], nothing sent", () -> {
        try (SandboxFixture box = SandboxFixture.demo(); Statement s = box.connect().createStatement()) {
          s.addBatch("UPDATE " + T + " SET label = 'a' WHERE id = 2");
          s.addBatch("UPDATE " + T + " SET label = 'b' WHERE id = 3");
          s.addBatch("UPDATE " + T + " SET label = '" + "z".repeat(101) + "' WHERE id = 4");
          BatchUpdateException e = (BatchUpdateException) catchSql(s::executeBatch);
          assertThat(e.getUpdateCounts()).containsExactly(1, 1);
        }
      }));

  @TestFactory List<DynamicTest> formerDefectsStayFixed() {
    return KnownDefects.stayFixed(FIXED_DEFECTS);
  }
}
