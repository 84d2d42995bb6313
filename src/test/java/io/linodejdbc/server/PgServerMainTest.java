package io.linodejdbc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** {@code linode-sql --serve}: arguments, the LISTENING line, the loopback rule. */
class PgServerMainTest {
  @Test
  void sandboxServerPrintsOneLineWithUrlAndPassword() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (PgServerMain.Running running = PgServerMain.start(new String[] {"--serve", "0",
        "--sandbox", "-p", "pageSize=100"}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8))) {
      String text = out.toString(StandardCharsets.UTF_8);
      assertThat(text.lines().toList()).hasSize(1);
      int port = running.server().port();
      assertThat(text.strip()).isEqualTo("LISTENING postgresql://127.0.0.1:" + port
          + "/linode password=" + running.sandboxPassword());
      try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port
          + "/linode", "me", running.sandboxPassword());
           Statement s = c.createStatement();
           ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM personal_access_tokens")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isPositive();
      }
    }
  }

  @Test
  void nonLoopbackAddressIsRefusedAtStart() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PgServerMain.Running running = PgServerMain.start(new String[] {"--serve", "0.0.0.0:0",
        "--sandbox"}, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(running).isNull();
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("clear-text password")
        .contains("loopback");
  }

  @Test
  void badArgumentsAreUsageErrors() {
    assertThatThrownBy(() -> PgServerMain.start(new String[] {"--serve", "70000"}, System.out,
        System.err)).hasMessageContaining("from 0 to 65535");
    assertThatThrownBy(() -> PgServerMain.start(new String[] {"--serve", "0", "--token", "x"},
        System.out, System.err)).hasMessageContaining("holds no token");
    assertThatThrownBy(() -> PgServerMain.start(new String[] {"--serve", "0", "-p",
        "token=abc"}, System.out, System.err)).hasMessageContaining("holds no token");
    assertThat(PgServerMain.wanted(new String[] {"--sandbox", "--serve", "0"})).isTrue();
    assertThat(PgServerMain.wanted(new String[] {"--sandbox"})).isFalse();
  }
}
