package io.linodejdbc.api;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.linodejdbc.api.Fixtures.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.linodejdbc.api.LinodeApiException.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link LinodeClient#getEach}: order, 404s skipped, laziness, failures. */
class EachCursorTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private LinodeClient client;

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
  }

  private LinodeClient client() {
    client = new LinodeClient(Fixtures.config(wm).maxConcurrentRequests(3).build());
    return client;
  }

  @Test
  void deliversInPathOrderAndSkipsNotFound() {
    for (int id = 1; id <= 8; id++) {
      // Earlier ids answer more slowly, so completion order differs from path order.
      wm.stubFor(get("/profile/tokens/" + id).willReturn(okJson("{\"id\":" + id + "}").withFixedDelay((9 - id) * 15)));
    }
    wm.stubFor(get("/profile/tokens/4").willReturn(error(404, "Not found")));
    List<String> paths = new ArrayList<>();
    for (int id = 8; id >= 1; id--) {
      paths.add("/profile/tokens/" + id);
    }
    List<Integer> got = new ArrayList<>();
    try (RowCursor cursor = client().getEach(paths)) {
      cursor.forEachRemaining(o -> got.add(o.get("id").asInt()));
    }
    assertThat(got).containsExactly(8, 7, 6, 5, 3, 2, 1);
    assertThat(client.requestCount()).isEqualTo(8);
  }

  @Test
  void isLazyAndEmptyWhenAllAreMissing() {
    wm.stubFor(get("/p/1").willReturn(error(404, "Not found")));
    RowCursor cursor = client().getEach(List.of("/p/1"));
    assertThat(client.requestCount()).isZero();
    assertThat(cursor.hasNext()).isFalse();
    assertThat(client.requestCount()).isEqualTo(1);
    cursor.close();
  }

  @Test
  void aFailingPathFailsTheCursor() {
    wm.stubFor(get("/p/1").willReturn(okJson("{\"id\":1}")));
    wm.stubFor(get("/p/2").willReturn(error(403, "Unauthorized")));
    RowCursor cursor = client().getEach(List.of("/p/1", "/p/2"));
    assertThat(cursor.next().get("id").asInt()).isEqualTo(1);
    assertThatThrownBy(cursor::hasNext).isInstanceOfSatisfying(LinodeApiException.class, e -> {
      assertThat(e.status()).isEqualTo(403);
      assertThat(e.path()).isEqualTo("/p/2");
    });
    assertThatThrownBy(cursor::hasNext).isInstanceOf(LinodeApiException.class);
  }

  @Test
  void iteratingAfterCloseIsAnErrorNotASilentEnd() {
    wm.stubFor(get("/p/1").willReturn(okJson("{\"id\":1}")));
    RowCursor cursor = client().getEach(List.of("/p/1", "/p/2"));
    cursor.close();
    assertThatThrownBy(cursor::hasNext).isInstanceOfSatisfying(LinodeApiException.class,
        e -> assertThat(e.kind()).isEqualTo(Kind.CANCELLED));
  }

  @Test
  void badPathsAreRejectedUpFront() {
    assertThatThrownBy(() -> client().getEach(List.of("/ok", "no-slash")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
