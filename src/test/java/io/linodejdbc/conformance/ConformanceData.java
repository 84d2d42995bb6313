package io.linodejdbc.conformance;

import io.linodejdbc.sandbox.LabelMatching;
import io.linodejdbc.sandbox.SandboxServer;
import io.linodejdbc.sandbox.SandboxToken;
import io.linodejdbc.testing.SandboxFixture;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Tokens whose times fall where JVM zones make trouble: inside the daylight-saving gaps and
 * overlaps of America/New_York and Australia/Lord_Howe (half an hour), read as wall-clock times.
 */
final class ConformanceData {
  /** UTC 02:19 on the day New York springs forward: no such wall-clock time there. */
  static final LocalDateTime NY_GAP = LocalDateTime.parse("2025-03-09T02:19:00");
  /** UTC 01:30 on the day New York falls back: that wall-clock time happens twice there. */
  static final LocalDateTime NY_OVERLAP = LocalDateTime.parse("2025-11-02T01:30:00");
  /** Lord Howe springs forward from 02:00 to 02:30. */
  static final LocalDateTime LH_GAP = LocalDateTime.parse("2025-10-05T02:10:00");
  /** Lord Howe falls back from 02:00 to 01:30. */
  static final LocalDateTime LH_OVERLAP = LocalDateTime.parse("2025-04-06T01:45:00");
  static final LocalDateTime KOLKATA = LocalDateTime.parse("2025-06-01T05:30:00");
  /** An expiry inside New York's 2027 gap. */
  static final LocalDateTime NY_GAP_EXPIRY = LocalDateTime.parse("2027-03-14T02:30:00");

  private ConformanceData() {}

  static List<SandboxToken> tokens() {
    return List.of(
        new SandboxToken(1, "linode-sql", "*", LocalDateTime.parse("2024-01-15T09:30:00"), null,
            SandboxServer.DEFAULT_ACTING_TOKEN),
        new SandboxToken(2, "ny-gap", "*", NY_GAP, NY_GAP_EXPIRY, secret(2)),
        new SandboxToken(3, "ny-overlap", "*", NY_OVERLAP, null, secret(3)),
        new SandboxToken(4, "lh-gap", "*", LH_GAP, null, secret(4)),
        new SandboxToken(5, "lh-overlap", "*", LH_OVERLAP, null, secret(5)),
        new SandboxToken(6, "kolkata", "account:read_only", KOLKATA, null, secret(6)));
  }

  static SandboxFixture start() {
    return SandboxFixture.start(tokens(), LabelMatching.EXACT);
  }

  private static String secret(int n) {
    return String.format("%064x", 0xC0FFEE00L + n);
  }
}
