package io.linodejdbc.server;

import io.linodejdbc.sql.SqlState;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The driver's SQLExceptions as PostgreSQL ErrorResponse fields. */
final class ErrorResponses {
  /** Calcite's position prefix: "From line 1, column 8 to line 1, column 11: …". */
  private static final Pattern FROM_LINE =
      Pattern.compile("^From line (\\d+), column (\\d+) to line \\d+, column \\d+: ");
  /** The parser's: "… at line 1, column 8." */
  private static final Pattern AT_LINE = Pattern.compile("at line (\\d+), column (\\d+)");
  /** The dialect's one-line messages: "… (line 1, column 8)". */
  private static final Pattern PAREN_LINE =
      Pattern.compile(" \\(line (\\d+), column (\\d+)\\)");

  private ErrorResponses() {}

  /**
   * The PostgreSQL SQLSTATE for a driver state: the driver's states are SQL-standard and mostly
   * PostgreSQL's too; the ODBC-style {@code HY…} ones are not, and a client (pgJDBC, psycopg)
   * recognises a cancel or timeout only by {@code 57014}.
   */
  static String state(SQLException e) {
    String s = e.getSQLState();
    if (s == null || s.length() != 5) {
      return SqlState.INTERNAL_ERROR.code();
    }
    if (SqlState.OPERATION_CANCELED.is(s) || SqlState.QUERY_TIMEOUT.is(s)
        || SqlState.CONNECTION_TIMEOUT.is(s)) {
      return SqlState.QUERY_CANCELED.code();
    }
    if (SqlState.UNDEFINED_TABLE.is(s)) {
      return SqlState.UNDEFINED_RELATION.code();
    }
    if (SqlState.COLUMN_NOT_FOUND.is(s)) {
      return SqlState.UNDEFINED_COLUMN.code();
    }
    if (SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION.is(s)) {
      return classify(e.getMessage());
    }
    return s.startsWith("HY") ? SqlState.INTERNAL_ERROR.code() : s;
  }

  /** 42000 is Calcite's catch-all for validation errors; name the common ones as PostgreSQL. */
  private static String classify(String message) {
    String m = message == null ? "" : message;
    if (m.contains("Object '") && m.contains("not found")) {
      return SqlState.UNDEFINED_RELATION.code();
    }
    if (m.contains("Column '") && m.contains("not found")) {
      return SqlState.UNDEFINED_COLUMN.code();
    }
    if (m.contains("No match found for function signature")) {
      return SqlState.UNDEFINED_FUNCTION.code();
    }
    return SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION.code();
  }

  static PgError of(SQLException e, SqlText.Rewritten text, int offset) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    int position = 0;
    Matcher from = FROM_LINE.matcher(message);
    Matcher at = AT_LINE.matcher(message);
    String jdbcSql = text == null ? null : text.jdbcSql();
    if (from.find()) {
      position = position(jdbcSql, from.group(1), from.group(2));
      message = message.substring(from.end());
    } else if (PAREN_LINE.matcher(message).find()) {
      Matcher paren = PAREN_LINE.matcher(message);
      paren.find();
      position = position(jdbcSql, paren.group(1), paren.group(2));
      // The position travels in its own field: clients show it as PostgreSQL's "LINE 1: …".
      message = message.substring(0, paren.start()) + message.substring(paren.end());
    } else if (at.find()) {
      position = position(jdbcSql, at.group(1), at.group(2));
    }
    if (position > 0 && text != null) {
      position = text.originalPosition(position - 1) + 1 + offset;
    }
    String hint = null;
    String state = state(e);
    if (state.equals(SqlState.UNDEFINED_RELATION.code())) {
      hint = "The tables are personal_access_tokens and personal_access_tokens_pages in schema"
          + " profile (database linode).";
    }
    // One line, as PostgreSQL's own messages are; details follow in the driver's log.
    int newline = message.indexOf('\n');
    if (newline > 0) {
      message = message.substring(0, newline).strip();
    }
    return new PgError(state, message, hint, position);
  }

  /** A 1-based character offset from a 1-based line and column; 0 when out of range. */
  private static int position(String sql, String lineText, String columnText) {
    if (sql == null) {
      return 0;
    }
    int line;
    int column;
    try {
      line = Integer.parseInt(lineText);
      column = Integer.parseInt(columnText);
    } catch (NumberFormatException e) {
      return 0;
    }
    int p = 0;
    for (int l = 1; l < line; l++) {
      int nl = sql.indexOf('\n', p);
      if (nl < 0) {
        return 0;
      }
      p = nl + 1;
    }
    p += column;
    return p >= 1 && p <= sql.length() + 1 ? p : 0;
  }

  /** An ErrorResponse ('E') or NoticeResponse ('N'). */
  static PgWire.Builder message(char type, String severity, PgError e) {
    PgWire.Builder b = PgWire.message(type)
        .int8('S').cstring(severity)
        .int8('V').cstring(severity)
        .int8('C').cstring(e.sqlState)
        .int8('M').cstring(e.getMessage() == null ? "" : e.getMessage());
    if (e.hint != null) {
      b.int8('H').cstring(e.hint);
    }
    if (e.position > 0) {
      b.int8('P').cstring(Integer.toString(e.position));
    }
    return b.int8(0);
  }
}
