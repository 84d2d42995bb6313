package io.linodejdbc.server;

/** An error to answer a statement with: SQLSTATE, message, optional hint and position. */
final class PgError extends Exception {
  private static final long serialVersionUID = 1L;

  final String sqlState;
  final String hint;
  /** 1-based character position in the query text, 0 for none. */
  final int position;

  PgError(String sqlState, String message, String hint, int position) {
    super(message, null, false, false);
    this.sqlState = sqlState;
    this.hint = hint;
    this.position = position;
  }
}
