package io.linodejdbc.reliability;

import io.linodejdbc.sandbox.Fault;
import io.linodejdbc.sandbox.FaultPlan;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Random faults, reproducible from a seed whatever order concurrent requests arrive in: the fault
 * for a request depends only on the seed, the current "round" (the chaos run sets one per query),
 * the request's method, path, query and X-Filter, and how many times that same request was seen in
 * this round (so the retry of a failed page gets its own, independent roll).
 */
final class SeededFaultPlan implements FaultPlan {

  /** The kinds of fault injected, with their per-request probability (per mille). */
  enum Kind {
    RATE_LIMITED_0S(30), RATE_LIMITED_1S(4), STATUS_500(10), STATUS_502(12), STATUS_503(12), STATUS_504(12),
    DROP_CONNECTION(20), STALL(6), TRUNCATED(15), MALFORMED(10);

    final int perMille;

    Kind(int perMille) {
      this.perMille = perMille;
    }
  }

  private static final String[] MALFORMED = {
      "{\"data\": [", "<html><body>502 Bad Gateway</body></html>", "[]", "null", "\"ok\"",
      "{\"data\":\"nope\",\"page\":1,\"pages\":1,\"results\":1}",
      "{\"data\":[{\"id\":\"abc\",\"created\":17}],\"page\":1,\"pages\":1,\"results\":1}",
      "{\"id\":{\"nested\":true},\"created\":\"yesterday\"}", "\u0000\u0001\u0002", "{\"page\":1}",
  };

  private final long seed;
  private final Duration stall;
  private volatile long round;
  private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
  private final Map<Kind, AtomicLong> injected = new EnumMap<>(Kind.class);
  private final AtomicLong requests = new AtomicLong();

  SeededFaultPlan(long seed, Duration stall) {
    this.seed = seed;
    this.stall = stall;
    for (Kind k : Kind.values()) {
      injected.put(k, new AtomicLong());
    }
  }

  /** Starts a new round (e.g. the next query): occurrence counts restart. */
  void round(long r) {
    round = r;
    seen.clear();
  }

  long requests() {
    return requests.get();
  }

  Map<Kind, Long> injected() {
    Map<Kind, Long> m = new EnumMap<>(Kind.class);
    injected.forEach((k, v) -> m.put(k, v.get()));
    return m;
  }

  long injectedTotal() {
    return injected.values().stream().mapToLong(AtomicLong::get).sum();
  }

  @Override
  public Fault decide(FaultRequest request) {
    requests.incrementAndGet();
    String key = request.line() + " " + request.xFilter();
    int occurrence = seen.computeIfAbsent(key, k -> new AtomicInteger()).getAndIncrement();
    long h = seed * 0x9E3779B97F4A7C15L + round * 0xC2B2AE3D27D4EB4FL + occurrence;
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      h = h * 31 + b;
    }
    SplittableRandom rng = new SplittableRandom(h);
    int roll = rng.nextInt(1000);
    for (Kind k : Kind.values()) {
      if (roll < k.perMille) {
        injected.get(k).incrementAndGet();
        return fault(k, rng);
      }
      roll -= k.perMille;
    }
    return Fault.none();
  }

  private Fault fault(Kind k, SplittableRandom rng) {
    return switch (k) {
      case RATE_LIMITED_0S -> Fault.tooManyRequests(0);
      case RATE_LIMITED_1S -> Fault.tooManyRequests(1);
      case STATUS_500 -> Fault.status(500, "Internal Server Error");
      case STATUS_502 -> Fault.status(502, "Bad Gateway");
      case STATUS_503 -> Fault.status(503, "Service Unavailable");
      case STATUS_504 -> Fault.status(504, "Gateway Timeout");
      case DROP_CONNECTION -> Fault.dropConnection();
      case STALL -> Fault.stall(stall);
      case TRUNCATED -> Fault.truncatedBody("{\"data\": [{\"id\": 1, \"label\": \"trunc", 4096);
      case MALFORMED -> Fault.body(200, Map.of(),
          MALFORMED[rng.nextInt(MALFORMED.length)].getBytes(StandardCharsets.UTF_8));
    };
  }
}
