package io.linodejdbc.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.linodejdbc.api.LinodeApiException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Performs one logical API request: builds it, sends each attempt under the client's concurrency
 * permit, classifies the outcome, and retries idempotent requests per {@link RetryPolicy}.
 *
 * <p>Logs one DEBUG line per attempt (method, path with query, status, elapsed ms, attempt) and
 * nothing else: never headers or bodies, since the Authorization header and POST responses hold secrets.
 */
final class RequestExecutor {

  private static final Logger LOG = LoggerFactory.getLogger(RequestExecutor.class);
  private static final MediaType JSON = MediaType.get("application/json");

  private final ApiConfig config;
  private final OkHttpClient http;
  private final Semaphore permits;
  private final AtomicLong requestCount;
  private final RetryPolicy policy;
  private final RateBudget listBudget;
  /** System.nanoTime() of the last answer that proves the token works (2xx or 404); 0 for none. */
  private volatile long lastAnswerNanos;

  RequestExecutor(ApiConfig config, OkHttpClient http, Semaphore permits, AtomicLong requestCount, RetryPolicy policy) {
    this(config, http, permits, requestCount, policy, new RateBudget());
  }

  RequestExecutor(ApiConfig config, OkHttpClient http, Semaphore permits, AtomicLong requestCount, RetryPolicy policy,
      RateBudget listBudget) {
    this.config = config;
    this.http = http;
    this.permits = permits;
    this.requestCount = requestCount;
    this.policy = policy;
    this.listBudget = listBudget;
  }

  /** {@link #execute(String, String, JsonNode, String, CancelScope, boolean)} of a non-list request. */
  JsonNode execute(String method, String path, JsonNode body, String xFilter, CancelScope scope) {
    return execute(method, path, body, xFilter, scope, false);
  }

  /**
   * Sends {@code method path} and returns the response JSON.
   *
   * @param path    relative to the base URL, with query
   * @param body    request body for POST/PUT, else null
   * @param xFilter ASCII X-Filter header value, or null
   * @param paged   a paginated collection GET: paced by the token's list allowance ({@link RateBudget})
   * @return the response object; for DELETE the parsed body or null when it was empty
   * @throws LinodeApiException on any failure after the allowed retries
   * @throws IllegalStateException if no token is configured
   */
  JsonNode execute(String method, String path, JsonNode body, String xFilter, CancelScope scope, boolean paged) {
    return (JsonNode) send(method, path, body, xFilter, scope, paged, null);
  }

  /**
   * GETs one page of a listing, paced like any list call, and reads it in one pass of the JSON
   * tokens on this thread, its rows decoded by {@code decoder} (no JSON tree); failures and
   * retries exactly as {@link #execute}.
   */
  <T> PageBody<T> executePage(String path, String xFilter, CancelScope scope, RowDecoder<T> decoder) {
    @SuppressWarnings("unchecked")
    PageBody<T> page = (PageBody<T>) send("GET", path, null, xFilter, scope, true, decoder);
    return page;
  }

  /** One logical request; the success body read as a tree, or as a page when {@code decoder} is given. */
  private Object send(String method, String path, JsonNode body, String xFilter, CancelScope scope, boolean paged,
      RowDecoder<?> decoder) {
    if (ApiConfig.isBlank(config.token())) {
      throw new IllegalStateException("no Linode API token is configured; set ApiConfig.token"
          + " (Linode tools conventionally read it from the LINODE_TOKEN environment variable)");
    }
    boolean idempotent = !"POST".equals(method);
    Request request = buildRequest(method, path, body, xFilter);
    int attempt = 0;
    while (true) {
      attempt++;
      RateBudget budget = paged ? listBudget : null;
      if (budget != null && !budget.acquire(scope)) {
        throw cancelled(method, path, attempt - 1);
      }
      if (!scope.acquire(permits)) {
        if (budget != null) {
          budget.release(null);
        }
        throw cancelled(method, path, attempt - 1);
      }
      Outcome outcome;
      try {
        outcome = attemptOnce(request, method, path, attempt, scope, budget, decoder);
      } finally {
        // Released before any retry sleep so a waiting request does not block others.
        permits.release();
      }
      if (outcome.failure == null) {
        return outcome.value;
      }
      if (outcome.notFound && "DELETE".equals(method) && attempt > 1) {
        // The failed earlier attempt most likely did delete it; the goal state is reached.
        LOG.debug("{} {}: 404 on retry counts as already deleted", method, path);
        return null;
      }
      LinodeApiException.Builder failure = outcome.failure.attempts(attempt);
      if (!idempotent || !outcome.retryable || !policy.mayRetry(attempt)) {
        throw failure.build();
      }
      long waitNanos;
      if (outcome.serverWaitSeconds.isPresent()) {
        long seconds = outcome.serverWaitSeconds.getAsLong();
        if (policy.exceedsMaxWait(seconds)) {
          throw failure.detail("server asked to wait " + seconds + " s, more than maxRetryWait "
              + config.maxRetryWait().toSeconds() + " s").build();
        }
        waitNanos = TimeUnit.SECONDS.toNanos(seconds);
      } else {
        waitNanos = policy.backoffNanos(attempt);
      }
      if (!scope.sleep(waitNanos)) {
        throw cancelled(method, path, attempt);
      }
    }
  }

  private Request buildRequest(String method, String path, JsonNode body, String xFilter) {
    HttpUrl url = HttpUrl.parse(config.baseUrl() + path);
    if (url == null) {
      throw new IllegalArgumentException("path '" + path + "' does not form a valid URL with the base URL");
    }
    Request.Builder b = new Request.Builder()
        .url(url)
        .header("Authorization", "Bearer " + config.token())
        .header("User-Agent", config.userAgent())
        .header("Accept", "application/json");
    if (xFilter != null) {
      b.header("X-Filter", xFilter);
    }
    RequestBody requestBody = body == null ? null : RequestBody.create(WireJson.body(body), JSON);
    if (requestBody == null && ("POST".equals(method) || "PUT".equals(method))) {
      requestBody = RequestBody.create("{}", JSON);
    }
    return b.method(method, requestBody).build();
  }

  /** System.nanoTime() of the last answer that proves the token works; 0 when there was none. */
  long lastAnswerNanos() {
    return lastAnswerNanos;
  }

  private Outcome attemptOnce(Request request, String method, String path, int attempt, CancelScope scope,
      RateBudget budget, RowDecoder<?> decoder) {
    Call call = http.newCall(request);
    scope.track(call);
    requestCount.incrementAndGet();
    long start = System.nanoTime();
    String statusForLog = "-";
    boolean budgetReleased = budget == null;
    try (Response response = call.execute()) {
      int status = response.code();
      statusForLog = String.valueOf(status);
      if (budget != null) {
        budget.release(response.headers());
        budgetReleased = true;
      }
      return classify(response, method, path, scope, call, decoder);
    } catch (IOException e) {
      statusForLog = "no response (" + e.getClass().getSimpleName() + ")";
      return transportFailure(e, method, path, scope, call, 0);
    } finally {
      if (!budgetReleased) {
        budget.release(null);
      }
      scope.untrack(call);
      if (LOG.isDebugEnabled()) {
        LOG.debug("{} {} -> {} in {} ms (attempt {})", method, path, statusForLog,
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), attempt);
      }
    }
  }

  private Outcome classify(Response response, String method, String path, CancelScope scope, Call call,
      RowDecoder<?> decoder) {
    int status = response.code();
    if (status >= 200 && status < 300 || status == 404) {
      lastAnswerNanos = System.nanoTime();
    }
    if (status >= 200 && status < 300 && decoder != null) {
      try (InputStream body = response.body().byteStream();
           JsonParser parser = WireJson.PARSERS.createParser(body)) {
        return readPage(parser, decoder, method, path, status);
      } catch (JsonProcessingException e) {
        return malformedJson(e, method, path, status);
      } catch (IOException e) {
        return transportFailure(e, method, path, scope, call, status);
      }
    }
    if (status >= 200 && status < 300) {
      // Parsed straight from the body's bytes: no String (and char[] copy) of a whole page.
      JsonNode node;
      try (InputStream body = response.body().byteStream()) {
        node = WireJson.mapper().readTree(body);
      } catch (JsonProcessingException e) {
        return malformedJson(e, method, path, status);
      } catch (IOException e) {
        return transportFailure(e, method, path, scope, call, status);
      }
      return parsed(node, method, path, status);
    }
    LinodeApiException.Builder failure = LinodeApiException.builder(Kind.HTTP_STATUS, method, path).status(status);
    if (status >= 300 && status < 400) {
      String location = response.header("Location");
      HttpUrl target = location == null ? null : response.request().url().resolve(location);
      // Only the host is named: a redirect target's path or query could carry anything.
      failure.detail(target == null ? "unexpected redirect with no usable Location"
          : "unexpected redirect to " + target.host());
      return Outcome.failed(failure, false, OptionalLong.empty(), false);
    }
    String text;
    try {
      text = response.body().string();
    } catch (IOException e) {
      text = "";
    }
    List<ApiError> errors = parseErrors(text);
    if (errors.isEmpty()) {
      failure.detail("HTTP " + status + " " + HttpStatusText.of(status)
          + (text.isBlank() ? " (empty body)" : " (non-JSON body)"));
    } else {
      failure.errors(errors);
    }
    OptionalLong wait = RetryPolicy.isRetryableStatus(status)
        ? policy.serverWaitSeconds(status, response.headers()) : OptionalLong.empty();
    wait.ifPresent(failure::retryAfterSeconds);
    return Outcome.failed(failure, RetryPolicy.isRetryableStatus(status), wait, status == 404);
  }

  /**
   * A list page in one pass: the same verdicts as reading a tree and checking it is an object
   * (anything else is read as a tree, to name its type), trailing tokens included.
   */
  private static Outcome readPage(JsonParser parser, RowDecoder<?> decoder, String method, String path, int status)
      throws IOException {
    JsonToken first = parser.nextToken();
    if (first != JsonToken.START_OBJECT) {
      JsonNode node = first == null ? null : WireJson.treeReader().readTree(parser);
      requireEnd(parser);
      return parsed(node, method, path, status);
    }
    PageBody<?> page = PageBody.read(parser, decoder);
    requireEnd(parser);
    return Outcome.ok(page);
  }

  private static void requireEnd(JsonParser parser) throws IOException {
    if (parser.nextToken() != null) {
      throw new JsonParseException(parser, "trailing token after the JSON value");
    }
  }

  private static Outcome malformedJson(JsonProcessingException e, String method, String path, int status) {
    // Jackson's own message quotes body text, which may be a secret: report only the position.
    JsonLocation loc = e.getLocation();
    String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    return Outcome.failed(LinodeApiException.builder(Kind.MALFORMED_RESPONSE, method, path).status(status)
        .detail("the " + status + " response body is not valid JSON" + where), false, OptionalLong.empty(), false);
  }

  /** Checks a parsed success body: an object, or for DELETE also nothing (an empty body). */
  private static Outcome parsed(JsonNode node, String method, String path, int status) {
    boolean empty = node == null || node.isMissingNode();
    if ("DELETE".equals(method) && empty) {
      return Outcome.ok(null);
    }
    if (empty || !node.isObject()) {
      String type = empty ? "empty" : node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
      return Outcome.failed(LinodeApiException.builder(Kind.MALFORMED_RESPONSE, method, path).status(status)
          .detail("expected a JSON object, got " + type + " body"), false, OptionalLong.empty(), false);
    }
    return Outcome.ok(node);
  }

  private Outcome transportFailure(
      IOException e, String method, String path, CancelScope scope, Call call, int status) {
    if (scope.isCancelled() || call.isCanceled()) {
      return Outcome.failed(LinodeApiException.builder(Kind.CANCELLED, method, path).status(status),
          false, OptionalLong.empty(), false);
    }
    if (e instanceof SocketTimeoutException) {
      return Outcome.failed(LinodeApiException.builder(Kind.TIMEOUT, method, path).status(status)
          .detail(e.getMessage()).cause(e), true, OptionalLong.empty(), false);
    }
    if (e instanceof InterruptedIOException) {
      Thread.currentThread().interrupt();
      return Outcome.failed(LinodeApiException.builder(Kind.CANCELLED, method, path).status(status)
          .detail("thread interrupted"), false, OptionalLong.empty(), false);
    }
    if (status == 0) {
      // Most often a kept-alive connection the server had closed while it sat idle (a server
      // closes idle ones after its own timeout, e.g. 30 s; OkHttp reuses them for a GET
      // unchecked). Its idle siblings went stale at the same time: drop them all, so that the
      // retry opens a fresh connection instead of failing on the next stale one.
      http.connectionPool().evictAll();
    }
    // OkHttp's messages name the URL at most (no headers, no body); safe to keep.
    Kind kind = status == 0 ? Kind.TRANSPORT : Kind.MALFORMED_RESPONSE;
    String detail = status == 0 ? e.toString()
        : "the " + status + " response body could not be read completely (" + e.getClass().getSimpleName() + ")";
    return Outcome.failed(LinodeApiException.builder(kind, method, path).status(status).detail(detail).cause(e),
        true, OptionalLong.empty(), false);
  }

  /** Every {reason, field} of an error body, or an empty list if the body is not such JSON. */
  static List<ApiError> parseErrors(String text) {
    List<ApiError> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    JsonNode node;
    try {
      node = WireJson.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      return out;
    }
    JsonNode errors = node == null ? null : node.get("errors");
    if (errors == null || !errors.isArray()) {
      return out;
    }
    for (JsonNode e : errors) {
      JsonNode reason = e.get("reason");
      JsonNode field = e.get("field");
      out.add(new ApiError(reason == null || reason.isNull() ? "" : reason.asText(),
          field == null || field.isNull() ? null : field.asText()));
    }
    return out;
  }

  private LinodeApiException cancelled(String method, String path, int attempts) {
    return LinodeApiException.builder(Kind.CANCELLED, method, path).attempts(attempts).build();
  }

  /** The result of one attempt: a value, or a failure with its retry facts. */
  private static final class Outcome {
    /** A JsonNode, or a PageBody when read as a page. */
    final Object value;
    final LinodeApiException.Builder failure;
    final boolean retryable;
    final OptionalLong serverWaitSeconds;
    final boolean notFound;

    private Outcome(Object value, LinodeApiException.Builder failure, boolean retryable,
        OptionalLong serverWaitSeconds, boolean notFound) {
      this.value = value;
      this.failure = failure;
      this.retryable = retryable;
      this.serverWaitSeconds = serverWaitSeconds;
      this.notFound = notFound;
    }

    static Outcome ok(Object value) {
      return new Outcome(value, null, false, OptionalLong.empty(), false);
    }

    static Outcome failed(LinodeApiException.Builder failure, boolean retryable, OptionalLong wait, boolean notFound) {
      return new Outcome(null, failure, retryable, wait, notFound);
    }
  }
}
