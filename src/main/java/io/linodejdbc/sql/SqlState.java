package io.linodejdbc.sql;

/**
 * Every SQLSTATE the driver raises, named once (pgjdbc's {@code PSQLState} is the model). It lives
 * in {@code sql}, the lowest layer that raises SQL errors, so that {@code jdbc}, {@code cli} and
 * {@code server} use it without an upward arrow.
 *
 * <p>Pools act on the class: HikariCP evicts a connection on {@code 0A000} and on class
 * {@code 08}. So {@link #FEATURE_NOT_SUPPORTED} is only for a JDBC feature the driver lacks, the
 * {@code 08} states only for a connection that cannot reach the API; a statement the driver
 * refuses gets a {@code 42}, {@code 22}, {@code 25}, {@code 428C9} or {@code 55000} state.
 */
public enum SqlState {
  WARNING("01000"),
  NO_DATA("02000"),
  INVALID_DESCRIPTOR_INDEX("07009"),
  /** The URL or the connection properties are unusable: no connection was made. */
  UNABLE_TO_CONNECT("08001"),
  /** The API cannot be reached (transport failure, gateway errors). */
  CONNECTION_FAILURE("08006"),
  /** A JDBC feature the driver does not offer; never a refused statement. */
  FEATURE_NOT_SUPPORTED("0A000"),
  /** ODBC's "insert value list does not match column list". */
  INSERT_VALUE_LIST_MISMATCH("21S01"),
  STRING_DATA_RIGHT_TRUNCATION("22001"),
  NUMERIC_VALUE_OUT_OF_RANGE("22003"),
  INVALID_DATETIME_FORMAT("22007"),
  INVALID_CHARACTER_VALUE_FOR_CAST("22018"),
  CHARACTER_NOT_IN_REPERTOIRE("22021"),
  INVALID_PARAMETER_VALUE("22023"),
  INVALID_CURSOR_STATE("24000"),
  /** The statement cannot run inside a transaction as it stands (e.g. RETURNING before commit). */
  INVALID_TRANSACTION_STATE("25000"),
  /** A write on a read-only connection. */
  READ_ONLY_SQL_TRANSACTION("25006"),
  INVALID_AUTHORIZATION("28000"),
  /** A listing changed under the scan; running the statement again may succeed. */
  SERIALIZATION_FAILURE("40001"),
  SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION("42000"),
  INSUFFICIENT_PRIVILEGE("42501"),
  SYNTAX_ERROR("42601"),
  DUPLICATE_COLUMN("42701"),
  UNDEFINED_COLUMN("42703"),
  /** ODBC's "base table or view not found". */
  UNDEFINED_TABLE("42S02"),
  /** A column the server sets, or one that cannot change after creation, was written. */
  GENERATED_ALWAYS("428C9"),
  /** The API's rate limit (HTTP 429). */
  CONFIGURATION_LIMIT_EXCEEDED("53400"),
  STATEMENT_TOO_COMPLEX("54001"),
  /** The statement is refused as it stands (e.g. DELETE without WHERE, UPSERT). */
  OBJECT_NOT_IN_PREREQUISITE_STATE("55000"),
  /** The API failed or answered something unreadable; the connection stays usable. */
  SYSTEM_ERROR("58000"),
  GENERAL_ERROR("HY000"),
  OPERATION_CANCELED("HY008"),
  /** The statement's query timeout expired. */
  QUERY_TIMEOUT("HYT00"),
  /** An API request timed out. */
  CONNECTION_TIMEOUT("HYT01"),

  // PostgreSQL's own states, used by the PostgreSQL dialect's messages and the wire-protocol
  // server (08P01 and 57P05 end a client's session; they never reach a JDBC pool).
  PROTOCOL_VIOLATION("08P01"),
  INVALID_TEXT_REPRESENTATION("22P02"),
  INVALID_BINARY_REPRESENTATION("22P03"),
  ACTIVE_SQL_TRANSACTION("25001"),
  NO_ACTIVE_SQL_TRANSACTION("25P01"),
  IN_FAILED_SQL_TRANSACTION("25P02"),
  INVALID_SQL_STATEMENT_NAME("26000"),
  INVALID_PASSWORD("28P01"),
  INVALID_CURSOR_NAME("34000"),
  INVALID_CATALOG_NAME("3D000"),
  INVALID_SCHEMA_NAME("3F000"),
  AMBIGUOUS_COLUMN("42702"),
  UNDEFINED_OBJECT("42704"),
  GROUPING_ERROR("42803"),
  CANNOT_COERCE("42846"),
  UNDEFINED_FUNCTION("42883"),
  UNDEFINED_RELATION("42P01"),
  UNDEFINED_PARAMETER("42P02"),
  DUPLICATE_CURSOR("42P03"),
  DUPLICATE_PREPARED_STATEMENT("42P05"),
  COLUMN_NOT_FOUND("42S22"),
  TOO_MANY_CONNECTIONS("53300"),
  PROGRAM_LIMIT_EXCEEDED("54000"),
  QUERY_CANCELED("57014"),
  IDLE_SESSION_TIMEOUT("57P05"),
  INTERNAL_ERROR("XX000");

  private final String code;

  SqlState(String code) {
    this.code = code;
  }

  /** The five-character SQLSTATE. */
  public String code() {
    return code;
  }

  /** Whether {@code state} (as an exception carries it) is this one. */
  public boolean is(String state) {
    return code.equals(state);
  }
}
