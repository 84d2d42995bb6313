package io.linodejdbc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {

  private final SandboxToken token = new SandboxToken(3, null, "*",
      LocalDateTime.parse("2024-01-01T10:00:00"), LocalDateTime.parse("2025-01-01T00:00:00"), "a".repeat(64));

  @Test
  void tokenShowsPrefixUnlessFullSecretIsAsked() {
    assertThat(Json.token(token, false).toString()).isEqualTo("{\"id\":3,\"label\":null,\"scopes\":\"*\","
        + "\"created\":\"2024-01-01T10:00:00\",\"expiry\":\"2025-01-01T00:00:00\","
        + "\"token\":\"" + "a".repeat(16) + "\"}");
    assertThat(Json.token(token, true).get("token").asText()).hasSize(64);
  }

  @Test
  void aPageIsWrittenToTheSameBytesAsItsTree() {
    List<SandboxToken> tokens = new java.util.ArrayList<>(SampleData.bulk(700, 11));
    tokens.add(token); // no label
    tokens.add(new SandboxToken(9, "q\"uote\\ \u00e9\u4e2d\ud83d\ude00 \n\t\u0001 </x>", "account:read_only",
        LocalDateTime.parse("0001-01-01T00:00:00"), null, "b".repeat(64))); // never expires
    tokens.add(new SandboxToken(10, "far", "*", LocalDateTime.parse("+10000-01-01T00:00:00"),
        LocalDateTime.parse("9999-12-31T23:59:59"), "c".repeat(64)));
    assertThat(Json.pageBytes(tokens, 3, 7, 3001)).isEqualTo(Json.bytes(Json.page(tokens, 3, 7, 3001)));
    assertThat(Json.pageBytes(List.of(), 1, 0, 0)).isEqualTo(Json.bytes(Json.page(List.of(), 1, 0, 0)));
  }

  @Test
  void pageEnvelope() {
    assertThat(Json.page(List.of(), 2, 1, 0).toString())
        .isEqualTo("{\"data\":[],\"page\":2,\"pages\":1,\"results\":0}");
  }

  @Test
  void errorsOmitANullField() {
    assertThat(Json.errors(List.of(ApiError.of("a"), new ApiError("b", "label"))).toString())
        .isEqualTo("{\"errors\":[{\"reason\":\"a\"},{\"reason\":\"b\",\"field\":\"label\"}]}");
  }

  @Test
  void parsingIsStrict() {
    assertThat(Json.parseObject("{\"label\":\"\\u65e5\"}", "Body", null).get("label").asText()).isEqualTo("日");
    for (String bad : new String[] {"", "[]", "1", "{\"a\":1,\"a\":2}", "{} {}", "{\"a\":", "null"}) {
      assertThatThrownBy(() -> Json.parseObject(bad, "Body", "f")).as(bad)
          .isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.errors().get(0).field()).isEqualTo("f");
          });
    }
  }

  @Test
  void bytesAreUtf8() {
    SandboxToken unicode = token.withLabel("日本");
    assertThat(new String(Json.bytes(Json.token(unicode, false)), StandardCharsets.UTF_8)).contains("日本");
  }
}
