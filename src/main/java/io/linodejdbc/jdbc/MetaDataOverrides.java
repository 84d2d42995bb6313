package io.linodejdbc.jdbc;

import static io.linodejdbc.jdbc.MethodTable.params;

import io.linodejdbc.jdbc.MetadataModel.Column;
import io.linodejdbc.jdbc.MetadataModel.TableInfo;
import io.linodejdbc.sql.parser.PgSqlParserImpl;
import java.net.URI;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@link DatabaseMetaData} answers that differ from Calcite's: what SQL clients (DBeaver,
 * SchemaCrawler, BI tools) read when they browse the driver.
 *
 * <p>Objects are shown as catalog {@code linode}, schema {@code profile} (one per Linode service),
 * tables {@code personal_access_tokens} (TABLE, with the API's descriptions as REMARKS and
 * {@code id} as primary key) and {@code personal_access_tokens_pages} (VIEW: a read-only
 * presentation of the list call). See {@link MetadataModel} for what is hidden and why. Name
 * arguments follow JDBC: catalog exact (null = any, "" = none), schema/table/column patterns with
 * {@code %}, {@code _} and the escape {@code \}. Table arguments of getPrimaryKeys, getIndexInfo
 * and the key calls are names by the letter of JDBC, but DBeaver passes {@code %} there to read a
 * whole schema at once, so they are matched as patterns (a name matches itself either way).
 */
final class MetaDataOverrides {
  private MetaDataOverrides() {}

  /** What {@code getDatabaseProductName()} reports. */
  static final String PRODUCT_NAME = "Linode API";

  private static final Class<?> TEXT = String.class;

  private static MethodTable.Override constant(@Nullable Object value) {
    return c -> value;
  }

  /** The answers that differ from Calcite's; every other call goes to Calcite's metadata. */
  static final MethodTable OVERRIDES = overrides();

  private static MethodTable overrides() {
    MethodTable.Builder b = MethodTable.of(DatabaseMetaData.class)
        // Product and driver
        .on("getDatabaseProductName", constant(PRODUCT_NAME))
        .on("getDatabaseProductVersion", c -> apiVersion(c.connection()))
        .on("getDatabaseMajorVersion", c -> apiMajorVersion(c.connection()))
        .on("getDatabaseMinorVersion", constant(0))
        .on("getDriverName", constant(LinodeDriver.NAME))
        .on("getDriverVersion", c -> driverVersion())
        .on("getDriverMajorVersion", c -> new LinodeDriver().getMajorVersion())
        .on("getDriverMinorVersion", c -> new LinodeDriver().getMinorVersion())
        .on("getJDBCMajorVersion", constant(4))
        .on("getJDBCMinorVersion", constant(2))
        .on("getURL", c -> url(c.connection().config()))
        .on("getUserName", c -> c.connection().config().get(ConnectionProperty.USER))
        // Transactions: writes deferred to commit() (see PendingWrites); no DDL, no savepoints.
        .on("supportsTransactions", constant(true))
        .on("supportsDataManipulationTransactionsOnly", constant(true))
        .on("supportsMultipleTransactions", constant(false))
        .on("supportsDataDefinitionAndDataManipulationTransactions", constant(false))
        .on("supportsSavepoints", constant(false))
        .on("dataDefinitionCausesTransactionCommit", constant(false))
        .on("dataDefinitionIgnoredInTransactions", constant(false))
        .on("autoCommitFailureClosesAllResultSets", constant(false))
        .on("getDefaultTransactionIsolation", constant(LinodeConnection.ISOLATION))
        .on("supportsTransactionIsolationLevel", params(int.class),
            c -> LinodeConnection.supportsIsolation(c.arg(0, Integer.class)))
        .on("isReadOnly", c -> c.connection().session().isReadOnly())
        // Identifiers as in PostgreSQL: unquoted fold to lower case, quoted are kept as written.
        .on("getSQLKeywords", c -> PgSqlParserImpl.jdbcKeywords())
        .on("getIdentifierQuoteString", constant("\""))
        .on("getSearchStringEscape", constant(String.valueOf(MetaPattern.ESCAPE)))
        .on("storesLowerCaseIdentifiers", constant(true))
        .on("storesMixedCaseQuotedIdentifiers", constant(true))
        .on("supportsMixedCaseQuotedIdentifiers", constant(true))
        .on("storesUpperCaseIdentifiers", constant(false))
        .on("storesMixedCaseIdentifiers", constant(false))
        .on("supportsMixedCaseIdentifiers", constant(false))
        .on("storesUpperCaseQuotedIdentifiers", constant(false))
        .on("storesLowerCaseQuotedIdentifiers", constant(false))
        .on("getCatalogSeparator", constant("."))
        .on("isCatalogAtStart", constant(true))
        // JdbcProxies / GeneratedKeys: INSERT ... RETURNING under the hood
        .on("supportsGetGeneratedKeys", constant(true))
        .on("supportsStoredProcedures", constant(false))
        .on("allProceduresAreCallable", constant(false))
        // Objects
        .on("getCatalogs",
            c -> rows(CATALOGS, List.<Object[]>of(new Object[] {MetadataModel.CATALOG})))
        .on("getSchemas", c -> schemas(c.connection(), null, null))
        .on("getSchemas", params(TEXT, TEXT),
            c -> schemas(c.connection(), c.arg(0, String.class), c.arg(1, String.class)))
        .on("getTableTypes", c -> rows(TABLE_TYPES, MetadataModel.TABLE_TYPES.stream()
            .map(t -> new Object[] {t}).toList()))
        .on("getTables", params(TEXT, TEXT, TEXT, String[].class),
            c -> tables(c.connection(), c.arg(0, String.class), c.arg(1, String.class),
                c.arg(2, String.class), c.arg(3, String[].class)))
        .on("getColumns", params(TEXT, TEXT, TEXT, TEXT),
            c -> columns(c.connection(), c.arg(0, String.class), c.arg(1, String.class),
                c.arg(2, String.class), c.arg(3, String.class)))
        .on("getPrimaryKeys", params(TEXT, TEXT, TEXT),
            c -> primaryKeys(c.connection(), c.arg(0, String.class), c.arg(1, String.class),
                c.arg(2, String.class)))
        .on("getIndexInfo", params(TEXT, TEXT, TEXT, boolean.class, boolean.class),
            c -> indexInfo(c.connection(), c.arg(0, String.class), c.arg(1, String.class),
                c.arg(2, String.class)))
        .on("getBestRowIdentifier", params(TEXT, TEXT, TEXT, int.class, boolean.class),
            c -> bestRowIdentifier(c.connection(), c.arg(0, String.class),
                c.arg(1, String.class), c.arg(2, String.class)))
        // one table: no foreign keys
        .on("getImportedKeys", params(TEXT, TEXT, TEXT), c -> rows(KEYS, List.of()))
        .on("getExportedKeys", params(TEXT, TEXT, TEXT), c -> rows(KEYS, List.of()))
        .on("getCrossReference", params(TEXT, TEXT, TEXT, TEXT, TEXT, TEXT), c -> rows(KEYS, List.of()))
        .on("getTypeInfo", c -> rows(TYPE_INFO, typeInfo()))
        .on("getProcedures", params(TEXT, TEXT, TEXT), c -> rows(PROCEDURES, List.of()))
        .on("getFunctions", params(TEXT, TEXT, TEXT), c -> rows(FUNCTIONS, List.of()));
    return b.build();
  }

  // ---------------------------------------------------------------------------------------
  // Product, driver, URL

  private static String apiVersion(LinodeConnection connection) {
    String base = connection.client().config().baseUrl();
    String path = URI.create(base).getPath();
    String version = path == null ? "" : path.replaceAll("/+$", "");
    version = version.substring(version.lastIndexOf('/') + 1);
    return (version.isEmpty() ? "v4" : version) + " (" + base + ")";
  }

  private static int apiMajorVersion(LinodeConnection connection) {
    String v = apiVersion(connection);
    int i = 1;
    while (i < v.length() && Character.isDigit(v.charAt(i))) {
      i++;
    }
    try {
      return Integer.parseInt(v.substring(1, i));
    } catch (NumberFormatException e) {
      return 4;
    }
  }

  static String driverVersion() {
    Package pkg = MetaDataOverrides.class.getPackage();
    String version = pkg == null ? null : pkg.getImplementationVersion();
    LinodeDriver d = new LinodeDriver();
    return version != null && !version.isBlank() ? version
        : d.getMajorVersion() + "." + d.getMinorVersion() + "-dev";
  }

  /** The connection's URL with every setting that differs from its default, never a secret. */
  static String url(ConnectionConfig config) {
    StringBuilder b = new StringBuilder(ConnectionConfig.URL_PREFIX);
    for (ConnectionProperty p : ConnectionProperty.values()) {
      if (p.isSecret() || p == ConnectionProperty.USER) {
        continue;
      }
      String value = config.get(p);
      if (p == ConnectionProperty.API_URL || !Objects.equals(value, p.defaultValue())) {
        if (b.length() > ConnectionConfig.URL_PREFIX.length()) {
          b.append(';');
        }
        b.append(p.key()).append('=').append(value);
      }
    }
    return b.toString();
  }

  // ---------------------------------------------------------------------------------------
  // Result sets

  private record Col(String name, Class<?> type) {}

  private static Col c(String name, Class<?> type) {
    return new Col(name, type);
  }

  private static final List<Col> CATALOGS = List.of(c("TABLE_CAT", String.class));
  private static final List<Col> SCHEMAS =
      List.of(c("TABLE_SCHEM", String.class), c("TABLE_CATALOG", String.class));
  private static final List<Col> TABLE_TYPES = List.of(c("TABLE_TYPE", String.class));
  private static final List<Col> TABLES = List.of(c("TABLE_CAT", String.class),
      c("TABLE_SCHEM", String.class), c("TABLE_NAME", String.class),
      c("TABLE_TYPE", String.class), c("REMARKS", String.class), c("TYPE_CAT", String.class),
      c("TYPE_SCHEM", String.class), c("TYPE_NAME", String.class),
      c("SELF_REFERENCING_COL_NAME", String.class), c("REF_GENERATION", String.class));
  private static final List<Col> COLUMNS = List.of(c("TABLE_CAT", String.class),
      c("TABLE_SCHEM", String.class), c("TABLE_NAME", String.class),
      c("COLUMN_NAME", String.class), c("DATA_TYPE", Integer.class),
      c("TYPE_NAME", String.class), c("COLUMN_SIZE", Integer.class),
      c("BUFFER_LENGTH", Integer.class), c("DECIMAL_DIGITS", Integer.class),
      c("NUM_PREC_RADIX", Integer.class), c("NULLABLE", Integer.class),
      c("REMARKS", String.class), c("COLUMN_DEF", String.class),
      c("SQL_DATA_TYPE", Integer.class), c("SQL_DATETIME_SUB", Integer.class),
      c("CHAR_OCTET_LENGTH", Integer.class), c("ORDINAL_POSITION", Integer.class),
      c("IS_NULLABLE", String.class), c("SCOPE_CATALOG", String.class),
      c("SCOPE_SCHEMA", String.class), c("SCOPE_TABLE", String.class),
      c("SOURCE_DATA_TYPE", Short.class), c("IS_AUTOINCREMENT", String.class),
      c("IS_GENERATEDCOLUMN", String.class));
  private static final List<Col> PRIMARY_KEYS = List.of(c("TABLE_CAT", String.class),
      c("TABLE_SCHEM", String.class), c("TABLE_NAME", String.class),
      c("COLUMN_NAME", String.class), c("KEY_SEQ", Short.class), c("PK_NAME", String.class));
  private static final List<Col> INDEX_INFO = List.of(c("TABLE_CAT", String.class),
      c("TABLE_SCHEM", String.class), c("TABLE_NAME", String.class),
      c("NON_UNIQUE", Boolean.class), c("INDEX_QUALIFIER", String.class),
      c("INDEX_NAME", String.class), c("TYPE", Short.class),
      c("ORDINAL_POSITION", Short.class), c("COLUMN_NAME", String.class),
      c("ASC_OR_DESC", String.class), c("CARDINALITY", Long.class), c("PAGES", Long.class),
      c("FILTER_CONDITION", String.class));
  private static final List<Col> BEST_ROW = List.of(c("SCOPE", Short.class),
      c("COLUMN_NAME", String.class), c("DATA_TYPE", Integer.class),
      c("TYPE_NAME", String.class), c("COLUMN_SIZE", Integer.class),
      c("BUFFER_LENGTH", Integer.class), c("DECIMAL_DIGITS", Short.class),
      c("PSEUDO_COLUMN", Short.class));
  private static final List<Col> KEYS = List.of(c("PKTABLE_CAT", String.class),
      c("PKTABLE_SCHEM", String.class), c("PKTABLE_NAME", String.class),
      c("PKCOLUMN_NAME", String.class), c("FKTABLE_CAT", String.class),
      c("FKTABLE_SCHEM", String.class), c("FKTABLE_NAME", String.class),
      c("FKCOLUMN_NAME", String.class), c("KEY_SEQ", Short.class),
      c("UPDATE_RULE", Short.class), c("DELETE_RULE", Short.class), c("FK_NAME", String.class),
      c("PK_NAME", String.class), c("DEFERRABILITY", Short.class));
  private static final List<Col> TYPE_INFO = List.of(c("TYPE_NAME", String.class),
      c("DATA_TYPE", Integer.class), c("PRECISION", Integer.class),
      c("LITERAL_PREFIX", String.class), c("LITERAL_SUFFIX", String.class),
      c("CREATE_PARAMS", String.class), c("NULLABLE", Short.class),
      c("CASE_SENSITIVE", Boolean.class), c("SEARCHABLE", Short.class),
      c("UNSIGNED_ATTRIBUTE", Boolean.class), c("FIXED_PREC_SCALE", Boolean.class),
      c("AUTO_INCREMENT", Boolean.class), c("LOCAL_TYPE_NAME", String.class),
      c("MINIMUM_SCALE", Short.class), c("MAXIMUM_SCALE", Short.class),
      c("SQL_DATA_TYPE", Integer.class), c("SQL_DATETIME_SUB", Integer.class),
      c("NUM_PREC_RADIX", Integer.class));
  private static final List<Col> PROCEDURES = List.of(c("PROCEDURE_CAT", String.class),
      c("PROCEDURE_SCHEM", String.class), c("PROCEDURE_NAME", String.class),
      c("RESERVED1", String.class), c("RESERVED2", String.class), c("RESERVED3", String.class),
      c("REMARKS", String.class), c("PROCEDURE_TYPE", Short.class),
      c("SPECIFIC_NAME", String.class));
  private static final List<Col> FUNCTIONS = List.of(c("FUNCTION_CAT", String.class),
      c("FUNCTION_SCHEM", String.class), c("FUNCTION_NAME", String.class),
      c("REMARKS", String.class), c("FUNCTION_TYPE", Short.class),
      c("SPECIFIC_NAME", String.class));

  private static ResultSet rows(List<Col> cols, List<Object[]> rows) throws SQLException {
    String[] names = cols.stream().map(Col::name).toArray(String[]::new);
    Class<?>[] types = cols.stream().map(Col::type).toArray(Class<?>[]::new);
    return CachedResultSet.of(SimpleResultSetMetaData.of(names, types), List.copyOf(rows), null);
  }

  private static MetadataModel model(LinodeConnection connection) {
    return MetadataModel.of(connection.calcite(), connection.session().resources());
  }

  private static List<TableInfo> matchingTables(LinodeConnection connection,
      @Nullable String catalog, @Nullable String schemaPattern, @Nullable String tablePattern) {
    MetaPattern schemas = MetaPattern.of(schemaPattern);
    MetaPattern tables = MetaPattern.of(tablePattern);
    return model(connection).tables().stream()
        .filter(t -> MetaPattern.catalogMatches(catalog, t.catalog()))
        .filter(t -> schemas.matches(t.schema()) && tables.matches(t.name()))
        .toList();
  }

  private static ResultSet schemas(LinodeConnection connection, @Nullable String catalog,
      @Nullable String schemaPattern) throws SQLException {
    MetaPattern pattern = MetaPattern.of(schemaPattern);
    List<Object[]> rows = new ArrayList<>();
    if (MetaPattern.catalogMatches(catalog, MetadataModel.CATALOG)) {
      for (String schema : model(connection).schemas()) {
        if (pattern.matches(schema)) {
          rows.add(new Object[] {schema, MetadataModel.CATALOG});
        }
      }
    }
    return rows(SCHEMAS, rows); // already in TABLE_CATALOG, TABLE_SCHEM order: one catalog
  }

  private static ResultSet tables(LinodeConnection connection, @Nullable String catalog,
      @Nullable String schemaPattern, @Nullable String tablePattern, String @Nullable [] types)
      throws SQLException {
    List<String> wanted = types == null ? null
        : Arrays.stream(types).filter(Objects::nonNull)
            .map(t -> t.trim().toUpperCase(Locale.ROOT)).toList();
    List<Object[]> rows = new ArrayList<>();
    matchingTables(connection, catalog, schemaPattern, tablePattern).stream()
        .filter(t -> wanted == null || wanted.contains(t.type()))
        .sorted(Comparator.comparing(TableInfo::type).thenComparing(TableInfo::catalog)
            .thenComparing(TableInfo::schema).thenComparing(TableInfo::name))
        .forEach(t -> rows.add(new Object[] {t.catalog(), t.schema(), t.name(), t.type(),
            t.remarks(), null, null, null, null, null}));
    return rows(TABLES, rows);
  }

  private static ResultSet columns(LinodeConnection connection, @Nullable String catalog,
      @Nullable String schemaPattern, @Nullable String tablePattern,
      @Nullable String columnPattern) throws SQLException {
    MetaPattern columns = MetaPattern.of(columnPattern);
    List<Object[]> rows = new ArrayList<>();
    for (TableInfo t : matchingTables(connection, catalog, schemaPattern, tablePattern)) {
      for (Column col : t.columns()) {
        if (!columns.matches(col.name())) {
          continue;
        }
        rows.add(new Object[] {t.catalog(), t.schema(), t.name(), col.name(), col.jdbcType(),
            col.typeName(), col.columnSize(), null, col.decimalDigits(), col.radix(),
            MetadataModel.nullable(col), col.remarks(), null, null, null,
            col.charOctetLength(), col.ordinal(), col.nullable() ? "YES" : "NO", null, null,
            null, null, col.autoIncrement() ? "YES" : "NO", "NO"});
      }
    }
    return rows(COLUMNS, rows); // model order: schema, table, ordinal
  }

  private static ResultSet primaryKeys(LinodeConnection connection, @Nullable String catalog,
      @Nullable String schema, @Nullable String table) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    for (TableInfo t : matchingTables(connection, catalog, schema, table)) {
      List<String> key = t.primaryKey();
      for (int i = 0; i < key.size(); i++) {
        rows.add(new Object[] {t.catalog(), t.schema(), t.name(), key.get(i), i + 1,
            t.primaryKeyName()});
      }
    }
    rows.sort(Comparator.comparing((Object[] r) -> (String) r[3]));
    return rows(PRIMARY_KEYS, rows);
  }

  /** The key as a unique index: the API finds one object by it ({@code GET /path/{id}}). */
  private static ResultSet indexInfo(LinodeConnection connection, @Nullable String catalog,
      @Nullable String schema, @Nullable String table) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    for (TableInfo t : matchingTables(connection, catalog, schema, table)) {
      List<String> key = t.primaryKey();
      for (int i = 0; i < key.size(); i++) {
        rows.add(new Object[] {t.catalog(), t.schema(), t.name(), false, null,
            t.primaryKeyName(), (int) DatabaseMetaData.tableIndexOther, i + 1, key.get(i), null,
            null, null, null});
      }
    }
    return rows(INDEX_INFO, rows);
  }

  private static ResultSet bestRowIdentifier(LinodeConnection connection,
      @Nullable String catalog, @Nullable String schema, @Nullable String table)
      throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    for (TableInfo t : matchingTables(connection, catalog, schema, table)) {
      for (String key : t.primaryKey()) {
        Column col = t.column(key).orElseThrow();
        rows.add(new Object[] {(int) DatabaseMetaData.bestRowSession, col.name(),
            col.jdbcType(), col.typeName(), col.columnSize(), null, col.decimalDigits(),
            (int) DatabaseMetaData.bestRowNotPseudo});
      }
    }
    return rows(BEST_ROW, rows);
  }

  /** The types a column or a CAST can have here, ordered by DATA_TYPE as JDBC asks. */
  private static List<Object[]> typeInfo() {
    List<Object[]> rows = new ArrayList<>();
    rows.add(type("TINYINT", Types.TINYINT, 3, null, null, null, false, true));
    rows.add(type("BIGINT", Types.BIGINT, 19, null, null, null, false, true));
    rows.add(type("CHAR", Types.CHAR, 65536, "'", "'", "length", true, false));
    rows.add(type("DECIMAL", Types.DECIMAL, 19, null, null, "precision,scale", false, true));
    rows.add(type("INTEGER", Types.INTEGER, 10, null, null, null, false, true));
    rows.add(type("SMALLINT", Types.SMALLINT, 5, null, null, null, false, true));
    rows.add(type("FLOAT", Types.FLOAT, 15, null, null, null, false, true));
    rows.add(type("REAL", Types.REAL, 7, null, null, null, false, true));
    rows.add(type("DOUBLE", Types.DOUBLE, 15, null, null, null, false, true));
    rows.add(type("VARCHAR", Types.VARCHAR, Integer.MAX_VALUE, "'", "'", "length", true,
        false));
    rows.add(type("BOOLEAN", Types.BOOLEAN, 1, null, null, null, false, false));
    rows.add(type("DATE", Types.DATE, 10, "DATE '", "'", null, false, false));
    rows.add(type("TIME", Types.TIME, 8, "TIME '", "'", "precision", false, false));
    rows.add(type("TIMESTAMP", Types.TIMESTAMP, 29, "TIMESTAMP '", "'", "precision", false,
        false));
    return rows;
  }

  private static Object[] type(String name, int jdbcType, int precision,
      @Nullable String prefix, @Nullable String suffix, @Nullable String createParams,
      boolean caseSensitive, boolean numeric) {
    boolean decimal = jdbcType == Types.DECIMAL;
    return new Object[] {name, jdbcType, precision, prefix, suffix, createParams,
        (int) DatabaseMetaData.typeNullable, caseSensitive, (int) DatabaseMetaData.typeSearchable,
        false, false, false, name, 0, decimal ? 19 : 0, null, null,
        numeric ? 10 : null};
  }
}
