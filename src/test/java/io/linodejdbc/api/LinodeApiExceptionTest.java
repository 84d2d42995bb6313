package io.linodejdbc.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.linodejdbc.api.LinodeApiException.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinodeApiExceptionTest {

  @Test
  void messageIsOneLineWithEveryReasonAndField() {
    LinodeApiException e = LinodeApiException.builder(Kind.HTTP_STATUS, "GET", "/profile/tokens/5")
        .status(404).errors(List.of(new ApiError("Not found", "x"), new ApiError("Also bad", null))).build();
    assertThat(e.getMessage()).isEqualTo("GET /profile/tokens/5 failed: 404 Not Found: Not found [field: x]; Also bad");
    assertThat(e.status()).isEqualTo(404);
    assertThat(e.method()).isEqualTo("GET");
    assertThat(e.path()).isEqualTo("/profile/tokens/5");
    assertThat(e.kind()).isEqualTo(Kind.HTTP_STATUS);
    assertThat(e.errors()).hasSize(2);
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(e.retryAfterSeconds()).isEmpty();
    assertThat(e).isInstanceOf(RuntimeException.class);
  }

  @Test
  void attemptsAndRetryAfterAreReported() {
    LinodeApiException e = LinodeApiException.builder(Kind.HTTP_STATUS, "GET", "/p").status(429)
        .errors(List.of(new ApiError("Too many requests", null))).retryAfterSeconds(30).attempts(3).build();
    assertThat(e.retryAfterSeconds()).hasValue(30);
    assertThat(e.attempts()).isEqualTo(3);
    assertThat(e.getMessage()).isEqualTo("GET /p failed: 429 Too Many Requests: Too many requests (after 3 attempts)");
  }

  @Test
  void nonHttpKindsSayWhatHappened() {
    assertThat(LinodeApiException.builder(Kind.TIMEOUT, "GET", "/p").build().getMessage())
        .isEqualTo("GET /p failed: timed out");
    assertThat(LinodeApiException.builder(Kind.INCONSISTENT_LISTING, "GET", "/p?page=2").detail("id 3 appeared twice")
        .build().getMessage())
        .contains("the list changed while it was being read").contains("run the query again").contains("id 3");
    assertThat(LinodeApiException.builder(Kind.CANCELLED, "DELETE", "/p").attempts(0).build().getMessage())
        .isEqualTo("DELETE /p failed: cancelled");
    assertThat(LinodeApiException.builder(Kind.MALFORMED_RESPONSE, "GET", "/p").status(200).build().status())
        .isEqualTo(200);
  }

  @Test
  void errorsListIsImmutable() {
    LinodeApiException e = LinodeApiException.builder(Kind.HTTP_STATUS, "GET", "/p").status(400)
        .errors(List.of(new ApiError("bad", "label"))).build();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> e.errors().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
