package io.linodejdbc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiErrorTest {

  @Test
  void reasonIsRequiredFieldIsOptional() {
    assertThat(ApiError.of("Not found").field()).isNull();
    assertThat(new ApiError("bad", "label").field()).isEqualTo("label");
    assertThatThrownBy(() -> new ApiError(null, "x")).isInstanceOf(NullPointerException.class);
  }
}
