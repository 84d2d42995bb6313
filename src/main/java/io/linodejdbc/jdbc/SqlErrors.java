package io.linodejdbc.jdbc;

import io.linodejdbc.api.LinodeApiException;
import io.linodejdbc.resource.ResourceDescriptor;
import io.linodejdbc.sql.LinodeQueryException;
import io.linodejdbc.sql.prepare.PgErrors;
import io.linodejdbc.sql.SqlState;
import io.linodejdbc.sql.write.Writes;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.validate.SqlValidatorException;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Turns whatever a statement threw into an {@link SQLException} with a fitting SQLSTATE and the
 * API's own reason. Calcite and Avatica wrap failures without a SQLSTATE (and let some escape
 * {@code ResultSet.next()} unchecked); clients such as DBeaver show the state and the message, so
 * both must say what went wrong.
 */
final class SqlErrors {
  /** Longest message passed on from an unexpected failure. */
  private static final int MAX_MESSAGE = 2000;

  /** What a user reads when the engine itself failed. */
  static final String ENGINE_DEFECT = "Internal error: the query engine failed while running this statement"
      + " (a defect in linode-jdbc; please report the statement). Writing it differently, for"
      + " example a correlated subquery as a join, may avoid it";

  /** Exceptions that only a defect throws: their messages are Java's, not the statement's. */
  private static final List<Class<? extends Throwable>> DEFECTS = List.of(ClassCastException.class,
      NullPointerException.class, IndexOutOfBoundsException.class, ArrayStoreException.class,
      AssertionError.class, LinkageError.class);

  /** Avatica's refusal of a getter, e.g. {@code cannot convert to Timestamp (…IntAccessor@5158a9f7)}. */
  private static final java.util.regex.Pattern AVATICA_CANNOT_CONVERT = java.util.regex.Pattern.compile(
      "cannot convert to (.+?) \\([\\w.$]*avatica[\\w.$]*@\\w+\\)"); // relocated in the driver jar

  private SqlErrors() {}

  /** The first exception in {@code t}'s cause chain that only a defect throws, or null. */
  static @Nullable Throwable engineDefect(Throwable t) {
    for (Class<? extends Throwable> type : DEFECTS) {
      Throwable found = PgErrors.find(t, type);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /**
   * {@code t} as an SQLException.
   *
   * @param resources the connection's resources (for the hint at a misspelt column)
   */
  static SQLException translate(Throwable t, List<ResourceDescriptor> resources) {
    if (t instanceof SQLException sql && sql.getSQLState() != null) {
      return sql; // already ours (or a state Calcite set): a BatchUpdateException keeps its counts
    }
    if (t instanceof SQLFeatureNotSupportedException) {
      // Avatica's refusals of JDBC features it lacks (savepoints, prepareCall, LOBs) carry no
      // state; this is exactly what 0A000 means.
      return create(t.getMessage() != null ? t.getMessage()
          : "This JDBC feature is not supported by linode-jdbc",
          SqlState.FEATURE_NOT_SUPPORTED.code(), t);
    }
    RuntimeException partial = Writes.partialFailure(t);
    if (partial != null) {
      // The statement's own account (what was done) first; the state is the cause's.
      Throwable cause = partial.getCause();
      String state = cause instanceof LinodeApiException api ? sqlState(api)
          : cause instanceof LinodeQueryException q ? q.sqlState()
          : SqlState.GENERAL_ERROR.code();
      return create(partial.getMessage(), state, partial);
    }
    // The query's own verdict first: a timeout aborts the request, which then fails as well.
    LinodeQueryException query = PgErrors.find(t, LinodeQueryException.class);
    if (query != null) {
      return create(query.getMessage(), query.sqlState(), query);
    }
    LinodeApiException api = PgErrors.find(t, LinodeApiException.class);
    if (api != null) {
      return fromApi(api);
    }
    // A mistake in the statement, in PostgreSQL's words (the SQL dialect's own translation).
    PgErrors.PgError mistake = PgErrors.describe(t, resources);
    if (mistake != null) {
      return create(mistake.message(), mistake.sqlState(), t);
    }
    CalciteContextException context = PgErrors.find(t, CalciteContextException.class);
    if (context != null) {
      return create(context.getMessage(), SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION.code(), t);
    }
    SqlParseException parse = PgErrors.find(t, SqlParseException.class);
    if (parse != null) {
      return create(parse.getMessage(), SqlState.SYNTAX_ERROR.code(), t);
    }
    SqlValidatorException validator = PgErrors.find(t, SqlValidatorException.class);
    if (validator != null) {
      return create(validator.getMessage(), SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION.code(),
          t);
    }
    RelOptPlanner.CannotPlanException cannotPlan =
        PgErrors.find(t, RelOptPlanner.CannotPlanException.class);
    if (cannotPlan != null) {
      // Calcite's message goes on with a dump of the planner's memo; its first line says it all.
      String first = String.valueOf(cannotPlan.getMessage()).lines().findFirst().orElse("");
      // A refused statement, not a missing JDBC feature: 0A000 would make a pool evict.
      return create("This statement cannot be run: " + first,
          SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION.code(), t);
    }
    java.util.regex.Matcher refusal = t instanceof SQLException && t.getMessage() != null
        ? AVATICA_CANNOT_CONVERT.matcher(t.getMessage()) : null;
    if (refusal != null && refusal.matches()) {
      // A getter the column's type cannot answer; Avatica's text names its accessor object.
      return create("Cannot read this column as " + refusal.group(1),
          SqlState.INVALID_CHARACTER_VALUE_FOR_CAST.code(), t);
    }
    Throwable defect = engineDefect(t);
    if (defect != null) {
      // A JVM exception from inside the engine (Calcite's runtime, generated code) is a defect,
      // not the user's mistake; its text names Java classes and says nothing about the statement.
      return create(ENGINE_DEFECT, SqlState.INTERNAL_ERROR.code(), t);
    }
    // Anything else, including Calcite's own SQLExceptions, which carry no SQLSTATE.
    String message = t.getMessage() != null ? t.getMessage() : t.toString();
    if (message.length() > MAX_MESSAGE) {
      // e.g. a compiler error quoting the whole generated program
      message = message.substring(0, MAX_MESSAGE) + " … (" + message.length() + " characters)";
    }
    return create(message, SqlState.GENERAL_ERROR.code(), t);
  }

  /** The SQLSTATE for an API failure: by HTTP status, or by what went wrong on the way. */
  static String sqlState(LinodeApiException e) {
    switch (e.kind()) {
    case TIMEOUT:
      return SqlState.CONNECTION_TIMEOUT.code();
    case TRANSPORT:
      return SqlState.CONNECTION_FAILURE.code();
    case MALFORMED_RESPONSE:
      return SqlState.SYSTEM_ERROR.code(); // one unreadable answer; the connection still works
    case INCONSISTENT_LISTING:
      return SqlState.SERIALIZATION_FAILURE.code();
    case CANCELLED:
      return SqlState.OPERATION_CANCELED.code();
    default:
      break;
    }
    int status = e.status();
    if (status == 401) {
      return SqlState.INVALID_AUTHORIZATION.code();
    }
    if (status == 403) {
      return SqlState.INSUFFICIENT_PRIVILEGE.code();
    }
    if (status == 404) {
      return SqlState.NO_DATA.code();
    }
    if (status == 429) {
      return SqlState.CONFIGURATION_LIMIT_EXCEEDED.code();
    }
    if (status >= 400 && status < 500) {
      return SqlState.INVALID_PARAMETER_VALUE.code();
    }
    if (status == 502 || status == 503 || status == 504) {
      return SqlState.CONNECTION_FAILURE.code();
    }
    return SqlState.SYSTEM_ERROR.code();
  }

  private static SQLException fromApi(LinodeApiException e) {
    return create(e.getMessage(), sqlState(e), e);
  }

  /** An exception of the JDBC subclass that belongs to the state's class. */
  static SQLException create(String message, String state, @Nullable Throwable cause) {
    SQLException e;
    if (state.startsWith("HYT")) {
      e = new SQLTimeoutException(message, state);
    } else if (SqlState.CONNECTION_FAILURE.is(state)) {
      e = new SQLTransientConnectionException(message, state);
    } else if (state.startsWith("08")) {
      e = new SQLNonTransientConnectionException(message, state);
    } else if (state.startsWith("22")) {
      e = new SQLDataException(message, state);
    } else if (state.startsWith("28")) {
      e = new SQLInvalidAuthorizationSpecException(message, state);
    } else if (state.startsWith("40")) {
      e = new SQLTransactionRollbackException(message, state);
    } else if (state.startsWith("42")) {
      e = new SQLSyntaxErrorException(message, state);
    } else if (state.startsWith("0A")) {
      e = new SQLFeatureNotSupportedException(message, state);
    } else {
      e = new SQLException(message, state);
    }
    if (cause != null) {
      e.initCause(cause);
    }
    return e;
  }
}
