package io.linodejdbc.sandbox;

import static io.linodejdbc.sandbox.Tokens.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenEndpointsTest {

  private final Clock clock = Clock.fixed(Instant.parse("2026-03-03T03:03:03Z"), ZoneOffset.UTC);
  private final TokenStore store = new TokenStore(clock, Secrets.random());
  private final RuntimeSettings settings = new RuntimeSettings(Duration.ZERO, LabelMatching.EXACT);
  private final TokenEndpoints endpoints = new TokenEndpoints(store, settings, clock);

  @Test
  void listFiltersOrdersAndPages() {
    store.replaceAll(List.of(token(1, "b", "2020-01-01T00:00:00"), token(2, "a", "2020-01-01T00:00:00"),
        token(3, "B", "2020-01-01T00:00:00")));
    ApiResponse r = endpoints.list(Map.of("page_size", "25"), "{\"+order_by\":\"label\",\"label\":{\"+neq\":\"B\"}}");
    assertThat(r.body().get("results").asInt()).isEqualTo(2);
    assertThat(r.body().at("/data/0/id").asInt()).isEqualTo(2);
    settings.setLabelMatching(LabelMatching.CASE_INSENSITIVE);
    assertThat(endpoints.list(Map.of(), "{\"label\":\"B\"}").body().get("results").asInt()).isEqualTo(2);
  }

  @Test
  void createUsesTheClockAndShowsTheFullSecret() {
    ApiResponse r = endpoints.create("{\"label\":\"x\",\"expiry\":\"2026-03-03T03:03:04\"}");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("created").asText()).isEqualTo("2026-03-03T03:03:03");
    assertThat(r.body().get("token").asText()).isEqualTo(store.get(1).orElseThrow().secret());
    assertThatThrownBy(() -> endpoints.create("{\"expiry\":\"2026-03-03T03:03:03\"}"))
        .isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> endpoints.create("")).isInstanceOf(ApiException.class);
  }

  @Test
  void getUpdateDelete() {
    store.replaceAll(List.of(token(5, "a", "2020-01-01T00:00:00")));
    assertThat(endpoints.get(5).body().get("token").asText()).hasSize(16);
    assertThat(endpoints.update(5, "{\"label\":\"b\"}").body().get("label").asText()).isEqualTo("b");
    assertThat(endpoints.update(5, "{}").body().get("label").asText()).isEqualTo("b");
    assertThat(endpoints.delete(5).body().toString()).isEqualTo("{}");
    for (Runnable call : List.<Runnable>of(() -> endpoints.get(5), () -> endpoints.delete(5),
        () -> endpoints.update(5, "{\"label\":\"c\"}"))) {
      assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class,
          e -> assertThat(e.status()).isEqualTo(404));
    }
  }
}
