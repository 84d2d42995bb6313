package io.linodejdbc.cli;

import java.security.Security;
import java.text.SimpleDateFormat;
import java.util.Locale;

/**
 * Sets up, on a daemon thread from the shell's first instruction, two facilities of the JDK that
 * the shell's other threads need a few hundred milliseconds later and would otherwise build on
 * their critical path: the list of security providers (the HTTP client asks for the first one
 * when it starts) and the US locale's date-format data (the JSON mapper builds an RFC 1123
 * format when its class initializes). Measured in a one-shot run: some 40 ms of the token
 * check's thread, which the connection waits for.
 *
 * <p>Only the JDK's own code runs here, so no class of Calcite, of a library or of this driver is
 * initialized on this thread: no two threads can wait on each other's class initialization.
 */
final class JdkWarmUp {
  private JdkWarmUp() {}

  /** Starts the warm-up; the returned thread is a daemon and ends on its own. */
  static Thread start() {
    Thread t = new Thread(JdkWarmUp::run, "linode-sql-warm-up");
    t.setDaemon(true);
    t.start();
    return t;
  }

  static void run() {
    Security.getProviders();
    new SimpleDateFormat("EEE, dd MMM yyyy HH:mm:ss zzz", Locale.US);
  }
}
