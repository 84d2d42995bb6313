package io.linodejdbc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class CreateTokenRequestTest {

  private static final LocalDateTime NOW = LocalDateTime.parse("2026-01-01T00:00:00");

  private static CreateTokenRequest parse(String json) {
    return CreateTokenRequest.from(Json.parseObject(json, "Body", null), NOW);
  }

  @Test
  void everythingIsOptional() {
    assertThat(parse("{}")).isEqualTo(new CreateTokenRequest(null, "*", null));
    assertThat(parse("{\"label\":null,\"scopes\":null,\"expiry\":null}"))
        .isEqualTo(new CreateTokenRequest(null, "*", null));
  }

  @Test
  void readsAllFields() {
    assertThat(parse("{\"label\":\"ci\",\"scopes\":\"linodes:read_only\",\"expiry\":\"2026-01-01T00:00:01\"}"))
        .isEqualTo(new CreateTokenRequest("ci", "linodes:read_only", LocalDateTime.parse("2026-01-01T00:00:01")));
  }

  @Test
  void rejectsWithTheField() {
    assertRejected("{\"label\":\"\"}", "label");
    assertRejected("{\"label\":\"" + "y".repeat(101) + "\"}", "label");
    assertRejected("{\"scopes\":\"linodes:admin\"}", "scopes");
    assertRejected("{\"scopes\":7}", "scopes");
    assertRejected("{\"expiry\":\"2026-01-01T00:00:00\"}", "expiry");
    assertRejected("{\"expiry\":\"2030-01-01T00:00:00Z\"}", "expiry");
    assertRejected("{\"expiry\":5}", "expiry");
    assertRejected("{\"id\":5}", "id");
    assertRejected("{\"token\":\"mine\"}", "token");
  }

  private static void assertRejected(String json, String field) {
    assertThatThrownBy(() -> parse(json)).as(json).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.errors().get(0).field()).isEqualTo(field);
    });
  }
}
