package io.linodejdbc.sandbox;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Deterministic token sets: a friendly one for demos, a hostile one for differential tests, and a
 * plain large one for benchmarks. Same arguments, same tokens (secrets included).
 */
public final class SampleData {

  /** The expiry the real API has been seen to return for tokens created without one. */
  public static final LocalDateTime FAR_FUTURE = LocalDateTime.of(2999, 12, 12, 5, 0, 0);

  /**
   * The labels {@link #adversarial} always starts with, in this order ({@code null} = NULL label):
   * every case a label filter or a SQL engine is likely to get wrong.
   */
  static final List<String> HOSTILE_LABELS = Collections.unmodifiableList(Arrays.asList(
      // case variants of one word
      "deploy", "Deploy", "DEPLOY", "dEpLoY",
      // quotes
      "it's", "say \"hi\"", "O'Brien \"the\" token", "'", "\"", "''",
      // LIKE wildcards
      "%", "_", "100%", "50% off", "a_b", "a%b_c", "%deploy%", "__",
      // backslashes
      "\\", "\\\\", "back\\slash", "C:\\Users\\ci", "end\\",
      // JSON metacharacters
      "{\"+or\":[{\"label\":\"x\"}]}", "}", "]", ":", "{", "[", ",", "a:b", "\"label\"", "{}",
      // unicode
      "日本", "日本語トークン", "İstanbul", "istanbul", "ISTANBUL", "ıstanbul", "🚀 rocket", "emoji 😀",
      "café", "cafe\u0301", "straße", "STRASSE", "strasse", "Ünïcödé",
      // spaces, blank-looking labels, control characters
      " leading", "trailing ", " both ", " ", "  ", "tab\there", "\u00a0",
      // exactly 100 characters
      "x".repeat(100), "ä".repeat(100), ("deploy-" + "0".repeat(93)), "Z".repeat(99) + "%",
      // path-like
      "/", "a/b", "..", "../etc/passwd", "%2F", "a%2Fb", "./.",
      // words SQL or JSON might treat specially
      "null", "NULL", "true", "0", "x", "X",
      // NULL labels
      null, null, null, null, null));

  private static final String[] WORDS = {
      "deploy", "ci", "terraform", "backup", "prod", "staging", "dev", "test", "token", "key",
      "monitoring", "linode-cli", "k8s", "dns", "billing"};
  private static final LocalDateTime CREATED_FROM = LocalDateTime.of(2015, 1, 1, 0, 0, 0);
  private static final LocalDateTime CREATED_TO = LocalDateTime.of(2026, 10, 31, 23, 59, 59);
  private static final LocalDateTime PAST_LIMIT = LocalDateTime.of(2025, 12, 31, 0, 0, 0);

  private SampleData() {}

  /**
   * About eight friendly tokens for the shell demo. Token 1 ({@code linode-sql}) has the secret
   * {@link SandboxServer#DEFAULT_ACTING_TOKEN}, so with the default acting token it is "self".
   * Includes a NULL label, an expired token, never-expiring tokens (null and far-future expiry)
   * and narrow scopes.
   */
  public static List<SandboxToken> demo() {
    SplittableRandom rng = new SplittableRandom(2024);
    return List.of(
        new SandboxToken(1, "linode-sql", "*", at("2024-01-15T09:30:00"), null,
            SandboxServer.DEFAULT_ACTING_TOKEN),
        new SandboxToken(2, "ci-deploy", "linodes:read_write lke:read_write",
            at("2024-03-02T14:05:11"), at("2027-03-02T14:05:11"), Secrets.next(rng)),
        new SandboxToken(3, "terraform", "*", at("2023-06-20T08:00:00"), FAR_FUTURE, Secrets.next(rng)),
        new SandboxToken(4, "linode-cli", "*", at("2022-11-01T17:45:30"), null, Secrets.next(rng)),
        new SandboxToken(5, null, "account:read_only", at("2019-05-05T05:05:05"), null, Secrets.next(rng)),
        new SandboxToken(6, "old-laptop", "*", at("2020-02-29T23:59:59"), at("2021-02-28T00:00:00"),
            Secrets.next(rng)),
        new SandboxToken(7, "monitoring", "linodes:read_only longview:read_only",
            at("2025-08-08T08:08:08"), at("2029-12-31T23:59:59"), Secrets.next(rng)),
        new SandboxToken(8, "backup-script", "object_storage:read_write volumes:read_only",
            at("2025-11-11T11:11:11"), at("2028-01-01T00:00:00"), Secrets.next(rng)));
  }

  /**
   * Hostile data for a differential test against a SQL database. Ids 1..count; the first
   * {@code min(count, HOSTILE_LABELS.size())} labels are the fixed hostile ones (case variants,
   * quotes, {@code %}, {@code _}, backslashes, JSON metacharacters, unicode incl. combining accents
   * and emoji, blank and padded labels, 100-character labels, path-like labels, several NULLs); the
   * rest mix reused hostile labels, NULLs and generated labels in random case. About five tokens
   * share each {@code created} second (2015..2026); expiry is NULL, past (before 2026), future or
   * {@link #FAR_FUTURE}; scopes mix {@code *} and scope lists. Fully determined by the seed.
   */
  public static List<SandboxToken> adversarial(int count, long seed) {
    requireCount(count);
    SplittableRandom rng = new SplittableRandom(seed);
    LocalDateTime[] seconds = new LocalDateTime[Math.max(1, count / 5)];
    long span = CREATED_TO.toEpochSecond(ZoneOffset.UTC) - CREATED_FROM.toEpochSecond(ZoneOffset.UTC);
    for (int i = 0; i < seconds.length; i++) {
      seconds[i] = CREATED_FROM.plusSeconds(rng.nextLong(span + 1));
    }
    List<SandboxToken> tokens = new ArrayList<>(count);
    for (int id = 1; id <= count; id++) {
      String label = id <= HOSTILE_LABELS.size() ? HOSTILE_LABELS.get(id - 1) : randomLabel(rng);
      LocalDateTime created = seconds[rng.nextInt(seconds.length)];
      tokens.add(new SandboxToken(id, label, randomScopes(rng), created, randomExpiry(rng, created),
          Secrets.next(rng)));
    }
    return List.copyOf(tokens);
  }

  /**
   * Plain data for benchmarks: labels {@code bulk-<id>}, created ascending with id from 2015,
   * a few scope sets, every third token never expiring. Fast enough for 100,000 tokens.
   */
  public static List<SandboxToken> bulk(int count, long seed) {
    requireCount(count);
    SplittableRandom rng = new SplittableRandom(seed);
    String[] scopes = {"*", "linodes:read_only", "account:read_write", "domains:read_write volumes:read_only"};
    List<SandboxToken> tokens = new ArrayList<>(count);
    LocalDateTime created = CREATED_FROM;
    for (int id = 1; id <= count; id++) {
      created = created.plusSeconds(1 + rng.nextInt(3600));
      LocalDateTime expiry = id % 3 == 0 ? null : created.plusDays(365);
      tokens.add(new SandboxToken(id, "bulk-" + id, scopes[rng.nextInt(scopes.length)], created,
          expiry, Secrets.next(rng)));
    }
    return List.copyOf(tokens);
  }

  private static String randomLabel(SplittableRandom rng) {
    int roll = rng.nextInt(100);
    if (roll < 5) {
      return null;
    }
    if (roll < 25) {
      return HOSTILE_LABELS.get(rng.nextInt(HOSTILE_LABELS.size()));
    }
    String word = WORDS[rng.nextInt(WORDS.length)];
    word = switch (rng.nextInt(4)) {
      case 0 -> word.toUpperCase(Locale.ROOT);
      case 1 -> Character.toUpperCase(word.charAt(0)) + word.substring(1);
      default -> word;
    };
    return switch (rng.nextInt(5)) {
      case 0 -> word;
      case 1 -> word + "_" + rng.nextInt(100);
      case 2 -> word + "%" + rng.nextInt(10);
      case 3 -> word + " " + WORDS[rng.nextInt(WORDS.length)];
      default -> word + "-" + rng.nextInt(10_000);
    };
  }

  private static String randomScopes(SplittableRandom rng) {
    if (rng.nextInt(10) < 4) {
      return "*";
    }
    List<String> areas = new ArrayList<>(Scopes.AREAS);
    Collections.sort(areas);
    StringBuilder out = new StringBuilder();
    int wanted = 1 + rng.nextInt(4);
    int start = rng.nextInt(areas.size());
    for (int i = 0; i < wanted; i++) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(areas.get((start + i * 3) % areas.size()))
          .append(rng.nextBoolean() ? ":read_only" : ":read_write");
    }
    return out.toString();
  }

  private static LocalDateTime randomExpiry(SplittableRandom rng, LocalDateTime created) {
    int roll = rng.nextInt(10);
    if (roll < 3) {
      return null;
    }
    if (roll < 5 && created.isBefore(PAST_LIMIT.minusDays(400))) {
      return created.plusDays(1 + rng.nextInt(400));
    }
    if (roll < 8) {
      return LocalDateTime.of(2027 + rng.nextInt(9), 1 + rng.nextInt(12), 1 + rng.nextInt(28),
          rng.nextInt(24), rng.nextInt(60), rng.nextInt(60));
    }
    return FAR_FUTURE;
  }

  private static LocalDateTime at(String text) {
    return ApiDates.parse(text).orElseThrow();
  }

  private static void requireCount(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
  }
}
