package io.linodejdbc.frameworks;

import static org.assertj.core.api.Assertions.assertThat;

import io.linodejdbc.sandbox.LabelMatching;
import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.testing.SandboxFixture;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** Spring JDBC and spring-tx on the driver. */
class SpringJdbcTest {
  private static final String T = "personal_access_tokens";
  private SandboxFixture sandbox;
  private SingleConnectionDataSource ds;

  record Token(int id, String label, LocalDateTime created, OffsetDateTime expiry) {}

  @BeforeEach void start() {
    sandbox = SandboxFixture.start(SampleData.demo(), LabelMatching.EXACT);
    ds = new SingleConnectionDataSource("jdbc:linode:", "", sandbox.server().actingToken(), true);
    ds.setDriverClassName("io.linodejdbc.jdbc.LinodeDriver");
    java.util.Properties p = new java.util.Properties();
    p.setProperty("apiUrl", sandbox.server().baseUrl());
    ds.setConnectionProperties(p);
  }

  @AfterEach void stop() {
    ds.destroy();
    sandbox.close();
  }

  private long writes() {
    return sandbox.requests().stream().filter(r -> !r.method().equals("GET")).count();
  }

  @Test void jdbcTemplateQueriesAndUpdates() {
    JdbcTemplate jdbc = new JdbcTemplate(ds);
    assertThat(jdbc.queryForObject("SELECT label FROM " + T + " WHERE id = ?", String.class, 2))
        .isEqualTo("ci-deploy");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM " + T, Long.class)).isEqualTo(8L);
    assertThat(jdbc.update("UPDATE " + T + " SET label = ? WHERE id = ?", "spring", 3))
        .isEqualTo(1);
    assertThat(sandbox.server().store().get(3).orElseThrow().label()).isEqualTo("spring");
  }

  @Test void namedParametersWithInListsAndJavaTime() {
    NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(ds);
    List<Integer> ids = named.queryForList("SELECT id FROM " + T
        + " WHERE id IN (:ids) AND created >= :since ORDER BY id",
        new MapSqlParameterSource("ids", List.of(2, 3, 7, 8))
            .addValue("since", OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)),
        Integer.class);
    assertThat(ids).containsExactly(2, 7, 8);
    assertThat(named.queryForList("SELECT id FROM " + T + " WHERE created < :before ORDER BY id",
        Map.of("before", LocalDateTime.of(2020, 3, 1, 0, 0)), Integer.class))
        .containsExactly(5, 6);
  }

  @Test void dataClassRowMapperFillsJavaTimeFields() {
    List<Token> tokens = new JdbcTemplate(ds).query("SELECT id, label, created, expiry FROM " + T
        + " WHERE id IN (2, 4) ORDER BY id", new DataClassRowMapper<>(Token.class));
    assertThat(tokens).containsExactly(
        new Token(2, "ci-deploy", LocalDateTime.parse("2024-03-02T14:05:11"),
            OffsetDateTime.parse("2027-03-02T14:05:11Z")),
        new Token(4, "linode-cli", LocalDateTime.parse("2022-11-01T17:45:30"), null));
  }

  @Test void simpleJdbcInsertReturnsTheKey() {
    Number id = new SimpleJdbcInsert(ds).withTableName(T).usingColumns("label", "scopes")
        .usingGeneratedKeyColumns("id")
        .executeAndReturnKey(Map.of("label", "spring-insert", "scopes", "*"));
    assertThat(sandbox.server().store().get(id.intValue()).orElseThrow().label())
        .isEqualTo("spring-insert");
    assertThat(writes()).isEqualTo(1);
  }

  @Test void transactionTemplateReadOnlyCommitAndRollback() {
    DataSourceTransactionManager manager = new DataSourceTransactionManager(ds);
    JdbcTemplate jdbc = new JdbcTemplate(ds);
    TransactionTemplate readOnly = new TransactionTemplate(manager);
    readOnly.setReadOnly(true);
    String read = readOnly.execute(status -> jdbc.queryForObject(
        "SELECT label FROM " + T + " WHERE id = 7", String.class));
    assertThat(read).isEqualTo("monitoring");

    TransactionTemplate tx = new TransactionTemplate(manager);
    tx.executeWithoutResult(status -> {
      jdbc.update("UPDATE " + T + " SET label = 'tx-a' WHERE id = 2");
      jdbc.update("DELETE FROM " + T + " WHERE id = 6");
      assertThat(writes()).isZero(); // sent at commit
    });
    assertThat(writes()).isEqualTo(2);
    assertThat(sandbox.server().store().get(2).orElseThrow().label()).isEqualTo("tx-a");
    assertThat(sandbox.server().store().get(6)).isEmpty();

    tx.executeWithoutResult(status -> {
      jdbc.update("UPDATE " + T + " SET label = 'tx-b' WHERE id = 3");
      status.setRollbackOnly();
    });
    assertThat(writes()).isEqualTo(2);
    assertThat(sandbox.server().store().get(3).orElseThrow().label()).isEqualTo("terraform");
  }
}
