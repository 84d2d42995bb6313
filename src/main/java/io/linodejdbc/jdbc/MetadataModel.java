package io.linodejdbc.jdbc;

import io.linodejdbc.resource.ColumnDescriptor;
import io.linodejdbc.resource.ResourceDescriptor;
import io.linodejdbc.sql.LinodeSchemas;
import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.Table;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The objects the driver shows to SQL clients, as catalog {@code linode}, one schema per Linode
 * service ({@code profile}), and the tables in it: exactly the three-part name
 * {@code linode.profile.personal_access_tokens} that runs as SQL.
 *
 * <p>Read from the Calcite schema tree under {@code linode} (so that what is listed is what can
 * be queried, with the types Calcite will report for a query), and described from the resource
 * descriptors (the API's own texts for REMARKS, the key column for the primary key). Not listed:
 * the top-level copies of the service schemas (an alias that lets the default schema resolve
 * unqualified names; listing it would show every table twice) and Calcite's {@code metadata}
 * schema (its own catalog tables, which describe the aliases too).
 */
final class MetadataModel {
  /** The catalog every object is in: StackQL's provider name. */
  static final String CATALOG = LinodeSchemas.PROVIDER;
  /** Suffix of the page-envelope companion of a resource table (see LinodePagesTable). */
  static final String PAGES_SUFFIX = "_pages";
  static final String TABLE = "TABLE";
  static final String VIEW = "VIEW";
  /** The table types, in getTableTypes order. */
  static final List<String> TABLE_TYPES = List.of(TABLE, VIEW);

  /** What the envelope columns of {@code <resource>_pages} mean. */
  private static final Map<String, String> PAGE_COLUMN_REMARKS = Map.of(
      "data", "The page's objects as a JSON array (the list response's data field).",
      "page", "The number of this page, from 1.",
      "pages", "How many pages the list has at this page size.",
      "results", "How many objects the list has in all.");

  /** One column as getColumns shows it. */
  record Column(String name, int ordinal, int jdbcType, String typeName,
      @Nullable Integer columnSize, @Nullable Integer decimalDigits, @Nullable Integer radix,
      @Nullable Integer charOctetLength, boolean nullable, @Nullable String remarks,
      boolean autoIncrement) {}

  /** One table or view as getTables shows it. */
  record TableInfo(String catalog, String schema, String name, String type,
      @Nullable String remarks, List<Column> columns, List<String> primaryKey) {
    Optional<Column> column(String columnName) {
      return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    String primaryKeyName() {
      return name + "_pkey";
    }
  }

  private final List<TableInfo> tables;
  private final List<String> schemas;

  private MetadataModel(List<String> schemas, List<TableInfo> tables) {
    this.schemas = schemas;
    this.tables = tables;
  }

  /** The objects of this connection, read afresh (cheap: no API call). */
  static MetadataModel of(CalciteConnection calcite, List<ResourceDescriptor> resources) {
    RelDataTypeFactory typeFactory = calcite.getTypeFactory();
    List<String> schemas = new ArrayList<>();
    List<TableInfo> tables = new ArrayList<>();
    SchemaPlus provider = calcite.getRootSchema().subSchemas().get(CATALOG);
    if (provider != null) {
      for (String schemaName : new TreeSet<>(provider.subSchemas().getNames(LikePattern.any()))) {
        SchemaPlus schema = provider.subSchemas().get(schemaName);
        if (schema == null) {
          continue;
        }
        schemas.add(schemaName);
        for (String tableName : new TreeSet<>(schema.tables().getNames(LikePattern.any()))) {
          Table table = schema.tables().get(tableName);
          if (table != null) {
            tables.add(describe(schemaName, tableName, table.getRowType(typeFactory),
                resources));
          }
        }
      }
    }
    return new MetadataModel(List.copyOf(schemas), List.copyOf(tables));
  }

  List<String> schemas() {
    return schemas;
  }

  List<TableInfo> tables() {
    return tables;
  }

  private static @Nullable ResourceDescriptor resource(String service, String name,
      List<ResourceDescriptor> resources) {
    for (ResourceDescriptor r : resources) {
      if (r.service().equals(service) && r.name().equals(name)) {
        return r;
      }
    }
    return null;
  }

  private static TableInfo describe(String schema, String name, RelDataType rowType,
      List<ResourceDescriptor> resources) {
    ResourceDescriptor resource = resource(schema, name, resources);
    ResourceDescriptor pagesOf = name.endsWith(PAGES_SUFFIX) ? resource(schema,
        name.substring(0, name.length() - PAGES_SUFFIX.length()), resources) : null;
    String type = pagesOf != null ? VIEW : TABLE;
    String remarks = resource != null ? resource.description()
        : pagesOf != null ? "The list call of " + CATALOG + "." + schema + "." + pagesOf.name()
            + " as the API returns it: one row per page (data, page, pages, results). Read-only."
        : null;
    List<Column> columns = new ArrayList<>();
    int ordinal = 0;
    for (RelDataTypeField field : rowType.getFieldList()) {
      ordinal++;
      String columnRemarks = null;
      boolean autoIncrement = false;
      if (resource != null) {
        Optional<ColumnDescriptor> c = resource.column(field.getName());
        columnRemarks = c.map(ColumnDescriptor::description).orElse(null);
        // The server assigns the key of a new object; INSERT leaves it out.
        autoIncrement = field.getName().equals(resource.keyColumn());
      } else if (pagesOf != null) {
        columnRemarks = PAGE_COLUMN_REMARKS.get(field.getName());
      }
      columns.add(column(field, ordinal, columnRemarks, autoIncrement));
    }
    List<String> key = resource != null ? List.of(resource.keyColumn()) : List.of();
    return new TableInfo(CATALOG, schema, name, type, remarks, List.copyOf(columns), key);
  }

  private static Column column(RelDataTypeField field, int ordinal, @Nullable String remarks,
      boolean autoIncrement) {
    RelDataType type = field.getType();
    SqlTypeName sqlType = type.getSqlTypeName();
    int jdbcType = sqlType.getJdbcOrdinal();
    Integer size;
    Integer digits = null;
    Integer radix = null;
    Integer octets = null;
    int precision = type.getPrecision();
    switch (jdbcType) {
    case Types.TINYINT:
      size = 3;
      digits = 0;
      radix = 10;
      break;
    case Types.SMALLINT:
      size = 5;
      digits = 0;
      radix = 10;
      break;
    case Types.INTEGER:
      size = 10;
      digits = 0;
      radix = 10;
      break;
    case Types.BIGINT:
      size = 19;
      digits = 0;
      radix = 10;
      break;
    case Types.DECIMAL:
    case Types.NUMERIC:
      size = precision;
      digits = type.getScale();
      radix = 10;
      break;
    case Types.REAL:
    case Types.FLOAT:
    case Types.DOUBLE:
      size = precision > 0 ? precision : 15;
      radix = 10;
      break;
    case Types.BOOLEAN:
      size = 1;
      break;
    case Types.DATE:
      size = 10; // yyyy-mm-dd
      break;
    case Types.TIME:
    case Types.TIMESTAMP:
      // Length of the text form: yyyy-mm-dd hh:mm:ss[.fff] (JDBC's COLUMN_SIZE for datetimes).
      int fraction = Math.max(precision, 0);
      size = (jdbcType == Types.TIME ? 8 : 19) + (fraction > 0 ? fraction + 1 : 0);
      digits = fraction;
      break;
    case Types.CHAR:
    case Types.VARCHAR:
      // No stated limit: report the largest, as PostgreSQL does for text.
      size = precision > 0 ? precision : Integer.MAX_VALUE;
      // UTF-8: up to four bytes a character.
      octets = precision > 0 ? (int) Math.min(Integer.MAX_VALUE, 4L * precision)
          : Integer.MAX_VALUE;
      break;
    default:
      size = precision > 0 ? precision : null;
      break;
    }
    return new Column(field.getName(), ordinal, jdbcType, sqlType.getName(), size, digits, radix,
        octets, type.isNullable(), remarks, autoIncrement);
  }

  /** {@code DatabaseMetaData.columnNullable} / {@code columnNoNulls}. */
  static int nullable(Column c) {
    return c.nullable() ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls;
  }
}
