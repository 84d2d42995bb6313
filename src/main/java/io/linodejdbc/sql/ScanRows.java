package io.linodejdbc.sql;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The rows of one scan in one execution. Calcite may enumerate an input more than once (the inner
 * side of a nested-loop join, a scalar subquery evaluated per outer row, both sides of a
 * self-join); without care every pass would repeat the API calls. Passes are therefore recorded,
 * up to {@link #REPLAY_LIMIT} rows, and once one has completed later passes replay it — which
 * also gives them the same snapshot. Past the limit nothing is kept, so a large streaming scan
 * stays flat in memory.
 */
final class ScanRows extends AbstractEnumerable<Object[]> {
  /** Most rows kept for replay. */
  static final int REPLAY_LIMIT = 20_000;

  private final LinodeTable table;
  private final RowConverter converter;
  private final ScanSpec spec;
  private final DataContext context;
  private @Nullable List<Object[]> replay;
  /** Keeps this execution's scan map alive as long as one of its scans is (see LinodeTable). */
  @SuppressWarnings("unused")
  private final Object owner;

  ScanRows(LinodeTable table, RowConverter converter, ScanSpec spec, DataContext context,
      Object owner) {
    this.owner = owner;
    this.table = table;
    this.converter = converter;
    this.spec = spec;
    this.context = context;
  }

  @Override public Enumerator<Object[]> enumerator() {
    if (replay != null) {
      return new CancellableRows(replay, context);
    }
    ResultCache cache = table.session().cache();
    String cacheKey = null;
    if (cache != null) {
      cacheKey = BoundScan.bind(spec, context).cacheKey(table.resource().collectionPath());
      List<Object[]> cached = cache.get(cacheKey);
      if (cached != null) {
        replay = cached;
        return new CancellableRows(cached, context);
      }
    }
    // Every pass records until one completes: passes may overlap (a self-join's two sides).
    return new ScanEnumerator(table, converter, spec, context, new Recorder(cacheKey));
  }

  /** Collects the rows of the first pass; keeps them only if the pass completes in bounds. */
  final class Recorder {
    private final @Nullable String cacheKey;
    private @Nullable List<Object[]> rows = new ArrayList<>();

    Recorder(@Nullable String cacheKey) {
      this.cacheKey = cacheKey;
    }

    void row(Object[] row) {
      List<Object[]> r = rows;
      if (r != null) {
        if (replay != null || r.size() >= REPLAY_LIMIT) {
          rows = null;
        } else {
          r.add(row);
        }
      }
    }

    void completed() {
      List<Object[]> r = rows;
      if (replay == null) {
        replay = r;
      }
      ResultCache cache = table.session().cache();
      if (r != null && cache != null && cacheKey != null) {
        cache.put(cacheKey, r);
      }
    }
  }
}
