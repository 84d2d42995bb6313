package io.linodejdbc.sql;

import java.lang.reflect.Type;
import java.time.Clock;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserImplFactory;
import org.apache.calcite.util.TryThreadLocal;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's statement preparation with the driver's additions:
 * <ul>
 *   <li>StackQL's column spellings ({@code data__label}, {@code tokenId}) are mapped onto the real
 *       columns on the parsed tree ({@link StackqlNames});
 *   <li>INSERT, UPDATE, StackQL's REPLACE and DELETE on a Linode table run as API requests
 *       ({@link WritePlanner}), with RETURNING;
 *   <li>{@code IN} lists of any length stay predicates ({@code id IN (1, ..., 10000)}) instead of
 *       becoming a join with a VALUES table at 20 elements, so that the filter rule can turn them
 *       into key lookups.
 * </ul>
 */
public class LinodePrepare extends CalcitePrepareImpl {
  private final Clock clock;

  public LinodePrepare() {
    this(Clock.systemUTC());
  }

  LinodePrepare(Clock clock) {
    this.clock = clock;
  }

  @Override public <T> CalciteSignature<T> prepareSql(Context context, Query<T> query,
      Type elementType, long maxRowCount) {
    if (query.sql != null) {
      SqlNode node = parseStatement(context, query.sql);
      if (node != null) {
        SqlNode rewritten = StackqlNames.rewrite(node);
        CalciteSignature<T> own = prepareOwn(context, query.sql, rewritten);
        if (own != null) {
          return own;
        }
        if (rewritten != node) {
          return prepareStandard(context, Query.of(WritePlanner.unparse(rewritten)), elementType,
              maxRowCount);
        }
      }
    }
    return prepareStandard(context, query, elementType, maxRowCount);
  }

  /** Statements the driver runs itself, or null for Calcite's own path. */
  @SuppressWarnings("unchecked")
  private <T> @Nullable CalciteSignature<T> prepareOwn(Context context, String sql,
      SqlNode node) {
    SqlNode statement = node;
    SqlNodeList returning = null;
    if (node instanceof Returning r) {
      statement = r.statement();
      returning = r.returningList();
    }
    WriteStatement write = WriteStatement.of(statement, returning);
    if (write != null) {
      WritePlanner planner = new WritePlanner(context,
          text -> prepareStandard(context, Query.of(text), Object[].class, -1), clock);
      return (CalciteSignature<T>) planner.plan(sql, write);
    }
    return null;
  }

  private <T> CalciteSignature<T> prepareStandard(Context context, Query<T> query,
      Type elementType, long maxRowCount) {
    try (TryThreadLocal.Memo ignored =
             Prepare.THREAD_INSUBQUERY_THRESHOLD.push(Integer.MAX_VALUE)) {
      return super.prepareSql(context, query, elementType, maxRowCount);
    }
  }

  /** Parses as Calcite will; null when it cannot (Calcite then reports the error itself). */
  private static @Nullable SqlNode parseStatement(Context context, String sql) {
    CalciteConnectionConfig config = context.config();
    SqlParser.Config parserConfig = SqlParser.config()
        .withQuotedCasing(config.quotedCasing())
        .withUnquotedCasing(config.unquotedCasing())
        .withQuoting(config.quoting())
        .withConformance(config.conformance())
        .withCaseSensitive(config.caseSensitive());
    SqlParserImplFactory factory = config.parserFactory(SqlParserImplFactory.class, null);
    if (factory != null) {
      parserConfig = parserConfig.withParserFactory(factory);
    }
    try {
      return SqlParser.create(sql, parserConfig).parseStmt();
    } catch (SqlParseException e) {
      return null;
    }
  }

  /** A statement with a RETURNING clause, as the driver's parser produces it. */
  public interface Returning {
    SqlNode statement();

    SqlNodeList returningList();
  }
}
