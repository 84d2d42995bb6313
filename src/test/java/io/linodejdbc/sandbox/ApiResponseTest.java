package io.linodejdbc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiResponseTest {

  @Test
  void errorResponsesCarryTheEnvelopeAndHeaders() {
    ApiResponse r = ApiResponse.of(ApiException.methodNotAllowed("GET, POST"));
    assertThat(r.status()).isEqualTo(405);
    assertThat(r.body().toString()).isEqualTo("{\"errors\":[{\"reason\":\"Method Not Allowed\"}]}");
    assertThat(r.headers()).containsEntry("Allow", "GET, POST");
  }

  @Test
  void withHeadersAdds() {
    ApiResponse r = ApiResponse.ok(Json.empty()).withHeaders(Map.of("X-A", "1"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.headers()).containsExactly(Map.entry("X-A", "1"));
  }
}
