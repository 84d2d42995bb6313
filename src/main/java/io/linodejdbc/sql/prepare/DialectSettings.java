package io.linodejdbc.sql.prepare;

import io.linodejdbc.resource.ResourceDescriptor;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import io.linodejdbc.sql.parser.PgSqlParserImpl;
import io.linodejdbc.sql.parser.SqlReturning;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/** The driver's SQL dialect settings, in one place for the connection and for its helpers. */
public final class DialectSettings {
  private static final Pattern SIMPLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern TRAILING_SEMICOLONS = Pattern.compile("[\\s;]+$");

  private DialectSettings() {}

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
    // Statements start with fetch size 0 ("the driver decides") rather than Avatica's 100, so
    // that a fetch size set by the client can be told apart and honoured (FetchSizeHint).
    p.setProperty("fetch_size", "0");
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
   * also ends a trailing {@code --} comment. The statement is parsed once: the tree with the
   * clause added is what the prepare hook takes for the text returned ({@link #takeParsed}).
   *
   * @param columns the columns to return; empty for all
   */
  public static @Nullable String withReturning(String sql, List<String> columns) {
    if (writeShape(sql) != WriteShape.COUNT) {
      return null;
    }
    String text = withoutTerminator(sql);
    SqlNode dml = parse(text);
    LAST_PARSED.remove(); // the statement's own tree becomes part of the one below
    if (dml == null) {
      return null;
    }
    StringBuilder b = new StringBuilder(text);
    b.append("\nRETURNING ");
    SqlNodeList list = new SqlNodeList(SqlParserPos.ZERO);
    if (columns.isEmpty()) {
      b.append('*');
      list.add(SqlIdentifier.star(SqlParserPos.ZERO));
    } else {
      for (int i = 0; i < columns.size(); i++) {
        String c = columns.get(i);
        boolean simple = SIMPLE_NAME.matcher(c).matches();
        b.append(i == 0 ? "" : ", ")
            .append(simple ? c : '"' + c.replace("\"", "\"\"") + '"');
        // as the parser reads it: an unquoted name folds to lower case, a quoted one is kept
        list.add(new SqlIdentifier(simple ? c.toLowerCase(Locale.ROOT) : c, SqlParserPos.ZERO));
      }
    }
    String returning = b.toString();
    LAST_PARSED.set(new Parsed(returning,
        new SqlReturning(dml.getParserPosition(), dml, list)));
    return returning;
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
    String text = withoutTerminator(sql);
    WriteShape known;
    synchronized (SHAPES) {
      known = SHAPES.get(text);
    }
    if (known != null) {
      return known;
    }
    SqlNode node = parse(text);
    return node == null ? WriteShape.NONE : parsed(text, node);
  }

  /**
   * {@code text} parsed, or null when it does not parse (Calcite will say why when it prepares
   * it). The tree is kept on this thread for the prepare hook, which takes it instead of parsing
   * again ({@link #takeParsed}); asked again before that, this answers the same tree.
   */
  private static @Nullable SqlNode parse(String text) {
    Parsed last = LAST_PARSED.get();
    if (last != null && last.text().equals(text)) {
      return last.node();
    }
    SqlNode node;
    try {
      PlanningCounts.parsed();
      node = SqlParser.create(text, parserConfig()).parseStmt();
    } catch (SqlParseException | RuntimeException e) {
      return null;
    }
    LAST_PARSED.set(new Parsed(text, node));
    return node;
  }

  /**
   * Records the shape of a statement the prepare hook parsed, so that asking for it later (the
   * JDBC layer does, when a statement runs) parses nothing.
   */
  static WriteShape parsed(String text, SqlNode node) {
    WriteShape shape = node instanceof SqlReturning ? WriteShape.RETURNING
        : isWrite(node) ? WriteShape.COUNT : WriteShape.NONE;
    synchronized (SHAPES) {
      SHAPES.put(text, shape);
    }
    return shape;
  }

  /**
   * The tree {@link #writeShape} parsed for {@code text} on this thread and nobody used yet, or
   * null; taken at most once (Calcite's validator changes the tree it validates).
   */
  static @Nullable SqlNode takeParsed(String text) {
    Parsed last = LAST_PARSED.get();
    if (last == null || !last.text().equals(text)) {
      return null;
    }
    LAST_PARSED.remove();
    return last.node();
  }

  private record Parsed(String text, SqlNode node) {}

  private static final ThreadLocal<@Nullable Parsed> LAST_PARSED = new ThreadLocal<>();

  /** The shapes of recent statements, by text (bounded). */
  private static final java.util.Map<String, WriteShape> SHAPES =
      new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override protected boolean removeEldestEntry(java.util.Map.Entry<String, WriteShape> e) {
          return size() > 512;
        }
      };

  /** The (last part of the) table name an INSERT / UPDATE / DELETE writes, or null. */
  public static @Nullable String writeTarget(String sql) {
    SqlNode node = parse(withoutTerminator(sql));
    SqlNode target = node instanceof SqlInsert i ? i.getTargetTable()
        : node instanceof SqlUpdate u ? u.getTargetTable()
        : node instanceof SqlDelete d ? d.getTargetTable() : null;
    return target instanceof SqlIdentifier id ? id.names.get(id.names.size() - 1) : null;
  }

  /** An INSERT, UPDATE (StackQL's REPLACE) or DELETE of a named table. */
  private static boolean isWrite(SqlNode node) {
    return node instanceof SqlInsert insert && insert.getTargetTable() instanceof SqlIdentifier
        || node instanceof SqlUpdate update && update.getTargetTable() instanceof SqlIdentifier
        || node instanceof SqlDelete delete && delete.getTargetTable() instanceof SqlIdentifier;
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
