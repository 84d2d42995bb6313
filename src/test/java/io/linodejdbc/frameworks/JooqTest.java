package io.linodejdbc.frameworks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.linodejdbc.sandbox.LabelMatching;
import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.testing.SandboxFixture;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** jOOQ on the driver: plain SQL, LIMIT bound as a long, INSERT … RETURNING, meta(). */
class JooqTest {
  private static final Table<Record> TOKENS = table(name("personal_access_tokens"));
  private static final Field<Integer> ID = field(name("id"), Integer.class);
  private static final Field<String> LABEL = field(name("label"), String.class);
  private static final Field<String> SECRET = field(name("token"), String.class);
  private SandboxFixture sandbox;
  private DSLContext ctx;

  @BeforeEach void start() throws SQLException {
    sandbox = SandboxFixture.start(SampleData.demo(), LabelMatching.EXACT);
    Connection c = sandbox.connect();
    ctx = DSL.using(c);
  }

  @AfterEach void stop() {
    sandbox.close();
  }

  @Test void plainSql() {
    assertThat(ctx.fetch("SELECT id, label FROM personal_access_tokens WHERE id = ?", 2)
        .getValue(0, "label")).isEqualTo("ci-deploy");
  }

  @Test void limitIsBoundAsALong() {
    List<Integer> ids = ctx.select(ID).from(TOKENS).orderBy(ID).limit(3).fetch(ID);
    assertThat(ids).containsExactly(1, 2, 3);
    assertThat(ctx.select(ID).from(TOKENS).orderBy(ID).limit(2).offset(5).fetch(ID))
        .containsExactly(6, 7);
  }

  @Test void insertReturningGivesIdAndSecret() {
    Record r = ctx.insertInto(TOKENS).columns(LABEL).values("jooq").returning(ID, SECRET)
        .fetchOne();
    assertThat(r).isNotNull();
    int id = r.get(ID);
    assertThat(r.get(SECRET)).isEqualTo(sandbox.server().store().get(id).orElseThrow().secret());
    assertThat(sandbox.requests().stream().filter(q -> q.method().equals("POST")).count())
        .isEqualTo(1);
  }

  @Test void metaShowsTheTable() {
    List<String> tables = ctx.meta().getTables().stream().map(Table::getName).toList();
    assertThat(tables).contains("personal_access_tokens");
    Table<?> t = ctx.meta().getTables("personal_access_tokens").get(0);
    assertThat(t.getPrimaryKey()).isNotNull();
    assertThat(t.getPrimaryKey().getFields()).extracting(Field::getName).containsExactly("id");
  }
}
