package io.linodejdbc.sandbox;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of one request: latency, recording, authentication, routing, rate limiting,
 * writing the JSON response.
 *
 * <p>Order of checks: latency, then 401, then 404/405, then 429 (list calls only), then the
 * operation's own 400/404. Every request is recorded, whatever its status, just before its
 * response is written. Logs name the method, path and status only: never headers or bodies, which
 * may hold secrets.
 */
final class SandboxHandler implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(SandboxHandler.class);

  private final Authenticator authenticator;
  private final TokenEndpoints endpoints;
  private final RequestLog log;
  private final RuntimeSettings settings;
  private final Optional<ListRateLimiter> listLimiter;

  SandboxHandler(Authenticator authenticator, TokenEndpoints endpoints, RequestLog log,
      RuntimeSettings settings, Optional<ListRateLimiter> listLimiter) {
    this.authenticator = authenticator;
    this.endpoints = endpoints;
    this.log = log;
    this.settings = settings;
    this.listLimiter = listLimiter;
  }

  // ---- Fault-injection hook for the reliability suite (FaultPlan); inert unless a plan is set. ----
  private volatile FaultPlan faultPlan = FaultPlan.NONE;
  private final java.util.concurrent.atomic.AtomicInteger inFlightNow =
      new java.util.concurrent.atomic.AtomicInteger();

  void setFaultPlan(FaultPlan plan) {
    this.faultPlan = java.util.Objects.requireNonNull(plan, "plan");
  }

  int inFlightNow() {
    return inFlightNow.get();
  }

  /*
   * In flight "until the response starts": a request counts from its arrival until the sandbox
   * starts sending its response. The client cannot have the response before that, so this window
   * lies inside the client's own in-flight window and the maximum overlap seen here is a sound
   * lower bound of the client's concurrency. (RequestLog.maxInFlight counts until after the
   * exchange is closed, when the client may already have sent its next request, so it can
   * over-count by a race.)
   */
  private final java.util.concurrent.atomic.AtomicInteger untilResponse =
      new java.util.concurrent.atomic.AtomicInteger();
  private final java.util.concurrent.atomic.AtomicInteger maxUntilResponse =
      new java.util.concurrent.atomic.AtomicInteger();

  int maxInFlightUntilResponse() {
    return maxUntilResponse.get();
  }

  void resetMaxInFlightUntilResponse() {
    maxUntilResponse.set(untilResponse.get());
  }

  private void responseStarts(boolean[] counted) {
    if (counted[0]) {
      counted[0] = false;
      untilResponse.decrementAndGet();
    }
  }

  /** Applies the plan's fault; true if it replaced the answer (the request is then recorded). */
  private boolean injectFault(HttpExchange exchange, String body, long sequence, Instant at, boolean[] counted)
      throws IOException {
    FaultPlan plan = faultPlan;
    if (plan == FaultPlan.NONE) {
      return false;
    }
    Fault fault = plan.decide(new FaultPlan.FaultRequest(exchange.getRequestMethod(),
        exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
        exchange.getRequestHeaders().getFirst("X-Filter")));
    if (!FaultInjector.stall(fault) || fault.kind() == Fault.Kind.NONE) {
      return false;
    }
    log.record(sequence, recorded(exchange, body, FaultInjector.recordedStatus(fault), at));
    responseStarts(counted);
    FaultInjector.send(exchange, fault);
    return true;
  }
  // ---- end of the fault-injection hook ----

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    long sequence = log.arrived();
    inFlightNow.incrementAndGet(); // fault-injection hook
    maxUntilResponse.accumulateAndGet(untilResponse.incrementAndGet(), Math::max); // hook
    boolean[] counted = {true}; // hook
    Instant at = Instant.now();
    long started = System.nanoTime();
    try {
      String body = readBody(exchange);
      if (injectFault(exchange, body, sequence, at, counted)) { // fault-injection hook
        return;
      }
      ApiResponse response = respond(exchange, body);
      log.record(sequence, recorded(exchange, body, response.status(), at));
      responseStarts(counted); // fault-injection hook
      send(exchange, response);
      LOG.debug("{} {} -> {} ({} ms)", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
          response.status(), (System.nanoTime() - started) / 1_000_000);
    } finally {
      exchange.close();
      log.finished();
      inFlightNow.decrementAndGet(); // fault-injection hook
      responseStarts(counted); // fault-injection hook
    }
  }

  private ApiResponse respond(HttpExchange exchange, String body) {
    try {
      sleep(settings.latency());
      Headers headers = exchange.getRequestHeaders();
      authenticator.check(headers.getFirst("Authorization"));
      Route route = Route.resolve(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath());
      return switch (route.operation()) {
        case LIST -> list(exchange, headers);
        case CREATE -> endpoints.create(body);
        case GET -> endpoints.get(route.id());
        case UPDATE -> endpoints.update(route.id(), body);
        case DELETE -> endpoints.delete(route.id());
      };
    } catch (ApiException e) {
      return ApiResponse.of(e);
    } catch (RuntimeException e) {
      LOG.error("sandbox failed on {} {}", exchange.getRequestMethod(),
          exchange.getRequestURI().getRawPath(), e);
      return ApiResponse.of(new ApiException(500, List.of(ApiError.of("Internal sandbox error"))));
    }
  }

  private ApiResponse list(HttpExchange exchange, Headers headers) {
    Map<String, String> limitHeaders = listLimiter.map(ListRateLimiter::acquire).orElse(Map.of());
    Map<String, String> params = QueryString.parse(exchange.getRequestURI().getRawQuery());
    try {
      return endpoints.list(params, headers.getFirst("X-Filter")).withHeaders(limitHeaders);
    } catch (ApiException e) {
      return ApiResponse.of(e).withHeaders(limitHeaders);
    }
  }

  private static void sleep(Duration latency) {
    if (latency.isZero()) {
      return;
    }
    try {
      Thread.sleep(latency.toMillis(), latency.toNanosPart() % 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static RecordedRequest recorded(HttpExchange exchange, String body, int status, Instant at) {
    Map<String, String> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      String value = String.join(",", values);
      headers.put(lower, lower.equals("authorization") ? Authenticator.mask(value) : value);
    });
    return new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
        exchange.getRequestURI().getRawQuery(), headers, body, status, at);
  }

  private static void send(HttpExchange exchange, ApiResponse response) throws IOException {
    byte[] bytes = response.bytes();
    Headers out = exchange.getResponseHeaders();
    out.set("Content-Type", "application/json");
    response.headers().forEach(out::set);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(response.status(), head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream os = exchange.getResponseBody()) {
        os.write(bytes);
      }
    }
  }
}
