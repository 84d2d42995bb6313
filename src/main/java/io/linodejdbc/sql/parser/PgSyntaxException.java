package io.linodejdbc.sql.parser;

import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A statement PostgreSQL would refuse (or the driver cannot express), found while reading it:
 * a one-line message in PostgreSQL's words, its SQLSTATE and where in the text it is.
 */
public final class PgSyntaxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String sqlState;
  private final SqlParserPos pos;

  public PgSyntaxException(String sqlState, String message, SqlParserPos pos) {
    super(message, null, false, false);
    this.sqlState = sqlState;
    this.pos = pos;
  }

  public String sqlState() {
    return sqlState;
  }

  public SqlParserPos pos() {
    return pos;
  }
}
