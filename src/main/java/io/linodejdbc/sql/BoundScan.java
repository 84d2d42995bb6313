package io.linodejdbc.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.calcite.DataContext;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A {@link ScanSpec} with this execution's parameter values filled in: the exact requests a scan
 * makes.
 *
 * @param keys the ids to GET one by one, or null for a list call
 * @param xFilter the X-Filter header (filter and ordering), or null
 * @param prefetchRows how many rows the consumer will read at most (Long.MAX_VALUE: all)
 */
record BoundScan(@Nullable List<Integer> keys, @Nullable JsonNode xFilter, long prefetchRows) {

  static BoundScan bind(ScanSpec spec, DataContext context) {
    if (spec.isKeyLookup()) {
      Set<Integer> keys = new LinkedHashSet<>();
      for (ScanValue value : Objects.requireNonNull(spec.keys())) {
        Integer key = toKey(value.resolve(context));
        if (key != null && key > 0) { // Linode ids start at 1: no request for one that can't be
          keys.add(key);
        }
      }
      return new BoundScan(new ArrayList<>(keys), null, Long.MAX_VALUE);
    }
    return new BoundScan(null, xFilter(spec, context),
        spec.isLimited() ? spec.stopAfter() : Long.MAX_VALUE);
  }

  private static @Nullable Integer toKey(@Nullable Object value) {
    if (value instanceof Integer i) {
      return i;
    }
    if (value instanceof Number n) {
      try {
        return new BigDecimal(n.toString()).intValueExact();
      } catch (ArithmeticException | NumberFormatException e) {
        return null; // not an id the API can hold: matches nothing
      }
    }
    if (value instanceof String s) {
      try {
        return Integer.valueOf(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** The bound filter plus ordering. */
  private static @Nullable JsonNode xFilter(ScanSpec spec, DataContext context) {
    JsonNode filter = spec.filter() == null ? null : spec.filter().bind(context).orElse(null);
    if (spec.orderByField() == null) {
      return filter;
    }
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    if (filter instanceof ObjectNode object) {
      root.setAll(object);
    }
    root.put("+order_by", spec.orderByField());
    root.put("+order", spec.descending() ? "desc" : "asc");
    return root;
  }

  /** Identifies the requests, for the result cache: equal keys mean equal requests. */
  String cacheKey(String collectionPath) {
    return collectionPath + (keys != null ? " ids=" + keys
        : " filter=" + xFilter + " rows=" + prefetchRows);
  }
}
