package io.linodejdbc.cli;

import io.linodejdbc.jdbc.LinodeDriver;
import io.linodejdbc.sql.SqlState;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The shell's check of a configured token before the prompt: one small API request (a
 * {@code COUNT(*)}, which reads a single page of 25), no retries and short timeouts, so a
 * rejected token or an unreachable API is said at once and plainly instead of at the first
 * query, after retries.
 */
final class TokenCheck {
  static final int CONNECT_TIMEOUT_SECONDS = 5;
  static final int READ_TIMEOUT_SECONDS = 10;

  private TokenCheck() {}

  /**
   * What is wrong, as one line for the user, or null when the API accepted the token.
   *
   * @param url the JDBC URL the shell will use
   * @param token the token
   * @param apiUrl the API base URL, for the message
   */
  static @Nullable String problem(String url, String token, String apiUrl) {
    Properties props = new Properties();
    props.setProperty("token", token);
    props.setProperty("maxRetries", "0");
    props.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
    props.setProperty("readTimeout", String.valueOf(READ_TIMEOUT_SECONDS));
    String checkUrl = withoutTimeouts(url);
    try (Connection c = new LinodeDriver().connect(checkUrl, props);
        Statement s = c.createStatement()) {
      s.executeQuery("SELECT COUNT(*) FROM linode.profile.personal_access_tokens").close();
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
