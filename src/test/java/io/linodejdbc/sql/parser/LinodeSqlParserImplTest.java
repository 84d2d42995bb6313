package io.linodejdbc.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlDescribeTable;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserImplFactory;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.impl.SqlParserImpl;
import org.apache.calcite.sql.util.SqlShuttle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinodeSqlParserImplTest {
  private static final String TABLE = "linode.profile.personal_access_tokens";

  /** The driver's identifier rules, with our parser or Calcite's. */
  private static SqlParser.Config config(SqlParserImplFactory factory) {
    return SqlParser.config()
        .withParserFactory(factory)
        .withQuoting(Quoting.DOUBLE_QUOTE)
        .withUnquotedCasing(Casing.TO_LOWER)
        .withQuotedCasing(Casing.UNCHANGED)
        .withCaseSensitive(true);
  }

  private static SqlNode parse(String sql) throws SqlParseException {
    return SqlParser.create(sql, config(LinodeSqlParserImpl.FACTORY)).parseStmt();
  }

  private static SqlNode parseWithCalcite(String sql) throws SqlParseException {
    return SqlParser.create(sql, config(SqlParserImpl.FACTORY)).parseStmt();
  }

  /** Parses a script of one statement that ends in {@code ;}, as the seed statements do. */
  private static SqlNode parseScript(String sql) throws SqlParseException {
    SqlNodeList list = SqlParser.create(sql, config(LinodeSqlParserImpl.FACTORY)).parseStmtList();
    assertThat(list).hasSize(1);
    return list.get(0);
  }

  /** Parse, unparse in Calcite's dialect, parse again: the same tree. */
  private static void assertRoundTrip(SqlNode node) throws SqlParseException {
    String sql = node.toSqlString(CalciteSqlDialect.DEFAULT).getSql();
    SqlNode again = parse(sql);
    assertThat(again.getClass()).as(sql).isEqualTo(node.getClass());
    assertThat(again.toString()).as(sql).isEqualTo(node.toString());
    assertThat(again.equalsDeep(node, org.apache.calcite.util.Litmus.IGNORE)).as(sql).isTrue();
  }

  private static List<String> names(SqlNodeList list) {
    return list.stream().map(SqlNode::toString).toList();
  }

  // ---------------------------------------------------------------------------------------------
  // The seed statements (docs for linode.profile.personal_access_tokens), placeholders filled in.

  @Test void seedSelects() throws Exception {
    for (String sql :
        List.of(
            "SELECT\nid,\ncreated,\nexpiry,\nlabel,\nscopes,\ntoken\nFROM " + TABLE + ";",
            "SELECT\ndata,\npage,\npages,\nresults\nFROM " + TABLE + ";")) {
      SqlNode node = parseScript(sql);
      assertThat(node).isInstanceOf(SqlSelect.class);
      String stripped = sql.substring(0, sql.length() - 1);
      assertThat(node.toString()).isEqualTo(parseWithCalcite(stripped).toString());
    }
  }

  @Test void seedInsertReturning() throws Exception {
    SqlNode node =
        parseScript(
            "INSERT INTO " + TABLE + " (\ndata__expiry,\ndata__label,\ndata__scopes\n)\n"
                + "SELECT \n'2030-01-01T00:00:00',\n'ci',\n'linodes:read_only'\n"
                + "RETURNING\nid,\ncreated,\nexpiry,\nlabel,\nscopes,\ntoken\n;");
    SqlReturning returning = (SqlReturning) node;
    SqlInsert insert = (SqlInsert) returning.getDml();
    assertThat(insert.getTargetTable().toString())
        .isEqualTo("linode.profile.personal_access_tokens");
    assertThat(names(insert.getTargetColumnList()))
        .containsExactly("data__expiry", "data__label", "data__scopes");
    SqlSelect source = (SqlSelect) insert.getSource();
    // RETURNING is not swallowed as an alias of the last select item
    assertThat(names(source.getSelectList()))
        .containsExactly("'2030-01-01T00:00:00'", "'ci'", "'linodes:read_only'");
    assertThat(names(returning.getReturnList()))
        .containsExactly("id", "created", "expiry", "label", "scopes", "token");
    assertThat(returning.isStar()).isFalse();
    assertThat(returning.getKind()).isEqualTo(SqlKind.OTHER);
    assertRoundTrip(node);
  }

  @Test void seedReplaceReturning() throws Exception {
    SqlNode node =
        parseScript(
            "REPLACE " + TABLE + "\nSET \ndata__label = 'x'\nWHERE \ntokenId = 123\n"
                + "RETURNING\nid,\ncreated,\nexpiry,\nlabel,\nscopes,\ntoken;");
    SqlReturning returning = (SqlReturning) node;
    SqlReplace replace = (SqlReplace) returning.getDml();
    assertThat(replace).isInstanceOf(SqlUpdate.class);
    assertThat(replace.getKind()).isEqualTo(SqlKind.UPDATE);
    assertThat(replace.getTargetTable().toString())
        .isEqualTo("linode.profile.personal_access_tokens");
    assertThat(names(replace.getTargetColumnList())).containsExactly("data__label");
    assertThat(names(replace.getSourceExpressionList())).containsExactly("'x'");
    assertThat(String.valueOf(replace.getCondition())).isEqualTo("`tokenid` = 123");
    assertThat(replace.getAlias()).isNull();
    assertThat(replace.getSourceSelect()).isNull();
    assertThat(returning.getReturnList()).hasSize(6);
    assertRoundTrip(node);
  }

  @Test void seedShortReplaceFromTheBrief() throws Exception {
    SqlNode node =
        parseScript("REPLACE " + TABLE + " SET data__label = 'x' WHERE tokenId = 123 RETURNING id, label;");
    assertThat(((SqlReturning) node).getDml()).isInstanceOf(SqlReplace.class);
    assertThat(names(((SqlReturning) node).getReturnList())).containsExactly("id", "label");
    assertRoundTrip(node);
  }

  @Test void seedDelete() throws Exception {
    SqlNode node = parseScript("DELETE FROM " + TABLE + " WHERE tokenId = 123;");
    assertThat(node.getClass()).isEqualTo(SqlDelete.class);
    assertThat(node.toString())
        .isEqualTo(parseWithCalcite("DELETE FROM " + TABLE + " WHERE tokenId = 123").toString());
  }

  // ---------------------------------------------------------------------------------------------
  // RETURNING

  @Test void insertValuesReturningStar() throws Exception {
    SqlNode node =
        parse("INSERT INTO " + TABLE + " (data__label, data__scopes) VALUES ('a', '*'), ('b', '*') RETURNING *");
    SqlReturning returning = (SqlReturning) node;
    assertThat(returning.isStar()).isTrue();
    SqlInsert insert = (SqlInsert) returning.getDml();
    assertThat(insert.getSource().getKind()).isEqualTo(SqlKind.VALUES);
    assertThat(insert.toString())
        .isEqualTo(
            parseWithCalcite("INSERT INTO " + TABLE + " (data__label, data__scopes) VALUES ('a', '*'), ('b', '*')")
                .toString());
    assertRoundTrip(node);
  }

  @Test void updateReturningWithDynamicParameters() throws Exception {
    SqlNode node = parse("UPDATE " + TABLE + " SET label = ? WHERE id = ? RETURNING id");
    SqlUpdate update = (SqlUpdate) ((SqlReturning) node).getDml();
    assertThat(update.getClass()).isEqualTo(SqlUpdate.class);
    assertThat(update.toString())
        .isEqualTo(parseWithCalcite("UPDATE " + TABLE + " SET label = ? WHERE id = ?").toString());
    assertRoundTrip(node);
  }

  @Test void deleteReturningStar() throws Exception {
    SqlNode node = parse("DELETE FROM " + TABLE + " RETURNING *");
    SqlReturning returning = (SqlReturning) node;
    SqlDelete delete = (SqlDelete) returning.getDml();
    // RETURNING is not taken as the table's alias
    assertThat(delete.getAlias()).isNull();
    assertThat(returning.isStar()).isTrue();
    assertRoundTrip(node);
  }

  @Test void returningAliasesAndQuotedNames() throws Exception {
    SqlNode node =
        parse("DELETE FROM t AS x WHERE x.id = 1 RETURNING id AS token_id, \"Label\" AS \"L\", token");
    SqlNodeList list = ((SqlReturning) node).getReturnList();
    assertThat(list).hasSize(3);
    SqlBasicCall as = (SqlBasicCall) list.get(0);
    assertThat(as.getKind()).isEqualTo(SqlKind.AS);
    assertThat(((SqlIdentifier) as.operand(0)).getSimple()).isEqualTo("id");
    assertThat(((SqlIdentifier) as.operand(1)).getSimple()).isEqualTo("token_id");
    SqlBasicCall quoted = (SqlBasicCall) list.get(1);
    assertThat(((SqlIdentifier) quoted.operand(0)).getSimple()).isEqualTo("Label");
    assertThat(((SqlIdentifier) list.get(2)).getSimple()).isEqualTo("token");
    assertRoundTrip(node);
  }

  @Test void insertSelectFromTableReturning() throws Exception {
    SqlNode node = parse("INSERT INTO t (a) SELECT b FROM u RETURNING a");
    SqlInsert insert = (SqlInsert) ((SqlReturning) node).getDml();
    // not "FROM u AS returning"
    assertThat(((SqlSelect) insert.getSource()).getFrom()).isInstanceOf(SqlIdentifier.class);
    assertRoundTrip(node);
  }

  @Test void upsertReturning() throws Exception {
    SqlNode node = parse("UPSERT INTO t (a) VALUES (1) RETURNING a");
    assertThat(((SqlReturning) node).getDml()).isInstanceOf(SqlInsert.class);
    assertRoundTrip(node);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "INSERT INTO t RETURNING id",
        "DELETE FROM t RETURNING",
        "DELETE FROM t RETURNING *, id",
        "DELETE FROM t RETURNING id,",
        "DELETE FROM t RETURNING a.b",
        "DELETE FROM t RETURNING id + 1",
        "DELETE FROM t RETURNING id RETURNING id",
        "SELECT * FROM t RETURNING id",
        "MERGE INTO t USING u ON t.id = u.id WHEN MATCHED THEN UPDATE SET a = 1 RETURNING id",
      })
  void badReturningIsAParseError(String sql) {
    assertThatThrownBy(() -> parse(sql)).isInstanceOf(SqlParseException.class);
  }

  @Test void plainDmlStaysCalcitesOwnNodes() throws Exception {
    for (String sql :
        List.of(
            "INSERT INTO t (a, b) SELECT 'x', 'y'",
            "INSERT INTO t (a, b) SELECT 'x', 'y' AS z",
            "INSERT INTO t VALUES (1, 2), (3, 4)",
            "UPSERT INTO t VALUES (1, 2)",
            "UPDATE t SET a = 1, b = ? WHERE c = 2",
            "UPDATE t AS x SET a = x.b",
            "DELETE FROM t",
            "DELETE FROM t x WHERE x.a = 1",
            "MERGE INTO t USING u ON t.id = u.id WHEN MATCHED THEN UPDATE SET a = u.a")) {
      SqlNode ours = parse(sql);
      SqlNode calcite = parseWithCalcite(sql);
      assertThat(ours.getClass()).as(sql).isEqualTo(calcite.getClass());
      assertThat(ours.toString()).as(sql).isEqualTo(calcite.toString());
    }
    assertThat(parse("INSERT INTO t VALUES (1)").getClass()).isEqualTo(SqlInsert.class);
    assertThat(parse("UPDATE t SET a = 1").getClass()).isEqualTo(SqlUpdate.class);
    assertThat(parse("DELETE FROM t").getClass()).isEqualTo(SqlDelete.class);
  }

  @Test void explainStillWorks() throws Exception {
    String sql = "EXPLAIN PLAN FOR DELETE FROM t WHERE a = 1";
    assertThat(parse(sql).toString()).isEqualTo(parseWithCalcite(sql).toString());
  }

  // ---------------------------------------------------------------------------------------------
  // REPLACE

  @Test void replaceIsAnUpdateSpelledReplace() throws Exception {
    SqlNode node = parse("REPLACE " + TABLE + " SET data__label = 'x', a.b = 1 + 2");
    assertThat(node).isInstanceOf(SqlReplace.class);
    SqlReplace replace = (SqlReplace) node;
    assertThat(replace.getCondition()).isNull();
    assertThat(names(replace.getTargetColumnList())).containsExactly("data__label", "a.b");
    assertThat(replace.toSqlString(CalciteSqlDialect.DEFAULT).getSql())
        .startsWith("REPLACE \"linode\".\"profile\".\"personal_access_tokens\" SET ");
    assertRoundTrip(node);
    // the same operands as the UPDATE Calcite parses
    SqlUpdate update = (SqlUpdate) parseWithCalcite("UPDATE " + TABLE + " SET data__label = 'x', a.b = 1 + 2");
    assertThat(replace.getOperandList().toString()).isEqualTo(update.getOperandList().toString());
  }

  @Test void replaceCopiesStayReplace() throws Exception {
    SqlNode node = parse("REPLACE t SET a = 1 WHERE b = 2");
    SqlNode copy = node.clone(SqlParserPos.ZERO);
    assertThat(copy).isInstanceOf(SqlReplace.class);
    assertThat(copy.toString()).isEqualTo(node.toString());
    // a shuttle that changes an identifier rebuilds the call through its operator
    SqlNode renamed =
        node.accept(
            new SqlShuttle() {
              @Override public SqlNode visit(SqlIdentifier id) {
                return id.isSimple() && id.getSimple().equals("b")
                    ? new SqlIdentifier("tokenid", id.getParserPosition())
                    : id;
              }
            });
    assertThat(renamed).isInstanceOf(SqlReplace.class);
    assertThat(((SqlReplace) renamed).getCondition().toString()).isEqualTo("`tokenid` = 2");
  }

  @Test void replaceFunctionStillAFunction() throws Exception {
    for (String sql :
        List.of(
            "SELECT REPLACE('abc', 'b', 'x')",
            "SELECT replace(label, '-', '_') AS r FROM t WHERE REPLACE(label, 'a', 'b') = 'x'",
            "VALUES REPLACE('abc', 'b', 'x')")) {
      SqlNode ours = parse(sql);
      assertThat(ours.toString()).as(sql).isEqualTo(parseWithCalcite(sql).toString());
    }
    SqlSelect select = (SqlSelect) parse("SELECT REPLACE('abc', 'b', 'x')");
    assertThat(((SqlCall) select.getSelectList().get(0)).getOperator().getName()).isEqualToIgnoringCase("REPLACE");
  }

  @Test void replaceWithoutSetIsAParseErrorWithAPosition() {
    assertThatThrownBy(() -> parse("REPLACE t"))
        .isInstanceOfSatisfying(
            SqlParseException.class,
            e -> {
              assertThat(e.getPos()).isNotNull();
              assertThat(e.getPos().getLineNum()).isEqualTo(1);
              assertThat(e.getPos().getColumnNum()).isGreaterThan(1);
              assertThat(e.getMessage()).contains("SET");
            });
    assertThatThrownBy(() -> parse("REPLACE t WHERE a = 1"))
        .isInstanceOfSatisfying(
            SqlParseException.class, e -> assertThat(e.getPos().getColumnNum()).isEqualTo(11));
    assertThatThrownBy(() -> parse("REPLACE INTO t (a) VALUES (1)"))
        .isInstanceOf(SqlParseException.class);
  }

  // ---------------------------------------------------------------------------------------------
  // SHOW

  @Test void showServices() throws Exception {
    SqlShow show = (SqlShow) parse("SHOW SERVICES IN linode");
    assertThat(show.getShowKind()).isEqualTo(SqlShow.Kind.SERVICES);
    assertThat(show.getTarget().names).containsExactly("linode");
    assertThat(show.getLikePattern()).isNull();
    assertRoundTrip(show);

    SqlShow all = (SqlShow) parse("show services");
    assertThat(all.getTarget()).isNull();
    assertRoundTrip(all);
  }

  @Test void showResources() throws Exception {
    SqlShow show = (SqlShow) parse("SHOW RESOURCES IN linode.profile");
    assertThat(show.getShowKind()).isEqualTo(SqlShow.Kind.RESOURCES);
    assertThat(show.getTarget().names).containsExactly("linode", "profile");
    assertRoundTrip(show);
  }

  @Test void showMethods() throws Exception {
    SqlShow show = (SqlShow) parseScript("SHOW METHODS IN " + TABLE + ";");
    assertThat(show.getShowKind()).isEqualTo(SqlShow.Kind.METHODS);
    assertThat(show.getTarget().names).containsExactly("linode", "profile", "personal_access_tokens");
    assertThat(show.getKind()).isEqualTo(SqlKind.OTHER);
    assertRoundTrip(show);
  }

  @Test void showLike() throws Exception {
    SqlShow services = (SqlShow) parse("SHOW SERVICES IN linode LIKE 'pro%'");
    assertThat(((SqlLiteral) services.getLikePattern()).getValueAs(String.class)).isEqualTo("pro%");
    assertRoundTrip(services);
    SqlShow noTarget = (SqlShow) parse("SHOW SERVICES LIKE '%'");
    assertThat(noTarget.getTarget()).isNull();
    assertRoundTrip(noTarget);
    assertRoundTrip(parse("SHOW RESOURCES IN linode.profile LIKE 'personal%'"));
    assertRoundTrip(parse("SHOW METHODS IN \"linode\".\"profile\".\"personal_access_tokens\" LIKE '%token%'"));
    SqlNode copy = services.clone(SqlParserPos.ZERO);
    assertThat(copy).isInstanceOf(SqlShow.class);
    assertThat(copy.toString()).isEqualTo(services.toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SHOW",
        "SHOW TABLES",
        "SHOW RESOURCES",
        "SHOW METHODS",
        "SHOW METHODS IN",
        "SHOW SERVICES IN linode LIKE pro",
        "SHOW SERVICES IN linode LIKE 'a' LIKE 'b'",
      })
  void badShowIsAParseError(String sql) {
    assertThatThrownBy(() -> parse(sql)).isInstanceOf(SqlParseException.class);
  }

  @Test void newKeywordsAreStillIdentifiers() throws Exception {
    for (String sql :
        List.of(
            "SELECT methods FROM t",
            "SELECT services, resources, methods AS m FROM methods",
            "SELECT t.methods FROM services.resources AS t WHERE methods = 1",
            "INSERT INTO t (methods) VALUES (1)",
            "UPDATE services SET methods = 1",
            "DELETE FROM resources")) {
      assertThat(parse(sql).toString()).as(sql).isEqualTo(parseWithCalcite(sql).toString());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // DESCRIBE

  @Test void describeIsCalcitesDescribeTable() throws Exception {
    for (String sql :
        List.of(
            "DESCRIBE " + TABLE,
            "DESCRIBE TABLE " + TABLE,
            "DESCRIBE TABLE " + TABLE + " label",
            "DESCRIBE extended",
            "DESCRIBE extended.t",
            "DESCRIBE \"EXTENDED\" t")) {
      SqlNode ours = parse(sql);
      assertThat(ours.getClass()).as(sql).isEqualTo(SqlDescribeTable.class);
      assertThat(ours.toString()).as(sql).isEqualTo(parseWithCalcite(sql).toString());
    }
    SqlDescribeTable describe = (SqlDescribeTable) parseScript("DESCRIBE " + TABLE + ";");
    assertThat(describe.getTable().names).containsExactly("linode", "profile", "personal_access_tokens");
    assertThat(describe.getColumn()).isNull();
    assertRoundTrip(describe);
  }

  @Test void describeExtended() throws Exception {
    for (String sql :
        List.of(
            "DESCRIBE EXTENDED " + TABLE,
            "describe extended table " + TABLE,
            "DESCRIBE EXTENDED \"linode\".\"profile\".\"personal_access_tokens\"")) {
      SqlNode node = parse(sql);
      assertThat(node).as(sql).isInstanceOf(SqlDescribeExtended.class);
      SqlDescribeExtended describe = (SqlDescribeExtended) node;
      assertThat(describe.getKind()).isEqualTo(SqlKind.DESCRIBE_TABLE);
      assertThat(describe.isExtended()).isTrue();
      assertThat(describe.getTable().names).containsExactly("linode", "profile", "personal_access_tokens");
      assertThat(describe.getColumn()).isNull();
      assertRoundTrip(node);
      assertThat(node.clone(SqlParserPos.ZERO)).isInstanceOf(SqlDescribeExtended.class);
    }
  }

  @Test void otherDescribeFormsUnchanged() throws Exception {
    for (String sql :
        List.of(
            "DESCRIBE SCHEMA linode.profile",
            "DESCRIBE DATABASE linode",
            "DESCRIBE STATEMENT SELECT * FROM t",
            "DESCRIBE SELECT * FROM t")) {
      assertThat(parse(sql).toString()).as(sql).isEqualTo(parseWithCalcite(sql).toString());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Standard SQL parses exactly as with Calcite's own parser.

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT * FROM linode.profile.personal_access_tokens WHERE label LIKE 'ci-%' ORDER BY created DESC",
        "SELECT a.id, b.label FROM t AS a INNER JOIN u b ON a.id = b.id LEFT JOIN v USING (id)",
        "SELECT id FROM t CROSS JOIN u NATURAL JOIN w",
        "SELECT id, ROW_NUMBER() OVER (PARTITION BY scopes ORDER BY created) AS rn, "
            + "SUM(id) OVER w FROM t WINDOW w AS (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)",
        "WITH recent AS (SELECT * FROM t WHERE created > TIMESTAMP '2024-01-01 00:00:00') "
            + "SELECT COUNT(*) FROM recent",
        "WITH RECURSIVE r (n) AS (VALUES (1) UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT n FROM r",
        "SELECT REPLACE('abc', 'b', 'x')",
        "SELECT methods FROM t",
        "SELECT * FROM t LIMIT 10 OFFSET 5",
        "SELECT * FROM t ORDER BY id OFFSET 5 ROWS FETCH NEXT 10 ROWS ONLY",
        "SELECT * FROM t FETCH FIRST 3 ROWS ONLY",
        "SELECT label, COUNT(*) FROM t GROUP BY label HAVING COUNT(*) > 1",
        "SELECT CASE WHEN expiry IS NULL THEN 'never' ELSE CAST(expiry AS VARCHAR) END FROM t",
        "SELECT * FROM t WHERE id IN (1, 2, 3) AND label NOT LIKE '%x%' OR scopes = '*'",
        "SELECT * FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.id = t.id)",
        "SELECT id FROM t UNION SELECT id FROM u EXCEPT SELECT id FROM w",
        "SELECT \"Label\", \"id\" FROM \"linode\".\"profile\".\"personal_access_tokens\"",
        "SELECT JSON_VALUE(j, 'lax $.a' RETURNING INTEGER) FROM t",
        "SELECT SUBSTRING(label FROM 2 FOR 3), TRIM(BOTH ' ' FROM label), POSITION('a' IN label) FROM t",
        "SELECT * FROM TABLE(f(1)) AS x (a, b)",
        "SELECT INTERVAL '1' DAY, DATE '2024-01-01', CURRENT_TIMESTAMP FROM t",
        "SELECT id FROM t WHERE label = ? AND id > ?",
        "VALUES (1, 'a'), (2, 'b')",
        "SELECT * FROM t MATCH_RECOGNIZE (ORDER BY id PATTERN (A B*) DEFINE B AS B.id > A.id)",
        "SET x = 1",
        "RESET ALL",
        "ALTER SYSTEM SET x = 1",
      })
  void standardSqlParsesLikeCalcite(String sql) throws Exception {
    SqlNode ours = parse(sql);
    SqlNode calcite = parseWithCalcite(sql);
    assertThat(ours.getClass()).isEqualTo(calcite.getClass());
    assertThat(ours.toString()).isEqualTo(calcite.toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT FROM t",
        "SELECT * FROM",
        "SELECT select FROM t",
        "INSERT t VALUES (1)",
        "UPDATE t WHERE a = 1",
        "SELECT JSON_OBJECT('a' VALUE 1 RETURNING VARCHAR(20)) FROM t",
        "SET SCHEMA linode",
      })
  void badSqlFailsLikeCalcite(String sql) {
    assertThatThrownBy(() -> parseWithCalcite(sql)).isInstanceOf(SqlParseException.class);
    assertThatThrownBy(() -> parse(sql)).isInstanceOf(SqlParseException.class);
  }

  @Test void statementLists() throws Exception {
    String script =
        "SELECT 1; INSERT INTO t VALUES (1) RETURNING *; SHOW SERVICES; DESCRIBE t; REPLACE t SET a = 1";
    SqlNodeList list = SqlParser.create(script, config(LinodeSqlParserImpl.FACTORY)).parseStmtList();
    assertThat(list.stream().map(n -> n.getClass().getSimpleName()))
        .containsExactly("SqlSelect", "SqlReturning", "SqlShow", "SqlDescribeTable", "SqlReplace");
  }

  // ---------------------------------------------------------------------------------------------
  // Keywords: Calcite's set, plus three non-reserved ones; RETURNING reserved.

  @Test void keywordsDifferFromCalcitesOnlyWhereIntended() {
    SqlAbstractParserImpl.Metadata ours =
        LinodeSqlParserImpl.FACTORY.getParser(new StringReader("")).getMetadata();
    SqlAbstractParserImpl.Metadata calcite =
        SqlParserImpl.FACTORY.getParser(new StringReader("")).getMetadata();

    Set<String> added = new TreeSet<>(ours.getTokens());
    added.removeAll(calcite.getTokens());
    assertThat(added).containsExactly("METHODS", "RESOURCES", "SERVICES");
    assertThat(ours.getTokens()).containsAll(calcite.getTokens());

    Set<String> differentReservation = new TreeSet<>();
    for (String token : calcite.getTokens()) {
      if (ours.isNonReservedKeyword(token) != calcite.isNonReservedKeyword(token)
          || ours.isReservedWord(token) != calcite.isReservedWord(token)
          || ours.isReservedFunctionName(token) != calcite.isReservedFunctionName(token)
          || ours.isKeyword(token) != calcite.isKeyword(token)) {
        differentReservation.add(token);
      }
    }
    assertThat(differentReservation).containsExactly("RETURNING");
    assertThat(calcite.isNonReservedKeyword("RETURNING")).isTrue();
    assertThat(ours.isNonReservedKeyword("RETURNING")).isFalse();
    for (String word : List.of("METHODS", "RESOURCES", "SERVICES", "REPLACE")) {
      assertThat(ours.isNonReservedKeyword(word)).as(word).isTrue();
    }
    // SHOW was reserved in Calcite already and stays so
    assertThat(calcite.isNonReservedKeyword("SHOW")).isFalse();
    assertThat(ours.isNonReservedKeyword("SHOW")).isFalse();
  }

  @Test void returningIsReservedSoItCannotBeAnIdentifier() throws Exception {
    String sql = "SELECT returning FROM t";
    assertThat(parseWithCalcite(sql)).isInstanceOf(SqlSelect.class);
    assertThatThrownBy(() -> parse(sql)).isInstanceOf(SqlParseException.class);
    // quoted, it is an ordinary name
    assertThat(parse("SELECT \"returning\" FROM t")).isInstanceOf(SqlSelect.class);
  }
}
