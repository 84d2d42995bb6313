package io.linodejdbc.sql.parser;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParserImplFactory;
import org.apache.calcite.sql.validate.SqlConformance;
import org.apache.calcite.util.SourceStringReader;

/**
 * The driver's parser: {@link LinodeSqlParserImpl} (Calcite's grammar with the driver's
 * additions) reading the text as {@link PgLexer} rewrote it, with the driver's conformance
 * ({@link PgConformance}) whatever the connection asks, and each parsed statement rewritten from
 * PostgreSQL's meaning into Calcite's ({@link PgTreeRewriter}).
 */
public class PgSqlParserImpl extends LinodeSqlParserImpl {
  /** Creates the driver's parsers; the connection's {@code parserFactory}. */
  public static final SqlParserImplFactory FACTORY = new SqlParserImplFactory() {
    @Override public SqlAbstractParserImpl getParser(Reader reader) {
      String sql = PgLexer.rewrite(read(reader));
      PgSqlParserImpl parser = new PgSqlParserImpl(new SourceStringReader(sql));
      parser.setOriginalSql(sql);
      parser.jj_input_stream.ReInit(new StringReader(sql), 1, 1, sql.length());
      parser.setConformance(PgConformance.INSTANCE);
      return parser;
    }
  };

  PgSqlParserImpl(Reader reader) {
    super(reader);
  }

  /**
   * The words this dialect's parser reserves that SQL:2003 does not, comma-separated: what JDBC's
   * {@code DatabaseMetaData.getSQLKeywords()} asks for. (Avatica answers it from Calcite's
   * standard parser, building that parser's keyword tables too; a shell asks it at every connect.)
   */
  public static String jdbcKeywords() {
    return new LinodeSqlParserImpl(new java.io.StringReader("")).getMetadata().getJdbcKeywords();
  }

  private static String read(Reader reader) {
    if (reader instanceof SourceStringReader s) {
      return s.getSourceString();
    }
    try {
      StringBuilder b = new StringBuilder();
      char[] buf = new char[4096];
      for (int n; (n = reader.read(buf)) > 0; ) {
        b.append(buf, 0, n);
      }
      return b.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The driver's conformance, always: the parser's LIMIT m, n and !== depend on it. */
  @Override public void setConformance(SqlConformance conformance) {
    super.setConformance(PgConformance.INSTANCE);
  }

  @Override public SqlNode parseSqlStmtEof() throws Exception {
    return PgTreeRewriter.rewrite(super.parseSqlStmtEof());
  }

  @Override public SqlNode parseSqlExpressionEof() throws Exception {
    return PgTreeRewriter.rewrite(super.parseSqlExpressionEof());
  }

  @Override public SqlNodeList parseSqlStmtList() throws Exception {
    SqlNodeList list = super.parseSqlStmtList();
    for (int i = 0; i < list.size(); i++) {
      list.set(i, PgTreeRewriter.rewrite(list.get(i)));
    }
    return list;
  }
}
