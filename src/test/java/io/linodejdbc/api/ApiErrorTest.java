package io.linodejdbc.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiErrorTest {

  @Test
  void rendersReasonAndOptionalField() {
    assertThat(new ApiError("Not found", null)).hasToString("Not found");
    assertThat(new ApiError("Length must be 1-100 characters", "label"))
        .hasToString("Length must be 1-100 characters [field: label]");
  }

  @Test
  void nullReasonBecomesEmpty() {
    assertThat(new ApiError(null, "x").reason()).isEmpty();
  }
}
