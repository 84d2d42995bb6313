package io.linodejdbc.sql.write;

import static io.linodejdbc.testing.LinodeAssert.sql;
import static org.assertj.core.api.Assertions.assertThat;

import io.linodejdbc.sandbox.LabelMatching;
import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.testing.SandboxFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link WritePlanner}: everything about a write that can be known without the API is refused
 * when it is prepared, with its SQLSTATE and words from the resource's descriptor, and costs no
 * request.
 */
class WritePlannerTest {
  private static final String T = "personal_access_tokens";
  private SandboxFixture fixture;

  @BeforeEach
  void start() {
    fixture = SandboxFixture.start(SampleData.demo(), LabelMatching.EXACT);
    fixture.clearRequests();
  }

  @AfterEach
  void stop() {
    assertThat(fixture.requests()).as("requests of refused writes").isEmpty();
    fixture.close();
  }

  private void refused(String statement, String sqlState, String... messageParts) {
    sql(statement).on(fixture).failsWith(sqlState, messageParts);
  }

  @Test void columnsLinodeSetsOrFixesAtCreation() {
    refused("INSERT INTO " + T + " (id, label) VALUES (1, 'x')", "428C9",
        "Column 'id' is set by Linode and cannot be written");
    refused("INSERT INTO " + T + " VALUES (1, NULL, NULL, 'x', '*', NULL)", "428C9",
        "name the columns to insert, e.g. INSERT INTO personal_access_tokens (expiry, label,"
            + " scopes) VALUES (...)");
    refused("UPDATE " + T + " SET scopes = '*' WHERE id = 2", "428C9",
        "Column 'scopes' cannot be changed after a token is created; only label can be");
  }

  @Test void unknownAndRepeatedColumns() {
    refused("INSERT INTO " + T + " (label, colour) VALUES ('x', 'red')", "42703",
        "Unknown column 'colour' in personal_access_tokens");
    refused("UPDATE " + T + " SET label = 'a', label = 'b' WHERE id = 2", "42701",
        "Column 'label' is written twice");
    refused("INSERT INTO " + T + " (label) VALUES ('x') RETURNING nope", "42703",
        "RETURNING names unknown column 'nope'");
    // the grammar takes only names there; the planner's own check is a second line
    refused("INSERT INTO " + T + " (label) VALUES ('x') RETURNING upper(label)", "42601",
        "syntax error at or near \"upper\"");
  }

  @Test void writesWithoutWhereAndUpserts() {
    refused("DELETE FROM " + T, "55000", "DELETE without WHERE would delete every row of"
        + " personal_access_tokens", "WHERE id = 123", "allowFullTableDml=true");
    refused("UPDATE " + T + " SET label = 'all'", "55000", "UPDATE without WHERE would change");
    refused("UPSERT INTO " + T + " (label) VALUES ('x')", "55000", "UPSERT is not supported");
  }

  @Test void onlyLinodeTablesAreWritten() {
    refused("DELETE FROM nosuchtable WHERE id = 1", "42S02", "Table 'nosuchtable' not found");
  }
}
