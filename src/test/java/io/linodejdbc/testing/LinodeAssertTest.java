package io.linodejdbc.testing;

import static io.linodejdbc.testing.LinodeAssert.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.sandbox.SandboxToken;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fixture itself: every assertion passes on the right expectation and fails (with an
 * {@link AssertionError}) on a wrong one, so a test written with it cannot pass by accident.
 * Chains without {@code on(...)} start a demo sandbox of their own (ids 1..8, token 1 the caller's).
 */
class LinodeAssertTest {
  private static final String T = "personal_access_tokens";
  private static final String RENAME_2 = "UPDATE " + T + " SET label = 'x' WHERE id = 2";

  private static void fails(Runnable wrong) {
    assertThatThrownBy(wrong::run).isInstanceOf(AssertionError.class);
  }

  @Test void returnsIsOrderedAndReturnsUnorderedIsNot() {
    String two = "SELECT id, label FROM " + T + " WHERE id IN (2, 3) ORDER BY id";
    sql(two).returns("id=2; label=ci-deploy", "id=3; label=terraform");
    sql(two).returnsUnordered("id=3; label=terraform", "id=2; label=ci-deploy");
    fails(() -> sql(two).returns("id=3; label=terraform", "id=2; label=ci-deploy"));
    fails(() -> sql(two).returnsUnordered("id=2; label=ci-deploy"));
    fails(() -> sql(two).returns("id=2; label=ci-deploy", "id=3; label=other"));
  }

  @Test void nullAndNumbersAndTimestampsAreWrittenAsDocumented() {
    sql("SELECT id, label, created FROM " + T + " WHERE id = 5")
        .returns("id=5; label=null; created=2019-05-05 05:05:05");
  }

  @Test void countColumnsAndTheTable() {
    sql("SELECT id, label FROM " + T).returnsCount(8).columns("id", "label");
    fails(() -> sql("SELECT id FROM " + T).returnsCount(7));
    fails(() -> sql("SELECT id, label FROM " + T).columns("label", "id"));
    assertThat(sql("SELECT id FROM " + T + " ORDER BY id").table().rows().get(7))
        .containsExactly("8");
    sql("SELECT id FROM " + T).returns(t -> assertThat(t.size()).isEqualTo(8));
  }

  @Test void paramsRunTheStatementPrepared() {
    sql("SELECT label FROM " + T + " WHERE id = ?").params(3).returns("label=terraform");
    sql("UPDATE " + T + " SET label = ? WHERE id = ?").params("p", 4).updates(1);
    fails(() -> sql("SELECT label FROM " + T + " WHERE id = ?").params(4).returns("label=terraform"));
  }

  @Test void withTokensAndWithSandboxConfigureTheChainsOwnSandbox() {
    List<SandboxToken> one = List.of(new SandboxToken(1, "only", "*",
        LocalDateTime.of(2024, 1, 1, 0, 0), null, SampleData.demo().get(0).secret()));
    sql("SELECT label FROM " + T).withTokens(one).returns("label=only");
    sql("SELECT COUNT(*) AS n FROM " + T).withSandbox(s -> s.tokens(SampleData.bulk(60, 1)))
        .returns("n=60");
  }

  @Test void withSetsAConnectionProperty() {
    LinodeAssert all = sql("SELECT id FROM " + T).withSandbox(s -> s.tokens(SampleData.bulk(60, 1)));
    all.requests(1).returnsCount(60);
    sql("SELECT id FROM " + T).withSandbox(s -> s.tokens(SampleData.bulk(60, 1)))
        .with("pageSize", "25").requests(3).returnsCount(60);
  }

  @Test void requestsCountsWhatARunSends() {
    sql("SELECT label FROM " + T + " WHERE id = 2").requests(1).returns("label=ci-deploy");
    fails(() -> sql("SELECT label FROM " + T + " WHERE id = 2").requests(2).returnsCount(1));
    fails(() -> sql("SELECT label FROM " + T + " WHERE id = 2").requests(0).returnsCount(1));
  }

  @Test void requestsOfReadsAndWritesTellGetsFromTheRest() {
    sql(RENAME_2).requests(1, 1).updates(1);
    fails(() -> sql(RENAME_2).requests(2, 0).updates(1));
    fails(() -> sql(RENAME_2).requests(0, 2).updates(1));
  }

  @Test void sendsIsTheExactRequestsInOrder() {
    sql(RENAME_2).sends("GET /v4/profile/tokens/2", "PUT /v4/profile/tokens/2 {\"label\":\"x\"}")
        .updates(1);
    fails(() -> sql(RENAME_2)
        .sends("PUT /v4/profile/tokens/2 {\"label\":\"x\"}", "GET /v4/profile/tokens/2").updates(1));
    fails(() -> sql(RENAME_2).sends("GET /v4/profile/tokens/2").updates(1));
    sql("SELECT id FROM " + T + " WHERE label = 'terraform'")
        .sends("GET /v4/profile/tokens?page=1&page_size=500 X-Filter={\"label\":\"terraform\"}")
        .returns("id=3");
  }

  @Test void requestsMatchingRunsItsCheckOnEveryLaterRun() {
    List<Integer> seen = new ArrayList<>();
    LinodeAssert chain = sql("SELECT id FROM " + T + " WHERE id = 7")
        .requestsMatching(r -> seen.add(r.size()));
    chain.returns("id=7").returnsCount(1);
    assertThat(seen).containsExactly(1, 1);
    fails(() -> sql("SELECT id FROM " + T + " WHERE id = 7")
        .requestsMatching(r -> assertThat(r.get(0).path()).endsWith("/8")).returns("id=7"));
  }

  @Test void expectationsAreCheckedWhenAStatementFailsAsExpected() {
    String self = "DELETE FROM " + T + " WHERE id = 1"; // the connection's own token: read, refused
    sql(self).requests(1, 0).failsWith("55000");
    fails(() -> sql(self).requests(0).failsWith("55000"));
    String unknown = "UPDATE " + T + " SET nosuch = 'a' WHERE id = 2"; // refused before sending
    sql(unknown).requests(0).failsWith("42703", "nosuch");
    fails(() -> sql(unknown).requests(1).failsWith("42703"));
  }

  @Test void updatesIsTheUpdateCount() {
    sql("UPDATE " + T + " SET label = 'y' WHERE id IN (2, 3, 99)").updates(2);
    fails(() -> sql("UPDATE " + T + " SET label = 'y' WHERE id IN (2, 3, 99)").updates(3));
    fails(() -> sql("SELECT nope FROM " + T).updates(0));
  }

  @Test void writesInOneChainNeverReachTheNext() {
    sql("DELETE FROM " + T + " WHERE id = 8").updates(1);
    sql("SELECT COUNT(*) AS n FROM " + T).returns("n=8");
  }

  @Test void explainContainsReadsThePlan() {
    String byId = "SELECT label FROM " + T + " WHERE id = 5";
    sql(byId).explainContains("request=[GET /profile/tokens/{id} for id in [5]]");
    assertThat(sql(byId).explain()).contains("GET /profile/tokens/{id}");
    fails(() -> sql(byId).explainContains("request=[GET /profile/tokens page_size=500]"));
  }

  @Test void failsWithChecksTheStateAndTheMessage() {
    sql("SELECT nope FROM " + T).failsWith("42703", "nope");
    fails(() -> sql("SELECT nope FROM " + T).failsWith("42601"));
    fails(() -> sql("SELECT nope FROM " + T).failsWith("42703", "something else"));
    fails(() -> sql("SELECT id FROM " + T).failsWith("42703"));
    assertThat(sql("SELECT nope FROM " + T).failure().getSQLState()).isEqualTo("42703");
    fails(() -> sql("SELECT id FROM " + T).returns("id=1; label=x").failure());
  }

  @Test void failureIncludesErrorsThatComeWhileReadingRows() throws SQLException {
    String cast = "SELECT CAST(label AS int) FROM " + T + " WHERE id = 2";
    sql(cast).failsWith("22P02", "ci-deploy");
    try (SandboxFixture box = SandboxFixture.demo()) {
      assertThat(LinodeAssert.failure(box.connect(), cast).getSQLState()).isEqualTo("22P02");
    }
  }

  @Test void aFailingStatementFailsASucceedingAssertionWithItsState() {
    assertThatThrownBy(() -> sql("SELECT nope FROM " + T).returnsCount(0))
        .isInstanceOf(AssertionError.class).hasMessageContaining("42703");
  }

  @Test void staticFailureRunsOnAGivenConnection() throws SQLException {
    try (SandboxFixture box = SandboxFixture.demo()) {
      Connection c = box.connect();
      assertThat(LinodeAssert.failure(c, "SELECT nope FROM " + T).getSQLState()).isEqualTo("42703");
      fails(() -> LinodeAssert.failure(c, "SELECT id FROM " + T));
    }
  }

  @Test void onASharedFixtureWritesStay() {
    try (SandboxFixture box = SandboxFixture.demo()) {
      sql(RENAME_2).on(box).updates(1);
      sql("SELECT label FROM " + T + " WHERE id = 2").on(box).returns("label=x");
      assertThat(box.token(2).label()).isEqualTo("x");
    }
  }

  @Test void onAConnectionUsesItAndLeavesItOpen() throws SQLException {
    try (SandboxFixture box = SandboxFixture.demo()) {
      Connection c = box.connect(Map.of("cacheTtl", "60"));
      sql("SELECT id FROM " + T).on(box, c).requests(1).returnsCount(8);
      sql("SELECT label FROM " + T).on(box, c).requests(0).returnsCount(8); // cached
      assertThat(c.isClosed()).isFalse();
      fails(() -> sql("SELECT id FROM " + T).on(box, c).requests(1).returnsCount(8));
    }
  }

  @Test void withConnectionIsTheEscapeHatchAndKeepsTheExpectations() {
    long n = sql(RENAME_2).requests(1, 1).withConnection(c -> {
      try (Statement s = c.createStatement()) {
        return s.executeLargeUpdate(RENAME_2);
      }
    });
    assertThat(n).isEqualTo(1);
    fails(() -> sql(RENAME_2).requests(0).withConnection(c -> {
      try (Statement s = c.createStatement()) {
        return s.executeLargeUpdate(RENAME_2);
      }
    }));
  }

  @Test void conformsChecksTheApiContract() {
    sql("INSERT INTO " + T + " (label, scopes) VALUES ('new', 'linodes:read_only')").conforms()
        .updates(1);
    // a request the driver never sends: a label that is not a string
    try (SandboxFixture box = SandboxFixture.demo()) {
      fails(() -> sql("SELECT 1 AS one FROM (VALUES (1))").on(box).conforms()
          .withConnection(c -> post(box, "{\"label\": 5}")));
      box.clearRequests();
      post(box, "{\"label\": \"fine\"}");
      box.assertConforms();
      post(box, "{\"label\": 5}");
      fails(box::assertConforms);
    }
  }

  @Test void sandboxFixtureShowsRequestsAndStoredTokens() throws SQLException {
    try (SandboxFixture box = SandboxFixture.demo()) {
      Connection c = box.connect();
      box.clearRequests();
      try (Statement s = c.createStatement()) {
        s.executeUpdate("UPDATE " + T + " SET label = 'z' WHERE id IN (3, 2)");
      }
      assertThat(box.requestLinesSorted()).containsExactly("GET /v4/profile/tokens/2",
          "GET /v4/profile/tokens/3", "PUT /v4/profile/tokens/2 {\"label\":\"z\"}",
          "PUT /v4/profile/tokens/3 {\"label\":\"z\"}");
      assertThat(box.requestLines()).hasSize(4);
      assertThat(box.writes()).containsExactlyInAnyOrder("PUT /v4/profile/tokens/2 {\"label\":\"z\"}",
          "PUT /v4/profile/tokens/3 {\"label\":\"z\"}");
      assertThat(box.labels()).containsEntry(2, "z").containsEntry(3, "z").containsEntry(4, "linode-cli");
      assertThat(box.ids()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
      assertThat(box.token(3).label()).isEqualTo("z");
      fails(() -> box.token(99));
    }
  }

  /** A POST of {@code body} to the sandbox's token collection, sent by hand (not by the driver). */
  private static Void post(SandboxFixture box, String body) {
    try {
      HttpRequest r = HttpRequest.newBuilder(URI.create(box.server().baseUrl() + "/profile/tokens"))
          .header("Authorization", "Bearer " + box.server().actingToken())
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build();
      HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.discarding());
      return null;
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
