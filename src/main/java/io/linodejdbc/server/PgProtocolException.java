package io.linodejdbc.server;

/**
 * A client broke the protocol (a malformed, truncated or oversized message): the connection is
 * answered with an error and closed; the server and other sessions carry on.
 */
final class PgProtocolException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String sqlState;

  PgProtocolException(String sqlState, String message) {
    super(message);
    this.sqlState = sqlState;
  }

  String sqlState() {
    return sqlState;
  }
}
