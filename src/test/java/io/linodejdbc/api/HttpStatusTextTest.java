package io.linodejdbc.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HttpStatusTextTest {

  @Test
  void knownAndFallbackPhrases() {
    assertThat(HttpStatusText.of(404)).isEqualTo("Not Found");
    assertThat(HttpStatusText.of(429)).isEqualTo("Too Many Requests");
    assertThat(HttpStatusText.of(502)).isEqualTo("Bad Gateway");
    assertThat(HttpStatusText.of(599)).isEqualTo("Server Error");
    assertThat(HttpStatusText.of(418)).isEqualTo("Client Error");
  }
}
