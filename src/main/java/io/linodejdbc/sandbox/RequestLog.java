package io.linodejdbc.sandbox;

import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every request the server saw, in arrival order, plus concurrency figures. Thread-safe.
 *
 * <p>Why concurrency figures: the driver fetches pages concurrently and must bound how many
 * requests it has in flight; {@link #maxInFlight()} lets a test prove both that it parallelises and
 * that it respects its limit.
 *
 * <p>A request is recorded just before its response is written (so a client that has its answer
 * always finds it in the log) and stops counting as in flight after the response is sent.
 */
public final class RequestLog {

  private final AtomicLong arrivals = new AtomicLong();
  private final ConcurrentSkipListMap<Long, RecordedRequest> requests = new ConcurrentSkipListMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();

  /** A snapshot of the recorded requests in arrival order. */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests.values());
  }

  /** Forgets all recorded requests and resets {@link #maxInFlight()} to the current in-flight count. */
  public void clear() {
    requests.clear();
    maxInFlight.set(inFlight.get());
  }

  /** The highest number of requests handled at once since creation or {@link #clear()}. */
  public int maxInFlight() {
    return maxInFlight.get();
  }

  /** How many requests are recorded. */
  public long count() {
    return requests.size();
  }

  /** Marks a request's arrival; returns its arrival sequence number for {@link #record}. */
  long arrived() {
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    return arrivals.incrementAndGet();
  }

  /** Stores the finished request under its arrival sequence number. */
  void record(long sequence, RecordedRequest request) {
    requests.put(sequence, request);
  }

  /** Marks a request as no longer in flight (its response has been sent). */
  void finished() {
    inFlight.decrementAndGet();
  }
}
