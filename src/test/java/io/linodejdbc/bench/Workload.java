package io.linodejdbc.bench;

import io.linodejdbc.sandbox.SandboxToken;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The fixed set of statements the performance report measures, over {@code SampleData.bulk(n)}
 * (ids 1..n, labels {@code bulk-<id>}, created ascending), each with the fewest HTTP requests that
 * can answer it, worked out from the data.
 *
 * <p>The minimum is: ceil(rows / 500) list calls for a list the API cannot narrow further (at
 * least one), one GET per id for key lookups, one request per changed row for DML plus the reads
 * that are really needed to find the rows (a write by id needs none: PUT and DELETE answer 404
 * for a missing id; a write by label needs the filtered list). COUNT(*) needs one list call: the
 * {@code results} field of page 1 is the count.
 */
final class Workload {
  static final String TABLE = "linode.profile.personal_access_tokens";
  static final int PAGE = 500;
  private static final DateTimeFormatter API_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);
  private static final DateTimeFormatter SQL_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  private Workload() {}

  /** How a sequential script would do the same read (for the baseline). */
  enum BaselineKind { LIST, GET_EACH, COUNT, SELF_JOIN, NONE }

  /**
   * One read statement.
   *
   * @param minReads fewest requests that answer it
   * @param floorRoundTrips latency floor in round trips (all independent requests at once)
   * @param xFilter what the baseline sends as X-Filter (null: none)
   * @param ids ids the baseline GETs one by one (GET_EACH)
   * @param stopAfter rows after which the baseline stops paging (null: all)
   * @param maxRows {@code Statement.setMaxRows} for the driver (0: none)
   * @param fetchSize {@code Statement.setFetchSize} for the driver, which then reads only
   *     {@code rows} rows and closes the result, as a tool showing one screenful does (0: none)
   */
  record Read(String name, String sql, long rows, long minReads, int floorRoundTrips,
      BaselineKind baseline, String xFilter, List<Integer> ids, Integer stopAfter, int maxRows,
      int fetchSize) {
    Read(String name, String sql, long rows, long minReads, int floorRoundTrips,
        BaselineKind baseline, String xFilter, List<Integer> ids, Integer stopAfter) {
      this(name, sql, rows, minReads, floorRoundTrips, baseline, xFilter, ids, stopAfter, 0, 0);
    }

    Read(String name, String sql, long rows, long minReads, int floorRoundTrips,
        BaselineKind baseline, String xFilter, List<Integer> ids, Integer stopAfter, int maxRows) {
      this(name, sql, rows, minReads, floorRoundTrips, baseline, xFilter, ids, stopAfter, maxRows,
          0);
    }

    /** The baseline's X-Filter now: a filter relative to the clock is evaluated when it runs. */
    String xFilterNow() {
      return xFilter == null ? null : xFilter.replace(NOW_MINUS_90_DAYS,
          API_TIME.format(LocalDateTime.now(java.time.ZoneOffset.UTC).minusDays(90)));
    }
  }

  /** Placeholder in a baseline X-Filter for "90 days before now". */
  static final String NOW_MINUS_90_DAYS = "<now-90d>";

  /** Pages of 500 for {@code rows} rows; an empty result still costs one request. */
  static long pages(long rows) {
    return Math.max(1, (rows + PAGE - 1) / PAGE);
  }

  static int listRoundTrips(long pages) {
    return pages > 1 ? 2 : 1;
  }

  /** The read statements, for this data set. */
  static List<Read> reads(List<SandboxToken> data) {
    int n = data.size();
    List<SandboxToken> byCreated = new ArrayList<>(data);
    byCreated.sort(Comparator.comparing(SandboxToken::created));
    LocalDateTime from = byCreated.get(n - Math.max(1, n / 10)).created();
    long createdRows = data.stream().filter(t -> !t.created().isBefore(from)).count();
    int point = data.get(n / 2).id();
    List<Integer> twenty = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      twenty.add(data.get((int) ((long) i * n / 20)).id());
    }
    String labelValue = data.get(n / 3).label();
    long labelRows = data.stream().filter(t -> labelValue.equals(t.label())).count();
    String contains = "-12";
    long likeRows = data.stream().filter(t -> t.label() != null
        && t.label().toLowerCase(Locale.ROOT).contains(contains)).count();
    long full = pages(n);
    LocalDateTime recentFrom = LocalDateTime.now(java.time.ZoneOffset.UTC).minusDays(90);
    long recent = data.stream().filter(t -> t.created().isAfter(recentFrom)).count();
    String ids = twenty.stream().map(String::valueOf).collect(Collectors.joining(", "));
    return List.of(
        new Read("full scan", "SELECT * FROM " + TABLE, n, full, listRoundTrips(full),
            BaselineKind.LIST, null, null, null),
        new Read("point lookup", "SELECT * FROM " + TABLE + " WHERE id = " + point, 1, 1, 1,
            BaselineKind.GET_EACH, null, List.of(point), null),
        new Read("IN-list of 20 ids", "SELECT * FROM " + TABLE + " WHERE id IN (" + ids + ")",
            twenty.size(), twenty.size(), 1, BaselineKind.GET_EACH, null, twenty, null),
        new Read("label equality", "SELECT * FROM " + TABLE + " WHERE label = '" + labelValue
            + "'", labelRows, pages(labelRows), listRoundTrips(pages(labelRows)),
            BaselineKind.LIST, "{\"label\":\"" + labelValue + "\"}", null, null),
        new Read("created range (~10%)", "SELECT * FROM " + TABLE + " WHERE created >= TIMESTAMP '"
            + SQL_TIME.format(from) + "'", createdRows, pages(createdRows),
            listRoundTrips(pages(createdRows)), BaselineKind.LIST,
            "{\"created\":{\"+gte\":\"" + API_TIME.format(from) + "\"}}", null, null),
        new Read("LIKE '%" + contains + "%'", "SELECT * FROM " + TABLE + " WHERE label LIKE '%"
            + contains + "%'", likeRows, pages(likeRows), listRoundTrips(pages(likeRows)),
            BaselineKind.LIST, "{\"label\":{\"+contains\":\"" + contains + "\"}}", null, null),
        new Read("ORDER BY created LIMIT 10", "SELECT * FROM " + TABLE
            + " ORDER BY created LIMIT 10", Math.min(10, n), 1, 1, BaselineKind.LIST,
            "{\"+order_by\":\"created\",\"+order\":\"asc\"}", null, 10),
        new Read("COUNT(*)", "SELECT COUNT(*) FROM " + TABLE, 1, 1, 1, BaselineKind.COUNT, null,
            null, null),
        new Read("self-join on id", "SELECT a.id, b.label FROM " + TABLE + " a JOIN " + TABLE
            + " b ON a.id = b.id", n, full, listRoundTrips(full), BaselineKind.SELF_JOIN, null,
            null, null),
        new Read("created > now - 90 days", "SELECT * FROM " + TABLE
            + " WHERE created > CURRENT_TIMESTAMP - INTERVAL '90' DAY", recent, pages(recent),
            listRoundTrips(pages(recent)), BaselineKind.LIST,
            "{\"created\":{\"+gt\":\"" + NOW_MINUS_90_DAYS + "\"}}", null, null),
        new Read("setMaxRows(200)", "SELECT * FROM " + TABLE, Math.min(200, n), 1, 1,
            BaselineKind.LIST, null, null, 200, 200),
        new Read("setMaxRows(200) created DESC", "SELECT * FROM " + TABLE
            + " ORDER BY created DESC", Math.min(200, n), 1, 1, BaselineKind.LIST,
            "{\"+order_by\":\"created\",\"+order\":\"desc\"}", null, 200, 200),
        new Read("setFetchSize(50), 50 rows read", "SELECT * FROM " + TABLE, Math.min(50, n), 1,
            1, BaselineKind.LIST, null, null, 50, 0, 50),
        new Read("JOIN (VALUES 2 ids)", "SELECT t.* FROM " + TABLE + " t JOIN (VALUES (" + point
            + "), (" + (point + 1) + ")) v(id) ON t.id = v.id", 2, 2, 1, BaselineKind.GET_EACH,
            null, List.of(point, point + 1), null));
  }

  /**
   * One DML statement of a round: a PreparedStatement text (constant, so the plan cache serves
   * every round after the first) and its parameters.
   *
   * @param minWrites one per changed row
   * @param minReads reads needed to find the rows (0 when the statement names the ids)
   * @param floorRoundTrips latency floor: reads, then all writes at once
   */
  record Dml(String name, String sql, List<Object> params, long rows, long minWrites,
      long minReads, int floorRoundTrips) {}

  /** Labels a DML round uses; unique per round so rounds never see each other's rows. */
  static String oneLabel(String round) {
    return "perf-one-" + round;
  }

  static String threeLabel(String round) {
    return "perf-three-" + round;
  }

  static Dml insertOne(String round) {
    return new Dml("INSERT 1 row", "INSERT INTO " + TABLE
        + " (label, scopes) VALUES (?, '*') RETURNING id", List.of(oneLabel(round)), 1, 1, 0, 1);
  }

  static Dml insertThree(String round) {
    String row = "(?, 'linodes:read_only')";
    String label = threeLabel(round);
    return new Dml("INSERT 3 rows", "INSERT INTO " + TABLE + " (label, scopes) VALUES " + row
        + ", " + row + ", " + row + " RETURNING id", List.of(label, label, label), 3, 3, 0, 1);
  }

  /** The rest of the round, once the inserted ids are known; leaves the data as it was. */
  static List<Dml> changes(String round, int oneId, List<Integer> threeIds) {
    if (threeIds.size() != 3) {
      throw new IllegalArgumentException("three ids expected: " + threeIds);
    }
    List<Object> three = List.copyOf(threeIds);
    return List.of(
        new Dml("UPDATE by id", "UPDATE " + TABLE + " SET label = ? WHERE id = ?",
            List.of(oneLabel(round) + "-x", oneId), 1, 1, 0, 1),
        new Dml("UPDATE by label", "UPDATE " + TABLE + " SET label = ? WHERE label = ?",
            List.of(threeLabel(round) + "-x", threeLabel(round)), 3, 3, 1, 2),
        new Dml("DELETE by id", "DELETE FROM " + TABLE + " WHERE id = ?", List.of(oneId), 1, 1,
            0, 1),
        new Dml("DELETE by IN-list", "DELETE FROM " + TABLE + " WHERE id IN (?, ?, ?)", three, 3,
            3, 0, 1));
  }
}
