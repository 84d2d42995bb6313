package io.linodejdbc.dml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.sandbox.SandboxToken;
import io.linodejdbc.testing.LinodeAssert;
import io.linodejdbc.testing.ResultSets;
import io.linodejdbc.testing.SandboxFixture;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every statement of the StackQL seed page ({@code shared/seed/personal_access_tokens.md}) run as
 * written there: {@code data__} columns, {@code tokenId}, the trailing {@code ;}, the odd line
 * breaks. Only the {@code {{ placeholders }}} are filled and the empty WHERE completed with
 * {@code tokenId = <id>}. Each write gets a fresh sandbox with the demo tokens; afterwards the
 * sandbox's state and every recorded request (bodies included) are checked. Secrets are compared,
 * never printed.
 */
class SeedStatementsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A chain on {@code box}. */
  private static LinodeAssert sql(SandboxFixture box, String sql) {
    return LinodeAssert.sql(sql).on(box);
  }

  /** The rows of a metadata statement, which must send no request. */
  private static List<List<String>> meta(SandboxFixture box, String sql) {
    return sql(box, sql).requests(0).table().rows();
  }

  static final String INSERT = """
      INSERT INTO linode.profile.personal_access_tokens (
      data__expiry,
      data__label,
      data__scopes
      )
      SELECT\s
      '2030-01-01T00:00:00',
      'seed-token',
      'linodes:read_only'
      RETURNING
      id,
      created,
      expiry,
      label,
      scopes,
      token
      ;""";

  static final String REPLACE = """
      REPLACE linode.profile.personal_access_tokens
      SET\s
      data__label = 'ci-deploy-renamed'
      WHERE tokenId = 2
      RETURNING
      id,
      created,
      expiry,
      label,
      scopes,
      token;""";

  static final String DELETE = "DELETE FROM linode.profile.personal_access_tokens\nWHERE tokenId = 3;";

  static final String SELECT_LIST = """
      SELECT
      id,
      created,
      expiry,
      label,
      scopes,
      token
      FROM linode.profile.personal_access_tokens;""";

  static final String SELECT_ONE = """
      SELECT
      id,
      created,
      expiry,
      label,
      scopes,
      token
      FROM linode.profile.personal_access_tokens
      WHERE tokenId = 4;""";

  static final String ENVELOPE = """
      SELECT
      data,
      page,
      pages,
      results
      FROM linode.profile.personal_access_tokens;""";

  @Test void insertSelectReturningGivesTheFullSecretOnce() throws Exception {
    try (SandboxFixture box = SandboxFixture.demo()) {
      ResultSets.Table result = sql(box, INSERT).sends("POST /v4/profile/tokens"
          + " {\"expiry\":\"2030-01-01T00:00:00\",\"label\":\"seed-token\","
          + "\"scopes\":\"linodes:read_only\"}").conforms().table();
      assertThat(result.columns())
          .containsExactly("id", "created", "expiry", "label", "scopes", "token");
      assertThat(result.rows()).hasSize(1);
      List<String> row = result.rows().get(0);
      assertThat(row.get(0)).isEqualTo("9");
      assertThat(row.subList(2, 5))
          .containsExactly("2030-01-01 00:00:00", "seed-token", "linodes:read_only");

      SandboxToken created = box.token(9);
      assertThat(box.ids()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
      assertThat(created.label()).isEqualTo("seed-token");
      assertThat(created.scopes()).isEqualTo("linodes:read_only");
      assertThat(created.expiry()).isEqualTo(LocalDateTime.of(2030, 1, 1, 0, 0));
      // The full 64-character secret, equal to the stored one (compared, never printed).
      String secret = row.get(5);
      assertThat(secret.length()).as("length of the returned token").isEqualTo(64);
      assertThat(secret.equals(created.secret())).as("returned token equals the stored secret")
          .isTrue();
      assertThat(row.get(1)).isEqualTo(created.created()
          .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
    }
  }

  @Test void replaceSetLabelWhereTokenIdReturnsTheRowAfter() throws Exception {
    try (SandboxFixture box = SandboxFixture.demo()) {
      SandboxToken before = box.token(2);
      sql(box, REPLACE).sends("GET /v4/profile/tokens/2",
          "PUT /v4/profile/tokens/2 {\"label\":\"ci-deploy-renamed\"}").conforms()
          .returns(t -> {
            assertThat(t.columns()).containsExactly("id", "created", "expiry", "label", "scopes",
                "token");
            assertThat(t.rows()).containsExactly(List.of("2", "2024-03-02 14:05:11",
                "2027-03-02 14:05:11", "ci-deploy-renamed", "linodes:read_write lke:read_write",
                before.prefix()));
          });
      assertThat(box.token(2)).isEqualTo(before.withLabel("ci-deploy-renamed"));
      assertThat(box.ids()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
      assertThat(box.labels()).containsEntry(3, "terraform").containsEntry(4, "linode-cli");
    }
  }

  @Test void deleteWhereTokenIdRevokesThatTokenOnly() throws Exception {
    try (SandboxFixture box = SandboxFixture.demo()) {
      sql(box, DELETE).sends("GET /v4/profile/tokens/3", "DELETE /v4/profile/tokens/3")
          .conforms().updates(1);
      assertThat(box.ids()).containsExactly(1, 2, 4, 5, 6, 7, 8);
    }
  }

  @Test void listSelectAsWritten() throws Exception {
    try (SandboxFixture box = SandboxFixture.demo()) {
      List<List<String>> result = sql(box, SELECT_LIST)
          .sends("GET /v4/profile/tokens?page=1&page_size=500").conforms().table().rows();
      assertThat(result).hasSize(8);
      assertThat(result).extracting(r -> r.get(0))
          .containsExactlyInAnyOrder("1", "2", "3", "4", "5", "6", "7", "8");
      for (List<String> r : result) {
        SandboxToken t = box.token(Integer.parseInt(r.get(0)));
        assertThat(r.get(3)).isEqualTo(t.label());
        assertThat(r.get(4)).isEqualTo(t.scopes());
        assertThat(r.get(5)).isEqualTo(t.prefix()).hasSize(16);
      }
    }
  }

  @Test void singleSelectWhereTokenIdIsOneGet() throws Exception {
    try (SandboxFixture box = SandboxFixture.demo()) {
      sql(box, SELECT_ONE).sends("GET /v4/profile/tokens/4").conforms()
          .returns("id=4; created=2022-11-01 17:45:30; expiry=null; label=linode-cli; scopes=*; token="
              + box.token(4).prefix());
    }
  }

  @Test void envelopeSelectGivesThePageAsJsonText() throws Exception {
    try (SandboxFixture box = SandboxFixture.demo()) {
      ResultSets.Table t = sql(box, ENVELOPE)
          .sends("GET /v4/profile/tokens?page=1&page_size=500").conforms().table();
      assertThat(t.columns()).containsExactly("data", "page", "pages", "results");
      List<List<String>> result = t.rows();
      assertThat(result).hasSize(1);
      assertThat(result.get(0).subList(1, 4)).containsExactly("1", "1", "8");
      JsonNode data = JSON.readTree(result.get(0).get(0));
      assertThat(data.isArray()).isTrue();
      assertThat(data.size()).isEqualTo(8);
      assertThat(data.get(0).get("id").asInt()).isEqualTo(1);
      assertThat(data.get(0).get("token").asText()).isEqualTo(box.token(1).prefix());
      assertThat(data.get(4).get("label").isNull()).isTrue();
    }
  }

  @Test void showAndDescribeAsWritten() throws Exception {
    try (SandboxFixture box = SandboxFixture.demo()) {
      // metadata needs no API call: requests(0)
      assertThat(meta(box, "SHOW SERVICES IN linode;")).extracting(r -> r.get(0))
          .containsExactly("linode.profile");
      assertThat(meta(box, "SHOW RESOURCES IN linode.profile;"))
          .extracting(r -> r.subList(0, 2))
          .containsExactly(List.of("personal_access_tokens", "linode.profile.personal_access_tokens"));
      assertThat(meta(box, "SHOW METHODS IN linode.profile.personal_access_tokens;"))
          .extracting(r -> r.subList(0, 3)).containsExactly(
              List.of("get_personal_access_token", "tokenId", "select"),
              List.of("get_personal_access_tokens", "", "select"),
              List.of("post_personal_access_token", "", "insert"),
              List.of("put_personal_access_token", "tokenId", "replace"),
              List.of("delete_personal_access_token", "tokenId", "delete"));
      assertThat(meta(box, "DESCRIBE linode.profile.personal_access_tokens;"))
          .extracting(r -> r.subList(0, 2)).containsExactly(
              List.of("id", "integer"), List.of("created", "string (date-time)"),
              List.of("expiry", "string (date-time)"), List.of("label", "string"),
              List.of("scopes", "string"), List.of("token", "string"));
      assertThat(box.server().store().all()).isEqualTo(SampleData.demo());
    }
  }

  /** The demo data's ids and labels, unchanged by all of the above reads. */
  @Test void readsChangeNothing() throws Exception {
    try (SandboxFixture box = SandboxFixture.demo()) {
      sql(box, SELECT_LIST).table();
      sql(box, SELECT_ONE).table();
      sql(box, ENVELOPE).table();
      assertThat(box.server().store().all()).isEqualTo(SampleData.demo());
      assertThat(box.writes()).isEmpty();
    }
  }
}
