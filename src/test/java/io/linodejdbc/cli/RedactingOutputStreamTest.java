package io.linodejdbc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RedactingOutputStreamTest {
  private static final String SECRET = "s3cr3t-t0ken-value";

  @Test void masksEveryOccurrenceInOneWrite() throws IOException {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    RedactingOutputStream out = new RedactingOutputStream(sink, SECRET);
    out.write(("a " + SECRET + " b " + SECRET + "\n").getBytes(StandardCharsets.UTF_8));
    out.finish();
    assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("a *** b ***\n");
  }

  @Test void masksASecretSplitAcrossWritesAndFlushes() throws IOException {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(new RedactingOutputStream(sink, SECRET), true,
        StandardCharsets.UTF_8);
    String text = "password '" + SECRET + "' ok";
    for (char c : text.toCharArray()) {
      out.print(c); // autoflush: each char is written and flushed separately
    }
    out.println();
    assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("password '***' ok\n");
  }

  @Test void releasesAHeldBackPrefixThatTurnsOutHarmless() throws IOException {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    RedactingOutputStream out = new RedactingOutputStream(sink, SECRET);
    out.write("x s3cr3t".getBytes(StandardCharsets.UTF_8));
    out.flush();
    assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("x "); // could still be the secret
    out.write("-sauce\n".getBytes(StandardCharsets.UTF_8));
    assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("x s3cr3t-sauce\n");
    out.write("end s3cr".getBytes(StandardCharsets.UTF_8));
    out.finish();
    assertThat(sink.toString(StandardCharsets.UTF_8)).endsWith("end s3cr");
  }

  @Test void periodicSecretIsStillMasked() throws IOException {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    RedactingOutputStream out = new RedactingOutputStream(sink, "aaaa");
    for (byte b : "xaaaaay\n".getBytes(StandardCharsets.UTF_8)) {
      out.write(new byte[] {b}, 0, 1);
      out.flush();
    }
    out.finish();
    assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("x***ay\n");
  }

  @Test void noSecretPassesEverything() throws IOException {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    RedactingOutputStream out = new RedactingOutputStream(sink, null);
    out.write("anything".getBytes(StandardCharsets.UTF_8));
    out.write('\n');
    assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("anything\n");
  }
}
