package io.linodejdbc.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.sandbox.SandboxServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A concurrent scan leaves all its connections in the shared pool, so the next scan reuses them
 * instead of opening (against the real API: TCP + TLS handshaking) new ones.
 */
class ConnectionReuseTest {

  @Test
  void aConcurrentScanKeepsEveryConnectionForTheNext() {
    try (SandboxServer server = SandboxServer.builder().tokens(SampleData.bulk(5_000, 3))
        .latency(Duration.ofMillis(30)).start();
         LinodeClient client = new LinodeClient(ApiConfig.builder().baseUrl(server.baseUrl())
             .token(server.actingToken()).maxConcurrentRequests(8).build())) {
      assertThat(scan(client)).isEqualTo(5_000);
      assertThat(server.requestLog().maxInFlight()).isGreaterThanOrEqualTo(2);
      // OkHttp's default pool keeps 5 idle connections: 3 of 8 would be closed here.
      assertThat(LinodeClient.SHARED_HTTP.connectionPool().idleConnectionCount())
          .isGreaterThanOrEqualTo(server.requestLog().maxInFlight());
      assertThat(scan(client)).isEqualTo(5_000);
    }
  }

  private static long scan(LinodeClient client) {
    long rows = 0;
    try (RowCursor c = client.list(ListRequest.builder("/profile/tokens").pageSize(500).build())) {
      while (c.hasNext()) {
        c.next();
        rows++;
      }
    }
    return rows;
  }
}
