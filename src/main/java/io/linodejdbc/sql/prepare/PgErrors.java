package io.linodejdbc.sql.prepare;

import io.linodejdbc.sql.LinodePagesTable;
import io.linodejdbc.sql.SqlState;
import io.linodejdbc.resource.ColumnDescriptor;
import io.linodejdbc.resource.ResourceDescriptor;
import io.linodejdbc.sql.parser.ParseException;
import io.linodejdbc.sql.parser.PgSyntaxException;
import io.linodejdbc.sql.parser.Token;
import io.linodejdbc.sql.parser.TokenMgrError;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlValidatorException;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The mistakes of a statement's author, told as PostgreSQL tells them: one line, PostgreSQL's
 * wording, its SQLSTATE, and where in the text — e.g. {@code syntax error at or near "::" (line
 * 1, column 22)} (42601), {@code column "lable" does not exist (line 1, column 8); perhaps you
 * meant "label"} (42703), {@code function foo(integer) does not exist} (42883). Never the
 * parser's list of expected tokens, never Java exception text.
 */
public final class PgErrors {
  /** A user's mistake in words and SQLSTATE. */
  public record PgError(String message, String sqlState) {}

  private static final Pattern COLUMN_NOT_FOUND =
      Pattern.compile("Column '([^']*)' not found in (?:any table|table '([^']*)')");
  private static final Pattern OBJECT_NOT_FOUND =
      Pattern.compile("(?:Object|Table) '([^']*)' not found(?: within '([^']*)')?");
  private static final Pattern NOT_GROUPED =
      Pattern.compile("Expression '(.*)' is not being grouped");
  private static final Pattern AMBIGUOUS = Pattern.compile("Column '([^']*)' is ambiguous");
  private static final Pattern UNKNOWN_TYPE = Pattern.compile("Unknown identifier '([^']*)'");
  private static final Pattern CANNOT_APPLY =
      Pattern.compile("Cannot apply '([^']*)' to arguments of type '([^']*)'");
  private static final Pattern NEAR = Pattern.compile(
      "(?:Encountered \"|near the keyword ')(.*?)[\"'] at line (\\d+), column (\\d+)");
  private static final Pattern NUMBER_FORMAT = Pattern.compile("For input string: \"(.*)\"");

  private PgErrors() {}

  /**
   * The user's mistake {@code t} stands for, or null when it is not one this class knows.
   *
   * @param resources the connection's resources, whose columns a misspelt name is compared with
   */
  public static @Nullable PgError describe(Throwable t, List<ResourceDescriptor> resources) {
    PgSyntaxException own = find(t, PgSyntaxException.class);
    if (own != null) {
      return new PgError(own.getMessage() + at(own.pos()), own.sqlState());
    }
    CalciteContextException context = find(t, CalciteContextException.class);
    if (context != null) {
      SqlValidatorException v = find(context, SqlValidatorException.class);
      String message = v != null ? v.getMessage() : context.getMessage();
      return validation(String.valueOf(message),
          " (line " + context.getPosLine() + ", column " + context.getPosColumn() + ")",
          resources);
    }
    SqlParseException parse = find(t, SqlParseException.class);
    if (parse != null) {
      return syntax(parse);
    }
    SqlValidatorException v = find(t, SqlValidatorException.class);
    if (v != null) {
      return validation(String.valueOf(v.getMessage()), "", resources);
    }
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c.getClass() == RuntimeException.class
          && String.valueOf(c.getMessage()).startsWith("Invalid escape sequence")) {
        // a LIKE pattern from a column: Calcite takes a backslash only before % _ and itself
        return new PgError("invalid LIKE pattern: a backslash must be followed by %, _ or"
            + " another backslash here", SqlState.INVALID_PARAMETER_VALUE.code());
      }
      if (c.getCause() == c) {
        break;
      }
    }
    NumberFormatException number = find(t, NumberFormatException.class);
    if (number != null) {
      Matcher m = NUMBER_FORMAT.matcher(String.valueOf(number.getMessage()));
      String value = m.find() ? m.group(1) : String.valueOf(number.getMessage());
      return new PgError("invalid input syntax for type numeric: \"" + value + "\"",
          SqlState.INVALID_TEXT_REPRESENTATION.code());
    }
    return null;
  }

  private static PgError syntax(SqlParseException e) {
    ParseException cause = find(e, ParseException.class);
    if (cause != null && cause.currentToken != null && cause.currentToken.next != null) {
      Token next = cause.currentToken.next;
      String where = " (line " + next.beginLine + ", column " + next.beginColumn + ")";
      if (next.kind == 0 || next.image == null || next.image.isEmpty()) {
        return new PgError("syntax error at end of input" + where, SqlState.SYNTAX_ERROR.code());
      }
      return new PgError("syntax error at or near \"" + next.image + "\"" + where, SqlState.SYNTAX_ERROR.code());
    }
    TokenMgrError lexical = find(e, TokenMgrError.class);
    SqlParserPos pos = e.getPos();
    String where = pos == null ? "" : at(pos);
    if (lexical != null) {
      Matcher m = Pattern.compile("Encountered: \"(.*?)\"").matcher(
          String.valueOf(lexical.getMessage()));
      String near = m.find() ? m.group(1) : "";
      return new PgError(near.isEmpty() ? "syntax error" + where
          : "syntax error at or near \"" + near + "\"" + where, SqlState.SYNTAX_ERROR.code());
    }
    Matcher near = NEAR.matcher(String.valueOf(e.getMessage()));
    if (near.find()) {
      return new PgError("syntax error at or near \"" + near.group(1) + "\" (line "
          + near.group(2) + ", column " + near.group(3) + ")", SqlState.SYNTAX_ERROR.code());
    }
    String first = firstSentence(String.valueOf(e.getMessage()));
    return new PgError(first.isEmpty() ? "syntax error" + where : first + where, SqlState.SYNTAX_ERROR.code());
  }

  private static PgError validation(String message, String where,
      List<ResourceDescriptor> resources) {
    Matcher m = COLUMN_NOT_FOUND.matcher(message);
    if (m.find()) {
      String column = m.group(1);
      String name = m.group(2) == null ? "\"" + column + "\"" : m.group(2) + "." + column;
      String hint = closest(column, resources);
      return new PgError("column " + name + " does not exist" + where
          + (hint == null ? "" : "; perhaps you meant \"" + hint + "\""), SqlState.UNDEFINED_COLUMN.code());
    }
    m = OBJECT_NOT_FOUND.matcher(message);
    if (m.find()) {
      String name = m.group(2) == null ? m.group(1) : m.group(2) + "." + m.group(1);
      return new PgError("relation \"" + name + "\" does not exist" + where, SqlState.UNDEFINED_RELATION.code());
    }
    m = NOT_GROUPED.matcher(message);
    if (m.find()) {
      return new PgError("column \"" + m.group(1) + "\" must appear in the GROUP BY clause or be"
          + " used in an aggregate function" + where, SqlState.GROUPING_ERROR.code());
    }
    m = AMBIGUOUS.matcher(message);
    if (m.find()) {
      return new PgError("column reference \"" + m.group(1) + "\" is ambiguous" + where,
          SqlState.AMBIGUOUS_COLUMN.code());
    }
    m = UNKNOWN_TYPE.matcher(message);
    if (m.find()) {
      return new PgError("type \"" + m.group(1) + "\" does not exist" + where, SqlState.UNDEFINED_OBJECT.code());
    }
    m = CANNOT_APPLY.matcher(message);
    if (m.find()) {
      return new PgError("operator does not exist: " + m.group(2).replaceAll("[<>]", "")
          .toLowerCase(Locale.ROOT) + where, SqlState.UNDEFINED_FUNCTION.code());
    }
    return new PgError(firstSentence(message) + where, SqlState.SYNTAX_ERROR.code());
  }

  /** A column of {@code resources} within two edits of {@code name}, or null. */
  static @Nullable String closest(String name, List<ResourceDescriptor> resources) {
    Set<String> names = new LinkedHashSet<>();
    for (ResourceDescriptor r : resources) {
      for (ColumnDescriptor c : r.columns()) {
        names.add(c.name());
      }
    }
    names.addAll(LinodePagesTable.COLUMNS);
    String best = null;
    int bestDistance = 3;
    for (String candidate : names) {
      int d = distance(name.toLowerCase(Locale.ROOT), candidate);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Levenshtein distance with adjacent transpositions counted as one edit. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  private static String at(SqlParserPos pos) {
    return pos == null || pos.getLineNum() <= 0 ? ""
        : " (line " + pos.getLineNum() + ", column " + pos.getColumnNum() + ")";
  }

  /** The message up to its first line break or "Was expecting", without a trailing period. */
  private static String firstSentence(String message) {
    String s = message;
    int cut = s.indexOf("Was expecting");
    if (cut >= 0) {
      s = s.substring(0, cut);
    }
    s = s.lines().findFirst().orElse("").strip();
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /** The first throwable of {@code type} in {@code t}'s cause chain, or null. */
  public static <T extends Throwable> @Nullable T find(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return null;
  }
}
