package io.linodejdbc.cli;

import io.linodejdbc.jdbc.ConnectionConfig;
import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.sandbox.SandboxServer;
import io.linodejdbc.sandbox.SandboxToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;
import sqlline.SqlLine;

/**
 * {@code linode-sql}: an interactive SQL shell (sqlline) connected to the Linode API through the
 * linode-jdbc driver.
 *
 * <p>The token is handed to sqlline as the JDBC password, never inside the URL, and both output
 * streams mask it, so neither sqlline's "Connecting to ..." line nor its verbose echo of the
 * {@code !connect} command can show it.
 *
 * <p>{@link #run} is the whole program with its streams and environment passed in, so tests run
 * it in-process; {@link #main} only binds it to the process.
 */
public final class LinodeSql {
  /** Exit code: success. */
  public static final int EXIT_OK = 0;
  /** Exit code: bad arguments or no token (sqlline's own argument errors use it too). */
  public static final int EXIT_USAGE = 1;
  /** Exit code: a statement failed, or the shell could not run. */
  public static final int EXIT_FAILED = 2;

  static final String DRIVER_CLASS = "io.linodejdbc.jdbc.LinodeDriver";
  /** Seed of the {@code --sandbox-tokens N} data: the same N gives the same tokens. */
  static final long SANDBOX_SEED = 42L;
  /** Sent as the JDBC user: sqlline would otherwise prompt for one. The driver ignores it. */
  static final String JDBC_USER = "linode";

  /** sqlline options that would override the connection this shell makes. */
  private static final Set<String> CONNECTION_OPTIONS = Set.of("-u", "-n", "-p", "-d", "-c", "-cn");

  private LinodeSql() {}

  /** Runs the shell on the process's streams and exits with its exit code. */
  public static void main(String[] args) {
    if (io.linodejdbc.server.PgServerMain.wanted(args)) {
      io.linodejdbc.server.PgServerMain.main(args); // --serve: the PostgreSQL server instead
      return;
    }
    // The shell's logging backend is slf4j-simple; keep library chatter (INFO) off the terminal.
    setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
    // A terminal gets jline's line editor; piped input is read as a stream (a "dumb" system
    // terminal would report width 0 and sqlline would print every column empty).
    InputStream in = null;
    if (System.console() == null) {
      in = System.in;
      setIfAbsent("org.jline.terminal.type", "dumb"); // no cursor-control codes in the output
    }
    System.exit(run(args, in, System.out, System.err, System.getenv()));
  }

  /**
   * Runs the shell.
   *
   * @param args command-line arguments (see {@link #usage()})
   * @param in the input of an interactive session, or null to use the terminal; unused with
   *     {@code -e} and {@code -f}
   * @param out where results go
   * @param err where messages go
   * @param env the environment ({@code LINODE_TOKEN})
   * @return {@link #EXIT_OK}, {@link #EXIT_USAGE} or {@link #EXIT_FAILED}
   */
  public static int run(String[] args, @Nullable InputStream in, OutputStream out,
      OutputStream err, Map<String, String> env) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      PrintStream errPrint = printStream(err);
      errPrint.println("linode-sql: " + e.getMessage());
      errPrint.println("Try 'linode-sql --help'.");
      errPrint.flush();
      return EXIT_USAGE;
    }
    if (options.help) {
      PrintStream outPrint = printStream(out);
      outPrint.print(usage());
      outPrint.flush();
      return EXIT_OK;
    }
    if (options.script != null && !Files.isReadable(Path.of(options.script))) {
      PrintStream errPrint = printStream(err);
      errPrint.println("linode-sql: cannot read script file '" + options.script + "'");
      errPrint.flush();
      return EXIT_USAGE;
    }

    SandboxServer sandbox = null;
    String token = null;
    String url;
    boolean useSandbox = options.sandbox;
    if (!useSandbox) {
      token = options.token != null ? options.token : env.get(ConnectionConfig.TOKEN_ENV);
      if (token == null || token.isBlank()) {
        token = LinodeCliConfig.token(env); // the official CLI's own configuration
      }
      if ((token == null || token.isBlank()) && options.apiUrl == null) {
        // Nothing configured: show the shell working on sample data rather than an error.
        useSandbox = true;
        PrintStream errPrint = printStream(err);
        errPrint.println("linode-sql: no Linode API token found (--token, $"
            + ConnectionConfig.TOKEN_ENV + " or ~/.config/linode-cli): using the embedded"
            + " sandbox. Set " + ConnectionConfig.TOKEN_ENV + " to query your own account.");
        errPrint.flush();
      }
    }
    if (useSandbox) {
      List<SandboxToken> data = options.sandboxTokens == null
          ? SampleData.demo()
          : SampleData.bulk(options.sandboxTokens, SANDBOX_SEED);
      sandbox = SandboxServer.builder().tokens(data).start();
      token = sandbox.actingToken();
      url = ConnectionConfig.URL_PREFIX + "apiUrl=" + sandbox.baseUrl();
      PrintStream errPrint = printStream(err);
      errPrint.println("linode-sql: sandbox mode: an in-process fake Linode API on "
          + sandbox.baseUrl() + " with " + data.size() + " sample tokens; no real Linode account"
          + " is used.");
      errPrint.flush();
    } else {
      if (token == null || token.isBlank()) {
        PrintStream errPrint = printStream(err);
        errPrint.println("linode-sql: no Linode API token. Set one with"
            + System.lineSeparator() + "    export " + ConnectionConfig.TOKEN_ENV + "=<token>"
            + "   (create it at https://cloud.linode.com/profile/tokens, scope account:read_only)"
            + System.lineSeparator() + "or pass --token <token>, or configure linode-cli"
            + " (linode-cli configure; its token is read from ~/.config/linode-cli),"
            + System.lineSeparator() + "or try the shell without an account: linode-sql --sandbox");
        errPrint.flush();
        return EXIT_USAGE;
      }
      token = token.trim();
      url = ConnectionConfig.URL_PREFIX
          + (options.apiUrl == null ? "" : "apiUrl=" + options.apiUrl);
    }

    RedactingOutputStream safeOut = new RedactingOutputStream(out, token);
    RedactingOutputStream safeErr = new RedactingOutputStream(err, token);
    try {
      List<String> sqllineArgs = new ArrayList<>(List.of(
          "-d", DRIVER_CLASS, "-u", url, "-n", JDBC_USER, "-p", token,
          // No transactions: without this sqlline asks for REPEATABLE_READ and warns on every start.
          "--isolation=TRANSACTION_NONE"));
      sqllineArgs.addAll(options.passThrough);
      for (String command : options.commands) {
        sqllineArgs.add("-e");
        sqllineArgs.add(command);
      }
      if (options.script != null) {
        sqllineArgs.add("-f");
        sqllineArgs.add(options.script);
      }
      boolean batch = !options.commands.isEmpty() || options.script != null;
      PrintStream errPrint = new PrintStream(safeErr, true, StandardCharsets.UTF_8);
      ShellSqlLine sqlline = new ShellSqlLine(errPrint);
      sqlline.setOutputStream(safeOut);
      sqlline.setErrorStream(safeErr);
      // Batch mode reads no input: an empty stream keeps jline from grabbing the terminal.
      InputStream input = batch ? InputStream.nullInputStream() : in;
      SqlLine.Status status = sqlline.begin(sqllineArgs.toArray(new String[0]), input, !batch);
      switch (status) {
      case OK:
        return batch && sqlline.sawError() ? EXIT_FAILED : EXIT_OK;
      case ARGS:
        return EXIT_USAGE;
      default:
        return EXIT_FAILED;
      }
    } catch (IOException | RuntimeException e) {
      PrintStream errPrint = printStream(safeErr);
      errPrint.println("linode-sql: " + e);
      errPrint.flush();
      return EXIT_FAILED;
    } finally {
      finish(safeOut);
      finish(safeErr);
      if (sandbox != null) {
        sandbox.close();
      }
    }
  }

  /** The text {@code --help} prints: this shell's options, then sqlline's. */
  public static String usage() {
    String nl = System.lineSeparator();
    StringBuilder b = new StringBuilder()
        .append("Usage: linode-sql [options] [sqlline options]").append(nl)
        .append(nl)
        .append("An SQL shell over the Linode API: query linode.profile.personal_access_tokens")
        .append(nl)
        .append("(columns id, created, expiry, label, scopes, token).").append(nl)
        .append(nl)
        .append("Options:").append(nl)
        .append("  --sandbox              use an in-process fake Linode API with demo tokens;")
        .append(nl)
        .append("                         no account or network needed (also the default when")
        .append(nl)
        .append("                         no token is configured)").append(nl)
        .append("  --sandbox-tokens N     like --sandbox, with N generated tokens").append(nl)
        .append("  --token T              the Linode API token (default: $")
        .append(ConnectionConfig.TOKEN_ENV).append("; prefer the").append(nl)
        .append("                         variable: arguments are visible to other users)")
        .append(nl)
        .append("  --api-url URL          API base URL (default https://api.linode.com/v4)")
        .append(nl)
        .append("  -e \"SQL\"               run a statement and exit (may repeat)").append(nl)
        .append("  -f file.sql            run a script and exit").append(nl)
        .append("  -h, --help             show this help").append(nl)
        .append(nl)
        .append("Exit code: 0 on success, 1 for bad arguments or a missing token, 2 when a")
        .append(nl)
        .append("statement fails (with -e/-f). A script stops at its first error unless")
        .append(nl)
        .append("--force=true; every -e runs, and any failure makes the exit code 2.").append(nl)
        .append(nl)
        .append("Examples:").append(nl)
        .append("  linode-sql --sandbox").append(nl)
        .append("  linode-sql -e \"SELECT id, label, expiry FROM linode.profile.personal_access_tokens\"")
        .append(nl)
        .append("  linode-sql --outputformat=csv -f sql-examples/01-list-all.sql").append(nl)
        .append("  linode-sql --sandbox -e \"EXPLAIN PLAN FOR SELECT * FROM personal_access_tokens")
        .append(" WHERE id = 3\"").append(nl)
        .append(nl)
        .append("Other options go to sqlline, e.g. --outputformat=table|vertical|csv|tsv|json,")
        .append(nl)
        .append("--silent=true, --showHeader=false, --verbose=true. sqlline's -u, -n, -p, -d are")
        .append(nl)
        .append("not accepted: this shell makes the connection.").append(nl);
    String sqllineUsage = sqllineUsage();
    if (sqllineUsage != null) {
      b.append(nl).append("sqlline's options:").append(nl).append(sqllineUsage);
      if (!sqllineUsage.endsWith("\n")) {
        b.append(nl);
      }
    }
    return b.toString();
  }

  private static @Nullable String sqllineUsage() {
    try {
      return ResourceBundle.getBundle("sqlline.SqlLine").getString("cmd-usage");
    } catch (MissingResourceException e) {
      return null;
    }
  }

  private static PrintStream printStream(OutputStream out) {
    return out instanceof PrintStream p ? p : new PrintStream(out, true, StandardCharsets.UTF_8);
  }

  private static void finish(RedactingOutputStream stream) {
    try {
      stream.finish();
    } catch (IOException e) {
      // the terminal went away; nothing left to tell
    }
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }

  /** The parsed command line. */
  static final class Options {
    boolean help;
    boolean sandbox;
    @Nullable Integer sandboxTokens;
    @Nullable String token;
    @Nullable String apiUrl;
    final List<String> commands = new ArrayList<>();
    @Nullable String script;
    final List<String> passThrough = new ArrayList<>();

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        String name = arg;
        String inline = null;
        if (arg.startsWith("--") && arg.indexOf('=') > 0) {
          name = arg.substring(0, arg.indexOf('='));
          inline = arg.substring(arg.indexOf('=') + 1);
        }
        switch (name) {
        case "-h", "--help" -> o.help = true;
        case "--sandbox" -> {
          if (inline != null) {
            throw new IllegalArgumentException("--sandbox takes no value");
          }
          o.sandbox = true;
        }
        case "--sandbox-tokens" -> {
          String value = inline != null ? inline : value(args, ++i, name);
          try {
            o.sandboxTokens = Integer.parseInt(value.trim());
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--sandbox-tokens needs a whole number, not '"
                + value + "'");
          }
          if (o.sandboxTokens < 0 || o.sandboxTokens > 1_000_000) {
            throw new IllegalArgumentException("--sandbox-tokens must be from 0 to 1000000");
          }
          o.sandbox = true;
        }
        case "--token" -> o.token = inline != null ? inline : value(args, ++i, name);
        case "--api-url" -> {
          o.apiUrl = inline != null ? inline : value(args, ++i, name);
          if (o.apiUrl.contains(";")) {
            throw new IllegalArgumentException("--api-url must not contain ';'");
          }
        }
        case "-e" -> o.commands.add(value(args, ++i, name));
        case "-f" -> {
          if (o.script != null) {
            throw new IllegalArgumentException("-f may be given once");
          }
          o.script = value(args, ++i, name);
        }
        default -> {
          if (CONNECTION_OPTIONS.contains(arg)) {
            throw new IllegalArgumentException("sqlline's " + arg + " is not accepted: linode-sql"
                + " connects for you (use --token, --api-url or --sandbox)");
          }
          o.passThrough.add(arg);
        }
        }
      }
      if (o.sandbox && o.token != null) {
        throw new IllegalArgumentException("--token cannot be combined with --sandbox (the"
            + " sandbox has its own token)");
      }
      if (o.sandbox && o.apiUrl != null) {
        throw new IllegalArgumentException("--api-url cannot be combined with --sandbox");
      }
      if (o.token != null && o.token.isBlank()) {
        throw new IllegalArgumentException("--token is empty");
      }
      return o;
    }

    private static String value(String[] args, int i, String name) {
      if (i >= args.length) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      return args[i];
    }
  }
}
