package io.linodejdbc.sandbox;

import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Makes 64-character lower-case hexadecimal secrets, the shape of real Linode tokens.
 *
 * <p>Random for new tokens (so tests cannot accidentally depend on a value), seeded for sample
 * data (so a differential test can be replayed).
 */
final class Secrets {

  /** Length of a full secret. */
  static final int LENGTH = 64;

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Secrets() {}

  /** A source of unpredictable secrets. */
  static Supplier<String> random() {
    SecureRandom random = new SecureRandom();
    return () -> {
      synchronized (random) {
        return hex(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
      }
    };
  }

  /** The next deterministic secret from {@code random}. */
  static String next(SplittableRandom random) {
    return hex(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
  }

  private static String hex(long... words) {
    char[] out = new char[LENGTH];
    int i = 0;
    for (long word : words) {
      for (int shift = 60; shift >= 0; shift -= 4) {
        out[i++] = HEX[(int) (word >>> shift) & 0xf];
      }
    }
    return new String(out);
  }
}
