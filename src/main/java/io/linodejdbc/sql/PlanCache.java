package io.linodejdbc.sql;

import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.calcite.jdbc.CalcitePrepare.CalciteSignature;

/**
 * Prepared statements of one connection, by SQL text, so that running the same text again skips
 * parsing, validation, planning and code generation (several milliseconds each time; a
 * {@link java.sql.PreparedStatement} already keeps its plan, a plain Statement would not).
 *
 * <p>A signature holds nothing that belongs to one execution: parameters, the cancel flag and the
 * time-out reach it through the DataContext of each run. The cache belongs to the connection's
 * {@link LinodeSession} (a signature refers to the connection's schema, so a process-wide map
 * would keep closed connections alive) and is bounded.
 */
public final class PlanCache {
  /** Most statements kept per connection. */
  static final int CAPACITY = 256;

  /** What makes two preparations the same. */
  public record Key(String sql, List<String> defaultSchema, Type elementType, long maxRowCount) {}

  private final Map<Key, CalciteSignature<?>> signatures =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<Key, CalciteSignature<?>> e) {
          return size() > CAPACITY;
        }
      };

  @SuppressWarnings("unchecked")
  public <T> CalciteSignature<T> computeIfAbsent(Key key, Supplier<CalciteSignature<T>> prepare) {
    synchronized (signatures) {
      CalciteSignature<?> cached = signatures.get(key);
      if (cached != null) {
        return (CalciteSignature<T>) cached;
      }
    }
    CalciteSignature<T> prepared = prepare.get(); // outside the lock: planning takes a while
    synchronized (signatures) {
      signatures.put(key, prepared);
    }
    return prepared;
  }
}
