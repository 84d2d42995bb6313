package io.linodejdbc.sql.parser;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A PostgreSQL interval text ({@code '30 days'}, {@code '1 year 2 mons'}, {@code '2 hours'},
 * {@code '1 day 02:00:00'}, {@code '-1 week'}, {@code '3 days ago'}) read into the two parts
 * Calcite keeps apart: months (year-month intervals) and milliseconds (day-time intervals; a
 * day is 24 hours, as it is for PostgreSQL's timestamps without time zone).
 */
public record PgInterval(long months, long millis) {
  private static final Pattern PART = Pattern.compile(
      "([+-]?\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]+)|([+-]?\\d+):(\\d{1,2})(?::(\\d{1,2}(?:\\.\\d+)?))?");

  /** The interval the text means, or null when PostgreSQL would not read it either. */
  public static @Nullable PgInterval parse(String text) {
    String s = text.strip().toLowerCase(Locale.ROOT);
    boolean ago = false;
    if (s.startsWith("@")) {
      s = s.substring(1).strip();
    }
    if (s.endsWith(" ago")) {
      ago = true;
      s = s.substring(0, s.length() - 4).strip();
    }
    if (s.isEmpty()) {
      return null;
    }
    double months = 0;
    double millis = 0;
    Matcher m = PART.matcher(s);
    int at = 0;
    while (at < s.length()) {
      if (Character.isWhitespace(s.charAt(at)) || s.charAt(at) == ',') {
        at++;
        continue;
      }
      if (!m.find(at) || m.start() != at) {
        return null;
      }
      if (m.group(1) != null) {
        double v = Double.parseDouble(m.group(1));
        Double factor = unit(m.group(2));
        if (factor == null) {
          return null;
        }
        if (factor < 0) {
          months += v * -factor;
        } else {
          millis += v * factor;
        }
      } else {
        long h = Long.parseLong(m.group(3));
        double sign = m.group(3).startsWith("-") ? -1 : 1;
        double mins = Long.parseLong(m.group(4));
        double secs = m.group(5) == null ? 0 : Double.parseDouble(m.group(5));
        millis += h * 3_600_000d + sign * (mins * 60_000d + secs * 1000d);
      }
      at = m.end();
    }
    if (ago) {
      months = -months;
      millis = -millis;
    }
    return new PgInterval(Math.round(months), Math.round(millis));
  }

  /** Milliseconds per unit, or minus the months per unit for year-month units; null if none. */
  private static @Nullable Double unit(String u) {
    switch (u) {
    case "millennium", "millennia", "millenniums":
      return -12_000d;
    case "century", "centuries":
      return -1_200d;
    case "decade", "decades":
      return -120d;
    case "y", "year", "years", "yr", "yrs":
      return -12d;
    case "mon", "mons", "month", "months":
      return -1d;
    case "w", "week", "weeks":
      return 7 * 86_400_000d;
    case "d", "day", "days":
      return 86_400_000d;
    case "h", "hour", "hours", "hr", "hrs":
      return 3_600_000d;
    case "m", "min", "mins", "minute", "minutes":
      return 60_000d;
    case "s", "sec", "secs", "second", "seconds":
      return 1000d;
    case "ms", "msec", "msecs", "millisecond", "milliseconds":
      return 1d;
    default:
      return null;
    }
  }

  public boolean hasMonths() {
    return months != 0;
  }

  public boolean hasTime() {
    return millis != 0;
  }

  /** The year-month part as a Calcite literal. */
  public SqlNode monthLiteral(SqlParserPos pos) {
    long abs = Math.abs(months);
    return SqlLiteral.createInterval(months < 0 ? -1 : 1, (abs / 12) + "-" + (abs % 12),
        new SqlIntervalQualifier(TimeUnit.YEAR, 6, TimeUnit.MONTH, -1, pos), pos);
  }

  /** The day-time part as a Calcite literal. */
  public SqlNode timeLiteral(SqlParserPos pos) {
    long abs = Math.abs(millis);
    long days = abs / 86_400_000L;
    long rest = abs % 86_400_000L;
    String text = String.format(Locale.ROOT, "%d %02d:%02d:%02d.%03d", days, rest / 3_600_000L,
        rest / 60_000L % 60, rest / 1000L % 60, rest % 1000L);
    return SqlLiteral.createInterval(millis < 0 ? -1 : 1, text,
        new SqlIntervalQualifier(TimeUnit.DAY, 6, TimeUnit.SECOND, 3, pos), pos);
  }
}
