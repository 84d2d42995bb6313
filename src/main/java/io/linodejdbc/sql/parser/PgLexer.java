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
 *   <li>{@code SELECT DISTINCT ON (a, b) x} becomes {@code SELECT pg_distinct_on(a, b), x}, a
 *       marker {@link PgTreeRewriter} turns into a window query;
 *   <li>{@code current_schema()} calls the driver's function (Calcite reserves the word);
 *   <li>{@code pg_catalog.f(...)} is {@code f(...)} (unnest and generate_series among them);
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

  /**
   * The words Calcite's grammar (ours: Calcite's plus the driver's additions) reserves. After
   * {@code AS} PostgreSQL takes any word as a label ({@code AS default}, {@code AS one},
   * {@code AS value}); each of these is quoted there.
   */
  private static final Set<String> CALCITE_RESERVED = calciteReserved();

  /** Words after {@code AS} that continue a statement ({@code CREATE VIEW v AS SELECT ...}). */
  private static final Set<String> AFTER_AS_KEEP = Set.of("SELECT", "VALUES", "WITH", "TABLE");

  /**
   * PostgreSQL's reserved words (its "reserved" and "type_func_name" keyword classes): these
   * cannot be a bare alias in PostgreSQL either, so after a derived table's {@code )} they keep
   * their meaning ({@code WHERE}, {@code JOIN}, {@code LEFT}, {@code UNION}, ...).
   */
  private static final Set<String> PG_RESERVED = Set.of("ALL", "ANALYSE", "ANALYZE", "AND", "ANY",
      "ARRAY", "AS", "ASC", "ASYMMETRIC", "BOTH", "CASE", "CAST", "CHECK", "COLLATE", "COLUMN",
      "CONSTRAINT", "CREATE", "CURRENT_CATALOG", "CURRENT_DATE", "CURRENT_ROLE", "CURRENT_TIME",
      "CURRENT_TIMESTAMP", "CURRENT_USER", "DEFAULT", "DEFERRABLE", "DESC", "DISTINCT", "DO", "ELSE",
      "END", "EXCEPT", "FALSE", "FETCH", "FOR", "FOREIGN", "FROM", "GRANT", "GROUP", "HAVING", "IN",
      "INITIALLY", "INTERSECT", "INTO", "LATERAL", "LEADING", "LIMIT", "LOCALTIME", "LOCALTIMESTAMP",
      "NOT", "NULL", "OFFSET", "ON", "ONLY", "OR", "ORDER", "PLACING", "PRIMARY", "REFERENCES",
      "RETURNING", "SELECT", "SESSION_USER", "SOME", "SYMMETRIC", "TABLE", "THEN", "TO", "TRAILING",
      "TRUE", "UNION", "UNIQUE", "USER", "USING", "VARIADIC", "WHEN", "WHERE", "WINDOW", "WITH",
      "AUTHORIZATION", "BINARY", "COLLATION", "CONCURRENTLY", "CROSS", "CURRENT_SCHEMA", "FREEZE",
      "FULL", "ILIKE", "INNER", "IS", "ISNULL", "JOIN", "LEFT", "LIKE", "NATURAL", "NOTNULL",
      "OUTER", "OVERLAPS", "RIGHT", "SIMILAR", "TABLESAMPLE", "VERBOSE");

  /**
   * Words that may follow a derived table in Calcite's grammar but are no PostgreSQL reserved
   * words: never taken for a bare alias.
   */
  private static final Set<String> AFTER_TABLE_KEEP = Set.of("MINUS", "QUALIFY",
      "MATCH_RECOGNIZE", "PIVOT", "UNPIVOT", "EXTEND", "APPLY", "BETWEEN", "ESCAPE", "MEMBER",
      "MULTISET", "SUBMULTISET", "AT", "FORMAT", "UESCAPE", "OVER", "FILTER", "WITHIN", "RESPECT",
      "IGNORE", "NULLS", "CONTAINS", "PRECEDES", "SUCCEEDS", "EQUALS", "IMMEDIATELY", "RLIKE",
      "MATCHES", "SET");

  /**
   * Calcite-reserved words that PostgreSQL lets a column or table be called, quoted where a name
   * stands (after {@code SELECT}, a comma, a dot, an operator, {@code WHERE}, {@code BY}, ...) and
   * the word is not followed by {@code (} (a call) or a string (a typed literal).
   */
  private static final Set<String> NAME_WORDS = Set.of("VALUE", "RESULT", "DAY", "MONTH", "YEAR",
      "HOUR", "MINUTE", "SECOND", "COUNT", "SUM", "MIN", "MAX", "AVG", "DATE", "TIME", "TIMESTAMP",
      "POSITION", "ONE", "RANK", "START", "ELEMENT", "PERCENT", "SIZE", "LEVEL", "OPEN", "CLOSE",
      "METHOD", "MODULE", "PARAMETER", "CONDITION", "LANGUAGE", "SCOPE", "SEARCH", "SECTION",
      "STATE", "SYSTEM", "RUNNING", "LOWER", "UPPER", "MODE", "LAG", "LEAD", "NTILE", "FIRST_VALUE",
      "LAST_VALUE", "LOG", "CORR", "EVERY", "ABS", "MOD", "POWER", "EXP", "LN", "SQRT", "FLOOR",
      "CEIL", "CEILING", "CARDINALITY");

  /** Tokens (upper-case words or symbols) after which a name stands. */
  private static final Set<String> BEFORE_NAME = Set.of("SELECT", ",", ".", "WHERE", "AND", "OR",
      "NOT", "BY", "ON", "HAVING", "FROM", "JOIN", "WHEN", "THEN", "ELSE", "DISTINCT", "=", "<", ">", "<=", ">=",
      "<>", "!=", "+", "-", "*", "/", "||", "%", "(");

  /** Calls whose arguments hold unit words ({@code EXTRACT(DAY FROM x)}): names are not sought. */
  private static final Set<String> UNIT_CALLS = Set.of("EXTRACT", "TIMESTAMPADD", "TIMESTAMPDIFF",
      "DATEADD", "DATEDIFF", "DATE_DIFF", "DATE_ADD", "DATE_SUB",
      "TIMESTAMP_ADD", "TIMESTAMP_SUB", "TIMESTAMP_DIFF", "TIMESTAMP_TRUNC", "DATETIME_TRUNC",
      "DATETIME_DIFF", "DATETIME_ADD", "DATETIME_SUB", "TIME_TRUNC", "TIME_DIFF", "TIME_ADD",
      "TIME_SUB");

  private static final Set<String> CAST_WORDS = Set.of("CAST", "TRY_CAST", "SAFE_CAST");

  private PgLexer() {}

  /** The statement with PostgreSQL-only spellings rewritten. */
  public static String rewrite(String sql) {
    StringBuilder out = new StringBuilder(sql.length() + 16);
    int n = sql.length();
    int i = 0;
    // the last token: an upper-case word, a run of operator characters, a bracket, or "'"
    String previous = "";
    // one character per open parenthesis: 'c' a CAST's, 'u' a call taking unit words,
    // 'p' one that may hold a derived table, 'q' one that holds it, '(' any other
    StringBuilder parens = new StringBuilder();
    boolean afterDerivedTable = false;
    // the clause at this parenthesis depth: 0 before SELECT, 1 after it, 2 in its FROM clause
    int clause = 0;
    java.util.ArrayDeque<Integer> clauses = new java.util.ArrayDeque<>();
    // a function call in a FROM clause was opened as TABLE(f: its '(' is marked 't'
    boolean tableCall = false;
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"') {
        int end = endOfQuoted(sql, i, c);
        out.append(sql, i, end);
        i = end;
        previous = String.valueOf(c);
        afterDerivedTable = false;
        settle(parens);
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
          previous = "'";
          afterDerivedTable = false;
          settle(parens);
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
        boolean derived = afterDerivedTable;
        afterDerivedTable = false;
        clause = clause(clause, upper, previous);
        if (clause == 2 && FROM_ITEM_BEFORE.contains(previous) && !NOT_FROM_CALLS.contains(upper)
            && sql.startsWith("(", skipSpace(sql, j))) {
          // FROM f(g(x)) AS a: Calcite reads FROM f(...) as a call only when its first argument
          // is no call or name; TABLE(f(...)) it always reads (PgTreeRewriter turns a scalar
          // function's TABLE(...) into a one-row relation, as PostgreSQL reads it)
          out.append("TABLE(");
          tableCall = true;
        }
        if (parens.length() > 0 && parens.charAt(parens.length() - 1) == 'p') {
          parens.setCharAt(parens.length() - 1,
              upper.equals("SELECT") || upper.equals("VALUES") || upper.equals("WITH") ? 'q' : '(');
        }
        if (upper.equals("E") && j < n && sql.charAt(j) == '\'') {
          int end = endOfEscapeString(sql, j);
          if (end > 0) {
            appendLiteral(out, unescape(sql.substring(j + 1, end - 1)));
            i = end;
            previous = "'";
            continue;
          }
        }
        if (upper.equals("INTERVAL")) {
          int end = pgInterval(sql, j, out);
          if (end > 0) {
            i = end;
            previous = "INTERVAL";
            continue;
          }
        }
        if (upper.equals("OPERATOR")) {
          int end = operatorCall(sql, j, out, j - i);
          if (end > 0) {
            i = end;
            previous = "=";
            continue;
          }
        }
        if (upper.equals("PG_CATALOG") && qualifiesACall(sql, j)) {
          // pg_catalog.f(...) is f(...): pg_catalog is first on every search path, and
          // f may be a word Calcite reserves (unnest) or a table function (generate_series)
          out.append(" ".repeat(j + 1 - i));
          i = j + 1;
          continue;
        }
        if (upper.equals("CURRENT_SCHEMA")) {
          // a reserved word of Calcite's that it cannot evaluate; PostgreSQL's function
          out.append(PgTreeRewriter.CURRENT_SCHEMA_FUNCTION);
          if (!sql.startsWith("(", skipSpace(sql, j))) {
            out.append("()");
          }
          i = j;
          previous = "CURRENT_SCHEMA";
          continue;
        }
        char context = parens.length() > 0 ? parens.charAt(parens.length() - 1) : ' ';
        if (quoteAsName(upper, previous, derived, context, sql, j)) {
          // a word PostgreSQL takes as a name here and Calcite reserves
          out.append('"').append(word.toLowerCase(Locale.ROOT)).append('"');
          previous = "\"";
          i = j;
          continue;
        }
        if (upper.equals("DISTINCT") && previous.equals("SELECT")) {
          int end = distinctOn(sql, j);
          if (end > 0) {
            // DISTINCT ON (a, b) x: the marker call pg_distinct_on(a, b), x (PgTreeRewriter)
            out.append(PgTreeRewriter.DISTINCT_ON_FUNCTION);
            out.append(" ".repeat(
                Math.max(0, end - i - PgTreeRewriter.DISTINCT_ON_FUNCTION.length())));
            parens.append('d');
            previous = "(";
            out.append('(');
            i = end + 1;
            continue;
          }
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
        previous = upper;
        i = j;
        continue;
      }
      if (Character.isWhitespace(c)) {
        out.append(c);
        i++;
        continue;
      }
      afterDerivedTable = false;
      if (c == '(') {
        settle(parens);
        clauses.push(clause);
        clause = 0;
        parens.append(tableCall ? 't' : CAST_WORDS.contains(previous) ? 'c'
            : UNIT_CALLS.contains(previous) ? 'u'
            : DERIVED_TABLE_BEFORE.contains(previous) ? 'p' : '(');
        previous = "(";
        tableCall = false;
        out.append(c);
        i++;
        continue;
      }
      settle(parens);
      if (c == ')') {
        boolean distinctOn = false;
        boolean closesTableCall = false;
        if (parens.length() > 0) {
          afterDerivedTable = parens.charAt(parens.length() - 1) == 'q';
          distinctOn = parens.charAt(parens.length() - 1) == 'd';
          closesTableCall = parens.charAt(parens.length() - 1) == 't';
          parens.setLength(parens.length() - 1);
        }
        clause = clauses.isEmpty() ? 0 : clauses.pop();
        previous = ")";
        out.append(c);
        if (closesTableCall) {
          out.append(')');
        }
        if (distinctOn) {
          out.append(',');
          previous = ",";
        }
        i++;
        continue;
      }
      int j = i + 1;
      if (OPERATOR_CHARS.indexOf(c) >= 0) {
        while (j < n && OPERATOR_CHARS.indexOf(sql.charAt(j)) >= 0
            && !sql.startsWith("--", j) && !sql.startsWith("/*", j)) {
          j++;
        }
      }
      previous = sql.substring(i, j);
      out.append(previous);
      i = j;
    }
    return out.toString();
  }

  /** Tokens after which a FROM clause's next item stands. */
  private static final Set<String> FROM_ITEM_BEFORE = Set.of("FROM", ",", "JOIN");

  /** Words before a parenthesis in a FROM clause that are no function called there. */
  private static final Set<String> NOT_FROM_CALLS = Set.of("TABLE", "UNNEST", "LATERAL",
      "SELECT", "VALUES", "WITH", "ONLY", "FROM", "JOIN");

  /** Words that end a FROM clause at their depth. */
  private static final Set<String> AFTER_FROM = Set.of("WHERE", "GROUP", "HAVING", "ORDER",
      "LIMIT", "OFFSET", "FETCH", "UNION", "INTERSECT", "EXCEPT", "ON", "USING", "WINDOW",
      "RETURNING", "SET", "QUALIFY");

  /**
   * The clause at a depth after {@code word}: FROM opens a FROM clause only after a SELECT (or
   * DELETE) at that depth (not {@code substring(a FROM b)} nor {@code EXTRACT(DAY FROM x)}).
   */
  private static int clause(int clause, String word, String previous) {
    if (word.equals("SELECT") || word.equals("DELETE")) {
      return 1;
    }
    if (word.equals("FROM") && clause >= 1) {
      return 2;
    }
    return clause == 2 && AFTER_FROM.contains(word) ? 1 : clause;
  }

  /** Whether {@code .word(} follows: a function called by its pg_catalog-qualified name. */
  private static boolean qualifiesACall(String sql, int from) {
    if (from + 1 >= sql.length() || sql.charAt(from) != '.' || !isWordStart(sql.charAt(from + 1))) {
      return false;
    }
    int k = from + 1;
    while (k < sql.length() && isWordPart(sql.charAt(k))) {
      k++;
    }
    k = skipSpace(sql, k);
    return k < sql.length() && sql.charAt(k) == '(';
  }

  /** Characters of which operators are made. */
  private static final String OPERATOR_CHARS = "+-*/<>=~!@#%^&|`?:";

  /** Tokens before a parenthesis that may open a derived table. */
  private static final Set<String> DERIVED_TABLE_BEFORE =
      Set.of("FROM", "JOIN", "LATERAL", ",", "(");

  /** A pending 'p' parenthesis whose first token is not a word holds no derived table. */
  private static void settle(StringBuilder parens) {
    if (parens.length() > 0 && parens.charAt(parens.length() - 1) == 'p') {
      parens.setCharAt(parens.length() - 1, '(');
    }
  }

  /**
   * Whether {@code word} (upper case), after the token {@code previous}, is a name PostgreSQL
   * reads and Calcite would take for its keyword: a label after {@code AS}, a bare alias after a
   * derived table, a column called {@code value}, {@code day}, {@code count}, ... or labelled so
   * without {@code AS} after a parenthesis ({@code (SELECT 1) result}; not the units PostgreSQL
   * refuses there: {@code (x) month} is a syntax error in PostgreSQL too).
   */
  private static boolean quoteAsName(String word, String previous, boolean afterDerivedTable,
      char context, String sql, int end) {
    if (context == 'c') {
      return false; // CAST(x AS DATE): a type
    }
    if (previous.equals("AS")) {
      return CALCITE_RESERVED.contains(word) && !AFTER_AS_KEEP.contains(word);
    }
    if (afterDerivedTable) {
      return CALCITE_RESERVED.contains(word) && !PG_RESERVED.contains(word)
          && !AFTER_TABLE_KEEP.contains(word);
    }
    if (context == 'u' || !NAME_WORDS.contains(word)
        || !(BEFORE_NAME.contains(previous)
            || previous.equals(")") && !INTERVAL_UNITS.contains(word))) {
      return false;
    }
    int k = skipSpace(sql, end);
    if (k < sql.length() && (sql.charAt(k) == '(' || sql.charAt(k) == '\'')) {
      return false; // a call, or a typed literal (DATE '2024-01-01')
    }
    int w = k;
    while (w < sql.length() && isWordPart(sql.charAt(w))) {
      w++;
    }
    String next = sql.substring(k, w).toUpperCase(Locale.ROOT);
    return !next.equals("WITH") && !next.equals("WITHOUT");
  }

  private static Set<String> calciteReserved() {
    LinodeSqlParserImpl parser = new LinodeSqlParserImpl(new java.io.StringReader(""));
    Set<String> words = new java.util.HashSet<>();
    for (String token : parser.getMetadata().getTokens()) {
      if (parser.getMetadata().isReservedWord(token) && !token.isEmpty()
          && isWordStart(token.charAt(0))) {
        words.add(token);
      }
    }
    return Set.copyOf(words);
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

  /** After {@code SELECT DISTINCT}: the position of the {@code (} of {@code ON (}, or -1. */
  private static int distinctOn(String sql, int from) {
    int j = skipSpace(sql, from);
    if (!sql.regionMatches(true, j, "ON", 0, 2)
        || j + 2 < sql.length() && isWordPart(sql.charAt(j + 2))) {
      return -1;
    }
    int k = skipSpace(sql, j + 2);
    return k < sql.length() && sql.charAt(k) == '(' ? k : -1;
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
