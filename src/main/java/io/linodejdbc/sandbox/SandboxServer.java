package io.linodejdbc.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-memory Linode token API served over real HTTP on {@code 127.0.0.1}.
 *
 * <p>Why real HTTP and not a mock: the driver's HTTP client, header encoding, concurrency limits
 * and retry logic are part of what the end-to-end tests must exercise. The JDK's built-in
 * {@link HttpServer} keeps the sandbox free of extra dependencies; a pool of daemon threads
 * (64 by default) lets concurrent clients really be served concurrently.
 *
 * <pre>{@code
 * try (SandboxServer server = SandboxServer.builder().tokens(SampleData.demo()).build().start()) {
 *   String url = server.baseUrl();        // http://127.0.0.1:PORT/v4
 *   String token = server.actingToken();  // send as "Authorization: Bearer " + token
 * }
 * }</pre>
 */
public final class SandboxServer implements AutoCloseable {

  /**
   * The secret accepted when no other is configured: 64 characters, recognisable in a demo and
   * never a valid real token.
   */
  public static final String DEFAULT_ACTING_TOKEN =
      "sandbox0sandbox0sandbox0sandbox000000000000000000000000000000000";

  private static final Logger LOG = LoggerFactory.getLogger(SandboxServer.class);

  static {
    // The JDK's HTTP server writes headers and body separately; with Nagle's algorithm on, a small
    // response then waits for the client's delayed ACK (40 ms on Linux) and every point lookup
    // looks 40 ms slower than it is. The server reads this once, when it is first used.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final int requestedPort;
  private final int threads;
  private final String actingToken;
  private final TokenStore store;
  private final RequestLog requestLog = new RequestLog();
  private final RuntimeSettings settings;
  private final SandboxHandler handler;
  private HttpServer http;
  private ExecutorService executor;

  private SandboxServer(Builder b) {
    this.requestedPort = b.port;
    this.threads = b.threads;
    this.actingToken = b.actingToken;
    this.store = new TokenStore(b.clock, Secrets.random());
    this.store.replaceAll(b.tokens);
    this.settings = new RuntimeSettings(b.latency, b.labelMatching);
    Optional<ListRateLimiter> limiter = b.listRateLimit == 0
        ? Optional.empty()
        : Optional.of(new ListRateLimiter(b.listRateLimit, b.listRateWindow));
    this.handler = new SandboxHandler(new Authenticator(actingToken, store),
        new TokenEndpoints(store, settings, b.clock), requestLog, settings, limiter);
  }

  /** A builder with the defaults: ephemeral port, exact label matching, no latency, no data. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds {@code 127.0.0.1} and starts serving.
   *
   * @return this server
   * @throws IllegalStateException if already started
   * @throws UncheckedIOException if the port cannot be bound
   */
  public synchronized SandboxServer start() {
    if (http != null) {
      throw new IllegalStateException("already started");
    }
    try {
      http = HttpServer.create(
          new InetSocketAddress(InetAddress.getByName("127.0.0.1"), requestedPort), 256);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind 127.0.0.1:" + requestedPort, e);
    }
    executor = Executors.newFixedThreadPool(threads, daemonThreads());
    http.setExecutor(executor);
    http.createContext("/", handler);
    http.start();
    LOG.info("Linode sandbox listening on {} with {} tokens", baseUrl(), store.all().size());
    return this;
  }

  /** {@code http://127.0.0.1:PORT/v4}; the API also answers under {@code /v4beta}. */
  public synchronized String baseUrl() {
    if (http == null) {
      throw new IllegalStateException("not started");
    }
    return "http://127.0.0.1:" + http.getAddress().getPort() + "/v4";
  }

  /** The only bearer secret this server accepts. */
  public String actingToken() {
    return actingToken;
  }

  /** The live data; changes are visible to the next request. */
  public TokenStore store() {
    return store;
  }

  /** Every request seen so far. */
  public RequestLog requestLog() {
    return requestLog;
  }

  /** Changes the delay added before handling each request, from the next request on. */
  public void setLatency(Duration latency) {
    settings.setLatency(latency);
  }

  /** Changes how label filters and label ordering compare, from the next request on. */
  public void setLabelMatching(LabelMatching matching) {
    settings.setLabelMatching(matching);
  }

  // ---- Fault-injection hook for the reliability suite ----

  /** Sets the fault plan consulted for every request from now on; {@link FaultPlan#NONE} turns it off. */
  public void setFaultPlan(FaultPlan plan) {
    handler.setFaultPlan(plan);
  }

  /** Requests being handled right now (arrived, response not yet sent). */
  public int inFlightNow() {
    return handler.inFlightNow();
  }

  /**
   * The most requests seen at once, each counted from its arrival until its response starts (so,
   * unlike {@link RequestLog#maxInFlight()}, never more than the client really had in flight).
   */
  public int maxInFlightUntilResponse() {
    return handler.maxInFlightUntilResponse();
  }

  /** Restarts {@link #maxInFlightUntilResponse()} from the current count. */
  public void resetMaxInFlightUntilResponse() {
    handler.resetMaxInFlightUntilResponse();
  }

  // ---- end of the fault-injection hook ----

  /** Stops serving at once; requests in progress are abandoned. Safe to call twice. */
  @Override
  public synchronized void close() {
    if (http != null) {
      http.stop(0);
      executor.shutdownNow();
      LOG.info("Linode sandbox on port {} stopped", http.getAddress().getPort());
      http = null;
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "linode-sandbox-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Configures a {@link SandboxServer}. Not thread-safe; use once. */
  public static final class Builder {

    private int port;
    private int threads = 64;
    private LabelMatching labelMatching = LabelMatching.EXACT;
    private Duration latency = Duration.ZERO;
    private List<SandboxToken> tokens = List.of();
    private String actingToken = DEFAULT_ACTING_TOKEN;
    private int listRateLimit;
    private Duration listRateWindow;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The port to bind; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      this.port = port;
      return this;
    }

    /** Handler threads, i.e. how many requests can be served at once (default 64). */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be positive");
      }
      this.threads = threads;
      return this;
    }

    /** How labels compare in filters and ordering (default {@link LabelMatching#EXACT}). */
    public Builder labelMatching(LabelMatching labelMatching) {
      this.labelMatching = Objects.requireNonNull(labelMatching, "labelMatching");
      return this;
    }

    /** A delay added before handling every request (default none). */
    public Builder latency(Duration latency) {
      this.latency = Objects.requireNonNull(latency, "latency");
      return this;
    }

    /** The initial tokens; ids must be unique. New tokens get ids after the highest. */
    public Builder tokens(Collection<SandboxToken> tokens) {
      this.tokens = List.copyOf(tokens);
      return this;
    }

    /**
     * The bearer secret the server accepts (default {@link #DEFAULT_ACTING_TOKEN}). If a stored
     * token has this secret it is the acting ("self") token, and deleting it locks clients out.
     */
    public Builder actingToken(String secret) {
      Objects.requireNonNull(secret, "secret");
      if (secret.isBlank()) {
        throw new IllegalArgumentException("acting token must not be blank");
      }
      this.actingToken = secret;
      return this;
    }

    /**
     * Allows at most {@code requests} list calls ({@code GET /profile/tokens}) per sliding
     * {@code window}; more get 429 with {@code Retry-After}. List responses then carry
     * {@code X-RateLimit-Limit}, {@code -Remaining} and {@code -Reset}. Off by default.
     */
    public Builder listRateLimit(int requests, Duration window) {
      if (requests < 1 || window.isZero() || window.isNegative()) {
        throw new IllegalArgumentException("need a positive request count and window");
      }
      this.listRateLimit = requests;
      this.listRateWindow = window;
      return this;
    }

    /** The clock for {@code created} of new tokens and the POST expiry check (default UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** A server with this configuration, not yet started. */
    public SandboxServer build() {
      return new SandboxServer(this);
    }

    /** Builds and starts in one step. */
    public SandboxServer start() {
      return build().start();
    }
  }
}
