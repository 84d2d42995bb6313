package io.linodejdbc.sandbox;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a sandbox from the command line, for demos ({@code linode-sql --sandbox}) and manual
 * poking with curl.
 *
 * <pre>
 * java ... io.linodejdbc.sandbox.SandboxMain [--port N] [--demo | --tokens N]
 *     [--latency-ms N] [--case-insensitive]
 * </pre>
 * Prints {@code baseUrl=…} and {@code actingToken=…} on stdout, then serves until killed.
 * {@code --demo} (the default) loads {@link SampleData#demo()}; {@code --tokens N} loads
 * {@link SampleData#bulk} with seed 42.
 */
public final class SandboxMain {

  private static final String USAGE = "usage: SandboxMain [--port N] [--demo | --tokens N]"
      + " [--latency-ms N] [--case-insensitive]";

  private SandboxMain() {}

  /** Starts the server and blocks until the process is killed. */
  public static void main(String[] args) throws InterruptedException {
    SandboxServer server;
    try {
      server = launch(args, System.out);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "linode-sandbox-shutdown"));
    new CountDownLatch(1).await();
  }

  /**
   * Parses arguments, starts a server and prints where it is.
   *
   * @throws IllegalArgumentException on bad arguments
   */
  static SandboxServer launch(String[] args, PrintStream out) {
    SandboxServer.Builder builder = SandboxServer.builder();
    List<SandboxToken> tokens = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> builder.port(number(args, ++i));
        case "--tokens" -> tokens = choose(tokens, SampleData.bulk(number(args, ++i), 42));
        case "--demo" -> tokens = choose(tokens, SampleData.demo());
        case "--latency-ms" -> builder.latency(Duration.ofMillis(number(args, ++i)));
        case "--case-insensitive" -> builder.labelMatching(LabelMatching.CASE_INSENSITIVE);
        default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
      }
    }
    SandboxServer server = builder.tokens(tokens == null ? SampleData.demo() : tokens).start();
    out.println("baseUrl=" + server.baseUrl());
    out.println("actingToken=" + server.actingToken());
    out.flush();
    return server;
  }

  private static List<SandboxToken> choose(List<SandboxToken> current, List<SandboxToken> next) {
    if (current != null) {
      throw new IllegalArgumentException("--demo and --tokens are exclusive and given once");
    }
    return next;
  }

  private static int number(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a number");
    }
    try {
      int value = Integer.parseInt(args[i]);
      if (value < 0) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(args[i - 1] + " needs a non-negative number, got " + args[i]);
    }
  }
}
