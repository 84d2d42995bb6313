package io.linodejdbc.server;

import io.linodejdbc.sql.SqlState;
import java.util.List;
import java.util.Locale;

/**
 * {@code COPY (query) TO STDOUT …} and {@code COPY table TO STDOUT …}, what psql's
 * {@code \copy … TO} sends: the rows go out as CopyData in text or CSV format. Only output to
 * the client exists here; {@code COPY … FROM} and server-side files are refused.
 *
 * @param query the query whose rows are copied
 * @param queryOffset where the query starts in the statement (for error positions)
 * @param csv CSV rather than PostgreSQL's text format
 * @param header CSV header line
 * @param delimiter the field separator
 * @param nullText how NULL is written
 */
record CopyCommand(String query, int queryOffset, boolean csv, boolean header, char delimiter,
    String nullText) {

  /** A usage error in a COPY statement. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    final String sqlState;

    Refused(String sqlState, String message) {
      super(message);
      this.sqlState = sqlState;
    }
  }

  /** The COPY statement, or null when the statement is not one. */
  static CopyCommand parse(String sql) throws Refused {
    List<String> words = SqlText.leadingWords(sql, 1);
    if (words.isEmpty() || !words.get(0).equals("copy")) {
      return null;
    }
    int i = SqlText.firstCode(sql) + 4;
    i = skipSpace(sql, i);
    String query;
    int queryOffset;
    if (i < sql.length() && sql.charAt(i) == '(') {
      int depth = 0;
      int j = i;
      while (j < sql.length()) {
        int skip = SqlText.skipQuoted(sql, j);
        if (skip > j) {
          j = skip;
          continue;
        }
        char c = sql.charAt(j);
        if (c == '(') {
          depth++;
        } else if (c == ')' && --depth == 0) {
          break;
        }
        j++;
      }
      if (j >= sql.length()) {
        throw new Refused(SqlState.SYNTAX_ERROR.code(), "syntax error in COPY: unbalanced parentheses");
      }
      query = sql.substring(i + 1, j);
      queryOffset = i + 1;
      i = j + 1;
    } else {
      int j = i;
      while (j < sql.length() && !Character.isWhitespace(sql.charAt(j))
          && sql.charAt(j) != '(') {
        j = SqlText.skipQuoted(sql, j) > j ? SqlText.skipQuoted(sql, j) : j + 1;
      }
      String table = sql.substring(i, j);
      if (table.isEmpty()) {
        throw new Refused(SqlState.SYNTAX_ERROR.code(), "syntax error in COPY: a table or (query) must follow");
      }
      query = "SELECT * FROM " + table;
      queryOffset = 0;
      i = j;
      i = skipSpace(sql, i);
      if (i < sql.length() && sql.charAt(i) == '(') {
        throw new Refused(SqlState.FEATURE_NOT_SUPPORTED.code(), "COPY with a column list is not supported: use"
            + " COPY (SELECT columns FROM table) TO STDOUT");
      }
    }
    List<String> rest = ServerCommand.tokens(sql.substring(i));
    if (rest.isEmpty()) {
      throw new Refused(SqlState.SYNTAX_ERROR.code(), "syntax error in COPY: TO STDOUT expected");
    }
    if (rest.get(0).equalsIgnoreCase("from")) {
      throw new Refused(SqlState.FEATURE_NOT_SUPPORTED.code(), "COPY FROM is not supported: write rows with INSERT");
    }
    if (!rest.get(0).equalsIgnoreCase("to") || rest.size() < 2
        || !rest.get(1).equalsIgnoreCase("stdout")) {
      throw new Refused(SqlState.FEATURE_NOT_SUPPORTED.code(),
          "COPY writes to the client only: use COPY … TO STDOUT (psql:"
          + " \\copy … TO 'file')");
    }
    boolean csv = false;
    boolean header = false;
    Character delimiter = null;
    String nullText = null;
    List<String> options = rest.subList(2, rest.size());
    for (int k = 0; k < options.size(); k++) {
      String o = options.get(k).toLowerCase(Locale.ROOT);
      String next = k + 1 < options.size() ? unquote(options.get(k + 1)) : null;
      switch (o) {
      case "with", "(", ")", ",", "binary" -> {
        if (o.equals("binary")) {
          throw new Refused(SqlState.FEATURE_NOT_SUPPORTED.code(), "COPY BINARY is not supported: use text or CSV");
        }
      }
      case "csv" -> csv = true;
      case "format" -> {
        if (next == null) {
          throw new Refused(SqlState.SYNTAX_ERROR.code(), "syntax error in COPY: FORMAT needs a value");
        }
        String format = next.toLowerCase(Locale.ROOT);
        if (format.equals("binary")) {
          throw new Refused(SqlState.FEATURE_NOT_SUPPORTED.code(), "COPY BINARY is not supported: use text or CSV");
        }
        csv = format.equals("csv");
        k++;
      }
      case "header" -> {
        header = true;
        if (next != null && (next.equalsIgnoreCase("true") || next.equalsIgnoreCase("false")
            || next.equalsIgnoreCase("on") || next.equalsIgnoreCase("off"))) {
          header = next.equalsIgnoreCase("true") || next.equalsIgnoreCase("on");
          k++;
        }
      }
      case "delimiter" -> {
        if (next == null || next.length() != 1) {
          throw new Refused(SqlState.INVALID_PARAMETER_VALUE.code(),
              "COPY delimiter must be a single one-byte character");
        }
        delimiter = next.charAt(0);
        k++;
      }
      case "null" -> {
        if (next == null) {
          throw new Refused(SqlState.SYNTAX_ERROR.code(), "syntax error in COPY: NULL needs a value");
        }
        nullText = next;
        k++;
      }
      default -> throw new Refused(SqlState.FEATURE_NOT_SUPPORTED.code(), "COPY option " + options.get(k)
          + " is not supported");
      }
    }
    if (header && !csv) {
      throw new Refused(SqlState.FEATURE_NOT_SUPPORTED.code(), "COPY HEADER available only in CSV mode");
    }
    return new CopyCommand(query, queryOffset, csv, header,
        delimiter != null ? delimiter : csv ? ',' : '\t',
        nullText != null ? nullText : csv ? "" : "\\N");
  }

  private static int skipSpace(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static String unquote(String w) {
    return w.length() >= 2 && w.startsWith("'") && w.endsWith("'")
        ? w.substring(1, w.length() - 1).replace("''", "'") : w;
  }

  /** One row as a line of the chosen format, with its newline. */
  String line(List<String> values) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        b.append(delimiter);
      }
      String v = values.get(i);
      if (v == null) {
        b.append(nullText);
      } else if (csv) {
        boolean quote = v.isEmpty() || v.equals(nullText) || v.indexOf(delimiter) >= 0
            || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
            || v.startsWith("\\.");
        b.append(quote ? '"' + v.replace("\"", "\"\"") + '"' : v);
      } else {
        for (int k = 0; k < v.length(); k++) {
          char c = v.charAt(k);
          switch (c) {
          case '\\' -> b.append("\\\\");
          case '\n' -> b.append("\\n");
          case '\r' -> b.append("\\r");
          case '\t' -> b.append("\\t");
          default -> {
            if (c == delimiter) {
              b.append('\\');
            }
            b.append(c);
          }
          }
        }
      }
    }
    return b.append('\n').toString();
  }
}
