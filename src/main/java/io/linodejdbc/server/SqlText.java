package io.linodejdbc.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lexical handling of the SQL text clients send, done once here rather than by pattern matching:
 * splitting a simple-query string into statements at top-level semicolons, and replacing the
 * PostgreSQL placeholders {@code $1 … $n} with JDBC's {@code ?}. Quoted strings ({@code '…'},
 * {@code E'…'} with backslash escapes, {@code $tag$…$tag$}), quoted identifiers and comments
 * ({@code --}, nested {@code /* … *}{@code /}) are skipped, so a semicolon or {@code $1} inside
 * them is left alone.
 */
final class SqlText {
  /** A statement of a simple query, with its offset (0-based) in the message text. */
  record Piece(String sql, int offset) {}

  /**
   * A statement with {@code $n} replaced by {@code ?}.
   *
   * @param jdbcSql the text for JDBC
   * @param parameterOrder for each {@code ?} in order, the 0-based index of its {@code $n}
   * @param parameterCount the highest {@code n}
   * @param shifts pairs (position in jdbcSql, characters removed there), to map positions back
   */
  record Rewritten(String jdbcSql, int[] parameterOrder, int parameterCount, int[] shifts) {
    /** A 0-based position in {@link #jdbcSql} as a position in the original text. */
    int originalPosition(int jdbcPosition) {
      int p = jdbcPosition;
      for (int k = 0; k + 1 < shifts.length; k += 2) {
        if (shifts[k] < jdbcPosition) {
          p += shifts[k + 1];
        }
      }
      return p;
    }
  }

  private SqlText() {}

  /** The statements of a simple-query message; blank pieces (between {@code ;;}) are dropped. */
  static List<Piece> split(String text) {
    List<Piece> out = new ArrayList<>();
    int start = 0;
    int i = 0;
    int n = text.length();
    while (i < n) {
      int skip = skipQuoted(text, i);
      if (skip > i) {
        i = skip;
        continue;
      }
      if (text.charAt(i) == ';') {
        add(out, text, start, i);
        start = i + 1;
      }
      i++;
    }
    add(out, text, start, n);
    return out;
  }

  private static void add(List<Piece> out, String text, int from, int to) {
    String piece = text.substring(from, to);
    if (!isBlank(piece)) {
      out.add(new Piece(piece, from));
    }
  }

  /** Whether the text holds nothing but whitespace and comments. */
  static boolean isBlank(String text) {
    return firstCode(text) >= text.length();
  }

  /** Index of the first character that is neither whitespace nor inside a comment. */
  static int firstCode(String text) {
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (text.startsWith("--", i) || text.startsWith("/*", i)) {
        i = skipQuoted(text, i);
      } else {
        break;
      }
    }
    return i;
  }

  /** The statement's words, lower case, up to {@code max} of them (for classifying it). */
  static List<String> leadingWords(String text, int max) {
    List<String> words = new ArrayList<>();
    int i = firstCode(text);
    while (i < text.length() && words.size() < max) {
      char c = text.charAt(i);
      if (Character.isLetter(c) || c == '_') {
        int j = i;
        while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j))
            || text.charAt(j) == '_')) {
          j++;
        }
        words.add(text.substring(i, j).toLowerCase(Locale.ROOT));
        i = j;
      } else if (Character.isWhitespace(c) || text.startsWith("--", i)
          || text.startsWith("/*", i)) {
        i = Character.isWhitespace(c) ? i + 1 : skipQuoted(text, i);
      } else {
        break;
      }
    }
    return words;
  }

  /** Replaces {@code $n} placeholders with {@code ?}. */
  static Rewritten placeholders(String text) {
    StringBuilder b = new StringBuilder(text.length());
    List<Integer> order = new ArrayList<>();
    List<Integer> shifts = new ArrayList<>();
    int max = 0;
    int i = 0;
    int n = text.length();
    while (i < n) {
      int skip = skipQuoted(text, i);
      if (skip > i) {
        b.append(text, i, skip);
        i = skip;
        continue;
      }
      char c = text.charAt(i);
      if (c == '$' && i + 1 < n && Character.isDigit(text.charAt(i + 1))
          && (i == 0 || !isIdentifierPart(text.charAt(i - 1)))) {
        int j = i + 1;
        while (j < n && Character.isDigit(text.charAt(j))) {
          j++;
        }
        int number;
        try {
          number = Integer.parseInt(text.substring(i + 1, j));
        } catch (NumberFormatException e) {
          number = Integer.MAX_VALUE;
        }
        if (number >= 1 && number <= 65_535) {
          shifts.add(b.length());
          shifts.add(j - i - 1);
          b.append('?');
          order.add(number - 1);
          max = Math.max(max, number);
          i = j;
          continue;
        }
      }
      b.append(c);
      i++;
    }
    int[] s = shifts.stream().mapToInt(Integer::intValue).toArray();
    return new Rewritten(b.toString(), order.stream().mapToInt(Integer::intValue).toArray(), max,
        s);
  }

  private static boolean isIdentifierPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  /**
   * If a quoted string, quoted identifier or comment starts at {@code i}, the index after it (or
   * the text's end when it is unterminated); otherwise {@code i}.
   */
  static int skipQuoted(String text, int i) {
    int n = text.length();
    char c = text.charAt(i);
    if (c == '\'' || c == '"') {
      boolean backslashes = c == '\'' && i > 0
          && (text.charAt(i - 1) == 'E' || text.charAt(i - 1) == 'e')
          && (i < 2 || !isIdentifierPart(text.charAt(i - 2)));
      int j = i + 1;
      while (j < n) {
        char d = text.charAt(j);
        if (backslashes && d == '\\') {
          j += 2;
          continue;
        }
        if (d == c) {
          if (j + 1 < n && text.charAt(j + 1) == c) {
            j += 2; // doubled quote
            continue;
          }
          return j + 1;
        }
        j++;
      }
      return n;
    }
    if (c == '-' && text.startsWith("--", i)) {
      int j = text.indexOf('\n', i);
      return j < 0 ? n : j + 1;
    }
    if (c == '/' && text.startsWith("/*", i)) {
      int depth = 0;
      int j = i;
      while (j < n) {
        if (text.startsWith("/*", j)) {
          depth++;
          j += 2;
        } else if (text.startsWith("*/", j)) {
          depth--;
          j += 2;
          if (depth == 0) {
            return j;
          }
        } else {
          j++;
        }
      }
      return n;
    }
    if (c == '$' && (i == 0 || !isIdentifierPart(text.charAt(i - 1)))) {
      int j = i + 1;
      while (j < n && (Character.isLetter(text.charAt(j)) || text.charAt(j) == '_'
          || (j > i + 1 && Character.isDigit(text.charAt(j))))) {
        j++;
      }
      if (j < n && text.charAt(j) == '$') {
        String tag = text.substring(i, j + 1);
        int end = text.indexOf(tag, j + 1);
        return end < 0 ? n : end + tag.length();
      }
    }
    return i;
  }
}
