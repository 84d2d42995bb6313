package io.linodejdbc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordedRequestTest {

  @Test
  void headersAreLowerCasedImmutableAndLookedUpCaseInsensitively() {
    Map<String, String> headers = new HashMap<>(Map.of("X-Filter", "{}", "Authorization", "Bearer ***"));
    RecordedRequest r = new RecordedRequest("GET", "/v4/profile/tokens", "page=2&page_size=25",
        headers, null, 200, Instant.EPOCH);
    headers.clear();
    assertThat(r.headers()).containsKeys("x-filter", "authorization");
    assertThat(r.header("X-FILTER")).contains("{}");
    assertThat(r.header("missing")).isEmpty();
    assertThat(r.body()).isEmpty();
    assertThat(r.queryParams()).containsEntry("page", "2").containsEntry("page_size", "25");
    assertThatThrownBy(() -> r.headers().put("a", "b")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void nullQueryHasNoParams() {
    RecordedRequest r = new RecordedRequest("GET", "/", null, null, "", 404, Instant.EPOCH);
    assertThat(r.queryParams()).isEmpty();
    assertThat(r.headers()).isEmpty();
  }
}
