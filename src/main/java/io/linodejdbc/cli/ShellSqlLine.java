package io.linodejdbc.cli;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.Objects;
import sqlline.SqlLine;

/**
 * sqlline with error reporting fit for a shell.
 *
 * <p>sqlline treats every error raised while it processes its arguments as an "init error" and
 * prints its full stack trace, with {@code printStackTrace()} straight to {@code System.err}. As
 * {@code -e} and {@code -f} statements run during argument processing, a mistyped column name
 * would print some eighty lines, and those would bypass the shell's streams (and so its token
 * masking). Here an error is one line, {@code Error: <message> (state=...,code=...)}, written to
 * the shell's error stream; {@code --verbose=true} adds the stack trace, to the same stream.
 */
final class ShellSqlLine extends SqlLine {
  private final PrintStream err;
  private boolean sawError;

  /** @param err the (masked) stream sqlline's error stream is also set to */
  ShellSqlLine(PrintStream err) {
    this.err = Objects.requireNonNull(err, "err");
  }

  /**
   * Whether any error was reported. sqlline's own status reflects only the last of several
   * {@code -e} commands; every failing statement reports through {@link #error(String)}.
   */
  boolean sawError() {
    return sawError;
  }

  @Override public boolean error(String msg) {
    sawError = true;
    return super.error(msg);
  }

  @Override public void handleException(Throwable e) {
    Throwable t = e;
    while (t instanceof InvocationTargetException ite && ite.getTargetException() != null) {
      t = ite.getTargetException();
    }
    if (!(t instanceof SQLException) && t.getCause() instanceof SQLException cause
        && t.getClass().getSimpleName().equals("WrappedSqlException")) {
      t = cause;
    }
    boolean verbose = getOpts().getVerbose();
    if (t instanceof SQLException sql) {
      report(sql, verbose);
      return;
    }
    error(t.getMessage() == null ? t.getClass().getName() : t.getMessage());
    if (verbose) {
      t.printStackTrace(err);
      err.flush();
    }
  }

  private void report(SQLException first, boolean verbose) {
    for (SQLException e = first; e != null; e = e.getNextException()) {
      if (e instanceof SQLWarning && !getOpts().getShowWarnings()) {
        return;
      }
      String message = e.getMessage() == null ? "" : e.getMessage().trim();
      String state = e.getSQLState() == null ? "" : e.getSQLState().trim();
      error((e instanceof SQLWarning ? "Warning: " : "Error: ") + message + " (state=" + state
          + ",code=" + e.getErrorCode() + ")");
      if (verbose) {
        e.printStackTrace(err);
        err.flush();
      }
      if (!getOpts().getShowNestedErrs() || e.getNextException() == e) {
        return;
      }
    }
  }
}
