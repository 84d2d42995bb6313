package io.linodejdbc.cli;

import io.linodejdbc.jdbc.LinodeDriver;
import io.linodejdbc.sql.SqlState;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The shell's check of a configured token before its first statement: one plain API request (the
 * first page of 25 tokens), no retries and short timeouts, so a rejected token or an unreachable
 * API is said at once and plainly instead of at the first query, after retries. It runs on a
 * thread of its own from {@link #start}, so that a one-shot run ({@code -e}, {@code -f}) starts
 * sqlline and opens its connection meanwhile; {@link #problem()} waits for the answer.
 */
final class TokenCheck {
  static final int CONNECT_TIMEOUT_SECONDS = 5;
  static final int READ_TIMEOUT_SECONDS = 10;

  private final CompletableFuture<Optional<String>> answer;

  private TokenCheck(CompletableFuture<Optional<String>> answer) {
    this.answer = answer;
  }

  /**
   * Starts checking, on a daemon thread.
   *
   * @param url the JDBC URL the shell will use
   * @param token the token
   * @param apiUrl the API base URL, for the message
   */
  static TokenCheck start(String url, String token, String apiUrl) {
    CompletableFuture<Optional<String>> answer = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        answer.complete(Optional.ofNullable(check(url, token, apiUrl)));
      } catch (RuntimeException | Error e) {
        answer.completeExceptionally(e);
      }
    }, "linode-sql-token-check");
    t.setDaemon(true);
    t.start();
    return new TokenCheck(answer);
  }

  /** What is wrong, as one line for the user, or null when the API accepted the token. */
  @Nullable String problem() {
    try {
      return answer.join().orElse(null);
    } catch (CompletionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return "checking the token failed: " + ShellSqlLine.firstLine(String.valueOf(
          cause.getMessage()));
    }
  }

  /**
   * The failure a shell connection opened while the check ran gets when the check did not pass:
   * the shell says {@link #getMessage()} (the problem) itself, once, and nothing else.
   */
  static final class Refused extends SQLException {
    private static final long serialVersionUID = 1L;

    Refused(String problem) {
      super(problem);
    }
  }

  private static @Nullable String check(String url, String token, String apiUrl) {
    Properties props = new Properties();
    props.setProperty("token", token);
    props.setProperty("maxRetries", "0");
    props.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
    props.setProperty("readTimeout", String.valueOf(READ_TIMEOUT_SECONDS));
    try {
      LinodeDriver.checkAccess(withoutTimeouts(url), props);
      return null;
    } catch (SQLException e) {
      String state = e.getSQLState() == null ? "" : e.getSQLState();
      String message = ShellSqlLine.firstLine(e.getMessage());
      if (state.equals(SqlState.INVALID_AUTHORIZATION.code())) {
        return "the Linode API at " + apiUrl + " rejected the token (" + message + "). Check "
            + "LINODE_TOKEN / --token, or create a token at https://cloud.linode.com/profile/tokens";
      }
      if (state.equals(SqlState.INSUFFICIENT_PRIVILEGE.code())) {
        return "the token may not read tokens (" + message + "): it needs scope "
            + "account:read_only or account:read_write";
      }
      if (state.startsWith("08") || state.startsWith("HYT")) {
        return "cannot reach the Linode API at " + apiUrl + ": " + message;
      }
      return "checking the token at " + apiUrl + " failed: " + message
          + (state.isEmpty() ? "" : " (state=" + state + ")");
    }
  }

  /** The URL with the user's own retry and timeout settings dropped: the check uses its own. */
  private static String withoutTimeouts(String url) {
    int colon = "jdbc:linode:".length();
    StringBuilder b = new StringBuilder(url.substring(0, colon));
    String sep = "";
    for (String pair : url.substring(colon).split(";")) {
      String key = pair.contains("=") ? pair.substring(0, pair.indexOf('=')).trim() : pair;
      if (pair.isEmpty() || key.equalsIgnoreCase("maxRetries")
          || key.equalsIgnoreCase("connectTimeout") || key.equalsIgnoreCase("readTimeout")) {
        continue;
      }
      b.append(sep).append(pair);
      sep = ";";
    }
    return b.toString();
  }
}
