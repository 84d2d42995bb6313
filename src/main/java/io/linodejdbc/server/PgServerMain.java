package io.linodejdbc.server;

import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.sandbox.SandboxServer;
import io.linodejdbc.sandbox.SandboxToken;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code linode-sql --serve [HOST:]PORT}: serves the PostgreSQL protocol in front of the driver
 * until Ctrl-C or SIGTERM.
 *
 * <p>Prints exactly one line on stdout when ready, {@code LISTENING postgresql://HOST:PORT/linode}
 * (in sandbox mode followed by {@code password=…}, the sandbox's token); log lines go to stderr.
 */
public final class PgServerMain {
  /** Exit codes as the shell's. */
  static final int EXIT_OK = 0;
  static final int EXIT_USAGE = 1;
  static final int EXIT_FAILED = 2;

  private PgServerMain() {}

  /** Whether the command line asks for the server rather than the shell. */
  public static boolean wanted(String[] args) {
    for (String a : args) {
      if (a.equals("--serve") || a.startsWith("--serve=")) {
        return true;
      }
    }
    return false;
  }

  public static void main(String[] args) {
    setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    setIfAbsent("org.slf4j.simpleLogger.log.io.linodejdbc.server", "info");
    setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
    setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
    Running running;
    try {
      running = start(args, System.out, System.err);
    } catch (UsageException e) {
      System.err.println("linode-sql: " + e.getMessage());
      System.err.println("Try 'linode-sql --help'.");
      System.exit(EXIT_USAGE);
      return;
    }
    if (running == null) {
      System.exit(EXIT_FAILED);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      running.close();
      stopped.countDown();
    }, "pg-server-stop"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A started server with its sandbox, if any. */
  public static final class Running implements AutoCloseable {
    private final PgServer server;
    private final SandboxServer sandbox;

    Running(PgServer server, SandboxServer sandbox) {
      this.server = server;
      this.sandbox = sandbox;
    }

    public PgServer server() {
      return server;
    }

    /** The sandbox's token (the password to use) in sandbox mode, else null. */
    public String sandboxPassword() {
      return sandbox == null ? null : sandbox.actingToken();
    }

    @Override public synchronized void close() {
      server.close();
      if (sandbox != null) {
        sandbox.close();
      }
    }
  }

  /** Bad arguments. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  /**
   * Parses the arguments and starts the server, printing the LISTENING line.
   *
   * @return the running server, or null when it could not start (the reason is printed)
   */
  static Running start(String[] args, PrintStream out, PrintStream err) throws UsageException {
    String listen = null;
    boolean sandbox = false;
    Integer sandboxTokens = null;
    String apiUrl = null;
    Map<String, String> properties = new LinkedHashMap<>();
    int maxConnections = ServerConfig.DEFAULT_MAX_CONNECTIONS;
    int maxMessageBytes = ServerConfig.DEFAULT_MAX_MESSAGE_BYTES;
    int idleTimeoutSeconds = 0;
    String tlsCert = null;
    String tlsKey = null;
    boolean requireTls = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String name = arg;
      String inline = null;
      if (arg.startsWith("--") && arg.indexOf('=') > 0) {
        name = arg.substring(0, arg.indexOf('='));
        inline = arg.substring(arg.indexOf('=') + 1);
      }
      switch (name) {
      case "--serve" -> listen = inline != null ? inline
          : i + 1 < args.length && !args[i + 1].startsWith("-") ? args[++i] : "5432";
      case "--sandbox" -> sandbox = true;
      case "--sandbox-tokens" -> {
        sandboxTokens = number(name, inline != null ? inline : value(args, ++i, name), 0,
            1_000_000);
        sandbox = true;
      }
      case "--api-url" -> apiUrl = inline != null ? inline : value(args, ++i, name);
      case "-p" -> {
        String kv = value(args, ++i, name);
        int eq = kv.indexOf('=');
        if (eq <= 0) {
          throw new UsageException("-p needs key=value, not '" + kv + "'");
        }
        String key = kv.substring(0, eq).strip();
        if (key.equals("token") || key.equals("password")) {
          throw new UsageException("the server holds no token: each client sends its own as the"
              + " password");
        }
        properties.put(key, kv.substring(eq + 1).strip());
      }
      case "--max-connections" -> maxConnections = number(name,
          inline != null ? inline : value(args, ++i, name), 1, 10_000);
      case "--max-message-bytes" -> maxMessageBytes = number(name,
          inline != null ? inline : value(args, ++i, name), 1024, 1 << 30);
      case "--idle-timeout" -> idleTimeoutSeconds = number(name,
          inline != null ? inline : value(args, ++i, name), 0, 2_000_000);
      case "--tls-cert" -> tlsCert = inline != null ? inline : value(args, ++i, name);
      case "--tls-key" -> tlsKey = inline != null ? inline : value(args, ++i, name);
      case "--require-tls" -> requireTls = true;
      case "--token" -> throw new UsageException("--token cannot be combined with --serve: the"
          + " server holds no token; each client's password is its Linode token");
      default -> throw new UsageException("unknown option for --serve: " + arg);
      }
    }
    if (sandbox && apiUrl != null) {
      throw new UsageException("--api-url cannot be combined with --sandbox");
    }
    String host = "127.0.0.1";
    int port;
    String p = listen == null ? "5432" : listen;
    int colon = p.lastIndexOf(':');
    if (colon >= 0) {
      host = p.substring(0, colon).replaceAll("^\\[|\\]$", "");
      p = p.substring(colon + 1);
      if (host.isEmpty()) {
        host = "127.0.0.1";
      }
    }
    port = number("--serve", p, 0, 65_535);
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new UsageException("--tls-cert and --tls-key go together (PEM certificate chain and"
          + " its PKCS#8 key)");
    }
    if (requireTls && tlsCert == null) {
      throw new UsageException("--require-tls needs --tls-cert and --tls-key");
    }
    PgTls tls = null;
    if (tlsCert != null) {
      try {
        tls = PgTls.load(Path.of(tlsCert), Path.of(tlsKey));
      } catch (PgTls.TlsSetupException | InvalidPathException e) {
        err.println("linode-sql: " + e.getMessage());
        err.flush();
        return null;
      }
    }

    SandboxServer sandboxServer = null;
    if (sandbox) {
      List<SandboxToken> data = sandboxTokens == null ? SampleData.demo()
          : SampleData.bulk(sandboxTokens, 42L);
      sandboxServer = SandboxServer.builder().tokens(data).start();
      apiUrl = sandboxServer.baseUrl();
    }
    if (apiUrl != null) {
      if (apiUrl.contains(";")) {
        throw new UsageException("--api-url must not contain ';'");
      }
      properties.put("apiUrl", apiUrl);
    }
    ServerConfig config = new ServerConfig(host, port, "jdbc:linode:", properties,
        maxConnections, maxMessageBytes, idleTimeoutSeconds * 1000,
        ServerConfig.DEFAULT_STARTUP_TIMEOUT_MILLIS, tls, requireTls);
    PgServer server;
    try {
      server = PgServer.start(config);
    } catch (IOException | IllegalArgumentException e) {
      err.println("linode-sql: cannot serve on " + host + ":" + port + ": " + e.getMessage());
      err.flush();
      if (sandboxServer != null) {
        sandboxServer.close();
      }
      return null;
    }
    Running running = new Running(server, sandboxServer);
    String line = "LISTENING " + server.url();
    if (sandboxServer != null) {
      line += " password=" + sandboxServer.actingToken();
    }
    out.println(line);
    out.flush();
    return running;
  }

  private static String value(String[] args, int i, String name) throws UsageException {
    if (i >= args.length) {
      throw new UsageException(name + " needs a value");
    }
    return args[i];
  }

  private static int number(String name, String value, int min, int max) throws UsageException {
    try {
      int v = Integer.parseInt(value.strip());
      if (v < min || v > max) {
        throw new UsageException(name + " must be from " + min + " to " + max + ", not " + v);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new UsageException(name + " needs a whole number, not '" + value + "'");
    }
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }

  static PrintStream utf8(java.io.OutputStream out) {
    return new PrintStream(out, true, StandardCharsets.UTF_8);
  }
}
