package io.linodejdbc.api;

import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * The shared OkHttp clients: an {@code http://} base URL gets the clear-text one, which set up no
 * TLS (no trust store, no SSL context: the one-shot start-up cost), an {@code https://} one the
 * TLS client; both share one connection pool and dispatcher.
 */
class SharedHttpTest {

  @Test
  void clearTextUrlsGetTheClientWithoutTls() {
    OkHttpClient http = LinodeClient.sharedHttp("http://127.0.0.1:8080/v4");
    assertThat(http).isSameAs(LinodeClient.SHARED_HTTP);
    assertThat(http.connectionSpecs()).containsExactly(ConnectionSpec.CLEARTEXT);
    assertThat(http.x509TrustManager()).isNull();
    assertThat(LinodeClient.sharedHttp("HTTP://localhost/v4")).isSameAs(LinodeClient.SHARED_HTTP);
  }

  @Test
  void httpsUrlsGetTheTlsClientOnTheSamePool() {
    OkHttpClient https = LinodeClient.sharedHttp(ApiConfig.DEFAULT_BASE_URL);
    assertThat(https).isNotSameAs(LinodeClient.SHARED_HTTP);
    assertThat(https.connectionSpecs()).contains(ConnectionSpec.MODERN_TLS);
    assertThat(https.x509TrustManager()).isNotNull();
    assertThat(https.connectionPool()).isSameAs(LinodeClient.SHARED_HTTP.connectionPool());
    assertThat(https.dispatcher()).isSameAs(LinodeClient.SHARED_HTTP.dispatcher());
    assertThat(https.followRedirects()).isFalse();
    assertThat(https.retryOnConnectionFailure()).isFalse();
    assertThat(LinodeClient.sharedHttp("https://api.example.test/v4")).isSameAs(https);
  }
}
