package io.linodejdbc.sql;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A failure while running a query that is not the API's own error (those are
 * {@link io.linodejdbc.api.LinodeApiException}): cancellation, timeout, a response the driver
 * cannot read. Unchecked because it crosses Calcite's enumerators; the JDBC layer turns it into
 * an {@link java.sql.SQLException} with {@link #sqlState()}.
 */
public class LinodeQueryException extends RuntimeException {
  private final String sqlState;

  public LinodeQueryException(String sqlState, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.sqlState = sqlState;
  }

  public String sqlState() {
    return sqlState;
  }
}
