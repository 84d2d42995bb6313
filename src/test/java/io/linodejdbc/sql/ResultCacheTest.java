package io.linodejdbc.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.sandbox.SandboxServer;
import io.linodejdbc.testing.LinodeAssert;
import io.linodejdbc.testing.SandboxFixture;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultCacheTest {

  /** A clock the test moves by hand. */
  private static final class ManualClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override public Instant instant() {
      return now;
    }
  }

  @Test void entriesExpireAfterTheirTtl() {
    ManualClock clock = new ManualClock();
    ResultCache cache = new ResultCache(Duration.ofSeconds(10), clock);
    cache.put("k", List.<Object[]>of(new Object[] {1}));
    assertThat(cache.get("k")).hasSize(1);
    clock.now = clock.now.plusSeconds(9);
    assertThat(cache.get("k")).hasSize(1);
    clock.now = clock.now.plusSeconds(1);
    assertThat(cache.get("k")).isNull();
  }

  @Test void clearForgetsEverything() {
    ResultCache cache = new ResultCache(Duration.ofSeconds(10), new ManualClock());
    cache.put("k", List.<Object[]>of(new Object[] {1}));
    cache.clear();
    assertThat(cache.get("k")).isNull();
  }

  @Test void aRepeatedQueryIsServedFromTheCacheUntilAWrite() throws SQLException {
    try (SandboxFixture f = SandboxFixture.of(
        SandboxServer.builder().tokens(SampleData.demo()).start());
         Connection c = f.connect(Map.of("cacheTtl", "60"))) {
      SandboxServer server = f.server();
      int rows = LinodeAssert.sql("SELECT * FROM personal_access_tokens").on(f, c).table().size();
      LinodeAssert.sql("SELECT id, label FROM personal_access_tokens").on(f, c).returnsCount(rows);
      LinodeAssert.sql("SELECT * FROM personal_access_tokens WHERE id = 2").on(f, c)
          .returnsCount(1);
      LinodeAssert.sql("SELECT label FROM personal_access_tokens WHERE id = 2").on(f, c)
          .returnsCount(1);
      assertThat(server.requestLog().count()).as("one list call, one GET").isEqualTo(2);

      LinodeAssert.sql("UPDATE personal_access_tokens SET label = 'renamed' WHERE id = 2")
          .on(f, c).updates(1);
      // the write emptied the cache: one GET
      LinodeAssert.sql("SELECT label FROM personal_access_tokens WHERE id = 2").on(f, c)
          .requests(1).returns("label=renamed");
    }
  }

  @Test void withoutTtlEveryRunAsksTheApi() throws SQLException {
    try (SandboxFixture f = SandboxFixture.of(
        SandboxServer.builder().tokens(SampleData.demo()).start());
         Connection c = f.connect(Map.of("cacheTtl", "0"))) {
      LinodeAssert.sql("SELECT * FROM personal_access_tokens").on(f, c).requests(1)
          .returnsCount(SampleData.demo().size()).returnsCount(SampleData.demo().size());
    }
  }
}
