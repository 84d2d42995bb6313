package io.linodejdbc.sql;

import io.linodejdbc.resource.ResourceDescriptor;
import java.util.List;
import java.util.stream.Collectors;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What a {@link LinodeTableScan} asks of the API: either one GET per key, or a paginated list
 * narrowed by an {@code X-Filter}, optionally ordered and cut short.
 *
 * <p>Every part is a <em>pre-filter</em>: the scan may return more rows than the SQL asks for, and
 * the plan above it re-applies the exact predicate, ordering and limit. The only part that makes
 * the scan return <em>fewer</em> rows than the table holds is {@link #stopAfter}, which the sort
 * rule sets only directly below a Sort that keeps at most that many rows.
 *
 * @param keys keys to fetch one by one ({@code GET path/{key}}), or null for a list call
 * @param filter the X-Filter template, or null
 * @param exact true when the pushed keys/filter select exactly the rows the SQL predicate does
 *     (so nothing between the scan and a limit can drop rows)
 * @param orderByField API field the list is ordered by ({@code +order_by}), or null
 * @param descending direction of {@code orderByField}
 * @param stopAfter stop after this many rows (plus rows tied with the last on
 *     {@code orderByField}); -1 for no limit
 */
public record ScanSpec(
    @Nullable List<ScanValue> keys,
    @Nullable FilterTerm filter,
    boolean exact,
    @Nullable String orderByField,
    boolean descending,
    long stopAfter) {

  /** The whole collection, unfiltered. */
  public static final ScanSpec FULL = new ScanSpec(null, null, true, null, false, -1);

  public ScanSpec {
    keys = keys == null ? null : List.copyOf(keys);
  }

  public boolean isKeyLookup() {
    return keys != null;
  }

  /** True once a filter rule has narrowed this scan: it must not be narrowed twice. */
  public boolean isFiltered() {
    return keys != null || filter != null;
  }

  public boolean isLimited() {
    return stopAfter >= 0;
  }

  ScanSpec withKeys(List<ScanValue> newKeys, boolean isExact) {
    return new ScanSpec(newKeys, null, isExact, orderByField, descending, stopAfter);
  }

  ScanSpec withFilter(FilterTerm newFilter, boolean isExact) {
    return new ScanSpec(null, newFilter, isExact, orderByField, descending, stopAfter);
  }

  ScanSpec withLimit(@Nullable String field, boolean desc, long rows) {
    return new ScanSpec(keys, filter, exact, field, desc, rows);
  }

  /**
   * One line per request kind, as EXPLAIN shows them: the key lookups by the resource's own key
   * ({@code GET /widgets/{serial} for serial in [101]}).
   */
  String describeRequest(ResourceDescriptor resource, int pageSize) {
    if (keys != null) {
      return "GET " + resource.objectPathTemplate() + " for " + resource.keyColumn() + " in "
          + keys.stream().map(ScanValue::describe).collect(Collectors.joining(", ", "[", "]"));
    }
    return "GET " + resource.collectionPath() + " page_size=" + pageSize;
  }
}
