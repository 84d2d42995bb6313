package io.linodejdbc.sql.prepare;

import io.linodejdbc.sql.LinodePagesTable;
import io.linodejdbc.sql.LinodeQueryException;
import io.linodejdbc.sql.LinodeSchemas;
import io.linodejdbc.sql.LinodeSession;
import io.linodejdbc.sql.PlanCache;
import io.linodejdbc.sql.SqlState;
import io.linodejdbc.sql.StatementExtension;
import io.linodejdbc.resource.ResourceDescriptor;
import io.linodejdbc.sql.metadata.PrecompiledMetadata;
import io.linodejdbc.sql.parser.SqlDescribeExtended;
import io.linodejdbc.sql.parser.SqlReturning;
import io.linodejdbc.sql.parser.SqlShow;
import java.lang.reflect.Type;
import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.interpreter.BindableConvention;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlDescribeTable;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserImplFactory;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.util.TryThreadLocal;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's statement preparation with the driver's additions:
 * <ul>
 *   <li>StackQL's column spellings ({@code data__label}, {@code tokenId}) are mapped onto the real
 *       columns on the parsed tree ({@link StackqlNames});
 *   <li>statements an extension plans ({@link StatementExtension}: the writes of
 *       {@code sql.write}) are prepared from the one parsed tree, in one Calcite preparation;
 *   <li>{@code IN} lists stay predicates instead of becoming a join with a VALUES table at 20
 *       elements, so that the filter rule can turn them into key lookups; a list longer than
 *       {@link #MAX_IN_LIST} is refused with a clear error.
 * </ul>
 */
public class LinodePrepare extends CalcitePrepareImpl {
  /**
   * Longest IN list of values a statement may hold. Calcite compiles such a list into nested
   * Java code (as a predicate, or as a VALUES table if it became a join), and from about two
   * thousand values on the compiler fails (stack overflow, "nested too deeply"). A clear error
   * up front beats that; the README names the limit.
   */
  static final int MAX_IN_LIST = 1_000;

  private final Clock clock;

  public LinodePrepare() {
    this(Clock.systemUTC());
  }

  LinodePrepare(Clock clock) {
    this.clock = clock;
  }

  @Override public <T> CalciteSignature<T> prepareSql(Context context, Query<T> query,
      Type elementType, long maxRowCount) {
    if (query.sql == null) {
      return prepare(context, query, elementType, maxRowCount);
    }
    LinodeSession session = LinodeSchemas.session(context.getMutableRootSchema());
    if (session == null) {
      return prepare(context, query, elementType, maxRowCount);
    }
    PlanCache.Key key = new PlanCache.Key(query.sql, context.getDefaultSchemaPath(),
        elementType, maxRowCount);
    return session.plans()
        .computeIfAbsent(key, () -> prepare(context, query, elementType, maxRowCount));
  }

  private <T> CalciteSignature<T> prepare(Context context, Query<T> query,
      Type elementType, long maxRowCount) {
    if (query.sql != null) {
      String sql = DialectSettings.withoutTerminator(query.sql);
      if (!sql.equals(query.sql)) {
        query = Query.of(sql);
      }
      SqlNode node = parseStatement(context, sql);
      if (node != null) {
        checkInLists(node);
        List<ResourceDescriptor> resources = resources(context);
        SqlNode rewritten = envelope(StackqlNames.rewrite(node, resources), resources);
        CalciteSignature<T> own = prepareOwn(context, rewritten, resources);
        if (own != null) {
          return own;
        }
        StatementExtension.Planned planned = extended(context, rewritten);
        // Calcite is handed the tree parsed here, not the text again (see createParser).
        try (TryThreadLocal.Memo parsed = PARSED.push(new Parsed(sql,
            planned == null ? rewritten : planned.facade(), planned))) {
          return prepareStandard(context, query, elementType, planned == null ? maxRowCount : -1);
        }
      }
    }
    return prepareStandard(context, query, elementType, maxRowCount);
  }

  /**
   * The tree Calcite's preparation of {@code sql} is to use instead of parsing it again, and the
   * extension that plans it (or null).
   */
  private record Parsed(String sql, SqlNode node, StatementExtension.@Nullable Planned planned) {}

  private static final TryThreadLocal<@Nullable Parsed> PARSED = TryThreadLocal.of(null);

  /** How an extension plans {@code node} (also inside EXPLAIN), or null. */
  private static StatementExtension.@Nullable Planned extended(Context context, SqlNode node) {
    LinodeSession session = LinodeSchemas.session(context.getMutableRootSchema());
    if (session == null) {
      return null;
    }
    SqlNode statement = node instanceof SqlExplain explain ? explain.getExplicandum() : node;
    for (StatementExtension extension : session.extensions()) {
      StatementExtension.Planned planned = extension.plan(context, statement);
      if (planned != null) {
        return node instanceof SqlExplain explain ? explained(explain, planned) : planned;
      }
    }
    return null;
  }

  /** {@code EXPLAIN PLAN FOR} a statement an extension plans: the plan it really gets. */
  private static StatementExtension.Planned explained(SqlExplain explain,
      StatementExtension.Planned planned) {
    SqlNode query = new SqlExplain(explain.getParserPosition(), planned.query(),
        explain.operand(1), explain.operand(2), explain.operand(3),
        explain.getDynamicParamCount());
    return new StatementExtension.Planned() {
      @Override public SqlNode facade() {
        return explain;
      }

      @Override public SqlNode query() {
        return query;
      }

      @Override public org.apache.calcite.rel.RelNode plan(org.apache.calcite.rel.RelNode rows,
          Prepare.CatalogReader catalogReader) {
        return planned.plan(rows, catalogReader);
      }
    };
  }

  private static void checkInLists(SqlNode node) {
    node.accept(new org.apache.calcite.sql.util.SqlBasicVisitor<Void>() {
      @Override public Void visit(org.apache.calcite.sql.SqlCall call) {
        if ((call.getKind() == SqlKind.IN || call.getKind() == SqlKind.NOT_IN)
            && call.getOperandList().size() == 2
            && call.operand(1) instanceof SqlNodeList list && list.size() > MAX_IN_LIST) {
          throw new LinodeQueryException(SqlState.STATEMENT_TOO_COMPLEX.code(),
              "Statement too complex: an IN list of "
              + list.size() + " values; at most " + MAX_IN_LIST + " are supported. Split it into"
              + " several statements.", null);
        }
        return super.visit(call);
      }
    });
  }

  /** The resources of the connection's session (none without one). */
  private static List<ResourceDescriptor> resources(Context context) {
    LinodeSession session = LinodeSchemas.session(context.getMutableRootSchema());
    return session == null ? List.of() : session.resources();
  }

  /** Statements the driver answers with a query of its own (SHOW, DESCRIBE), or null. */
  private <T> @Nullable CalciteSignature<T> prepareOwn(Context context, SqlNode node,
      List<ResourceDescriptor> resources) {
    String metadata = metadataQuery(node, resources);
    if (metadata != null) {
      return prepareStandard(context, Query.of(metadata), Object[].class, -1);
    }
    return null;
  }

  /**
   * StackQL's list-method projection, {@code SELECT data, page, pages, results FROM <resource>},
   * reads the page envelopes of {@code <resource>_pages} ({@link LinodePagesTable}): a query
   * over a resource that names envelope columns and none of the resource's own (also under
   * {@code EXPLAIN PLAN FOR}).
   */
  static SqlNode envelope(SqlNode node, List<ResourceDescriptor> resources) {
    if (node instanceof SqlExplain explain) {
      explain.setOperand(0, envelope(explain.getExplicandum(), resources));
      return explain;
    }
    if (!(node instanceof SqlSelect select) || !(select.getFrom() instanceof SqlIdentifier from)) {
      return node;
    }
    String table = from.names.get(from.names.size() - 1);
    ResourceDescriptor resource = resources.stream()
        .filter(r -> r.name().equals(table)).findFirst().orElse(null);
    if (resource == null) {
      return node;
    }
    boolean envelope = false;
    for (SqlNode item : select.getSelectList()) {
      SqlNode column = item instanceof SqlBasicCall call && call.getKind() == SqlKind.AS
          ? call.operand(0) : item;
      if (!(column instanceof SqlIdentifier id) || id.isStar()) {
        return node;
      }
      String name = id.names.get(id.names.size() - 1);
      if (resource.column(name).isPresent()) {
        return node;
      }
      envelope |= LinodePagesTable.COLUMNS.contains(name);
    }
    if (!envelope) {
      return node;
    }
    SqlSelect copy = (SqlSelect) select.clone(select.getParserPosition());
    copy.setFrom(from.setName(from.names.size() - 1, table + LinodePagesTable.SUFFIX));
    return copy;
  }

  /** SHOW and DESCRIBE as queries over VALUES, or null for other statements. */
  private static @Nullable String metadataQuery(SqlNode node,
      List<ResourceDescriptor> all) {
    if (node instanceof SqlShow show) {
      String like = show.getLikePattern() instanceof SqlLiteral literal
          ? literal.getValueAs(String.class) : null;
      List<String> target = show.getTarget() == null ? List.of() : show.getTarget().names;
      switch (show.getShowKind()) {
      case SERVICES:
        if (!target.isEmpty() && !target.equals(List.of(LinodeSchemas.PROVIDER))) {
          throw new LinodeQueryException(SqlState.UNDEFINED_TABLE.code(), "Unknown provider '"
              + String.join(".", target) + "'; this driver serves " + LinodeSchemas.PROVIDER,
              null);
        }
        return MetadataQueries.services(all, like);
      case RESOURCES:
        return MetadataQueries.resources(all, MetadataQueries.service(target), like);
      default:
        return MetadataQueries.methods(MetadataQueries.resource(all, target), like);
      }
    }
    if (node instanceof SqlDescribeTable describe && describe.getColumn() == null) {
      return MetadataQueries.describe(MetadataQueries.resource(all, describe.getTable().names),
          describe instanceof SqlDescribeExtended);
    }
    return null;
  }

  /** Statements are validated by {@link PgValidator}: the PostgreSQL dialect's functions. */
  @Override protected CalcitePreparingStmt getPreparingStmt(Context context, Type elementType,
      CalciteCatalogReader catalogReader, RelOptPlanner planner) {
    PlanningCounts.prepared();
    JavaTypeFactory javaTypes = context.getTypeFactory();
    EnumerableRel.Prefer prefer = elementType == Object[].class
        ? EnumerableRel.Prefer.ARRAY : EnumerableRel.Prefer.CUSTOM;
    Convention convention = enableBindable ? BindableConvention.INSTANCE
        : EnumerableConvention.INSTANCE;
    Parsed parsed = PARSED.get();
    StatementExtension.Planned planned = parsed == null ? null : parsed.planned();
    return new CalcitePreparingStmt(this, context, catalogReader, javaTypes,
        context.getRootSchema(), prefer, createCluster(planner, new RexBuilder(javaTypes)),
        convention, createConvertletTable()) {
      @Override protected SqlValidator createSqlValidator(
          Prepare.CatalogReader reader, UnaryOperator<SqlValidator.Config> configTransform) {
        CalciteConnectionConfig config = context.config();
        SqlValidator.Config validatorConfig = configTransform.apply(SqlValidator.Config.DEFAULT
            .withLenientOperatorLookup(config.lenientOperatorLookup())
            .withDefaultNullCollation(config.defaultNullCollation())
            .withIdentifierExpansion(true));
        return new PgValidator((CalciteCatalogReader) reader, javaTypes, validatorConfig);
      }

      /** The result columns' origins of an extension's statement (see implement). */
      private List<@Nullable List<String>> facadeOrigins =
          java.util.Collections.singletonList(null); // ROWCOUNT, PLAN

      /** An extension's statement: its query is planned in place of the facade. */
      @Override public PreparedResult prepareSql(SqlNode sqlQuery, SqlNode sqlNodeOriginal,
          Class<?> runtimeContextClass, SqlValidator validator, boolean needsValidation) {
        if (planned == null || sqlQuery != planned.facade()) {
          return super.prepareSql(sqlQuery, sqlNodeOriginal, runtimeContextClass, validator,
              needsValidation);
        }
        if (!sqlQuery.getKind().belongsTo(SqlKind.DML) && sqlQuery.getKind() != SqlKind.EXPLAIN) {
          validator.validate(sqlQuery); // the result's columns, as Calcite describes a query's
          facadeOrigins = validator.getFieldOrigins(sqlQuery);
        }
        return super.prepareSql(planned.query(), planned.query(), runtimeContextClass, validator,
            needsValidation);
      }

      @Override protected PreparedResult implement(RelRoot root) {
        if (planned != null) {
          fieldOrigins = facadeOrigins;
        }
        return super.implement(root);
      }

      /** The program for this statement's plan: Calcite's standard one unless it is simple. */
      private org.apache.calcite.tools.@Nullable Program program;

      @Override protected org.apache.calcite.tools.Program getProgram() {
        return program != null ? program : super.getProgram();
      }

      // Statement.setMaxRows planned like LIMIT, before optimization (see MaxRows); an
      // extension's statement gets its own plan on top of its query's.
      @Override protected RelRoot optimize(RelRoot root,
          List<Prepare.Materialization> materializations,
          List<CalciteSchema.LatticeEntry> lattices) {
        RelRoot optimized;
        if (planned != null) {
          org.apache.calcite.rel.RelNode rel = planned.plan(root.project(), catalogReader);
          SqlKind kind = planned.facade().getKind();
          optimized = super.optimize(RelRoot.of(rel, kind.belongsTo(SqlKind.DML) ? kind
              : SqlKind.SELECT), materializations, lattices);
        } else {
          RelRoot limited = MaxRows.limit(root, MaxRows.PLANNING.get());
          if (SimplePlans.enabled
              && limited.rel.getCluster().getPlanner() instanceof SimplePlans.Planner planner
              && SimplePlans.isSimple(limited.rel)) {
            planner.planSimply(SimplePlans.hasAggregate(limited.rel));
            program = SimplePlans.program();
            PlanningCounts.plannedSimply();
          }
          optimized = super.optimize(limited, materializations, lattices);
        }
        StatementCancel.checkNotCancelled(); // a cancelled plan is not compiled
        return optimized;
      }
    };
  }

  /** Clusters answer metadata with the handlers compiled with the driver. */
  @Override protected org.apache.calcite.plan.RelOptCluster createCluster(RelOptPlanner planner,
      org.apache.calcite.rex.RexBuilder rexBuilder) {
    org.apache.calcite.plan.RelOptCluster cluster = super.createCluster(planner, rexBuilder);
    PrecompiledMetadata.install(cluster);
    return cluster;
  }

  /**
   * Calcite's planner set-up, with rules registered when the planner gets its plan: a simple plan
   * gets only the rules that can match it ({@link SimplePlans}), any other Calcite's default set.
   * The planner stops when the statement is cancelled (see {@link StatementCancel}).
   */
  @Override protected RelOptPlanner createPlanner(Context prepareContext,
      org.apache.calcite.plan.@Nullable Context externalContext,
      org.apache.calcite.plan.@Nullable RelOptCostFactory costFactory) {
    SimplePlans.Planner planner = new SimplePlans.Planner(costFactory,
        StatementCancel.plannerContext(prepareContext, externalContext),
        prepareContext.config().materializationsEnabled(), enableBindable);
    planner.setExecutor(new org.apache.calcite.rex.RexExecutorImpl(
        org.apache.calcite.DataContexts.EMPTY));
    planner.addRelTraitDef(org.apache.calcite.plan.ConventionTraitDef.INSTANCE);
    if (org.apache.calcite.config.CalciteSystemProperty.ENABLE_COLLATION_TRAIT.value()) {
      planner.addRelTraitDef(org.apache.calcite.rel.RelCollationTraitDef.INSTANCE);
    }
    planner.setTopDownOpt(prepareContext.config().topDownOpt());
    return planner;
  }

  /**
   * Calcite's own parse of a statement's text, skipped when the prepare hook has parsed it
   * already: the tree is handed over as the parser's result.
   */
  @Override protected SqlParser createParser(String sql, SqlParser.Config parserConfig) {
    Parsed parsed = PARSED.get();
    if (parsed != null && parsed.sql().equals(sql)) {
      SqlNode node = parsed.node();
      return SqlParser.create(sql, parserConfig.withParserFactory(reader -> new Preparsed(reader,
          node)));
    }
    PlanningCounts.parsed();
    return super.createParser(sql, parserConfig);
  }

  /** A "parser" answering a tree parsed before. */
  private static final class Preparsed extends io.linodejdbc.sql.parser.LinodeSqlParserImpl {
    private final SqlNode node;

    Preparsed(java.io.Reader reader, SqlNode node) {
      super(reader);
      this.node = node;
    }

    @Override public SqlNode parseSqlStmtEof() {
      return node;
    }
  }

  @Override protected SqlRexConvertletTable createConvertletTable() {
    return PgConvertlets.INSTANCE;
  }

  private <T> CalciteSignature<T> prepareStandard(Context context, Query<T> query,
      Type elementType, long maxRowCount) {
    try (@SuppressWarnings("unused") TryThreadLocal.Memo threshold =
             Prepare.THREAD_INSUBQUERY_THRESHOLD.push(Integer.MAX_VALUE);
         @SuppressWarnings("unused") TryThreadLocal.Memo maxRows =
             MaxRows.PLANNING.push(maxRowCount)) {
      return super.prepareSql(context, query, elementType, maxRowCount);
    }
  }

  // ---- Statement.setMaxRows planned like LIMIT (MaxRows) --------------------------------------

  /** Parses as Calcite will; null when it cannot (Calcite then reports the error itself). */
  private static @Nullable SqlNode parseStatement(Context context, String sql) {
    CalciteConnectionConfig config = context.config();
    SqlParserImplFactory factory = config.parserFactory(SqlParserImplFactory.class, null);
    SqlParser.Config defaults = DialectSettings.parserConfig();
    if (factory == defaults.parserFactory() && config.quoting() == defaults.quoting()
        && config.unquotedCasing() == defaults.unquotedCasing()
        && config.quotedCasing() == defaults.quotedCasing()
        && config.caseSensitive() == defaults.caseSensitive()) {
      SqlNode parsed = DialectSettings.takeParsed(sql); // the JDBC layer parsed it a moment ago
      if (parsed != null) {
        return parsed;
      }
    }
    SqlParser.Config parserConfig = SqlParser.config()
        .withQuotedCasing(config.quotedCasing())
        .withUnquotedCasing(config.unquotedCasing())
        .withQuoting(config.quoting())
        .withConformance(config.conformance())
        .withCaseSensitive(config.caseSensitive());
    if (factory != null) {
      parserConfig = parserConfig.withParserFactory(factory);
    }
    try {
      PlanningCounts.parsed();
      SqlNode node = SqlParser.create(sql, parserConfig).parseStmt();
      DialectSettings.parsed(sql, node);
      return node;
    } catch (SqlParseException e) {
      return null;
    }
  }

}
