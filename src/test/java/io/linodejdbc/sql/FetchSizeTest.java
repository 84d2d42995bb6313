package io.linodejdbc.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.linodejdbc.sandbox.LabelMatching;
import io.linodejdbc.sandbox.RecordedRequest;
import io.linodejdbc.sandbox.SandboxToken;
import io.linodejdbc.testing.SandboxFixture;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code Statement.setFetchSize(n)} as a page-size hint: a client that reads {@code n} rows of a
 * LIMIT-less query costs the pages holding them, not the look-ahead. Exact request counts from
 * the sandbox's log.
 */
class FetchSizeTest {
  private static final String TABLE = "linode.profile.personal_access_tokens";
  /** 5,000 tokens: 10 pages of 500. */
  private static final int TOKENS = 5000;
  private static SandboxFixture fixture;

  @BeforeAll
  static void start() {
    List<SandboxToken> data = new ArrayList<>();
    LocalDateTime t0 = LocalDateTime.of(2020, 1, 1, 0, 0);
    for (int id = 1; id <= TOKENS; id++) {
      data.add(new SandboxToken(id, "t-" + id, "*", t0.plusMinutes(id), null,
          "s".repeat(60) + String.format("%04d", id)));
    }
    fixture = SandboxFixture.start(data, LabelMatching.EXACT);
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @BeforeEach
  void clear() {
    fixture.clearRequests();
  }

  private static List<RecordedRequest> lists() {
    return fixture.requests().stream().filter(r -> r.path().endsWith("/profile/tokens")).toList();
  }

  /** Reads {@code rows} rows, waits for any look-ahead to have gone out, closes. */
  private static int read(ResultSet rs, int rows) throws Exception {
    int n = 0;
    try (rs) {
      while (n < rows && rs.next()) {
        n++;
      }
      Thread.sleep(300);
    }
    return n;
  }

  @Test void fetchSizeFiftyReadingFiftyRowsIsOneRequest() throws Exception {
    try (Connection c = fixture.connect(); Statement s = c.createStatement()) {
      assertThat(s.getFetchSize()).as("no hint unless the client sets one").isZero();
      s.setFetchSize(50);
      assertThat(read(s.executeQuery("SELECT id, label FROM " + TABLE), 50)).isEqualTo(50);
    }
    assertThat(lists()).hasSize(1);
    assertThat(lists().get(0).queryParams()).containsEntry("page", "1")
        .containsEntry("page_size", "500");
  }

  @Test void withoutFetchSizeTheSameReadFetchesAhead() throws Exception {
    try (Connection c = fixture.connect(); Statement s = c.createStatement()) {
      assertThat(read(s.executeQuery("SELECT id, label FROM " + TABLE), 50)).isEqualTo(50);
    }
    assertThat(lists()).hasSizeGreaterThan(1); // what the hint saves
  }

  @Test void aPreparedStatementHonoursItToo() throws Exception {
    try (Connection c = fixture.connect();
         PreparedStatement ps = c.prepareStatement("SELECT id FROM " + TABLE + " WHERE id > ?")) {
      ps.setFetchSize(200);
      ps.setInt(1, 0);
      assertThat(read(ps.executeQuery(), 200)).isEqualTo(200);
    }
    assertThat(lists()).hasSize(1);
  }

  @Test void aSmallConfiguredPageSizeGrowsToTheFetchSize() throws Exception {
    try (Connection c = fixture.connect(Map.of("pageSize", "25"));
         Statement s = c.createStatement()) {
      s.setFetchSize(100);
      assertThat(read(s.executeQuery("SELECT id FROM " + TABLE), 100)).isEqualTo(100);
    }
    assertThat(lists()).hasSize(1);
    // 101: the rows read and the one Linq4j's iterator reads ahead, in one page.
    assertThat(lists().get(0).queryParams()).containsEntry("page_size", "101");
  }

  @Test void readingEverythingWithAFetchSizeStillReadsEachPageOnce() throws SQLException {
    int n = 0;
    long sum = 0;
    try (Connection c = fixture.connect(); Statement s = c.createStatement()) {
      s.setFetchSize(50);
      try (ResultSet rs = s.executeQuery("SELECT id FROM " + TABLE)) {
        while (rs.next()) {
          n++;
          sum += rs.getInt(1);
        }
      }
    }
    assertThat(n).isEqualTo(TOKENS);
    assertThat(sum).isEqualTo((long) TOKENS * (TOKENS + 1) / 2);
    assertThat(lists()).hasSize(10);
    assertThat(lists()).extracting(r -> r.queryParams().get("page")).containsExactlyInAnyOrder(
        "1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
  }
}
