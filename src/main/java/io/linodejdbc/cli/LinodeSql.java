package io.linodejdbc.cli;

import io.linodejdbc.jdbc.ConnectionConfig;
import io.linodejdbc.jdbc.ConnectionProperty;
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
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.checkerframework.checker.nullness.qual.Nullable;
import sqlline.BuiltInProperty;
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
  /** The driver handed to sqlline: the one above, with results shaped for printing. */
  static final String SHELL_DRIVER_CLASS = "io.linodejdbc.cli.ShellDriver";
  /** Seed of the {@code --sandbox-tokens N} data: the same N gives the same tokens. */
  static final long SANDBOX_SEED = 42L;
  /** Sent as the JDBC user: sqlline would otherwise prompt for one. The driver ignores it. */
  static final String JDBC_USER = "linode";

  /** sqlline options that would override the connection this shell makes. */
  private static final Set<String> CONNECTION_OPTIONS = Set.of("-u", "-n", "-d", "-c", "-cn");
  /** Properties the shell sets from its own options rather than from {@code -p}. */
  private static final Set<String> SHELL_SET_PROPERTIES = Set.of("token", "password", "user");

  private LinodeSql() {}

  /** Runs the shell on the process's streams and exits with its exit code. */
  public static void main(String[] args) {
    JdkWarmUp.start(); // while the shell starts, for the threads it starts
    if (io.linodejdbc.server.PgServerMain.wanted(args)) {
      io.linodejdbc.server.PgServerMain.main(args); // --serve: the PostgreSQL server instead
      return;
    }
    // The shell's logging backend is slf4j-simple; keep library chatter (INFO) off the terminal.
    setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
    // A cancelled statement stops Calcite's planner, which logs that as a WARN of its own; the
    // shell reports the cancel (HY008) itself.
    setIfAbsent("org.slf4j.simpleLogger.log.org.apache.calcite.plan.RelOptPlanner", "error");
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
    if (options.sandboxServer) {
      return serveSandbox(options, printStream(out), printStream(err), new CountDownLatch(1));
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
    TokenCheck check = null;
    boolean batch = !options.commands.isEmpty() || options.script != null;
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
      sandbox = sandboxBuilder(options).tokens(data).start();
      token = sandbox.actingToken();
      url = options.url(sandbox.baseUrl());
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
      url = options.url(options.apiUrl);
      ShellDriver.loadDrivers(); // before the first helper thread
      check = TokenCheck.start(url, token,
          options.apiUrl == null ? ConnectionProperty.API_URL.defaultValue() : options.apiUrl);
      if (!batch) {
        // The prompt waits for the answer; a one-shot run starts sqlline and connects meanwhile.
        String problem = check.problem();
        if (problem != null) {
          PrintStream errPrint = printStream(new RedactingOutputStream(err, token));
          errPrint.println("linode-sql: " + problem);
          errPrint.flush();
          return EXIT_FAILED;
        }
        check = null;
      }
    }

    if (batch) {
      ShellDriver.loadDrivers(); // before the first helper thread (done already when checking)
      ShellDriver.openAhead(url, JDBC_USER, token); // while sqlline starts
    }
    RedactingOutputStream safeOut = new RedactingOutputStream(out, token);
    RedactingOutputStream safeErr = new RedactingOutputStream(err, token);
    try {
      List<String> sqllineArgs = new ArrayList<>(List.of(
          "-d", SHELL_DRIVER_CLASS, "-u", url, "-n", JDBC_USER, "-p", token,
          // The driver's own level: sqlline would ask for REPEATABLE_READ and warn on every start.
          "--isolation=TRANSACTION_READ_COMMITTED"));
      sqllineArgs.addAll(options.passThrough);
      for (String command : options.commands) {
        sqllineArgs.add("-e");
        sqllineArgs.add(command);
      }
      if (options.script != null) {
        sqllineArgs.add("-f");
        sqllineArgs.add(options.script);
      }
      PrintStream errPrint = new PrintStream(safeErr, true, StandardCharsets.UTF_8);
      ShellSqlLine sqlline = new ShellSqlLine(errPrint, token, batch);
      ShellDriver.install(() -> sqlline.getOpts().getOutputFormat(), check);
      // RFC 4180's quote; sqlline's default is '. Set before the arguments, which may change it.
      sqlline.getOpts().set(BuiltInProperty.CSV_QUOTE_CHARACTER, '"');
      sqlline.setOutputStream(safeOut);
      sqlline.setErrorStream(safeErr);
      // Batch mode reads no input: an empty stream keeps jline from grabbing the terminal.
      InputStream input = batch ? InputStream.nullInputStream() : in;
      SqlLine.Status status = sqlline.begin(sqllineArgs.toArray(new String[0]), input, !batch);
      if (sqlline.refusal() != null) {
        errPrint.println("linode-sql: " + sqlline.refusal());
        errPrint.flush();
        return EXIT_FAILED;
      }
      switch (status) {
      case OK:
        return batch && sqlline.sawError() ? EXIT_FAILED : EXIT_OK;
      case ARGS:
        return EXIT_USAGE;
      default:
        return EXIT_FAILED;
      }
    } catch (IOException | SQLException | RuntimeException e) {
      PrintStream errPrint = printStream(safeErr);
      errPrint.println("linode-sql: " + ShellSqlLine.firstLine(String.valueOf(e.getMessage())));
      errPrint.flush();
      return EXIT_FAILED;
    } finally {
      ShellDriver.uninstall();
      finish(safeOut);
      finish(safeErr);
      if (sandbox != null) {
        sandbox.close();
      }
    }
  }

  private static SandboxServer.Builder sandboxBuilder(Options options) {
    SandboxServer.Builder b = SandboxServer.builder();
    if (options.port != null) {
      b.port(options.port);
    }
    if (options.sandboxLatencyMs != null) {
      b.latency(Duration.ofMillis(options.sandboxLatencyMs));
    }
    return b;
  }

  /**
   * {@code --sandbox-server}: only the sandbox, for DBeaver or any JDBC program; prints the URL and
   * token to use and serves until the process is interrupted (or {@code stop} counts down).
   */
  static int serveSandbox(Options options, PrintStream out, PrintStream err, CountDownLatch stop) {
    List<SandboxToken> data = options.sandboxTokens == null
        ? SampleData.demo()
        : SampleData.bulk(options.sandboxTokens, SANDBOX_SEED);
    SandboxServer server;
    try {
      server = sandboxBuilder(options).tokens(data).start();
    } catch (RuntimeException e) {
      err.println("linode-sql: cannot start the sandbox"
          + (options.port == null ? "" : " on port " + options.port) + ": "
          + ShellSqlLine.firstLine(e.getMessage() == null ? e.toString() : e.getMessage()));
      err.flush();
      return EXIT_FAILED;
    }
    try {
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "linode-sandbox-stop"));
      out.println("Sandbox: a fake Linode API on " + server.baseUrl() + " with " + data.size()
          + " sample tokens (no real account is used).");
      out.println("JDBC URL: " + ConnectionConfig.URL_PREFIX + "apiUrl=" + server.baseUrl());
      out.println("Token:    " + server.actingToken() + "   (the JDBC password, or property"
          + " token)");
      out.println("Serving until interrupted (Ctrl-C).");
      out.flush();
      stop.await();
      return EXIT_OK;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return EXIT_OK;
    } finally {
      server.close();
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
        .append("  -p, --property KEY=VALUE").append(nl)
        .append("                         a driver connection property (may repeat); see below")
        .append(nl)
        .append("  -e \"SQL\"               run a statement and exit (may repeat)").append(nl)
        .append("  -f file.sql            run a script and exit").append(nl)
        .append("  --sandbox-server       start only the sandbox and print the JDBC URL and token")
        .append(nl)
        .append("                         for DBeaver or a JDBC program; serves until Ctrl-C")
        .append(nl)
        .append("  --port N               the sandbox's port (default: any free port)").append(nl)
        .append("  --sandbox-latency-ms N the sandbox answers each request after N ms").append(nl)
        .append("  --serve [HOST:]PORT    serve the PostgreSQL protocol instead (loopback only")
        .append(nl).append("                         unless TLS is on; clients' password is their token)")
        .append(nl).append("  --tls-cert FILE --tls-key FILE").append(nl)
        .append("                         with --serve: TLS from a PEM chain and PKCS#8 key;")
        .append(nl).append("                         --require-tls refuses sessions without TLS").append(nl)
        .append("  -h, --help             show this help").append(nl)
        .append(nl)
        .append("Connection properties (-p KEY=VALUE):").append(nl)
        .append(propertyHelp())
        .append(nl)
        .append("Exit code: 0 on success, 1 for bad arguments or a missing token, 2 when a")
        .append(nl)
        .append("statement fails (with -e/-f). A script stops at its first error unless")
        .append(nl)
        .append("--force=true; every -e runs, and any failure makes the exit code 2.").append(nl)
        .append(nl)
        .append("Examples:").append(nl)
        .append("  linode-sql --sandbox").append(nl)
        .append("  linode-sql -p dryRun=true -e \"DELETE FROM personal_access_tokens WHERE id = 5\"")
        .append(nl)
        .append("  linode-sql --sandbox-server --port 8123").append(nl)
        .append("  linode-sql -e \"SELECT id, label, expiry FROM linode.profile.personal_access_tokens\"")
        .append(nl)
        .append("  linode-sql --outputformat=csv -f sql-examples/01-list-all.sql").append(nl)
        .append("  linode-sql --sandbox -e \"EXPLAIN PLAN FOR SELECT * FROM personal_access_tokens")
        .append(" WHERE id = 3\"").append(nl)
        .append(nl)
        .append("Other options go to sqlline, e.g. --outputformat=table|vertical|csv|tsv|json,")
        .append(nl)
        .append("--silent=true, --showHeader=false, --verbose=true, --maxWidth=N (lines are not")
        .append(nl)
        .append("cut by default). sqlline's -u, -n, -d are not accepted: this shell makes the")
        .append(nl)
        .append("connection. At the prompt, Ctrl-C cancels the running statement; twice on an")
        .append(nl)
        .append("empty line, or Ctrl-D, leaves.").append(nl);
    String sqllineUsage = sqllineUsage();
    if (sqllineUsage != null) {
      b.append(nl).append("sqlline's options:").append(nl).append(sqllineUsage);
      if (!sqllineUsage.endsWith("\n")) {
        b.append(nl);
      }
    }
    return b.toString();
  }

  /** One entry per driver property: name, default and description, wrapped to fit. */
  static String propertyHelp() {
    String nl = System.lineSeparator();
    StringBuilder b = new StringBuilder();
    for (ConnectionProperty p : ConnectionProperty.values()) {
      if (SHELL_SET_PROPERTIES.contains(p.key())) {
        continue;
      }
      b.append("  ").append(p.key());
      if (p.defaultValue() != null) {
        b.append(" (default ").append(p.defaultValue()).append(')');
      }
      b.append(nl);
      StringBuilder line = new StringBuilder("     ");
      for (String word : p.description().split(" ")) {
        if (line.length() + 1 + word.length() > 78 && line.length() > 5) {
          b.append(line).append(nl);
          line = new StringBuilder("     ");
        }
        line.append(' ').append(word);
      }
      b.append(line).append(nl);
    }
    b.append("  (the token comes from --token, $").append(ConnectionConfig.TOKEN_ENV)
        .append(" or linode-cli's configuration;").append(nl)
        .append("   -p token=T is the same as --token T)").append(nl);
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
    boolean sandboxServer;
    @Nullable Integer port;
    @Nullable Integer sandboxLatencyMs;
    /** Driver properties from {@code -p}, in the order given (a later one replaces). */
    final Map<String, String> properties = new LinkedHashMap<>();
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
          o.sandboxTokens = number(value, name, 0, 1_000_000);
          o.sandbox = true;
        }
        case "--token" -> o.token = inline != null ? inline : value(args, ++i, name);
        case "-p", "--property" -> o.property(inline != null ? inline : value(args, ++i, name));
        case "--sandbox-server" -> {
          if (inline != null) {
            throw new IllegalArgumentException("--sandbox-server takes no value");
          }
          o.sandboxServer = true;
        }
        case "--port" -> o.port = number(inline != null ? inline : value(args, ++i, name), name,
            1, 65_535);
        case "--sandbox-latency-ms" -> o.sandboxLatencyMs = number(
            inline != null ? inline : value(args, ++i, name), name, 0, 600_000);
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
                + " connects for you (use --token, --api-url, -p KEY=VALUE or --sandbox)");
          }
          o.passThrough.add(arg);
        }
        }
      }
      if (o.sandboxServer) {
        if (o.token != null || o.apiUrl != null || !o.commands.isEmpty() || o.script != null
            || !o.properties.isEmpty() || !o.passThrough.isEmpty()) {
          throw new IllegalArgumentException("--sandbox-server takes only --port,"
              + " --sandbox-tokens and --sandbox-latency-ms");
        }
        return o;
      }
      if (o.port != null && !o.sandbox) {
        throw new IllegalArgumentException("--port is for the sandbox (--sandbox or"
            + " --sandbox-server)");
      }
      if (o.sandboxLatencyMs != null) {
        o.sandbox = true;
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

    /** Parses {@code key=value} from {@code -p}; the token and API URL go where they belong. */
    private void property(String pair) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("-p needs KEY=VALUE, e.g. -p dryRun=true");
      }
      String key = pair.substring(0, eq).trim();
      String value = pair.substring(eq + 1);
      ConnectionProperty known = null;
      for (ConnectionProperty p : ConnectionProperty.values()) {
        if (p.key().equalsIgnoreCase(key)) {
          known = p;
        }
      }
      if (known == null) {
        List<String> names = new ArrayList<>();
        for (ConnectionProperty p : ConnectionProperty.values()) {
          if (!SHELL_SET_PROPERTIES.contains(p.key())) {
            names.add(p.key());
          }
        }
        throw new IllegalArgumentException("unknown connection property '" + key
            + "'; known: " + String.join(", ", names));
      }
      if (value.contains(";")) {
        throw new IllegalArgumentException("the value of " + known.key() + " must not contain ';'");
      }
      switch (known.key()) {
      case "token", "password" -> token = value;
      case "user" -> { } // ignored by the driver, as the shell always sends one
      case "apiUrl" -> apiUrl = value;
      default -> properties.put(known.key(), value);
      }
    }

    /** The JDBC URL: the API URL (if any) and the {@code -p} properties, never the token. */
    String url(@Nullable String api) {
      List<String> pairs = new ArrayList<>();
      if (api != null) {
        pairs.add("apiUrl=" + api);
      }
      for (Map.Entry<String, String> e : properties.entrySet()) {
        pairs.add(e.getKey() + "=" + e.getValue());
      }
      return ConnectionConfig.URL_PREFIX + String.join(";", pairs);
    }

    private static int number(String value, String name, int min, int max) {
      int n;
      try {
        n = Integer.parseInt(value.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " needs a whole number, not '" + value + "'");
      }
      if (n < min || n > max) {
        throw new IllegalArgumentException(name + " must be from " + min + " to " + max);
      }
      return n;
    }

    private static String value(String[] args, int i, String name) {
      if (i >= args.length) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      return args[i];
    }
  }
}
