package io.linodejdbc.sql;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A failure while running a query that is not the API's own error (those are
 * {@link io.linodejdbc.api.LinodeApiException}): cancellation, timeout, a response the driver
 * cannot read. Unchecked because it crosses Calcite's enumerators; the JDBC layer turns it into
 * an {@link java.sql.SQLException} with {@link #sqlState()}.
 */
public class LinodeQueryException extends RuntimeException {
  /** Statement cancelled ({@code Statement.cancel()}). */
  public static final String CANCELLED = "HY008";
  /** Query timeout expired. */
  public static final String TIMEOUT = "HYT00";
  /** The API's response could not be read. */
  public static final String MALFORMED_RESPONSE = "08S01";

  private final String sqlState;

  public LinodeQueryException(String sqlState, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.sqlState = sqlState;
  }

  public String sqlState() {
    return sqlState;
  }
}
