package io.linodejdbc.sql;

import io.linodejdbc.resource.ResourceDescriptor;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import io.linodejdbc.sql.parser.PgSqlParserImpl;
import io.linodejdbc.sql.parser.SqlReturning;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.checkerframework.checker.nullness.qual.Nullable;

/** The driver's SQL dialect settings, in one place for the connection and for its helpers. */
public final class LinodeSql {
  private static final Pattern SIMPLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern TRAILING_SEMICOLONS = Pattern.compile("[\\s;]+$");

  private LinodeSql() {}

  /**
   * Calcite connection properties: identifiers as in PostgreSQL (unquoted names fold to lower
   * case, double quotes keep case).
   */
  public static Properties connectionProperties() {
    Properties p = new Properties();
    p.setProperty("quoting", Quoting.DOUBLE_QUOTE.name());
    p.setProperty("unquotedCasing", Casing.TO_LOWER.name());
    p.setProperty("quotedCasing", Casing.UNCHANGED.name());
    p.setProperty("caseSensitive", "true");
    p.setProperty("parserFactory", PgSqlParserImpl.class.getName() + "#FACTORY");
    return p;
  }

  /** The parser configuration matching {@link #connectionProperties()}. */
  static SqlParser.Config parserConfig() {
    return SqlParser.config()
        .withQuoting(Quoting.DOUBLE_QUOTE)
        .withUnquotedCasing(Casing.TO_LOWER)
        .withQuotedCasing(Casing.UNCHANGED)
        .withCaseSensitive(true)
        .withParserFactory(PgSqlParserImpl.FACTORY);
  }

  /**
   * The statement with a RETURNING clause for JDBC's generated keys, or null when it is not an
   * INSERT / UPDATE / REPLACE / DELETE without one. The statement is parsed to decide, so that a
   * keyword inside a string or comment cannot mislead; the clause is appended on a new line, which
   * also ends a trailing {@code --} comment.
   *
   * @param columns the columns to return; empty for all
   */
  public static @Nullable String withReturning(String sql, List<String> columns) {
    SqlNode node;
    try {
      PlanningCounts.parsed();
      node = SqlParser.create(withoutTerminator(sql), parserConfig()).parseStmt();
    } catch (SqlParseException e) {
      return null;
    }
    if (node instanceof SqlReturning
        || WriteStatement.of(StackqlNames.rewrite(node), null) == null) {
      return null;
    }
    StringBuilder b = new StringBuilder(withoutTerminator(sql));
    b.append("\nRETURNING ");
    if (columns.isEmpty()) {
      b.append('*');
    } else {
      for (int i = 0; i < columns.size(); i++) {
        String c = columns.get(i);
        b.append(i == 0 ? "" : ", ")
            .append(SIMPLE_NAME.matcher(c).matches() ? c : '"' + c.replace("\"", "\"\"") + '"');
      }
    }
    return b.toString();
  }

  /** What a statement is, as far as the JDBC result protocol cares. */
  public enum WriteShape {
    /** Not an INSERT / UPDATE / REPLACE / DELETE (or not parseable: Calcite will say why). */
    NONE,
    /** A write answering an update count. */
    COUNT,
    /** A write with RETURNING: answers rows. */
    RETURNING
  }

  /** The shape of {@code sql}, decided on the parsed statement. */
  public static WriteShape writeShape(String sql) {
    SqlNode node;
    try {
      PlanningCounts.parsed();
      node = SqlParser.create(withoutTerminator(sql), parserConfig()).parseStmt();
    } catch (SqlParseException | RuntimeException e) {
      return WriteShape.NONE;
    }
    if (node instanceof SqlReturning) {
      return WriteShape.RETURNING;
    }
    try {
      return WriteStatement.of(StackqlNames.rewrite(node), null) == null
          ? WriteShape.NONE : WriteShape.COUNT;
    } catch (RuntimeException e) {
      return WriteShape.COUNT; // a write the planner will refuse, with its own message
    }
  }

  /**
   * The statement without trailing semicolons: StackQL's documentation ends every statement with
   * one, and Calcite's parser accepts a single statement only.
   */
  public static String withoutTerminator(String sql) {
    return TRAILING_SEMICOLONS.matcher(sql).replaceAll("");
  }

  /** Column names of a resource by 1-based position, for {@code int[]} generated-key requests. */
  public static List<String> columnNames(ResourceDescriptor resource, int[] positions) {
    return java.util.Arrays.stream(positions)
        .mapToObj(i -> {
          if (i < 1 || i > resource.columns().size()) {
            throw new IllegalArgumentException("column index " + i + " out of range 1.."
                + resource.columns().size());
          }
          return resource.columns().get(i - 1).name();
        })
        .toList();
  }
}
