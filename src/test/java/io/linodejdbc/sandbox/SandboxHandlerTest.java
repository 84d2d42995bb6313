package io.linodejdbc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.linodejdbc.sandbox.TestHttp.Reply;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The handler's order of checks and its recording, seen through a running server. */
class SandboxHandlerTest {

  private final SandboxServer server = SandboxServer.builder()
      .tokens(List.of(Tokens.token(1, "a", "2020-01-01T00:00:00")))
      .listRateLimit(1, Duration.ofMinutes(5))
      .start();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void authenticationComesBeforeRoutingAndRateLimiting() {
    TestHttp anonymous = new TestHttp(server, null);
    assertThat(anonymous.get("/nowhere").status()).isEqualTo(401);
    anonymous.list(null, null);
    anonymous.list(null, null);
    assertThat(new TestHttp(server).list(null, null).status()).as("401s used no capacity").isEqualTo(200);
  }

  @Test
  void invalidListRequestsStillCarryRateLimitHeaders() {
    Reply bad = new TestHttp(server).list("page_size=1", null);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.header("X-RateLimit-Limit")).isEqualTo("1");
  }

  @Test
  void recordsBodiesAndStatusesOfEveryRequest() {
    TestHttp http = new TestHttp(server);
    http.send("PUT", "/v4/profile/tokens/1", "{\"label\":\"b\"}", null);
    http.send("POST", "/v4/profile/tokens", "not json", null);
    List<RecordedRequest> log = server.requestLog().requests();
    assertThat(log).extracting(RecordedRequest::status).containsExactly(200, 400);
    assertThat(log.get(0).body()).isEqualTo("{\"label\":\"b\"}");
    assertThat(log.get(1).method()).isEqualTo("POST");
    assertThat(server.requestLog().count()).isEqualTo(2);
  }

  @Test
  void everyResponseIsJson() {
    TestHttp http = new TestHttp(server);
    for (Reply r : List.of(http.get("/x"), http.get("/v4/profile/tokens/1"),
        http.send("PATCH", "/v4/profile/tokens/1", "{}", null))) {
      assertThat(r.header("Content-Type")).isEqualTo("application/json");
      assertThat(r.json().isObject()).isTrue();
    }
  }
}
