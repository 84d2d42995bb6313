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

  /**
   * A server closes kept-alive connections that sat idle past its own timeout (the JDK's
   * HttpServer, hence the sandbox, after 30 to 60 s); OkHttp reuses one for a GET unchecked and
   * the attempt fails. The retry must not take the next stale one of the same pool: 6 stale
   * connections, 3 retries, and still an answer on the second attempt.
   */
  @Test
  void aRetryAfterAConnectionTheServerClosedUsesAFreshOne() throws Exception {
    int stale = 6;
    java.util.List<java.net.Socket> accepted = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    java.util.concurrent.CountDownLatch allArrived = new java.util.concurrent.CountDownLatch(stale);
    try (java.net.ServerSocket server = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> {
        while (!server.isClosed()) {
          try {
            java.net.Socket socket = server.accept();
            accepted.add(socket);
            Thread serve = new Thread(() -> serve(socket, allArrived));
            serve.setDaemon(true);
            serve.start();
          } catch (java.io.IOException e) {
            return;
          }
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      java.util.List<String> paths = new java.util.ArrayList<>();
      for (int i = 1; i <= stale; i++) {
        paths.add("/profile/tokens/" + i);
      }
      try (LinodeClient client = new LinodeClient(
          Fixtures.config("http://127.0.0.1:" + server.getLocalPort()).maxRetries(3).build())) {
        int got = 0;
        try (RowCursor each = client.getEach(paths)) { // held until all arrived: one connection each
          while (each.hasNext()) {
            each.next();
            got++;
          }
        }
        assertThat(got).isEqualTo(stale);
        assertThat(accepted).hasSize(stale);
        for (java.net.Socket socket : accepted) {
          socket.close(); // what the server's idle timeout does
        }
        Thread.sleep(200);
        long before = client.requestCount();
        assertThat(client.getOrNull("/profile/tokens/1")).isNotNull();
        assertThat(client.requestCount() - before).as("one failed attempt, then a fresh connection")
            .isEqualTo(2);
      }
    }
  }

  /** Answers every request on one connection with a small object, the first ones only once all arrived. */
  private static void serve(java.net.Socket socket, java.util.concurrent.CountDownLatch allArrived) {
    try (socket) {
      java.io.InputStream in = socket.getInputStream();
      java.io.OutputStream out = socket.getOutputStream();
      while (true) {
        int matched = 0;
        for (int c = in.read(); ; c = in.read()) { // the request head ends with an empty line
          if (c < 0) {
            return;
          }
          matched = c == "\r\n\r\n".charAt(matched) ? matched + 1 : c == '\r' ? 1 : 0;
          if (matched == 4) {
            break;
          }
        }
        allArrived.countDown();
        allArrived.await(10, java.util.concurrent.TimeUnit.SECONDS);
        byte[] body = "{\"id\":1}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
            + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
      }
    } catch (java.io.IOException e) {
      // the test closed it
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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
