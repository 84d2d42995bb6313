package io.linodejdbc.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * PostgreSQL's ordered-set aggregates that Calcite parses but cannot plan, as user-defined
 * aggregates: {@code percentile_cont(f) WITHIN GROUP (ORDER BY x)} is rewritten to
 * {@code pg_percentile_cont(x, f)} (a descending order to the negated values, negated back), and
 * {@code percentile_disc} likewise. Both work on numbers (as doubles); nulls are skipped and no
 * rows give null, as in PostgreSQL.
 */
public final class PgAggregates {
  private PgAggregates() {}

  /** The values of a group and the requested fraction. */
  public static final class Values {
    final List<Double> values = new ArrayList<>();
    @Nullable Double fraction;
  }

  /** {@code percentile_cont}: linear interpolation between the two nearest values. */
  public static final class PercentileCont {
    public Values init() {
      return new Values();
    }

    public Values add(Values acc, @Nullable Double value, @Nullable Double fraction) {
      return collect(acc, value, fraction);
    }

    public @Nullable Double result(Values acc) {
      if (acc.values.isEmpty() || acc.fraction == null) {
        return null;
      }
      Collections.sort(acc.values);
      double position = acc.fraction * (acc.values.size() - 1);
      int first = (int) Math.floor(position);
      int second = (int) Math.ceil(position);
      double a = acc.values.get(first);
      if (first == second) {
        return a;
      }
      return a + (position - first) * (acc.values.get(second) - a);
    }
  }

  /** {@code percentile_disc}: the first value whose cumulative share reaches the fraction. */
  public static final class PercentileDisc {
    public Values init() {
      return new Values();
    }

    public Values add(Values acc, @Nullable Double value, @Nullable Double fraction) {
      return collect(acc, value, fraction);
    }

    public @Nullable Double result(Values acc) {
      if (acc.values.isEmpty() || acc.fraction == null) {
        return null;
      }
      Collections.sort(acc.values);
      long row = (long) Math.ceil(acc.fraction * acc.values.size());
      return acc.values.get((int) Math.max(row, 1) - 1);
    }
  }

  private static Values collect(Values acc, @Nullable Double value, @Nullable Double fraction) {
    if (fraction != null) {
      if (fraction < 0 || fraction > 1 || fraction.isNaN()) {
        throw new LinodeQueryException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE.code(),
            "percentile value " + fraction + " is not between 0 and 1", null);
      }
      acc.fraction = fraction;
    }
    if (value != null) {
      acc.values.add(value);
    }
    return acc;
  }
}
