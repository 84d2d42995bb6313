package io.linodejdbc.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.linodejdbc.api.Fixtures.TOKEN;
import static io.linodejdbc.api.Fixtures.error;
import static io.linodejdbc.api.Fixtures.stubSequence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.linodejdbc.api.LinodeApiException.Kind;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Retry and error classification of single requests, driven through the public {@link LinodeClient}. */
class RequestExecutorTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private LinodeClient client;

  private LinodeClient client(ApiConfig.Builder config) {
    client = new LinodeClient(config.build());
    return client;
  }

  private LinodeClient client() {
    return client(Fixtures.config(wm));
  }

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
  }

  private static void assertNoToken(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      assertThat(String.valueOf(c.getMessage())).doesNotContain(TOKEN);
      assertThat(c.toString()).doesNotContain(TOKEN);
    }
  }

  @Test
  void status429WithRetryAfterIsHonouredThenSucceeds() {
    stubSequence(wm, () -> get("/profile/tokens/1"),
        error(429, "Too many requests").withHeader("Retry-After", "1"), okJson("{\"id\":1}"));
    long start = System.nanoTime();
    ObjectNode result = client().getOrNull("/profile/tokens/1");
    long elapsedMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
    assertThat(result.get("id").asInt()).isEqualTo(1);
    assertThat(elapsedMs).isGreaterThanOrEqualTo(1000);
    wm.verify(2, getRequestedFor(urlEqualTo("/profile/tokens/1")));
    assertThat(client.requestCount()).isEqualTo(2);
  }

  @Test
  void retryAfterLongerThanMaxRetryWaitFailsAtOnce() {
    wm.stubFor(get("/p").willReturn(error(429, "Too many requests").withHeader("Retry-After", "600")));
    LinodeApiException e = catchThrowableOfType(LinodeApiException.class,
        () -> client(Fixtures.config(wm).maxRetryWait(Duration.ofSeconds(5))).getOrNull("/p"));
    assertThat(e.status()).isEqualTo(429);
    assertThat(e.retryAfterSeconds()).hasValue(600);
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(e.getMessage()).contains("Too many requests").contains("maxRetryWait");
    wm.verify(1, getRequestedFor(urlEqualTo("/p")));
  }

  @Test
  void status503TwiceThenSuccess() {
    stubSequence(wm, () -> get("/p"), status(503), error(503, "busy"), okJson("{\"id\":7}"));
    assertThat(client().getOrNull("/p").get("id").asInt()).isEqualTo(7);
    wm.verify(3, getRequestedFor(urlEqualTo("/p")));
  }

  @Test
  void status500IsNotRetriedAndReportsEverything() {
    wm.stubFor(get("/profile/tokens/9").willReturn(error(500, "Internal error, please retry later")));
    LinodeApiException e = catchThrowableOfType(LinodeApiException.class,
        () -> client().getOrNull("/profile/tokens/9"));
    assertThat(e.kind()).isEqualTo(Kind.HTTP_STATUS);
    assertThat(e.status()).isEqualTo(500);
    assertThat(e.method()).isEqualTo("GET");
    assertThat(e.path()).isEqualTo("/profile/tokens/9");
    assertThat(e.errors()).containsExactly(new ApiError("Internal error, please retry later", null));
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(e.getMessage())
        .isEqualTo("GET /profile/tokens/9 failed: 500 Internal Server Error: Internal error, please retry later");
    wm.verify(1, getRequestedFor(urlEqualTo("/profile/tokens/9")));
    assertNoToken(e);
  }

  @Test
  void status502BeyondRetriesFailsWithNonJsonBodyDescribed() {
    wm.stubFor(get("/p").willReturn(aResponse().withStatus(502).withBody("<html>bad gateway</html>")));
    LinodeApiException e = catchThrowableOfType(LinodeApiException.class,
        () -> client(Fixtures.config(wm).maxRetries(2)).getOrNull("/p"));
    assertThat(e.status()).isEqualTo(502);
    assertThat(e.attempts()).isEqualTo(3);
    assertThat(e.errors()).isEmpty();
    assertThat(e.getMessage()).contains("HTTP 502 Bad Gateway (non-JSON body)").doesNotContain("<html>");
    wm.verify(3, getRequestedFor(urlEqualTo("/p")));
  }

  @Test
  void status401ReportsReasonAndIsNotRetried() {
    wm.stubFor(get("/profile/tokens").willReturn(error(401, "Invalid Token")));
    LinodeApiException e = catchThrowableOfType(LinodeApiException.class,
        () -> client().getOrNull("/profile/tokens"));
    assertThat(e.status()).isEqualTo(401);
    assertThat(e.errors()).extracting(ApiError::reason).containsExactly("Invalid Token");
    wm.verify(1, getRequestedFor(urlEqualTo("/profile/tokens")));
    assertNoToken(e);
  }

  @Test
  void everyErrorReasonAndFieldIsReported() {
    wm.stubFor(put("/p").willReturn(aResponse().withStatus(400).withBody(
        "{\"errors\":[{\"reason\":\"Length must be 1-100 characters\",\"field\":\"label\"},{\"reason\":\"Bad\"}]}")));
    LinodeApiException e = catchThrowableOfType(LinodeApiException.class,
        () -> client().put("/p", JsonNodeFactory.instance.objectNode().put("label", "")));
    assertThat(e.errors()).containsExactly(new ApiError("Length must be 1-100 characters", "label"),
        new ApiError("Bad", null));
    assertThat(e.getMessage()).endsWith("400 Bad Request: Length must be 1-100 characters [field: label]; Bad");
  }

  @Test
  void notFoundOnGetOrNullIsNull() {
    wm.stubFor(get("/profile/tokens/5").willReturn(error(404, "Not found")));
    assertThat(client().getOrNull("/profile/tokens/5")).isNull();
    wm.verify(1, getRequestedFor(urlEqualTo("/profile/tokens/5")));
  }

  @Test
  void connectionResetIsRetried() {
    stubSequence(wm, () -> get("/p"), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), okJson("{\"id\":3}"));
    assertThat(client().getOrNull("/p").get("id").asInt()).isEqualTo(3);
    wm.verify(2, getRequestedFor(urlEqualTo("/p")));
  }

  @Test
  void connectionRefusedIsTransport() {
    LinodeApiException e = catchThrowableOfType(LinodeApiException.class,
        () -> client(Fixtures.config("http://127.0.0.1:1").maxRetries(1)).getOrNull("/p"));
    assertThat(e.kind()).isEqualTo(Kind.TRANSPORT);
    assertThat(e.status()).isZero();
    assertThat(e.attempts()).isEqualTo(2);
    assertNoToken(e);
  }

  @Test
  void malformedChunkIsMalformedResponse() {
    wm.stubFor(get("/p").willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
    LinodeApiException e = catchThrowableOfType(LinodeApiException.class,
        () -> client(Fixtures.config(wm).maxRetries(1)).getOrNull("/p"));
    assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
    assertThat(e.status()).isEqualTo(200);
    assertNoToken(e);
  }

  @Test
  void truncatedJsonIsMalformedAndDoesNotQuoteTheBody() {
    wm.stubFor(get("/p").willReturn(okJson("{\"data\":[{\"id\":1,\"token\":\"" + TOKEN + "\"")));
    LinodeApiException e = catchThrowableOfType(LinodeApiException.class, () -> client().getOrNull("/p"));
    assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
    assertThat(e.getMessage()).contains("not valid JSON").doesNotContain("data");
    assertNoToken(e);
    // A complete, wrong answer will not get better by asking again.
    wm.verify(1, getRequestedFor(urlEqualTo("/p")));
  }

  @Test
  void invalidTokenTextInABodyIsNotQuoted() {
    wm.stubFor(get("/p").willReturn(okJson(TOKEN)));
    LinodeApiException e = catchThrowableOfType(LinodeApiException.class, () -> client().getOrNull("/p"));
    assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
    assertNoToken(e);
  }

  @Test
  void nonObjectBodyIsMalformed() {
    wm.stubFor(get("/p").willReturn(okJson("[1,2]")));
    LinodeApiException e = catchThrowableOfType(LinodeApiException.class, () -> client().getOrNull("/p"));
    assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
    assertThat(e.getMessage()).contains("expected a JSON object");
  }

  @Test
  void postIsNeverRetriedOn503() {
    wm.stubFor(post("/profile/tokens").willReturn(error(503, "busy")));
    LinodeApiException e = catchThrowableOfType(LinodeApiException.class,
        () -> client().post("/profile/tokens", JsonNodeFactory.instance.objectNode().put("label", "x")));
    assertThat(e.status()).isEqualTo(503);
    assertThat(e.method()).isEqualTo("POST");
    assertThat(e.attempts()).isEqualTo(1);
    wm.verify(1, postRequestedFor(urlEqualTo("/profile/tokens")));
    assertThat(client.requestCount()).isEqualTo(1);
  }

  @Test
  void postWhoseReadTimesOutIsNotRetried() {
    wm.stubFor(post("/profile/tokens").willReturn(okJson("{\"id\":1,\"token\":\"" + TOKEN + "\"}")
        .withFixedDelay(1500)));
    LinodeApiException e = catchThrowableOfType(LinodeApiException.class,
        () -> client(Fixtures.config(wm).readTimeout(Duration.ofMillis(300)))
            .post("/profile/tokens", JsonNodeFactory.instance.objectNode()));
    assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
    assertThat(e.attempts()).isEqualTo(1);
    wm.verify(1, postRequestedFor(urlEqualTo("/profile/tokens")));
    assertThat(client.requestCount()).isEqualTo(1);
    assertNoToken(e);
  }

  @Test
  void getReadTimeoutIsRetriedThenTimeout() {
    wm.stubFor(get("/p").willReturn(okJson("{}").withFixedDelay(1000)));
    LinodeApiException e = catchThrowableOfType(LinodeApiException.class,
        () -> client(Fixtures.config(wm).readTimeout(Duration.ofMillis(200)).maxRetries(1)).getOrNull("/p"));
    assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
    assertThat(e.attempts()).isEqualTo(2);
  }

  @Test
  void postSendsTheBodyAndReturnsTheResponse() {
    wm.stubFor(post("/profile/tokens").willReturn(okJson("{\"id\":11,\"token\":\"abc\"}")));
    ObjectNode created = client().post("/profile/tokens", JsonNodeFactory.instance.objectNode().put("label", "日本"));
    assertThat(created.get("id").asInt()).isEqualTo(11);
    wm.verify(postRequestedFor(urlEqualTo("/profile/tokens"))
        .withHeader("Content-Type", com.github.tomakehurst.wiremock.client.WireMock.containing("application/json"))
        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalToJson("{\"label\":\"日本\"}")));
  }

  @Test
  void putIsRetried() {
    stubSequence(wm, () -> put("/p"), status(502), okJson("{\"id\":1,\"label\":\"n\"}"));
    assertThat(client().put("/p", JsonNodeFactory.instance.objectNode().put("label", "n")).get("label").asText())
        .isEqualTo("n");
    wm.verify(2, putRequestedFor(urlEqualTo("/p")));
  }

  @Test
  void deleteAcceptsEmptyObjectEmptyBodyAnd204() {
    wm.stubFor(delete("/a").willReturn(okJson("{}")));
    wm.stubFor(delete("/b").willReturn(aResponse().withStatus(200)));
    wm.stubFor(delete("/c").willReturn(aResponse().withStatus(204)));
    client().delete("/a");
    client.delete("/b");
    client.delete("/c");
    assertThat(client.requestCount()).isEqualTo(3);
  }

  @Test
  void deleteNotFoundOnFirstAttemptFails() {
    wm.stubFor(delete("/p").willReturn(error(404, "Not found")));
    LinodeApiException e = catchThrowableOfType(LinodeApiException.class, () -> client().delete("/p"));
    assertThat(e.status()).isEqualTo(404);
    assertThat(e.method()).isEqualTo("DELETE");
  }

  @Test
  void deleteNotFoundOnARetryCountsAsDeleted() {
    stubSequence(wm, () -> delete("/p"), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        error(404, "Not found"));
    client().delete("/p");
    wm.verify(2, deleteRequestedFor(urlEqualTo("/p")));
  }

  @Test
  void redirectIsRefusedAndNotFollowed() {
    wm.stubFor(get("/p").willReturn(aResponse().withStatus(302).withHeader("Location", "https://evil.example/steal")));
    LinodeApiException e = catchThrowableOfType(LinodeApiException.class, () -> client().getOrNull("/p"));
    assertThat(e.status()).isEqualTo(302);
    assertThat(e.getMessage()).contains("unexpected redirect to evil.example");
    assertThat(client.requestCount()).isEqualTo(1);
  }

  @Test
  void aRequestWithoutATokenIsRefusedBeforeSending() {
    LinodeClient c = client(Fixtures.config(wm).token(null));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.getOrNull("/p"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("token");
    assertThat(c.requestCount()).isZero();
    assertThat(wm.getAllServeEvents()).isEmpty();
  }
}
