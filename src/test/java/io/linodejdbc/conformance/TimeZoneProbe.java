package io.linodejdbc.conformance;

import io.linodejdbc.testing.SandboxFixture;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;

/**
 * Runs every date-time getter and setter in the JVM's default zone (set with
 * {@code -Duser.timezone} by {@link TimeZoneMatrixTest}, one JVM per zone) against the API's UTC
 * strings, and prints each mismatch; exits 1 if there was one.
 */
public final class TimeZoneProbe {
  private static final DateTimeFormatter SQL_TEXT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
  private static final List<String> FAILURES = new ArrayList<>();
  private static int checks;

  private TimeZoneProbe() {}

  public static void main(String[] args) throws Exception {
    ZoneId zone = ZoneId.systemDefault();
    try (SandboxFixture sandbox = ConformanceData.start()) {
      Connection c = sandbox.connect();
      Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
      Map<Integer, LocalDateTime> created = Map.of(2, ConformanceData.NY_GAP,
          3, ConformanceData.NY_OVERLAP, 4, ConformanceData.LH_GAP, 5, ConformanceData.LH_OVERLAP,
          6, ConformanceData.KOLKATA);
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
          "SELECT id, created, expiry FROM personal_access_tokens WHERE id > 1 ORDER BY id")) {
        while (rs.next()) {
          int id = rs.getInt(1);
          LocalDateTime v = created.get(id);
          readsBack("created of " + id, rs, 2, v, zone, utc);
          if (id == 2) {
            readsBack("expiry of 2", rs, 3, ConformanceData.NY_GAP_EXPIRY, zone, utc);
          }
        }
      }
      for (Map.Entry<Integer, LocalDateTime> e : created.entrySet()) {
        LocalDateTime v = e.getValue();
        int id = e.getKey();
        String what = "WHERE created = ? for " + id + " bound with ";
        check(what + "LocalDateTime", List.of(id), find(c, ps -> ps.setObject(1, v)));
        check(what + "OffsetDateTime", List.of(id),
            find(c, ps -> ps.setObject(1, v.atOffset(ZoneOffset.UTC))));
        check(what + "ZonedDateTime in the JVM zone", List.of(id),
            find(c, ps -> ps.setObject(1, v.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone))));
        check(what + "Instant", List.of(id),
            find(c, ps -> ps.setObject(1, v.toInstant(ZoneOffset.UTC))));
        check(what + "String", List.of(id), find(c, ps -> ps.setString(1, v.format(SQL_TEXT))));
        check(what + "setTimestamp(instant, UTC calendar)", List.of(id), find(c,
            ps -> ps.setTimestamp(1, Timestamp.from(v.toInstant(ZoneOffset.UTC)), utc)));
        boolean exists = !zone.getRules().getValidOffsets(v).isEmpty();
        // Timestamp.valueOf cannot build a wall-clock time the JVM zone skips: it moves it on.
        check(what + "setTimestamp(Timestamp.valueOf)", exists ? List.of(id) : List.of(),
            find(c, ps -> ps.setTimestamp(1, Timestamp.valueOf(v))));
      }
      writesAndReturns(sandbox, c, zone, utc);
    }
    System.out.println(checks + " checks in " + zone + ", " + FAILURES.size() + " failed");
    FAILURES.forEach(f -> System.out.println("FAIL " + f));
    System.exit(FAILURES.isEmpty() ? 0 : 1);
  }

  private static void readsBack(String what, ResultSet rs, int col, LocalDateTime v, ZoneId zone,
      Calendar utc) throws SQLException {
    check(what + " as LocalDateTime", v, rs.getObject(col, LocalDateTime.class));
    check(what + " as OffsetDateTime", v.atOffset(ZoneOffset.UTC),
        rs.getObject(col, OffsetDateTime.class));
    check(what + " as Instant", v.toInstant(ZoneOffset.UTC), rs.getObject(col, Instant.class));
    check(what + " as ZonedDateTime", v.atZone(ZoneOffset.UTC),
        rs.getObject(col, ZonedDateTime.class));
    check(what + " as String", v.format(SQL_TEXT), rs.getObject(col, String.class));
    check(what + " getString", v.format(SQL_TEXT), rs.getString(col));
    check(what + " getTimestamp(UTC calendar)", v.toInstant(ZoneOffset.UTC),
        rs.getTimestamp(col, utc).toInstant());
    Calendar local = Calendar.getInstance(TimeZone.getTimeZone(zone));
    LocalDateTime shown = v.atZone(zone).toLocalDateTime(); // v itself unless in a gap
    check(what + " getTimestamp(JVM-zone calendar)", shown,
        rs.getTimestamp(col, local).toLocalDateTime());
    check(what + " getTimestamp()", shown, rs.getTimestamp(col).toLocalDateTime());
    check(what + " getObject()", shown, ((Timestamp) rs.getObject(col)).toLocalDateTime());
    check(what + " getDate(UTC calendar)", v.toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant(),
        Instant.ofEpochMilli(rs.getDate(col, utc).getTime()));
  }

  /** INSERT with java.time parameters; RETURNING and generated keys give the values back. */
  private static void writesAndReturns(SandboxFixture sandbox, Connection c, ZoneId zone,
      Calendar utc) throws SQLException {
    LocalDateTime expiry = ConformanceData.NY_GAP_EXPIRY;
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO personal_access_tokens"
        + " (label, scopes, expiry) VALUES (?, ?, ?)", new String[] {"id", "expiry"})) {
      ps.setString(1, "tz-" + zone.getId().replace('/', '-'));
      ps.setString(2, "*");
      ps.setObject(3, expiry.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone));
      check("INSERT count", 1, ps.executeUpdate());
      try (ResultSet keys = ps.getGeneratedKeys()) {
        check("generated key row", true, keys.next());
        check("generated expiry as LocalDateTime", expiry, keys.getObject("expiry",
            LocalDateTime.class));
        check("generated expiry getTimestamp(UTC calendar)", expiry.toInstant(ZoneOffset.UTC),
            keys.getTimestamp("expiry", utc).toInstant());
        check("generated expiry getString", expiry.format(SQL_TEXT), keys.getString("expiry"));
      }
    }
    String sent = sandbox.requests().stream().filter(r -> r.method().equals("POST"))
        .map(r -> r.body()).reduce((a, b) -> b).orElse("");
    check("POST body's expiry", true, sent.contains("\"expiry\":\"2027-03-14T02:30:00\""));
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO personal_access_tokens"
        + " (label, scopes, expiry) VALUES (?, '*', ?) RETURNING created, expiry")) {
      ps.setString(1, "tz2");
      ps.setObject(2, expiry);
      try (ResultSet rs = ps.executeQuery()) {
        check("RETURNING row", true, rs.next());
        check("RETURNING expiry as LocalDateTime", expiry, rs.getObject(2, LocalDateTime.class));
      }
    }
  }

  interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private static List<Integer> find(Connection c, Binder binder) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT id FROM personal_access_tokens WHERE created = ? ORDER BY id")) {
      binder.bind(ps);
      List<Integer> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getInt(1));
        }
      }
      return out;
    }
  }

  private static void check(String what, Object expected, Object actual) {
    checks++;
    if (!Objects.equals(expected, actual)) {
      FAILURES.add(what + ": expected " + expected + ", got " + actual);
    }
  }
}
