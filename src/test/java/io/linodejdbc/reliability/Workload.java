package io.linodejdbc.reliability;

import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.sandbox.SandboxToken;
import io.linodejdbc.testing.H2Oracle;
import io.linodejdbc.testing.ResultSets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A mixed read workload over 300 hostile tokens, with H2's answers precomputed. */
final class Workload {
  static final List<SandboxToken> TOKENS = SampleData.adversarial(300, 7);

  static final List<String> QUERIES = List.of(
      "SELECT * FROM personal_access_tokens WHERE id = 17",
      "SELECT id, label FROM personal_access_tokens WHERE id IN (1, 2, 3, 150, 299, 300, 301)",
      "SELECT id FROM personal_access_tokens WHERE id BETWEEN 40 AND 60",
      "SELECT COUNT(*) FROM personal_access_tokens",
      "SELECT id, label FROM personal_access_tokens WHERE label = 'deploy'",
      "SELECT id, label FROM personal_access_tokens WHERE label LIKE '%a%' ORDER BY id",
      "SELECT id, created FROM personal_access_tokens WHERE created >= TIMESTAMP '2020-01-01 00:00:00'"
          + " ORDER BY created, id LIMIT 30",
      "SELECT scopes, COUNT(*) FROM personal_access_tokens GROUP BY scopes",
      "SELECT id FROM personal_access_tokens WHERE expiry IS NULL ORDER BY id",
      "SELECT MAX(created), MIN(created) FROM personal_access_tokens WHERE label IS NOT NULL",
      "SELECT * FROM personal_access_tokens",
      "SELECT id, label FROM personal_access_tokens WHERE label <> 'deploy' AND id < 100 ORDER BY id");

  private Workload() {}

  /** H2's answer to each query, in order. */
  static List<ResultSets.Table> expected() throws SQLException {
    try (H2Oracle oracle = H2Oracle.load(TOKENS)) {
      List<ResultSets.Table> out = new ArrayList<>();
      for (String q : QUERIES) {
        out.add(oracle.query(q));
      }
      return out;
    }
  }

  static boolean ordered(String sql) {
    return sql.contains("ORDER BY");
  }
}
