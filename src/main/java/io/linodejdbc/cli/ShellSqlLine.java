package io.linodejdbc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.time.Instant;
import java.util.Objects;
import org.jline.reader.EndOfFileException;
import org.jline.reader.History;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.utils.AttributedString;
import sqlline.BuiltInProperty;
import org.checkerframework.checker.nullness.qual.Nullable;
import sqlline.SqlLine;

/**
 * sqlline fitted for a shell over this driver.
 *
 * <p>Errors: sqlline treats every error raised while it processes its arguments as an "init
 * error" and prints its full stack trace, with {@code printStackTrace()} straight to
 * {@code System.err}; a parse error's message also lists every token the parser expected. Here an
 * error is one line, {@code Error: <first line of the message> (state=...,code=...)}, written to
 * the shell's error stream; {@code --verbose=true} adds the stack trace, to the same stream. A
 * statement the user cancelled is reported as {@code Statement canceled (state=HY008)}, whatever
 * the layers below made of the interruption.
 *
 * <p>Width: sqlline cuts each table line at {@code maxWidth} (80, or the terminal's width).
 * Here lines are never cut: a terminal wraps them, a file or pipe gets them whole.
 * {@code --maxWidth=N} on the command line still applies.
 *
 * <p>Ctrl-C at the prompt discards the line being typed, silently; twice in a row on an empty
 * line leaves, as does Ctrl-D. (sqlline itself would "cancel" the last, finished statement and
 * print an error or a message.)
 *
 * <p>History: a line holding the token is never added to the history file.
 */
final class ShellSqlLine extends SqlLine {
  /** sqlline's table width when lines must not be cut. */
  static final int UNLIMITED_WIDTH = Integer.MAX_VALUE / 2;
  /** Two Ctrl-C on an empty prompt within this many milliseconds leave the shell. */
  static final long DOUBLE_INTERRUPT_MILLIS = 2_000;

  private final PrintStream err;
  private final String secret;
  private final boolean batch;
  private OutputStream terminalOut = System.out;
  private boolean sawError;
  private @Nullable String refusal;

  /**
   * @param err the (masked) stream sqlline's error stream is also set to
   * @param secret the token, kept out of the history file; null or empty for none
   * @param batch whether this shell runs {@code -e} commands or a {@code -f} script, reading no
   *     keyboard
   */
  ShellSqlLine(PrintStream err, String secret, boolean batch) {
    this.err = Objects.requireNonNull(err, "err");
    this.secret = secret == null ? "" : secret;
    this.batch = batch;
  }

  /**
   * Whether any error was reported. sqlline's own status reflects only the last of several
   * {@code -e} commands; every failing statement reports through {@link #error(String)}.
   */
  boolean sawError() {
    return sawError;
  }

  /** sqlline's output, which is also its terminal's. */
  @Override public void setOutputStream(OutputStream outputStream) {
    super.setOutputStream(outputStream);
    terminalOut = outputStream;
  }

  @Override public LineReader getConsoleReader(InputStream inputStream, History fileHistory)
      throws IOException {
    LineReader reader;
    if (batch && inputStream != null) {
      reader = withPlainTerminal(() -> super.getConsoleReader(inputStream, fileHistory),
          new BatchTerminal(inputStream, terminalOut));
    } else {
      reader = super.getConsoleReader(inputStream, fileHistory);
    }
    getOpts().set(BuiltInProperty.MAX_WIDTH, UNLIMITED_WIDTH); // args given later still win
    if (reader instanceof LineReaderImpl impl && !secret.isEmpty()) {
      History safe = new SecretFreeHistory(secret);
      impl.setHistory(safe);
      safe.attach(impl);
    }
    return batch ? reader : quietInterrupts(reader); // no keyboard, no Ctrl-C at a prompt
  }

  /**
   * The terminal of a run that reads no keyboard: a dumb one without capabilities. A dumb
   * terminal would look its few up (a bell, carriage return, 80 columns) in jline's table of all
   * terminal capabilities, a resource it reads and parses first (30 ms of a one-shot run); sqlline
   * writes results to its own stream, and nothing reads a line or rings a bell here.
   */
  private static final class BatchTerminal extends DumbTerminal {
    BatchTerminal(InputStream in, OutputStream out) throws IOException {
      super("linode-sql", Terminal.TYPE_DUMB, in, out, StandardCharsets.UTF_8);
    }

    @Override protected void parseInfoCmp() {
      // no capabilities (see the class comment)
    }
  }

  /** What {@link #withPlainTerminal} runs. */
  private interface ReaderSetUp {
    LineReader get() throws IOException;
  }

  /**
   * Runs sqlline's reader set-up with {@code terminal} as the terminal it builds. A run that reads
   * no keyboard needs no more than a plain terminal over its streams; jline's own choice for
   * streams opens a native pseudo-terminal through JNA and reads the capabilities of {@code $TERM}
   * (about a tenth of a one-shot run's time). jline's override is the one way sqlline 1.12 lets a
   * caller choose; it is global, so it is set only for the moment sqlline builds its terminal.
   */
  @SuppressWarnings("deprecation")
  private static LineReader withPlainTerminal(ReaderSetUp setUp, Terminal terminal)
      throws IOException {
    TerminalBuilder.setTerminalOverride(terminal);
    try {
      return setUp.get();
    } finally {
      TerminalBuilder.setTerminalOverride(null);
    }
  }

  /** The reader with Ctrl-C handled as described in the class comment. */
  private static LineReader quietInterrupts(LineReader reader) {
    long[] lastIdleInterrupt = {Long.MIN_VALUE};
    return (LineReader) Proxy.newProxyInstance(ShellSqlLine.class.getClassLoader(),
        new Class<?>[] {LineReader.class}, (p, m, a) -> {
          if (!m.getName().equals("readLine")) {
            try {
              return m.invoke(reader, a);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          }
          while (true) {
            try {
              Object line = m.invoke(reader, a);
              lastIdleInterrupt[0] = Long.MIN_VALUE;
              return line;
            } catch (InvocationTargetException e) {
              if (!(e.getCause() instanceof UserInterruptException ui)) {
                throw e.getCause();
              }
              String partial = ui.getPartialLine();
              long now = System.nanoTime() / 1_000_000;
              if (partial != null && !partial.isBlank()) {
                lastIdleInterrupt[0] = Long.MIN_VALUE;
              } else if (lastIdleInterrupt[0] != Long.MIN_VALUE
                  && now - lastIdleInterrupt[0] <= DOUBLE_INTERRUPT_MILLIS) {
                throw new EndOfFileException();
              } else {
                lastIdleInterrupt[0] = now;
              }
            }
          }
        });
  }

  /**
   * The token check's problem, when the shell's connection was refused for it
   * ({@link TokenCheck.Refused}); the caller says it. sqlline then says nothing more: neither the
   * errors of the statements that found no connection nor its banner.
   */
  @Nullable String refusal() {
    return refusal;
  }

  @Override public boolean error(String msg) {
    sawError = true;
    return refusal == null ? super.error(msg) : false;
  }

  @Override public void info(String msg) {
    if (refusal == null) {
      super.info(msg);
    }
  }

  @Override public void info(AttributedString msg) {
    if (refusal == null) {
      super.info(msg);
    }
  }

  @Override public void handleException(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof TokenCheck.Refused refused) {
        sawError = true;
        refusal = refused.getMessage();
        return;
      }
    }
    Throwable t = e;
    while (t instanceof InvocationTargetException ite && ite.getTargetException() != null) {
      t = ite.getTargetException();
    }
    if (!(t instanceof SQLException) && t.getCause() instanceof SQLException cause
        && t.getClass().getSimpleName().equals("WrappedSqlException")) {
      t = cause;
    }
    boolean verbose = getOpts().getVerbose();
    if (ShellConnection.Cancels.take() && !(t instanceof SQLWarning)) {
      error("Error: Statement canceled (state=HY008,code=0)");
      if (verbose) {
        t.printStackTrace(err);
        err.flush();
      }
      return;
    }
    if (t instanceof SQLException sql) {
      report(sql, verbose);
      return;
    }
    error(firstLine(t.getMessage() == null ? t.getClass().getName() : t.getMessage()));
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
      String message = firstLine(e.getMessage());
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

  /** A Java class name quoted before its message, as in {@code java.net.ConnectException: }. */
  private static final java.util.regex.Pattern EXCEPTION_NAME = java.util.regex.Pattern.compile(
      "\\b(?:java|javax|jdk|sun|okhttp3|kotlin|org\\.apache)\\.[\\w.$]*(?:Exception|Error): ");

  /**
   * The first non-blank line of a message (a parse error goes on to list expected tokens), without
   * Java class names a lower layer may have quoted.
   */
  static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    for (String line : message.split("\\R")) {
      if (!line.isBlank()) {
        return EXCEPTION_NAME.matcher(line.trim()).replaceAll("");
      }
    }
    return "";
  }

  /** A history that never records a line holding the secret. */
  static final class SecretFreeHistory extends DefaultHistory {
    private final String secret;

    SecretFreeHistory(String secret) {
      this.secret = secret;
    }

    @Override public void add(Instant time, String line) {
      if (line != null && line.contains(secret)) {
        return;
      }
      super.add(time, line);
    }
  }
}
