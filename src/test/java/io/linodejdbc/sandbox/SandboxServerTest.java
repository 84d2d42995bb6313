package io.linodejdbc.sandbox;

import static io.linodejdbc.sandbox.Tokens.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.linodejdbc.sandbox.TestHttp.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** End-to-end behaviour of the sandbox over real HTTP. */
class SandboxServerTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T12:00:00.789Z"), ZoneOffset.UTC);

  private final List<SandboxServer> servers = new ArrayList<>();

  private SandboxServer start(SandboxServer.Builder builder) {
    SandboxServer server = builder.clock(CLOCK).start();
    servers.add(server);
    return server;
  }

  @AfterEach
  void stop() {
    servers.forEach(SandboxServer::close);
  }

  private static List<SandboxToken> labelled(String... labels) {
    List<SandboxToken> tokens = new ArrayList<>();
    for (int i = 0; i < labels.length; i++) {
      tokens.add(token(i + 1, labels[i], "2020-01-0" + (1 + i % 9) + "T00:00:00"));
    }
    return tokens;
  }

  private static List<Integer> ids(Reply reply) {
    List<Integer> ids = new ArrayList<>();
    reply.json().get("data").forEach(t -> ids.add(t.get("id").asInt()));
    return ids;
  }

  @Test
  void baseUrlIsLoopbackV4AndDefaultActingTokenIs64Chars() {
    SandboxServer server = start(SandboxServer.builder());
    assertThat(server.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+/v4");
    assertThat(server.actingToken()).isEqualTo(SandboxServer.DEFAULT_ACTING_TOKEN).hasSize(64);
  }

  @Test
  void requestsWithoutOrWithAWrongTokenGet401InTheApiShape() {
    SandboxServer server = start(SandboxServer.builder().tokens(labelled("a")));
    for (String bad : new String[] {null, "not-the-token"}) {
      Reply reply = new TestHttp(server, bad).list(null, null);
      assertThat(reply.status()).isEqualTo(401);
      assertThat(reply.json().toString()).isEqualTo("{\"errors\":[{\"reason\":\"Invalid Token\"}]}");
      assertThat(reply.header("Content-Type")).isEqualTo("application/json");
    }
    assertThat(new TestHttp(server).list(null, null).status()).isEqualTo(200);
  }

  @Test
  void pagingMathFollowsTheApi() {
    SandboxServer server = start(SandboxServer.builder().tokens(SampleData.bulk(1234, 1)));
    TestHttp http = new TestHttp(server);

    Reply first = http.list("page_size=500", null);
    assertThat(first.json().get("pages").asInt()).isEqualTo(3);
    assertThat(first.json().get("results").asInt()).isEqualTo(1234);
    assertThat(first.json().get("page").asInt()).isEqualTo(1);
    assertThat(first.json().get("data")).hasSize(500);

    Reply third = http.list("page=3&page_size=500", null);
    assertThat(third.json().get("data")).hasSize(234);
    assertThat(ids(third).get(0)).isEqualTo(1001);

    Reply past = http.list("page=4&page_size=500", null);
    assertThat(past.status()).isEqualTo(200);
    assertThat(past.json().get("data")).isEmpty();
    assertThat(past.json().get("page").asInt()).isEqualTo(4);
    assertThat(past.json().get("pages").asInt()).isEqualTo(3);

    assertThat(http.list(null, null).json().get("data")).hasSize(100);

    Reply tooSmall = http.list("page_size=24", null);
    assertThat(tooSmall.status()).isEqualTo(400);
    assertThat(tooSmall.json().at("/errors/0/field").asText()).isEqualTo("page_size");
    assertThat(http.list("page_size=501", null).status()).isEqualTo(400);
    assertThat(http.list("page_size=abc", null).status()).isEqualTo(400);
    assertThat(http.list("page=0", null).json().at("/errors/0/field").asText()).isEqualTo("page");
  }

  @Test
  void emptyStoreHasOnePage() {
    Reply reply = new TestHttp(start(SandboxServer.builder())).list(null, null);
    assertThat(reply.json().toString()).isEqualTo("{\"data\":[],\"page\":1,\"pages\":1,\"results\":0}");
  }

  @Test
  void listsShowPrefixPostShowsFullSecretOnceGetShowsPrefixAgain() {
    SandboxServer server = start(SandboxServer.builder().tokens(SampleData.demo()));
    TestHttp http = new TestHttp(server);
    http.list(null, null).json().get("data").forEach(t -> assertThat(t.get("token").asText()).hasSize(16));

    Reply created = http.send("POST", "/v4/profile/tokens",
        "{\"label\":\"new\",\"scopes\":\"linodes:read_only\",\"expiry\":\"2030-01-01T00:00:00\"}", null);
    assertThat(created.status()).isEqualTo(200);
    JsonNode body = created.json();
    String secret = body.get("token").asText();
    assertThat(secret).hasSize(64);
    assertThat(body.get("id").asInt()).isEqualTo(9);
    assertThat(body.get("created").asText()).isEqualTo("2026-06-01T12:00:00");
    assertThat(body.get("expiry").asText()).isEqualTo("2030-01-01T00:00:00");
    assertThat(body.get("scopes").asText()).isEqualTo("linodes:read_only");

    JsonNode again = http.get("/v4/profile/tokens/9").json();
    assertThat(again.get("token").asText()).isEqualTo(secret.substring(0, 16));
    assertThat(server.store().get(9).orElseThrow().secret()).isEqualTo(secret);
  }

  @Test
  void tokenObjectHasTheApiFieldsAndFormats() {
    SandboxServer server = start(SandboxServer.builder().tokens(SampleData.demo()));
    JsonNode five = new TestHttp(server).get("/v4beta/profile/tokens/5").json();
    assertThat(five.toString()).isEqualTo("{\"id\":5,\"label\":null,\"scopes\":\"account:read_only\","
        + "\"created\":\"2019-05-05T05:05:05\",\"expiry\":null,\"token\":\""
        + SampleData.demo().get(4).prefix() + "\"}");
  }

  @Test
  void xFilterEqualityOperatorsNestingAndOrdering() {
    SandboxServer server = start(SandboxServer.builder().tokens(
        labelled("deploy", "Deploy", "ci", null, "deploy-prod", "beta")));
    TestHttp http = new TestHttp(server);
    assertThat(ids(http.list(null, "{\"label\":\"deploy\"}"))).containsExactly(1);
    assertThat(ids(http.list(null, "{\"label\":{\"+eq\":\"ci\"}}"))).containsExactly(3);
    assertThat(ids(http.list(null, "{\"label\":{\"+neq\":\"ci\"}}"))).containsExactly(1, 2, 4, 5, 6);
    assertThat(ids(http.list(null, "{\"label\":{\"+contains\":\"deploy\"}}"))).containsExactly(1, 5);
    assertThat(ids(http.list(null, "{\"label\":{\"+gt\":\"ci\"}}"))).containsExactly(1, 5);
    assertThat(ids(http.list(null, "{\"label\":{\"+gte\":\"ci\"}}"))).containsExactly(1, 3, 5);
    assertThat(ids(http.list(null, "{\"label\":{\"+lt\":\"ci\"}}"))).containsExactly(2, 6);
    assertThat(ids(http.list(null, "{\"label\":{\"+lte\":\"ci\"}}"))).containsExactly(2, 3, 6);
    assertThat(ids(http.list(null, "{\"created\":{\"+gte\":\"2020-01-03T00:00:00\",\"+lt\":\"2020-01-05T00:00:00\"}}")))
        .containsExactly(3, 4);
    assertThat(ids(http.list(null, "{\"created\":\"2020-01-02T00:00:00\"}"))).containsExactly(2);
    assertThat(ids(http.list(null,
        "{\"+or\":[{\"label\":\"ci\"},{\"+and\":[{\"label\":{\"+contains\":\"eploy\"}},"
            + "{\"created\":{\"+gt\":\"2020-01-01T00:00:00\"}}]}]}")))
        .containsExactly(2, 3, 5);
    assertThat(ids(http.list(null, "{\"+order_by\":\"label\"}"))).containsExactly(4, 2, 6, 3, 1, 5);
    assertThat(ids(http.list(null, "{\"+order_by\":\"label\",\"+order\":\"desc\"}")))
        .containsExactly(5, 1, 3, 6, 2, 4);
    assertThat(ids(http.list(null, "{\"+order_by\":\"created\",\"+order\":\"desc\"}")))
        .containsExactly(6, 5, 4, 3, 2, 1);
  }

  @Test
  void labelMatchingExactVersusCaseInsensitiveCanBeSwitchedAtRunTime() {
    SandboxServer server = start(SandboxServer.builder().tokens(labelled("deploy", "Deploy", "DEPLOY", "x")));
    TestHttp http = new TestHttp(server);
    assertThat(ids(http.list(null, "{\"label\":\"deploy\"}"))).containsExactly(1);
    server.setLabelMatching(LabelMatching.CASE_INSENSITIVE);
    assertThat(ids(http.list(null, "{\"label\":\"deploy\"}"))).containsExactly(1, 2, 3);
    assertThat(ids(http.list(null, "{\"label\":{\"+contains\":\"PLO\"}}"))).containsExactly(1, 2, 3);
  }

  @Test
  void unicodeFilterValuesTravelEscaped() {
    SandboxServer server = start(SandboxServer.builder().tokens(labelled("日本", "İstanbul", "🚀 rocket", "x")));
    TestHttp http = new TestHttp(server);
    for (int id = 1; id <= 3; id++) {
      String label = server.store().get(id).orElseThrow().label();
      String filter = "{\"label\":" + TestHttp.asciiJson(label) + "}";
      assertThat(filter).matches("\\p{ASCII}+");
      assertThat(ids(http.list(null, filter))).containsExactly(id);
    }
  }

  @Test
  void filteringOrOrderingOnOtherFieldsIs400() {
    TestHttp http = new TestHttp(start(SandboxServer.builder().tokens(labelled("a"))));
    for (String field : new String[] {"id", "scopes", "expiry", "token"}) {
      Reply reply = http.list(null, "{\"" + field + "\":\"1\"}");
      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.json().at("/errors/0/reason").asText()).isEqualTo("Cannot filter on " + field);
      assertThat(reply.json().at("/errors/0/field").asText()).isEqualTo("X-Filter");
    }
    assertThat(http.list(null, "{\"+order_by\":\"id\"}").status()).isEqualTo(400);
    assertThat(http.list(null, "{not json").status()).isEqualTo(400);
    assertThat(http.list(null, "{\"label\":{\"+like\":\"a\"}}").status()).isEqualTo(400);
    assertThat(http.list(null, "{\"created\":\"2020-01-01T00:00:00Z\"}").status()).isEqualTo(400);
  }

  @Test
  void postValidationNamesTheField() {
    TestHttp http = new TestHttp(start(SandboxServer.builder()));
    assertPostRejected(http, "{\"label\":\"" + "x".repeat(101) + "\"}", "label");
    assertPostRejected(http, "{\"scopes\":\"linodes:write\"}", "scopes");
    assertPostRejected(http, "{\"expiry\":\"2020-01-01T00:00:00\"}", "expiry");
    assertPostRejected(http, "{\"colour\":\"red\"}", "colour");
    assertThat(http.send("POST", "/v4/profile/tokens", "[]", null).status()).isEqualTo(400);
    Reply ok = http.send("POST", "/v4/profile/tokens", "{\"label\":\"" + "x".repeat(100) + "\"}", null);
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json().get("scopes").asText()).isEqualTo("*");
    assertThat(ok.json().get("expiry").isNull()).isTrue();
  }

  private static void assertPostRejected(TestHttp http, String body, String field) {
    Reply reply = http.send("POST", "/v4/profile/tokens", body, null);
    assertThat(reply.status()).as(body).isEqualTo(400);
    assertThat(reply.json().at("/errors/0/field").asText()).isEqualTo(field);
    assertThat(reply.json().at("/errors/0/reason").asText()).isNotBlank();
  }

  @Test
  void putRelabelsAndRefusesToChangeReadOnlyFields() {
    SandboxServer server = start(SandboxServer.builder().tokens(labelled("old")));
    TestHttp http = new TestHttp(server);
    Reply reply = http.send("PUT", "/v4/profile/tokens/1", "{\"label\":\"new\",\"scopes\":\"*\"}", null);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("label").asText()).isEqualTo("new");
    assertThat(reply.json().get("token").asText()).hasSize(16);
    assertThat(server.store().get(1).orElseThrow().label()).isEqualTo("new");

    Reply changed = http.send("PUT", "/v4/profile/tokens/1", "{\"scopes\":\"account:read_only\"}", null);
    assertThat(changed.status()).isEqualTo(400);
    assertThat(changed.json().at("/errors/0/field").asText()).isEqualTo("scopes");
    assertThat(http.send("PUT", "/v4/profile/tokens/99", "{\"label\":\"x\"}", null).status()).isEqualTo(404);
  }

  @Test
  void deleteThenGetIs404() {
    SandboxServer server = start(SandboxServer.builder().tokens(labelled("a", "b")));
    TestHttp http = new TestHttp(server);
    Reply deleted = http.send("DELETE", "/v4/profile/tokens/2", null, null);
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.json().toString()).isEqualTo("{}");
    Reply gone = http.get("/v4/profile/tokens/2");
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.json().toString()).isEqualTo("{\"errors\":[{\"reason\":\"Not found\"}]}");
    assertThat(http.send("DELETE", "/v4/profile/tokens/2", null, null).status()).isEqualTo(404);
    assertThat(http.get("/v4/profile/tokens/abc").status()).isEqualTo(404);
  }

  @Test
  void revokingTheActingTokenLocksClientsOut() {
    SandboxServer server = start(SandboxServer.builder().tokens(SampleData.demo()));
    TestHttp http = new TestHttp(server);
    assertThat(http.send("DELETE", "/v4/profile/tokens/1", null, null).status()).isEqualTo(200);
    assertThat(http.list(null, null).status()).isEqualTo(401);
  }

  @Test
  void unknownPathsAre404AndWrongMethods405() {
    TestHttp http = new TestHttp(start(SandboxServer.builder()));
    assertThat(http.get("/v4/profile/apps").status()).isEqualTo(404);
    assertThat(http.get("/v3/profile/tokens").status()).isEqualTo(404);
    Reply wrong = http.send("DELETE", "/v4/profile/tokens", null, null);
    assertThat(wrong.status()).isEqualTo(405);
    assertThat(wrong.header("Allow")).isEqualTo("GET, POST");
  }

  @Test
  void listRateLimitAnswers429WithRetryAfter() {
    SandboxServer server = start(SandboxServer.builder().listRateLimit(3, Duration.ofMinutes(1)));
    TestHttp http = new TestHttp(server);
    for (int i = 0; i < 3; i++) {
      Reply ok = http.list(null, null);
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.header("X-RateLimit-Limit")).isEqualTo("3");
      assertThat(ok.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(2 - i));
      assertThat(Long.parseLong(ok.header("X-RateLimit-Reset")))
          .isGreaterThan(System.currentTimeMillis() / 1000);
    }
    Reply limited = http.list(null, null);
    assertThat(limited.status()).isEqualTo(429);
    assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
    assertThat(limited.header("X-RateLimit-Remaining")).isEqualTo("0");
    assertThat(http.get("/v4/profile/tokens/1").status()).as("single GETs are not limited").isEqualTo(404);
  }

  @Test
  // The latency is the window in which all requests must overlap; generous, for loaded machines.
  void maxInFlightEqualsTheConcurrencyUsedWithLatency() throws Exception {
    SandboxServer server = start(SandboxServer.builder().latency(Duration.ofMillis(2500)));
    TestHttp http = new TestHttp(server);
    int concurrency = 12;
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try {
      List<Future<Reply>> replies = new ArrayList<>();
      for (int i = 0; i < concurrency; i++) {
        replies.add(pool.submit(() -> http.list(null, null)));
      }
      for (Future<Reply> r : replies) {
        assertThat(r.get().status()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(server.requestLog().maxInFlight()).isEqualTo(concurrency);
    server.setLatency(Duration.ZERO);
    server.requestLog().clear();
    http.list(null, null);
    assertThat(server.requestLog().maxInFlight()).isEqualTo(1);
  }

  @Test
  void requestLogRecordsEveryRequestWithAuthorizationMasked() {
    SandboxServer server = start(SandboxServer.builder().tokens(labelled("a")));
    TestHttp http = new TestHttp(server);
    http.list("page_size=25", "{\"label\":\"a\"}");
    new TestHttp(server, "wrong").get("/v4/profile/tokens/1");
    List<RecordedRequest> log = server.requestLog().requests();
    assertThat(log).hasSize(2);
    RecordedRequest first = log.get(0);
    assertThat(first.method()).isEqualTo("GET");
    assertThat(first.path()).isEqualTo("/v4/profile/tokens");
    assertThat(first.queryParams()).containsEntry("page_size", "25");
    assertThat(first.header("X-Filter")).contains("{\"label\":\"a\"}");
    assertThat(first.header("Authorization")).contains("Bearer ***");
    assertThat(first.status()).isEqualTo(200);
    assertThat(log.get(1).status()).isEqualTo(401);
    assertThat(log.toString()).doesNotContain(server.actingToken()).doesNotContain("wrong");
  }

  @Test
  void startTwiceOrBaseUrlBeforeStartFails() {
    SandboxServer server = SandboxServer.builder().build();
    assertThatThrownBy(server::baseUrl).isInstanceOf(IllegalStateException.class);
    servers.add(server.start());
    assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
    server.close();
    server.close();
  }

  @Test
  void builderRejectsNonsense() {
    assertThatThrownBy(() -> SandboxServer.builder().port(70000)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SandboxServer.builder().listRateLimit(0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SandboxServer.builder().tokens(List.of(token(1, "a", "2020-01-01T00:00:00"),
        token(1, "b", "2020-01-01T00:00:00"))).build()).isInstanceOf(IllegalArgumentException.class);
  }
}
