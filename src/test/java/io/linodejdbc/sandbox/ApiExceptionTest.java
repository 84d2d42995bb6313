package io.linodejdbc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiExceptionTest {

  @Test
  void factoriesUseTheApiWording() {
    assertThat(ApiException.notFound().status()).isEqualTo(404);
    assertThat(ApiException.notFound().errors()).containsExactly(ApiError.of("Not found"));
    assertThat(ApiException.unauthorized().errors()).containsExactly(ApiError.of("Invalid Token"));
    ApiException bad = ApiException.badRequest("too long", "label");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.errors()).containsExactly(new ApiError("too long", "label"));
    assertThat(bad.headers()).isEmpty();
    assertThat(ApiException.methodNotAllowed("GET").headers()).containsEntry("Allow", "GET");
  }
}
