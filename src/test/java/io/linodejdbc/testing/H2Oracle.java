package io.linodejdbc.testing;

import io.linodejdbc.sandbox.SandboxToken;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

/**
 * The reference answer: the same tokens in an in-memory H2 database, in a table
 * {@code personal_access_tokens} with the driver's column types.
 *
 * <p>Where H2 and Calcite (the driver's engine) differ by <em>default</em>, the oracle is set up
 * to behave as Calcite does, so that the corpus itself can stay plain SQL:
 * <ul>
 *   <li>NULL ordering: Calcite's default null collation is HIGH (NULLS LAST when ascending, NULLS
 *       FIRST when descending); H2 is opened with {@code DEFAULT_NULL_ORDERING=HIGH}.
 *   <li>LIKE escape: backslash by default in H2, as in PostgreSQL and in the driver (whose
 *       dialect is PostgreSQL's), so patterns need no rewriting.
 *   <li>String comparison: both compare VARCHAR by {@link String#compareTo} (H2's default
 *       collation is OFF, i.e. binary UTF-16 order; Calcite compares Java strings).
 * </ul>
 * Column {@code token} holds the 16-character prefix, as the API lists it.
 */
public final class H2Oracle implements AutoCloseable {
  private final Connection connection;

  private H2Oracle(Connection connection) {
    this.connection = connection;
  }

  /** A fresh private in-memory database holding {@code tokens}. */
  public static H2Oracle load(List<SandboxToken> tokens) throws SQLException {
    String url = "jdbc:h2:mem:oracle-" + UUID.randomUUID()
        + ";DB_CLOSE_DELAY=-1;DEFAULT_NULL_ORDERING=HIGH";
    Connection c = DriverManager.getConnection(url, "sa", "");
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE personal_access_tokens ("
          + " id INTEGER NOT NULL PRIMARY KEY,"
          + " created TIMESTAMP(0) NOT NULL,"
          + " expiry TIMESTAMP(0),"
          + " label VARCHAR(100),"
          + " scopes VARCHAR NOT NULL,"
          + " token VARCHAR NOT NULL)");
    }
    try (PreparedStatement insert = c.prepareStatement(
        "INSERT INTO personal_access_tokens (id, created, expiry, label, scopes, token)"
            + " VALUES (?, ?, ?, ?, ?, ?)")) {
      for (SandboxToken t : tokens) {
        insert.setInt(1, t.id());
        insert.setObject(2, t.created());
        insert.setObject(3, t.expiry());
        insert.setString(4, t.label());
        insert.setString(5, t.scopes());
        insert.setString(6, t.prefix());
        insert.addBatch();
      }
      insert.executeBatch();
    }
    return new H2Oracle(c);
  }

  public Connection connection() {
    return connection;
  }

  /** Runs {@code sql} and reads the whole result. */
  public ResultSets.Table query(String sql) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return ResultSets.read(rs);
    }
  }

  @Override public void close() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("SHUTDOWN");
    } finally {
      connection.close();
    }
  }
}
