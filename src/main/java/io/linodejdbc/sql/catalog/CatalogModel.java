package io.linodejdbc.sql.catalog;

import io.linodejdbc.resource.ColumnDescriptor;
import io.linodejdbc.resource.ResourceDescriptor;
import io.linodejdbc.sql.LinodePagesTable;
import io.linodejdbc.sql.LinodeTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.schema.lookup.LikePattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What the system catalogs describe, computed once from the schemas mounted in a Calcite root:
 * namespaces, relations (tables, views, primary-key indexes), their columns with PostgreSQL type
 * OIDs, descriptions (the resource descriptors' own) and primary keys. OIDs are assigned in a
 * fixed order, so they are stable for a given set of resources.
 */
final class CatalogModel {
  static final String PG_CATALOG = "pg_catalog";
  static final String INFORMATION_SCHEMA = "information_schema";
  /** Calcite's own schemas and the provider (the database itself) are not namespaces. */
  private static final List<String> NOT_NAMESPACES = List.of("linode", "metadata");

  static final int PG_CATALOG_OID = 11;
  static final int INFORMATION_SCHEMA_OID = 13_000;
  static final int DATABASE_OID = 16_384;
  static final int OWNER_OID = 10;
  static final String OWNER = "linode";

  /** OIDs PostgreSQL itself gives its catalogs; clients write {@code 'pg_class'::regclass}. */
  private static final Map<String, Integer> WELL_KNOWN = Map.of("pg_class", 1259,
      "pg_namespace", 2615, "pg_attribute", 1249, "pg_type", 1247, "pg_description", 2609,
      "pg_database", 1262, "pg_index", 2610, "pg_constraint", 2606, "pg_proc", 1255,
      "pg_am", 2601);

  record Namespace(int oid, String name) {}

  record Attribute(int number, String name, int typeOid, int typeModifier, boolean notNull,
      @Nullable String description) {}

  /**
   * A relation: kind {@code r} table, {@code v} view, {@code i} index (then {@code indexOf} is
   * the table).
   */
  record Relation(int oid, String name, Namespace namespace, char kind,
      List<Attribute> attributes, @Nullable String description, List<Integer> key,
      int indexOid, int constraintOid, @Nullable Relation indexOf) {
    String qualifiedName() {
      return quoteIdent(namespace.name()) + "." + quoteIdent(name);
    }

    String indexName() {
      return name + "_pkey";
    }
  }

  final List<Namespace> namespaces;
  final List<Relation> relations;
  private final Map<Integer, Relation> byOid = new LinkedHashMap<>();
  /** The namespaces holding the session's resources (its services). */
  private final Set<String> services;

  private CatalogModel(List<Namespace> namespaces, List<Relation> relations,
      Set<String> services) {
    this.namespaces = List.copyOf(namespaces);
    this.relations = List.copyOf(relations);
    this.services = Set.copyOf(services);
    for (Relation r : relations) {
      byOid.put(r.oid(), r);
    }
  }

  @Nullable Relation relation(int oid) {
    return byOid.get(oid);
  }

  @Nullable Namespace namespace(int oid) {
    return namespaces.stream().filter(n -> n.oid() == oid).findFirst().orElse(null);
  }

  @Nullable Namespace namespace(String name) {
    return namespaces.stream().filter(n -> n.name().equals(name)).findFirst().orElse(null);
  }

  /** A relation by name, in the namespace or on the search path (pg_catalog, profile). */
  @Nullable Relation relation(@Nullable String schema, String name) {
    for (Relation r : relations) {
      if (!r.name().equals(name)) {
        continue;
      }
      if (schema == null ? onSearchPath(r.namespace()) : r.namespace().name().equals(schema)) {
        return r;
      }
    }
    return null;
  }

  /** pg_catalog, then the schemas holding Linode resources: what unqualified names reach. */
  boolean onSearchPath(Namespace n) {
    return n.name().equals(PG_CATALOG) || services.contains(n.name());
  }

  static String quoteIdent(String name) {
    return name.matches("[a-z_][a-z0-9_$]*") ? name : "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** Builds the model of {@code root}. */
  static CatalogModel of(SchemaPlus root) {
    RelDataTypeFactory types = new JavaTypeFactoryImpl();
    List<Namespace> namespaces = new ArrayList<>();
    List<Relation> relations = new ArrayList<>();
    Set<String> services = new TreeSet<>();
    List<String> names = new ArrayList<>(List.of(PG_CATALOG, INFORMATION_SCHEMA));
    for (String n : new TreeSet<>(root.subSchemas().getNames(LikePattern.any()))) {
      if (!names.contains(n) && !NOT_NAMESPACES.contains(n)) {
        names.add(n);
      }
    }
    int catalogOid = 12_000;
    int infoOid = 13_100;
    int userOid = DATABASE_OID + 16;
    int userNamespaceOid = DATABASE_OID + 1;
    for (String schemaName : names) {
      SchemaPlus schema = root.subSchemas().get(schemaName);
      if (schema == null) {
        continue;
      }
      Namespace ns = new Namespace(schemaName.equals(PG_CATALOG) ? PG_CATALOG_OID
          : schemaName.equals(INFORMATION_SCHEMA) ? INFORMATION_SCHEMA_OID
          : userNamespaceOid++, schemaName);
      namespaces.add(ns);
      for (String tableName : new TreeSet<>(schema.tables().getNames(LikePattern.any()))) {
        Table table = schema.tables().get(tableName);
        if (table == null) {
          continue;
        }
        // The resources are the session's own, as its tables carry them.
        ResourceDescriptor resource = table instanceof LinodeTable t ? t.resource() : null;
        boolean pages = table instanceof LinodePagesTable;
        if (resource != null) {
          services.add(schemaName);
        }
        int oid;
        int indexOid = 0;
        int constraintOid = 0;
        if (ns.oid() == PG_CATALOG_OID) {
          oid = WELL_KNOWN.getOrDefault(tableName, catalogOid++);
        } else if (ns.oid() == INFORMATION_SCHEMA_OID) {
          oid = infoOid++;
        } else {
          oid = userOid;
          indexOid = userOid + 1;
          constraintOid = userOid + 2;
          userOid += 3;
        }
        List<Attribute> attributes = new ArrayList<>();
        RelDataType row = table.getRowType(types);
        List<Integer> key = new ArrayList<>();
        int number = 0;
        for (RelDataTypeField f : row.getFieldList()) {
          number++;
          ColumnDescriptor column = resource == null ? null
              : resource.column(f.getName()).orElse(null);
          attributes.add(new Attribute(number, f.getName(), typeOid(f.getType()),
              typeModifier(f.getType()), !f.getType().isNullable(),
              column == null ? null : column.description()));
          if (resource != null && f.getName().equals(resource.keyColumn())) {
            key.add(number);
          }
        }
        if (key.isEmpty()) {
          indexOid = 0;
          constraintOid = 0;
        }
        char kind = pages || table.getJdbcTableType() == org.apache.calcite.schema.Schema
            .TableType.VIEW ? 'v' : 'r';
        Relation r = new Relation(oid, tableName, ns, kind, attributes,
            resource == null ? null : resource.description(), key, indexOid, constraintOid,
            null);
        relations.add(r);
        if (indexOid != 0) {
          List<Attribute> indexed = new ArrayList<>();
          for (int k : key) {
            Attribute a = attributes.get(k - 1);
            indexed.add(new Attribute(indexed.size() + 1, a.name(), a.typeOid(), -1, false,
                null));
          }
          relations.add(new Relation(indexOid, r.indexName(), ns, 'i', indexed, null, key, 0, 0,
              r));
        }
      }
    }
    return new CatalogModel(namespaces, relations, services);
  }

  /** The PostgreSQL type OID of a Calcite type. */
  static int typeOid(RelDataType type) {
    SqlTypeName t = type.getSqlTypeName();
    switch (t) {
    case BOOLEAN:
      return PgTypeInfo.BOOL;
    case TINYINT:
    case SMALLINT:
      return PgTypeInfo.INT2;
    case INTEGER:
      return PgTypeInfo.INT4;
    case BIGINT:
      return PgTypeInfo.INT8;
    case REAL:
      return PgTypeInfo.FLOAT4;
    case FLOAT:
    case DOUBLE:
      return PgTypeInfo.FLOAT8;
    case DECIMAL:
      return PgTypeInfo.NUMERIC;
    case CHAR:
    case VARCHAR:
      return PgTypeInfo.VARCHAR;
    case DATE:
      return PgTypeInfo.DATE;
    case TIME:
      return PgTypeInfo.TIME;
    case TIMESTAMP:
      return PgTypeInfo.TIMESTAMP;
    case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
      return PgTypeInfo.TIMESTAMPTZ;
    case BINARY:
    case VARBINARY:
      return PgTypeInfo.BYTEA;
    case ARRAY:
      RelDataType element = type.getComponentType();
      return element != null && SqlTypeName.INT_TYPES.contains(element.getSqlTypeName())
          ? PgTypeInfo.INT4_ARRAY : PgTypeInfo.TEXT_ARRAY;
    default:
      return PgTypeInfo.TEXT;
    }
  }

  /** PostgreSQL's atttypmod: length + 4 for varchar(n), -1 when unbounded. */
  static int typeModifier(RelDataType type) {
    if (type.getSqlTypeName() == SqlTypeName.VARCHAR || type.getSqlTypeName() == SqlTypeName.CHAR) {
      int p = type.getPrecision();
      return p > 0 && p < 10_485_760 ? p + 4 : -1;
    }
    if (type.getSqlTypeName() == SqlTypeName.DECIMAL) {
      return ((type.getPrecision() << 16) | type.getScale()) + 4;
    }
    return -1;
  }

  /** Holds the model of one root, built on first use (the schemas are complete by then). */
  static final class Holder {
    private final SchemaPlus root;
    private volatile CatalogModel model;

    Holder(SchemaPlus root) {
      this.root = root;
    }

    CatalogModel get() {
      CatalogModel m = model;
      if (m == null) {
        synchronized (this) {
          if (model == null) {
            model = of(root);
          }
          m = model;
        }
      }
      return m;
    }
  }

  /**
   * The model the catalog functions ({@code format_type}, {@code obj_description}, …) consult:
   * Calcite calls them statically. Every connection mounts the same resources, so every root's
   * model is the same.
   */
  private static volatile Holder current;

  static void setCurrent(Holder holder) {
    current = holder;
  }

  static CatalogModel current() {
    Holder h = current;
    if (h == null) {
      throw new IllegalStateException("no catalog mounted");
    }
    return h.get();
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
