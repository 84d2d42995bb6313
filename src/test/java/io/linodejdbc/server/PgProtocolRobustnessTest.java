package io.linodejdbc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linodejdbc.sandbox.LabelMatching;
import io.linodejdbc.sandbox.SampleData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken clients: each gets an error and loses its connection; the server stays up
 * and other sessions are unaffected.
 */
class PgProtocolRobustnessTest {
  private static PgServerFixture f;
  /** A session open through every test: it must keep working. */
  private static Connection bystander;

  @BeforeAll
  static void start() throws SQLException {
    f = PgServerFixture.start(SampleData.bulk(300, 3));
    bystander = f.connect();
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  private static void serverStillServes() throws SQLException {
    try (Statement s = bystander.createStatement();
         ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM personal_access_tokens")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(300);
    }
    try (Connection fresh = f.connect(); Statement s = fresh.createStatement();
         ResultSet rs = s.executeQuery("SELECT id FROM personal_access_tokens WHERE id = 7")) {
      assertThat(rs.next()).isTrue();
    }
  }

  @Test
  void unknownProtocolVersionIsRefused() throws Exception {
    try (RawPgClient c = new RawPgClient(f.server.port())) {
      c.send(RawPgClient.startup(4 << 16, "user", "x", "database", "linode"));
      RawPgClient.Message m = c.read();
      assertThat(m.type()).isEqualTo('E');
      assertThat(m.field('C')).isEqualTo("0A000");
      assertThat(m.field('M')).contains("unsupported frontend protocol 4.0");
      assertThat(c.read()).isNull();
    }
    serverStillServes();
  }

  @Test
  void sslAndGssEncryptionRequestsAreDeclinedThenStartupContinues() throws Exception {
    try (RawPgClient c = new RawPgClient(f.server.port())) {
      c.send(ByteBuffer.allocate(8).putInt(8).putInt(PgSession.SSL_REQUEST).array());
      assertThat(c.readByte()).isEqualTo('N');
      c.send(ByteBuffer.allocate(8).putInt(8).putInt(PgSession.GSSENC_REQUEST).array());
      assertThat(c.readByte()).isEqualTo('N');
      RawPgClient.Message ready = c.login(f.token());
      assertThat(ready).isNotNull();
      assertThat(ready.type()).isEqualTo('Z');
    }
  }

  @Test
  void randomBytesAfterLoginCloseThatConnectionOnly() throws Exception {
    Random random = new Random(12);
    for (int round = 0; round < 20; round++) {
      try (RawPgClient c = new RawPgClient(f.server.port())) {
        assertThat(c.login(f.token()).type()).isEqualTo('Z');
        byte[] junk = new byte[1 + random.nextInt(200)];
        random.nextBytes(junk);
        c.send(junk);
        c.socket.shutdownOutput();
        // Whatever the bytes meant, the session ends (an error first where they were framed).
        for (RawPgClient.Message m = c.read(); m != null; m = safeRead(c)) {
          if (m.type() == 'E') {
            assertThat(m.field('C')).isNotNull();
            assertThat(m.field('M')).doesNotContain("Exception");
          }
        }
      }
    }
    serverStillServes();
  }

  private static RawPgClient.Message safeRead(RawPgClient c) {
    try {
      return c.read();
    } catch (IOException e) {
      return null;
    }
  }

  @Test
  void randomStartupPacketsAreRefused() throws Exception {
    Random random = new Random(99);
    for (int round = 0; round < 20; round++) {
      try (RawPgClient c = new RawPgClient(f.server.port())) {
        byte[] junk = new byte[4 + random.nextInt(100)];
        random.nextBytes(junk);
        c.send(junk);
        c.socket.shutdownOutput();
        while (safeRead(c) != null) {
          // drain until the server closes
        }
      }
    }
    serverStillServes();
  }

  @Test
  void truncatedMessageThenDisconnect() throws Exception {
    try (RawPgClient c = new RawPgClient(f.server.port())) {
      assertThat(c.login(f.token()).type()).isEqualTo('Z');
      byte[] query = RawPgClient.message('Q', RawPgClient.cstring("SELECT 1"));
      c.send(java.util.Arrays.copyOf(query, 7)); // the length says more is coming
    }
    // A message whose fields run past its end: a protocol error, not an exception.
    try (RawPgClient c = new RawPgClient(f.server.port())) {
      assertThat(c.login(f.token()).type()).isEqualTo('Z');
      c.send(RawPgClient.message('B', new byte[] {'p', 0, 's', 0, 0, 5}));
      RawPgClient.Message e = c.readUntil('E');
      assertThat(e.field('C')).isEqualTo("08P01");
      assertThat(e.field('M')).contains("truncated");
    }
    serverStillServes();
  }

  @Test
  void oversizedMessageGetsAClearError() throws Exception {
    try (RawPgClient c = new RawPgClient(f.server.port())) {
      assertThat(c.login(f.token()).type()).isEqualTo('Z');
      c.send(ByteBuffer.allocate(5).put((byte) 'Q').putInt(64 * 1024 * 1024).array());
      RawPgClient.Message e = c.readUntil('E');
      assertThat(e.field('C')).isEqualTo("54000");
      assertThat(e.field('M')).contains("exceeds").contains("--max-message-bytes");
      assertThat(safeRead(c)).isNull();
    }
    serverStillServes();
  }

  @Test
  void aClientThatDisappearsMidQuery() throws Exception {
    f.sandbox.setLatency(Duration.ofMillis(300));
    try {
      int before = f.server.activeSessions();
      try (RawPgClient c = new RawPgClient(f.server.port())) {
        assertThat(c.login(f.token()).type()).isEqualTo('Z');
        c.send(RawPgClient.message('Q', RawPgClient.cstring(
            "SELECT COUNT(DISTINCT label) FROM personal_access_tokens")));
      } // gone before the answer
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (f.server.activeSessions() > before && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(f.server.activeSessions()).isEqualTo(before);
    } finally {
      f.sandbox.setLatency(Duration.ZERO);
    }
    serverStillServes();
  }

  @Test
  void sixteenClientsAtOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        int id = 1 + t;
        answers.add(pool.submit(() -> {
          try (Connection c = f.connect(); Statement s = c.createStatement()) {
            int sum = 0;
            for (int round = 0; round < 5; round++) {
              try (ResultSet rs = s.executeQuery("SELECT id FROM personal_access_tokens"
                  + " WHERE id = " + id)) {
                rs.next();
                sum += rs.getInt(1);
              }
            }
            return sum;
          }
        }));
      }
      for (int t = 0; t < 16; t++) {
        assertThat(answers.get(t).get(120, TimeUnit.SECONDS)).isEqualTo(5 * (1 + t));
      }
    } finally {
      pool.shutdownNow();
    }
    serverStillServes();
  }

  @Test
  void connectionsBeyondTheLimitAreRefusedClearly() throws Exception {
    try (PgServerFixture small = PgServerFixture.start(SampleData.demo(), LabelMatching.EXACT, 2,
        0, Map.of());
         Connection a = small.connect(); Connection b = small.connect()) {
      assertThatThrownBy(small::connect)
          .isInstanceOfSatisfying(SQLException.class, e ->
              assertThat(e.getSQLState()).isEqualTo("53300"))
          .hasMessageContaining("too many clients");
      a.close();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (small.server.activeSessions() > 1 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      try (Connection again = small.connect(); Statement s = again.createStatement();
           ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM personal_access_tokens")) {
        assertThat(rs.next()).isTrue();
      }
      assertThat(b.isValid(5)).isTrue();
    }
  }

  @Test
  void idleSessionsAreClosed() throws Exception {
    try (PgServerFixture idle = PgServerFixture.start(SampleData.demo(), LabelMatching.EXACT, 4,
        300, Map.of());
         RawPgClient c = new RawPgClient(idle.server.port())) {
      assertThat(c.login(idle.token()).type()).isEqualTo('Z');
      RawPgClient.Message m = c.readUntil('E'); // nothing sent: the server ends the session
      assertThat(m.field('C')).isEqualTo("57P05");
      assertThat(m.field('S')).isEqualTo("FATAL");
      assertThat(safeRead(c)).isNull();
    }
  }
}
