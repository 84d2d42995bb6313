<#--
  linode-jdbc grammar additions to Calcite's Parser.jj (StackQL statements).
  Each statement production is listed in config.fmpp's statementParserMethods; SqlStmt() tries
  them, in that order and each behind LOOKAHEAD(2), before Calcite's own statements.
-->

/**
 * INSERT / UPSERT / UPDATE / DELETE (Calcite's own productions) or StackQL's REPLACE, optionally
 * followed by {@code RETURNING * | column [AS alias] [, ...]}.
 * Without RETURNING the DML node is returned as it is (SqlInsert, SqlUpdate, SqlDelete,
 * SqlReplace); with it, a {@link SqlReturning} wraps it.
 */
SqlNode SqlDmlWithReturning() :
{
    final SqlNode dml;
    final SqlNodeList columns;
}
{
    (
        dml = SqlInsert()
    |
        dml = SqlUpdate()
    |
        dml = SqlDelete()
    |
        dml = SqlStackqlReplace()
    )
    (
        columns = ReturningList() {
            return new SqlReturning(
                Span.of(dml).add(columns).pos(), dml, columns);
        }
    |
        { return dml; }
    )
}

/**
 * {@code EXPLAIN PLAN ... FOR} as Calcite's own SqlExplain() reads it, but of any statement
 * SqlDmlWithReturning() reads too: a write with RETURNING, StackQL's REPLACE. Tried before
 * Calcite's production (statementParserMethods), so it reads every EXPLAIN PLAN.
 */
SqlNode SqlExplainWithReturning() :
{
    final SqlNode stmt;
    SqlExplainLevel detailLevel = SqlExplainLevel.EXPPLAN_ATTRIBUTES;
    final SqlExplain.Depth depth;
    final SqlExplainFormat format;
}
{
    <EXPLAIN> <PLAN>
    [ detailLevel = ExplainDetailLevel() ]
    depth = ExplainDepth()
    (
        LOOKAHEAD(2)
        <AS> <XML> { format = SqlExplainFormat.XML; }
    |
        LOOKAHEAD(2)
        <AS> <JSON> { format = SqlExplainFormat.JSON; }
    |
        <AS> <DOT_FORMAT> { format = SqlExplainFormat.DOT; }
    |
        { format = SqlExplainFormat.TEXT; }
    )
    <FOR>
    (
        // as SqlStmt() tries it: before a query, which a REPLACE(...) call could begin
        LOOKAHEAD(2)
        stmt = SqlDmlWithReturning()
    |
        stmt = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    |
        stmt = SqlMerge()
    )
    {
        return new SqlExplain(getPos(), stmt, detailLevel.symbol(SqlParserPos.ZERO),
            depth.symbol(SqlParserPos.ZERO), format.symbol(SqlParserPos.ZERO), nDynamicParams);
    }
}

/** Parses {@code RETURNING *} or {@code RETURNING column [AS alias] [, ...]}. */
SqlNodeList ReturningList() :
{
    final Span s;
    final List<SqlNode> list = new ArrayList<SqlNode>();
    SqlNode item;
}
{
    <RETURNING> { s = span(); }
    (
        <STAR> {
            list.add(SqlIdentifier.star(getPos()));
        }
    |
        item = ReturningItem() { list.add(item); }
        (
            <COMMA> item = ReturningItem() { list.add(item); }
        )*
    )
    {
        return new SqlNodeList(list, s.addAll(list).pos());
    }
}

/** Parses {@code column [AS alias]} in a RETURNING list. */
SqlNode ReturningItem() :
{
    final SqlIdentifier column;
    final SqlIdentifier alias;
}
{
    column = SimpleIdentifier()
    (
        <AS> alias = SimpleIdentifier() {
            return SqlStdOperatorTable.AS.createCall(
                Span.of(column).end(alias), column, alias);
        }
    |
        { return column; }
    )
}

/**
 * StackQL's {@code REPLACE table SET column = expression [, ...] [WHERE condition]}:
 * an UPDATE spelled REPLACE (no INTO, no column list, no alias).
 * REPLACE stays a non-reserved keyword, so {@code REPLACE('abc', 'b', 'x')} is still a function
 * call: the LOOKAHEAD(2) in SqlStmt() needs REPLACE followed by an identifier to come here.
 */
SqlNode SqlStackqlReplace() :
{
    final Span s;
    final SqlIdentifier table;
    final SqlNodeList targetColumnList;
    final SqlNodeList sourceExpressionList;
    SqlIdentifier id;
    final SqlNode where;
}
{
    <REPLACE> {
        s = span();
        targetColumnList = new SqlNodeList(s.pos());
        sourceExpressionList = new SqlNodeList(s.pos());
    }
    table = CompoundTableIdentifier()
    <SET> id = CompoundIdentifier() { targetColumnList.add(id); }
    <EQ> AddExpression(sourceExpressionList, ExprContext.ACCEPT_SUB_QUERY)
    (
        <COMMA>
        id = CompoundIdentifier() { targetColumnList.add(id); }
        <EQ> AddExpression(sourceExpressionList, ExprContext.ACCEPT_SUB_QUERY)
    )*
    ( where = Where() | { where = null; } )
    {
        final SqlParserPos pos = s.add(table).addAll(targetColumnList)
            .addAll(sourceExpressionList).addIf(where).pos();
        return new SqlReplace(pos, table, targetColumnList,
            sourceExpressionList, where);
    }
}

/**
 * StackQL's metadata statements:
 * {@code SHOW SERVICES [IN provider] [LIKE 'pattern']},
 * {@code SHOW RESOURCES IN provider.service [LIKE 'pattern']},
 * {@code SHOW METHODS IN provider.service.resource [LIKE 'pattern']}.
 * SHOW is a (reserved) token of Calcite's grammar already; Calcite itself never uses it.
 */
SqlNode SqlShowStackql() :
{
    final Span s;
    final SqlShow.Kind kind;
    SqlIdentifier target = null;
    SqlNode like = null;
}
{
    <SHOW> { s = span(); }
    (
        <SERVICES> { kind = SqlShow.Kind.SERVICES; }
        [ <IN> target = CompoundIdentifier() ]
    |
        <RESOURCES> { kind = SqlShow.Kind.RESOURCES; }
        <IN> target = CompoundIdentifier()
    |
        <METHODS> { kind = SqlShow.Kind.METHODS; }
        <IN> target = CompoundIdentifier()
    )
    [ <LIKE> like = StringLiteral() ]
    {
        return new SqlShow(s.addIf(target).addIf(like).pos(), kind, target,
            like);
    }
}

/**
 * StackQL's {@code DESCRIBE EXTENDED [TABLE] table}. EXTENDED is not made a keyword: it is an
 * ordinary identifier recognised here only when the next token starts a table name, so
 * {@code DESCRIBE extended} and {@code DESCRIBE extended.t} still describe a table called
 * "extended" through Calcite's SqlDescribe(). (Calcite reads {@code DESCRIBE extended col} as
 * table "extended", column "col"; this parser reads it as DESCRIBE EXTENDED of table "col".)
 */
SqlNode SqlDescribeExtendedTable() :
{
    final Span s;
    final SqlIdentifier table;
}
{
    <DESCRIBE> { s = span(); }
    (
        // the word EXTENDED (unquoted), then the start of a table name
        LOOKAHEAD({ getToken(1).kind == IDENTIFIER
            && "EXTENDED".equalsIgnoreCase(getToken(1).image)
            && (getToken(2).kind == TABLE
                || getToken(2).kind == IDENTIFIER
                || getToken(2).kind == HYPHENATED_IDENTIFIER
                || getToken(2).kind == QUOTED_IDENTIFIER
                || getToken(2).kind == BACK_QUOTED_IDENTIFIER
                || getToken(2).kind == BIG_QUERY_BACK_QUOTED_IDENTIFIER
                || getToken(2).kind == BRACKET_QUOTED_IDENTIFIER) })
        <IDENTIFIER>
    )
    [ <TABLE> ]
    table = CompoundIdentifier()
    {
        return new SqlDescribeExtended(s.end(table), table);
    }
}

/**
 * PostgreSQL's infix cast {@code expression::type}, binding as tightly as PostgreSQL's (above
 * every arithmetic operator). The type is any type the grammar knows, a name it does not know
 * (parsed as a user-defined type: {@code text}, {@code int4}, {@code regclass}, ...),
 * {@code interval}, or either with {@code []} for PostgreSQL's array types. The cast is built
 * with Calcite's own {@code ::} operator; {@code PgTreeRewriter} then turns it into a CAST to the
 * Calcite type, an interval literal, or a call of a function named after the unknown type.
 */
void PgInfixCast(List<Object> list, ExprContext exprContext, Span s) :
{
    SqlDataTypeSpec dt;
    final Span t;
}
{
    <INFIX_CAST> {
        checkNonQueryExpression(exprContext);
        t = span();
    }
    (
        <INTERVAL> {
            dt = new SqlDataTypeSpec(
                new SqlUserDefinedTypeNameSpec(
                    new SqlIdentifier("interval", getPos()), getPos()),
                getPos());
        }
    |
        dt = DataType()
    )
    [
        LOOKAHEAD(2)
        <LBRACKET> <RBRACKET> {
            dt = PgTypes.arrayOf(dt, getPos());
        }
    ]
    {
        list.add(new SqlParserUtil.ToTreeListItem(SqlLibraryOperators.INFIX_CAST, t.pos()));
        list.add(dt);
    }
}

/**
 * {@code unnest(array [, ...])} in an expression, PostgreSQL's set-returning function in a
 * select list: a call of the unresolved function {@code unnest}, which PgTreeRewriter turns into
 * a lateral join (FROM's {@code UNNEST(...)} is Calcite's own TableRef and never reaches here).
 */
SqlNode PgUnnestCall() :
{
    final Span s;
    final List<SqlNode> args = new ArrayList<SqlNode>();
    SqlNode e;
}
{
    <UNNEST> { s = span(); }
    <LPAREN>
    e = Expression(ExprContext.ACCEPT_SUB_QUERY) { args.add(e); }
    (
        <COMMA> e = Expression(ExprContext.ACCEPT_SUB_QUERY) { args.add(e); }
    )*
    <RPAREN>
    {
        return createCall(new SqlIdentifier("unnest", s.pos()), s.end(this),
            SqlFunctionCategory.USER_DEFINED_FUNCTION, null, args);
    }
}
