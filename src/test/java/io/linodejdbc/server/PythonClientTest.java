package io.linodejdbc.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.linodejdbc.sandbox.SampleData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Python's PostgreSQL stack (Debian's psycopg2 and pandas) against the server. */
class PythonClientTest {
  private static PgServerFixture f;

  @BeforeAll
  static void start() {
    f = PgServerFixture.start(SampleData.demo());
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  private static ExternalClients.Result python(String script, String... modules) {
    Path python = ExternalClients.python(modules);
    return ExternalClients.run(List.of(python.toString(), "-c", script),
        Map.of("PGHOST", "127.0.0.1", "PGPORT", Integer.toString(f.server.port()),
            "PGUSER", "analyst", "PGDATABASE", "linode", "PGPASSWORD", f.token()), 120);
  }

  @Test
  void psycopg2ConnectsAndQueriesWithParameters() {
    ExternalClients.Result r = python(String.join("\n",
        "import psycopg2, datetime",
        "c = psycopg2.connect('')",
        "cur = c.cursor()",
        "cur.execute('SELECT id, label, created FROM personal_access_tokens WHERE id = %s', (2,))",
        "row = cur.fetchone()",
        "print(row[0], row[1], isinstance(row[2], datetime.datetime))",
        "print([d[0] for d in cur.description])",
        "cur.execute('SELECT COUNT(*) FROM personal_access_tokens WHERE label LIKE %s', ('%e%',))",
        "print(cur.fetchone()[0] > 0)",
        "c.rollback()",
        "c.close()"), "psycopg2");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out().lines().toList()).containsExactly("2 ci-deploy True",
        "['id', 'label', 'created']", "True");
  }

  @Test
  void sqlAlchemyReflectsColumnsAndPrimaryKey() {
    ExternalClients.Result r = python(String.join("\n",
        "import warnings; warnings.simplefilter('ignore')",
        "import os, sqlalchemy as sa",
        "e = sa.create_engine('postgresql+psycopg2://analyst:%s@127.0.0.1:%s/linode'"
            + " % (os.environ['PGPASSWORD'], os.environ['PGPORT']))",
        "i = sa.inspect(e)",
        "cols = i.get_columns('personal_access_tokens', schema='profile')",
        "print([(c['name'], str(c['type']), c['nullable']) for c in cols])",
        "print(cols[0]['comment'] is not None, cols[0]['default'])",
        "print(i.get_pk_constraint('personal_access_tokens', schema='profile'))",
        "print(i.get_table_names(schema='profile'))"), "psycopg2", "sqlalchemy");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out().lines().toList()).containsExactly("[('id', 'INTEGER', False),"
        + " ('created', 'TIMESTAMP', False), ('expiry', 'TIMESTAMP', True),"
        + " ('label', 'VARCHAR(100)', True), ('scopes', 'VARCHAR', True),"
        + " ('token', 'VARCHAR', True)]", "True None",
        "{'constrained_columns': ['id'], 'name': 'personal_access_tokens_pkey'}",
        "['personal_access_tokens']");
  }

  /**
   * SQLAlchemy's whole inspector, as Superset reflects a database, and a reflected table queried.
   * get_indexes needed {@code ix.indkey::varchar} as int2vector's text ("1 2"); the rest ran on
   * the catalog as it was.
   */
  @Test
  void sqlAlchemyFullReflectionAsSupersetDoes() {
    ExternalClients.Result r = python(String.join("\n",
        "import warnings; warnings.simplefilter('ignore')",
        "import os, sqlalchemy as sa",
        "e = sa.create_engine('postgresql+psycopg2://analyst:%s@127.0.0.1:%s/linode'"
            + " % (os.environ['PGPASSWORD'], os.environ['PGPORT']))",
        "i = sa.inspect(e)",
        "t, s = 'personal_access_tokens', 'profile'",
        "print(i.get_schema_names())",
        "print(i.get_table_names(schema=s), i.get_view_names(schema=s))",
        "print(i.has_table(t, schema=s), i.has_table('no_such_table', schema=s))",
        "print(i.get_foreign_keys(t, schema=s), i.get_indexes(t, schema=s))",
        "print(i.get_unique_constraints(t, schema=s), i.get_check_constraints(t, schema=s))",
        "print('Personal Access Tokens' in i.get_table_comment(t, schema=s)['text'])",
        "print([c['name'] for c in i.get_columns(t + '_pages', schema=s)])",
        "m = sa.MetaData()",
        "m.reflect(bind=e, schema=s)",
        "print(sorted(m.tables))",
        "tok = m.tables['profile.personal_access_tokens']",
        "print([c.name for c in tok.primary_key.columns])",
        "with e.connect() as c:",
        "    q = sa.select(tok.c.id, tok.c.label).where(tok.c.id <= 3).order_by(tok.c.id)",
        "    print([tuple(row) for row in c.execute(q)])"), "psycopg2", "sqlalchemy");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out().lines().toList()).containsExactly("['information_schema', 'profile']",
        "['personal_access_tokens'] ['personal_access_tokens_pages']", "True False", "[] []",
        "[] []", "True", "['data', 'page', 'pages', 'results']",
        "['profile.personal_access_tokens']", "['id']",
        "[(1, 'linode-sql'), (2, 'ci-deploy'), (3, 'terraform')]");
  }

  @Test
  void pandasReadSqlGivesTimestampsAsDatetimes() {
    ExternalClients.Result r = python(String.join("\n",
        "import warnings; warnings.simplefilter('ignore')",
        "import psycopg2, pandas as pd",
        "c = psycopg2.connect('')",
        "df = pd.read_sql('SELECT id, label, created, expiry FROM personal_access_tokens"
            + " ORDER BY id', c)",
        "print(len(df), str(df['created'].dtype), str(df['id'].dtype))",
        "print(df['created'].iloc[0].isoformat())",
        "c.close()"), "psycopg2", "pandas");
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo(SampleData.demo().size() + " datetime64[ns] int64");
    assertThat(lines.get(1)).isEqualTo("2024-01-15T09:30:00");
  }
}
