package io.linodejdbc.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiConfigTest {

  @Test
  void defaults() {
    ApiConfig c = ApiConfig.builder().build();
    assertThat(c.baseUrl()).isEqualTo("https://api.linode.com/v4");
    assertThat(c.token()).isNull();
    assertThat(c.pageSize()).isEqualTo(500);
    assertThat(c.maxConcurrentRequests()).isEqualTo(64);
    assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(c.readTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.maxRetries()).isEqualTo(4);
    assertThat(c.retryBaseDelay()).isEqualTo(Duration.ofMillis(250));
    assertThat(c.maxRetryWait()).isEqualTo(Duration.ofSeconds(120));
    // Tests run from classes, not a jar, so there is no Implementation-Version.
    assertThat(c.userAgent()).isEqualTo("linode-jdbc/dev");
  }

  @Test
  void trailingSlashesAreRemovedAndToBuilderRoundTrips() {
    ApiConfig c = ApiConfig.builder().baseUrl("https://example.com/v4beta//").token("t").pageSize(100).build();
    assertThat(c.baseUrl()).isEqualTo("https://example.com/v4beta");
    assertThat(c.toBuilder().build()).isEqualTo(c);
    assertThat(c.toBuilder().pageSize(200).build().pageSize()).isEqualTo(200);
  }

  @Test
  void toStringHidesTheToken() {
    ApiConfig c = ApiConfig.builder().token(Fixtures.TOKEN).build();
    assertThat(c.toString()).doesNotContain(Fixtures.TOKEN).contains("token=***").contains("pageSize=500");
    assertThat(ApiConfig.builder().build().toString()).contains("token=<none>");
    assertThat(ApiConfig.builder().token("  ").build().token()).isNull();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 24, 501, -1})
  void pageSizeOutOfRangeIsRejected(int size) {
    assertThatThrownBy(() -> ApiConfig.builder().pageSize(size).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("25").hasMessageContaining("500");
  }

  @Test
  void pageSizeBoundsAreAccepted() {
    assertThat(ApiConfig.builder().pageSize(25).build().pageSize()).isEqualTo(25);
    assertThat(ApiConfig.builder().pageSize(500).build().pageSize()).isEqualTo(500);
  }

  @Test
  void otherBadNumbersAreRejected() {
    assertThatThrownBy(() -> ApiConfig.builder().maxConcurrentRequests(0).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxConcurrentRequests");
    assertThatThrownBy(() -> ApiConfig.builder().maxRetries(-1).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRetries");
    assertThatThrownBy(() -> ApiConfig.builder().readTimeout(Duration.ofMillis(-1)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("readTimeout");
    assertThatThrownBy(() -> ApiConfig.builder().connectTimeout(Duration.ofMillis(-1)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout");
    assertThatThrownBy(() -> ApiConfig.builder().retryBaseDelay(Duration.ofMillis(-1)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retryBaseDelay");
    assertThatThrownBy(() -> ApiConfig.builder().maxRetryWait(Duration.ofMillis(-1)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRetryWait");
  }

  @Test
  void clearTextHttpToARemoteHostIsRefused() {
    assertThatThrownBy(() -> ApiConfig.builder().baseUrl("http://api.linode.com/v4").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the token would travel in clear text; use https:// or a loopback address");
    assertThatThrownBy(() -> ApiConfig.builder().baseUrl("http://10.0.0.1:8080").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clear text");
    // Looks like loopback, but is a DNS name anyone can register.
    assertThatThrownBy(() -> ApiConfig.builder().baseUrl("http://127.0.0.1.evil.example/").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clear text");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:8080", "http://127.0.0.1:1234/v4", "http://127.9.8.7", "http://[::1]:99/v4",
      "HTTP://LOCALHOST"})
  void clearTextHttpToLoopbackIsAllowed(String url) {
    assertThat(ApiConfig.builder().baseUrl(url).build().baseUrl()).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://api.linode.com/v4", "api.linode.com/v4", "https://exa mple.com", "", "https://",
      "https://user:pw@api.linode.com/v4", "https://api.linode.com/v4?x=1"})
  void malformedOrNonHttpUrlsAreRejected(String url) {
    assertThatThrownBy(() -> ApiConfig.builder().baseUrl(url).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUrl");
  }

  @Test
  void tokenThatCannotBeAHeaderIsRejectedWithoutEchoingIt() {
    String bad = "tok-\u00e9-" + Fixtures.TOKEN;
    assertThatThrownBy(() -> ApiConfig.builder().token(bad).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(Fixtures.TOKEN)
        .hasMessageContaining("token");
  }
}
