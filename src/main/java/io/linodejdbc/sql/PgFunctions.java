package io.linodejdbc.sql;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * PostgreSQL functions Calcite lacks or computes differently, as SQL functions of the same
 * name ({@link PgOperatorTable}). Each public static method is one function.
 */
public final class PgFunctions {
  /** What {@code version()} answers: clients read the PostgreSQL version from it. */
  public static final String VERSION =
      "PostgreSQL 15.0 (linode-jdbc: PostgreSQL dialect over the Linode API)";

  private PgFunctions() {}

  /**
   * {@code char_length} / {@code length} as PostgreSQL counts: characters (code points), where
   * Java and Calcite count UTF-16 units (an emoji would count 2).
   */
  public static @Nullable Integer pg_char_length(@Nullable String s) {
    return s == null ? null : s.codePointCount(0, s.length());
  }

  /**
   * {@code strpos(s, sub)} / {@code position(sub IN s)} as PostgreSQL counts: the 1-based
   * character (code point) position of the first occurrence, 0 when there is none.
   */
  public static @Nullable Integer pg_strpos(@Nullable String s, @Nullable String sub) {
    if (s == null || sub == null) {
      return null;
    }
    int at = s.indexOf(sub);
    return at < 0 ? 0 : s.codePointCount(0, at) + 1;
  }

  /** {@code version()}. */
  public static String version() {
    return VERSION;
  }

  /** {@code current_database()}: the catalog. */
  public static String current_database() {
    return LinodeSchemas.PROVIDER;
  }

  /** {@code current_schema()}: the default schema of every connection. */
  public static String pg_current_schema() {
    return "profile";
  }

  /**
   * {@code substr(s, start [, count])} / {@code substring} as PostgreSQL counts: code points, a
   * start before 1 shortening the count, a negative count refused as PostgreSQL refuses it.
   */
  public static @Nullable String pg_substr(@Nullable String s, @Nullable Integer start,
      @Nullable Integer count) {
    if (s == null || start == null || count == null) {
      return null;
    }
    if (count < 0) {
      throw new LinodeQueryException(SqlState.INVALID_PARAMETER_VALUE.code(),
          "negative substring length not allowed", null);
    }
    int[] cps = s.codePoints().toArray();
    long from = Math.max(1L, start);
    long to = Math.min((long) cps.length + 1, (long) start + count); // exclusive
    return from >= to ? "" : new String(cps, (int) from - 1, (int) (to - from));
  }

  /** {@code substr(s, start)}: from {@code start} (code points) to the end. */
  public static @Nullable String pg_substr(@Nullable String s, @Nullable Integer start) {
    if (s == null || start == null) {
      return null;
    }
    int[] cps = s.codePoints().toArray();
    int from = Math.max(1, start);
    return from > cps.length ? "" : new String(cps, from - 1, cps.length - from + 1);
  }

  /** {@code left(s, n)}: the first n code points; a negative n, all but the last |n|. */
  public static @Nullable String pg_left(@Nullable String s, @Nullable Integer n) {
    if (s == null || n == null) {
      return null;
    }
    int[] cps = s.codePoints().toArray();
    int k = n >= 0 ? Math.min(n, cps.length) : Math.max(0, cps.length + n);
    return new String(cps, 0, k);
  }

  /** {@code right(s, n)}: the last n code points; a negative n, all but the first |n|. */
  public static @Nullable String pg_right(@Nullable String s, @Nullable Integer n) {
    if (s == null || n == null) {
      return null;
    }
    int[] cps = s.codePoints().toArray();
    int k = n >= 0 ? Math.min(n, cps.length) : Math.max(0, cps.length + n);
    return new String(cps, cps.length - k, k);
  }

  /**
   * {@code age(a, b)} as PostgreSQL computes it (field by field, a negative day count borrowing
   * the length of the month of the earlier argument's side) and prints it
   * ({@code 1 year 1 mon 16 days 14:00:00}).
   */
  public static @Nullable String pg_age(@Nullable Timestamp a, @Nullable Timestamp b) {
    if (a == null || b == null) {
      return null;
    }
    LocalDateTime t1 = a.toLocalDateTime();
    LocalDateTime t2 = b.toLocalDateTime();
    boolean before = t1.isBefore(t2);
    int sign = before ? -1 : 1;
    long nanos = sign * (long) (t1.getNano() - t2.getNano());
    long sec = sign * (t1.getSecond() - t2.getSecond());
    long min = sign * (t1.getMinute() - t2.getMinute());
    long hour = sign * (t1.getHour() - t2.getHour());
    long day = sign * (t1.getDayOfMonth() - t2.getDayOfMonth());
    long mon = sign * (t1.getMonthValue() - t2.getMonthValue());
    long year = sign * (t1.getYear() - t2.getYear());
    while (nanos < 0) {
      nanos += 1_000_000_000L;
      sec--;
    }
    while (sec < 0) {
      sec += 60;
      min--;
    }
    while (min < 0) {
      min += 60;
      hour--;
    }
    while (hour < 0) {
      hour += 24;
      day--;
    }
    while (day < 0) {
      LocalDateTime side = before ? t1 : t2;
      day += side.toLocalDate().lengthOfMonth();
      mon--;
    }
    while (mon < 0) {
      mon += 12;
      year--;
    }
    return interval(sign * year, sign * mon, sign * day, sign * hour, sign * min, sign * sec,
        sign * nanos);
  }

  /** PostgreSQL's output of an interval (its default {@code postgres} style). */
  static String interval(long years, long months, long days, long hours, long minutes,
      long seconds, long nanos) {
    StringBuilder b = new StringBuilder();
    boolean[] negativeBefore = {false};
    field(b, years, "year", negativeBefore);
    field(b, months, "mon", negativeBefore);
    field(b, days, "day", negativeBefore);
    if (b.length() == 0 || hours != 0 || minutes != 0 || seconds != 0 || nanos != 0) {
      boolean minus = hours < 0 || minutes < 0 || seconds < 0 || nanos < 0;
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(minus ? "-" : negativeBefore[0] ? "+" : "");
      b.append(String.format(java.util.Locale.ROOT, "%02d:%02d:%02d", Math.abs(hours),
          Math.abs(minutes), Math.abs(seconds)));
      if (nanos != 0) {
        String f = String.format(java.util.Locale.ROOT, "%06d", Math.abs(nanos) / 1000);
        b.append('.').append(f.replaceAll("0+$", ""));
      }
    }
    return b.toString();
  }

  private static void field(StringBuilder b, long value, String unit, boolean[] negativeBefore) {
    if (value == 0) {
      return;
    }
    if (b.length() > 0) {
      b.append(' ');
    }
    b.append(negativeBefore[0] && value > 0 ? "+" : "").append(value).append(' ').append(unit)
        .append(value != 1 ? "s" : "");
    negativeBefore[0] = value < 0;
  }

  /** {@code generate_series(start, stop)} over integers. */
  public static ScannableTable generate_series(@Nullable Integer start, @Nullable Integer stop) {
    return generate_series(start, stop, 1);
  }

  /**
   * {@code generate_series(start, stop, step)} over integers: nothing when an argument is null,
   * PostgreSQL's error for a zero step.
   */
  public static ScannableTable generate_series(@Nullable Integer start, @Nullable Integer stop,
      @Nullable Integer step) {
    List<Object[]> rows = new ArrayList<>();
    if (start != null && stop != null && step != null) {
      if (step == 0) {
        throw new LinodeQueryException(SqlState.INVALID_PARAMETER_VALUE.code(),
            "step size cannot equal zero", null);
      }
      for (long v = start; step > 0 ? v <= stop : v >= stop; v += step) {
        rows.add(new Object[] {(int) v});
      }
    }
    return new Series(SqlTypeName.INTEGER, rows);
  }

  /**
   * {@code generate_series(start, stop, interval)} over time stamps (given as their text: Calcite
   * evaluates a table function's arguments in a way that cannot convert a time stamp), the
   * interval given as its months and milliseconds (the rewriter splits an interval literal so).
   */
  public static ScannableTable pg_generate_series_ts(@Nullable String start,
      @Nullable String stop, @Nullable Integer months, @Nullable Long millis) {
    List<Object[]> rows = new ArrayList<>();
    if (start != null && stop != null && months != null && millis != null) {
      if (months == 0 && millis == 0) {
        throw new LinodeQueryException(SqlState.INVALID_PARAMETER_VALUE.code(),
            "step size cannot equal zero", null);
      }
      LocalDateTime to = Timestamps.parseIso(stop, SqlTypeName.TIMESTAMP);
      boolean up = months > 0 || months == 0 && millis > 0;
      // each value is the previous plus the interval (months first), as PostgreSQL steps
      for (LocalDateTime v = Timestamps.parseIso(start, SqlTypeName.TIMESTAMP);
          up ? !v.isAfter(to) : !v.isBefore(to);
          v = v.plusMonths(months).plus(millis, ChronoUnit.MILLIS)) {
        rows.add(new Object[] {Timestamps.toMillis(v)});
        if (rows.size() > 10_000_000) {
          throw new LinodeQueryException(SqlState.PROGRAM_LIMIT_EXCEEDED.code(),
              "generate_series would return more than 10000000 rows", null);
        }
      }
    }
    return new Series(SqlTypeName.TIMESTAMP, rows);
  }

  /** The one-column result of {@code generate_series}. */
  private static final class Series extends AbstractTable implements ScannableTable {
    private final SqlTypeName type;
    private final List<Object[]> rows;

    Series(SqlTypeName type, List<Object[]> rows) {
      this.type = type;
      this.rows = rows;
    }

    @Override public RelDataType getRowType(RelDataTypeFactory f) {
      return f.builder().add("generate_series", f.createTypeWithNullability(
          type == SqlTypeName.TIMESTAMP ? f.createSqlType(type, 0) : f.createSqlType(type), false))
          .build();
    }

    @Override public Enumerable<@Nullable Object[]> scan(DataContext root) {
      return Linq4j.asEnumerable(rows);
    }
  }

  /** PostgreSQL's least number of significant digits of a numeric quotient. */
  private static final int MIN_SIG_DIGITS = 16;

  /**
   * {@code avg(x)} of exact numbers as PostgreSQL answers it: the numeric {@code sum / count},
   * with the scale PostgreSQL's numeric division chooses (at least 16 significant digits, at
   * least the sum's scale), rounded half away from zero. Null for no rows.
   */
  public static java.math.@Nullable BigDecimal pg_avg(java.math.@Nullable BigDecimal sum,
      @Nullable Long count) {
    if (sum == null || count == null || count == 0) {
      return null;
    }
    java.math.BigDecimal n = java.math.BigDecimal.valueOf(count);
    int qweight = weight(sum) - weight(n);
    if (firstDigit(sum) <= firstDigit(n)) {
      qweight--;
    }
    int scale = Math.max(MIN_SIG_DIGITS - qweight * 4, Math.max(sum.scale(), 0));
    scale = Math.min(Math.max(scale, 0), 1000);
    return sum.divide(n, scale, java.math.RoundingMode.HALF_UP);
  }

  /** The weight of the leading base-10000 digit of a numeric (PostgreSQL's storage), 0 for 0. */
  private static int weight(java.math.BigDecimal v) {
    if (v.signum() == 0) {
      return 0;
    }
    java.math.BigDecimal a = v.abs();
    int log10 = a.precision() - a.scale() - 1; // floor(log10(a))
    return Math.floorDiv(log10, 4);
  }

  /** The leading base-10000 digit (1..9999), 0 for 0. */
  private static int firstDigit(java.math.BigDecimal v) {
    if (v.signum() == 0) {
      return 0;
    }
    return v.abs().movePointLeft(4 * weight(v)).intValue();
  }

  /**
   * {@code regexp_match(s, pattern [, flags])}: the first match's captured groups (the whole
   * match when the pattern has none) as a text array, null when nothing matches. Java's regular
   * expressions; flag {@code i} ignores case ({@code g} is refused, as PostgreSQL refuses it).
   */
  public static @Nullable List<@Nullable String> regexp_match(@Nullable String s,
      @Nullable String pattern) {
    return regexp_match(s, pattern, "");
  }

  /** {@code regexp_match(s, pattern, flags)}. */
  public static @Nullable List<@Nullable String> regexp_match(@Nullable String s,
      @Nullable String pattern, @Nullable String flags) {
    if (s == null || pattern == null || flags == null) {
      return null;
    }
    if (flags.indexOf('g') >= 0) {
      throw new LinodeQueryException(SqlState.INVALID_PARAMETER_VALUE.code(),
          "regexp_match() does not support the \"global\" option", null);
    }
    java.util.regex.Matcher m = compile(pattern, flags).matcher(s);
    if (!m.find()) {
      return null;
    }
    List<@Nullable String> groups = new ArrayList<>();
    if (m.groupCount() == 0) {
      groups.add(m.group());
    } else {
      for (int g = 1; g <= m.groupCount(); g++) {
        groups.add(m.group(g));
      }
    }
    return groups;
  }

  private static java.util.regex.Pattern compile(String pattern, String flags) {
    int f = 0;
    for (char c : flags.toCharArray()) {
      switch (c) {
      case 'i' -> f |= java.util.regex.Pattern.CASE_INSENSITIVE
          | java.util.regex.Pattern.UNICODE_CASE;
      case 'c', 'g' -> { }
      default -> throw new LinodeQueryException(SqlState.INVALID_PARAMETER_VALUE.code(),
          "invalid regular expression option: \"" + c + "\"", null);
      }
    }
    try {
      return java.util.regex.Pattern.compile(pattern, f);
    } catch (java.util.regex.PatternSyntaxException e) {
      throw new LinodeQueryException(SqlState.INVALID_PARAMETER_VALUE.code(),
          "invalid regular expression: " + e.getDescription(), null);
    }
  }
}
