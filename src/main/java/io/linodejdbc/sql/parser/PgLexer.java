package io.linodejdbc.sql.parser;

import java.util.Locale;
import java.util.Set;

/**
 * PostgreSQL spellings that Calcite's lexer cannot read, rewritten into ones it can before the
 * parser sees the text. Only what lies outside string literals, quoted identifiers and comments
 * is touched:
 * <ul>
 *   <li>{@code E'a\nb'} (C-style escapes) and {@code $$text$$} / {@code $tag$text$tag$}
 *       (dollar quoting) become standard literals holding the same characters;
 *   <li>{@code interval '30 days'} (no unit after the string, PostgreSQL's form) becomes
 *       {@code '30 days'::interval}, which {@link PgTreeRewriter} turns into Calcite intervals;
 *   <li>{@code OPERATOR(pg_catalog.=)} becomes the plain operator;
 *   <li>a word Calcite reserves used as a column label after {@code AS} ({@code AS day},
 *       {@code AS count}) is quoted, as PostgreSQL takes any word there;
 *   <li>{@code current_schema()} calls the driver's function (Calcite reserves the word);
 *   <li>{@code COLLATE pg_catalog."default"} (and {@code COLLATE "default"}) is dropped: it is the
 *       only collation there is.
 * </ul>
 * Rewrites that change nothing's length are padded with spaces so that error positions stay
 * right.
 */
public final class PgLexer {
  /** Words that make {@code INTERVAL 'x' <word>} Calcite's own interval literal. */
  private static final Set<String> INTERVAL_UNITS = Set.of("YEAR", "YEARS", "QUARTER",
      "QUARTERS", "MONTH", "MONTHS", "WEEK", "WEEKS", "DAY", "DAYS", "HOUR", "HOURS", "MINUTE",
      "MINUTES", "SECOND", "SECONDS", "MILLISECOND", "MICROSECOND");

  /** Calcite's reserved words that people use as column labels ({@code AS day}, {@code AS count}). */
  private static final Set<String> RESERVED_LABELS = Set.of("DAY", "MONTH", "YEAR", "HOUR",
      "MINUTE", "SECOND", "DATE", "TIME", "TIMESTAMP", "VALUE", "USER", "COUNT", "SUM", "MIN",
      "MAX", "AVG", "LEFT", "RIGHT", "POSITION", "RESULT", "START", "END", "ROW", "ROWS", "LOWER",
      "UPPER", "YEARS", "FIRST_VALUE", "LAST_VALUE", "RANK", "CURRENT", "ALL", "CARDINALITY",
      "EVERY", "NONE", "PERCENT", "INTERVAL", "MATCHES", "WINDOW", "OVER", "FILTER", "NEXT",
      "PREV", "ABS", "MOD", "POWER", "EXP", "LN", "SQRT", "FLOOR", "CEIL", "CEILING");

  private static final Set<String> CAST_WORDS = Set.of("CAST", "TRY_CAST", "SAFE_CAST");

  private PgLexer() {}

  /** The statement with PostgreSQL-only spellings rewritten. */
  public static String rewrite(String sql) {
    StringBuilder out = new StringBuilder(sql.length() + 16);
    int n = sql.length();
    int i = 0;
    String previousWord = "";
    StringBuilder parens = new StringBuilder(); // 'c' for the parenthesis of a CAST
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'') {
        int end = endOfQuoted(sql, i, '\'');
        out.append(sql, i, end);
        i = end;
        continue;
      }
      if (c == '"') {
        int end = endOfQuoted(sql, i, '"');
        out.append(sql, i, end);
        i = end;
        continue;
      }
      if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        end = end < 0 ? n : end;
        out.append(sql, i, end);
        i = end;
        continue;
      }
      if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        out.append(sql, i, end);
        i = end;
        continue;
      }
      if (c == '$') {
        int end = dollarQuoted(sql, i, out);
        if (end > 0) {
          i = end;
          continue;
        }
        out.append(c);
        i++;
        continue;
      }
      if (isWordStart(c)) {
        int j = i;
        while (j < n && isWordPart(sql.charAt(j))) {
          j++;
        }
        String word = sql.substring(i, j);
        String upper = word.toUpperCase(Locale.ROOT);
        if (upper.equals("E") && j < n && sql.charAt(j) == '\'') {
          int end = endOfEscapeString(sql, j);
          if (end > 0) {
            appendLiteral(out, unescape(sql.substring(j + 1, end - 1)));
            i = end;
            continue;
          }
        }
        if (upper.equals("INTERVAL")) {
          int end = pgInterval(sql, j, out);
          if (end > 0) {
            i = end;
            continue;
          }
        }
        if (upper.equals("OPERATOR")) {
          int end = operatorCall(sql, j, out, j - i);
          if (end > 0) {
            i = end;
            continue;
          }
        }
        if (upper.equals("CURRENT_SCHEMA")) {
          // a reserved word of Calcite's that it cannot evaluate; PostgreSQL's function
          out.append(PgTreeRewriter.CURRENT_SCHEMA_FUNCTION);
          if (!sql.startsWith("(", skipSpace(sql, j))) {
            out.append("()");
          }
          i = j;
          continue;
        }
        if (RESERVED_LABELS.contains(upper) && previousWord.equals("AS")
            && !(parens.length() > 0 && parens.charAt(parens.length() - 1) == 'c')) {
          // PostgreSQL takes any word as a column label after AS; Calcite reserves these
          out.append('"').append(word.toLowerCase(Locale.ROOT)).append('"');
          previousWord = "";
          i = j;
          continue;
        }
        if (upper.equals("COLLATE")) {
          int end = defaultCollation(sql, j);
          if (end > 0) {
            out.append(" ".repeat(end - i));
            i = end;
            continue;
          }
        }
        out.append(word);
        previousWord = upper;
        i = j;
        continue;
      }
      if (c == '(') {
        parens.append(CAST_WORDS.contains(previousWord) ? 'c' : '(');
      } else if (c == ')' && parens.length() > 0) {
        parens.setLength(parens.length() - 1);
      }
      if (!Character.isWhitespace(c)) {
        previousWord = "";
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  /** {@code interval 'x'} not followed by a unit: writes {@code 'x'::interval}. */
  private static int pgInterval(String sql, int from, StringBuilder out) {
    int j = skipSpace(sql, from);
    if (j >= sql.length() || sql.charAt(j) != '\'') {
      return -1;
    }
    int end = endOfQuoted(sql, j, '\'');
    int k = skipSpace(sql, end);
    int w = k;
    while (w < sql.length() && isWordPart(sql.charAt(w))) {
      w++;
    }
    if (INTERVAL_UNITS.contains(sql.substring(k, w).toUpperCase(Locale.ROOT))) {
      return -1;
    }
    out.append(sql, j, end).append("::interval");
    return end;
  }

  /** {@code OPERATOR(schema.op)}: writes the operator, padded to the same length. */
  private static int operatorCall(String sql, int from, StringBuilder out, int wordLength) {
    int j = skipSpace(sql, from);
    if (j >= sql.length() || sql.charAt(j) != '(') {
      return -1;
    }
    int close = sql.indexOf(')', j);
    if (close < 0) {
      return -1;
    }
    String inside = sql.substring(j + 1, close).strip();
    int dot = inside.lastIndexOf('.');
    String op = (dot >= 0 ? inside.substring(dot + 1) : inside).strip();
    if (op.isEmpty() || !op.chars().allMatch(ch -> "+-*/<>=~!@#%^&|`?".indexOf(ch) >= 0)) {
      return -1;
    }
    int length = wordLength + (close + 1 - from);
    out.append(' ').append(op).append(" ".repeat(Math.max(1, length - op.length() - 1)));
    return close + 1;
  }

  /** {@code COLLATE pg_catalog."default"}, {@code COLLATE "default"}: the end, or -1. */
  private static int defaultCollation(String sql, int from) {
    int j = skipSpace(sql, from);
    String rest = sql.substring(j);
    for (String form : new String[] {"pg_catalog.\"default\"", "pg_catalog.default",
        "\"default\"", "\"C\"", "pg_catalog.\"C\""}) {
      if (rest.regionMatches(true, 0, form, 0, form.length())
          && (rest.length() == form.length() || !isWordPart(rest.charAt(form.length())))) {
        return j + form.length();
      }
    }
    return -1;
  }

  /** {@code $$...$$} or {@code $tag$...$tag$} at {@code start}: writes a literal, or -1. */
  private static int dollarQuoted(String sql, int start, StringBuilder out) {
    int j = start + 1;
    while (j < sql.length() && sql.charAt(j) != '$' && isWordPart(sql.charAt(j))
        && !Character.isDigit(sql.charAt(j))) {
      j++;
    }
    if (j >= sql.length() || sql.charAt(j) != '$') {
      return -1;
    }
    String tag = sql.substring(start, j + 1);
    int close = sql.indexOf(tag, j + 1);
    if (close < 0) {
      return -1;
    }
    appendLiteral(out, sql.substring(j + 1, close));
    return close + tag.length();
  }

  private static void appendLiteral(StringBuilder out, String value) {
    out.append('\'').append(value.replace("'", "''")).append('\'');
  }

  /** End (exclusive) of an E'...' string whose quote is at {@code quote}, or -1. */
  private static int endOfEscapeString(String sql, int quote) {
    int i = quote + 1;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == '\'') {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return -1;
  }

  /** PostgreSQL's escape-string rules: {@code \n \t \b \f \r}, octal, hex, unicode, quotes. */
  static String unescape(String body) {
    StringBuilder b = new StringBuilder(body.length());
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (c == '\'' && i + 1 < body.length() && body.charAt(i + 1) == '\'') {
        b.append('\'');
        i += 2;
        continue;
      }
      if (c != '\\' || i + 1 >= body.length()) {
        b.append(c);
        i++;
        continue;
      }
      char e = body.charAt(i + 1);
      i += 2;
      switch (e) {
      case 'n' -> b.append('\n');
      case 't' -> b.append('\t');
      case 'b' -> b.append('\b');
      case 'f' -> b.append('\f');
      case 'r' -> b.append('\r');
      case 'x' -> {
        int end = digits(body, i, 2, 16);
        if (end == i) {
          b.append('x');
        } else {
          b.append((char) Integer.parseInt(body.substring(i, end), 16));
          i = end;
        }
      }
      case 'u', 'U' -> {
        int len = e == 'u' ? 4 : 8;
        int end = digits(body, i, len, 16);
        if (end - i == len) {
          b.appendCodePoint(Integer.parseInt(body.substring(i, end), 16));
          i = end;
        } else {
          b.append(e);
        }
      }
      default -> {
        if (e >= '0' && e <= '7') {
          int end = digits(body, i - 1, 3, 8);
          b.append((char) Integer.parseInt(body.substring(i - 1, end), 8));
          i = end;
        } else {
          b.append(e);
        }
      }
      }
    }
    return b.toString();
  }

  private static int digits(String s, int from, int max, int radix) {
    int j = from;
    while (j < s.length() && j - from < max && Character.digit(s.charAt(j), radix) >= 0) {
      j++;
    }
    return j;
  }

  private static int skipSpace(String sql, int from) {
    int j = from;
    while (j < sql.length() && Character.isWhitespace(sql.charAt(j))) {
      j++;
    }
    return j;
  }

  private static boolean isWordStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  /** End (exclusive) of a quoted token; an unterminated one runs to the end of the text. */
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
    return sql.length();
  }
}
