package io.linodejdbc.sql;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An opt-in cache of scan results for one connection ({@code cacheTtl} seconds). Clients such as
 * DBeaver run a query again for every page of results they show; with the cache those re-runs
 * cost no API calls. Any write through the connection empties it, so a client never reads its
 * own stale data; changes made elsewhere (another client, the Linode console) are seen once an
 * entry expires.
 */
final class ResultCache {
  /** Most scans kept. */
  static final int CAPACITY = 64;

  private record Entry(List<Object[]> rows, long expiresAtMillis) {}

  private final long ttlMillis;
  private final Clock clock;
  private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true) {
    @Override protected boolean removeEldestEntry(Map.Entry<String, Entry> e) {
      return size() > CAPACITY;
    }
  };

  ResultCache(Duration ttl, Clock clock) {
    this.ttlMillis = ttl.toMillis();
    this.clock = clock;
  }

  synchronized @Nullable List<Object[]> get(String key) {
    Entry e = entries.get(key);
    if (e == null) {
      return null;
    }
    if (clock.millis() >= e.expiresAtMillis()) {
      entries.remove(key);
      return null;
    }
    return e.rows();
  }

  synchronized void put(String key, List<Object[]> rows) {
    entries.put(key, new Entry(List.copyOf(rows), clock.millis() + ttlMillis));
  }

  synchronized void clear() {
    entries.clear();
  }
}
