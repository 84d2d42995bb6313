package io.linodejdbc.cli;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Replaces every occurrence of one secret with {@code ***} before bytes reach the underlying
 * stream.
 *
 * <p>Why: the shell hands the token to sqlline as the JDBC password, and sqlline echoes its own
 * {@code !connect -p password '...'} command when run with {@code --verbose=true}; a stack trace
 * or a driver message could quote it too. Filtering the shell's two output streams is the one
 * place that catches all of them.
 *
 * <p>Bytes are held back only while they could still be the start of the secret: a complete line
 * is written at once, and {@link #flush()} releases everything except a trailing partial match,
 * so a secret split across several writes is still caught.
 */
final class RedactingOutputStream extends FilterOutputStream {
  static final String MASK = "***";

  private final byte[] secret;
  private final byte[] mask = MASK.getBytes(StandardCharsets.UTF_8);
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

  /**
   * @param out where redacted bytes go
   * @param secret the text to hide (UTF-8); null or empty hides nothing
   */
  RedactingOutputStream(OutputStream out, String secret) {
    super(Objects.requireNonNull(out, "out"));
    this.secret = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
  }

  @Override public synchronized void write(int b) throws IOException {
    if (secret.length == 0) {
      out.write(b);
      return;
    }
    pending.write(b);
    if (b == '\n') {
      drain(false);
    }
  }

  @Override public synchronized void write(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (secret.length == 0) {
      out.write(b, off, len);
      return;
    }
    pending.write(b, off, len);
    drain(true);
  }

  @Override public synchronized void flush() throws IOException {
    drain(true);
    out.flush();
  }

  /** Writes everything still held back (a partial match cannot grow any more) and flushes. */
  synchronized void finish() throws IOException {
    drain(false);
    out.flush();
  }

  @Override public synchronized void close() throws IOException {
    drain(false);
    super.close();
  }

  /**
   * Writes the pending bytes with the secret masked.
   *
   * @param keepPartial whether to hold back a tail that is a prefix of the secret
   */
  private void drain(boolean keepPartial) throws IOException {
    if (pending.size() == 0) {
      return;
    }
    byte[] buf = pending.toByteArray();
    int start = 0;
    for (int i = 0; i + secret.length <= buf.length; ) {
      if (matchesAt(buf, i)) {
        out.write(buf, start, i - start);
        out.write(mask);
        i += secret.length;
        start = i;
      } else {
        i++;
      }
    }
    int keep = keepPartial ? partialMatchAtEnd(buf, start) : 0;
    int end = buf.length - keep;
    out.write(buf, start, end - start);
    pending.reset();
    pending.write(buf, end, keep);
  }

  private boolean matchesAt(byte[] buf, int i) {
    return Arrays.equals(buf, i, i + secret.length, secret, 0, secret.length);
  }

  /** Length of the longest tail of {@code buf[from..]} that is a proper prefix of the secret. */
  private int partialMatchAtEnd(byte[] buf, int from) {
    for (int k = Math.min(secret.length - 1, buf.length - from); k > 0; k--) {
      if (Arrays.equals(buf, buf.length - k, buf.length, secret, 0, k)) {
        return k;
      }
    }
    return 0;
  }
}
