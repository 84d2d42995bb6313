package io.linodejdbc.api;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.linodejdbc.api.Fixtures.TOKEN;
import static io.linodejdbc.api.Fixtures.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.linodejdbc.api.LinodeApiException.Kind;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** Client-wide behaviour: headers, concurrency bound, close, logging, path checks. */
class LinodeClientTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : toClose) {
      c.close();
    }
  }

  private LinodeClient client(ApiConfig.Builder config) {
    LinodeClient c = new LinodeClient(config.build());
    toClose.add(c);
    return c;
  }

  @Test
  void sendsAuthorizationUserAgentAndAccept() {
    wm.stubFor(get("/profile/tokens/1").willReturn(okJson("{\"id\":1}")));
    LinodeClient c = client(Fixtures.config(wm).userAgent("linode-jdbc/test-1"));
    assertThat(c.getOrNull("/profile/tokens/1").get("id").asInt()).isEqualTo(1);
    wm.verify(getRequestedFor(urlEqualTo("/profile/tokens/1"))
        .withHeader("Authorization", equalTo("Bearer " + TOKEN))
        .withHeader("User-Agent", equalTo("linode-jdbc/test-1"))
        .withHeader("Accept", equalTo("application/json")));
    assertThat(c.config().userAgent()).isEqualTo("linode-jdbc/test-1");
  }

  @Test
  void baseUrlPathIsKept() {
    wm.stubFor(get("/v4/profile/tokens/2").willReturn(okJson("{\"id\":2}")));
    assertThat(client(Fixtures.config(wm.baseUrl() + "/v4/")).getOrNull("/profile/tokens/2")).isNotNull();
  }

  @Test
  void pathsMustBeRelativeToTheBaseUrl() {
    LinodeClient c = client(Fixtures.config(wm));
    assertThatThrownBy(() -> c.getOrNull("profile/tokens")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.getOrNull("//evil.example/x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.delete("/a b")).isInstanceOf(IllegalArgumentException.class);
    assertThat(c.requestCount()).isZero();
  }

  @Test
  void debugLogHasOneLinePerAttemptAndNeverTheTokenOrBody() {
    Logger logger = (Logger) LoggerFactory.getLogger("io.linodejdbc.api");
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    Level before = logger.getLevel();
    logger.setLevel(Level.DEBUG);
    logger.addAppender(appender);
    try {
      Fixtures.stubSequence(wm, () -> get("/profile/tokens/3"), error(503, "busy"),
          okJson("{\"id\":3,\"token\":\"" + TOKEN + "\"}"));
      client(Fixtures.config(wm)).getOrNull("/profile/tokens/3");
    } finally {
      logger.detachAppender(appender);
      logger.setLevel(before);
    }
    List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertThat(lines).anyMatch(l -> l.startsWith("GET /profile/tokens/3 -> 503 in ") && l.endsWith("(attempt 1)"));
    assertThat(lines).anyMatch(l -> l.startsWith("GET /profile/tokens/3 -> 200 in ") && l.endsWith("(attempt 2)"));
    assertThat(lines).allMatch(l -> !l.contains(TOKEN) && !l.contains("Bearer"));
  }

  @Test
  void closeCancelsARequestInFlight() throws Exception {
    wm.stubFor(get("/slow").willReturn(okJson("{\"id\":1}").withFixedDelay(20_000)));
    LinodeClient c = client(Fixtures.config(wm).readTimeout(Duration.ofSeconds(60)));
    CompletableFuture<Object> call = CompletableFuture.supplyAsync(() -> c.getOrNull("/slow"));
    Thread.sleep(300);
    c.close();
    assertCancelled(call);
    assertThatThrownBy(() -> c.getOrNull("/slow")).isInstanceOf(IllegalStateException.class);
    c.close(); // idempotent
  }

  @Test
  void closeAbortsARetryWait() throws Exception {
    wm.stubFor(get("/limited").willReturn(error(429, "Too many requests").withHeader("Retry-After", "3600")));
    LinodeClient c = client(Fixtures.config(wm).maxRetryWait(Duration.ofHours(2)));
    CompletableFuture<Object> call = CompletableFuture.supplyAsync(() -> c.getOrNull("/limited"));
    Thread.sleep(300);
    c.close();
    assertCancelled(call);
    assertThat(c.requestCount()).isEqualTo(1);
  }

  private static void assertCancelled(CompletableFuture<Object> call) throws Exception {
    // The generous bound only keeps a broken build from hanging; the request itself would take far longer.
    Throwable failure = org.assertj.core.api.Assertions.catchThrowableOfType(ExecutionException.class,
        () -> call.get(30, TimeUnit.SECONDS)).getCause();
    assertThat(failure).isInstanceOfSatisfying(LinodeApiException.class,
        e -> assertThat(e.kind()).isEqualTo(Kind.CANCELLED));
  }

  @Test
  void backgroundThreadsAreNamedDaemons() {
    wm.stubFor(get("/p/1").willReturn(okJson("{\"id\":1}")));
    LinodeClient c = client(Fixtures.config(wm));
    List<String> names = new ArrayList<>();
    List<Boolean> daemons = new ArrayList<>();
    try (RowCursor cursor = c.getEach(List.of("/p/1"))) {
      cursor.forEachRemaining(o -> { });
    }
    Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("linode-jdbc-http-"))
        .forEach(t -> {
          names.add(t.getName());
          daemons.add(t.isDaemon());
        });
    assertThat(names).isNotEmpty();
    assertThat(daemons).containsOnly(true);
  }

  /**
   * Counts concurrent requests on the server side with a JDK HTTP server, whose handler holds each
   * request for a while; several threads and cursors of one client, with retries, must never exceed
   * the configured bound together.
   */
  @Test
  void requestsInFlightNeverExceedMaxConcurrentRequests() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    Map<String, Boolean> failedOnce = new ConcurrentHashMap<>();
    ExecutorService serverThreads = Executors.newCachedThreadPool();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(serverThreads);
    server.createContext("/", exchange -> handleCounted(exchange, inFlight, maxInFlight, failedOnce));
    server.start();
    toClose.add(() -> {
      server.stop(0);
      serverThreads.shutdownNow();
    });
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    LinodeClient c = client(Fixtures.config(base).maxConcurrentRequests(3).pageSize(25));

    List<String> paths = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      paths.add("/items/" + i);
    }
    CompletableFuture<Integer> each = CompletableFuture.supplyAsync(() -> count(c.getEach(paths)));
    CompletableFuture<Integer> listing = CompletableFuture.supplyAsync(
        () -> count(c.list(ListRequest.builder("/list").build())));
    CompletableFuture<Integer> singles = CompletableFuture.supplyAsync(() -> {
      int n = 0;
      for (int i = 1; i <= 4; i++) {
        n += c.getOrNull("/single/" + i) == null ? 0 : 1;
      }
      return n;
    });

    assertThat(each.get(60, TimeUnit.SECONDS)).isEqualTo(12);
    assertThat(listing.get(60, TimeUnit.SECONDS)).isEqualTo(8 * 25);
    assertThat(singles.get(60, TimeUnit.SECONDS)).isEqualTo(4);
    assertThat(maxInFlight.get()).isLessThanOrEqualTo(3);
    // The bound is actually used, so the check above is not vacuous.
    assertThat(maxInFlight.get()).isGreaterThanOrEqualTo(2);
    // 12 + 8 + 4 first attempts, plus one retry for every third item.
    assertThat(c.requestCount()).isEqualTo(12 + 8 + 4 + 4);
  }

  private static int count(RowCursor cursor) {
    int n = 0;
    try (cursor) {
      while (cursor.hasNext()) {
        cursor.next();
        n++;
      }
    }
    return n;
  }

  private static void handleCounted(HttpExchange exchange, AtomicInteger inFlight, AtomicInteger maxInFlight,
      Map<String, Boolean> failedOnce) throws IOException {
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    try {
      Thread.sleep(60);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    String path = exchange.getRequestURI().getPath();
    String query = exchange.getRequestURI().getQuery();
    int status = 200;
    String body;
    if (path.startsWith("/items/")) {
      int id = Integer.parseInt(path.substring("/items/".length()));
      if (id % 3 == 0 && failedOnce.putIfAbsent(path, true) == null) {
        status = 503;
        body = "{\"errors\":[{\"reason\":\"busy\"}]}";
      } else {
        body = "{\"id\":" + id + "}";
      }
    } else if (path.equals("/list")) {
      int page = Integer.parseInt(query.replaceAll(".*page=(\\d+).*", "$1"));
      body = Fixtures.standardPage(page, 25, 8 * 25);
    } else {
      body = "{\"id\":1}";
    }
    // Decrement before answering: the client may start its next request as soon as it has the answer.
    inFlight.decrementAndGet();
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Test
  void clientsAreIndependent() {
    wm.stubFor(get("/p").willReturn(okJson("{\"id\":1}")));
    LinodeClient a = client(Fixtures.config(wm));
    LinodeClient b = client(Fixtures.config(wm));
    a.getOrNull("/p");
    a.close();
    assertThat(b.getOrNull("/p")).isNotNull();
    assertThat(a.requestCount()).isEqualTo(1);
    assertThat(b.requestCount()).isEqualTo(1);
  }

  @Test
  void putBodyIsSent() {
    wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.put("/profile/tokens/1")
        .willReturn(okJson("{\"id\":1,\"label\":\"new\"}")));
    client(Fixtures.config(wm)).put("/profile/tokens/1", JsonNodeFactory.instance.objectNode().put("label", "new"));
    wm.verify(com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(urlEqualTo("/profile/tokens/1"))
        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalToJson("{\"label\":\"new\"}")));
  }
}
