package io.linodejdbc.testing;

import io.linodejdbc.sandbox.SandboxToken;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
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
 *   <li>LIKE escape: Calcite has no default escape character, H2 uses backslash. H2 2.x has no
 *       setting to change that, so every {@code LIKE '<literal>'} without an ESCAPE clause gets
 *       {@code ESCAPE ''} (H2: no escape character) appended before it runs on H2 — see
 *       {@link #neutraliseLikeEscape}. Only the H2 side is rewritten; the driver runs the text
 *       as written.
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

  /** Runs {@code sql} (after {@link #neutraliseLikeEscape}) and reads the whole result. */
  public ResultSets.Table query(String sql) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(neutraliseLikeEscape(sql))) {
      return ResultSets.read(rs);
    }
  }

  /**
   * Appends {@code ESCAPE ''} to every {@code LIKE '<literal>'} that has no ESCAPE clause, so H2
   * (default escape: backslash) reads the pattern as Calcite does (no escape character).
   * A small lexer skips string literals, quoted identifiers and comments, so text inside them is
   * never touched.
   */
  public static String neutraliseLikeEscape(String sql) {
    StringBuilder out = new StringBuilder(sql.length() + 16);
    int i = 0;
    int n = sql.length();
    boolean afterLike = false; // last word token was LIKE
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'') {
        int end = endOfQuoted(sql, i, '\'');
        out.append(sql, i, end);
        i = end;
        if (afterLike) {
          // the pattern literal: look ahead for ESCAPE
          int j = i;
          while (j < n && Character.isWhitespace(sql.charAt(j))) {
            j++;
          }
          if (!sql.regionMatches(true, j, "ESCAPE", 0, 6)
              || (j + 6 < n && Character.isLetterOrDigit(sql.charAt(j + 6)))) {
            out.append(" ESCAPE ''");
          }
          afterLike = false;
        }
        continue;
      }
      if (c == '"') {
        int end = endOfQuoted(sql, i, '"');
        out.append(sql, i, end);
        i = end;
        afterLike = false;
        continue;
      }
      if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        end = end < 0 ? n : end;
        out.append(sql, i, end);
        i = end;
        continue;
      }
      if (Character.isLetter(c) || c == '_') {
        int j = i;
        while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
          j++;
        }
        String word = sql.substring(i, j);
        afterLike = word.toUpperCase(Locale.ROOT).equals("LIKE");
        out.append(word);
        i = j;
        continue;
      }
      if (!Character.isWhitespace(c)) {
        afterLike = false;
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  private static int endOfQuoted(String sql, int start, char quote) {
    int i = start + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    throw new IllegalArgumentException("unterminated quote in: " + sql);
  }

  @Override public void close() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("SHUTDOWN");
    } finally {
      connection.close();
    }
  }
}
