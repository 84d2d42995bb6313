package io.linodejdbc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UpdateTokenRequestTest {

  private static final SandboxToken CURRENT = new SandboxToken(4, "old", "linodes:read_only",
      LocalDateTime.parse("2024-01-01T00:00:00"), null, "abcdefghijklmnop" + "0".repeat(48));

  private static UpdateTokenRequest parse(String json) {
    return UpdateTokenRequest.from(Json.parseObject(json, "Body", null), CURRENT);
  }

  @Test
  void labelOnly() {
    assertThat(parse("{\"label\":\"new\"}").label()).contains("new");
    assertThat(parse("{}").label()).isEmpty();
  }

  @Test
  void readOnlyFieldsEqualToCurrentValuesAreIgnored() {
    assertThat(parse("{\"id\":4,\"label\":\"n\",\"scopes\":\"linodes:read_only\",\"created\":\"2024-01-01T00:00:00\","
        + "\"expiry\":null,\"token\":\"abcdefghijklmnop\"}").label()).isEqualTo(Optional.of("n"));
  }

  @Test
  void changedReadOnlyFieldsAreRejected() {
    assertRejected("{\"id\":5}", "id");
    assertRejected("{\"scopes\":\"*\"}", "scopes");
    assertRejected("{\"created\":\"2024-01-01T00:00:01\"}", "created");
    assertRejected("{\"expiry\":\"2030-01-01T00:00:00\"}", "expiry");
    assertRejected("{\"token\":\"zzzz\"}", "token");
    assertRejected("{\"label\":null}", "label");
    assertRejected("{\"label\":\"" + "q".repeat(101) + "\"}", "label");
    assertRejected("{\"colour\":1}", "colour");
  }

  private static void assertRejected(String json, String field) {
    assertThatThrownBy(() -> parse(json)).as(json).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.errors().get(0).field()).isEqualTo(field);
    });
  }
}
